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
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from samples.generators.render_common import (
    PlacementError,
    landing_problems,
    paged,
    signature_columns,
    split_qualifier,
    year_split,
)
from samples.generators.spec import (
    Behaviours,
    BudgetTable,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    PkSlice,
    RhkPart,
    Rincian,
    RincianPart,
    SignatureRow,
    SkpHeader,
    Statement,
    T,
    plan,
)

PAGE_W, PAGE_H = A4
F4 = (215 * mm, 330 * mm)
# Column widths below are chosen so that cell texts wrap where the Word original wraps
# them (measured against the seed's line breaks), not to fill the page; other page
# sizes scale them by the ratio of body widths.
MARGIN_X = 2.0 * cm
MARGIN_Y = 1.5 * cm
BODY_W = PAGE_W - 2 * MARGIN_X


@dataclass(frozen=True)
class Layout:
    pagesize: tuple[float, float]
    body_w: float

    @property
    def scale(self) -> float:
        return self.body_w / BODY_W

    def widths(self, widths: list[float]) -> list[float]:
        return widths if self.body_w == BODY_W else [w * self.scale for w in widths]


def layout_of(doc: DocumentSpec) -> Layout:
    size = F4 if doc.paper == "F4" else A4
    size = landscape(size) if doc.landscape else size
    return Layout(size, size[0] - 2 * MARGIN_X)


A4_PORTRAIT = Layout(A4, BODY_W)

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
BODY = _style("body", size=10, align=TA_JUSTIFY, spaceAfter=6)
BODY_L = _style("body_l", size=10)
TITLE12 = _style("title12", font="Helvetica-Bold", size=12, align=TA_CENTER)
SLOT_STYLES = {"text": SIG, "mark": SIG_MARK, "name": SIG_NAME}
WET_INK_SPACE = 46  # points left blank for a wet signature (about four text lines)

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


