"""`kinerja report`: one self-contained HTML page of the warehouse's `bi` views for analysts
who do not write SQL — budgets by program and activity, quarterly target profiles, targets
across years, the reconciliation and `extraction_` findings, and the documents.

Nothing in the page is fetched: the CSS is inline, the charts are inline SVG drawn from
`charts.py` geometry by `report.html.j2`, and there is no script. Every value from the
warehouse is HTML-escaped (Jinja2 autoescape) with its control characters spelled out.
Each section shows at most a fixed number of items and says what it left out.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

import duckdb
import jinja2
import markupsafe

from schemas.numbers import format_number
from schemas.text import spell_unprintable
from warehouse import charts
from warehouse.charts import PERIODS, rupiah
from warehouse.db import open_reader

MONEY_CHECKS = ("program_total_vs_activities", "budget_total_vs_programs", "activity_total_vs_sub_activities")
FOLLOWED_LINKS = ("same", "reworded")  # bi.indicator_links statuses a series follows ('review' is not sure enough)
LINK_COLUMNS = {"unit", "fiscal_year", "indicator", "previous_fiscal_year", "previous_indicator", "status"}
EXTRACTION_MEANING = {
    "extraction_section_without_rows": "a section was recognised but no row could be read from it",
    "extraction_unlinked_rows": "period rows that link to no indicator of the document",
    "extraction_indicator_without_rows": "an indicator without its period (Rincian/Lampiran) row",
    "extraction_numbering_gap": "numbered rows miss a number: a row was probably lost",
    "extraction_budget_row_unsound": "a budget row failed its own sanity test; the money checks skip it",
    "extraction_table_not_read": "a table header from which no row was read",
    "extraction_blank_cell": "a value cell with nothing printed in it",
    "extraction_unclaimed_figure": "an amount in a budget table that no row took up",
    "extraction_table_cut_off": "the document ends inside a table: a page is probably missing",
    "extraction_amount_not_read": "a Rupiah amount is printed but no budget row was read: the budget table may be unread",
    "extraction_ocr_text_layer": "scanned pages: the values are another tool's OCR reading",
    "extraction_rows_cut_at_figures": "a scan's ruled rows held several figures stacked and were cut at them: check each figure's indicator",
    "extraction_ocr_read": "scanned pages read by kinerja's OCR: check the values against the page",
    "extraction_ocr_low_confidence": "a figure kinerja's OCR was not sure of: check it against the page",
    "extraction_ocr_repaired": "a '%' kinerja's OCR read as a digit, or an amount's misread marks, put back: check it against the page",
    "extraction_ocr_readings_differ": "a figure kinerja's OCR read with confidence, read otherwise a second time: check it against the page",
    "extraction_rows_split": "one table row printed several targets one under another, read as that many rows: check the indicators",
    "extraction_nip_birth_date": "a NIP read by OCR whose digits do not decode: a digit was probably misread",
    "extraction_period_not_rising": "period targets read by OCR that do not rise to the year's target: a figure was probably misread",
    "extraction_kind_assumed": "no title named the document's kind; it was inferred from its tables",
}


class ReportError(RuntimeError):
    """The report could not be written; the message says why."""


@dataclass(frozen=True)
class Scope:
    """Which part of the warehouse the report covers: units whose name contains ``unit``
    (any case), fiscal year ``year``; None is all."""

    unit: str | None = None
    year: int | None = None

    def where(self, alias: str = "", *, with_year: bool = True) -> tuple[str, list]:
        prefix = f"{alias}." if alias else ""
        terms, params = ["TRUE"], []
        if self.unit:
            terms.append(f"contains(lower({prefix}unit), lower(?))")
            params.append(self.unit)
        if self.year is not None and with_year:
            terms.append(f"{prefix}fiscal_year = ?")
            params.append(self.year)
        return " AND ".join(terms), params

    def describe(self) -> str:
        parts = ([f"units whose name contains “{self.unit}”"] if self.unit else []) + ([f"fiscal year {self.year}"] if self.year else [])
        return "; ".join(parts) or "every unit and fiscal year"


@dataclass(frozen=True)
class Limits:
    """The most items each section shows: the page stays small for thousands of documents."""

    budgets: int = 20
    profiles: int = 60
    series: int = 24
    findings: int = 500
    documents: int = 1000


def write_report(db: str | Path, out: Path, scope: Scope = Scope(), limits: Limits = Limits(), *, lock_timeout_s: float = 0) -> dict:
    """Write the report of the warehouse ``db`` to ``out`` (a temporary file renamed over it);
    returns the counts it shows."""
    con = open_reader(db, lock_timeout_s=lock_timeout_s)
    try:
        context = gather(con, scope, limits)
    except duckdb.Error as exc:
        raise ReportError(f"cannot read the bi views of {db}: {exc}") from exc
    finally:
        con.close()
    context["source"] = str(db)
    page = render(context)
    partial = out.parent / f".{out.name}.partial-{os.getpid()}"
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return context["counts"]


def render(context: dict) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_inert, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(rupiah=rupiah, number=plain_number)
    template = (resources.files("warehouse") / "report.html.j2").read_text(encoding="utf-8")
    return env.from_string(template).render(**context)


def _inert(value):
    """Every value printed into the page: control and bidi characters spelled out (autoescape does the rest)."""
    return spell_unprintable(value) if isinstance(value, str) and not isinstance(value, markupsafe.Markup) else value


def plain_number(value: Decimal | None) -> str:
    """Decimal('4.250000') -> '4,25'; None -> '-'."""
    return "-" if value is None else format_number(Decimal(value).normalize())


# ---------------------------------------------------------------- gathering


def gather(con: duckdb.DuckDBPyConnection, scope: Scope, limits: Limits) -> dict:
    """Everything the template shows, read from the bi views that exist."""
    columns = _view_columns(con)
    documents = _documents(con, scope, columns.get("documents", set()))
    files = {d["document_id"]: d["file_name"] for d in documents}
    findings = _findings(con, scope, files) if "reconciliation" in columns else []
    money = [f for f in findings if not f["check_name"].startswith("extraction_")]
    extraction = [f for f in findings if f["check_name"].startswith("extraction_")]
    flagged: dict[str, list[str]] = {}
    for f in extraction:
        flagged.setdefault(f["document_id"], []).append(f["check_name"])
    for d in documents:
        d["flagged"] = sorted(set(flagged.get(d["document_id"], [])))
    documents.sort(key=lambda d: (not d["flagged"], d["unit"] or "", d["fiscal_year"] or 0, d["file_name"] or ""))
    budgets = _budgets(con, scope, files) if "budget_lines" in columns else []
    profiles = _profiles(con, scope, files, columns.get("period_targets", set())) if "period_targets" in columns else []
    series, method = _series(con, scope, columns) if "indicator_targets" in columns else ([], "")
    shown_budgets, budget_note = _capped(sorted(budgets, key=lambda b: -b["total"]), limits.budgets, "budgets", _unit_year)
    shown_budgets.sort(key=_unit_year)
    counts = {
        "documents": len(documents), "units": len({d["unit"] for d in documents if d["unit"]}),
        "years": sorted({d["fiscal_year"] for d in documents if d["fiscal_year"] is not None}),
        "money_findings": len(money), "extraction_findings": len(extraction), "flagged_documents": len(flagged),
        "budgets": len(budgets), "profiles": len(profiles), "series": len(series),
    }
    return {
        "scope": scope.describe(), "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "counts": counts,
        "money": _capped(money, limits.findings, "money findings", _unit_year),
        "extraction": _capped(extraction, limits.findings, "extraction findings", _unit_year),
        "meaning": EXTRACTION_MEANING,
        "overview": charts.bars([charts.Bar(f"{b['unit']} ({b['fiscal_year']})", b["total"], rupiah(b["total"]), "total") for b in shown_budgets]),
        "budgets": ([charts.budget_chart(b) for b in shown_budgets], budget_note),
        "profiles": _capped(profiles, limits.profiles, "quarterly profiles", _unit_year, charts.profile_chart),
        "series": _capped(series, limits.series, "indicators followed across years", lambda s: s["unit"], charts.series_chart),
        "series_method": method,
        "documents": _capped(documents, limits.documents, "documents", _unit_year),
        "missing": sorted({"documents", "reconciliation", "budget_lines", "period_targets", "indicator_targets"} - set(columns)),
    }


def _unit_year(item: dict) -> tuple[str, int]:
    return (item.get("unit") or "", item.get("fiscal_year") or 0)


def _capped(items: list[dict], limit: int, what: str, name_of: Callable[[dict], object], finish: Callable[[dict], dict] | None = None
            ) -> tuple[list[dict], str | None]:
    """The first ``limit`` items (finished for drawing), and a sentence naming what was left out."""
    shown, rest = items[:limit], items[limit:]
    if finish:
        shown = [finish(item) for item in shown]
    if not rest:
        return shown, None
    names = list(dict.fromkeys(_named(name_of(item)) for item in rest))
    listed = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    return shown, (
        f"{len(rest)} more {what} left out (showing {len(shown)} of {len(items)}), from: {listed}. "
        "Narrow the report with --unit or --year, or read every row in the bi views (kinerja export)."
    )


def _named(key: object) -> str:
    if isinstance(key, tuple):
        unit, year = key
        return f"{unit or '?'} ({year})" if year else unit or "?"
    return str(key)


def _view_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The bi views (and tables) of this warehouse with their columns."""
    found: dict[str, set[str]] = {}
    for view, column in con.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'bi'").fetchall():
        found.setdefault(view, set()).add(column)
    return found


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _pick(available: set[str], wanted: Iterable[str]) -> str:
    """A select list of ``wanted`` columns, NULL for those this warehouse's view lacks."""
    return ", ".join(c if c in available else f"NULL AS {c}" for c in wanted)


