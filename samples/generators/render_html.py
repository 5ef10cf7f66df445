"""Render a ``DocumentSpec`` as HTML and print it to PDF with WeasyPrint, as a browser would.

The layout is plain HTML/CSS: ruled tables with ``border-collapse``, ``rowspan`` for the
No / Sasaran cells, ``colspan`` for header groups, a ``<thead>`` that the engine repeats
when a table goes on over a page break (where the spec says the header repeats; where it
does not, the next part is a table of its own without one), ``break-before: page``
exactly where the spec's plan grows a page, ``@page`` size from ``doc.paper`` /
``doc.landscape``.

Placement is checked twice: WeasyPrint's anchors give the page of every block's first and
last element, and ``pdftotext -layout`` of the written file must show each block's first
and last distinctive strings on its planned page. ``render_pdf`` raises
``PlacementError`` otherwise, so the truth's pages are the plan's pages.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from itertools import groupby
from pathlib import Path

from weasyprint import HTML

from samples.generators.render_common import (
    PlacementError,
    first_words,
    landing_problems,
    paged,
    pdftotext_layout,
    signature_columns,
    split_qualifier,
    year_split,
)
from samples.generators.spec import (
    Behaviour,
    Behaviours,
    BudgetTable,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    PkSlice,
    PkTable,
    Planned,
    RhkPart,
    RincianPart,
    SignatureRow,
    SkpHeader,
    Statement,
    T,
    plan,
)

# the fontTools fallback for subsetting fonts (no HarfBuzz-subset here) is fine; its
# warning on every run is noise
logging.getLogger("weasyprint").setLevel(logging.ERROR)


@dataclass(frozen=True)
class HtmlStyle:
    """What differs between the documents of this producer: type, margins, column widths
    (percent of the body width). Chosen per document so that no two producers share them."""

    font: str = "'DejaVu Sans'"
    size_pt: float = 7.5
    line_height: float = 1.25
    margin: str = "16mm 17mm 14mm 19mm"  # top right bottom left
    pk_cols: tuple[float, ...] = (6, 26, 9, 42, 17)  # No | Sasaran | code | Indikator | Target
    budget_cols: tuple[float, ...] = (5, 5, 64, 26)  # No | letter | name | amount
    rincian_cols: tuple[float, ...] = (4, 7, 26)  # No | code | name; periods share the rest
    lampiran_cols: tuple[float, ...] = (4, 33)  # No | IKI; periods share the rest
    rhk_cols: tuple[float, ...] = (5, 28, 32, 15, 20)
    skp_header_cols: tuple[float, ...] = (13, 37, 13, 37)
    behaviour_cols: tuple[float, ...] = (5, 43, 52)
    y_weight: float = 1.6  # the Y column holds '(4 skala 5)' on one line under its value
    period_size: float = 1.0  # em: period cells print their value on one line
    header_fill: str = "#d9d9d9"
    group_fill: str = "#f2f2f2"
    rule: str = "0.6pt solid #000"


# ------------------------------------------------------------------ small helpers


def esc(text: str | None) -> str:
    return escape(text or "", quote=False)


def two_lines(first: str, second: str | None) -> str:
    return esc(first) if second is None else f"{esc(first)}<br>{esc(second)}"


def target_html(target: T) -> str:
    """'3,25 (skala 4)' printed as '3,25' over '(skala 4)'."""
    return two_lines(*split_qualifier(target.raw))


def year_html(row: PeriodRow) -> str:
    return two_lines(*year_split(row))


def colgroup(widths: tuple[float, ...] | list[float]) -> str:
    return "<colgroup>" + "".join(f'<col style="width:{w:.3f}%">' for w in widths) + "</colgroup>"


def period_widths(text_cols: tuple[float, ...], n: int, y_weight: float) -> list[float]:
    unit = (100 - sum(text_cols)) / (n - 1 + y_weight)
    return [*text_cols, *([unit] * (n - 1)), unit * y_weight]


def with_id(row: str, ident: str, brk: bool = False) -> str:
    """Give the opening tag of ``row`` an id (and a page break before it)."""
    tag = re.match(r"<(\w+)", row)
    assert tag, row
    extra = f' id="{ident}"' + (' style="break-before:page"' if brk else "")
    return row.replace(f"<{tag.group(1)}", f"<{tag.group(1)}{extra}", 1)


def anchored(key: str, html: str) -> str:
    """A block that is not a table part: its ids wrap it."""
    return f'<div id="{key}--start"></div>{html}<div id="{key}--end"></div>'


def title_html(lines: tuple[str, ...], cls: str = "title") -> str:
    return f'<div class="{cls}">' + "".join(f"<div>{esc(line)}</div>" for line in lines) + "</div>" if lines else ""


def left_right_html(left: str, right: str) -> str:
    return f'<table class="lr">{colgroup((40, 60))}<tr><td>{esc(left)}</td><td class="r">{esc(right)}</td></tr></table>'


# ------------------------------------------------------------------ parted tables


@dataclass(frozen=True)
class TablePart:
    """The body rows of one planned part of a table."""

    key: str
    brk: bool  # the plan starts a new page with this part
    with_header: bool
    rows: tuple[str, ...]


def parted_tables(parts: list[TablePart], cols: str, thead: str, cls: str = "grid") -> str:
    """One table while the header repeats (the engine reprints its thead after the break
    set on the part's first row); a part printed without a header opens a table of its own
    with no thead to repeat."""
    tables: list[tuple[bool, bool, list[str]]] = []  # (has thead, break before table, rows)
    for part in parts:
        rows = list(part.rows)
        continuing = bool(tables) and tables[-1][0] and part.with_header
        rows[0] = with_id(rows[0], f"{part.key}--start", part.brk and continuing)
        if len(rows) > 1:  # a one-row part has its start anchor only
            rows[-1] = with_id(rows[-1], f"{part.key}--end")
        if continuing:
            tables[-1][2].extend(rows)
        else:
            tables.append((part.with_header, part.brk, rows))
    out = []
    for has_head, brk, rows in tables:
        klass = f"{cls} brk" if brk else cls
        out.append(f'<table class="{klass}">{cols}{thead if has_head else ""}<tbody>{"".join(rows)}</tbody></table>')
    return "".join(out)


# ------------------------------------------------------------------ statement


def statement_html(statement: Statement) -> str:
    parties = []
    for party in statement.parties:
        lines = "".join(f'<tr><td class="lbl">{esc(label)}</td><td>: {esc(value)}</td></tr>'
                        for label, value in party.lines)
        parties.append(f'<table class="party">{colgroup((16, 84))}{lines}</table>'
                       f'<p class="desig">{esc(party.designation)}</p>')
    return (title_html(statement.title_lines, "title big")
            + "".join(f"<p>{esc(text)}</p>" for text in statement.opening)
            + "".join(parties)
            + "".join(f"<p>{esc(text)}</p>" for text in statement.closing))


# ------------------------------------------------------------------ PK


def pk_layout(table: PkTable, style: HtmlStyle) -> tuple[str, str]:
    """The colgroup and the thead of a PK table."""
    no, sasaran, indikator, target = table.headers
    cols = list(style.pk_cols)
    if table.code_style == "column":
        head = (f"<tr><th>{esc(no)}</th><th>{esc(sasaran)}</th><th colspan=\"2\">{esc(indikator)}</th>"
                f"<th>{esc(target)}</th></tr>")
    else:
        cols = [cols[0], cols[1], cols[2] + cols[3], cols[4]]
        head = (f"<tr><th>{esc(no)}</th><th>{esc(sasaran)}</th><th>{esc(indikator)}</th>"
                f"<th>{esc(target)}</th></tr>")
    if table.numbering:
        a, b, c, d = (esc(label) for label in table.numbering_labels)
        span = ' colspan="2"' if table.code_style == "column" else ""
        head += f'<tr class="num"><th>{a}</th><th>{b}</th><th{span}>{c}</th><th>{d}</th></tr>'
    return colgroup(cols), f"<thead>{head}</thead>"


def pk_rows(pk_slice: PkSlice) -> tuple[str, ...]:
    """No and Sasaran span their objective's rows inside this part only: a page break
    never cuts a rowspan; a continued objective gets its text again or a blank cell."""
    style = pk_slice.table.code_style
    rows = []
    for k, objective in enumerate(pk_slice.objectives):
        n = len(objective.indicators)
        printed = k > 0 or pk_slice.objective_printed
        for i, indicator in enumerate(objective.indicators):
            lead = ""
            if i == 0:
                no, text = (str(objective.no), esc(objective.text)) if printed else ("", "")
                lead = f'<td rowspan="{n}" class="c">{no}</td><td rowspan="{n}">{text}</td>'
            if style == "column":
                name = f'<td class="c">{esc(indicator.code)}</td><td>{esc(indicator.text)}</td>'
            elif style == "prefix":
                name = f"<td>{esc(f'{indicator.code} {indicator.text}')}</td>"
            else:
                name = f"<td>{esc(indicator.text)}</td>"
            rows.append(f'<tr>{lead}{name}<td class="c">{target_html(indicator.target)}</td></tr>')
    return tuple(rows)


# ------------------------------------------------------------------ budget


def budget_html(budget: BudgetTable, style: HtmlStyle) -> str:
    cols = list(style.budget_cols)
    column = budget.letter_style == "column"
    if not column:
        cols = [cols[0], cols[1] + cols[2], cols[3]]
    left = 3 if column else 2  # columns left of the amount
    rows = []
    for program in budget.programs:
        rows.append(f'<tr class="prog"><td class="c">{program.no}</td><td colspan="{left - 1}">{esc(program.name)}</td>'
                    f'<td class="r">{esc(program.amount_raw)}</td></tr>')
        for activity in program.activities:
            name = (f'<td class="c">{esc(activity.code)}.</td><td>{esc(activity.name)}</td>' if column
                    else f"<td>{esc(f'{activity.code}. {activity.name}')}</td>")
            rows.append(f'<tr><td></td>{name}<td class="r">{esc(activity.amount_raw)}</td></tr>')
    if budget.total:
        rows.append(f'<tr class="total"><td colspan="{left}" class="c">{esc(budget.total.label)}</td>'
                    f'<td class="r">{esc(budget.total.amount_raw)}</td></tr>')
    return (title_html(budget.title_lines)
            + f'<table class="grid budget">{colgroup(cols)}'
            f'<thead><tr><th colspan="{left}">{esc(budget.heading)}</th><th>{esc(budget.amount_header)}</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


# ------------------------------------------------------------------ period tables


def period_head(first_label: str, labels: tuple[str, ...], text_cols: int) -> str:
    """No | <first_label> (over text_cols) | Target (over the periods), then the periods."""
    return ("<thead><tr>"
            f'<th rowspan="2">No</th><th rowspan="2" colspan="{text_cols}">{esc(first_label)}</th>'
            f'<th colspan="{len(labels)}">Target</th></tr><tr>'
            + "".join(f"<th>{esc(label)}</th>" for label in labels) + "</tr></thead>")


def period_cells(row: PeriodRow) -> str:
    return "".join(f'<td class="c p">{esc(c)}</td>' for c in row.cells[:-1]) + f'<td class="c p">{year_html(row)}</td>'


def rincian_rows(part: RincianPart, n_periods: int) -> tuple[str, ...]:
    rows = []
    for objective in part.objectives:
        rows.append(f'<tr class="obj"><td class="c">{objective.no}</td>'
                    f'<td colspan="{2 + n_periods}">{esc(objective.text)}</td></tr>')
        for row in objective.rows:
            rows.append(f'<tr><td></td><td class="c">{esc(row.code)}</td><td>{esc(row.text)}</td>'
                        f"{period_cells(row)}</tr>")
    return tuple(rows)


def lampiran_rows_html(rows: tuple[PeriodRow, ...], labels: tuple[str, ...], style: HtmlStyle) -> str:
    body = [f'<tr><td class="c">{row.row_no}</td><td>{esc(row.text)}</td>{period_cells(row)}</tr>' for row in rows]
    widths = period_widths(style.lampiran_cols, len(labels), style.y_weight)
    return (f'<table class="grid period gap">{colgroup(widths)}{period_head("IKI", labels, 1)}<tbody>'
            + "".join(body) + "</tbody></table>")


# ------------------------------------------------------------------ SKP


def skp_header_html(header: SkpHeader, style: HtmlStyle) -> str:
    rows = "".join(
        f"<tr><td>{esc(l1)}</td><td>{esc(v1)}</td><td>{esc(l2)}</td><td>{esc(v2)}</td></tr>"
        for (l1, v1), (l2, v2) in zip(header.appraisee, header.appraiser, strict=True)
    )
    return (title_html(header.title_lines)
            + left_right_html(header.organisation, header.period_line)
            + f'<table class="grid">{colgroup(style.skp_header_cols)}'
            '<thead><tr><th colspan="2">PEGAWAI YANG DINILAI</th><th colspan="2">PEJABAT PENILAI KINERJA</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


RHK_HEAD = ("<thead><tr>" + "".join(f"<th>{h}</th>" for h in (
    "NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"))
    + "</tr><tr class=\"num\">" + "".join(f"<th>({i})</th>" for i in range(1, 6)) + "</tr></thead>")


def rhk_rows(part: RhkPart, group: str, first: bool) -> tuple[str, ...]:
    rows = [f'<tr class="obj"><td colspan="5">{esc(group)}</td></tr>'] if first else []
    for objective in part.objectives:
        n = len(objective.indicators)
        for i, indicator in enumerate(objective.indicators):
            lead = (f'<td rowspan="{n}" class="c">{objective.no}</td>'
                    f'<td rowspan="{n}">{two_lines(objective.text, f"({objective.assignment})")}</td>' if i == 0 else "")
            rows.append(f"<tr>{lead}<td>{esc(indicator.text)}</td><td class=\"c\">{target_html(indicator.target)}</td>"
                        f"<td>{esc(indicator.perspective)}</td></tr>")
    return tuple(rows)


def behaviour_row(b: Behaviour) -> str:
    left = f"<b>{esc(b.name)}</b>" + "".join(f'<div class="bullet">- {esc(c)}</div>' for c in b.criteria)
    right = f"<div>Ekspektasi Khusus Pimpinan:</div><div>{esc(b.expectation)}</div>"
    return f'<tr><td class="c">{b.no}</td><td>{left}</td><td>{right}</td></tr>'


def behaviours_html(behaviours: Behaviours, style: HtmlStyle) -> str:
    return (f'<table class="grid gap">{colgroup(style.behaviour_cols)}'
            '<thead><tr><th colspan="3" class="l">PERILAKU KERJA</th></tr></thead><tbody>'
            + "".join(behaviour_row(b) for b in behaviours.behaviours) + "</tbody></table>")


def lampiran_html(lampiran: Lampiran, header: SkpHeader) -> str:
    res = "".join(f'<tr><td class="c">{item.no}</td><td>{esc(item.text)}</td></tr>' for item in lampiran.resources)
    acc = "".join(f'<tr><td colspan="2">{esc(item)}</td></tr>' for item in lampiran.accountability)
    return (title_html((lampiran.title,))
            + left_right_html(header.organisation, header.period_line)
            + f'<table class="grid">{colgroup((5, 95))}'
            '<tr><th colspan="2" class="l">DUKUNGAN SUMBER DAYA</th></tr>' + res
            + '<tr><th colspan="2" class="l">SKEMA PERTANGGUNGJAWABAN</th></tr>' + acc + "</table>")


def consequences_html(items: tuple[str, ...]) -> str:
    return '<div class="conseq"><div class="heading">KONSEKUENSI</div>' + "".join(
        f"<p>{esc(item)}</p>" for item in items) + "</div>"


# ------------------------------------------------------------------ signatures


def signature_html(row: SignatureRow) -> str:
    """Blocks side by side as cells of an unruled table, one layout row per slot, so the
    lines of all blocks share baselines. An empty line keeps its height; a wet-ink
    signature slot is a blank of five lines."""
    blocks = signature_columns(row)
    rows = []
    for slot, kind in enumerate(row.slots):
        cells = []
        for block in blocks:
            line = None if block is None else block.lines[slot]
            wet = kind == "mark" and block is not None and not block.electronic
            cls = "wet" if wet else f"s-{kind}"
            cells.append(f'<td class="{cls}">{esc(line)}</td>' if line else f'<td class="{cls} empty">&nbsp;</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    width = 100 / len(blocks)
    return f'<table class="sig">{colgroup([width] * len(blocks))}{"".join(rows)}</table>'


# ------------------------------------------------------------------ document


def probes(doc: DocumentSpec, item: object) -> tuple[str, ...]:
    """A block's first and last distinctive strings, short enough to stay on one line."""
    if isinstance(item, Statement):
        return (item.title_lines[0], item.parties[-1].name)
    if isinstance(item, PkSlice):
        inds = [i for o in item.objectives for i in o.indicators]
        title = item.table.title_lines[:1] if item.index == 1 else ()
        return (*title, first_words(inds[0].text), first_words(inds[-1].text))
    if isinstance(item, BudgetTable):
        last = item.total.amount_raw if item.total else item.programs[-1].activities[-1].amount_raw
        return (item.programs[0].amount_raw, last)
    if isinstance(item, SignatureRow):
        return (item.blocks[0].name, item.blocks[-1].name)
    if isinstance(item, RincianPart):
        rows = [r for o in item.objectives for r in o.rows]
        assert doc.rincian
        title = doc.rincian.title_lines[:1] if item is doc.rincian.parts[0] else ()
        return (*title, first_words(rows[0].text), first_words(rows[-1].text))
    if isinstance(item, SkpHeader):
        return (item.title_lines[0], item.appraiser_name)
    if isinstance(item, RhkPart):
        inds = [i for o in item.objectives for i in o.indicators]
        return (first_words(inds[0].text), first_words(inds[-1].text))
    if isinstance(item, Behaviours):
        return (item.behaviours[0].name, item.behaviours[-1].name)
    if isinstance(item, Lampiran):
        return (item.title, "SKEMA PERTANGGUNGJAWABAN")
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return ("KONSEKUENSI", first_words(item[-1], 4))
    if isinstance(item, tuple):
        return (first_words(item[0].text), first_words(item[-1].text))
    raise TypeError(f"no probes for {type(item).__name__}")


def _table_family(block: Planned) -> str | None:
    if isinstance(block.item, PkSlice):
        return "pk"
    if isinstance(block.item, RincianPart):
        return "rincian"
    if isinstance(block.item, RhkPart):
        return "rhk"
    return None


def body_html(doc: DocumentSpec, blocks: list[Planned], style: HtmlStyle) -> str:
    """The blocks in plan order; a page break exactly where the planned page grows."""
    out: list[str] = []
    for family, run in groupby(paged(blocks), key=lambda marked: _table_family(marked[0])):
        if family is None:
            for block, brk in run:
                html = block_html(doc, block, style)
                out.append(f'<div class="brk">{html}</div>' if brk else html)
            continue
        group = list(run)
        parts = [table_part(doc, block, k == 0, k > 0 and brk) for k, (block, brk) in enumerate(group)]
        html = table_html(doc, family, [block for block, _ in group], parts, style)
        # a break before the first part goes before the table's title too
        out.append(f'<div class="brk">{html}</div>' if group[0][1] else html)
    return "".join(out)


def table_part(doc: DocumentSpec, block: Planned, first: bool, brk: bool) -> TablePart:
    item = block.item
    if isinstance(item, PkSlice):
        return TablePart(block.key, brk, item.with_header, pk_rows(item))
    if isinstance(item, RincianPart):
        assert doc.rincian
        return TablePart(block.key, brk, item.with_header, rincian_rows(item, len(doc.rincian.period_labels)))
    assert isinstance(item, RhkPart) and doc.skp
    return TablePart(block.key, brk, item.with_header, rhk_rows(item, doc.skp.rhk_group, item.with_header and first))


def table_html(doc: DocumentSpec, family: str, group: list[Planned], parts: list[TablePart],
               style: HtmlStyle) -> str:
    if family == "pk":
        first = group[0].item
        assert isinstance(first, PkSlice)
        cols, thead = pk_layout(first.table, style)
        return title_html(first.table.title_lines) + parted_tables(parts, cols, thead)
    if family == "rincian":
        assert doc.rincian
        labels = doc.rincian.period_labels
        cols = colgroup(period_widths(style.rincian_cols, len(labels), style.y_weight))
        return title_html(doc.rincian.title_lines) + parted_tables(parts, cols, period_head("IKU", labels, 2), "grid period")
    return parted_tables(parts, colgroup(style.rhk_cols), RHK_HEAD, "grid gap")


def block_html(doc: DocumentSpec, block: Planned, style: HtmlStyle) -> str:
    item, key = block.item, block.key
    if isinstance(item, Statement):
        return anchored(key, statement_html(item))
    if isinstance(item, BudgetTable):
        return anchored(key, budget_html(item, style))
    if isinstance(item, SignatureRow):
        return anchored(key, signature_html(item))
    if isinstance(item, SkpHeader):
        return anchored(key, skp_header_html(item, style))
    if isinstance(item, Behaviours):
        return anchored(key, behaviours_html(item, style))
    if isinstance(item, Lampiran):
        assert doc.skp
        return anchored(key, lampiran_html(item, doc.skp.header))
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return anchored(key, consequences_html(item))
    if isinstance(item, tuple):
        assert doc.lampiran
        return anchored(key, lampiran_rows_html(item, doc.lampiran.period_labels, style))
    raise TypeError(f"no HTML for {key}: {type(item).__name__}")


def page_size(doc: DocumentSpec) -> str:
    width, height = {"A4": ("210mm", "297mm"), "F4": ("215mm", "330mm")}[doc.paper]
    return f"{height} {width}" if doc.landscape else f"{width} {height}"


def css(doc: DocumentSpec, s: HtmlStyle) -> str:
    return f"""
@page {{ size: {page_size(doc)}; margin: {s.margin}; }}
body {{ font-family: {s.font}; font-size: {s.size_pt}pt; line-height: {s.line_height}; margin: 0; }}
p {{ margin: 0 0 0.5em 0; text-align: justify; }}
table {{ width: 100%; table-layout: fixed; border-collapse: collapse; }}
table.grid td, table.grid th {{ border: {s.rule}; padding: 1.5pt 3pt 2pt 3pt; vertical-align: top; }}
table.grid th {{ background: {s.header_fill}; font-weight: bold; text-align: center; vertical-align: middle; }}
table.grid th.l {{ text-align: left; }}
table.grid tr.num th {{ font-weight: normal; font-size: 0.9em; }}
table.grid tr {{ break-inside: avoid; }}
table.gap, table.budget {{ margin-top: 8pt; }}
tr.prog td, tr.total td {{ font-weight: bold; }}
tr.prog td, tr.obj td {{ background: {s.group_fill}; }}
tr.obj td {{ font-weight: bold; }}
td.c {{ text-align: center; }}
td.r {{ text-align: right; }}
td.p {{ white-space: nowrap; font-size: {s.period_size}em; padding-left: 1pt; padding-right: 1pt; }}
.title {{ text-align: center; font-weight: bold; font-size: 1.25em; margin-bottom: 8pt; }}
.title.big {{ font-size: 1.35em; margin-bottom: 14pt; }}
table.lr td {{ font-weight: bold; padding: 0 0 5pt 0; }}
table.party {{ margin: 4pt 0 2pt 0; }}
table.party td {{ padding: 0.5pt 0; vertical-align: top; }}
p.desig {{ margin-bottom: 8pt; }}
.bullet {{ padding-left: 7pt; text-indent: -7pt; }}
.heading {{ font-weight: bold; margin: 10pt 0 3pt 0; }}
.conseq p {{ margin: 0 0 3pt 0; }}
table.sig {{ margin-top: 14pt; }}
table.sig td {{ text-align: center; vertical-align: top; padding: 0.5pt 0; }}
table.sig td.s-mark {{ padding: 14pt 0 4pt 0; font-style: italic; color: #555; font-size: 0.9em; }}
table.sig td.wet {{ height: {5 * s.line_height:.2f}em; }}
table.sig td.s-name {{ font-weight: bold; text-decoration: underline; }}
table.sig td.empty {{ text-decoration: none; }}
.brk {{ break-before: page; }}
"""


def build_html(doc: DocumentSpec, style: HtmlStyle) -> str:
    blocks = plan(doc)
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{esc(doc.name)}</title>'
            f'<meta name="author" content="{esc(doc.unit)}">'
            '<meta name="generator" content="kinerja samples (weasyprint)">'
            f"<style>{css(doc, style)}</style></head><body>{body_html(doc, blocks, style)}</body></html>")


