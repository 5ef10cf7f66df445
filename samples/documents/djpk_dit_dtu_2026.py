"""PK 2026 of a directorate of DJPK (fictional people, invented NIPs), typed in Word and
converted by LibreOffice, on F4 paper: a statement page with both parties, the PK table
with codes printed in front of the indicator names, a budget whose activities carry
their letter in the name cell ('a. Perumusan ...') and amounts as 'Rp 5.732.180.000,00',
closed by a printed 'Jumlah'; electronic signatures, one NIP printed with spaces."""

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
from samples.generators.wording import E_SIGNED, FIRST_PARTY, SECOND_PARTY, STATEMENT_CLOSING, STATEMENT_OPENING

UNIT = "Direktorat Dana Transfer Umum"
DIREKTUR = "Adriyanto Pramudito"
DIREKTUR_NIP = "197503121998031004"
DIREKTUR_JABATAN = "Direktur Dana Transfer Umum"
DIRJEN = "Bambang Sutrisno Wibowo"
DIRJEN_NIP = "196811251991031002"
DIRJEN_JABATAN = "Direktur Jenderal Perimbangan Keuangan"
DATE = "2026-01-06"
PLACE = "Jakarta"
DATE_LINE = "Jakarta, 6 Januari 2026"
DIREKTUR_SIGNS = Signer(DIREKTUR, DIREKTUR_NIP, "NIP 19750312 199803 1 004", PLACE, DATE, E_SIGNED)
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP 196811251991031002", PLACE, DATE, E_SIGNED)

STATEMENT = Statement(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2026",
        "DIREKTORAT DANA TRANSFER UMUM",
        "DIREKTORAT JENDERAL PERIMBANGAN KEUANGAN",
    ),
    opening=STATEMENT_OPENING,
    parties=(
        PartyBlock(
            party="first",
            lines=(
                ("Nama", DIREKTUR),
                ("NIP", "19750312 199803 1 004"),
                ("Pangkat/Golongan", "Pembina Utama Muda (IV/c)"),
                ("Jabatan", DIREKTUR_JABATAN),
            ),
            designation=FIRST_PARTY,
            name=DIREKTUR,
            position=DIREKTUR_JABATAN,
            nip=DIREKTUR_NIP,
            rank="Pembina Utama Muda (IV/c)",
        ),
        PartyBlock(
            party="second",
            lines=(
                ("Nama", DIRJEN),
                ("NIP", "19681125 199103 1 002"),
                ("Pangkat/Golongan", "Pembina Utama (IV/e)"),
                ("Jabatan", DIRJEN_JABATAN),
            ),
            designation=SECOND_PARTY,
            name=DIRJEN,
            position=DIRJEN_JABATAN,
            nip=DIRJEN_NIP,
            rank="Pembina Utama (IV/e)",
        ),
    ),
    closing=STATEMENT_CLOSING,
    # PIHAK KEDUA left, PIHAK PERTAMA right under the place/date line, which dates both.
    signatures=SignatureRow(
        section="pk",
        page=1,
        slots=("text", "text", "text", "mark", "name", "text"),
        blocks=(
            DIRJEN_SIGNS.block(None, "PIHAK KEDUA,", f"{DIRJEN_JABATAN},", role=DIRJEN_JABATAN, party="second"),
            DIREKTUR_SIGNS.block(DATE_LINE, "PIHAK PERTAMA,", f"{DIREKTUR_JABATAN},", role=DIREKTUR_JABATAN,
                                 party="first"),
        ),
    ),
)

PK = PkTable(
    page=2,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2026",
        "DIREKTORAT DANA TRANSFER UMUM",
    ),
    code_style="prefix",
    headers=("No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"),
    objectives=(
        PkObjective(
            1,
            "Pengalokasian Dana Transfer Umum yang adil, transparan, dan tepat waktu",
            (
                PkIndicator("1a-CP",
                            "Persentase ketepatan waktu penetapan rincian alokasi DAU dan DBH",
                            T("100%", "100", True, None, None)),
                PkIndicator("1b-N", "Indeks akurasi perhitungan alokasi Dana Bagi Hasil",
                            T("87,5", "87.5", False, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Penyaluran Dana Transfer Umum yang efektif",
            (
                PkIndicator("2a-CP",
                            "Persentase penyaluran DAU yang ditentukan penggunaannya sesuai ketentuan",
                            T("98,75%", "98.75", True, None, None)),
                PkIndicator("2b-N", "Jumlah laporan pemantauan penggunaan DAU dan DBH",
                            T("12 Laporan", "12", False, None, None, "Laporan")),
            ),
        ),
        PkObjective(
            3,
            "Tata kelola organisasi yang akuntabel",
            (
                PkIndicator("3a-CP", "Nilai kualitas pelaksanaan anggaran direktorat",
                            T("93,5 (skala 100)", "93.5", False, "100", "skala 100")),
                PkIndicator("3b-CP", "Tingkat kualitas implementasi manajemen risiko",
                            T("Baik", None, False, None, None)),
                PkIndicator("3c-N", "Indeks kepuasan pemangku kepentingan",
                            T("4,2 (skala 5)", "4.2", False, "5", "skala 5")),
            ),
        ),
    ),
)

BUDGET = BudgetTable(
    page=3,
    heading="Program/Kegiatan Tahun Anggaran 2026",
    letter_style="prefix",
    programs=(
        Program(
            1,
            "Program Pengelolaan Belanja Negara",
            "Rp 12.486.350.000,00",
            "12486350000.00",
            (
                Activity("a", "Perumusan Kebijakan dan Pengalokasian Dana Transfer Umum",
                         "Rp 5.732.180.000,00", "5732180000.00"),
                Activity("b", "Penyaluran dan Pemantauan Dana Transfer Umum",
                         "Rp 4.918.420.000,00", "4918420000.00"),
                Activity("c", "Evaluasi Pengelolaan Dana Bagi Hasil",
                         "Rp 1.835.750.000,00", "1835750000.00"),
            ),
        ),
        Program(
            2,
            "Program Dukungan Manajemen",
            "Rp 2.164.900.000,00",
            "2164900000.00",
            (
                Activity("a", "Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya",
                         "Rp 1.406.900.000,00", "1406900000.00"),
                Activity("b", "Pengelolaan Sistem Informasi Transfer ke Daerah",
                         "Rp 758.000.000,00", "758000000.00"),
            ),
        ),
    ),
    total=BudgetTotalRow("Jumlah", "Rp 14.651.250.000,00", "14651250000.00"),
)

# The Jakarta date line stands over the right block only; by convention it dates both.
PK_SIGNATURES = SignatureRow(
    section="pk",
    page=3,
    blocks=(
        DIRJEN_SIGNS.block(None, f"{DIRJEN_JABATAN},", role=DIRJEN_JABATAN),
        DIREKTUR_SIGNS.block(DATE_LINE, f"{DIREKTUR_JABATAN},", role=DIREKTUR_JABATAN),
    ),
)

DOCUMENT = DocumentSpec(
    name="djpk-dit-dtu-2026-pk",
    producer="libreoffice",
    unit=UNIT,
    fiscal_year=2026,
    page_count=3,
    sections=("pk_statement", "pk", "pk_budget"),
    statement=STATEMENT,
    pk=PK,
    budget=BUDGET,
    pk_signatures=PK_SIGNATURES,
    paper="F4",
)
