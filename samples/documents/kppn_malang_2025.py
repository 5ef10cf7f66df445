"""PK 2025 of a KPPN (fictional people, invented NIPs), printed from HTML: a statement page,
the PK table with codes before the indicator names, broken over two pages inside an
objective (header repeated, the cut Sasaran cell left blank), a budget with lettered
activities in the name cell, amounts in four forms and a printed 'Jumlah', wet-ink
signatures with spaced NIPs."""

from __future__ import annotations

from dataclasses import replace

from samples.generators.spec import (
    Activity,
    BudgetTable,
    BudgetTotalRow,
    DocumentSpec,
    PartyBlock,
    PkIndicator,
    PkObjective,
    PkPart,
    PkTable,
    Program,
    SignatureRow,
    Signer,
    Statement,
    T,
)
from samples.generators.wording import FIRST_PARTY, STATEMENT_OPENING

UNIT = "Kantor Pelayanan Perbendaharaan Negara Malang"
KEPALA = "Yudi Prasetyo Nugroho"
KEPALA_NIP = "196707201999031005"
KAKANWIL = "Dwi Andayani Kusumawati"
KAKANWIL_NIP = "197204151996032001"
PLACE = "Malang"
DATE = "2025-01-03"
SLOTS = ("text", "text", "text", "text", "mark", "name", "text")
# wet ink: the signature slot stays blank
KEPALA_SIGNS = Signer(KEPALA, KEPALA_NIP, "NIP. 19670720 199903 1 005", PLACE, DATE, None)
KAKANWIL_SIGNS = Signer(KAKANWIL, KAKANWIL_NIP, "NIP. 19720415 199603 2 001", PLACE, DATE, None)


def signatures(section: str, page: int, signed_on: str = DATE, date_line: str = "Malang, 3 Januari 2025") -> SignatureRow:
    """PIHAK KEDUA left, PIHAK PERTAMA right under the place/date line, which dates both."""
    kakanwil, kepala = (replace(signer, signed_on=signed_on) for signer in (KAKANWIL_SIGNS, KEPALA_SIGNS))
    return SignatureRow(
        section=section,
        page=page,
        slots=SLOTS,
        blocks=(
            kakanwil.block(None, "PIHAK KEDUA,", "Kepala Kantor Wilayah DJPb", "Provinsi Jawa Timur,",
                           role="Kepala Kantor Wilayah DJPb Provinsi Jawa Timur", party="second"),
            kepala.block(date_line, "PIHAK PERTAMA,", "Kepala Kantor Pelayanan", "Perbendaharaan Negara Malang,",
                         role="Kepala Kantor Pelayanan Perbendaharaan Negara Malang", party="first"),
        ),
    )


STATEMENT = Statement(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2025",
        "KANTOR PELAYANAN PERBENDAHARAAN NEGARA MALANG",
    ),
    opening=STATEMENT_OPENING,
    parties=(
        PartyBlock(
            party="first",
            lines=(
                ("Nama", KEPALA),
                ("NIP", "19670720 199903 1 005"),
                ("Jabatan", "Kepala Kantor Pelayanan Perbendaharaan Negara Malang"),
            ),
            designation=FIRST_PARTY,
            name=KEPALA,
            position="Kepala Kantor Pelayanan Perbendaharaan Negara Malang",
            nip=KEPALA_NIP,
            rank=None,
        ),
        PartyBlock(
            party="second",
            lines=(
                ("Nama", KAKANWIL),
                ("NIP", "19720415 199603 2 001"),
                ("Pangkat/Gol.", "Pembina Utama Muda (IV/c)"),
                ("Jabatan", "Kepala Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Jawa Timur"),
            ),
            # this office names the direct superior: 'atasan langsung'
            designation="selaku atasan langsung PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.",
            name=KAKANWIL,
            position="Kepala Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Jawa Timur",
            nip=KAKANWIL_NIP,
            rank="Pembina Utama Muda (IV/c)",
        ),
    ),
    closing=(  # worded its own way, not the standard closing
        "PIHAK PERTAMA pada tahun 2025 ini berjanji akan mewujudkan target kinerja tahunan sesuai "
        "lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah seperti yang "
        "telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab PIHAK PERTAMA.",
        "PIHAK KEDUA akan memberikan supervisi yang diperlukan serta akan melakukan evaluasi akuntabilitas "
        "kinerja terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi.",
    ),
    signatures=signatures("pk", 1),
)

