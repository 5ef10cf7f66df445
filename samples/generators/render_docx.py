"""Render a ``DocumentSpec`` the way a Kemenkeu clerk's Word file prints: build a .docx
with python-docx, convert it with LibreOffice (``soffice --headless --convert-to pdf``).

The .docx is plain Word: Times New Roman or Arial, 'Table Grid' tables, merged cells
(``cell.merge``) for No / Sasaran and header groups, header rows flagged to repeat
(``w:tblHeader``), an explicit page break (``pageBreakBefore``) where the spec's page
grows, signature blocks in a borderless table or on tab stops. Writer ignores page
breaks inside a table, so a table the plan cuts over two pages is two Word tables, the
second opening with the header rows again when the spec repeats them.

LibreOffice lays the text out itself, so the plan is checked afterwards: ``pdftotext
-layout`` of every page must show each block's first and last distinctive row (the first
line of every cell of a row shares one baseline, so its words sit on one text line) on
the planned page, every word written for a page must be found there as often (a word
broken inside a narrow cell fails too), and the page count must match. ``render_pdf``
raises ``PlacementError`` otherwise, so the truth's pages are the plan's pages.

The PDF is made reproducible: LibreOffice's conversion time and random file id are
replaced by the signing date and a content hash (same lengths, so the xref stays valid).
Needs ``soffice`` (Debian: libreoffice-writer-nogui), poppler-utils, and the fonts
fonts-liberation2 (Times New Roman, Arial) and fonts-crosextra-carlito (Calibri).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from samples.generators.render_common import (
    PlacementError,
    first_words,
    paged,
    pdftotext_layout,
    signature_columns,
    split_qualifier,
    words,
    year_split,
)
from samples.generators.spec import (
    Behaviours,
    BudgetTable,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    PkSlice,
    Planned,
    RhkPart,
    RincianPart,
    SignatureRow,
    SkpHeader,
    Statement,
    T,
    plan,
)

PAPER_CM = {"A4": (21.0, 29.7), "F4": (21.5, 33.0)}
E_SIGN_GREY = RGBColor(0x59, 0x59, 0x59)


@dataclass(frozen=True)
class DocxStyle:
    """What differs between the Word files of different offices: type, margins, widths.

    Column widths are relative weights, scaled to the body width of the page."""

    font: str = "Times New Roman"
    body_pt: float = 11
    table_pt: float = 9
    title_pt: float = 12
    margins_cm: tuple[float, float, float, float] = (2.0, 2.0, 2.0, 2.5)  # top right bottom left
    header_fill: str | None = "D9D9D9"
    group_fill: str | None = "F2F2F2"
    signatures: Literal["table", "tabs"] = "table"
    parties: Literal["table", "tabs"] = "table"
    signature_gap_pt: float = 40  # the blank a wet signature (or the e-sign line) takes
    pk_cols: tuple[float, ...] = (1.0, 5.2, 1.6, 6.4, 2.6)  # No Sasaran code Indikator Target
    pk_nocode_cols: tuple[float, ...] = (1.0, 5.6, 7.6, 2.6)
    budget_cols: tuple[float, ...] = (0.9, 0.8, 10.4, 4.2)  # No letter name amount
    rincian_cols: tuple[float, ...] = (0.8, 1.3, 4.4)  # No code name; the periods share the rest
    period_pt: float | None = None  # the period tables' type size, when smaller than table_pt
    period_col: float = 1.45
    year_col: float = 1.75
    skp_header_cols: tuple[float, ...] = (2.2, 6.3, 2.2, 6.3)
    rhk_cols: tuple[float, ...] = (0.9, 5.0, 5.3, 2.9, 3.1)
    behaviour_cols: tuple[float, ...] = (0.8, 7.4, 8.8)
    lampiran_cols: tuple[float, ...] = (0.8, 4.6)  # No IKI; the periods share the rest
    party_cols: tuple[float, ...] = (3.0, 13.0)


STYLE = DocxStyle()
# A document rendered here takes the style registered under its name, else STYLE.
STYLES: dict[str, DocxStyle] = {
    "djpb-2024-pk-skp-lo": DocxStyle(
        font="Arial", body_pt=9, table_pt=8, title_pt=10.5, margins_cm=(1.5, 1.8, 1.5, 2.2),
        signature_gap_pt=14, pk_cols=(0.8, 4.6, 1.4, 6.2, 2.4),
    ),
    # a directorate's file: Times New Roman 12, wide left margin, signatures on tab stops
    "djpk-dit-dtu-2026-pk": DocxStyle(
        font="Times New Roman", body_pt=12, table_pt=11, title_pt=12, margins_cm=(2.5, 2.0, 2.5, 3.0),
        header_fill="BFBFBF", group_fill=None, signatures="tabs", parties="tabs", signature_gap_pt=24,
        pk_nocode_cols=(1.0, 5.0, 8.2, 2.6), budget_cols=(1.0, 0.8, 9.6, 4.8),
    ),
    # an SKP form on A4 landscape: Arial 10/9, pale grey headers, wide RHK and IKI columns
    "kanwil-djp-jatim1-2024-skp": DocxStyle(
        font="Arial", body_pt=10, table_pt=9, title_pt=11, margins_cm=(1.8, 1.5, 1.5, 2.0),
        header_fill="E7E6E6", group_fill="F2F2F2", signature_gap_pt=30,
        skp_header_cols=(3.0, 9.5, 3.0, 9.5), rhk_cols=(0.9, 7.0, 8.0, 3.2, 4.6),
        behaviour_cols=(0.8, 10.0, 14.0), lampiran_cols=(0.9, 9.0), period_col=1.7, year_col=2.1,
    ),
    # Word's default Calibri, a deep top margin, no shading of the objective rows
    "kanwil-djbc-jateng-2023-pk": DocxStyle(
        font="Calibri", body_pt=11, table_pt=10, title_pt=12, margins_cm=(3.0, 2.0, 2.0, 2.5),
        header_fill="DDEBF7", group_fill=None, signature_gap_pt=20,
        pk_cols=(1.0, 4.4, 1.5, 7.6, 2.3), rincian_cols=(0.9, 1.3, 4.0), period_pt=9, period_col=1.65,
        year_col=1.95,
    ),
}


# ------------------------------------------------------------------ docx helpers


def _set_font(run_or_style, name: str) -> None:
    """python-docx sets w:ascii/w:hAnsi only; Word falls back to the eastAsia font."""
    run_or_style.font.name = name
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _shade(cell: _Cell, fill: str | None) -> None:
    if fill is None:
        return
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_flag(row: _Row, tag: str) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _first_token(text: str) -> str:
    """What surely prints on the first line of a cell, however narrow: its first word."""
    return text.split()[0]


def _qualified(head: str, qualifier: str | None) -> list[str]:
    """A value and its qualifier as the paragraphs of one cell."""
    return [head] if qualifier is None else [head, qualifier]


class Builder:
    """Writes the blocks of a plan into one python-docx Document."""

    def __init__(self, doc: DocumentSpec, style: DocxStyle) -> None:
        self.spec = doc
        self.style = style
        self.docx: DocxDocument = Document()
        self.page = 1
        self.pending_break = False
        self.probes: dict[str, list[tuple[str, ...]]] = {}
        self.printed: dict[int, list[str]] = {}  # page -> every string written on it
        self.key = ""
        self.cell_pt = style.table_pt
        self._setup_page()
        self._setup_styles()

    # -------------------------------------------------------------- setup

    def _setup_page(self) -> None:
        width, height = PAPER_CM[self.spec.paper]
        section = self.docx.sections[0]
        if self.spec.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            width, height = height, width
        section.page_width, section.page_height = Cm(width), Cm(height)
        top, right, bottom, left = self.style.margins_cm
        section.top_margin, section.right_margin = Cm(top), Cm(right)
        section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
        section.header_distance = section.footer_distance = Cm(0.8)
        self.body_width = Cm(width - left - right)

    def _setup_styles(self) -> None:
        normal = self.docx.styles["Normal"]
        _set_font(normal, self.style.font)
        normal.font.size = Pt(self.style.body_pt)
        fmt = normal.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        core = self.docx.core_properties
        core.author = self.spec.unit
        core.title = ""
        core.comments = ""

    # -------------------------------------------------------------- blocks

    def start_block(self, block: Planned, new_page: bool) -> None:
        self.key = block.key
        self.probes[block.key] = []
        self.pending_break = self.pending_break or new_page
        self.page = block.page

    def run(self, para: Paragraph, text: str) -> Run:
        """Every printed string goes through here, so the page's words can be counted."""
        self.printed.setdefault(self.page, []).append(text)
        return para.add_run(text)

    def probe(self, *tokens: str) -> None:
        """A line of the current block: these strings in this order on one text line."""
        tokens = tuple(t for t in tokens if t)
        if tokens:
            self.probes[self.key].append(tokens)

    def paragraph(self, text: str = "", *, bold: bool = False, italic: bool = False,
                  size: float | None = None, align: WD_ALIGN_PARAGRAPH | None = None,
                  before: float = 0, after: float = 0, container=None) -> Paragraph:
        target = container if container is not None else self.docx
        para = target.add_paragraph()
        if container is None and self.pending_break:
            para.paragraph_format.page_break_before = True
            self.pending_break = False
        fmt = para.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_together = True
        if align is not None:
            para.alignment = align
        if text:
            run = self.run(para, text)
            run.bold = bold or None
            run.italic = italic or None
            if size is not None:
                run.font.size = Pt(size)
        return para

    def spacer(self, pt: float) -> None:
        """An empty paragraph of about ``pt`` height (also what separates two tables)."""
        para = self.paragraph()
        para.paragraph_format.line_spacing = Pt(max(pt, 1))
        para.add_run().font.size = Pt(1)

    def title(self, lines: Sequence[str], after: float = 6) -> None:
        for i, line in enumerate(lines):
            self.paragraph(line, bold=True, size=self.style.title_pt, align=WD_ALIGN_PARAGRAPH.CENTER,
                           after=after if i == len(lines) - 1 else 0)
            self.probe(first_words(line))

    def table(self, rows: int, weights: Sequence[float], *, grid: bool = True,
              fraction: float = 1.0) -> Table:
        if self.pending_break:
            self.spacer(1)  # Writer breaks pages before paragraphs, not tables
        table = self.docx.add_table(rows=rows, cols=len(weights))
        if grid:
            table.style = self.docx.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER if fraction < 1 else WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        total = sum(weights)
        widths = [Emu(int(self.body_width * fraction * w / total)) for w in weights]
        for col, width in zip(table.columns, widths, strict=True):
            col.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        return table

    def write(self, cell: _Cell, lines: Sequence[str | None], *, bold: bool = False,
              align: WD_ALIGN_PARAGRAPH | None = None, size: float | None = None,
              italic: bool = False) -> None:
        """One paragraph per line in the cell (the first one reuses the cell's own)."""
        size = self.cell_pt if size is None else size
        for i, line in enumerate(lines):
            para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            if align is not None:
                para.alignment = align
            if line:
                run = self.run(para, line)
                run.bold = bold or None
                run.italic = italic or None
                run.font.size = Pt(size)
            else:
                para.add_run().font.size = Pt(size)

    def header_cell(self, cell: _Cell, text: str) -> None:
        self.write(cell, [text], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _shade(cell, self.style.header_fill)

    def header_row(self, row: _Row) -> None:
        _row_flag(row, "w:tblHeader")
        _row_flag(row, "w:cantSplit")

    def data_row(self, row: _Row, texts: Sequence[str | None]) -> None:
        """Rows never split over pages: a row whose first line is on a page is whole there."""
        _row_flag(row, "w:cantSplit")
        self.probe(*(_first_token(t) for t in texts if t))

    # -------------------------------------------------------------- statement

    def statement(self, st: Statement) -> None:
        self.title(st.title_lines, after=14)
        for text in st.opening:
            self.paragraph(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=8)
            self.probe(first_words(text))
        for party in st.parties:
            if self.style.parties == "tabs":
                for label, value in party.lines:
                    para = self.paragraph(f"{label}\t: {value}")
                    para.paragraph_format.left_indent = Cm(0.6)
                    para.paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
                    self.probe(label, ":", value.split()[0])
            else:
                table = self.table(len(party.lines), self.style.party_cols, grid=False, fraction=0.96)
                for (label, value), row in zip(party.lines, table.rows, strict=True):
                    self.write(row.cells[0], [label], size=self.style.body_pt)
                    self.write(row.cells[1], [f": {value}"], size=self.style.body_pt)
                    self.probe(label, ":", value.split()[0])
            self.paragraph(party.designation, before=3, after=8)
            self.probe(first_words(party.designation))
        for text in st.closing:
            self.paragraph(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=8)
            self.probe(first_words(text))

    # -------------------------------------------------------------- PK

    def target_lines(self, target: T) -> list[str]:
        """'3,25 (skala 4)' as '3,25' over '(skala 4)': the qualifier is a second paragraph."""
        return _qualified(*split_qualifier(target.raw))

    def pk(self, part: PkSlice) -> None:
        pk = part.table
        if part.index == 1 and pk.title_lines:
            self.title(pk.title_lines, after=10)
        with_code = pk.code_style == "column"
        weights = self.style.pk_cols if with_code else self.style.pk_nocode_cols
        n_head = (1 + pk.numbering) if part.with_header else 0
        n_rows = sum(len(o.indicators) for o in part.objectives)
        table = self.table(n_head + n_rows, weights)
        if part.with_header:
            top = table.rows[0]
            self.header_row(top)
            cells = top.cells
            name_cell = cells[2].merge(cells[3]) if with_code else cells[2]
            for cell, label in zip((cells[0], cells[1], name_cell, cells[-1]), pk.headers, strict=True):
                self.header_cell(cell, label)
            if pk.numbering:
                num = table.rows[1]
                self.header_row(num)
                cells = num.cells
                name_cell = cells[2].merge(cells[3]) if with_code else cells[2]
                for cell, label in zip((cells[0], cells[1], name_cell, cells[-1]), pk.numbering_labels, strict=True):
                    self.header_cell(cell, label)
        r = n_head
        for k, objective in enumerate(part.objectives):
            printed = k > 0 or part.objective_printed
            first = r
            for i, indicator in enumerate(objective.indicators):
                row = table.rows[r]
                cells = row.cells
                name = indicator.text
                if pk.code_style == "prefix":
                    name = f"{indicator.code} {indicator.text}"
                texts: list[str | None] = [None, None]
                if i == 0 and printed:
                    texts = [str(objective.no), objective.text]
                if with_code:
                    self.write(cells[2], [indicator.code], align=WD_ALIGN_PARAGRAPH.CENTER)
                    texts.append(indicator.code)
                self.write(cells[-2], [name])
                lines = self.target_lines(indicator.target)
                self.write(cells[-1], lines, align=WD_ALIGN_PARAGRAPH.CENTER)
                self.data_row(row, [*texts, name, lines[0]])
                r += 1
            top_no, top_text = table.cell(first, 0), table.cell(first, 1)
            if r - 1 > first:
                top_no = top_no.merge(table.cell(r - 1, 0))
                top_text = top_text.merge(table.cell(r - 1, 1))
            if printed:
                self.write(top_no, [str(objective.no)], align=WD_ALIGN_PARAGRAPH.CENTER)
                self.write(top_text, [objective.text])

    # -------------------------------------------------------------- budget

    def budget(self, budget: BudgetTable) -> None:
        if budget.title_lines:
            self.title(budget.title_lines, after=8)
        column = budget.letter_style == "column"
        weights = self.style.budget_cols if column else (
            self.style.budget_cols[0], sum(self.style.budget_cols[1:3]), self.style.budget_cols[3])
        n = 1 + sum(1 + len(p.activities) for p in budget.programs) + (budget.total is not None)
        table = self.table(n, weights)
        top = table.rows[0]
        self.header_row(top)
        self.header_cell(top.cells[0].merge(top.cells[-2]), budget.heading)
        self.header_cell(top.cells[-1], budget.amount_header)
        right = WD_ALIGN_PARAGRAPH.RIGHT
        r = 1
        for program in budget.programs:
            cells = table.rows[r].cells
            name_cell = cells[1].merge(cells[-2]) if column else cells[1]
            self.write(cells[0], [str(program.no)], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(name_cell, [program.name], bold=True)
            self.write(cells[-1], [program.amount_raw], bold=True, align=right)
            for cell in (cells[0], name_cell, cells[-1]):
                _shade(cell, self.style.group_fill)
            self.data_row(table.rows[r], [str(program.no), program.name, program.amount_raw])
            r += 1
            for activity in program.activities:
                cells = table.rows[r].cells
                if column:
                    self.write(cells[1], [f"{activity.code}."])
                    self.write(cells[2], [activity.name])
                    texts = [f"{activity.code}.", activity.name]
                else:
                    self.write(cells[1], [f"{activity.code}. {activity.name}"])
                    texts = [f"{activity.code}. {activity.name}"]
                self.write(cells[-1], [activity.amount_raw], align=right)
                self.data_row(table.rows[r], [*texts, activity.amount_raw])
                r += 1
        if budget.total is not None:
            cells = table.rows[r].cells
            label = cells[0].merge(cells[-2])
            self.write(label, [budget.total.label], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(cells[-1], [budget.total.amount_raw], bold=True, align=right)
            self.data_row(table.rows[r], [budget.total.label, budget.total.amount_raw])
        self.spacer(14)

    # -------------------------------------------------------------- signatures

    def signature_row(self, sig: SignatureRow) -> None:
        self.spacer(10)
        blocks = signature_columns(sig)
        slot_lines = [[None if b is None else b.lines[s] for b in blocks] for s in range(len(sig.slots))]
        if self.style.signatures == "tabs":
            self._signature_tabs(sig, slot_lines, len(blocks))
        else:
            self._signature_table(sig, slot_lines, len(blocks))

    def _signature_table(self, sig: SignatureRow, slot_lines: list[list[str | None]], n: int) -> None:
        table = self.table(1, [1] * n, grid=False)
        _row_flag(table.rows[0], "w:cantSplit")
        for col, cell in enumerate(table.rows[0].cells):
            for s, kind in enumerate(sig.slots):
                line = slot_lines[s][col]
                para = cell.paragraphs[0] if s == 0 else cell.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._signature_line(para, kind, line)
        for s, kind in enumerate(sig.slots):
            self.probe(*(first_words(line) for line in slot_lines[s] if line))

    def _signature_tabs(self, sig: SignatureRow, slot_lines: list[list[str | None]], n: int) -> None:
        """Tab-aligned lines: one paragraph per slot, a centred tab stop per block."""
        for s, kind in enumerate(sig.slots):
            para = self.paragraph()
            para.paragraph_format.keep_with_next = s < len(sig.slots) - 1
            for col in range(n):
                para.paragraph_format.tab_stops.add_tab_stop(
                    Emu(int(self.body_width * (2 * col + 1) / (2 * n))), WD_TAB_ALIGNMENT.CENTER)
            for col, line in enumerate(slot_lines[s]):
                para.add_run("\t")
                if line:
                    self._signature_run(para, kind, line)
            if kind == "mark":
                self._signature_gap(para, any(slot_lines[s]))
            self.probe(*(first_words(line) for line in slot_lines[s] if line))

    def _signature_line(self, para: Paragraph, kind: str, line: str | None) -> None:
        if kind == "mark":
            self._signature_gap(para, line is not None)
        if line:
            self._signature_run(para, kind, line)
        else:
            para.add_run()

    def _signature_gap(self, para: Paragraph, electronic: bool) -> None:
        """Room around the e-sign line; a wet signature gets at least four empty lines."""
        gap = self.style.signature_gap_pt if electronic else max(self.style.signature_gap_pt, 3.5 * self.style.body_pt)
        para.paragraph_format.space_before = Pt(gap / 2)
        para.paragraph_format.space_after = Pt(gap / 2)

    def _signature_run(self, para: Paragraph, kind: str, line: str) -> None:
        run = self.run(para, line)
        if kind == "mark":
            run.italic = True
            run.font.size = Pt(self.style.body_pt - 1.5)
            run.font.color.rgb = E_SIGN_GREY
        elif kind == "name":
            run.bold = True

    # -------------------------------------------------------------- period tables

    def period_header(self, table: Table, first_label: str, labels: Sequence[str], text_cols: int) -> None:
        """No | <first_label> (over text_cols) | Target (over the periods), then the periods."""
        top, second = table.rows[0], table.rows[1]
        self.header_row(top)
        self.header_row(second)
        no = table.cell(0, 0).merge(table.cell(1, 0))
        text = table.cell(0, 1).merge(table.cell(1, text_cols))
        target = table.cell(0, 1 + text_cols).merge(table.cell(0, text_cols + len(labels)))
        self.header_cell(no, "No")
        self.header_cell(text, first_label)
        self.header_cell(target, "Target")
        for i, label in enumerate(labels):
            self.header_cell(table.cell(1, 1 + text_cols + i), label)

    def period_cells(self, cells: Sequence[_Cell], row: PeriodRow) -> None:
        center = WD_ALIGN_PARAGRAPH.CENTER
        for cell, printed in zip(cells[:-1], row.cells[:-1], strict=True):
            self.write(cell, [printed], align=center)
        self.write(cells[-1], _qualified(*year_split(row)), align=center)

    def period_weights(self, text_cols: Sequence[float], n: int) -> list[float]:
        return [*text_cols, *[self.style.period_col] * (n - 1), self.style.year_col]

    def rincian(self, part: RincianPart, index: int) -> None:
        rincian = self.spec.rincian
        assert rincian is not None
        if index == 1:
            self.title(rincian.title_lines, after=10)
        labels = rincian.period_labels
        self.cell_pt = self.style.period_pt or self.style.table_pt
        n_head = 2 if part.with_header else 0
        n = n_head + sum(1 + len(o.rows) for o in part.objectives)
        table = self.table(n, self.period_weights(self.style.rincian_cols, len(labels)))
        if part.with_header:
            self.period_header(table, "IKU", labels, 2)
        r = n_head
        for objective in part.objectives:
            cells = table.rows[r].cells
            self.write(cells[0], [str(objective.no)], align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(cells[1].merge(cells[-1]), [objective.text], bold=True)
            for cell in (cells[0], cells[1]):
                _shade(cell, self.style.group_fill)
            self.data_row(table.rows[r], [str(objective.no), objective.text])
            r += 1
            for row in objective.rows:
                cells = table.rows[r].cells
                self.write(cells[1], [row.code], align=WD_ALIGN_PARAGRAPH.CENTER)
                self.write(cells[2], [row.text])
                self.period_cells(cells[3:], row)
                self.data_row(table.rows[r], [row.code, row.text, *row.cells])
                r += 1
        self.cell_pt = self.style.table_pt

    # -------------------------------------------------------------- SKP

    def org_period_line(self, left: str, right: str) -> None:
        para = self.paragraph(before=2, after=6)
        para.paragraph_format.tab_stops.add_tab_stop(self.body_width, WD_TAB_ALIGNMENT.RIGHT)
        self.run(para, left).bold = True
        para.add_run("\t")
        self.run(para, right).bold = True
        for run in para.runs:
            run.font.size = Pt(self.style.table_pt + 1)
        self.probe(_first_token(left), _first_token(right))

    def skp_header(self, header: SkpHeader) -> None:
        self.title(header.title_lines, after=10)
        self.org_period_line(header.organisation, header.period_line)
        table = self.table(1 + len(header.appraisee), self.style.skp_header_cols)
        top = table.rows[0]
        self.header_row(top)
        self.header_cell(top.cells[0].merge(top.cells[1]), "PEGAWAI YANG DINILAI")
        self.header_cell(top.cells[2].merge(top.cells[3]), "PEJABAT PENILAI KINERJA")
        pairs = zip(header.appraisee, header.appraiser, strict=True)
        for row, ((l1, v1), (l2, v2)) in zip(table.rows[1:], pairs, strict=True):
            for cell, text in zip(row.cells, (l1, v1, l2, v2), strict=True):
                self.write(cell, [text])
            self.data_row(row, [l1, v1, l2, v2])
        self.spacer(8)

    def rhk(self, part: RhkPart) -> None:
        skp = self.spec.skp
        assert skp is not None
        n_head = 3 if part.with_header else 0
        n = n_head + sum(len(o.indicators) for o in part.objectives)
        table = self.table(n, self.style.rhk_cols)
        if part.with_header:
            heads = ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF")
            for cell, text in zip(table.rows[0].cells, heads, strict=True):
                self.header_cell(cell, text)
            for i, cell in enumerate(table.rows[1].cells, start=1):
                self.header_cell(cell, f"({i})")
            self.header_row(table.rows[0])
            self.header_row(table.rows[1])
            group = table.rows[2].cells[0].merge(table.rows[2].cells[-1])
            self.write(group, [skp.rhk_group], bold=True)
            self.data_row(table.rows[2], [skp.rhk_group])
        r = n_head
        for objective in part.objectives:
            first = r
            for i, indicator in enumerate(objective.indicators):
                cells = table.rows[r].cells
                self.write(cells[2], [indicator.text])
                lines = self.target_lines(indicator.target)
                self.write(cells[3], lines, align=WD_ALIGN_PARAGRAPH.CENTER)
                self.write(cells[4], [indicator.perspective])
                lead = [str(objective.no), objective.text] if i == 0 else []
                self.data_row(table.rows[r], [*lead, indicator.text, lines[0], indicator.perspective])
                r += 1
            no, text = table.cell(first, 0), table.cell(first, 1)
            if r - 1 > first:
                no, text = no.merge(table.cell(r - 1, 0)), text.merge(table.cell(r - 1, 1))
            self.write(no, [str(objective.no)], align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(text, [objective.text, f"({objective.assignment})"])

    def behaviours(self, behaviours: Behaviours) -> None:
        self.spacer(8)
        table = self.table(1 + len(behaviours.behaviours), self.style.behaviour_cols)
        head = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
        self.write(head, ["PERILAKU KERJA"], bold=True)
        _shade(head, self.style.header_fill)
        _row_flag(table.rows[0], "w:cantSplit")
        self.probe("PERILAKU KERJA")
        for row, b in zip(table.rows[1:], behaviours.behaviours, strict=True):
            cells = row.cells
            self.write(cells[0], [str(b.no)], align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(cells[1], [b.name], bold=True)
            for criterion in b.criteria:
                para = cells[1].add_paragraph()
                para.paragraph_format.left_indent = Cm(0.3)
                para.paragraph_format.first_line_indent = Cm(-0.3)
                self.run(para, f"- {criterion}").font.size = Pt(self.style.table_pt)
            self.write(cells[2], ["Ekspektasi Khusus Pimpinan:", b.expectation])
            self.data_row(row, [str(b.no), b.name, "Ekspektasi Khusus Pimpinan:"])

    def lampiran(self, lampiran: Lampiran) -> None:
        skp = self.spec.skp
        assert skp is not None
        self.title([lampiran.title], after=8)
        self.org_period_line(skp.header.organisation, skp.header.period_line)
        n = 2 + len(lampiran.resources) + len(lampiran.accountability)
        table = self.table(n, (0.8, 16.2))
        rows = table.rows
        head = rows[0].cells[0].merge(rows[0].cells[1])
        self.write(head, ["DUKUNGAN SUMBER DAYA"], bold=True)
        _shade(head, self.style.header_fill)
        self.probe("DUKUNGAN SUMBER DAYA")
        r = 1
        for item in lampiran.resources:
            self.write(rows[r].cells[0], [str(item.no)], align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(rows[r].cells[1], [item.text])
            self.data_row(rows[r], [str(item.no), item.text])
            r += 1
        skema = rows[r].cells[0].merge(rows[r].cells[1])
        self.write(skema, ["SKEMA PERTANGGUNGJAWABAN"], bold=True)
        _shade(skema, self.style.header_fill)
        self.data_row(rows[r], ["SKEMA PERTANGGUNGJAWABAN"])
        r += 1
        for item in lampiran.accountability:
            self.write(rows[r].cells[0].merge(rows[r].cells[1]), [item])
            self.data_row(rows[r], [item])
            r += 1
        self.spacer(8)

    def lampiran_table(self, rows: Sequence[PeriodRow]) -> None:
        lampiran = self.spec.lampiran
        assert lampiran is not None
        labels = lampiran.period_labels
        self.cell_pt = self.style.period_pt or self.style.table_pt
        table = self.table(2 + len(rows), self.period_weights(self.style.lampiran_cols, len(labels)))
        self.period_header(table, "IKI", labels, 1)
        for trow, row in zip(table.rows[2:], rows, strict=True):
            cells = trow.cells
            self.write(cells[0], [str(row.row_no)], align=WD_ALIGN_PARAGRAPH.CENTER)
            self.write(cells[1], [row.text])
            self.period_cells(cells[2:], row)
            self.data_row(trow, [str(row.row_no), row.text, *row.cells])
        self.cell_pt = self.style.table_pt

    def konsekuensi(self, items: Sequence[str]) -> None:
        self.spacer(6)
        self.paragraph("KONSEKUENSI", bold=True, after=3)
        self.probe("KONSEKUENSI")
        for item in items:
            self.paragraph(item, after=3)
            self.probe(first_words(item))

    # -------------------------------------------------------------- dispatch

    def draw(self, block: Planned, new_page: bool) -> None:
        self.start_block(block, new_page)
        item, key = block.item, block.key
        if isinstance(item, Statement):
            self.statement(item)
        elif isinstance(item, SignatureRow):
            self.signature_row(item)
        elif isinstance(item, PkSlice):
            self.pk(item)
        elif isinstance(item, BudgetTable):
            self.budget(item)
        elif isinstance(item, RincianPart):
            self.rincian(item, int(key.rsplit("_", 1)[1]))
        elif isinstance(item, SkpHeader):
            self.skp_header(item)
        elif isinstance(item, RhkPart):
            self.rhk(item)
        elif isinstance(item, Behaviours):
            self.behaviours(item)
        elif isinstance(item, Lampiran):
            self.lampiran(item)
        elif key == "skp_lampiran_table":
            self.lampiran_table(item)  # type: ignore[arg-type]
        elif key == "skp_lampiran_konsekuensi":
            self.konsekuensi(item)  # type: ignore[arg-type]
        else:
            raise TypeError(f"no drawing for block {key} ({type(item).__name__})")


# ------------------------------------------------------------------ conversion


@dataclass(frozen=True)
class Written:
    """What the .docx holds, for checking the PDF: each block's probe lines and every
    string written on each planned page."""

    probes: dict[str, list[tuple[str, ...]]]
    printed: dict[int, list[str]]


def build_docx(doc: DocumentSpec, path: Path, style: DocxStyle | None = None) -> Written:
    """Write the .docx the way a clerk would have typed it."""
    builder = Builder(doc, style or STYLES.get(doc.name, STYLE))
    for block, new_page in paged(plan(doc)):
        builder.draw(block, new_page)
    builder.docx.save(str(path))
    return Written(builder.probes, builder.printed)


# What fontconfig must resolve each Word font to: the font itself or its metric twin.
FONT_TWINS = {
    "Times New Roman": ("Times New Roman", "Liberation Serif"),
    "Arial": ("Arial", "Liberation Sans"),
    "Calibri": ("Calibri", "Carlito"),
}
FONT_PACKAGES = "fonts-liberation2 fonts-crosextra-carlito"


def check_font(name: str) -> None:
    """Writer silently substitutes a missing font, which moves every line break: refuse."""
    if shutil.which("fc-match") is None:
        return
    family = subprocess.run(["fc-match", "-f", "%{family}", name], capture_output=True, text=True,
                            check=False).stdout
    if not any(twin in family.split(",") for twin in FONT_TWINS.get(name, (name,))):
        raise RuntimeError(f"font {name!r} resolves to {family!r}: apt-get install {FONT_PACKAGES}")


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """``soffice --headless --convert-to pdf`` with a throw-away user profile, so no
    desktop settings leak in and parallel builds do not share a profile lock."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    profile = out_dir / "lo-profile"
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), str(docx_path)]
    env = {**os.environ, "HOME": str(out_dir)}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env, check=False)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"soffice failed ({result.returncode}): {result.stderr.strip()}")
    return pdf


_CREATION = re.compile(rb"/CreationDate\(D:(\d{14})")
_HEX32 = re.compile(rb"(/ID\s*\[\s*<|>\s*<|/DocChecksum\s*/)([0-9A-Fa-f]{32})")


def make_reproducible(pdf: bytes, signed_on: str) -> bytes:
    """LibreOffice stamps the conversion time, a random file id and a checksum over
    both: replace them by same-length values (the xref offsets stay valid) derived from
    the signing date and the content."""
    stamp = signed_on.replace("-", "").encode() + b"000000"
    pdf = _CREATION.sub(lambda m: b"/CreationDate(D:" + stamp, pdf)
    blank = _HEX32.sub(lambda m: m.group(1) + b"0" * 32, pdf)
    digest = hashlib.md5(blank).hexdigest().upper().encode()
    return _HEX32.sub(lambda m: m.group(1) + digest, blank)


# ------------------------------------------------------------------ placement


def page_lines(pdf: Path, page: int) -> list[str]:
    """The page as ``pdftotext -layout`` lines, runs of blanks collapsed to one."""
    return [re.sub(r"\s+", " ", line).strip() for line in pdftotext_layout(pdf, page).splitlines()]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def on_one_line(lines: Sequence[str], tokens: Sequence[str]) -> bool:
    """Is there a line holding every token, in this order?"""
    for line in lines:
        pos = 0
        for token in tokens:
            found = line.find(re.sub(r"\s+", " ", token), pos)
            if found < 0:
                break
            pos = found + len(token)
        else:
            return True
    return False


def placement_problems(doc: DocumentSpec, pdf: Path, written: Written) -> list[str]:
    """The page count; each block's first and last probe line on its planned page; and
    every word written for a page found there at least as often (so no block strayed
    and no word was broken inside a narrow cell: 'Kegia' / 'tan')."""
    problems = []
    drawn = page_count(pdf)
    if drawn != doc.page_count:
        problems.append(f"page count: planned {doc.page_count}, drawn {drawn}")
    pages = {n: page_lines(pdf, n) for n in range(1, min(drawn, doc.page_count) + 1)}
    for block in plan(doc):
        lines_of_block = written.probes[block.key]
        if not lines_of_block:
            problems.append(f"{block.key}: nothing to check")
            continue
        if block.page not in pages:
            problems.append(f"{block.key}: planned p{block.page}, document has {drawn} pages")
            continue
        for which, tokens in (("first", lines_of_block[0]), ("last", lines_of_block[-1])):
            if not on_one_line(pages[block.page], tokens):
                problems.append(f"{block.key}: {which} line {tokens!r} not on planned p{block.page}")
    for page, strings in written.printed.items():
        if page in pages:
            missing = Counter(words(" ".join(strings))) - Counter(words(" ".join(pages[page])))
            if missing:
                problems.append(f"p{page}: words missing or broken: {sorted(missing)[:8]}")
    return problems


def render_pdf(doc: DocumentSpec, path: Path) -> dict[str, int]:
    """Write the PDF through Word format and LibreOffice; return the page of every block.
    Raises PlacementError when a block is not on its planned page or the page count
    differs from the plan."""
    blocks = plan(doc)
    with tempfile.TemporaryDirectory(prefix="kinerja-docx-") as tmp:
        work = Path(tmp)
        docx_path = work / f"{doc.name}.docx"
        check_font(STYLES.get(doc.name, STYLE).font)
        written = build_docx(doc, docx_path)
        pdf = convert_to_pdf(docx_path, work)
        signed = _first_date(doc)
        pdf.write_bytes(make_reproducible(pdf.read_bytes(), signed))
        problems = placement_problems(doc, pdf, written)
        if problems:
            raise PlacementError(f"{doc.name}: " + "; ".join(problems))
        shutil.copyfile(pdf, path)
    return {block.key: block.page for block in blocks}


def _first_date(doc: DocumentSpec) -> str:
    for block in plan(doc):
        if isinstance(block.item, SignatureRow) and block.item.blocks:
            return block.item.blocks[0].signed_on
    return f"{doc.fiscal_year}-01-01"
