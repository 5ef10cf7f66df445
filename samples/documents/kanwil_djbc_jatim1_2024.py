"""Rincian Target Kinerja 2024 of a Kanwil DJBC (fictional people, invented NIP), as a
file of its own: period targets '87,5', '98,75%', '12 Laporan', 'Baik' and '-'; the
table continues on page 2 under a repeated header; one wet-ink block with a spaced NIP."""

from __future__ import annotations

from samples.generators.spec import (
    Cell,
    DocumentSpec,
    PeriodRow,
    Rincian,
    RincianObjective,
    RincianPart,
    SignatureRow,
    Signer,
    T,
)

KAKANWIL = "Agus Salim Nugroho"
KAKANWIL_NIP = "197203181997031001"

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "Baik": Cell(None, False),
    "3,5": Cell("3.5", False),
    "4,5": Cell("4.5", False),
    "87,5": Cell("87.5", False),
    "90": Cell("90", False),
    "93": Cell("93", False),
    "95": Cell("95", False),
    "3 Laporan": Cell("3", False, "Laporan"),
    "6 Laporan": Cell("6", False, "Laporan"),
    "9 Laporan": Cell("9", False, "Laporan"),
    "12 Laporan": Cell("12", False, "Laporan"),
    "15%": Cell("15", True),
    "20%": Cell("20", True),
    "22,5%": Cell("22.5", True),
    "25%": Cell("25", True),
    "40%": Cell("40", True),
    "45%": Cell("45", True),
    "47,5%": Cell("47.5", True),
    "50%": Cell("50", True),
    "60%": Cell("60", True),
    "65%": Cell("65", True),
    "70%": Cell("70", True),
    "72,5%": Cell("72.5", True),
    "75%": Cell("75", True),
    "95%": Cell("95", True),
    "98,75%": Cell("98.75", True),
    "100%": Cell("100", True),
}

PCT100 = T("100%", "100", True, None, None)

