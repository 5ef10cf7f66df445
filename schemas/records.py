"""Declared records of the pipeline's three stages.

extract   -> ``RawDocument`` of ``RawRecord`` (strings as printed, page and bbox)
normalize -> ``Document`` of typed records (Decimal money, parsed targets, dates)
load      -> warehouse tables (one transaction per document)

Nothing here imports the other packages: extractors, warehouse and flows import this.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, top-left origin

SectionKey = Literal["pk_statement", "pk", "pk_budget", "pk_rincian", "skp", "skp_lampiran"]
SECTION_ORDER: tuple[str, ...] = ("pk_statement", "pk", "pk_budget", "pk_rincian", "skp", "skp_lampiran")

Period = Literal["Q1", "Q2", "S1", "Q3", "YTD_Q3", "Q4", "Y"]

# 'electronic': the block's e-sign text or a BSrE footer; 'image': an ink or stamp image
# overlaps the block; 'none': the signature space is blank.
SignedMark = Literal["electronic", "image", "none"]

# pyHanko's ModificationLevel of what was appended after a signature, lower case:
# 'lta_updates' (validation data, timestamps), 'form_filling' (later signatures, form
# values), 'annotations', 'other' (anything else, e.g. changed page content).
ModificationLevel = Literal["none", "lta_updates", "form_filling", "annotations", "other"]

RawKind = Literal[
    "title",  # a text line outside tables that names a document, unit or year
    "party",  # pihak pertama / pihak kedua of a PK statement page
    "pk_target",  # one indicator row of the PK table
    "skp_target",  # one indicator row of the SKP RHK table
    "period_target",  # one cell of a Rincian / Lampiran period table
    "budget_line",  # one program or activity row of the budget table
    "budget_total",  # a printed Jumlah / Total of the budget, or the SKP's Jumlah Anggaran
    "signature",  # one visible signature block
    "skp_header",  # the SKP's pegawai yang dinilai / pejabat penilai block
    "skp_resource",  # one item of the Lampiran's Dukungan Sumber Daya
    "behaviour",  # one PERILAKU KERJA item
    "finding",  # what the reader saw but could not vouch for: fields check, subject, stated, computed
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawRecord(_Record):
    """One thing an extractor read, with the strings exactly as the page shows them
    (wrapped lines already joined with single spaces)."""

    kind: RawKind
    section: SectionKey | None = None
    page: int  # 1-based
    bbox: BBox | None = None
    fields: dict[str, str | None] = Field(default_factory=dict)
    value_bbox: BBox | None = None  # the cell(s) the row's value (target, amount) was read from
    ocr_confidence: float | None = None  # Tesseract's, 0-100, of the value: its least sure word; None: not read by OCR


class RawDocument(_Record):
    document_id: str  # sha256 of the file's bytes, lowercase hex
    file_name: str
    page_count: int
    sections: tuple[str, ...]  # in SECTION_ORDER, each once
    records: tuple[RawRecord, ...]
    ocr_used: bool = False
    document_kind: str = "perjanjian_kinerja"  # see extractors.kind.DOCUMENT_KINDS
    extractor_version: int | None = None  # extractors.EXTRACTOR_VERSION of the code that read it


# ---------------------------------------------------------------- typed records


class Target(_Record):
    """A target as printed and as parsed: '3,25 (skala 4)' -> 3.25, scale_max 4."""

    raw: str
    value: Decimal | None  # None for '-' (no target) or a purely verbal target
    is_percent: bool = False
    scale_max: Decimal | None = None
    qualifier: str | None = None  # '4 (WTP)' -> 'WTP'; '100 (4 skala 5)' -> '4 skala 5'
    unit: str | None = None  # '12 Laporan' -> 'Laporan'


class Nip(_Record):
    """NIP (Nomor Induk Pegawai): 18 digits, decoded."""

    digits: str
    valid: bool
    birth_date: dt.date | None = None
    appointed_year: int | None = None
    appointed_month: int | None = None
    sex: Literal["male", "female"] | None = None
    sequence: int | None = None
    problem: str | None = None  # why it is not valid


class IndicatorTarget(_Record):
    source: Literal["pk", "skp"]
    objective_no: int | None
    objective: str
    indicator_code: str | None  # as printed; None where the document prints none
    indicator: str
    target: Target
    perspective: str | None = None  # SKP only
    assignment: str | None = None  # SKP RHK note, e.g. 'Penugasan dari Menteri Keuangan'
    matched_code: str | None = None  # the PK IKU this row was matched to (SKP rows)
    match_score: float | None = None
    page: int
    bbox: BBox | None = None
    ocr_confidence: float | None = None  # see RawRecord


class PeriodTarget(_Record):
    source: Literal["pk_rincian", "skp_lampiran"]
    row_no: int | None
    objective_no: int | None = None
    objective: str | None = None
    indicator_code: str | None
    indicator: str
    period: Period
    target: Target
    matched_code: str | None = None
    match_score: float | None = None
    page: int
    bbox: BBox | None = None
    ocr_confidence: float | None = None


class BudgetLine(_Record):
    line_no: int  # 1-based order within the document's budget table
    program_no: int | None
    program: str | None  # None for an activity of a budget that lists no programs
    activity_code: str | None  # 'a', 'b', ...; None on the program row
    activity: str | None
    level: Literal["program", "activity"]
    amount_idr: Decimal | None  # None only when the printed amount cannot be read (see problems)
    amount_raw: str
    page: int
    bbox: BBox | None = None
    ocr_confidence: float | None = None


class BudgetTotal(_Record):
    source: Literal["pk_budget", "skp_lampiran"]
    label: str
    amount_idr: Decimal
    amount_raw: str
    page: int
    ocr_confidence: float | None = None


class Signature(_Record):
    section: str
    block_no: int  # 1-based order of the block within the document
    role: str | None  # jabatan as printed, without the trailing comma
    name: str | None
    nip: Nip | None
    nip_raw: str | None
    place: str | None
    signed_on: dt.date | None
    date_precision: Literal["day", "month", "year"] | None = None
    electronic: bool
    party: Literal["first", "second"] | None = None
    rank: str | None = None  # pangkat printed under the name, e.g. 'Pembina Utama Madya'
    page: int
    bbox: BBox | None = None
    signed_mark: SignedMark = "none"


class DigitalSignature(_Record):
    """One signature field embedded in the PDF (PAdES/CMS), as validated on the file's bytes."""

    field_name: str | None
    signer_name: str | None = None  # the signer certificate's common name
    signer_org: str | None = None
    issuer: str | None = None
    signing_time: dt.datetime | None = None  # UTC, time zone aware
    intact: bool | None = None  # the signed byte ranges hash to the signed digest
    covers_whole_document: bool | None = None  # nothing was appended after signing
    trusted: bool | None = None  # chains to a configured root; None when none are configured
    modification_level: ModificationLevel | None = None  # the kind of change after signing
    error: str | None = None  # what could not be read or validated


