"""PK 2023 of a DJBC regional office (fictional people, invented NIPs) with its RINCIAN
TARGET KINERJA, typed in Word (Calibri) and converted by LibreOffice. IKU codes in a
column of their own under a spanning 'Indikator Kinerja Utama' header with a numbering
row; long indicator names wrap over three and more lines; the PK table is cut inside
objective 4 and continued on page 2 under a repeated header, No and Sasaran printed again;
the rincian runs over pages 3-4, its second part without the header rows. Period labels
'TW I' .. 'TW IV', targets '24 Kegiatan', 'Baik', '97,5%', '100 (4 skala 5)'."""

from __future__ import annotations

from samples.generators.spec import (
    Cell,
    DocumentSpec,
    PeriodRow,
    PkIndicator,
    PkObjective,
    PkPart,
    PkTable,
    Rincian,
    RincianObjective,
    RincianPart,
    SignatureRow,
    Signer,
    T,
)
from samples.generators.wording import E_SIGNED

UNIT = "Kantor Wilayah Direktorat Jenderal Bea dan Cukai Jawa Tengah dan Daerah Istimewa Yogyakarta"
KAKANWIL = "Dwi Hartanto Saputro"
KAKANWIL_NIP = "197201141993021001"
DIRJEN = "Agus Setiawan Rahardjo"
DIRJEN_NIP = "196909091990011001"
DATE = "2023-01-16"
PLACE = "Semarang"
KAKANWIL_SIGNS = Signer(KAKANWIL, KAKANWIL_NIP, "NIP 197201141993021001", PLACE, DATE, E_SIGNED)
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP 196909091990011001", PLACE, DATE, E_SIGNED)

PCT100 = T("100%", "100", True, None, None)
SKALA5 = T("4,3 (skala 5)", "4.3", False, "5", "skala 5")
PCT975 = T("97,5%", "97.5", True, None, None)
PCT875 = T("87,5%", "87.5", True, None, None)
KEGIATAN = T("24 Kegiatan", "24", False, None, None, "Kegiatan")
BAIK = T("Baik", None, False, None, None)
SKALA4 = T("3,5 (skala 4)", "3.5", False, "4", "skala 4")
SKALA100 = T("93 (skala 100)", "93", False, "100", "skala 100")
SPIP = T("100 (4 skala 5)", "100", False, "5", "4 skala 5")

