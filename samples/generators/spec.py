"""Typed description of a sample document: what is printed, where, and what it means.

A spec holds every printed string and, next to it, its meaning typed by hand (``T``),
so the ground truth never depends on the project's own parsers. ``page`` on each part is
the layout plan: the renderer breaks pages there and fails if a part lands elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

PERIODS: tuple[str, ...] = ("Q1", "Q2", "S1", "Q3", "YTD_Q3", "Q4", "Y")


class T(NamedTuple):
    """A target as printed (qualifier after one space) and as meant."""

    raw: str  # '3,25 (skala 4)', '12 Laporan', 'Baik'
    value: str | None  # '3.25'; None for '-' and for a verbal target such as 'Baik'
    is_percent: bool
    scale_max: str | None  # '4'
    qualifier: str | None  # 'skala 4'
    unit: str | None = None  # '12 Laporan' -> 'Laporan'


class Cell(NamedTuple):
    """The meaning of one printed period-table cell (first line only)."""

    value: str | None
    is_percent: bool
    unit: str | None = None  # '3 Laporan' -> 'Laporan'


Party = Literal["first", "second"]
CodeStyle = Literal["column", "prefix", "none"]
LetterStyle = Literal["column", "prefix"]
Paper = Literal["A4", "F4"]


# ------------------------------------------------------------------ PK


@dataclass(frozen=True)
class PkIndicator:
    code: str | None  # the IKU code as meant; None when the table prints no codes
    text: str  # the indicator name, without the code even when code_style is 'prefix'
    target: T


@dataclass(frozen=True)
class PkObjective:
    no: int
    text: str
    indicators: tuple[PkIndicator, ...]


@dataclass(frozen=True)
class PkPart:
    """A slice of the PK table drawn on one page: the next ``rows`` indicator rows in
    document order. When a part opens inside an objective (its Sasaran cell cut by the
    page break), ``repeat_objective`` says whether No and Sasaran are printed again at the
    top of this part (True) or left blank there (False); either way the rows belong to
    that same objective."""

    page: int
    rows: int
    repeat_header: bool = True  # header (and numbering) rows at the top; ignored on part 1
    repeat_objective: bool = True


@dataclass(frozen=True)
class PkSlice:
    """What one part of the PK table prints (the planned item of block ``pk_<index>``)."""

    table: PkTable
    part: PkPart
    index: int  # 1-based
    objectives: tuple[PkObjective, ...]  # indicators cut down to this part's rows
    continued: bool  # the first objective began on an earlier part

    @property
    def with_header(self) -> bool:
        return self.index == 1 or self.part.repeat_header

    @property
    def objective_printed(self) -> bool:
        """Are No and Sasaran of the first objective printed in this part?"""
        return not self.continued or self.part.repeat_objective


@dataclass(frozen=True)
class PkTable:
    page: int  # the page of the first (or only) part
    objectives: tuple[PkObjective, ...]
    code_style: CodeStyle = "column"
    # No | Sasaran | Indikator | Target; with code_style 'column' the Indikator header
    # spans the code column and the name column
    headers: tuple[str, str, str, str] = ("No", "Sasaran Program/Kegiatan", "Indikator Kinerja", "Target")
    numbering: bool = False  # a row '(1) (2) (3) (4)' under the header row, one per header cell
    numbering_labels: tuple[str, str, str, str] = ("1", "2", "3", "4")
    parts: tuple[PkPart, ...] = ()  # () = the whole table on ``page``
    title_lines: tuple[str, ...] = ()  # centred bold lines above the table (page of part 1)

    def pages_by_row(self) -> tuple[int, ...]:
        """The page of every indicator row, in document order."""
        count = sum(len(o.indicators) for o in self.objectives)
        if not self.parts:
            return (self.page,) * count
        pages = tuple(part.page for part in self.parts for _ in range(part.rows))
        if len(pages) != count or self.parts[0].page != self.page:
            raise ValueError(f"PK parts hold {len(pages)} rows on p{self.parts[0].page}, table has {count} on p{self.page}")
        return pages

    def slices(self) -> tuple[PkSlice, ...]:
        parts = self.parts or (PkPart(self.page, sum(len(o.indicators) for o in self.objectives)),)
        self.pages_by_row()
        flat = [(o, i) for o in self.objectives for i in o.indicators]
        out: list[PkSlice] = []
        start = 0
        for index, part in enumerate(parts, start=1):
            chunk = flat[start:start + part.rows]
            objectives: list[PkObjective] = []
            for objective, indicator in chunk:
                if objectives and objectives[-1].no == objective.no:
                    last = objectives[-1]
                    objectives[-1] = PkObjective(last.no, last.text, (*last.indicators, indicator))
                else:
                    objectives.append(PkObjective(objective.no, objective.text, (indicator,)))
            continued = start > 0 and flat[start - 1][0] is chunk[0][0]
            out.append(PkSlice(self, part, index, tuple(objectives), continued))
            start += part.rows
        return tuple(out)


# ------------------------------------------------------------------ budget


@dataclass(frozen=True)
class Activity:
    code: str  # 'a'
    name: str
    amount_raw: str  # 'Rp. 37.556.065.000', 'Rp1,2 triliun', '1.234.567.000' (as printed)
    amount_idr: str  # '37556065000.00' (written literally, never computed)


@dataclass(frozen=True)
class Program:
    no: int
    name: str
    amount_raw: str
    amount_idr: str
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class BudgetTotalRow:
    """A printed grand-total row closing the budget table: label cell, amount cell."""

    label: str  # 'Jumlah', 'Total', 'Jumlah Anggaran'
    amount_raw: str
    amount_idr: str


@dataclass(frozen=True)
class BudgetTable:
    page: int
    heading: str  # 'Program/Kegiatan Tahun 2024'
    programs: tuple[Program, ...]
    amount_header: str = "Anggaran"  # 'Anggaran (Rp)' over bare amounts
    # 'column': the letter 'a.' in a cell of its own; 'prefix': 'a. Name' in the name cell
    letter_style: LetterStyle = "column"
    total: BudgetTotalRow | None = None
    title_lines: tuple[str, ...] = ()  # centred bold lines above the table


# ------------------------------------------------------------------ signatures


@dataclass(frozen=True)
class SignatureBlock:
    """Printed lines of one block (None = an empty line kept for alignment with the
    block beside it) and what they mean. The slot kinds of the row say which line is
    the signature space and which the name."""

    lines: tuple[str | None, ...]
    role: str  # the jabatan line(s) joined by one space, without the trailing comma
    name: str
    nip: str | None  # 18 digits; the printed form ('NIP. 19670720 199903 1 005') is in lines
    place: str | None
    signed_on: str  # ISO date
    electronic: bool  # False = wet ink: the signature slot is None (a blank space)
    party: Party | None = None  # the PK statement's PIHAK PERTAMA / KEDUA block


@dataclass(frozen=True)
class Signer:
    """One person as all of their signature blocks print and mean them. A block prints
    (date line, role lines..., signature slot, name, NIP line); the slot holds ``mark``."""

    name: str
    nip: str | None
    nip_line: str | None  # as printed under the name: 'NIP. 19670720 199903 1 005'
    place: str | None
    signed_on: str  # ISO date
    mark: str | None  # the e-sign text in the signature slot; None = wet ink (a blank space)

    def block(self, date_line: str | None, *role_lines: str | None, role: str,
              party: Party | None = None) -> SignatureBlock:
        return SignatureBlock(
            lines=(date_line, *role_lines, self.mark, self.name, self.nip_line),
            role=role, name=self.name, nip=self.nip, place=self.place, signed_on=self.signed_on,
            electronic=self.mark is not None, party=party,
        )


SlotKind = Literal["text", "mark", "name"]
# date line, role line, signature space (or the e-sign text), name, NIP line
DEFAULT_SLOTS: tuple[SlotKind, ...] = ("text", "text", "mark", "name", "text")


@dataclass(frozen=True)
class SignatureRow:
    """Blocks printed side by side; one block alone is set at the right. Every block has
    one line per slot, so the lines of all blocks share baselines."""

    section: str
    page: int
    blocks: tuple[SignatureBlock, ...]
    slots: tuple[SlotKind, ...] = DEFAULT_SLOTS


# ------------------------------------------------------------------ period tables


@dataclass(frozen=True)
class PeriodRow:
    row_no: int | None  # printed number (lampiran), None in the rincian
    code: str | None  # printed IKU code (rincian), None in the lampiran
    text: str
    cells: tuple[str, ...]  # seven first lines as printed, Q1 .. Y
    year: T  # the Y cell whole, qualifier included
    matched_code: str | None = None  # PK code of a lampiran row


@dataclass(frozen=True)
class RincianObjective:
    no: int
    text: str
    rows: tuple[PeriodRow, ...]


@dataclass(frozen=True)
class RincianPart:
    page: int
    objectives: tuple[RincianObjective, ...]
    with_header: bool = True  # the two header rows printed at the top of this part


@dataclass(frozen=True)
class Rincian:
    title_lines: tuple[str, ...]
    period_labels: tuple[str, ...]
    parts: tuple[RincianPart, ...]
    signatures: SignatureRow


# ------------------------------------------------------------------ SKP


@dataclass(frozen=True)
class SkpHeader:
    title_lines: tuple[str, ...]
    organisation: str  # printed left on the period line
    period_line: str
    appraisee: tuple[tuple[str, str], ...]  # (label, value) as printed
    appraiser: tuple[tuple[str, str], ...]
    # meaning
    fiscal_year: int
    period_start: str
    period_end: str
    appraisee_name: str
    appraisee_nip: str | None
    appraisee_rank: str | None
    appraisee_position: str
    appraisee_unit: str
    appraiser_name: str
    appraiser_nip: str | None
    appraiser_rank: str | None
    appraiser_position: str
    appraiser_unit: str
    page: int


@dataclass(frozen=True)
class SkpPerson:
    """One side of the SKP header (appraisee or appraiser): printed beside the standard
    labels, rank as '-' when there is none."""

    name: str
    nip_printed: str  # '19670720 199903 1 005', '-'
    nip: str | None  # 18 digits
    rank: str | None
    position: str
    unit: str


@dataclass(frozen=True)
class RhkIndicator:
    text: str
    target: T
    perspective: str
    matched_code: str | None  # the PK IKU it stands for; None when the file holds no PK


@dataclass(frozen=True)
class RhkObjective:
    no: int
    text: str
    assignment: str
    indicators: tuple[RhkIndicator, ...]


@dataclass(frozen=True)
class RhkPart:
    page: int
    with_header: bool
    objectives: tuple[RhkObjective, ...]


@dataclass(frozen=True)
class Behaviour:
    no: int
    name: str
    criteria: tuple[str, ...]
    expectation: str


@dataclass(frozen=True)
class Behaviours:
    page: int
    behaviours: tuple[Behaviour, ...]


@dataclass(frozen=True)
class Skp:
    header: SkpHeader
    rhk_group: str  # 'A. UTAMA'
    rhk_parts: tuple[RhkPart, ...]
    behaviours: Behaviours
    signatures: SignatureRow


@dataclass(frozen=True)
class ResourceItem:
    no: int
    text: str


@dataclass(frozen=True)
class Lampiran:
    page: int
    title: str
    resources: tuple[ResourceItem, ...]
    employees: int  # meaning of the head-count item
    budget_label: str  # 'Jumlah Anggaran'
    budget_idr: str  # meaning of the budget item
    accountability: tuple[str, ...]  # SKEMA PERTANGGUNGJAWABAN items as printed
    period_labels: tuple[str, ...]
    rows: tuple[PeriodRow, ...]
    consequences_page: int
    consequences: tuple[str, ...]
    signatures: SignatureRow


# ------------------------------------------------------------------ PK statement


@dataclass(frozen=True)
class PartyBlock:
    """One party of the statement page as printed, and what it means.

    Printed as a borderless two-column list (label, ': value') followed by the
    designation line, e.g. ('Nama', 'Budi Santoso'), ('Jabatan', 'Kepala Kantor ...')
    and 'selanjutnya disebut PIHAK PERTAMA.'"""

    party: Party
    lines: tuple[tuple[str, str], ...]  # (label, value) as printed, in print order
    designation: str  # 'selanjutnya disebut PIHAK PERTAMA.'
    name: str
    position: str
    nip: str | None  # 18 digits
    rank: str | None  # 'Pembina Utama Muda (IV/c)'


@dataclass(frozen=True)
class Statement:
    """The PK statement page: title, opening, both parties, closing, signatures."""

    page: int
    title_lines: tuple[str, ...]  # 'PERJANJIAN KINERJA TAHUN 2025', unit lines
    opening: tuple[str, ...]  # paragraphs before the parties
    parties: tuple[PartyBlock, ...]  # as printed, first party first
    closing: tuple[str, ...]  # paragraphs after the parties
    signatures: SignatureRow  # section 'pk'; PIHAK KEDUA left, PIHAK PERTAMA right


# ------------------------------------------------------------------ document


@dataclass(frozen=True)
class DocumentSpec:
    name: str  # file stem
    producer: str
    unit: str
    fiscal_year: int
    page_count: int
    sections: tuple[str, ...]
    statement: Statement | None = None
    pk: PkTable | None = None
    budget: BudgetTable | None = None
    pk_signatures: SignatureRow | None = None  # after the PK table / budget
    rincian: Rincian | None = None
    skp: Skp | None = None
    lampiran: Lampiran | None = None  # needs ``skp`` (it reprints the SKP period line)
    cells: dict[str, Cell] = field(default_factory=dict)  # meaning of every printed period cell
    paper: Paper = "A4"  # A4 210x297 mm, F4 215x330 mm
    landscape: bool = False


# ------------------------------------------------------------------ page plan


@dataclass(frozen=True)
class Planned:
    """One block of the page plan: every renderer draws these in this order, starts a
    new page exactly when ``page`` grows, and fails when a block lands elsewhere."""

    key: str
    page: int
    item: object


def plan(doc: DocumentSpec) -> list[Planned]:
    """The document as ordered blocks with their planned pages (renderer-independent)."""
    out: list[Planned] = []
    if doc.statement:
        out.append(Planned("pk_statement", doc.statement.page, doc.statement))
        out.append(Planned("pk_statement_signatures", doc.statement.signatures.page, doc.statement.signatures))
    if doc.pk:
        for pk_slice in doc.pk.slices():
            out.append(Planned(f"pk_{pk_slice.index}", pk_slice.part.page, pk_slice))
    if doc.budget:
        out.append(Planned("pk_budget", doc.budget.page, doc.budget))
    if doc.pk_signatures:
        out.append(Planned("pk_signatures", doc.pk_signatures.page, doc.pk_signatures))
    if doc.rincian:
        for i, rpart in enumerate(doc.rincian.parts, start=1):
            out.append(Planned(f"pk_rincian_{i}", rpart.page, rpart))
        out.append(Planned("pk_rincian_signatures", doc.rincian.signatures.page, doc.rincian.signatures))
    if doc.skp:
        skp = doc.skp
        out.append(Planned("skp_header", skp.header.page, skp.header))
        for i, hpart in enumerate(skp.rhk_parts, start=1):
            out.append(Planned(f"skp_rhk_{i}", hpart.page, hpart))
        out.append(Planned("skp_behaviours", skp.behaviours.page, skp.behaviours))
        out.append(Planned("skp_signatures", skp.signatures.page, skp.signatures))
    if doc.lampiran:
        lampiran = doc.lampiran
        out.append(Planned("skp_lampiran", lampiran.page, lampiran))
        out.append(Planned("skp_lampiran_table", lampiran.page, lampiran.rows))
        out.append(Planned("skp_lampiran_konsekuensi", lampiran.consequences_page, lampiran.consequences))
        out.append(Planned("skp_lampiran_signatures", lampiran.signatures.page, lampiran.signatures))
    page = 1
    for block in out:
        if block.page not in (page, page + 1) or (not out.index(block) and block.page != 1):
            raise ValueError(f"{doc.name}: plan is not page-by-page at {block.key}: page {block.page} after {page}")
        page = block.page
    if page != doc.page_count:
        raise ValueError(f"{doc.name}: plan ends on page {page}, page_count is {doc.page_count}")
    return out
