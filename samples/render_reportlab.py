"""Render a ``DocumentSpec`` to a PDF with reportlab platypus, laid out like a Word form.

Every block of the spec is planned on a page (``page`` in the spec). Explicit page breaks
put it there; zero-size marks around it record where it really landed, and
``render_pdf`` raises ``PlacementError`` when a block moved or split over pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from samples.spec import (
    Behaviours,
    BudgetTable,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    PkTable,
    RhkPart,
    Rincian,
    RincianPart,
    SignatureRow,
    SkpHeader,
    T,
)

PAGE_W, PAGE_H = A4
# Column widths below are chosen so that cell texts wrap where the Word original wraps
# them (measured against the seed's line breaks), not to fill the page.
MARGIN_X = 2.0 * cm
MARGIN_Y = 1.5 * cm
BODY_W = PAGE_W - 2 * MARGIN_X

GRID_COLOR = colors.black
HEADER_FILL = colors.HexColor("#D9D9D9")
GROUP_FILL = colors.HexColor("#F2F2F2")


def _style(name: str, font: str = "Helvetica", size: float = 8, align: int = TA_LEFT, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2, alignment=align, **kw)


CELL = _style("cell")
CELL_C = _style("cell_c", align=TA_CENTER)
CELL_R = _style("cell_r", align=TA_RIGHT)
CELL_B = _style("cell_b", font="Helvetica-Bold")
CELL_BR = _style("cell_br", font="Helvetica-Bold", align=TA_RIGHT)
HEAD = _style("head", font="Helvetica-Bold", align=TA_CENTER)
# a Word cell breaks after the hyphen of a long word such as Undang-Undang
BULLET = _style("bullet", leftIndent=7, firstLineIndent=-7, embeddedHyphenation=1)
CELL9 = _style("cell9", size=9)
CELL9_C = _style("cell9_c", size=9, align=TA_CENTER)
HEAD9 = _style("head9", font="Helvetica-Bold", size=9, align=TA_CENTER)
TITLE = _style("title", font="Helvetica-Bold", size=11, align=TA_CENTER)
LINE_L = _style("line_l", font="Helvetica-Bold", size=9)
LINE_R = _style("line_r", font="Helvetica-Bold", size=9, align=TA_RIGHT)
HEADING = _style("heading", font="Helvetica-Bold", size=9, spaceBefore=4, spaceAfter=3)
TEXT = _style("text", size=9, spaceAfter=3)
SIG = _style("sig", size=9, align=TA_CENTER)
SIG_NAME = _style("sig_name", font="Helvetica-Bold", size=9, align=TA_CENTER)
SIG_MARK = _style("sig_mark", font="Helvetica-Oblique", size=8, align=TA_CENTER, textColor=colors.HexColor("#555555"))

# Q1 .. Q4 narrow; Y wide enough for '(4 skala 5)' on one line under its value
PERIOD_WIDTHS = [39] * 6 + [46]

BASE_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


class PlacementError(RuntimeError):
    """A planned block did not land (whole) on its planned page."""


def p(text: str | None, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(escape(text or ""), style)


def two_lines(first: str, second: str | None, style: ParagraphStyle = CELL_C) -> Paragraph:
    """A cell printing ``first`` with ``second`` on a line of its own under it."""
    markup = escape(first) if second is None else f"{escape(first)}<br/>{escape(second)}"
    return Paragraph(markup, style)


def target_cell(target: T, style: ParagraphStyle = CELL_C) -> Paragraph:
    """'3,25 (skala 4)' printed as '3,25' over '(skala 4)', as the Word original does."""
    head, sep, tail = target.raw.partition(" (")
    return two_lines(head, "(" + tail if sep else None, style)


def year_cell(row: PeriodRow) -> Paragraph:
    head, sep, tail = row.year.raw.partition(" (")
    if head != row.cells[-1]:
        raise ValueError(f"Y cell {row.cells[-1]!r} does not open {row.year.raw!r}")
    return two_lines(head, "(" + tail if sep else None)


class Mark(Flowable):
    """Takes no room; records the page it is laid out on."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _RecordingDoc(SimpleDocTemplate):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.marks: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Mark):
            self.marks[flowable.key] = self.page


