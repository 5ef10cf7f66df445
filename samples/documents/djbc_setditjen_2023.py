"""SKP 2023 of an Eselon III official (Kepala Bagian Keuangan, Sekretariat DJBC; fictional
people, invented NIPs) with its Lampiran, printed from HTML in A4 landscape: RHK table over
two pages with its header repeated, targets '87,5', '98,75%', '12 Laporan', 'Baik', '-'
cells, a Jumlah Anggaran in words ('Rp1,2 triliun'), wet-ink signatures with spaced NIPs.
No PK in the file, so no IKI has a PK code to match."""

from __future__ import annotations

from samples.generators.spec import (
    Cell,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    ResourceItem,
    RhkIndicator,
    RhkObjective,
    RhkPart,
    SignatureRow,
    Signer,
    Skp,
    SkpPerson,
    T,
)
from samples.generators.wording import (
    BUDGET_LABEL,
    CONSEQUENCES,
    LAMPIRAN_TITLE,
    PB,
    PI,
    PL,
    REPORTED_IN_E_PERFORMANCE,
    SKP_TITLE_ADMINISTRASI,
    perilaku_kerja,
    skp_header,
)

UNIT = "Sekretariat Direktorat Jenderal Bea dan Cukai"
PEGAWAI = "Andi Wibowo Saputra"
PEGAWAI_NIP = "197803122002121002"
PENILAI = "Heru Santosa Widjaja"
PENILAI_NIP = "196908171991031003"
DATE = "2023-01-03"
PLACE = "Jakarta"
# wet ink: the signature slot stays blank
PENILAI_SIGNS = Signer(PENILAI, PENILAI_NIP, "NIP. 19690817 199103 1 003", PLACE, DATE, None)
PEGAWAI_SIGNS = Signer(PEGAWAI, PEGAWAI_NIP, "NIP. 19780312 200212 1 002", PLACE, DATE, None)

ASSIGNMENT = "Penugasan dari Sekretaris Direktorat Jenderal"


def signatures(section: str, page: int) -> SignatureRow:
    """Appraiser left, appraisee right under the place/date line, which dates both."""
    return SignatureRow(
        section=section,
        page=page,
        blocks=(
            PENILAI_SIGNS.block(None, "Pejabat Penilai Kinerja,", role="Pejabat Penilai Kinerja"),
            PEGAWAI_SIGNS.block("Jakarta, 3 Januari 2023", "Pegawai yang Dinilai,", role="Pegawai yang Dinilai"),
        ),
    )


# this form spells the rank label 'PANGKAT/GOL RUANG'
HEADER = skp_header(
    SKP_TITLE_ADMINISTRASI,
    2023,
    appraisee=SkpPerson(PEGAWAI, "19780312 200212 1 002", PEGAWAI_NIP, "Pembina (IV/a)",
                        "Kepala Bagian Keuangan", UNIT),
    appraiser=SkpPerson(PENILAI, "19690817 199103 1 003", PENILAI_NIP, "Pembina Utama Muda (IV/c)",
                        "Sekretaris Direktorat Jenderal Bea dan Cukai", "Direktorat Jenderal Bea dan Cukai"),
    page=1,
    rank_label="PANGKAT/GOL RUANG",
)

IKPA = "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) Direktorat Jenderal Bea dan Cukai"
REALISASI = "Persentase realisasi belanja terhadap pagu DIPA Sekretariat Direktorat Jenderal"
LAPORAN = "Jumlah laporan keuangan dan laporan Barang Milik Negara yang disusun tepat waktu"
OPINI = "Opini BPK atas Laporan Keuangan Bagian Anggaran 015 lingkup Direktorat Jenderal Bea dan Cukai"
TINDAK_LANJUT = ("Persentase tindak lanjut rekomendasi hasil pemeriksaan BPK dan Inspektorat Jenderal atas "
                 "pengelolaan keuangan yang telah dinyatakan selesai")
PEMBINAAN = "Kualitas pembinaan pengelolaan keuangan satuan kerja vertikal"
INDEKS = "Indeks kualitas pengelolaan keuangan BA 015 lingkup Direktorat Jenderal Bea dan Cukai"
PENGENDALIAN = "Persentase implementasi pengendalian intern atas pelaporan keuangan"

RHK_1_2 = (
    RhkObjective(
        1,
        "Terwujudnya pelaksanaan anggaran Direktorat Jenderal Bea dan Cukai yang berkualitas",
        ASSIGNMENT,
        (
            RhkIndicator(IKPA, T("87,5", "87.5", False, None, None), PL, None),
            RhkIndicator(REALISASI, T("98,75%", "98.75", True, None, None), PL, None),
        ),
    ),
    RhkObjective(
        2,
        "Tersedianya laporan keuangan yang andal dan tepat waktu",
        ASSIGNMENT,
        (
            RhkIndicator(LAPORAN, T("12 Laporan", "12", False, None, None, "Laporan"), PB, None),
            RhkIndicator(OPINI, T("4 (WTP)", "4", False, None, "WTP"), PB, None),
        ),
    ),
)

