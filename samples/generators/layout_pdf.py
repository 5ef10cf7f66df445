"""Print a drawn `Layout` as a PDF with one of three producers (reportlab, fpdf2, chromium).

The placement is computed once here (text wrapped with Helvetica's metrics, rows broken
over pages, merged cells split at a page break) and handed to a small backend that only
draws strings and lines; the producers write different PDFs (operators, fonts, object
layout; Chromium's Skia fills rules as rectangles and writes its own font subsets, see
layout_chromium.py) of the same page image. Returns the page of every row, for the truth.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from samples.generators.layouts import (
    PERIOD_WORDINGS,
    PERIODS,
    BudgetStyle,
    DrawnTarget,
    Layout,
    SignatureStyle,
    Signer,
    TableStyle,
    TargetStyle,
    activity_label,
    printed_amount,
    signature_rows,
    total_label,
)

PAPER = {"A4": (595.28, 841.89), "F4": (609.45, 935.43)}
MARGIN = 48.0
PAD = 3.0
LEADING = 1.25  # line height in font sizes
TITLE_SIZE = 12.0
MIN_SIZE = 5.0


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    align: str = "left"  # 'left' | 'right' | 'center'


@dataclass
class Grid:
    """A table to print: header rows, body rows (None where a merged cell covers the slot),
    the row key of each body row (None for rows that carry no fact), widths as shares."""

    shares: list[float]
    header: list[list[Cell | None]]
    body: list[list[Cell | None]]
    keys: list[str | None]
    style: TableStyle
    text_column: int | None = None  # the column of long text (the indicator) a row may break in


@dataclass
class Page:
    texts: list[tuple[float, float, str, float, bool]] = field(default_factory=list)  # x, baseline, text, size, bold
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1 (top-left origin)


def wrap(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if current and stringWidth(candidate, "Helvetica", size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def fitting_size(grid: Grid, widths: list[float]) -> float:
    """The table's font size, made smaller until every word fits its cell (as a word
    processor shrinks a table to its page), so no text runs into the next cell."""
    size = grid.style.font_size
    while size > MIN_SIZE:
        fits = all(
            stringWidth(word, "Helvetica-Bold", size) <= sum(widths[c : c + cell.colspan]) - 2 * PAD
            for row in grid.header + grid.body
            for c, cell in enumerate(row)
            if cell is not None
            for word in cell.text.split()
        )
        if fits:
            break
        size -= 0.5
    return size


class Printer:
    """Places text and tables top to bottom, starting new pages as needed."""

    def __init__(self, layout: Layout):
        w, h = PAPER[layout.paper]
        self.width, self.height = (h, w) if layout.landscape else (w, h)
        self.pages: list[Page] = [Page()]
        self.y = MARGIN
        self.row_pages: dict[str, int] = {}
        self._drawn: dict[int, int] = {}  # lines of each merged cell printed so far
        self._signatures = 0  # signature blocks printed so far
        self.gap_after_table = 0.0  # the space left under the last table drawn

    @property
    def usable(self) -> float:
        return self.width - 2 * MARGIN

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = MARGIN

    def title(self, text: str, size: float = TITLE_SIZE, bold: bool = True) -> None:
        if self.y + size * LEADING > self.height - MARGIN:
            self.new_page()
        width = stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size)
        self.pages[-1].texts.append(((self.width - width) / 2, self.y + size, text, size, bold))
        self.y += size * LEADING

    def signatures(self, style: SignatureStyle, year: int) -> None:
        """The signature blocks in rows (signature_rows): the place and date over the right
        party, each block's lines from its top, a row as tall as its tallest block."""
        size = 10.0
        step = size * LEADING
        for row_no, row in enumerate(signature_rows(style)):
            blocks = [(signer, label, _block_lines(style, signer, label, year if row_no == 0 and at == len(row) - 1 else None))
                      for at, (signer, label) in enumerate(row)]
            height = (max(len(lines) for _, _, lines in blocks) + 1) * step
            if self.y + height + size > self.height - MARGIN:
                self.new_page()
            self.y += size
            dated = any(len(lines) and lines[0].startswith(f"{style.place}, ") for _, _, lines in blocks)
            for at, (_, _, lines) in enumerate(blocks):
                x = self._block_x(len(row), at, max(stringWidth(t, "Helvetica", size) for t in lines if t))
                # blocks stand level by their first line under the date: the undated start a line lower
                first = 1 if dated and not lines[0].startswith(f"{style.place}, ") else 0
                for n, text in enumerate(lines, start=first):
                    if text:
                        self.pages[-1].texts.append((x, self.y + size + n * step, text, size, False))
                self.row_pages[f"signature:{self._signatures}"] = len(self.pages)
                self._signatures += 1
            self.y += height

    def _block_x(self, blocks_in_row: int, at: int, width: float) -> float:
        if blocks_in_row == 1:
            return (self.width - width) / 2
        return MARGIN + 20 if at == 0 else self.width / 2 + 40

    def gap(self, points: float) -> None:
        self.y += points

    def table(self, grid: Grid) -> None:
        widths = [s * self.usable * grid.style.width / sum(grid.shares) for s in grid.shares]
        size = fitting_size(grid, widths)
        xs = [MARGIN]
        for w in widths:
            xs.append(xs[-1] + w)
        header_heights = self._heights(grid.header, widths, size)
        body_heights = self._heights(grid.body, widths, size)
        limit = self.height - MARGIN
        if self.y + sum(header_heights) + (body_heights[0] if body_heights else 0) > limit:
            self.new_page()
        # The body's parts, one per page: a row that does not fit, or a forced break, starts the next.
        parts: list[tuple[int, int]] = []
        start, y = 0, self.y + sum(header_heights)
        for i, height in enumerate(body_heights):
            if i > start and (y + height > limit or (i - 1) in grid.style.breaks_after):
                parts.append((start, i))
                start, y = i, MARGIN + (sum(header_heights) if grid.style.repeat_header else 0)
            y += height
        parts.append((start, len(grid.body)))
        for k, (a, b) in enumerate(parts):
            if k:
                self.new_page()
            if k == 0 or grid.style.repeat_header:
                self._rows(grid.header, list(range(len(grid.header))), header_heights, xs, size, grid.style, bold=True)
            self._rows(grid.body, list(range(a, b)), body_heights, xs, size, grid.style, bold=False, keys=grid.keys)
        self.y += size
        self.gap_after_table = size

    def _heights(self, rows: list[list[Cell | None]], widths: list[float], size: float) -> list[float]:
        heights = [size * LEADING + 2 * PAD for _ in rows]
        spans: list[tuple[int, int, float]] = []
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                width = sum(widths[c:c + cell.colspan]) - 2 * PAD
                need = len(wrap(cell.text, width, size)) * size * LEADING + 2 * PAD
                if cell.rowspan == 1:
                    heights[r] = max(heights[r], need)
                else:
                    spans.append((r, cell.rowspan, need))
        for r, span, need in spans:
            have = sum(heights[r:r + span])
            need += size * LEADING  # room for the line a page break may cost
            if have < need:
                heights[r + span - 1] += need - have
        return heights

    def _rows(self, rows, indices, heights, xs, size, style: TableStyle, *, bold: bool, keys=None) -> None:
        """Draw rows `indices` (consecutive) at the cursor; a merged cell that started on an
        earlier page is drawn over what is left of it, without its text."""
        if not indices:
            return
        page = self.pages[-1]
        tops = {}
        y = self.y
        for r in indices:
            tops[r] = y
            y += heights[r]
        first = indices[0]
        for r in indices:
            if keys is not None and keys[r] is not None:
                self.row_pages[keys[r]] = len(self.pages)
            for c, cell in enumerate(rows[r]):
                owner_row, cell = (r, cell) if cell is not None else self._owner(rows, r, c, first)
                if cell is None:
                    continue
                last = min(owner_row + cell.rowspan, indices[-1] + 1)
                top = tops[max(owner_row, first)]
                bottom = tops[last - 1] + heights[last - 1]
                x0, x1 = xs[c], xs[c + cell.colspan]
                if style.ruled:
                    page.lines += [(x0, top, x1, top), (x0, bottom, x1, bottom)]
                if style.ruled and style.vertical_rules:
                    page.lines += [(x0, top, x0, bottom), (x1, top, x1, bottom)]
                # A merged cell cut by a page break: its text runs on in the part on the next
                # page, as word processors do.
                text_lines = wrap(cell.text, x1 - x0 - 2 * PAD, size)
                done = self._drawn.get(id(cell), 0) if owner_row < first else 0
                room = max(int((bottom - top - 2 * PAD) // (size * LEADING)), 1)
                shown = text_lines[done:] if last == owner_row + cell.rowspan else text_lines[done : done + room]
                self._drawn[id(cell)] = done + len(shown)
                for k, line in enumerate(shown):
                    width = stringWidth(line, "Helvetica-Bold" if bold else "Helvetica", size)
                    if cell.align == "right":
                        x = x1 - PAD - width
                    elif cell.align == "center":
                        x = (x0 + x1 - width) / 2
                    else:
                        x = x0 + PAD
                    page.texts.append((x, top + PAD + size * 0.85 + k * size * LEADING, line, size, bold))
        self.y = y

    @staticmethod
    def _owner(rows, r: int, c: int, first: int) -> tuple[int, Cell | None]:
        """The merged cell covering slot (r, c), if it starts above r (drawn once per page part)."""
        for up in range(r - 1, -1, -1):
            cell = rows[up][c]
            if cell is not None:
                if up + cell.rowspan > r and (r == first):
                    return up, cell
                return up, None
        return r, None


# ---------------------------------------------------------------- the document's tables


def _header_cells(style: TableStyle, labels: list[str], second: list[str]) -> list[list[Cell | None]]:
    """One header row, or two: the labels spanning both rows where the second row is blank."""
    if style.header_rows == 1:
        return [[Cell(t, align="center") for t in labels]]
    top: list[Cell | None] = [Cell(t, rowspan=1 if s else 2, align="center") for t, s in zip(labels, second)]
    low: list[Cell | None] = [Cell(s, align="center") if s else None for s in second]
    return [top, low]


# TargetStyle.target_label -> the target column's label and, in a second header row, the words below it
TARGET_LABELS = {"target": ("Target", "{year}"), "target_year": ("Target {year}", ""), "year": ("{year}", ""), "tahun_year": ("Tahun {year}", "")}


# TargetStyle.wording -> the objective's and the indicator's column labels
TARGET_WORDING = {
    "strategis": ("Sasaran Strategis", "Indikator Kinerja"),
    "utama": ("Sasaran Strategis", "Indikator Kinerja Utama"),
    "sasaran": ("Sasaran", "Indikator Sasaran"),
    "tujuan": ("Tujuan", "Indikator Tujuan"),
}


def unit_of(target: DrawnTarget) -> str:
    """What a 'Satuan' column prints for a target: its unit in words."""
    if target.is_percent:
        return "Persen"
    return (target.qualifier or "Nilai").capitalize()


def baseline_of(target: DrawnTarget) -> str:
    """Last year's figure as a 'Kondisi Awal' column prints it: the target's, its first digit changed."""
    digits = [i for i, ch in enumerate(target.raw) if ch.isdigit()]
    if not digits:
        return "-"
    i = digits[0]
    return target.raw[:i] + str((int(target.raw[i]) + 1) % 10 or 1) + target.raw[i + 1 :]


def target_grid(layout: Layout) -> Grid:
    style: TargetStyle = layout.target_style
    target, below = TARGET_LABELS[style.target_label]
    objective_label, indicator_label = TARGET_WORDING[style.wording]
    labels = ["No", objective_label, indicator_label, target.format(year=layout.year)]
    shares = [0.6, 3.0, 4.0, 1.6]
    second = ["", "", "", below.format(year=layout.year)]
    if style.baseline_column:
        labels.insert(3, "Kondisi Awal")
        shares.insert(3, 1.4)
        second.insert(3, str(layout.year - 1))
    if style.unit_column:
        labels.insert(3, "Satuan")
        shares.insert(3, 1.2)
        second.insert(3, "")
    if style.code_at == "column":
        labels.insert(2, "Kode")
        shares.insert(2, 1.0)
        second.insert(2, "")
    body: list[list[Cell | None]] = []
    keys: list[str | None] = []
    n = 0
    for objective in layout.objectives:
        for i, indicator in enumerate(objective.indicators):
            first = i == 0
            span = len(objective.indicators) if style.merged_objective and first else 1
            show = first or not style.merged_objective
            if style.code_at == "no":
                no: Cell | None = Cell(indicator.code)
            elif show:
                no = Cell(str(objective.no), rowspan=span)
            else:
                no = None
            objective_cell = Cell(objective.text, rowspan=span) if show else None
            text = f"{indicator.code} {indicator.text}" if style.code_at == "prefix" else indicator.text
            row = [no, objective_cell, Cell(text), Cell(indicator.target.raw, align="center")]
            if style.baseline_column:
                row.insert(3, Cell(baseline_of(indicator.target), align="center"))
            if style.unit_column:
                row.insert(3, Cell(unit_of(indicator.target), align="center"))
            if style.code_at == "column":
                row.insert(2, Cell(indicator.code, align="center"))
            body.append(row)
            keys.append(f"pk:{n}")
            n += 1
    return Grid(shares, _header_cells(style, labels, second), body, keys, style, labels.index(indicator_label))


def budget_grid(layout: Layout) -> Grid:
    style: BudgetStyle = layout.budget_style
    named = {"programs_and_activities": "Program/Kegiatan", "activities": "Kegiatan", "programs": "Program"}[style.lists]
    labels = ["No", named] + (["", style.amount_label] if style.rp_column else [style.amount_label]) + ([style.source_column] if style.source_column else [])
    second = ["", ""] + (["", f"Tahun {layout.year}"] if style.rp_column else [f"Tahun {layout.year}"]) + ([""] if style.source_column else [])
    shares = [0.7, 6.0] + ([0.6, 2.2] if style.rp_column else [2.6]) + ([1.3] if style.source_column else [])
    body: list[list[Cell | None]] = []
    keys: list[str | None] = []

    def amount_cells(amount: int, source: str = "APBD") -> list[Cell | None]:
        printed = printed_amount(style, amount)
        funded = [Cell(source)] if style.source_column else []
        if style.rp_column:
            return [Cell("Rp"), Cell(printed, align="right"), *funded]
        return [Cell(f"Rp {printed}", align="right"), *funded]

    b = 0
    if style.lists == "activities":
        activities = [a for p in layout.programs for a in p.activities]
        for i, activity in enumerate(activities):
            number = f"{i + 1}." if style.activity_numbering != "none" else ""
            body.append([Cell(number), Cell(activity.name)] + amount_cells(activity.amount))
            keys.append(f"budget:{i}")
        if style.total_row and activities:
            body.append([Cell(""), Cell(total_label(style))] + amount_cells(sum(a.amount for a in activities), ""))
            keys.append(None)
        return Grid(shares, _header_cells(style, labels, second), body, keys, style)
    for program in layout.programs:
        body.append([Cell(f"{program.no}."), Cell(program.name)] + amount_cells(program.amount))
        keys.append(f"budget:{b}")
        b += 1
        for i, activity in enumerate(program.activities if style.lists != "programs" else ()):
            label = activity_label(style, program, i)
            body.append([Cell(label or ""), Cell(activity.name)] + amount_cells(activity.amount))
            keys.append(f"budget:{b}")
            b += 1
    if style.total_row:
        total = sum(p.amount for p in layout.programs)
        body.append([Cell(""), Cell(total_label(style))] + amount_cells(total, ""))
        keys.append(None)
    return Grid(shares, _header_cells(style, labels, second), body, keys, style)


def rincian_grid(layout: Layout) -> Grid:
    style: TargetStyle = layout.rincian_style
    labels = ["No", "Indikator Kinerja Utama"] + [PERIOD_WORDINGS[style.period_wording][p] for p in PERIODS]
    shares = [0.9, 5.0] + [1.2] * len(PERIODS)
    if style.code_at == "column":
        labels.insert(1, "Kode")
        shares.insert(1, 1.0)
    if style.header_rows == 2:
        fixed = len(labels) - len(PERIODS)
        top: list[Cell | None] = [Cell(t, rowspan=2, align="center") for t in labels[:fixed]]
        top += [Cell(f"Target {layout.year}", colspan=len(PERIODS), align="center")] + [None] * (len(PERIODS) - 1)
        low: list[Cell | None] = [None] * fixed + [Cell(t, align="center") for t in labels[fixed:]]
        header = [top, low]
    else:
        header = [[Cell(t, align="center") for t in labels]]
    body: list[list[Cell | None]] = []
    keys: list[str | None] = []
    n = 0
    width = len(labels)
    for objective in layout.objectives:
        # the objective row: its number, its text across the rest of the row
        body.append([Cell(str(objective.no)), Cell(objective.text, colspan=width - 1)] + [None] * (width - 2))
        keys.append(None)
        for indicator in objective.indicators:
            no = Cell(indicator.code) if style.code_at == "no" else Cell("")
            text = f"{indicator.code} {indicator.text}" if style.code_at == "prefix" else indicator.text
            row: list[Cell | None] = [no, Cell(text)] + [Cell(c.raw, align="center") for c in indicator.periods]
            if style.code_at == "column":
                row.insert(1, Cell(indicator.code, align="center"))
            body.append(row)
            keys.append(f"rincian:{n}")
            n += 1
    return Grid(shares, header, body, keys, style, labels.index("Indikator Kinerja Utama"))


def split_across_pages(grid: Grid, key: str | None) -> Grid:
    """The body row of ``key`` broken by the page end inside its text, as word processors
    break a row that may split: the first words (and every other cell) on this page, the
    rest of the text in a row part of its own at the top of the next. A merged cell over
    the row stretches over both parts."""
    if key is None or key not in grid.keys or grid.text_column is None:
        return grid
    r = grid.keys.index(key)
    words = (grid.body[r][grid.text_column] or Cell("")).text.split()
    if len(words) < 4:
        return grid
    half = len(words) // 2
    body = [list(row) for row in grid.body]
    first = list(body[r])
    rest: list[Cell | None] = []
    for c, cell in enumerate(first):
        owner = _covering(body, r, c)
        if c == grid.text_column:
            first[c] = dataclasses.replace(cell, text=" ".join(words[:half]))
            rest.append(Cell(" ".join(words[half:])))
        elif owner is not None:
            up, merged = owner
            stretched = dataclasses.replace(merged, rowspan=merged.rowspan + 1)
            if up == r:
                first[c] = stretched
            else:
                body[up][c] = stretched
            rest.append(None)
        else:
            rest.append(Cell("") if cell is not None else None)
    body[r] = first
    body.insert(r + 1, rest)
    keys = grid.keys[: r + 1] + [None] + grid.keys[r + 1 :]
    breaks = tuple(sorted({b + (b > r) for b in grid.style.breaks_after} | {r}))
    style = dataclasses.replace(grid.style, breaks_after=breaks)
    return dataclasses.replace(grid, body=body, keys=keys, style=style)


def _covering(body: list[list[Cell | None]], r: int, c: int) -> tuple[int, Cell] | None:
    """The merged cell (its row and itself) spanning row r in column c, if there is one."""
    for up in range(r, -1, -1):
        cell = body[up][c]
        if cell is not None:
            return (up, cell) if cell.rowspan > 1 and up + cell.rowspan - 1 >= r else None
    return None


def spaced(text: str) -> str:
    return "   ".join(" ".join(word) for word in text.split())


def _block_lines(style: SignatureStyle, signer: Signer, label: str | None, year: int | None) -> list[str]:
    """One block top to bottom: [place and date], [label], jabatan, the space for ink or the
    e-sign mark, name, [pangkat], [NIP]."""
    lines = [f"{style.place}, 2 Januari {year}"] if year is not None else []
    lines += [label] if label else []
    lines += [*signer.role[:-1], signer.role[-1] + ","]
    lines += ["Ditandatangani secara elektronik", ""] if style.electronic else ["", "", ""]
    lines.append(signer.name)
    lines += [signer.rank] if signer.rank else []
    if signer.nip:
        nip = signer.nip
        lines.append(f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if style.spaced_nip else f"NIP {nip}")
    return lines


def _split_key(prefix: str, style: TargetStyle) -> str | None:
    return None if style.split_row is None else f"{prefix}:{style.split_row}"


def place(layout: Layout) -> Printer:
    printer = Printer(layout)
    heading = f"PERJANJIAN KINERJA TAHUN {layout.year}"
    printer.title(spaced(heading) if layout.spaced_title else heading)
    printer.title(layout.unit.upper())
    printer.gap(12)
    if layout.objectives:
        printer.table(split_across_pages(target_grid(layout), _split_key("pk", layout.target_style)))
    budget = budget_grid(layout) if layout.programs else None
    if budget is not None and budget.body:
        if layout.budget_style.flush_above and layout.objectives:
            printer.y -= printer.gap_after_table
        printer.table(budget)
    printer.signatures(layout.signatures, layout.year)
    if layout.rincian:
        printer.new_page()
        printer.title("RINCIAN TARGET KINERJA")
        printer.title(f"TAHUN {layout.year}")
        printer.gap(8)
        printer.table(split_across_pages(rincian_grid(layout), _split_key("rincian", layout.rincian_style)))
        printer.signatures(layout.signatures, layout.year)
    return printer


# ---------------------------------------------------------------- producers


def _reportlab(printer: Printer, path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(printer.width, printer.height), invariant=1)
    canvas.setCreator("kinerja layout generator (reportlab)")
    for page in printer.pages:
        canvas.setLineWidth(0.6)
        for x0, y0, x1, y1 in page.lines:
            canvas.line(x0, printer.height - y0, x1, printer.height - y1)
        for x, y, text, size, bold in page.texts:
            canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            canvas.drawString(x, printer.height - y, text)
        canvas.showPage()
    canvas.save()


def _fpdf2(printer: Printer, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(printer.width, printer.height))
    pdf.set_creator("kinerja layout generator (fpdf2)")
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))  # deterministic bytes
    pdf.set_auto_page_break(False)
    for page in printer.pages:
        pdf.add_page()
        pdf.set_line_width(0.6)
        for x0, y0, x1, y1 in page.lines:
            pdf.line(x0, y0, x1, y1)
        for x, y, text, size, bold in page.texts:
            pdf.set_font("Helvetica", "B" if bold else "", size)
            pdf.text(x, y, text)
    pdf.output(str(path))


def _chromium(printer: Printer, path: Path) -> None:
    from samples.generators.layout_chromium import print_with_chromium

    print_with_chromium(printer, path)


PRODUCERS: dict[str, Callable[[Printer, Path], None]] = {"reportlab": _reportlab, "fpdf2": _fpdf2, "chromium": _chromium}


def render_layout(layout: Layout, path: Path) -> dict[str, int]:
    """Print `layout` to `path`; return the page (1-based) of every fact row."""
    printer = place(layout)
    PRODUCERS[layout.producer](printer, path)
    return printer.row_pages
