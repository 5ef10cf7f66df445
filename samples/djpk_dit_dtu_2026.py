"""PK 2026 of a directorate of DJPK (fictional people, invented NIPs), typed in Word and
converted by LibreOffice, on F4 paper: a statement page with both parties, the PK table
with codes printed in front of the indicator names, a budget whose activities carry
their letter in the name cell ('a. Perumusan ...') and amounts as 'Rp 5.732.180.000,00',
closed by a printed 'Jumlah'; electronic signatures, one NIP printed with spaces."""

from __future__ import annotations

from samples.spec import (
    Activity,
    BudgetTable,
    BudgetTotalRow,
    DocumentSpec,
    PartyBlock,
    PkIndicator,
    PkObjective,
    PkTable,
    Program,
    SignatureBlock,
    SignatureRow,
    Statement,
    T,
)

UNIT = "Direktorat Dana Transfer Umum"
DIREKTUR = "Adriyanto Pramudito"
DIREKTUR_NIP = "197503121998031004"
DIRJEN = "Bambang Sutrisno Wibowo"
DIRJEN_NIP = "196811251991031002"
DSE = "Ditandatangani secara elektronik"
DATE = "2026-01-06"
PLACE = "Jakarta"

STATEMENT = Statement(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2026",
        "DIREKTORAT DANA TRANSFER UMUM",
        "DIREKTORAT JENDERAL PERIMBANGAN KEUANGAN",
    ),
    opening=(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel "
        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
    ),
    parties=(
        PartyBlock(
            party="first",
            lines=(
                ("Nama", DIREKTUR),
                ("NIP", "19750312 199803 1 004"),
                ("Pangkat/Golongan", "Pembina Utama Muda (IV/c)"),
                ("Jabatan", "Direktur Dana Transfer Umum"),
            ),
            designation="selanjutnya disebut PIHAK PERTAMA.",
            name=DIREKTUR,
            position="Direktur Dana Transfer Umum",
            nip=DIREKTUR_NIP,
            rank="Pembina Utama Muda (IV/c)",
        ),
        PartyBlock(
            party="second",
            lines=(
                ("Nama", DIRJEN),
                ("NIP", "19681125 199103 1 002"),
                ("Pangkat/Golongan", "Pembina Utama (IV/e)"),
                ("Jabatan", "Direktur Jenderal Perimbangan Keuangan"),
            ),
            designation="selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.",
            name=DIRJEN,
            position="Direktur Jenderal Perimbangan Keuangan",
            nip=DIRJEN_NIP,
            rank="Pembina Utama (IV/e)",
        ),
    ),
    closing=(
        "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
        "tersebut menjadi tanggung jawab kami.",
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
        "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
        "pemberian penghargaan dan sanksi.",
    ),
    # PIHAK KEDUA left, PIHAK PERTAMA right under the place/date line, which dates both.
    signatures=SignatureRow(
        section="pk",
        page=1,
        slots=("text", "text", "text", "mark", "name", "text"),
        blocks=(
            SignatureBlock(
                lines=(None, "PIHAK KEDUA,", "Direktur Jenderal Perimbangan Keuangan,", DSE, DIRJEN,
                       "NIP 196811251991031002"),
                role="Direktur Jenderal Perimbangan Keuangan", name=DIRJEN, nip=DIRJEN_NIP,
                place=PLACE, signed_on=DATE, electronic=True, party="second",
            ),
            SignatureBlock(
                lines=("Jakarta, 6 Januari 2026", "PIHAK PERTAMA,", "Direktur Dana Transfer Umum,", DSE,
                       DIREKTUR, "NIP 19750312 199803 1 004"),
                role="Direktur Dana Transfer Umum", name=DIREKTUR, nip=DIREKTUR_NIP,
                place=PLACE, signed_on=DATE, electronic=True, party="first",
            ),
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
        SignatureBlock(
            lines=(None, "Direktur Jenderal Perimbangan Keuangan,", DSE, DIRJEN, "NIP 196811251991031002"),
            role="Direktur Jenderal Perimbangan Keuangan", name=DIRJEN, nip=DIRJEN_NIP,
            place=PLACE, signed_on=DATE, electronic=True,
        ),
        SignatureBlock(
            lines=("Jakarta, 6 Januari 2026", "Direktur Dana Transfer Umum,", DSE, DIREKTUR,
                   "NIP 19750312 199803 1 004"),
            role="Direktur Dana Transfer Umum", name=DIREKTUR, nip=DIREKTUR_NIP,
            place=PLACE, signed_on=DATE, electronic=True,
        ),
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