class Party(_Record):
    party: Literal["first", "second"]
    name: str | None
    position: str | None
    nip: str | None
    rank: str | None
    page: int


class SkpHeader(_Record):
    fiscal_year: int | None
    period_start: dt.date | None
    period_end: dt.date | None
    appraisee_name: str | None
    appraisee_nip: str | None
    appraisee_rank: str | None
    appraisee_position: str | None
    appraisee_unit: str | None
    appraiser_name: str | None
    appraiser_nip: str | None
    appraiser_rank: str | None
    appraiser_position: str | None
    appraiser_unit: str | None
    employees: int | None = None
    budget_idr: Decimal | None = None
    page: int


class Behaviour(_Record):
    behaviour_no: int
    behaviour: str
    criteria: tuple[str, ...]
    expectation: str | None
    page: int


class ValueProblem(_Record):
    """A printed value that could not be read; the row keeps its raw text and a NULL value."""

    record_kind: str
    field: str
    raw: str
    problem: str
    page: int


class Document(_Record):
    """Everything kinerja knows about one loaded PDF, typed."""

    document_id: str
    file_name: str
    unit: str | None
    fiscal_year: int | None
    page_count: int
    sections: tuple[str, ...]
    ocr_used: bool = False
    document_kind: str = "perjanjian_kinerja"
    revision_label: str | None = None  # 'REVISI I' as printed; None for an original
    revision_no: int = 0
    extractor_version: int | None = None
    problems: tuple[ValueProblem, ...] = ()
    parties: tuple[Party, ...] = ()
    indicator_targets: tuple[IndicatorTarget, ...] = ()
    period_targets: tuple[PeriodTarget, ...] = ()
    budget_lines: tuple[BudgetLine, ...] = ()
    budget_totals: tuple[BudgetTotal, ...] = ()
    signatures: tuple[Signature, ...] = ()
    digital_signatures: tuple[DigitalSignature, ...] = ()
    skp: SkpHeader | None = None
    behaviours: tuple[Behaviour, ...] = ()
    raw: RawDocument | None = None
