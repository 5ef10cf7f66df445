"""Ground truth of a sample: the spec's hand-typed meanings, laid out as JSON.

Nothing here parses text: every value comes from the spec as typed. Pages are the
spec's plan, which the renderer has checked against where blocks really landed.
"""

from __future__ import annotations

import json
from typing import Any

from samples.generators.spec import PERIODS, DocumentSpec, PeriodRow, SignatureRow, T

Json = dict[str, Any]
NO_TARGET = ("-", "\u2013", "\u2014")


def contract_qualifier(target: T) -> str | None:
    """CONTRACT.md's qualifier: the words printed with the target besides its number and %
    (a bracketed grade or scale, a unit), or the words of a target that is only words."""
    words = " ".join(w for w in (target.qualifier, target.unit) if w)
    if words:
        return words
    if target.value is None and not any(ch.isdigit() for ch in target.raw) and target.raw not in NO_TARGET:
        return target.raw
    return None


def target_fields(target: T) -> Json:
    return {
        "target_raw": target.raw,
        "target_value": target.value,
        "is_percent": target.is_percent,
        "scale_max": target.scale_max,
        "qualifier": contract_qualifier(target),
        "target_unit": target.unit,
    }


def indicator_targets(doc: DocumentSpec) -> list[Json]:
    rows: list[Json] = []
    pk_objectives = doc.pk.objectives if doc.pk else ()
    pages = iter(doc.pk.pages_by_row() if doc.pk else ())
    for objective in pk_objectives:
        for indicator in objective.indicators:
            rows.append({
                "source": "pk",
                "objective_no": objective.no,
                "objective": objective.text,
                "indicator_code": indicator.code,
                "indicator": indicator.text,
                **target_fields(indicator.target),
                "perspective": None,
                "assignment": None,
                "matched_code": None,
                "page": next(pages),
            })
    for part in doc.skp.rhk_parts if doc.skp else ():
        for objective in part.objectives:
            for indicator in objective.indicators:
                rows.append({
                    "source": "skp",
                    "objective_no": objective.no,
                    "objective": objective.text,
                    "indicator_code": None,
                    "indicator": indicator.text,
                    **target_fields(indicator.target),
                    "perspective": indicator.perspective,
                    "assignment": objective.assignment,
                    "matched_code": indicator.matched_code,
                    "page": part.page,
                })
    return rows


def period_rows(doc: DocumentSpec, source: str, row: PeriodRow, page: int,
                objective_no: int | None, objective: str | None) -> list[Json]:
    """Seven rows, one per period; the Y cell's scale and qualifier hold for the whole row."""
    out = []
    for period, printed in zip(PERIODS, row.cells, strict=True):
        cell = doc.cells[printed]
        is_year = period == "Y"
        if is_year and (cell.value, cell.is_percent) != (row.year.value, row.year.is_percent):
            raise ValueError(f"Y cell {printed!r} disagrees with {row.year!r}")
        out.append({
            "source": source,
            "row_no": row.row_no,
            "objective_no": objective_no,
            "objective": objective,
            "indicator_code": row.code,
            "indicator": row.text,
            "period": period,
            "target_raw": row.year.raw if is_year else printed,
            "target_value": cell.value,
            "is_percent": cell.is_percent,
            "scale_max": row.year.scale_max,
            "qualifier": contract_qualifier(row.year),
            "target_unit": cell.unit,
            "matched_code": row.matched_code,
            "page": page,
        })
    return out


def period_targets(doc: DocumentSpec) -> list[Json]:
    rows: list[Json] = []
    for part in doc.rincian.parts if doc.rincian else ():
        for objective in part.objectives:
            for row in objective.rows:
                rows += period_rows(doc, "pk_rincian", row, part.page, objective.no, objective.text)
    for row in doc.lampiran.rows if doc.lampiran else ():
        rows += period_rows(doc, "skp_lampiran", row, doc.lampiran.page, None, None)
    return rows


def budget_lines(doc: DocumentSpec) -> list[Json]:
    rows: list[Json] = []
    for program in doc.budget.programs if doc.budget else ():
        common = {"program_no": program.no, "program": program.name, "page": doc.budget.page}
        rows.append({**common, "activity_code": None, "activity": None, "level": "program",
                     "amount_idr": program.amount_idr, "amount_raw": program.amount_raw})
        for activity in program.activities:
            rows.append({**common, "activity_code": activity.code, "activity": activity.name,
                         "level": "activity", "amount_idr": activity.amount_idr,
                         "amount_raw": activity.amount_raw})
    return [{"line_no": i, **row} for i, row in enumerate(rows, start=1)]


