"""PK 2025 of KPPN Malang re-issued as its first revision (same fictional people), printed
with reportlab: the title block prints 'REVISI I' on a line of its own under
'PERJANJIAN KINERJA TAHUN 2025', on the statement page and above the PK table; signed on
14 March 2025. Against the original (kppn_malang_2025): the IKPA target 1a-CP rises from
96,5 to 97,25, and activity 2a of the budget from Rp. 512.400.000 to Rp. 587.400.000, with
its program total and the Jumlah raised by the same Rp75.000.000. On page 3 the budget table
is drawn right on the PK table's bottom rule (reportlab draws no gap between them);
everything else reads as the original."""

from __future__ import annotations

from dataclasses import replace

from samples.documents.kppn_malang_2025 import BUDGET, PK, STATEMENT, signatures
from samples.documents.kppn_malang_2025 import DOCUMENT as ORIGINAL
from samples.generators.spec import Activity, BudgetTotalRow, T

REVISION = "REVISI I"
DATE = "2025-03-14"
DATE_LINE = "Malang, 14 Maret 2025"

STATEMENT_REVISED = replace(
    STATEMENT,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2025",
        REVISION,
        "KANTOR PELAYANAN PERBENDAHARAAN NEGARA MALANG",
    ),
    signatures=signatures("pk", 1, DATE, DATE_LINE),
)

ANGGARAN, *OTHER_OBJECTIVES = PK.objectives
IKPA, *OTHER_ANGGARAN = ANGGARAN.indicators
PK_REVISED = replace(
    PK,
    title_lines=("PERJANJIAN KINERJA TAHUN 2025", REVISION, "KPPN MALANG"),
    objectives=(
        replace(ANGGARAN, indicators=(replace(IKPA, target=T("97,25", "97.25", False, None, None)), *OTHER_ANGGARAN)),
        *OTHER_OBJECTIVES,
    ),
)

MANAJEMEN, PERBENDAHARAAN = BUDGET.programs
PEMBINAAN, AKUNTANSI = PERBENDAHARAAN.activities
BUDGET_REVISED = replace(
    BUDGET,
    programs=(
        MANAJEMEN,
        replace(
            PERBENDAHARAAN,
            amount_raw="Rp. 920.760.000",
            amount_idr="920760000.00",
            activities=(
                Activity(PEMBINAAN.code, PEMBINAAN.name, "Rp. 587.400.000", "587400000.00"),
                AKUNTANSI,
            ),
        ),
    ),
    total=BudgetTotalRow("Jumlah", "Rp12.783.197.000", "12783197000.00"),
)

DOCUMENT = replace(
    ORIGINAL,
    name="kppn-malang-2025-pk-revisi",
    producer="reportlab",
    statement=STATEMENT_REVISED,
    pk=PK_REVISED,
    budget=BUDGET_REVISED,
    pk_signatures=signatures("pk", 3, DATE, DATE_LINE),
)