def _documents(con: duckdb.DuckDBPyConnection, scope: Scope, available: set[str]) -> list[dict]:
    if not available:
        return []
    wanted = ("document_id", "file_name", "unit", "fiscal_year", "document_kind", "sections", "page_count", "ocr_used")
    where, params = scope.where()
    current = " AND is_current" if "is_current" in available else ""  # a superseded version's facts are not on the page
    return _rows(con, f"SELECT {_pick(available, wanted)} FROM bi.documents WHERE {where}{current}", params)


def _findings(con: duckdb.DuckDBPyConnection, scope: Scope, files: dict[str, str]) -> list[dict]:
    """Every mismatch of the documents in scope (a cross-file check names its companion file)."""
    where, params = scope.where("d")
    rows = _rows(con, f"""
        SELECT r.document_id, r.check_name, r.subject, r.stated, r.computed, r.difference, d.unit, d.fiscal_year
        FROM bi.reconciliation r JOIN bi.documents d USING (document_id)
        WHERE r.status = 'mismatch' AND {where}
        ORDER BY d.unit, d.fiscal_year, d.file_name, r.check_name, r.subject""", params)
    for r in rows:
        r["file_name"] = files.get(r["document_id"])
        r["money"] = r["check_name"] in MONEY_CHECKS
    return rows


