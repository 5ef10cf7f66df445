"""PK 2025 of a Kantor Wilayah DJPb (fictional people, invented NIPs): a statement page
with both parties, the PK table with a numbering row, a budget of bare amounts under
'Anggaran (Rp)' closed by a printed 'Jumlah', wet-ink signatures with spaced NIPs."""

from __future__ import annotations

from samples.generators.spec import (
    Activity,
    BudgetTable,
    BudgetTotalRow,
    DocumentSpec,
    PartyBlock,
    PkIndicator,
    PkObjective,
    PkTable,
    Program,
    SignatureRow,
    Signer,
    Statement,
    T,
)
from samples.generators.wording import FIRST_PARTY, SECOND_PARTY, STATEMENT_CLOSING, STATEMENT_OPENING

UNIT = "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Jawa Barat"
KAKANWIL = "Rudi Hartono Siregar"
KAKANWIL_NIP = "197008151995031002"
KAKANWIL_JABATAN = "Kepala Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Jawa Barat"
DIRJEN = "Hendra Wijayakusuma"
DIRJEN_NIP = "196905121990031001"
DIRJEN_JABATAN = "Direktur Jenderal Perbendaharaan"
DATE = "2025-01-02"
PLACE = "Bandung"
DATE_LINE = "Bandung, 2 Januari 2025"
# wet ink: the signature slot stays blank
KAKANWIL_SIGNS = Signer(KAKANWIL, KAKANWIL_NIP, "NIP. 19700815 199503 1 002", PLACE, DATE, None)
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP 196905121990031001", PLACE, DATE, None)

STATEMENT = Statement(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2025",
        "KANTOR WILAYAH DIREKTORAT JENDERAL PERBENDAHARAAN",
        "PROVINSI JAWA BARAT",
    ),
    opening=STATEMENT_OPENING,
    parties=(
        PartyBlock(
            party="first",
            lines=(
                ("Nama", KAKANWIL),
                ("NIP", "19700815 199503 1 002"),
                ("Pangkat/Gol", "Pembina Utama Muda (IV/c)"),
                ("Jabatan", KAKANWIL_JABATAN),
            ),
            designation=FIRST_PARTY,
            name=KAKANWIL,
            position=KAKANWIL_JABATAN,
            nip=KAKANWIL_NIP,
            rank="Pembina Utama Muda (IV/c)",
        ),
        PartyBlock(
            party="second",
            lines=(
                ("Nama", DIRJEN),
                ("Jabatan", DIRJEN_JABATAN),
            ),
            designation=SECOND_PARTY,
            name=DIRJEN,
            position=DIRJEN_JABATAN,
            nip=None,
            rank=None,
        ),
    ),
    closing=STATEMENT_CLOSING,
    # PIHAK KEDUA left, PIHAK PERTAMA right under the place/date line, which dates both.
    signatures=SignatureRow(
        section="pk",
        page=1,
        slots=("text", "text", "text", "text", "mark", "name", "text"),
        blocks=(
            DIRJEN_SIGNS.block(None, "PIHAK KEDUA,", f"{DIRJEN_JABATAN},", None, role=DIRJEN_JABATAN,
                               party="second"),
            KAKANWIL_SIGNS.block(DATE_LINE, "PIHAK PERTAMA,", "Kepala Kantor Wilayah Direktorat Jenderal",
                                 "Perbendaharaan Provinsi Jawa Barat,", role=KAKANWIL_JABATAN, party="first"),
        ),
    ),
)

