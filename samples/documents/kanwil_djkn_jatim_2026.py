"""RINCIAN TARGET KINERJA 2026 of a Kantor Wilayah DJKN (fictional people, invented NIP) as
a file of its own, printed from HTML on F4 paper: the period table runs on over a page
break WITHOUT its header rows, indicator names wrap over three and more lines, targets
'87,5', '62,5%', '60 Laporan', 'Baik', '-' cells, one electronic signature."""

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
from samples.generators.wording import E_SIGNED

UNIT = "Kantor Wilayah Direktorat Jenderal Kekayaan Negara Jawa Timur"
KAKANWIL = "Sri Wahyuningsih Rahayu"
KAKANWIL_NIP = "197109231997032002"

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "4": Cell("4", False),
    "4,25": Cell("4.25", False),
    "87,5": Cell("87.5", False),
    "95": Cell("95", False),
    "5%": Cell("5", True),
    "10%": Cell("10", True),
    "15%": Cell("15", True),
    "25%": Cell("25", True),
    "35%": Cell("35", True),
    "40%": Cell("40", True),
    "50%": Cell("50", True),
    "60%": Cell("60", True),
    "62,5%": Cell("62.5", True),
    "75%": Cell("75", True),
    "95%": Cell("95", True),
    "96%": Cell("96", True),
    "100%": Cell("100", True),
    "15 Laporan": Cell("15", False, "Laporan"),
    "30 Laporan": Cell("30", False, "Laporan"),
    "45 Laporan": Cell("45", False, "Laporan"),
    "60 Laporan": Cell("60", False, "Laporan"),
    "Baik": Cell(None, False),
}

PART_1 = (
    RincianObjective(
        1,
        "Optimalisasi pengelolaan kekayaan negara yang akuntabel dan berdaya guna di wilayah Jawa Timur",
        (
            PeriodRow(None, "1a-CP",
                      "Persentase permohonan penetapan status penggunaan, pemanfaatan, dan pemindahtanganan "
                      "Barang Milik Negara yang diselesaikan tepat waktu sesuai standar layanan",
                      ("25%", "50%", "50%", "75%", "75%", "100%", "100%"),
                      T("100%", "100", True, None, None)),
            PeriodRow(None, "1b-N",
                      "Rasio optimalisasi pemanfaatan Barang Milik Negara idle pada satuan kerja lingkup "
                      "wilayah kerja Kantor Wilayah terhadap total aset idle yang dilaporkan",
                      ("-", "-", "-", "-", "-", "87,5", "87,5"),
                      T("87,5", "87.5", False, None, None)),
            PeriodRow(None, "1c-N",
                      "Persentase nilai Barang Milik Negara yang telah dilakukan penilaian kembali "
                      "untuk tujuan pelaporan keuangan",
                      ("10%", "35%", "35%", "60%", "60%", "95%", "95%"),
                      T("95%", "95", True, None, None)),
        ),
    ),
    RincianObjective(
        2,
        "Pengurusan piutang negara dan pelayanan lelang yang efektif",
        (
            PeriodRow(None, "2a-CP",
                      "Persentase berkas piutang negara yang diselesaikan melalui penerbitan Surat Pernyataan "
                      "Piutang Negara Lunas dan Surat Keputusan Penyelesaian Piutang Negara",
                      ("5%", "15%", "15%", "25%", "25%", "40%", "40%"),
                      T("40%", "40", True, None, None)),
            PeriodRow(None, "2b-CP",
                      "Rasio frekuensi lelang yang laku terhadap total frekuensi lelang yang dilaksanakan "
                      "oleh Kantor Pelayanan Kekayaan Negara dan Lelang di lingkungan Kantor Wilayah",
                      ("-", "-", "-", "-", "-", "62,5%", "62,5%"),
                      T("62,5%", "62.5", True, None, None)),
        ),
    ),
)

PART_2 = (
    RincianObjective(
        3,
        "Layanan penilaian yang berkualitas dan terpercaya",
        (
            PeriodRow(None, "3a-CP", "Indeks kepuasan pengguna layanan penilaian aset",
                      ("-", "-", "-", "-", "-", "4,25", "4,25"),
                      T("4,25 (skala 5)", "4.25", False, "5", "skala 5")),
            PeriodRow(None, "3b-N",
                      "Jumlah laporan penilaian aset properti dan penilaian bisnis yang diselesaikan "
                      "sesuai Standar Penilaian Indonesia",
                      ("15 Laporan", "30 Laporan", "30 Laporan", "45 Laporan", "45 Laporan", "60 Laporan",
                       "60 Laporan"),
                      T("60 Laporan", "60", False, None, None, "Laporan")),
        ),
    ),
    RincianObjective(
        4,
        "Organisasi yang adaptif dan berintegritas",
        (
            PeriodRow(None, "4a-CP",
                      "Nilai kualitas pelaksanaan reformasi birokrasi dan pembangunan zona integritas menuju "
                      "Wilayah Birokrasi Bersih dan Melayani pada seluruh unit vertikal",
                      ("-", "-", "-", "-", "-", "Baik", "Baik"),
                      T("Baik", None, False, None, None)),
            PeriodRow(None, "4b-CP", "Tingkat kualitas pengelolaan SDM",
                      ("60%", "60%", "60%", "60%", "60%", "96%", "96%"),
                      T("96%", "96", True, None, None)),
        ),
    ),
    RincianObjective(
        5,
        "Pengelolaan anggaran yang akuntabel",
        (
            PeriodRow(None, "5a-CP",
                      "Nilai Indikator Kinerja Pelaksanaan Anggaran satuan kerja Kantor Wilayah dan Kantor "
                      "Pelayanan Kekayaan Negara dan Lelang di lingkungannya",
                      ("-", "-", "-", "-", "-", "95", "95"),
                      T("95 (skala 100)", "95", False, "100", "skala 100")),
            PeriodRow(None, "5b-N", "Opini BPK atas laporan keuangan",
                      ("-", "4", "4", "-", "4", "-", "4"),
                      T("4 (WTP)", "4", False, None, "WTP")),
        ),
    ),
)

RINCIAN = Rincian(
    title_lines=(
        "RINCIAN TARGET KINERJA",
        "KEPALA KANTOR WILAYAH DIREKTORAT JENDERAL KEKAYAAN NEGARA JAWA TIMUR",
        "TAHUN 2026",
    ),
    period_labels=("Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y"),
    parts=(
        RincianPart(page=1, objectives=PART_1),
        RincianPart(page=2, objectives=PART_2, with_header=False),
    ),
    signatures=SignatureRow(
        section="pk_rincian",
        page=2,
        blocks=(
            Signer(KAKANWIL, KAKANWIL_NIP, "NIP 19710923 199703 2 002", "Surabaya", "2026-01-05", E_SIGNED).block(
                "Surabaya, 5 Januari 2026", "Kepala Kantor Wilayah,", role="Kepala Kantor Wilayah"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="kanwil-djkn-jatim-2026-rincian",
    producer="weasyprint",
    unit=UNIT,
    fiscal_year=2026,
    page_count=2,
    sections=("pk_rincian",),
    rincian=RINCIAN,
    cells=CELLS,
    paper="F4",
)
