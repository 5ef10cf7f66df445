"""Drawn agreements: a document's content and the layout it is printed in, as plain data.

A `Layout` is what the hypothesis strategies in tests/layout_strategies.py draw: the
content (objectives, indicators and their targets, programs and activities, quarterly
targets) and every layout choice the real documents vary in (where the IKU code stands,
how many header rows, whether the header repeats on a new page, where pages break, merged
or repeated objective cells, ruled or borderless tables, Rp in its own column, numbering
of activities, letter-spaced headings, paper and orientation, producer). `render_layout`
(samples/generators/layout_pdf.py) prints it; `truth` states what a reader must get back,
from the drawn data alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CodeAt = Literal["column", "no", "prefix", "none"]
Numbering = Literal["numbers", "letters", "dotted", "none"]
PERIODS = ("Q1", "Q2", "Q3", "Q4", "Y")
PERIOD_LABELS = {"Q1": "TW I", "Q2": "TW II", "Q3": "TW III", "Q4": "TW IV", "Y": "Tahunan"}
# TargetStyle.period_wording -> a Rincian's period labels; the long ones wrap in their narrow columns
PERIOD_WORDINGS = {
    "tw": PERIOD_LABELS,
    "tw_digits": {"Q1": "TW 1", "Q2": "TW 2", "Q3": "TW 3", "Q4": "TW 4", "Y": "Target Tahunan"},
    "triwulan": {"Q1": "Triwulan I", "Q2": "Triwulan II", "Q3": "Triwulan III", "Q4": "Triwulan IV", "Y": "Tahunan"},
}


@dataclass(frozen=True)
class DrawnTarget:
    """A target as printed and as meant (CONTRACT.md's fields)."""

    raw: str
    value: str | None  # a plain decimal string ('87.5'), None for '-' or a word
    is_percent: bool = False
    qualifier: str | None = None


@dataclass(frozen=True)
class Indicator:
    code: str  # '1a-CP'; printed or not as the layout says
    text: str
    target: DrawnTarget
    periods: tuple[DrawnTarget, ...] = ()  # Q1..Q4 and Y, for the Rincian


@dataclass(frozen=True)
class Objective:
    no: int
    text: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Activity:
    name: str
    amount: int


@dataclass(frozen=True)
class Program:
    no: int
    name: str  # starts with 'Program', as budget lines do
    amount: int
    activities: tuple[Activity, ...] = ()


@dataclass(frozen=True)
class TableStyle:
    ruled: bool = True
    header_rows: int = 1  # 1, or 2 with a second row of header words ('Tahun 2025', '(Rp)')
    repeat_header: bool = True  # on each page the table continues on
    breaks_after: tuple[int, ...] = ()  # body rows after which a new page starts
    font_size: float = 9.0
    width: float = 1.0  # share of the text width the table takes (from the left margin)
    vertical_rules: bool = True  # when ruled: False draws the rules between rows only (Word's plain tables)


@dataclass(frozen=True)
class TargetStyle(TableStyle):
    code_at: CodeAt = "column"
    merged_objective: bool = True  # one merged cell per objective, else its text on every row
    split_row: int | None = None  # this indicator's row breaks across a page inside its text
    # the target column's label: 'Target' (the year below it in a second header row), 'Target
    # 2025', or the year alone ('2025', 'Tahun 2025'), as some Pemda and BPS agreements print it
    target_label: Literal["target", "target_year", "year", "tahun_year"] = "target"
    unit_column: bool = False  # a 'Satuan' column before the target ('Persen', 'Dokumen'), as Pemda PKs print it
    baseline_column: bool = False  # a 'Kondisi Awal' column before the target: last year's figure, never the target
    # how the header names the objective and indicator columns, as agreements word it
    wording: Literal["strategis", "utama", "sasaran", "tujuan"] = "strategis"
    period_wording: Literal["tw", "tw_digits", "triwulan"] = "tw"  # a Rincian's period labels (PERIOD_WORDINGS)


@dataclass(frozen=True)
class BudgetStyle(TableStyle):
    activity_numbering: Numbering = "letters"
    rp_column: bool = False  # 'Rp' in a column of its own before the amount
    total_row: bool = True
    flush_above: bool = False  # drawn on the table above's bottom rule, with no gap between them
    # what the budget lists: programs with their activities ('Program/Kegiatan'), only the
    # activities of one unit ('Kegiatan', as Pemda PKs of a Bidang do), or only programs
    lists: Literal["programs_and_activities", "activities", "programs"] = "programs_and_activities"
    marks: Literal["indonesian", "english"] = "indonesian"  # 'Rp 1.250.000' or 'Rp 1,250,000.00'
    total_label: bool = True  # 'Jumlah' before the total; without, the total's name cell is blank
    # a column after the amount naming where the money comes from ('Keterangan': 'APBD'), as
    # Pemda PKs print it, headed by this label ('' for none); a borderless header then reads
    # 'Anggaran Keterangan'
    source_column: Literal["", "Keterangan", "Sumber Dana", "Ket."] = ""
    amount_label: Literal["Anggaran", "Anggaran (Rp)", "Pagu Anggaran", "Jumlah Anggaran", "Alokasi Anggaran", "Jumlah (Rp)", "Biaya"] = "Anggaran"


@dataclass(frozen=True)
class Signer:
    role: tuple[str, ...]  # the jabatan as printed, one item per line (a long one wraps)
    name: str
    nip: str | None  # 18 digits; None for officials who print none (a governor, a minister)
    rank: str | None = None  # pangkat printed under the name


Arrangement = Literal["pair", "pair_and_witness", "grid"]


@dataclass(frozen=True)
class SignatureStyle:
    """Who signs and how the blocks stand: two side by side (the parties), the parties and
    a witness centred below ('Mengetahui,'), or two rows of two (the parties, then two
    officials who acknowledge it)."""

    signers: tuple[Signer, ...] = ()  # 2, 3 or 4 as the arrangement needs; the parties first
    arrangement: Arrangement = "pair"
    party_labels: bool = True  # 'PIHAK KEDUA,' / 'PIHAK PERTAMA,' above the parties' jabatan
    electronic: bool = False  # 'Ditandatangani secara elektronik' instead of blank space for ink
    spaced_nip: bool = False  # 'NIP. 19700101 200003 1 001' rather than 'NIP 197001012000031001'
    place: str = "Jakarta"


DEFAULT_SIGNERS = (
    Signer(("Kepala Kantor Wilayah",), "Dr. Rudi Hartono", "197001012000031001"),
    Signer(("Kepala Bagian Umum",), "Siti Aminah, S.E.", "198002022005012002"),
)


def signature_rows(style: SignatureStyle) -> list[list[tuple[Signer, str | None]]]:
    """The blocks as printed, row by row, left to right, each with the label over its jabatan:
    the second party on the left, the first on the right (as the agreements print them)."""
    signers = style.signers or DEFAULT_SIGNERS
    second, first = signers[0], signers[1]
    rows: list[list[tuple[Signer, str | None]]] = [
        [(second, "PIHAK KEDUA," if style.party_labels else None), (first, "PIHAK PERTAMA," if style.party_labels else None)]
    ]
    if style.arrangement == "pair_and_witness":
        rows.append([(signers[2], "Mengetahui,")])
    elif style.arrangement == "grid":
        rows.append([(signers[2], "Mengetahui,"), (signers[3], "Mengetahui,")])
    return rows


@dataclass(frozen=True)
class Layout:
    name: str
    producer: Literal["reportlab", "fpdf2", "chromium"]
    unit: str
    year: int
    paper: Literal["A4", "F4"] = "A4"
    landscape: bool = False
    spaced_title: bool = False  # 'P E R J A N J I A N   K I N E R J A'
    objectives: tuple[Objective, ...] = ()
    target_style: TargetStyle = field(default_factory=TargetStyle)
    programs: tuple[Program, ...] = ()
    budget_style: BudgetStyle = field(default_factory=BudgetStyle)
    rincian: bool = False
    rincian_style: TargetStyle = field(default_factory=TargetStyle)
    signatures: SignatureStyle = field(default_factory=SignatureStyle)


def activity_label(style: BudgetStyle, program: Program, index: int) -> str | None:
    """How an activity is numbered in print: 'a.', '1.2', or not at all."""
    if style.activity_numbering == "letters":
        return f"{'abcdefghijklmnopqrstuvwxyz'[index]}."
    if style.activity_numbering == "dotted":
        return f"{program.no}.{index + 1}"
    if style.activity_numbering == "numbers":
        return f"{index + 1}."
    return None


def activity_code(style: BudgetStyle, program: Program, index: int) -> str | None:
    """The activity_code a reader reports: the printed number without its final dot."""
    label = activity_label(style, program, index)
    return label.rstrip(".") if label else None


def printed_code(style: TargetStyle, indicator: Indicator) -> str | None:
    return None if style.code_at == "none" else indicator.code


def truth(layout: Layout, pages: dict[str, int]) -> dict[str, list[dict]]:
    """The facts a reader must return, keyed like the bi views; `pages` maps each row key
    ('pk:<i>', 'budget:<i>', 'rincian:<i>') to the page the renderer put it on."""
    targets = []
    period_rows = []
    n = 0
    for objective in layout.objectives:
        for indicator in objective.indicators:
            targets.append({
                "source": "pk",
                # with the code under 'No', the objective's number is printed nowhere
                "objective_no": None if layout.target_style.code_at == "no" else objective.no,
                "objective": objective.text,
                "indicator_code": printed_code(layout.target_style, indicator),
                "indicator": indicator.text,
                "target_raw": indicator.target.raw,
                "target_value": indicator.target.value,
                "is_percent": indicator.target.is_percent,
                "qualifier": indicator.target.qualifier,
                "page": pages[f"pk:{n}"],
            })
            if layout.rincian:
                for period, cell in zip(PERIODS, indicator.periods, strict=True):
                    period_rows.append({
                        "source": "pk_rincian",
                        "indicator_code": printed_code(layout.rincian_style, indicator),
                        "indicator": indicator.text,
                        "period": period,
                        "target_raw": cell.raw,
                        "target_value": cell.value,
                        "is_percent": cell.is_percent,
                        "page": pages[f"rincian:{n}"],
                    })
            n += 1
    out = {"indicator_targets": targets, "period_targets": period_rows, "signatures": signature_truth(layout, pages)}
    return out | budget_truth(layout, pages)


def signature_truth(layout: Layout, pages: dict[str, int]) -> list[dict]:
    """Every block, in reading order, each time the signatures are printed (after the PK,
    and after the Rincian when there is one); the place and date belong to the parties' row."""
    style = layout.signatures
    rows = signature_rows(style)
    out: list[dict] = []
    for _ in range(2 if layout.rincian else 1):
        for row_no, row in enumerate(rows):
            for at, (signer, label) in enumerate(row):
                party = ("second", "first")[at] if row_no == 0 and label else None
                out.append({
                    "block_no": len(out) + 1,
                    "role": " ".join(signer.role),
                    "name": signer.name,
                    "nip": signer.nip,
                    "party": party,
                    "place": style.place if row_no == 0 else None,
                    "signed_on": f"{layout.year}-01-02" if row_no == 0 else None,
                    "electronic": style.electronic,
                    "page": pages[f"signature:{len(out)}"],
                })
    return out


def total_label(style: BudgetStyle) -> str:
    return "Jumlah" if style.total_label else ""


def printed_amount(style: BudgetStyle, amount: int) -> str:
    """An amount as the budget prints it: Indonesian marks, or English ones with the cents."""
    return f"{amount:,}.00" if style.marks == "english" else f"{amount:,}".replace(",", ".")


def budget_truth(layout: Layout, pages: dict[str, int]) -> dict[str, list[dict]]:
    budget = []
    b = 0
    if layout.budget_style.lists == "activities":
        activities = [a for p in layout.programs for a in p.activities]
        for i, activity in enumerate(activities):
            numbered = layout.budget_style.activity_numbering != "none"
            budget.append({
                "program_no": None, "program": None, "activity_code": str(i + 1) if numbered else None,
                "activity": activity.name, "level": "activity", "amount_idr": f"{activity.amount}.00",
                "page": pages[f"budget:{i}"],
            })
        totals = [{"source": "pk_budget", "label": total_label(layout.budget_style), "amount_idr": f"{sum(a.amount for a in activities)}.00"}]
        return {"budget_lines": budget, "budget_totals": totals if budget and layout.budget_style.total_row else []}
    for program in layout.programs:
        budget.append({
            "program_no": program.no,
            "program": program.name,
            "activity_code": None,
            "activity": None,
            "level": "program",
            "amount_idr": f"{program.amount}.00",
            "page": pages[f"budget:{b}"],
        })
        b += 1
        for i, activity in enumerate(program.activities if layout.budget_style.lists != "programs" else ()):
            budget.append({
                "program_no": program.no,
                "program": program.name,
                "activity_code": activity_code(layout.budget_style, program, i),
                "activity": activity.name,
                "level": "activity",
                "amount_idr": f"{activity.amount}.00",
                "page": pages[f"budget:{b}"],
            })
            b += 1
    totals = []
    if layout.programs and layout.budget_style.total_row:
        totals.append({"source": "pk_budget", "label": total_label(layout.budget_style), "amount_idr": f"{sum(p.amount for p in layout.programs)}.00"})
    return {"budget_lines": budget, "budget_totals": totals}
