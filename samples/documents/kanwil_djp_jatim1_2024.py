"""SKP 2024 of the head of a DJP regional office (fictional people, invented NIPs), SKP and
its Lampiran only, typed in Word (Arial, A4 landscape) and converted by LibreOffice. No PK
in the file, so no RHK row is matched to a PK code. Wet-ink signatures with spaced NIPs
('NIP. 19670720 199903 1 005'), the RHK table cut over two pages with its header repeated,
targets with a unit ('12 Laporan'), verbal ('Baik') and '-' period cells, period labels
'Semester I', and a Jumlah Anggaran in the 'Rp 86.415.270.000,00' form."""

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
    SKP_TITLE_PIMPINAN,
    perilaku_kerja,
    skp_header,
)

UNIT = "Kantor Wilayah Direktorat Jenderal Pajak Jawa Timur I"
KAKANWIL = "Sigit Prasetyo Nugroho"
KAKANWIL_NIP = "196707201999031005"
DIRJEN = "Hadi Kusumawardana"
DIRJEN_NIP = "196604141988031001"
DATE = "2024-01-15"
PLACE = "Jakarta"
# wet ink: the signature slot stays blank
KAKANWIL_SIGNS = Signer(KAKANWIL, KAKANWIL_NIP, "NIP. 19670720 199903 1 005", PLACE, DATE, None)
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP. 19660414 198803 1 001", PLACE, DATE, None)

ASSIGNMENT = "Penugasan dari Direktur Jenderal Pajak"

HEADER = skp_header(
    SKP_TITLE_PIMPINAN,
    2024,
    appraisee=SkpPerson(KAKANWIL, "19670720 199903 1 005", KAKANWIL_NIP, "Pembina Utama Muda (IV/c)",
                        "Kepala Kantor Wilayah", UNIT),
    appraiser=SkpPerson(DIRJEN, "19660414 198803 1 001", DIRJEN_NIP, "Pembina Utama (IV/e)",
                        "Direktur Jenderal Pajak", "Direktorat Jenderal Pajak"),
    page=1,
)

RHK_1_2 = (
    RhkObjective(
        1,
        "Penerimaan pajak di wilayah Kantor Wilayah yang optimal",
        ASSIGNMENT,
        (
            RhkIndicator("Persentase realisasi penerimaan pajak Kantor Wilayah",
                         T("100%", "100", True, None, None), PL, None),
            RhkIndicator("Persentase pertumbuhan penerimaan pajak bruto",
                         T("8,5%", "8.5", True, None, None), PL, None),
        ),
    ),
    RhkObjective(
        2,
        "Kepatuhan wajib pajak yang meningkat",
        ASSIGNMENT,
        (
            RhkIndicator("Persentase kepatuhan penyampaian SPT Tahunan PPh",
                         T("85%", "85", True, None, None), PB, None),
            RhkIndicator("Jumlah laporan hasil analisis kepatuhan wajib pajak strategis",
                         T("12 Laporan", "12", False, None, None, "Laporan"), PB, None),
        ),
    ),
)

RHK_3_5 = (
    RhkObjective(
        3,
        "Pelayanan perpajakan yang prima",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks kepuasan pengguna layanan perpajakan",
                         T("4,25 (skala 5)", "4.25", False, "5", "skala 5"), PL, None),
        ),
    ),
    RhkObjective(
        4,
        "Organisasi dan SDM yang andal",
        ASSIGNMENT,
        (
            RhkIndicator("Tingkat kualitas pengelolaan SDM",
                         T("Baik", None, False, None, None), PI, None),
            RhkIndicator("Nilai kinerja anggaran Kantor Wilayah",
                         T("92,5 (skala 100)", "92.5", False, "100", "skala 100"), PI, None),
        ),
    ),
    RhkObjective(
        5,
        "Pengawasan internal yang efektif",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks maturitas penyelenggaraan SPIP",
                         T("3,75 (skala 5)", "3.75", False, "5", "skala 5"), PI, None),
            RhkIndicator("Persentase tindak lanjut rekomendasi hasil pemeriksaan yang diselesaikan",
                         T("95%", "95", True, None, None), PI, None),
        ),
    ),
)

