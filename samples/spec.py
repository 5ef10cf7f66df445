"""Typed description of a sample document: what is printed, where, and what it means.

A spec holds every printed string and, next to it, its meaning typed by hand (``T``),
so the ground truth never depends on the project's own parsers. ``page`` on each part is
the layout plan: the renderer breaks pages there and fails if a part lands elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

PERIODS: tuple[str, ...] = ("Q1", "Q2", "S1", "Q3", "YTD_Q3", "Q4", "Y")


class T(NamedTuple):
    """A target as printed (qualifier after one space) and as meant."""

    raw: str  # '3,25 (skala 4)'
    value: str | None  # '3.25'; None for '-'
    is_percent: bool
    scale_max: str | None  # '4'
    qualifier: str | None  # 'skala 4'


class Cell(NamedTuple):
    """The meaning of one printed period-table cell (first line only)."""

    value: str | None
    is_percent: bool


# ------------------------------------------------------------------ PK


@dataclass(frozen=True)
class PkIndicator:
    code: str
    text: str
    target: T


@dataclass(frozen=True)
class PkObjective:
    no: int
    text: str
    indicators: tuple[PkIndicator, ...]


@dataclass(frozen=True)
class PkTable:
    page: int
    objectives: tuple[PkObjective, ...]


# ------------------------------------------------------------------ budget


@dataclass(frozen=True)
class Activity:
    code: str  # 'a'
    name: str
    amount_raw: str  # 'Rp. 37.556.065.000'
    amount_idr: str  # '37556065000.00'


@dataclass(frozen=True)
class Program:
    no: int
    name: str
    amount_raw: str
    amount_idr: str
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class BudgetTable:
    page: int
    heading: str  # 'Program/Kegiatan Tahun 2024'
    programs: tuple[Program, ...]


# ------------------------------------------------------------------ signatures


@dataclass(frozen=True)
class SignatureBlock:
    """Printed lines of one block (None = an empty line kept for alignment with the
    block beside it) and what they mean."""

    lines: tuple[str | None, ...]
    role: str
    name: str
    nip: str | None
    place: str | None
    signed_on: str  # ISO date
    electronic: bool


@dataclass(frozen=True)
class SignatureRow:
    """Blocks printed side by side; one block alone is set at the right."""

    section: str
    page: int
    blocks: tuple[SignatureBlock, ...]


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
class RhkIndicator:
    text: str
    target: T
    perspective: str
    matched_code: str


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


# ------------------------------------------------------------------ document


@dataclass(frozen=True)
class DocumentSpec:
    name: str  # file stem
    producer: str
    unit: str
    fiscal_year: int
    page_count: int
    sections: tuple[str, ...]
    pk: PkTable
    budget: BudgetTable
    pk_signatures: SignatureRow
    rincian: Rincian
    skp: Skp
    lampiran: Lampiran
    cells: dict[str, Cell]  # meaning of every printed period cell