RHK_3_4 = (
    RhkObjective(
        3,
        "Pengelolaan keuangan dan tindak lanjut hasil pemeriksaan yang akuntabel",
        ASSIGNMENT,
        (
            RhkIndicator(TINDAK_LANJUT, T("100%", "100", True, None, None), PB, None),
            RhkIndicator(PEMBINAAN, T("Baik", None, False, None, None), PB, None),
        ),
    ),
    RhkObjective(
        4,
        "Penguatan tata kelola keuangan internal",
        ASSIGNMENT,
        (
            RhkIndicator(INDEKS, T("3,6 (skala 4)", "3.6", False, "4", "skala 4"), PI, None),
            RhkIndicator(PENGENDALIAN, T("100%", "100", True, None, None), PI, None),
        ),
    ),
)

EXPECT = (
    "Menyelesaikan pekerjaan sesuai standar dan tenggat waktu, terbuka terhadap masukan, serta "
    "menjaga integritas dalam setiap proses pengelolaan keuangan."
)

# the secretariat's own Ekspektasi Khusus Pimpinan, one per BerAKHLAK value
BEHAVIOURS = perilaku_kerja(page=2, expectations=(
    "Memberikan layanan keuangan yang cepat dan tepat kepada seluruh unit kerja.",
    EXPECT,
    "Mengikuti pembelajaran paling sedikit 20 jam pelajaran dan membagikan pengetahuannya.",
    "Menjaga suasana kerja yang saling menghargai di lingkungan Bagian Keuangan.",
    EXPECT,
    "Mengoptimalkan aplikasi SAKTI dan otomasi pelaporan keuangan.",
    "Berkoordinasi aktif dengan unit eselon II dan Kantor Wilayah dalam penyusunan laporan.",
))

SKP = Skp(
    header=HEADER,
    rhk_group="A. UTAMA",
    rhk_parts=(
        RhkPart(page=1, with_header=True, objectives=RHK_1_2),
        RhkPart(page=2, with_header=True, objectives=RHK_3_4),
    ),
    behaviours=BEHAVIOURS,
    signatures=signatures("skp", 2),
)

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "85": Cell("85", False),
    "86": Cell("86", False),
    "86,5": Cell("86.5", False),
    "87,5": Cell("87.5", False),
    "3,6": Cell("3.6", False),
    "4": Cell("4", False),
    "25%": Cell("25", True),
    "50%": Cell("50", True),
    "75%": Cell("75", True),
    "98,75%": Cell("98.75", True),
    "100%": Cell("100", True),
    "3 Laporan": Cell("3", False, "Laporan"),
    "6 Laporan": Cell("6", False, "Laporan"),
    "9 Laporan": Cell("9", False, "Laporan"),
    "12 Laporan": Cell("12", False, "Laporan"),
    "Baik": Cell(None, False),
}

LAMPIRAN = Lampiran(
    page=3,
    title=LAMPIRAN_TITLE,
    resources=(
        ResourceItem(1, "412 pegawai pada unit Sekretariat Direktorat Jenderal Bea dan Cukai"),
        ResourceItem(2, "Pegawai membutuhkan peralatan kerja antara lain komputer/laptop, aplikasi SAKTI, "
                        "dan alat tulis kantor"),
        ResourceItem(3, "Jumlah Anggaran pada Sekretariat Direktorat Jenderal Bea dan Cukai sebesar "
                        "Rp1,2 triliun"),
    ),
    employees=412,
    budget_label=BUDGET_LABEL,
    budget_idr="1200000000000.00",
    accountability=(REPORTED_IN_E_PERFORMANCE,),
    period_labels=("Q1", "Q2", "Semester I", "Q3", "s.d. Q3", "Q4", "Y"),
    rows=(
        PeriodRow(1, None, IKPA, ("85", "86", "86", "86,5", "86,5", "87,5", "87,5"),
                  T("87,5", "87.5", False, None, None)),
        PeriodRow(2, None, REALISASI, ("25%", "50%", "50%", "75%", "75%", "98,75%", "98,75%"),
                  T("98,75%", "98.75", True, None, None)),
        PeriodRow(3, None, LAPORAN,
                  ("3 Laporan", "6 Laporan", "6 Laporan", "9 Laporan", "9 Laporan", "12 Laporan", "12 Laporan"),
                  T("12 Laporan", "12", False, None, None, "Laporan")),
        PeriodRow(4, None, OPINI, ("-", "4", "4", "-", "4", "-", "4"),
                  T("4 (WTP)", "4", False, None, "WTP")),
        PeriodRow(5, None, TINDAK_LANJUT, ("-", "50%", "50%", "-", "75%", "100%", "100%"),
                  T("100%", "100", True, None, None)),
        PeriodRow(6, None, PEMBINAAN, ("-", "Baik", "Baik", "-", "Baik", "Baik", "Baik"),
                  T("Baik", None, False, None, None)),
        PeriodRow(7, None, INDEKS, ("-", "-", "-", "-", "-", "3,6", "3,6"),
                  T("3,6 (skala 4)", "3.6", False, "4", "skala 4")),
        PeriodRow(8, None, PENGENDALIAN, ("100%", "100%", "100%", "100%", "100%", "100%", "100%"),
                  T("100%", "100", True, None, None)),
    ),
    consequences_page=4,
    consequences=CONSEQUENCES,
    signatures=signatures("skp_lampiran", 4),
)

DOCUMENT = DocumentSpec(
    name="djbc-setditjen-2023-skp",
    producer="weasyprint",
    unit=UNIT,
    fiscal_year=2023,
    page_count=4,
    sections=("skp", "skp_lampiran"),
    skp=SKP,
    lampiran=LAMPIRAN,
    cells=CELLS,
    landscape=True,
)