PK = PkTable(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2023",
        "KANTOR WILAYAH DIREKTORAT JENDERAL BEA DAN CUKAI",
        "JAWA TENGAH DAN DAERAH ISTIMEWA YOGYAKARTA",
    ),
    code_style="column",
    headers=("No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"),
    numbering=True,
    numbering_labels=("(1)", "(2)", "(3)", "(4)"),
    objectives=(
        PkObjective(
            1,
            "Penerimaan kepabeanan dan cukai yang optimal",
            (
                PkIndicator("1a-CP",
                            "Persentase realisasi penerimaan bea masuk, bea keluar, dan cukai terhadap "
                            "target yang ditetapkan dalam APBN di wilayah kerja Kantor Wilayah",
                            PCT100),
                PkIndicator("1b-N",
                            "Persentase penyelesaian piutang kepabeanan dan cukai yang telah jatuh tempo",
                            T("60%", "60", True, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Pelayanan kepabeanan dan cukai yang prima bagi pengguna jasa di wilayah kerja",
            (
                PkIndicator("2a-CP", "Indeks kepuasan pengguna jasa atas layanan kepabeanan dan cukai",
                            SKALA5),
                PkIndicator("2b-N",
                            "Persentase penyelesaian permohonan fasilitas kepabeanan dan cukai sesuai "
                            "standar waktu layanan yang ditetapkan dalam maklumat pelayanan",
                            PCT975),
            ),
        ),
        PkObjective(
            3,
            "Pengawasan kepabeanan dan cukai yang efektif untuk melindungi masyarakat dan "
            "industri dalam negeri",
            (
                PkIndicator("3a-CP",
                            "Persentase penindakan barang kena cukai ilegal yang ditindaklanjuti dengan "
                            "penyidikan atau pengenaan sanksi administrasi sesuai ketentuan",
                            PCT875),
                PkIndicator("3b-N",
                            "Jumlah operasi pasar bersama pemerintah daerah dalam rangka pemberantasan "
                            "rokok ilegal di wilayah kerja Kantor Wilayah",
                            KEGIATAN),
                PkIndicator("3c-N",
                            "Tingkat efektivitas pengawasan terhadap kawasan berikat dan gudang berikat",
                            BAIK),
            ),
        ),
        PkObjective(
            4,
            "Fasilitasi perdagangan dan dukungan industri yang efektif",
            (
                PkIndicator("4a-CP",
                            "Persentase penerima fasilitas kepabeanan yang telah dilakukan monitoring dan "
                            "evaluasi atas pemanfaatan fasilitas yang diberikan",
                            PCT100),
                PkIndicator("4b-N",
                            "Nilai manfaat ekonomi fasilitas kawasan berikat terhadap kinerja ekspor di "
                            "wilayah kerja",
                            SKALA4),
            ),
        ),
        PkObjective(
            5,
            "Organisasi dan SDM yang adaptif",
            (
                PkIndicator("5a-CP", "Persentase pegawai yang memenuhi standar jam pelatihan",
                            T("95%", "95", True, None, None)),
                PkIndicator("5b-CP",
                            "Nilai kinerja pelaksanaan anggaran satuan kerja lingkup Kantor Wilayah",
                            SKALA100),
            ),
        ),
        PkObjective(
            6,
            "Pengendalian internal yang efektif",
            (
                PkIndicator("6a-CP", "Indeks maturitas penyelenggaraan SPIP", SPIP),
                PkIndicator("6b-N",
                            "Persentase tindak lanjut rekomendasi hasil pengawasan internal yang "
                            "diselesaikan tepat waktu",
                            T("90%", "90", True, None, None)),
            ),
        ),
    ),
    parts=(
        PkPart(page=1, rows=8),
        PkPart(page=2, rows=5, repeat_header=True, repeat_objective=True),
    ),
)

# The Semarang date line stands over the right block only; by convention it dates both.
PK_SIGNATURES = SignatureRow(
    section="pk",
    page=2,
    blocks=(
        DIRJEN_SIGNS.block(None, "Direktur Jenderal Bea dan Cukai,", role="Direktur Jenderal Bea dan Cukai"),
        KAKANWIL_SIGNS.block("Semarang, 16 Januari 2023", "Kepala Kantor Wilayah,", role="Kepala Kantor Wilayah"),
    ),
)

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "Baik": Cell(None, False),
    "6 Kegiatan": Cell("6", False, "Kegiatan"),
    "12 Kegiatan": Cell("12", False, "Kegiatan"),
    "18 Kegiatan": Cell("18", False, "Kegiatan"),
    "24 Kegiatan": Cell("24", False, "Kegiatan"),
    "3,5": Cell("3.5", False),
    "4,3": Cell("4.3", False),
    "93": Cell("93", False),
    "100": Cell("100", False),
    "15%": Cell("15", True),
    "20%": Cell("20", True),
    "25%": Cell("25", True),
    "30%": Cell("30", True),
    "45%": Cell("45", True),
    "50%": Cell("50", True),
    "60%": Cell("60", True),
    "70%": Cell("70", True),
    "75%": Cell("75", True),
    "87,5%": Cell("87.5", True),
    "90%": Cell("90", True),
    "95%": Cell("95", True),
    "97,5%": Cell("97.5", True),
    "100%": Cell("100", True),
}

RINCIAN = Rincian(
    title_lines=(
        "RINCIAN TARGET KINERJA",
        "KEPALA KANTOR WILAYAH DIREKTORAT JENDERAL BEA DAN CUKAI",
        "JAWA TENGAH DAN DAERAH ISTIMEWA YOGYAKARTA",
        "TAHUN 2023",
    ),
    period_labels=("TW I", "TW II", "Smt I", "TW III", "s.d. TW III", "TW IV", "Y"),
    parts=(
        RincianPart(
            page=3,
            objectives=(
                RincianObjective(
                    1,
                    "Penerimaan kepabeanan dan cukai yang optimal",
                    (
                        PeriodRow(None, "1a-CP",
                                  "Persentase realisasi penerimaan bea masuk, bea keluar, dan cukai "
                                  "terhadap target yang ditetapkan dalam APBN di wilayah kerja Kantor Wilayah",
                                  ("20%", "45%", "45%", "70%", "70%", "100%", "100%"), PCT100),
                        PeriodRow(None, "1b-N",
                                  "Persentase penyelesaian piutang kepabeanan dan cukai yang telah jatuh tempo",
                                  ("15%", "30%", "30%", "45%", "45%", "60%", "60%"),
                                  T("60%", "60", True, None, None)),
                    ),
                ),
                RincianObjective(
                    2,
                    "Pelayanan kepabeanan dan cukai yang prima bagi pengguna jasa di wilayah kerja",
                    (
                        PeriodRow(None, "2a-CP",
                                  "Indeks kepuasan pengguna jasa atas layanan kepabeanan dan cukai",
                                  ("-", "-", "4,3", "-", "-", "4,3", "4,3"), SKALA5),
                        PeriodRow(None, "2b-N",
                                  "Persentase penyelesaian permohonan fasilitas kepabeanan dan cukai "
                                  "sesuai standar waktu layanan yang ditetapkan dalam maklumat pelayanan",
                                  ("97,5%",) * 7, PCT975),
                    ),
                ),
                RincianObjective(
                    3,
                    "Pengawasan kepabeanan dan cukai yang efektif",
                    (
                        PeriodRow(None, "3a-CP",
                                  "Persentase penindakan barang kena cukai ilegal yang ditindaklanjuti "
                                  "dengan penyidikan atau pengenaan sanksi administrasi sesuai ketentuan",
                                  ("87,5%",) * 7, PCT875),
                        PeriodRow(None, "3b-N",
                                  "Jumlah operasi pasar bersama pemerintah daerah dalam rangka "
                                  "pemberantasan rokok ilegal di wilayah kerja Kantor Wilayah",
                                  ("6 Kegiatan", "12 Kegiatan", "12 Kegiatan", "18 Kegiatan",
                                   "18 Kegiatan", "24 Kegiatan", "24 Kegiatan"), KEGIATAN),
                        PeriodRow(None, "3c-N",
                                  "Tingkat efektivitas pengawasan terhadap kawasan berikat dan gudang berikat",
                                  ("-", "-", "Baik", "-", "-", "Baik", "Baik"), BAIK),
                    ),
                ),
                RincianObjective(
                    4,
                    "Fasilitasi perdagangan dan dukungan industri yang efektif",
                    (
                        PeriodRow(None, "4a-CP",
                                  "Persentase penerima fasilitas kepabeanan yang telah dilakukan "
                                  "monitoring dan evaluasi atas pemanfaatan fasilitas yang diberikan",
                                  ("25%", "50%", "50%", "75%", "75%", "100%", "100%"), PCT100),
                        PeriodRow(None, "4b-N",
                                  "Nilai manfaat ekonomi fasilitas kawasan berikat terhadap kinerja "
                                  "ekspor di wilayah kerja",
                                  ("-", "-", "-", "-", "-", "3,5", "3,5"), SKALA4),
                    ),
                ),
            ),
        ),
        RincianPart(
            page=4,
            with_header=False,
            objectives=(
                RincianObjective(
                    5,
                    "Organisasi dan SDM yang adaptif",
                    (
                        PeriodRow(None, "5a-CP", "Persentase pegawai yang memenuhi standar jam pelatihan",
                                  ("20%", "45%", "45%", "70%", "70%", "95%", "95%"),
                                  T("95%", "95", True, None, None)),
                        PeriodRow(None, "5b-CP",
                                  "Nilai kinerja pelaksanaan anggaran satuan kerja lingkup Kantor Wilayah",
                                  ("93",) * 7, SKALA100),
                    ),
                ),
                RincianObjective(
                    6,
                    "Pengendalian internal yang efektif",
                    (
                        PeriodRow(None, "6a-CP", "Indeks maturitas penyelenggaraan SPIP",
                                  ("-", "-", "-", "-", "-", "100", "100"), SPIP),
                        PeriodRow(None, "6b-N",
                                  "Persentase tindak lanjut rekomendasi hasil pengawasan internal yang "
                                  "diselesaikan tepat waktu",
                                  ("-", "-", "90%", "-", "-", "90%", "90%"),
                                  T("90%", "90", True, None, None)),
                    ),
                ),
            ),
        ),
    ),
    signatures=SignatureRow(
        section="pk_rincian",
        page=4,
        blocks=(
            KAKANWIL_SIGNS.block("Semarang, 16 Januari 2023", "Kepala Kantor Wilayah,", role="Kepala Kantor Wilayah"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="kanwil-djbc-jateng-2023-pk",
    producer="libreoffice",
    unit=UNIT,
    fiscal_year=2023,
    page_count=4,
    sections=("pk", "pk_rincian"),
    pk=PK,
    pk_signatures=PK_SIGNATURES,
    rincian=RINCIAN,
    cells=CELLS,
)