def p(text: str | None, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(escape(text or ""), style)


def two_lines(first: str, second: str | None, style: ParagraphStyle = CELL_C) -> Paragraph:
    """A cell printing ``first`` with ``second`` on a line of its own under it."""
    markup = escape(first) if second is None else f"{escape(first)}<br/>{escape(second)}"
    return Paragraph(markup, style)


def target_cell(target: T, style: ParagraphStyle = CELL_C) -> Paragraph:
    """'3,25 (skala 4)' printed as '3,25' over '(skala 4)', as the Word original does."""
    return two_lines(*split_qualifier(target.raw), style)


def year_cell(row: PeriodRow) -> Paragraph:
    return two_lines(*year_split(row))


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


def pk_table(part: PkSlice, layout: Layout = A4_PORTRAIT) -> Table:
    pk = part.table
    coded = pk.code_style == "column"
    no_h, objective_h, indicator_h, target_h = pk.headers
    rows: list[list] = []
    style = list(BASE_GRID)
    if part.with_header:
        if coded:
            rows.append([p(no_h, HEAD9), p(objective_h, HEAD9), p(indicator_h, HEAD9), "", p(target_h, HEAD9)])
            style += [("SPAN", (2, 0), (3, 0))]
        else:
            rows.append([p(no_h, HEAD9), p(objective_h, HEAD9), p(indicator_h, HEAD9), p(target_h, HEAD9)])
        style += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
        if pk.numbering:
            n1, n2, n3, n4 = (p(label, CELL_C) for label in pk.numbering_labels)
            rows.append([n1, n2, n3, "", n4] if coded else [n1, n2, n3, n4])
            style += [("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL)]
            if coded:
                style += [("SPAN", (2, 1), (3, 1))]
    for k, objective in enumerate(part.objectives):
        first = len(rows)
        printed = k > 0 or part.objective_printed
        for i, indicator in enumerate(objective.indicators):
            lead = [
                p(str(objective.no), CELL9_C) if i == 0 and printed else "",
                p(objective.text, CELL9) if i == 0 and printed else "",
            ]
            if coded:
                name = [p(indicator.code, CELL9_C), p(indicator.text, CELL9)]
            elif pk.code_style == "prefix":
                name = [p(f"{indicator.code} {indicator.text}", CELL9)]
            else:
                name = [p(indicator.text, CELL9)]
            rows.append([*lead, *name, target_cell(indicator.target, CELL9_C)])
        last = len(rows) - 1
        style += [("SPAN", (0, first), (0, last)), ("SPAN", (1, first), (1, last))]
    widths = [24, 126.5, 40, 165, 70] if coded else [24, 126.5, 205, 70]
    return Table(rows, colWidths=layout.widths(widths), style=TableStyle(style), hAlign="LEFT")


def budget_table(budget: BudgetTable, layout: Layout = A4_PORTRAIT) -> Table:
    rows: list[list] = [[p(budget.heading, HEAD), "", "", p(budget.amount_header, HEAD)]]
    style = BASE_GRID + [("SPAN", (0, 0), (2, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for program in budget.programs:
        r = len(rows)
        rows.append([p(str(program.no), CELL_B), p(program.name, CELL_B), "", p(program.amount_raw, CELL_BR)])
        style += [("SPAN", (1, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL)]
        for activity in program.activities:
            if budget.letter_style == "column":
                rows.append(["", p(f"{activity.code}."), p(activity.name), p(activity.amount_raw, CELL_R)])
            else:
                style += [("SPAN", (1, len(rows)), (2, len(rows)))]
                rows.append(["", p(f"{activity.code}. {activity.name}"), "", p(activity.amount_raw, CELL_R)])
    if budget.total:
        r = len(rows)
        rows.append([p(budget.total.label, HEAD), "", "", p(budget.total.amount_raw, CELL_BR)])
        style += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), HEADER_FILL)]
    return Table(rows, colWidths=layout.widths([22, 22, 318, 120]), style=TableStyle(style), hAlign="LEFT")


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


def rincian_table(rincian: Rincian, part: RincianPart, layout: Layout = A4_PORTRAIT) -> Table:
    rows, style = _period_header("IKU", rincian.period_labels, 2) if part.with_header else ([], [])
    style = BASE_GRID + style
    for objective in part.objectives:
        r = len(rows)
        rows.append([p(str(objective.no), CELL_C), p(objective.text, CELL_B)] + [""] * 8)
        style += [("SPAN", (1, r), (-1, r)), ("RIGHTPADDING", (1, r), (-1, r), 75)]
        for row in objective.rows:
            rows.append(["", p(row.code, CELL_C), p(row.text)] + [p(c, CELL_C) for c in row.cells[:-1]] + [year_cell(row)])
    return Table(rows, colWidths=layout.widths([22, 36, 113] + PERIOD_WIDTHS), style=TableStyle(style), hAlign="LEFT")


def skp_header_table(header: SkpHeader, layout: Layout = A4_PORTRAIT) -> Table:
    rows: list[list] = [[p("PEGAWAI YANG DINILAI", HEAD), "", p("PEJABAT PENILAI KINERJA", HEAD), ""]]
    for (l1, v1), (l2, v2) in zip(header.appraisee, header.appraiser, strict=True):
        rows.append([p(l1), p(v1), p(l2), p(v2)])
    style = BASE_GRID + [("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    return Table(rows, colWidths=layout.widths([58, 183, 58, 183]), style=TableStyle(style), hAlign="LEFT")


def rhk_table(part: RhkPart, group: str, layout: Layout = A4_PORTRAIT) -> Table:
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
    return Table(rows, colWidths=layout.widths([24, 137, 146, 85, 90]), style=TableStyle(style), hAlign="LEFT")


def behaviours_table(behaviours: Behaviours, layout: Layout = A4_PORTRAIT) -> Table:
    rows: list[list] = [[p("PERILAKU KERJA", CELL_B), "", ""]]
    for b in behaviours.behaviours:
        left = [p(b.name, CELL_B)] + [p(f"- {c}", BULLET) for c in b.criteria]
        right = [p("Ekspektasi Khusus Pimpinan:"), p(b.expectation)]
        rows.append([p(str(b.no), CELL_C), left, right])
    style = BASE_GRID + [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                         ("RIGHTPADDING", (2, 1), (2, -1), 47)]
    return Table(rows, colWidths=layout.widths([22, 200, 260]), style=TableStyle(style), hAlign="LEFT")


def lampiran_resources_table(lampiran: Lampiran, layout: Layout = A4_PORTRAIT) -> Table:
    rows: list[list] = [[p("DUKUNGAN SUMBER DAYA", CELL_B), ""]]
    rows += [[p(str(item.no), CELL_C), p(item.text)] for item in lampiran.resources]
    skema = len(rows)
    rows.append([p("SKEMA PERTANGGUNGJAWABAN", CELL_B), ""])
    rows += [[p(item), ""] for item in lampiran.accountability]
    style = BASE_GRID + [("SPAN", (0, 0), (1, 0)), ("SPAN", (0, skema), (1, skema)),
                         ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("BACKGROUND", (0, skema), (-1, skema), HEADER_FILL)]
    style += [("SPAN", (0, r), (1, r)) for r in range(skema + 1, len(rows))]
    return Table(rows, colWidths=layout.widths([22, 460]), style=TableStyle(style), hAlign="LEFT")


def lampiran_period_table(lampiran: Lampiran, layout: Layout = A4_PORTRAIT) -> Table:
    rows, style = _period_header("IKI", lampiran.period_labels, 1)
    style = BASE_GRID + style
    for row in lampiran.rows:
        rows.append([p(str(row.row_no), CELL_C), p(row.text)] + [p(c, CELL_C) for c in row.cells[:-1]] + [year_cell(row)])
    return Table(rows, colWidths=layout.widths([22, 123] + PERIOD_WIDTHS), style=TableStyle(style), hAlign="LEFT")


# ------------------------------------------------------------------ text blocks


def title_lines(lines: tuple[str, ...]) -> list[Flowable]:
    return [p(line, TITLE) for line in lines] + [Spacer(1, 8)]


def left_right_line(left: str, right: str, layout: Layout = A4_PORTRAIT) -> Table:
    body_w = layout.body_w
    t = Table([[p(left, LINE_L), p(right, LINE_R)]], colWidths=[body_w / 2 - 40, body_w / 2 + 40])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return t


def signature_row(row: SignatureRow, layout: Layout = A4_PORTRAIT) -> Table:
    """Blocks side by side in an unruled layout table: one table row per line slot keeps
    the role lines (and the names) of all blocks on one baseline."""
    blocks = signature_columns(row)
    rows = []
    for slot, kind in enumerate(row.slots):
        cells = []
        for block in blocks:
            line = None if block is None else block.lines[slot]
            cells.append(p(line, SLOT_STYLES[kind]) if line else "")
        rows.append(cells)
    mark, name = row.slots.index("mark"), row.slots.index("name")
    wet = not any(block.electronic for block in row.blocks)
    width = layout.body_w / len(blocks)
    return Table(rows, colWidths=[width] * len(blocks), style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, mark), (-1, mark), WET_INK_SPACE if wet else 20),  # room a wet signature would take
        ("BOTTOMPADDING", (0, name), (-1, name), 4),
    ]))


def statement_page(statement: Statement, layout: Layout) -> list[Flowable]:
    out: list[Flowable] = [p(line, TITLE12) for line in statement.title_lines] + [Spacer(1, 16)]
    out += [p(text, BODY) for text in statement.opening]
    for party in statement.parties:
        rows = [[p(label, BODY_L), p(f": {value}", BODY_L)] for label, value in party.lines]
        out.append(Table(rows, colWidths=[80, layout.body_w - 100], hAlign="RIGHT", style=TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ])))
        out += [Spacer(1, 3), p(party.designation, BODY)]
    out += [p(text, BODY) for text in statement.closing]
    return out + [Spacer(1, 16)]