@dataclass(frozen=True)
class Block:
    key: str
    page: int
    flowables: tuple[Flowable, ...]


# ------------------------------------------------------------------ tables


def pk_table(pk: PkTable) -> Table:
    rows: list[list] = [[p("No", HEAD9), p("Sasaran Program/Kegiatan", HEAD9), p("Indikator Kinerja", HEAD9), "", p("Target", HEAD9)]]
    style = BASE_GRID + [("SPAN", (2, 0), (3, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    for objective in pk.objectives:
        first = len(rows)
        for i, indicator in enumerate(objective.indicators):
            rows.append([
                p(str(objective.no), CELL9_C) if i == 0 else "",
                p(objective.text, CELL9) if i == 0 else "",
                p(indicator.code, CELL9_C),
                p(indicator.text, CELL9),
                target_cell(indicator.target, CELL9_C),
            ])
        last = len(rows) - 1
        style += [("SPAN", (0, first), (0, last)), ("SPAN", (1, first), (1, last))]
    return Table(rows, colWidths=[24, 126.5, 40, 165, 70], style=TableStyle(style), hAlign="LEFT")


def budget_table(budget: BudgetTable) -> Table:
    rows: list[list] = [[p(budget.heading, HEAD), "", "", p("Anggaran", HEAD)]]
    style = BASE_GRID + [("SPAN", (0, 0), (2, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for program in budget.programs:
        r = len(rows)
        rows.append([p(str(program.no), CELL_B), p(program.name, CELL_B), "", p(program.amount_raw, CELL_BR)])
        style += [("SPAN", (1, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL)]
        for activity in program.activities:
            rows.append(["", p(f"{activity.code}."), p(activity.name), p(activity.amount_raw, CELL_R)])
    return Table(rows, colWidths=[22, 22, 318, 120], style=TableStyle(style), hAlign="LEFT")


def _period_header(first_label: str, labels: tuple[str, ...], text_cols: int) -> tuple[list[list], list]:
    """Two header rows: No | <first_label> | Target (over the periods), then the periods."""
    n_periods = len(labels)
    width = 1 + text_cols + n_periods
    top = [p("No", HEAD), p(first_label, HEAD)] + [""] * (text_cols - 1) + [p("Target", HEAD)] + [""] * (n_periods - 1)
    second = [""] * (1 + text_cols) + [p(label, HEAD) for label in labels]
    assert len(top) == len(second) == width
    style = [
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (text_cols, 1)),
        ("SPAN", (1 + text_cols, 0), (width - 1, 0)),
        ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
    ]
    return [top, second], style


def rincian_table(rincian: Rincian, part: RincianPart) -> Table:
    rows, style = _period_header("IKU", rincian.period_labels, 2)
    style = BASE_GRID + style
    for objective in part.objectives:
        r = len(rows)
        rows.append([p(str(objective.no), CELL_C), p(objective.text, CELL_B)] + [""] * 8)
        style += [("SPAN", (1, r), (-1, r)), ("RIGHTPADDING", (1, r), (-1, r), 75)]
        for row in objective.rows:
            rows.append(["", p(row.code, CELL_C), p(row.text)] + [p(c, CELL_C) for c in row.cells[:-1]] + [year_cell(row)])
    return Table(rows, colWidths=[22, 36, 113] + PERIOD_WIDTHS, style=TableStyle(style), hAlign="LEFT")


def skp_header_table(header: SkpHeader) -> Table:
    rows: list[list] = [[p("PEGAWAI YANG DINILAI", HEAD), "", p("PEJABAT PENILAI KINERJA", HEAD), ""]]
    for (l1, v1), (l2, v2) in zip(header.appraisee, header.appraiser, strict=True):
        rows.append([p(l1), p(v1), p(l2), p(v2)])
    style = BASE_GRID + [("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    return Table(rows, colWidths=[58, 183, 58, 183], style=TableStyle(style), hAlign="LEFT")


def rhk_table(part: RhkPart, group: str) -> Table:
    rows: list[list] = []
    style = list(BASE_GRID)
    if part.with_header:
        rows += [
            [p(h, HEAD) for h in ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF")],
            [p(f"({i})", CELL_C) for i in range(1, 6)],
            [p(group, CELL_B), "", "", "", ""],
        ]
        style += [("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL), ("SPAN", (0, 2), (-1, 2)), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    for objective in part.objectives:
        first = len(rows)
        for i, indicator in enumerate(objective.indicators):
            rows.append([
                p(str(objective.no), CELL_C) if i == 0 else "",
                two_lines(objective.text, f"({objective.assignment})", CELL) if i == 0 else "",
                p(indicator.text),
                target_cell(indicator.target),
                p(indicator.perspective),
            ])
        style += [("SPAN", (0, first), (0, len(rows) - 1)), ("SPAN", (1, first), (1, len(rows) - 1))]
    return Table(rows, colWidths=[24, 137, 146, 85, 90], style=TableStyle(style), hAlign="LEFT")


def behaviours_table(behaviours: Behaviours) -> Table:
    rows: list[list] = [[p("PERILAKU KERJA", CELL_B), "", ""]]
    for b in behaviours.behaviours:
        left = [p(b.name, CELL_B)] + [p(f"- {c}", BULLET) for c in b.criteria]
        right = [p("Ekspektasi Khusus Pimpinan:"), p(b.expectation)]
        rows.append([p(str(b.no), CELL_C), left, right])
    style = BASE_GRID + [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                         ("RIGHTPADDING", (2, 1), (2, -1), 47)]
    return Table(rows, colWidths=[22, 200, 260], style=TableStyle(style), hAlign="LEFT")


def lampiran_resources_table(lampiran: Lampiran) -> Table:
    rows: list[list] = [[p("DUKUNGAN SUMBER DAYA", CELL_B), ""]]
    rows += [[p(str(item.no), CELL_C), p(item.text)] for item in lampiran.resources]
    skema = len(rows)
    rows.append([p("SKEMA PERTANGGUNGJAWABAN", CELL_B), ""])
    rows += [[p(item), ""] for item in lampiran.accountability]
    style = BASE_GRID + [("SPAN", (0, 0), (1, 0)), ("SPAN", (0, skema), (1, skema)),
                         ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("BACKGROUND", (0, skema), (-1, skema), HEADER_FILL)]
    style += [("SPAN", (0, r), (1, r)) for r in range(skema + 1, len(rows))]
    return Table(rows, colWidths=[22, 460], style=TableStyle(style), hAlign="LEFT")


def lampiran_period_table(lampiran: Lampiran) -> Table:
    rows, style = _period_header("IKI", lampiran.period_labels, 1)
    style = BASE_GRID + style
    for row in lampiran.rows:
        rows.append([p(str(row.row_no), CELL_C), p(row.text)] + [p(c, CELL_C) for c in row.cells[:-1]] + [year_cell(row)])
    return Table(rows, colWidths=[22, 123] + PERIOD_WIDTHS, style=TableStyle(style), hAlign="LEFT")


# ------------------------------------------------------------------ text blocks


def title_lines(lines: tuple[str, ...]) -> list[Flowable]:
    return [p(line, TITLE) for line in lines] + [Spacer(1, 8)]


def left_right_line(left: str, right: str) -> Table:
    t = Table([[p(left, LINE_L), p(right, LINE_R)]], colWidths=[BODY_W / 2 - 40, BODY_W / 2 + 40])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return t


SIG_SLOTS = 5  # date line, role line, signature mark, name, NIP line


def signature_row(row: SignatureRow) -> Table:
    """Blocks side by side in an unruled layout table: one table row per line slot keeps
    the role lines (and the names) of all blocks on one baseline."""
    blocks = list(row.blocks)
    if len(blocks) == 1:
        blocks = [None, *blocks]  # a lone block sits at the right
    styles = (SIG, SIG, SIG_MARK, SIG_NAME, SIG)
    rows = []
    for slot in range(SIG_SLOTS):
        cells = []
        for block in blocks:
            if block is not None and len(block.lines) != SIG_SLOTS:
                raise ValueError(f"signature block needs {SIG_SLOTS} line slots: {block.lines!r}")
            line = None if block is None else block.lines[slot]
            cells.append(p(line, styles[slot]) if line else "")
        rows.append(cells)
    width = BODY_W / len(blocks)
    return Table(rows, colWidths=[width] * len(blocks), style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 2), (-1, 2), 20),  # room a wet signature would take
        ("BOTTOMPADDING", (0, 3), (-1, 3), 4),
    ]))


# ------------------------------------------------------------------ document


def plan_blocks(doc: DocumentSpec) -> list[Block]:
    """The document as ordered blocks, each with its planned page."""
    rincian, skp, lampiran = doc.rincian, doc.skp, doc.lampiran
    blocks = [
        Block("pk", doc.pk.page, (pk_table(doc.pk),)),
        Block("pk_budget", doc.budget.page, (budget_table(doc.budget), Spacer(1, 18))),
        Block("pk_signatures", doc.pk_signatures.page, (signature_row(doc.pk_signatures),)),
    ]
    for i, part in enumerate(rincian.parts, start=1):
        head = title_lines(rincian.title_lines) if i == 1 else []
        blocks.append(Block(f"pk_rincian_{i}", part.page, (*head, rincian_table(rincian, part))))
    blocks.append(Block("pk_rincian_signatures", rincian.signatures.page, (Spacer(1, 14), signature_row(rincian.signatures))))
    header = skp.header
    blocks.append(Block("skp_header", header.page, (
        *title_lines(header.title_lines),
        left_right_line(header.organisation, header.period_line),
        skp_header_table(header),
        Spacer(1, 8),
    )))
    for i, part in enumerate(skp.rhk_parts, start=1):
        blocks.append(Block(f"skp_rhk_{i}", part.page, (rhk_table(part, skp.rhk_group),)))
    blocks.append(Block("skp_behaviours", skp.behaviours.page, (Spacer(1, 8), behaviours_table(skp.behaviours))))
    blocks.append(Block("skp_signatures", skp.signatures.page, (Spacer(1, 10), signature_row(skp.signatures))))
    blocks.append(Block("skp_lampiran", lampiran.page, (
        p(lampiran.title, TITLE),
        Spacer(1, 8),
        left_right_line(header.organisation, header.period_line),
        lampiran_resources_table(lampiran),
        Spacer(1, 8),
    )))
    blocks.append(Block("skp_lampiran_table", lampiran.page, (lampiran_period_table(lampiran),)))
    blocks.append(Block("skp_lampiran_konsekuensi", lampiran.consequences_page, (
        p("KONSEKUENSI", HEADING),
        *(p(item, TEXT) for item in lampiran.consequences),
        Spacer(1, 14),
    )))
    blocks.append(Block("skp_lampiran_signatures", lampiran.signatures.page, (signature_row(lampiran.signatures),)))
    return blocks


def render_pdf(doc: DocumentSpec, path: Path) -> dict[str, int]:
    """Write the PDF; return the page of every block. Raises PlacementError when a block
    is not wholly on its planned page or the page count differs from the plan."""
    blocks = plan_blocks(doc)
    story: list[Flowable] = []
    page = 1
    for block in blocks:
        if block.page < page or block.page > page + 1:
            raise PlacementError(f"plan is not page-by-page at {block.key}: page {block.page} after {page}")
        if block.page == page + 1:
            story.append(PageBreak())
            page += 1
        story += [Mark(f"{block.key}:start"), *block.flowables, Mark(f"{block.key}:end")]
    template = _RecordingDoc(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_Y,
        bottomMargin=MARGIN_Y,
        title=doc.name,
        author=doc.unit,
        creator="kinerja samples (reportlab)",
        invariant=1,  # fixed dates and document id: rebuilding gives identical bytes
    )
    template.build(story)
    placed: dict[str, int] = {}
    problems = []
    for block in blocks:
        start, end = template.marks[f"{block.key}:start"], template.marks[f"{block.key}:end"]
        placed[block.key] = start
        if start != block.page or end != block.page:
            problems.append(f"{block.key}: planned p{block.page}, drawn p{start}-p{end}")
    if template.page != doc.page_count:
        problems.append(f"page count: planned {doc.page_count}, drawn {template.page}")
    if problems:
        raise PlacementError("; ".join(problems))
    return placed