def _budgets(con: duckdb.DuckDBPyConnection, scope: Scope, files: dict[str, str]) -> list[dict]:
    """A budget per document in the document's order of rows; documents of the same unit and
    year with the very same lines are one budget naming all their files."""
    where, params = scope.where()
    rows = _rows(con, f"""
        SELECT document_id, unit, fiscal_year, program_no, program, activity_code, activity, level, amount_idr
        FROM bi.budget_lines WHERE {where}""", params)  # the view keeps each document's order of rows
    by_document: dict[str, list[dict]] = {}
    for r in rows:
        by_document.setdefault(r["document_id"], []).append(r)
    merged: dict[tuple, dict] = {}
    for document_id, lines in by_document.items():
        first = lines[0]
        key = (first["unit"], first["fiscal_year"],
               tuple((r["level"], r["program_no"], r["program"], r["activity_code"], r["activity"], r["amount_idr"]) for r in lines))
        if key in merged:
            merged[key]["files"].append(files.get(document_id) or document_id)
            continue
        programs = _programs(lines)
        merged[key] = {
            "unit": first["unit"], "fiscal_year": first["fiscal_year"], "files": [files.get(document_id) or document_id],
            "programs": programs, "total": sum((p["amount"] for p in programs if p["amount"] is not None), Decimal(0)),
        }
    return list(merged.values())


def _programs(lines: list[dict]) -> list[dict]:
    """Programs with their activities, each program with the sum of its activities."""
    programs: list[dict] = []
    for r in lines:
        if r["level"] == "program" or not programs:  # an activity before any program gets a program without a row
            is_program = r["level"] == "program"
            programs.append({"no": r["program_no"], "name": r["program"] if is_program else None,
                             "amount": r["amount_idr"] if is_program else None, "activities": []})
            if is_program:
                continue
        programs[-1]["activities"].append({"code": r["activity_code"], "name": r["activity"], "amount": r["amount_idr"]})
    for p in programs:
        amounts = [a["amount"] for a in p["activities"] if a["amount"] is not None]
        p["activity_sum"] = sum(amounts, Decimal(0)) if amounts else None
        p["differs"] = p["activity_sum"] is not None and p["amount"] is not None and p["activity_sum"] != p["amount"]
    return programs