RINCIAN = Rincian(
    title_lines=(
        "RINCIAN TARGET KINERJA",
        "KEPALA KANTOR WILAYAH DIREKTORAT JENDERAL BEA DAN CUKAI JAWA TIMUR I",
        "KEMENTERIAN KEUANGAN",
        "TAHUN 2024",
    ),
    period_labels=("Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y"),
    parts=(
        RincianPart(
            page=1,
            objectives=(
                RincianObjective(
                    1,
                    "Penerimaan negara di bidang kepabeanan dan cukai yang optimal",
                    (
                        PeriodRow(None, "1a-CP", "Persentase capaian penerimaan bea masuk",
                                  ("20%", "45%", "45%", "70%", "70%", "100%", "100%"), PCT100),
                        PeriodRow(None, "1b-CP", "Persentase capaian penerimaan cukai",
                                  ("22,5%", "47,5%", "47,5%", "72,5%", "72,5%", "98,75%", "98,75%"),
                                  T("98,75%", "98.75", True, None, None)),
                        PeriodRow(None, "1c-N", "Indeks efektivitas penagihan piutang kepabeanan dan cukai",
                                  ("-", "-", "-", "-", "-", "87,5", "87,5"),
                                  T("87,5", "87.5", False, None, None)),
                        PeriodRow(None, "1d-N",
                                  "Persentase penyelesaian keberatan kepabeanan dan cukai tepat waktu",
                                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"), PCT100),
                    ),
                ),
                RincianObjective(
                    2,
                    "Pengawasan kepabeanan dan cukai yang efektif",
                    (
                        PeriodRow(None, "2a-CP", "Persentase penindakan yang ditindaklanjuti dengan penyidikan",
                                  ("-", "-", "50%", "-", "60%", "-", "75%"),
                                  T("75%", "75", True, None, None)),
                        PeriodRow(None, "2b-N", "Jumlah laporan hasil analisis intelijen yang disampaikan",
                                  ("3 Laporan", "6 Laporan", "6 Laporan", "9 Laporan", "9 Laporan",
                                   "12 Laporan", "12 Laporan"),
                                  T("12 Laporan", "12", False, None, None, "Laporan")),
                        PeriodRow(None, "2c-N",
                                  "Persentase pengawasan barang kena cukai yang berbasis manajemen risiko",
                                  ("25%", "50%", "50%", "75%", "75%", "100%", "100%"), PCT100),
                    ),
                ),
                RincianObjective(
                    3,
                    "Layanan kepabeanan dan cukai yang prima",
                    (
                        PeriodRow(None, "3a-CP", "Indeks kepuasan pengguna layanan",
                                  ("-", "-", "-", "-", "-", "4,5", "4,5"),
                                  T("4,5 (skala 5)", "4.5", False, "5", "skala 5")),
                        PeriodRow(None, "3b-N", "Predikat evaluasi akuntabilitas kinerja unit vertikal",
                                  ("-", "-", "-", "-", "-", "Baik", "Baik"),
                                  T("Baik", None, False, None, None)),
                        PeriodRow(None, "3c-N", "Persentase layanan yang diselesaikan sesuai standar waktu",
                                  ("95%", "95%", "95%", "95%", "95%", "95%", "95%"),
                                  T("95%", "95", True, None, None)),
                    ),
                ),
                RincianObjective(
                    4,
                    "Organisasi dan SDM yang andal",
                    (
                        PeriodRow(None, "4a-CP", "Persentase pegawai yang memenuhi standar jam pelatihan",
                                  ("25%", "50%", "50%", "75%", "75%", "100%", "100%"), PCT100),
                        PeriodRow(None, "4b-CP", "Tingkat implementasi manajemen risiko",
                                  ("-", "-", "-", "-", "-", "3,5", "3,5"),
                                  T("3,5 (skala 4)", "3.5", False, "4", "skala 4")),
                    ),
                ),
                RincianObjective(
                    5,
                    "Pengelolaan anggaran yang akuntabel",
                    (
                        PeriodRow(None, "5a-CP", "Nilai kinerja pelaksanaan anggaran",
                                  ("90", "90", "90", "93", "93", "95", "95"),
                                  T("95", "95", False, None, None)),
                        PeriodRow(None, "5b-N", "Persentase realisasi anggaran",
                                  ("15%", "40%", "40%", "65%", "65%", "95%", "95%"),
                                  T("95%", "95", True, None, None)),
                    ),
                ),
                RincianObjective(
                    6,
                    "Fasilitas kepabeanan yang tepat sasaran dan mendorong daya saing industri",
                    (
                        PeriodRow(None, "6a-CP",
                                  "Persentase penerima fasilitas kawasan berikat yang dimonitor dan dievaluasi",
                                  ("25%", "50%", "50%", "75%", "75%", "100%", "100%"), PCT100),
                        PeriodRow(None, "6b-N", "Jumlah laporan kajian dampak ekonomi pemberian fasilitas",
                                  ("-", "-", "-", "-", "-", "12 Laporan", "12 Laporan"),
                                  T("12 Laporan", "12", False, None, None, "Laporan")),
                        PeriodRow(None, "6c-N", "Persentase perizinan fasilitas yang diterbitkan tepat waktu",
                                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"), PCT100),
                    ),
                ),
            ),
        ),
        RincianPart(
            page=2,
            with_header=True,
            objectives=(
                RincianObjective(
                    7,
                    "Kepatuhan pengguna jasa yang meningkat",
                    (
                        PeriodRow(None, "7a-CP", "Persentase audit kepabeanan dan cukai yang diselesaikan tepat waktu",
                                  ("20%", "45%", "45%", "70%", "70%", "98,75%", "98,75%"),
                                  T("98,75%", "98.75", True, None, None)),
                        PeriodRow(None, "7b-N", "Tingkat kepatuhan pengguna jasa kepabeanan",
                                  ("-", "-", "-", "-", "-", "87,5", "87,5"),
                                  T("87,5", "87.5", False, None, None)),
                    ),
                ),
                RincianObjective(
                    8,
                    "Sinergi dan kolaborasi antar instansi yang efektif",
                    (
                        PeriodRow(None, "8a-N", "Jumlah laporan kegiatan operasi bersama dengan instansi terkait",
                                  ("3 Laporan", "6 Laporan", "6 Laporan", "9 Laporan", "9 Laporan",
                                   "12 Laporan", "12 Laporan"),
                                  T("12 Laporan", "12", False, None, None, "Laporan")),
                        PeriodRow(None, "8b-N", "Kualitas pelaksanaan joint program dengan DJP",
                                  ("-", "-", "Baik", "-", "Baik", "-", "Baik"),
                                  T("Baik", None, False, None, None)),
                    ),
                ),
            ),
        ),
    ),
    signatures=SignatureRow(
        section="pk_rincian",
        page=2,
        blocks=(
            # wet ink: the signature slot stays blank
            Signer(KAKANWIL, KAKANWIL_NIP, "NIP 19720318 199703 1 001", "Sidoarjo", "2024-01-03", None).block(
                "Sidoarjo, 3 Januari 2024", "Kepala Kantor Wilayah,", role="Kepala Kantor Wilayah"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="kanwil-djbc-jatim1-2024-rincian",
    producer="reportlab",
    unit="Kantor Wilayah Direktorat Jenderal Bea dan Cukai Jawa Timur I",
    fiscal_year=2024,
    page_count=2,
    sections=("pk_rincian",),
    rincian=RINCIAN,
    cells=CELLS,
)