@contextmanager
def fixed_font_timestamps() -> Iterator[None]:
    """fontTools, which subsets the embedded fonts when HarfBuzz-subset is missing, stamps
    each subset's head.modified with the clock unless SOURCE_DATE_EPOCH says otherwise."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1704067200"  # 2024-01-01T00:00:00Z
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def pdftotext_page(path: Path, page: int) -> str:
    return re.sub(r"\s+", " ", pdftotext_layout(path, page))


def render_pdf(doc: DocumentSpec, path: Path, style: HtmlStyle | None = None) -> dict[str, int]:
    """Write the PDF; return the page of every block. Raises PlacementError when a block
    is not wholly on its planned page or the page count differs from the plan."""
    style = style or STYLES.get(doc.name, HtmlStyle())
    blocks = plan(doc)
    document = HTML(string=build_html(doc, style)).render()
    anchor_page: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            anchor_page.setdefault(name, number)

    def landed(key: str) -> tuple[int | None, int | None]:
        start = anchor_page.get(f"{key}--start")
        return start, anchor_page.get(f"{key}--end", start)  # a one-row part has one anchor

    placed, problems = landing_problems(blocks, landed, len(document.pages), doc.page_count)
    if problems:
        raise PlacementError(f"{doc.name}: " + "; ".join(problems))
    with fixed_font_timestamps():  # with a fixed identifier and no dates: identical bytes
        document.write_pdf(path, pdf_identifier=doc.name.encode())
    texts = {n: pdftotext_page(path, n) for n in range(1, doc.page_count + 1)}
    for block in blocks:
        for probe in probes(doc, block.item):
            # a wrapped cell's words come apart in layout text, with other columns between
            words = r".{0,200}?".join(re.escape(w) for w in probe.split())
            if not re.search(words, texts[block.page]):
                problems.append(f"{block.key}: {probe!r} not in the text of p{block.page}")
    if problems:
        path.unlink()
        raise PlacementError(f"{doc.name}: " + "; ".join(problems))
    return placed


# Type, margins and widths per document: none equal to another producer's.
STYLES: dict[str, HtmlStyle] = {
    "kppn-malang-2025-pk": HtmlStyle(
        font="'Liberation Serif'", size_pt=12, line_height=1.35, margin="20mm 18mm 18mm 25mm",
        pk_cols=(6, 30, 0, 46, 18), budget_cols=(6, 0, 66, 28), rule="0.75pt solid #000",
        header_fill="#e7e6e6", group_fill="#ffffff"),
    "djbc-setditjen-2023-skp": HtmlStyle(
        font="'DejaVu Sans Condensed'", size_pt=7.5, line_height=1.15, margin="10mm 15mm 9mm 15mm",
        lampiran_cols=(3, 37), rhk_cols=(4, 30, 38, 12, 16), skp_header_cols=(12, 38, 12, 38),
        behaviour_cols=(3, 52, 45), y_weight=1.5, header_fill="#cfe2f3", group_fill="#eef5fb",
        rule="0.5pt solid #333"),
    "kanwil-djkn-jatim-2026-rincian": HtmlStyle(
        font="'DejaVu Serif'", size_pt=8.5, line_height=1.3, margin="22mm 15mm 20mm 25mm",
        rincian_cols=(5, 7, 22), y_weight=1.5, period_size=0.8, header_fill="#ffffff", group_fill="#ededed",
        rule="0.8pt solid #000"),
}