def budget_totals(doc: DocumentSpec) -> list[Json]:
    """The budget table's printed total row, then the lampiran's Jumlah Anggaran."""
    rows: list[Json] = []
    if doc.budget and doc.budget.total:
        total = doc.budget.total
        rows.append({"source": "pk_budget", "label": total.label, "amount_idr": total.amount_idr,
                     "amount_raw": total.amount_raw, "page": doc.budget.page})
    lampiran = doc.lampiran
    if lampiran:
        budget_item = next(item for item in lampiran.resources if item.text.startswith(lampiran.budget_label))
        rows.append({
            "source": "skp_lampiran",
            "label": lampiran.budget_label,
            "amount_idr": lampiran.budget_idr,
            "amount_raw": budget_item.text[budget_item.text.index("Rp"):],
            "page": lampiran.page,
        })
    return rows


def signature_rows(doc: DocumentSpec) -> list[SignatureRow]:
    """In reading order: the page plan's order (rows top to bottom)."""
    rows = [
        doc.statement.signatures if doc.statement else None,
        doc.pk_signatures,
        doc.rincian.signatures if doc.rincian else None,
        doc.skp.signatures if doc.skp else None,
        doc.lampiran.signatures if doc.lampiran else None,
    ]
    return [row for row in rows if row is not None]


def signatures(doc: DocumentSpec) -> list[Json]:
    rows: list[Json] = []
    for row in signature_rows(doc):
        for block in row.blocks:
            rows.append({
                "block_no": len(rows) + 1,
                "section": row.section,
                "role": block.role,
                "name": block.name,
                "nip": block.nip,
                "place": block.place,
                "signed_on": block.signed_on,
                "electronic": block.electronic,
                "party": block.party,
                "page": row.page,
            })
    return rows


def skp_header(doc: DocumentSpec) -> Json | None:
    if doc.skp is None:
        return None
    h = doc.skp.header
    return {
        "fiscal_year": h.fiscal_year,
        "period_start": h.period_start,
        "period_end": h.period_end,
        "appraisee_name": h.appraisee_name,
        "appraisee_nip": h.appraisee_nip,
        "appraisee_rank": h.appraisee_rank,
        "appraisee_position": h.appraisee_position,
        "appraisee_unit": h.appraisee_unit,
        "appraiser_name": h.appraiser_name,
        "appraiser_nip": h.appraiser_nip,
        "appraiser_rank": h.appraiser_rank,
        "appraiser_position": h.appraiser_position,
        "appraiser_unit": h.appraiser_unit,
        "employees": doc.lampiran.employees if doc.lampiran else None,
        "budget_idr": doc.lampiran.budget_idr if doc.lampiran else None,
        "page": h.page,
    }


def skp_behaviours(doc: DocumentSpec) -> list[Json]:
    if doc.skp is None:
        return []
    page = doc.skp.behaviours.page
    return [
        {"behaviour_no": b.no, "behaviour": b.name, "criteria": list(b.criteria),
         "expectation": b.expectation, "page": page}
        for b in doc.skp.behaviours.behaviours
    ]


def parties(doc: DocumentSpec) -> list[Json]:
    if doc.statement is None:
        return []
    rows = [
        {"party": p.party, "name": p.name, "position": p.position, "nip": p.nip, "rank": p.rank,
         "page": doc.statement.page}
        for p in doc.statement.parties
    ]
    return sorted(rows, key=lambda row: row["party"])  # 'first' before 'second'


def build_truth(doc: DocumentSpec) -> Json:
    return {
        "file": f"{doc.name}.pdf",
        "producer": doc.producer,
        "document": {
            "unit": doc.unit,
            "fiscal_year": doc.fiscal_year,
            "page_count": doc.page_count,
            "sections": list(doc.sections),
        },
        "indicator_targets": indicator_targets(doc),
        "period_targets": period_targets(doc),
        "budget_lines": budget_lines(doc),
        "budget_totals": budget_totals(doc),
        "signatures": signatures(doc),
        "skp": skp_header(doc),
        "skp_behaviours": skp_behaviours(doc),
        "parties": parties(doc),
    }


def truth_json(doc: DocumentSpec) -> str:
    return json.dumps(build_truth(doc), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