# The date line stands over the right block only; by convention it dates both.
SKP = Skp(
    header=HEADER,
    rhk_group="A. UTAMA",
    rhk_parts=(
        RhkPart(page=1, with_header=True, objectives=RHK_1_2),
        RhkPart(page=2, with_header=True, objectives=RHK_3_5),
    ),
    behaviours=perilaku_kerja(page=3),
    signatures=SignatureRow(
        section="skp",
        page=3,
        blocks=(
            KAKANWIL_SIGNS.block(None, "Pegawai yang Dinilai,", role="Pegawai yang Dinilai"),
            DIRJEN_SIGNS.block("Jakarta, 15 Januari 2024", "Pejabat Penilai Kinerja,", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "Baik": Cell(None, False),
    "3 Laporan": Cell("3", False, "Laporan"),
    "6 Laporan": Cell("6", False, "Laporan"),
    "9 Laporan": Cell("9", False, "Laporan"),
    "12 Laporan": Cell("12", False, "Laporan"),
    "3,75": Cell("3.75", False),
    "4,25": Cell("4.25", False),
    "90": Cell("90", False),
    "92,5": Cell("92.5", False),
    "4,25%": Cell("4.25", True),
    "8,5%": Cell("8.5", True),
    "20%": Cell("20", True),
    "25%": Cell("25", True),
    "45%": Cell("45", True),
    "50%": Cell("50", True),
    "70%": Cell("70", True),
    "75%": Cell("75", True),
    "85%": Cell("85", True),
    "95%": Cell("95", True),
    "100%": Cell("100", True),
}

LAMPIRAN = Lampiran(
    page=4,
    title=LAMPIRAN_TITLE,
    resources=(
        ResourceItem(1, "412 pegawai pada Kantor Wilayah Direktorat Jenderal Pajak Jawa Timur I"),
        ResourceItem(2, "Pegawai membutuhkan sarana dan prasarana kerja antara lain komputer, jaringan "
                        "internet, dan alat tulis kantor"),
        ResourceItem(3, "Jumlah Anggaran pada Kantor Wilayah Direktorat Jenderal Pajak Jawa Timur I sebesar "
                        "Rp 86.415.270.000,00"),
    ),
    employees=412,
    budget_label=BUDGET_LABEL,
    budget_idr="86415270000.00",
    accountability=(REPORTED_IN_E_PERFORMANCE,),
    period_labels=("Q1", "Q2", "Semester I", "Q3", "s.d. Q3", "Q4", "Y"),
    rows=(
        PeriodRow(1, None, "Persentase realisasi penerimaan pajak Kantor Wilayah",
                  ("20%", "45%", "45%", "70%", "70%", "100%", "100%"),
                  T("100%", "100", True, None, None)),
        PeriodRow(2, None, "Persentase pertumbuhan penerimaan pajak bruto",
                  ("-", "-", "4,25%", "-", "-", "-", "8,5%"),
                  T("8,5%", "8.5", True, None, None)),
        PeriodRow(3, None, "Persentase kepatuhan penyampaian SPT Tahunan PPh",
                  ("-", "70%", "70%", "-", "70%", "85%", "85%"),
                  T("85%", "85", True, None, None)),
        PeriodRow(4, None, "Jumlah laporan hasil analisis kepatuhan wajib pajak strategis",
                  ("3 Laporan", "6 Laporan", "6 Laporan", "9 Laporan", "9 Laporan", "12 Laporan", "12 Laporan"),
                  T("12 Laporan", "12", False, None, None, "Laporan")),
        PeriodRow(5, None, "Indeks kepuasan pengguna layanan perpajakan",
                  ("-", "-", "-", "-", "-", "4,25", "4,25"),
                  T("4,25 (skala 5)", "4.25", False, "5", "skala 5")),
        PeriodRow(6, None, "Tingkat kualitas pengelolaan SDM",
                  ("-", "Baik", "Baik", "-", "Baik", "Baik", "Baik"),
                  T("Baik", None, False, None, None)),
        PeriodRow(7, None, "Nilai kinerja anggaran Kantor Wilayah",
                  ("90", "90", "90", "92,5", "92,5", "92,5", "92,5"),
                  T("92,5 (skala 100)", "92.5", False, "100", "skala 100")),
        PeriodRow(8, None, "Indeks maturitas penyelenggaraan SPIP",
                  ("-", "-", "-", "-", "-", "3,75", "3,75"),
                  T("3,75 (skala 5)", "3.75", False, "5", "skala 5")),
        PeriodRow(9, None, "Persentase tindak lanjut rekomendasi hasil pemeriksaan yang diselesaikan",
                  ("25%", "50%", "50%", "75%", "75%", "95%", "95%"),
                  T("95%", "95", True, None, None)),
    ),
    consequences_page=5,
    consequences=CONSEQUENCES,
    # The date line stands over the right block only; by convention it dates both.
    signatures=SignatureRow(
        section="skp_lampiran",
        page=5,
        blocks=(
            KAKANWIL_SIGNS.block(None, "Pegawai yang Dinilai", role="Pegawai yang Dinilai"),
            DIRJEN_SIGNS.block("Jakarta, 15 Januari 2024", "Pejabat Penilai Kinerja", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="kanwil-djp-jatim1-2024-skp",
    producer="libreoffice",
    unit=UNIT,
    fiscal_year=2024,
    page_count=5,
    sections=("skp", "skp_lampiran"),
    skp=SKP,
    lampiran=LAMPIRAN,
    cells=CELLS,
    landscape=True,
)
