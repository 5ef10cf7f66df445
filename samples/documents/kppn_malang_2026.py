"""PK 2026 of KPPN Malang, the year after kppn_malang_2025(_revisi) (same fictional people),
printed with reportlab: the statement page, the PK table whole on page 2 with the codes in
a column of their own, the unit spelt 'KANTOR PELAYANAN PERBENDAHARAAN NEGARA (KPPN)
MALANG' above it, the budget with its letters in a column of their own on page 3.

Against 2025 (the revision's texts): 1b-N (DAK Fisik and Dana Desa) is dropped and the old
1c-N renumbered to 1b-N; a new indicator takes 1c-N; 2a-CP is reworded; a new 4c-N is
inserted and the old 4c-N renumbered to 4d-N; some targets and every amount change.
``EXPECTED_LINKS`` states, by hand, which 2026 indicator continues which 2025 one."""

from __future__ import annotations

from dataclasses import replace

from samples.documents.kppn_malang_2025 import STATEMENT, UNIT, signatures
from samples.documents.kppn_malang_2025_revisi import PK_REVISED as PK_2025
from samples.generators.spec import (
    Activity,
    BudgetTable,
    BudgetTotalRow,
    DocumentSpec,
    PkIndicator,
    PkObjective,
    PkTable,
    Program,
    T,
)

DATE = "2026-01-05"
DATE_LINE = "Malang, 5 Januari 2026"
TEXT_2025 = {i.code: i.text for o in PK_2025.objectives for i in o.indicators}
OBJECTIVE_2025 = {o.no: o.text for o in PK_2025.objectives}

KKP = "Persentase pembayaran satuan kerja melalui Kartu Kredit Pemerintah dan digipay"
KEPUASAN = "Indeks kepuasan pengguna layanan perbendaharaan pada KPPN Malang"
PELATIHAN = "Persentase pegawai yang mengikuti pelatihan minimal 20 jam pelajaran"

STATEMENT_2026 = replace(
    STATEMENT,
    title_lines=("PERJANJIAN KINERJA TAHUN 2026", "KANTOR PELAYANAN PERBENDAHARAAN NEGARA MALANG"),
    # the office's own closing, for the new year
    closing=(STATEMENT.closing[0].replace("pada tahun 2025 ini", "pada tahun 2026 ini"), *STATEMENT.closing[1:]),
    signatures=signatures("pk", 1, DATE, DATE_LINE),
)

PK = PkTable(
    page=2,
    code_style="column",
    title_lines=("PERJANJIAN KINERJA TAHUN 2026", "KANTOR PELAYANAN PERBENDAHARAAN NEGARA (KPPN) MALANG"),
    headers=("No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"),
    objectives=(
        PkObjective(
            1,
            OBJECTIVE_2025[1],
            (
                PkIndicator("1a-CP", TEXT_2025["1a-CP"], T("97,5", "97.5", False, None, None)),
                PkIndicator("1b-N", TEXT_2025["1c-N"], T("100%", "100", True, None, None)),  # was 1c-N
                PkIndicator("1c-N", KKP, T("85%", "85", True, None, None)),  # new, on a code of 2025
            ),
        ),
        PkObjective(
            2,
            OBJECTIVE_2025[2],
            (
                PkIndicator("2a-CP", KEPUASAN, T("4,65 (skala 5)", "4.65", False, "5", "skala 5")),  # reworded
                PkIndicator("2b-N", TEXT_2025["2b-N"], T("99,75%", "99.75", True, None, None)),
                PkIndicator("2c-N", TEXT_2025["2c-N"], T("12 Laporan", "12", False, None, None, "Laporan")),
            ),
        ),
        PkObjective(
            3,
            OBJECTIVE_2025[3],
            (
                PkIndicator("3a-N", TEXT_2025["3a-N"], T("88", "88", False, None, None)),
                PkIndicator("3b-N", TEXT_2025["3b-N"], T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            4,
            OBJECTIVE_2025[4],
            (
                PkIndicator("4a-CP", TEXT_2025["4a-CP"], T("Baik", None, False, None, None)),
                PkIndicator("4b-CP", TEXT_2025["4b-CP"], T("100%", "100", True, None, None)),
                PkIndicator("4c-N", PELATIHAN, T("95%", "95", True, None, None)),  # new
                PkIndicator("4d-N", TEXT_2025["4c-N"], T("4 (WTP)", "4", False, None, "WTP")),  # was 4c-N
            ),
        ),
        PkObjective(
            5,
            OBJECTIVE_2025[5],
            (
                PkIndicator("5a-CP", TEXT_2025["5a-CP"], T("93 (skala 100)", "93", False, "100", "skala 100")),
            ),
        ),
    ),
)

# (code 2026, indicator 2026, code 2025 it continues or None, 'same' | 'reworded' | 'new')
EXPECTED_LINKS: tuple[tuple[str, str, str | None, str], ...] = (
    ("1a-CP", TEXT_2025["1a-CP"], "1a-CP", "same"),
    ("1b-N", TEXT_2025["1c-N"], "1c-N", "same"),
    ("1c-N", KKP, None, "new"),
    ("2a-CP", KEPUASAN, "2a-CP", "reworded"),
    ("2b-N", TEXT_2025["2b-N"], "2b-N", "same"),
    ("2c-N", TEXT_2025["2c-N"], "2c-N", "same"),
    ("3a-N", TEXT_2025["3a-N"], "3a-N", "same"),
    ("3b-N", TEXT_2025["3b-N"], "3b-N", "same"),
    ("4a-CP", TEXT_2025["4a-CP"], "4a-CP", "same"),
    ("4b-CP", TEXT_2025["4b-CP"], "4b-CP", "same"),
    ("4c-N", PELATIHAN, None, "new"),
    ("4d-N", TEXT_2025["4c-N"], "4c-N", "same"),
    ("5a-CP", TEXT_2025["5a-CP"], "5a-CP", "same"),
)

BUDGET = BudgetTable(
    page=3,
    heading="Program/Kegiatan Tahun Anggaran 2026",
    letter_style="column",
    programs=(
        Program(
            1,
            "Program Dukungan Manajemen",
            "Rp12.170.440.000",
            "12170440000.00",
            (
                Activity("a", "Pengelolaan Keuangan, BMN, dan Umum", "Rp 9.874.560.000,00", "9874560000.00"),
                Activity("b", "Pengelolaan Organisasi dan SDM", "Rp1,25 miliar", "1250000000.00"),
                Activity("c", "Pengelolaan Sistem Informasi dan Teknologi", "Rp1.045.880.000", "1045880000.00"),
            ),
        ),
        Program(
            2,
            "Program Pengelolaan Perbendaharaan, Kekayaan Negara dan Risiko",
            "Rp. 950.150.000",
            "950150000.00",
            (
                Activity("a", "Pembinaan Pelaksanaan Anggaran dan Perbendaharaan", "Rp. 601.250.000", "601250000.00"),
                Activity("b", "Penyelenggaraan Akuntansi dan Pelaporan Keuangan", "Rp. 348.900.000", "348900000.00"),
            ),
        ),
    ),
    total=BudgetTotalRow("Jumlah", "Rp13.120.590.000", "13120590000.00"),
)

DOCUMENT = DocumentSpec(
    name="kppn-malang-2026-pk",
    producer="reportlab",
    unit=UNIT,
    fiscal_year=2026,
    page_count=3,
    sections=("pk_statement", "pk", "pk_budget"),
    statement=STATEMENT_2026,
    pk=PK,
    budget=BUDGET,
    pk_signatures=signatures("pk", 3, DATE, DATE_LINE),
)
