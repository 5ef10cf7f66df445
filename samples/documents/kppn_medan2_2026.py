"""PK 2026 of a KPPN (fictional people, invented NIPs), the PK table alone on F4 paper:
codes printed in front of the indicator names ('1a-CP Persentase ...'), names wrapping
over three and more lines, the table cut inside objective 5 and continued on page 2
without a repeated header and with the Sasaran cell left blank there."""

from __future__ import annotations

from samples.generators.spec import (
    DocumentSpec,
    PkIndicator,
    PkObjective,
    PkPart,
    PkTable,
    SignatureRow,
    Signer,
    T,
)
from samples.generators.wording import E_SIGNED

KAKANWIL = "Syahrul Effendi Nasution"
KAKANWIL_NIP = "197104231996031001"
KEPALA = "Maria Magdalena Simanjuntak"
KEPALA_NIP = "198203142003122002"
DATE = "2026-01-05"

PK = PkTable(
    page=1,
    title_lines=(
        "PERJANJIAN KINERJA TAHUN 2026",
        "KANTOR PELAYANAN PERBENDAHARAAN NEGARA MEDAN II",
    ),
    code_style="prefix",
    headers=("No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"),
    objectives=(
        PkObjective(
            1,
            "Terwujudnya layanan perbendaharaan yang prima bagi satuan kerja mitra di wilayah "
            "kerja KPPN Medan II",
            (
                PkIndicator("1a-CP",
                            "Persentase Surat Perintah Pencairan Dana (SP2D) yang diterbitkan tepat "
                            "waktu sesuai dengan standar layanan yang ditetapkan dalam maklumat "
                            "pelayanan KPPN",
                            T("100%", "100", True, None, None)),
                PkIndicator("1b-CP",
                            "Indeks kepuasan satuan kerja mitra atas kualitas layanan perbendaharaan "
                            "yang diberikan melalui layanan tatap muka maupun layanan daring KPPN",
                            T("4,6 (skala 5)", "4.6", False, "5", "skala 5")),
                PkIndicator("1c-N",
                            "Persentase satuan kerja mitra yang telah menerapkan Kartu Kredit "
                            "Pemerintah dan digipay dalam pembayaran belanja operasional sesuai "
                            "ketentuan yang berlaku",
                            T("85%", "85", True, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Terwujudnya pelaksanaan anggaran satuan kerja mitra yang berkualitas, efektif, dan "
            "akuntabel",
            (
                PkIndicator("2a-CP",
                            "Rata-rata nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) seluruh "
                            "satuan kerja mitra yang berada dalam wilayah pembayaran KPPN Medan II",
                            T("95", "95", False, None, None)),
                PkIndicator("2b-CP",
                            "Persentase penyerapan belanja modal satuan kerja mitra sampai dengan "
                            "akhir tahun anggaran dibandingkan dengan pagu belanja modal dalam DIPA",
                            T("92,5%", "92.5", True, None, None)),
                PkIndicator("2c-N",
                            "Persentase rekomendasi hasil monitoring dan evaluasi pelaksanaan "
                            "anggaran yang ditindaklanjuti oleh satuan kerja mitra dalam jangka "
                            "waktu yang ditetapkan",
                            T("80%", "80", True, None, None)),
            ),
        ),
        PkObjective(
            3,
            "Terwujudnya pengelolaan kas dan akuntansi tingkat Kuasa Bendahara Umum Negara daerah "
            "yang andal dan tepat waktu",
            (
                PkIndicator("3a-CP",
                            "Persentase ketepatan waktu penyampaian Laporan Keuangan Tingkat Kuasa "
                            "Bendahara Umum Negara beserta rekonsiliasi data transaksi penerimaan "
                            "dengan bank persepsi",
                            T("100%", "100", True, None, None)),
                PkIndicator("3b-N",
                            "Jumlah rekomendasi perbaikan kualitas data akuntansi dan pelaporan "
                            "keuangan satuan kerja mitra yang disampaikan melalui forum konsultasi "
                            "dan asistensi",
                            T("12 Rekomendasi", "12", False, None, None, "Rekomendasi")),
                PkIndicator("3c-N",
                            "Persentase selisih saldo kas antara Laporan Arus Kas Tingkat Kuasa BUN "
                            "dan rekening koran bank operasional yang dapat dijelaskan dan "
                            "diselesaikan",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            4,
            "Terwujudnya organisasi dan SDM KPPN yang adaptif dan berintegritas",
            (
                PkIndicator("4a-CP",
                            "Persentase pegawai KPPN Medan II yang telah memenuhi jam pelajaran "
                            "pengembangan kompetensi minimal sesuai ketentuan pengembangan SDM "
                            "Kementerian Keuangan",
                            T("100%", "100", True, None, None)),
                PkIndicator("4b-CP",
                            "Indeks persepsi integritas dan anti korupsi atas layanan KPPN yang "
                            "diukur melalui survei independen terhadap satuan kerja mitra dan "
                            "pemangku kepentingan",
                            T("3,75 (skala 4)", "3.75", False, "4", "skala 4")),
                PkIndicator("4c-N",
                            "Persentase penyelesaian tindak lanjut rekomendasi hasil pemeriksaan BPK "
                            "dan Inspektorat Jenderal atas KPPN Medan II dalam batas waktu yang "
                            "ditetapkan",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            5,
            "Terwujudnya pengelolaan anggaran KPPN yang efisien dan akuntabel",
            (
                PkIndicator("5a-CP",
                            "Persentase realisasi anggaran belanja KPPN Medan II terhadap pagu DIPA "
                            "dengan memperhatikan prinsip efisiensi dan efektivitas belanja "
                            "operasional",
                            T("95%", "95", True, None, None)),
                PkIndicator("5b-N",
                            "Nilai kualitas pengelolaan Barang Milik Negara pada KPPN Medan II "
                            "berdasarkan hasil evaluasi Kantor Wilayah DJPb Provinsi Sumatera Utara",
                            T("90 (skala 100)", "90", False, "100", "skala 100")),
            ),
        ),
    ),
    # page 1 is full after 5a-CP: 5b-N stays objective 5 though its Sasaran cell is blank
    parts=(
        PkPart(page=1, rows=13),
        PkPart(page=2, rows=1, repeat_header=False, repeat_objective=False),
    ),
)

# 'Medan, 5 Januari 2026' stands over the right block only; by convention it dates both.
PK_SIGNATURES = SignatureRow(
    section="pk",
    page=2,
    slots=("text", "text", "text", "mark", "name", "text"),
    blocks=(
        Signer(KAKANWIL, KAKANWIL_NIP, "NIP 197104231996031001", "Medan", DATE, E_SIGNED).block(
            None, "Kepala Kantor Wilayah DJPb", "Provinsi Sumatera Utara,",
            role="Kepala Kantor Wilayah DJPb Provinsi Sumatera Utara"),
        Signer(KEPALA, KEPALA_NIP, "NIP 198203142003122002", "Medan", DATE, E_SIGNED).block(
            "Medan, 5 Januari 2026", "Kepala KPPN Medan II,", None, role="Kepala KPPN Medan II"),
    ),
)

DOCUMENT = DocumentSpec(
    name="kppn-medan2-2026-pk",
    producer="reportlab",
    unit="Kantor Pelayanan Perbendaharaan Negara Medan II",
    fiscal_year=2026,
    page_count=2,
    sections=("pk",),
    pk=PK,
    pk_signatures=PK_SIGNATURES,
    paper="F4",
)
