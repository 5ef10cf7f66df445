"""RINCIAN TARGET KINERJA 2025 of KPPN Malang as a file of its own (same fictional people),
printed with reportlab: the quarterly targets of every indicator of the revised PK
(kppn_malang_2025_revisi), with its codes and texts, the table continued on page 2 under a
repeated header, signed by both parties on the day of the revision. Its Y column repeats
the revised PK's targets (1a-CP 97,25) except 3a-N, where the Rincian prints 88 and the
PK 87,5: a cross-file disagreement, on purpose."""

from __future__ import annotations

from samples.documents.kppn_malang_2025 import UNIT, signatures
from samples.documents.kppn_malang_2025_revisi import DATE, DATE_LINE, PK_REVISED
from samples.generators.spec import Cell, DocumentSpec, PeriodRow, Rincian, RincianObjective, RincianPart, T

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "Baik": Cell(None, False),
    "4": Cell("4", False),
    "4,6": Cell("4.6", False),
    "85": Cell("85", False),
    "86": Cell("86", False),
    "87": Cell("87", False),
    "88": Cell("88", False),
    "90": Cell("90", False),
    "91": Cell("91", False),
    "92": Cell("92", False),
    "92,5": Cell("92.5", False),
    "95": Cell("95", False),
    "96": Cell("96", False),
    "96,5": Cell("96.5", False),
    "97,25": Cell("97.25", False),
    "25%": Cell("25", True),
    "50%": Cell("50", True),
    "75%": Cell("75", True),
    "98,75%": Cell("98.75", True),
    "99,5%": Cell("99.5", True),
    "100%": Cell("100", True),
    "3 Laporan": Cell("3", False, "Laporan"),
    "6 Laporan": Cell("6", False, "Laporan"),
    "9 Laporan": Cell("9", False, "Laporan"),
    "12 Laporan": Cell("12", False, "Laporan"),
}

PK_INDICATORS = {i.code: i for o in PK_REVISED.objectives for i in o.indicators}
PK_OBJECTIVES = {o.no: o.text for o in PK_REVISED.objectives}
EVERY_QUARTER = ("100%",) * 7


def row(code: str, cells: tuple[str, ...], year: T | None = None) -> PeriodRow:
    """The PK's indicator ``code`` with its text, its seven period cells (Q1 .. Y) and its
    Y target: the PK's unless ``year`` says otherwise."""
    indicator = PK_INDICATORS[code]
    return PeriodRow(None, code, indicator.text, cells, year or indicator.target)


def objective(no: int, *rows: PeriodRow) -> RincianObjective:
    return RincianObjective(no, PK_OBJECTIVES[no], rows)


PART_1 = (
    objective(
        1,
        row("1a-CP", ("95", "96", "96", "96,5", "96,5", "97,25", "97,25")),
        row("1b-N", ("98,75%",) * 7),
        row("1c-N", EVERY_QUARTER),
    ),
    objective(
        2,
        row("2a-CP", ("-", "-", "-", "-", "-", "4,6", "4,6")),
        row("2b-N", ("99,5%",) * 7),
        row("2c-N", ("3 Laporan", "6 Laporan", "6 Laporan", "9 Laporan", "9 Laporan", "12 Laporan", "12 Laporan")),
    ),
    objective(
        3,
        # the PK says 87,5: the Rincian's year target disagrees with it
        row("3a-N", ("85", "86", "86", "87", "87", "88", "88"), T("88", "88", False, None, None)),
        row("3b-N", EVERY_QUARTER),
    ),
)

PART_2 = (
    objective(
        4,
        row("4a-CP", ("-", "-", "-", "-", "-", "Baik", "Baik")),
        row("4b-CP", ("25%", "50%", "50%", "75%", "75%", "100%", "100%")),
        row("4c-N", ("-", "4", "4", "-", "4", "-", "4")),
    ),
    objective(
        5,
        row("5a-CP", ("90", "91", "91", "92", "92", "92,5", "92,5")),
    ),
)

RINCIAN = Rincian(
    title_lines=(
        "RINCIAN TARGET KINERJA",
        "KANTOR PELAYANAN PERBENDAHARAAN NEGARA MALANG",
        "TAHUN 2025",
    ),
    period_labels=("Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y"),
    parts=(
        RincianPart(page=1, objectives=PART_1),
        RincianPart(page=2, objectives=PART_2, with_header=True),
    ),
    signatures=signatures("pk_rincian", 2, DATE, DATE_LINE),
)

DOCUMENT = DocumentSpec(
    name="kppn-malang-2025-rincian",
    producer="reportlab",
    unit=UNIT,
    fiscal_year=2025,
    page_count=2,
    sections=("pk_rincian",),
    rincian=RINCIAN,
    cells=CELLS,
)