def _profiles(con: duckdb.DuckDBPyConnection, scope: Scope, files: dict[str, str], available: set[str]) -> list[dict]:
    """An indicator's targets per period, one per document table; the same unit, year,
    indicator and printed targets in several tables (PK Rincian and SKP Lampiran, copies)
    are one profile naming its sources and files."""
    where, params = scope.where()
    order = "min(line_no)" if "line_no" in available else "min(page)"
    pivot = ", ".join(
        f"first(target_raw) FILTER (WHERE period = '{p}') AS \"raw {p}\", first(target_value) FILTER (WHERE period = '{p}') AS \"value {p}\""
        for p in PERIODS
    )
    rows = _rows(con, f"""
        SELECT {_pick(available, ("document_id", "unit", "fiscal_year", "source", "row_no", "indicator_code", "indicator"))},
               {pivot}, coalesce(bool_and(is_percent) FILTER (WHERE target_value IS NOT NULL), false) AS percent
        FROM bi.period_targets WHERE {where}
        GROUP BY ALL ORDER BY unit, fiscal_year, document_id, {order}""", params)  # a row per indicator of a table
    merged: dict[tuple, dict] = {}
    for r in rows:
        cells = [r[f"raw {p}"] for p in PERIODS]
        key = (r["unit"], r["fiscal_year"], (r["indicator"] or "").strip().lower(), tuple(cells))  # a Lampiran prints no code
        if key not in merged:
            merged[key] = {
                "unit": r["unit"], "fiscal_year": r["fiscal_year"], "code": None, "indicator": r["indicator"], "cells": cells,
                "values": {p: (r[f"value {p}"], r[f"raw {p}"]) for p in PERIODS if r[f"raw {p}"] is not None},
                "percent": r["percent"], "sources": [], "files": [],
            }
        profile = merged[key]
        profile["code"] = profile["code"] or r["indicator_code"]
        profile["sources"] += [r["source"]] if r["source"] not in profile["sources"] else []
        file = files.get(r["document_id"]) or r["document_id"]
        profile["files"] += [file] if file not in profile["files"] else []
    return list(merged.values())


def _series(con: duckdb.DuckDBPyConnection, scope: Scope, columns: dict[str, set[str]]) -> tuple[list[dict], str]:
    """A unit's indicators followed over fiscal years (those with targets in two years or
    more): by bi.indicator_links where the warehouse has it, else by the indicator's text."""
    where, params = scope.where(with_year=False)
    rows = _rows(con, f"""
        SELECT unit, fiscal_year, source, indicator, target_raw, target_value, is_percent
        FROM bi.indicator_targets WHERE {where} AND fiscal_year IS NOT NULL
        ORDER BY unit, fiscal_year, source = 'skp'""", params)  # a PK's target before the SKP's of the same year

    def node(unit: str, year: int | None, indicator: str | None) -> tuple:
        return (unit, year, (indicator or "").strip().lower())

    # by text: every year's node joins its (unit, text) node; by links: the nodes join what they link to
    edges = [(node(r["unit"], r["fiscal_year"], r["indicator"]), node(r["unit"], None, r["indicator"])) for r in rows]
    method = "grouped by unit and indicator text (lower case, trimmed): bi.indicator_links is not in this warehouse"
    if LINK_COLUMNS <= columns.get("indicator_links", set()):
        statuses = ", ".join(f"'{s}'" for s in FOLLOWED_LINKS)
        links = _rows(con, f"""
            SELECT unit, fiscal_year, indicator, previous_fiscal_year, previous_indicator FROM bi.indicator_links
            WHERE previous_indicator IS NOT NULL AND status IN ({statuses}) AND {where}""", params)
        edges = [(a, a) for a, _ in edges]
        edges += [(node(k["unit"], k["fiscal_year"], k["indicator"]), node(k["unit"], k["previous_fiscal_year"], k["previous_indicator"])) for k in links]
        method = f"followed by bi.indicator_links (links of status {', '.join(FOLLOWED_LINKS)}; 'review' links are not followed)"
    root = _components(edges)
    series: dict[tuple, dict] = {}
    for r in rows:
        s = series.setdefault(root[node(r["unit"], r["fiscal_year"], r["indicator"])], {"unit": r["unit"], "years": {}})
        s["years"].setdefault(r["fiscal_year"], []).append(r)
    kept = [s for s in series.values() if len(s["years"]) > 1 and (scope.year is None or scope.year in s["years"])]
    return sorted(kept, key=lambda s: (s["unit"], s["years"][max(s["years"])][0]["indicator"] or "")), method


def _components(edges: list[tuple]) -> dict:
    """Each node's component (the root of a union-find over the edges)."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    return {x: find(x) for x in list(parent)}