PK = PkTable(
    page=2,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2025",
        "KANTOR WILAYAH DIREKTORAT JENDERAL PERBENDAHARAAN PROVINSI JAWA BARAT",
    ),
    headers=("No", "Sasaran Strategis", "Indikator Kinerja", "Target 2025"),
    numbering=True,
    objectives=(
        PkObjective(
            1,
            "Terwujudnya pelaksanaan anggaran yang berkualitas di wilayah Provinsi Jawa Barat",
            (
                PkIndicator("1a-CP",
                            "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) satuan kerja lingkup wilayah",
                            T("95 (skala 100)", "95", False, "100", "skala 100")),
                PkIndicator("1b-N", "Persentase penyaluran Dana Desa tepat waktu",
                            T("98,75%", "98.75", True, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Laporan keuangan pemerintah yang andal",
            (
                PkIndicator("2a-CP", "Persentase LKPD di wilayah kerja dengan opini WTP",
                            T("87,5%", "87.5", True, None, None)),
                PkIndicator("2b-CP", "Indeks opini BPK atas LKPP tingkat wilayah",
                            T("4 (WTP)", "4", False, None, "WTP")),
            ),
        ),
        PkObjective(
            3,
            "Peran Regional Chief Economist yang optimal",
            (
                PkIndicator("3a-N",
                            "Jumlah rekomendasi kebijakan fiskal regional yang ditindaklanjuti pemerintah daerah",
                            T("6 Rekomendasi", "6", False, None, None, "Rekomendasi")),
                PkIndicator("3b-N", "Tingkat kualitas Kajian Fiskal Regional",
                            T("3,5 (skala 4)", "3.5", False, "4", "skala 4")),
            ),
        ),
        PkObjective(
            4,
            "Organisasi dan SDM yang adaptif",
            (
                PkIndicator("4a-CP", "Persentase pegawai yang memenuhi standar kompetensi jabatan",
                            T("90%", "90", True, None, None)),
                PkIndicator("4b-CP", "Indeks maturitas manajemen risiko",
                            T("3 (skala 4)", "3", False, "4", "skala 4")),
            ),
        ),
    ),
)

BUDGET = BudgetTable(
    page=3,
    heading="Program/Kegiatan Tahun 2025",
    amount_header="Anggaran (Rp)",
    programs=(
        Program(
            1,
            "Program Pengelolaan Perbendaharaan, Kekayaan Negara dan Risiko",
            "14.826.450.000",
            "14826450000.00",
            (
                Activity("a", "Pembinaan Pelaksanaan Anggaran dan Perbendaharaan",
                         "5.412.300.000", "5412300000.00"),
                Activity("b", "Penyelenggaraan Akuntansi dan Pelaporan Keuangan",
                         "3.978.150.000", "3978150000.00"),
                Activity("c", "Kajian Fiskal Regional dan Peran Regional Chief Economist",
                         "5.436.000.000", "5436000000.00"),
            ),
        ),
        Program(
            2,
            "Program Dukungan Manajemen",
            "43.388.455.000",
            "43388455000.00",
            (
                Activity("a", "Pengelolaan Keuangan, BMN, dan Umum",
                         "31.204.715.000", "31204715000.00"),
                Activity("b", "Pengelolaan Organisasi dan SDM",
                         "9.870.240.000", "9870240000.00"),
                Activity("c", "Pengelolaan Sistem Informasi dan Teknologi",
                         "2.313.500.000", "2313500000.00"),
            ),
        ),
    ),
    total=BudgetTotalRow("Jumlah", "Rp 58.214.905.000,00", "58214905000.00"),
)

# The Bandung date line stands over the right block only; by convention it dates both.
PK_SIGNATURES = SignatureRow(
    section="pk",
    page=3,
    blocks=(
        DIRJEN_SIGNS.block(None, f"{DIRJEN_JABATAN},", role=DIRJEN_JABATAN),
        KAKANWIL_SIGNS.block(DATE_LINE, "Kepala Kantor Wilayah,", role="Kepala Kantor Wilayah"),
    ),
)

DOCUMENT = DocumentSpec(
    name="kanwil-djpb-jabar-2025-pk",
    producer="reportlab",
    unit=UNIT,
    fiscal_year=2025,
    page_count=3,
    sections=("pk_statement", "pk", "pk_budget"),
    statement=STATEMENT,
    pk=PK,
    budget=BUDGET,
    pk_signatures=PK_SIGNATURES,
)