PK = PkTable(
    page=2,
    code_style="prefix",
    title_lines=("PERJANJIAN KINERJA TAHUN 2025", "KPPN MALANG"),
    headers=("No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"),
    numbering=True,
    numbering_labels=("(1)", "(2)", "(3)", "(4)"),
    # cut inside objective 3: its second row opens page 3 under a repeated header, with the
    # Sasaran cell left blank there
    parts=(PkPart(page=2, rows=7), PkPart(page=3, rows=5, repeat_header=True, repeat_objective=False)),
    objectives=(
        PkObjective(
            1,
            "Terwujudnya pelaksanaan anggaran yang berkualitas pada satuan kerja mitra KPPN Malang",
            (
                PkIndicator("1a-CP",
                            "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) satuan kerja mitra KPPN",
                            T("96,5", "96.5", False, None, None)),
                PkIndicator("1b-N",
                            "Persentase penyaluran Dana Alokasi Khusus Fisik dan Dana Desa yang disalurkan "
                            "tepat waktu",
                            T("98,75%", "98.75", True, None, None)),
                PkIndicator("1c-N",
                            "Persentase satuan kerja yang menyampaikan laporan keuangan tepat waktu",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Layanan perbendaharaan yang andal, cepat, dan akuntabel",
            (
                PkIndicator("2a-CP", "Indeks kepuasan pengguna layanan KPPN",
                            T("4,6 (skala 5)", "4.6", False, "5", "skala 5")),
                PkIndicator("2b-N",
                            "Persentase Surat Perintah Pencairan Dana yang diterbitkan sesuai standar "
                            "waktu layanan",
                            T("99,5%", "99.5", True, None, None)),
                PkIndicator("2c-N",
                            "Jumlah laporan hasil monitoring dan evaluasi pelaksanaan anggaran satuan kerja",
                            T("12 Laporan", "12", False, None, None, "Laporan")),
            ),
        ),
        PkObjective(
            3,
            "Pengelolaan kas dan rekonsiliasi yang optimal",
            (
                PkIndicator("3a-N", "Tingkat akurasi proyeksi penarikan dana satuan kerja",
                            T("87,5", "87.5", False, None, None)),
                PkIndicator("3b-N",
                            "Persentase rekonsiliasi data transaksi penerimaan dan pengeluaran negara yang "
                            "diselesaikan tepat waktu",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            4,
            "Organisasi dan SDM yang adaptif dan berintegritas",
            (
                PkIndicator("4a-CP", "Nilai kualitas pengelolaan SDM dan budaya kerja",
                            T("Baik", None, False, None, None)),
                PkIndicator("4b-CP", "Persentase implementasi inisiatif strategis kepatuhan internal",
                            T("100%", "100", True, None, None)),
                PkIndicator("4c-N", "Opini atas laporan keuangan satuan kerja KPPN",
                            T("4 (WTP)", "4", False, None, "WTP")),
            ),
        ),
        PkObjective(
            5,
            "Pengelolaan anggaran yang akuntabel",
            (
                PkIndicator("5a-CP", "Nilai Kinerja Anggaran KPPN Malang",
                            T("92,5 (skala 100)", "92.5", False, "100", "skala 100")),
            ),
        ),
    ),
)

BUDGET = BudgetTable(
    page=3,
    heading="Program/Kegiatan Tahun Anggaran 2025",
    letter_style="prefix",
    programs=(
        Program(
            1,
            "Program Dukungan Manajemen",
            "Rp11.862.437.000",
            "11862437000.00",
            (
                Activity("a", "Pengelolaan Keuangan, BMN, dan Umum",
                         "Rp 9.532.118.000,00", "9532118000.00"),
                Activity("b", "Pengelolaan Organisasi dan SDM",
                         "Rp1,2 miliar", "1200000000.00"),
                Activity("c", "Pengelolaan Sistem Informasi dan Teknologi",
                         "Rp1.130.319.000", "1130319000.00"),
            ),
        ),
        Program(
            2,
            "Program Pengelolaan Perbendaharaan, Kekayaan Negara dan Risiko",
            "Rp. 845.760.000",
            "845760000.00",
            (
                Activity("a", "Pembinaan Pelaksanaan Anggaran dan Perbendaharaan",
                         "Rp. 512.400.000", "512400000.00"),
                Activity("b", "Penyelenggaraan Akuntansi dan Pelaporan Keuangan",
                         "Rp. 333.360.000", "333360000.00"),
            ),
        ),
    ),
    total=BudgetTotalRow("Jumlah", "Rp12.708.197.000", "12708197000.00"),
)

DOCUMENT = DocumentSpec(
    name="kppn-malang-2025-pk",
    producer="weasyprint",
    unit=UNIT,
    fiscal_year=2025,
    page_count=3,
    sections=("pk_statement", "pk", "pk_budget"),
    statement=STATEMENT,
    pk=PK,
    budget=BUDGET,
    pk_signatures=signatures("pk", 3),
)