# ------------------------------------------------------------------ document


def flowables(doc: DocumentSpec, key: str, item: object, layout: Layout) -> tuple[Flowable, ...]:
    """What one planned block draws."""
    if isinstance(item, Statement):
        return tuple(statement_page(item, layout))
    if isinstance(item, PkSlice):
        head = title_lines(item.table.title_lines) if item.index == 1 and item.table.title_lines else []
        return (*head, pk_table(item, layout))
    if isinstance(item, BudgetTable):
        head = title_lines(item.title_lines) if item.title_lines else []
        return (*head, budget_table(item, layout), Spacer(1, 18))
    if isinstance(item, RincianPart):
        rincian = doc.rincian
        head = title_lines(rincian.title_lines) if item is rincian.parts[0] else []
        return (*head, rincian_table(rincian, item, layout))
    if isinstance(item, SkpHeader):
        return (*title_lines(item.title_lines), left_right_line(item.organisation, item.period_line, layout),
                skp_header_table(item, layout), Spacer(1, 8))
    if isinstance(item, RhkPart):
        return (rhk_table(item, doc.skp.rhk_group, layout),)
    if isinstance(item, Behaviours):
        return (Spacer(1, 8), behaviours_table(item, layout))
    if isinstance(item, Lampiran):
        header = doc.skp.header
        return (p(item.title, TITLE), Spacer(1, 8), left_right_line(header.organisation, header.period_line, layout),
                lampiran_resources_table(item, layout), Spacer(1, 8))
    if key == "skp_lampiran_table":
        return (lampiran_period_table(doc.lampiran, layout),)
    if key == "skp_lampiran_konsekuensi":
        return (p("KONSEKUENSI", HEADING), *(p(item, TEXT) for item in doc.lampiran.consequences), Spacer(1, 14))
    if isinstance(item, SignatureRow):
        before = {"pk_rincian_signatures": 14, "skp_signatures": 10}.get(key)
        return ((Spacer(1, before),) if before else ()) + (signature_row(item, layout),)
    raise TypeError(f"{key}: cannot draw {type(item).__name__}")


def plan_blocks(doc: DocumentSpec) -> list[Block]:
    """The document as ordered blocks, each with its planned page."""
    layout = layout_of(doc)
    return [Block(b.key, b.page, flowables(doc, b.key, b.item, layout)) for b in plan(doc)]


def render_pdf(doc: DocumentSpec, path: Path) -> dict[str, int]:
    """Write the PDF; return the page of every block. Raises PlacementError when a block
    is not wholly on its planned page or the page count differs from the plan."""
    blocks = plan_blocks(doc)
    story: list[Flowable] = []
    for block, new_page in paged(blocks):
        if new_page:
            story.append(PageBreak())
        story += [Mark(f"{block.key}:start"), *block.flowables, Mark(f"{block.key}:end")]
    template = _RecordingDoc(
        str(path),
        pagesize=layout_of(doc).pagesize,
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
    placed, problems = landing_problems(
        blocks, lambda key: (template.marks[f"{key}:start"], template.marks[f"{key}:end"]),
        template.page, doc.page_count)
    if problems:
        raise PlacementError("; ".join(problems))
    return placed
