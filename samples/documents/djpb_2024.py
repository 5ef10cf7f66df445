"""The DJPb 2024 PK + SKP (seed ../shared/seed/djpb-2024-pk-skp.txt (beside the checkout)), typed by hand.

Every printed string is copied from the seed, spelling drift included (``BA015`` /
``BA 015``, ``penyelanggaraan``, ``Perbendaharaan yang optimal``, ``Pelaksanaan tugas
khusus``, ``(Skala 5)``); every meaning next to it is written out literally.
"""

from __future__ import annotations

from dataclasses import replace

from samples.generators.spec import (
    Activity,
    BudgetTable,
    Cell,
    DocumentSpec,
    Lampiran,
    PeriodRow,
    PkIndicator,
    PkObjective,
    PkTable,
    Program,
    ResourceItem,
    RhkIndicator,
    RhkObjective,
    RhkPart,
    Rincian,
    RincianObjective,
    RincianPart,
    SignatureRow,
    Signer,
    Skp,
    SkpPerson,
    T,
)
from samples.generators.wording import (
    BUDGET_LABEL,
    CONSEQUENCES,
    E_SIGNED,
    EQUIPMENT,
    LAMPIRAN_TITLE,
    PB,
    PI,
    PL,
    REPORTED_QUARTERLY,
    SKP_TITLE_PIMPINAN,
    perilaku_kerja,
    skp_header,
)

DIRJEN = "Astera Primanto Bhakti"
DIRJEN_NIP = "196801201992011003"
MENKEU = "Sri Mulyani Indrawati"
DATE = "2024-01-30"
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP 196801201992011003", "Jakarta", DATE, E_SIGNED)
MENKEU_SIGNS = Signer(MENKEU, None, None, "Jakarta", DATE, E_SIGNED)

# ------------------------------------------------------------------ PK (page 1)

PK = PkTable(
    page=1,
    objectives=(
        PkObjective(
            1,
            "Pengelolaan keuangan negara yang akuntabel dalam mendukung akselerasi transformasi "
            "ekonomi untuk mewujudkan perekonomian yang produktif, kompetitif, inklusif, "
            "berkelanjutan, dan berkeadilan",
            (
                PkIndicator("1a-CP", "Tingkat efektivitas kerja sama keuangan internasional",
                            T("100%", "100", True, None, None)),
                PkIndicator("1b-CP", "Tingkat kepuasan stakeholder dan pengguna layanan",
                            T("100%", "100", True, None, None)),
                PkIndicator("1c-CP", "Indeks integritas organisasi",
                            T("100", "100", False, None, None)),
            ),
        ),
        PkObjective(
            2,
            "Perbendaharaan negara yang optimal",
            (
                PkIndicator("2a-CP", "Indeks optimalisasi kas terhadap bunga utang",
                            T("3,25 (skala 4)", "3.25", False, "4", "skala 4")),
                PkIndicator("2b-CP", "Indeks opini BPK atas LKPP dan BUN",
                            T("4 (WTP)", "4", False, None, "WTP")),
            ),
        ),
        PkObjective(
            3,
            "Belanja negara yang berkualitas",
            (
                PkIndicator("3a-CP", "Indeks efektivitas kebijakan belanja negara",
                            T("85", "85", False, None, None)),
                PkIndicator("3b-CP",
                            "Indeks efektivitas kebijakan perbendaharaan, kekayaan negara dan risiko",
                            T("100", "100", False, None, None)),
                PkIndicator("3c-CP", "Nilai kualitas pelaksanaan anggaran K/L",
                            T("90", "90", False, None, None)),
            ),
        ),
        PkObjective(
            4,
            "Pengelolaan kas, pembiayaan, aset dan investasi yang optimal",
            (
                PkIndicator("4a-CP", "Tingkat keberhasilan inklusi sektor keuangan",
                            T("100%", "100", True, None, None)),
                PkIndicator("4b-N",
                            "Indeks efektivitas investasi pemerintah pada BA 999.03, BA 999.04, "
                            "dan BA 999.07",
                            T("4 (skala 5)", "4", False, "5", "skala 5")),
                PkIndicator("4c-N", "Tingkat efektivitas implementasi Kemenkeu Kewilayahan",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            5,
            "Penguatan tata kelola dan budaya kerja dalam ekosistem kolaboratif",
            (
                PkIndicator("5a-N",
                            "Tingkat implementasi penajaman tugas Treasury, Regional Economist "
                            "dan Financial Advisory",
                            T("80%", "80", True, None, None)),
                PkIndicator("5b-N",
                            "Tingkat implementasi standardisasi kompetensi Pengelola Perbendaharaan",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            6,
            "Pencapaian tugas khusus (special mission) yang efektif",
            (
                PkIndicator("6a-CP", "Indeks efektivitas kinerja dan maturitas tata kelola BLU",
                            T("100", "100", False, None, None)),
                PkIndicator("6b-N", "Indeks kemandirian BLU",
                            T("4 (Skala 5)", "4", False, "5", "Skala 5")),
            ),
        ),
        PkObjective(
            7,
            "Pengelolaan organisasi, SDM dan IT yang adaptif",
            (
                PkIndicator("7a-CP", "Nilai evaluasi organisasi",
                            T("100", "100", False, None, None)),
                PkIndicator("7b-CP", "Tingkat kualitas pengelolaan SDM",
                            T("96%", "96", True, None, None)),
                PkIndicator("7c-CP", "Tingkat kualitas pengelolaan TIK",
                            T("100%", "100", True, None, None)),
            ),
        ),
        PkObjective(
            8,
            "Pengelolaan keuangan yang akuntabel",
            (
                PkIndicator("8a-CP", "Indeks kualitas pengelolaan Keuangan BA 015",
                            T("100", "100", False, None, None)),
            ),
        ),
        PkObjective(
            9,
            "Pengawasan dan pengendalian internal yang efektif",
            (
                PkIndicator("9a-CP", "Indeks maturitas penyelenggaraan SPIP",
                            T("100 (4 skala 5)", "100", False, "5", "4 skala 5")),
            ),
        ),
    ),
)

# ------------------------------------------------------------------ budget (page 2)

BUDGET = BudgetTable(
    page=2,
    heading="Program/Kegiatan Tahun 2024",
    programs=(
        Program(
            1,
            "Program Pengelolaan Perbendaharaan, Kekayaan Negara dan Risiko",
            "Rp. 79.534.353.000",
            "79534353000.00",
            (
                Activity("a", "Komunikasi, Edukasi, dan Standardisasi",
                         "Rp. 37.556.065.000", "37556065000.00"),
                Activity("b", "Monev Perbendaharaan, Kekayaan Negara, dan Risiko",
                         "Rp. 15.498.509.000", "15498509000.00"),
                Activity("c", "Pengelolaan kas dan Pembiayaan Negara",
                         "Rp. 1.750.417.000", "1750417000.00"),
                Activity("d", "Penyelenggaraan Akuntansi dan Pelaporan Keuangan Negara",
                         "Rp. 3.510.063.000", "3510063000.00"),
                Activity("e", "Perumusan Kebijakan dan Keputusan Administratif",
                         "Rp. 9.024.039.000", "9024039000.00"),
                Activity("f", "Komunikasi, Edukasi, dan Standardisasi",
                         "Rp. 891.780.000", "891780000.00"),
                Activity("g", "Monev Perbendaharaan, Kekayaan Negara, dan Risiko",
                         "Rp. 6.680.662.000", "6680662000.00"),
                Activity("h", "Pengelolaan kas dan Pembiayaan Negara",
                         "Rp. 4.406.059.000", "4406059000.00"),
                Activity("i", "Penyelenggaraan Akuntansi dan Pelaporan Keuangan Negara",
                         "Rp. 33.984.000", "33984000.00"),
                Activity("j", "Perumusan Kebijakan dan Keputusan Administratif",
                         "Rp. 172.775.000", "172775000.00"),
            ),
        ),
        Program(
            2,
            "Program Dukungan Manajemen",
            "Rp. 7.235.932.585.000",
            "7235932585000.00",
            (
                Activity("a", "Legislasi dan Litigasi",
                         "Rp. 193.400.000", "193400000.00"),
                Activity("b", "Pengelolaan Keuangan, BMN, dan Umum",
                         "Rp. 628.697.231.000", "628697231000.00"),
                Activity("c", "Pengelolaan Keuangan, BMN, dan Umum (PIP)",
                         "Rp. 7.477.861.000", "7477861000.00"),
                Activity("d", "Pengelolaan Keuangan, BMN, dan Umum (BPDLH)",
                         "Rp. 9.824.949.000", "9824949000.00"),
                Activity("e", "Pengelolaan komunikasi dan informasi publik",
                         "Rp. 7.503.200.000", "7503200000.00"),
                Activity("f", "Pengelolaan Organisasi dan SDM",
                         "Rp. 144.542.921.000", "144542921000.00"),
                Activity("g", "Pengelolaan Organisasi dan SDM (PIP)",
                         "Rp. 41.206.921.000", "41206921000.00"),
                Activity("h", "Pengelolaan Organisasi dan SDM (BPDLH)",
                         "Rp. 33.394.068.000", "33394068000.00"),
                Activity("i", "Pengelolaan komunikasi dan informasi publik (BPDLH)",
                         "Rp. 2.515.404.000", "2515404000.00"),
                Activity("j", "Pengelolaan Keuangan, BMN, dan Umum (BPDPKS)",
                         "Rp. 25.118.306.000", "25118306000.00"),
                Activity("k", "Pengelolaan Organisasi dan SDM (BPDPKS)",
                         "Rp. 74.554.227.000", "74554227000.00"),
                Activity("l", "Pengelolaan Sistem Informasi dan Teknologi",
                         "Rp. 468.874.212.000", "468874212000.00"),
                Activity("m", "Pengelolaan Sistem Informasi dan Teknologi (PIP)",
                         "Rp. 400.000.000", "400000000.00"),
                Activity("n", "Pengelolaan Sistem Informasi dan Teknologi (BPDLH)",
                         "Rp. 157.300.000", "157300000.00"),
                Activity("o", "Pengelolaan Sistem Informasi dan Teknologi (BPDPKS)",
                         "Rp. 2.609.287.000", "2609287000.00"),
                Activity("p", "Pengelolaan Risiko, Pengendalian, dan Pengawasan Internal",
                         "Rp. 1.274.699.000", "1274699000.00"),
                Activity("q", "Pengelolaan Risiko, Pengendalian, dan Pengawasan Internal (PIP)",
                         "Rp. 438.476.000", "438476000.00"),
                Activity("r", "Pengelolaan Risiko, Pengendalian, dan Pengawasan Internal (BPDLH)",
                         "Rp. 760.005.000", "760005000.00"),
                Activity("s", "Pengelolaan Risiko, Pengendalian, dan Pengawasan Internal (BPDPKS)",
                         "Rp. 1.718.180.000", "1718180000.00"),
                Activity("t", "Pelaksanaan Tugas Khusus (Special Mission) BPDPKS",
                         "Rp. 5.733.450.257.000", "5733450257000.00"),
                Activity("u", "Pelaksanaan Tugas Khusus (Special Mission) PIP",
                         "Rp. 23.292.042.000", "23292042000.00"),
                Activity("v", "Pelaksanaan Tugas Khusus (Special Mission) BPDLH",
                         "Rp. 22.951.513.000", "22951513000.00"),
                Activity("w", "Pelaksanaan Tugas Khusus (Special Mission) BPP",
                         "Rp. 8.978.126.000", "8978126000.00"),
            ),
        ),
    ),
)

# The Jakarta date line stands over the right block only; by convention it dates both.
PK_SIGNATURES = SignatureRow(
    section="pk",
    page=2,
    blocks=(
        MENKEU_SIGNS.block(None, "Menteri Keuangan,", role="Menteri Keuangan"),
        DIRJEN_SIGNS.block("Jakarta, 30 Januari 2024", "Direktur Jenderal Perbendaharaan,",
                           role="Direktur Jenderal Perbendaharaan"),
    ),
)

# ------------------------------------------------------------------ rincian (pages 3-4)

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "3,25": Cell("3.25", False),
    "4": Cell("4", False),
    "85": Cell("85", False),
    "90": Cell("90", False),
    "100": Cell("100", False),
    "15,91%": Cell("15.91", True),
    "20%": Cell("20", True),
    "25%": Cell("25", True),
    "45%": Cell("45", True),
    "45,45%": Cell("45.45", True),
    "50%": Cell("50", True),
    "60%": Cell("60", True),
    "65%": Cell("65", True),
    "68,18%": Cell("68.18", True),
    "70%": Cell("70", True),
    "80%": Cell("80", True),
    "96%": Cell("96", True),
    "100%": Cell("100", True),
}

RINCIAN = Rincian(
    title_lines=(
        "RINCIAN TARGET KINERJA",
        "DIREKTUR JENDERAL PERBENDAHARAAN",
        "KEMENTERIAN KEUANGAN",
        "TAHUN 2024",
    ),
    period_labels=("Q1", "Q2", "Smt 1", "Q3", "s.d. Q3", "Q4", "Y"),
    parts=(
        RincianPart(
            page=3,
            objectives=(
                RincianObjective(
                    1,
                    "Pengelolaan keuangan negara yang akuntabel dalam mendukung akselerasi "
                    "transformasi ekonomi untuk mewujudkan perekonomian yang produktif, kompetitif, "
                    "inklusif, berkelanjutan, dan berkeadilan",
                    (
                        PeriodRow(None, "1a-CP", "Tingkat efektivitas kerja sama keuangan internasional",
                                  ("-", "-", "-", "-", "-", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                        PeriodRow(None, "1b-CP", "Tingkat kepuasan stakeholder dan pengguna layanan",
                                  ("20%", "50%", "50%", "70%", "70%", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                        PeriodRow(None, "1c-CP", "Indeks integritas organisasi",
                                  ("-", "-", "-", "-", "-", "100", "100"),
                                  T("100", "100", False, None, None)),
                    ),
                ),
                RincianObjective(
                    2,
                    "Perbendaharaan yang optimal",
                    (
                        PeriodRow(None, "2a-CP", "Indeks optimalisasi kas terhadap bunga utang",
                                  ("3,25", "3,25", "3,25", "3,25", "3,25", "3,25", "3,25"),
                                  T("3,25 (skala 4)", "3.25", False, "4", "skala 4")),
                        PeriodRow(None, "2b-CP", "Indeks opini BPK atas LKPP dan BUN",
                                  ("-", "4", "4", "-", "4", "-", "4"),
                                  T("4 (WTP)", "4", False, None, "WTP")),
                    ),
                ),
                RincianObjective(
                    3,
                    "Belanja negara yang berkualitas",
                    (
                        PeriodRow(None, "3a-CP", "Indeks efektivitas kebijakan belanja negara",
                                  ("-", "-", "-", "-", "-", "85", "85"),
                                  T("85", "85", False, None, None)),
                        PeriodRow(None, "3b-CP",
                                  "Indeks efektivitas kebijakan perbendaharaan, kekayaan negara dan risiko",
                                  ("-", "-", "-", "-", "-", "100", "100"),
                                  T("100", "100", False, None, None)),
                        PeriodRow(None, "3c-CP", "Nilai kualitas pelaksanaan anggaran K/L",
                                  ("90", "90", "90", "90", "90", "90", "90"),
                                  T("90", "90", False, None, None)),
                    ),
                ),
                RincianObjective(
                    4,
                    "Pengelolaan kas, pembiayaan, aset dan investasi yang optimal",
                    (
                        PeriodRow(None, "4a-CP", "Tingkat keberhasilan inklusi sektor keuangan",
                                  ("15,91%", "45,45%", "45,45%", "68,18%", "68,18%", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                        PeriodRow(None, "4b-N",
                                  "Indeks efektivitas investasi pemerintah pada BA 999.03, BA 999.04, "
                                  "dan BA 999.07",
                                  ("-", "4", "4", "-", "4", "4", "4"),
                                  T("4 (skala 5)", "4", False, "5", "skala 5")),
                        PeriodRow(None, "4c-N", "Tingkat efektivitas implementasi Kemenkeu Kewilayahan",
                                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                    ),
                ),
                RincianObjective(
                    5,
                    "Penguatan tata kelola dan budaya kerja dalam ekosistem kolaboratif",
                    (
                        PeriodRow(None, "5a-N",
                                  "Tingkat implementasi penajaman tugas Treasury, Regional Economist "
                                  "dan Financial Advisory",
                                  ("80%", "80%", "80%", "80%", "80%", "80%", "80%"),
                                  T("80%", "80", True, None, None)),
                        PeriodRow(None, "5b-N",
                                  "Tingkat implementasi standardisasi kompetensi Pengelola Perbendaharaan",
                                  ("25%", "45%", "45%", "65%", "65%", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                    ),
                ),
                RincianObjective(
                    6,
                    "Pelaksanaan tugas khusus (special mission) yang efektif",
                    (
                        PeriodRow(None, "6a-CP", "Indeks efektivitas kinerja dan maturitas tata kelola BLU",
                                  ("100", "100", "100", "100", "100", "100", "100"),
                                  T("100", "100", False, None, None)),
                        PeriodRow(None, "6b-N", "Indeks kemandirian BLU",
                                  ("4", "4", "4", "4", "4", "4", "4"),
                                  T("4 (skala 5)", "4", False, "5", "skala 5")),
                    ),
                ),
            ),
        ),
        RincianPart(
            page=4,
            objectives=(
                RincianObjective(
                    7,
                    "Pengelolaan organisasi, SDM dan IT yang adaptif",
                    (
                        PeriodRow(None, "7a-CP", "Nilai evaluasi organisasi",
                                  ("-", "-", "-", "-", "-", "100", "100"),
                                  T("100", "100", False, None, None)),
                        PeriodRow(None, "7b-CP", "Tingkat kualitas pengelolaan SDM",
                                  ("60%", "60%", "60%", "60%", "60%", "96%", "96%"),
                                  T("96%", "96", True, None, None)),
                        PeriodRow(None, "7c-CP", "Tingkat kualitas pengelolaan TIK",
                                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"),
                                  T("100%", "100", True, None, None)),
                    ),
                ),
                RincianObjective(
                    8,
                    "Pengelolaan keuangan yang akuntabel",
                    (
                        PeriodRow(None, "8a-CP", "Indeks kualitas pengelolaan Keuangan BA015",
                                  ("100", "100", "100", "100", "100", "100", "100"),
                                  T("100", "100", False, None, None)),
                    ),
                ),
                RincianObjective(
                    9,
                    "Pengawasan dan pengendalian internal yang efektif",
                    (
                        PeriodRow(None, "9a-CP", "Indeks maturitas penyelenggaraan SPIP",
                                  ("-", "-", "-", "-", "-", "100", "100"),
                                  T("100 (4 skala 5)", "100", False, "5", "4 skala 5")),
                    ),
                ),
            ),
        ),
    ),
    signatures=SignatureRow(
        section="pk_rincian",
        page=4,
        blocks=(DIRJEN_SIGNS.block("Jakarta, 30 Januari 2024", "Direktur Jenderal,", role="Direktur Jenderal"),),
    ),
)

# ------------------------------------------------------------------ SKP (pages 5-6)

ASSIGNMENT = "Penugasan dari Menteri Keuangan"

SKP_HEADER = skp_header(
    SKP_TITLE_PIMPINAN,
    2024,
    appraisee=SkpPerson(DIRJEN, "196801201992011003", DIRJEN_NIP, "Pembina Utama (IV/e)", "Direktur Jenderal",
                        "Direktorat Jenderal Perbendaharaan, Kementerian Keuangan"),
    appraiser=SkpPerson(MENKEU, "-", None, None, "Menteri Keuangan", "Kementerian Keuangan"),
    page=5,
)

RHK_1_7 = (
    RhkObjective(
        1,
        "Pengelolaan keuangan negara yang akuntabel dalam mendukung akselerasi transformasi "
        "ekonomi untuk mewujudkan perekonomian yang produktif, kompetitif, inklusif, "
        "berkelanjutan, dan berkeadilan",
        ASSIGNMENT,
        (
            RhkIndicator("Tingkat efektivitas kerja sama keuangan internasional",
                         T("100%", "100", True, None, None), PL, "1a-CP"),
            RhkIndicator("Tingkat kepuasan stakeholder dan pengguna layanan",
                         T("100%", "100", True, None, None), PL, "1b-CP"),
            RhkIndicator("Indeks integritas organisasi",
                         T("100", "100", False, None, None), PL, "1c-CP"),
        ),
    ),
    RhkObjective(
        2,
        "Perbendaharaan negara yang optimal",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks optimalisasi kas terhadap bunga utang",
                         T("3,25 (skala 4)", "3.25", False, "4", "skala 4"), PL, "2a-CP"),
            RhkIndicator("Indeks opini BPK atas LKPP dan BUN",
                         T("4 (WTP)", "4", False, None, "WTP"), PL, "2b-CP"),
        ),
    ),
    RhkObjective(
        3,
        "Belanja negara yang berkualitas",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks efektivitas kebijakan belanja negara",
                         T("85", "85", False, None, None), PL, "3a-CP"),
            RhkIndicator("Indeks efektivitas kebijakan perbendaharaan, kekayaan negara dan risiko",
                         T("100", "100", False, None, None), PL, "3b-CP"),
            RhkIndicator("Nilai kualitas pelaksanaan anggaran K/L",
                         T("90", "90", False, None, None), PL, "3c-CP"),
        ),
    ),
    RhkObjective(
        4,
        "Pengelolaan kas, pembiayaan, aset dan investasi yang optimal",
        ASSIGNMENT,
        (
            RhkIndicator("Tingkat keberhasilan inklusi sektor keuangan",
                         T("100%", "100", True, None, None), PB, "4a-CP"),
            RhkIndicator("Indeks efektivitas investasi pemerintah pada BA 999.03, BA 999.04, "
                         "dan BA 999.07",
                         T("4 (skala 5)", "4", False, "5", "skala 5"), PB, "4b-N"),
            RhkIndicator("Tingkat efektivitas implementasi Kemenkeu Kewilayahan",
                         T("100%", "100", True, None, None), PB, "4c-N"),
        ),
    ),
    RhkObjective(
        5,
        "Penguatan tata kelola dan budaya kerja dalam ekosistem kolaboratif",
        ASSIGNMENT,
        (
            RhkIndicator("Tingkat implementasi penajaman tugas Treasury, Regional Economist "
                         "dan Financial Advisory",
                         T("80%", "80", True, None, None), PB, "5a-N"),
            RhkIndicator("Tingkat implementasi standardisasi kompetensi Pengelola Perbendaharaan",
                         T("100%", "100", True, None, None), PB, "5b-N"),
        ),
    ),
    RhkObjective(
        6,
        "Pencapaian tugas khusus (special mission) yang efektif",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks efektivitas kinerja dan maturitas tata kelola BLU",
                         T("100", "100", False, None, None), PB, "6a-CP"),
            RhkIndicator("Indeks kemandirian BLU",
                         T("4 (skala 5)", "4", False, "5", "skala 5"), PB, "6b-N"),
        ),
    ),
    RhkObjective(
        7,
        "Pengelolaan organisasi, SDM dan IT yang adaptif",
        ASSIGNMENT,
        (
            RhkIndicator("Nilai evaluasi organisasi",
                         T("100", "100", False, None, None), PI, "7a-CP"),
            RhkIndicator("Tingkat kualitas pengelolaan SDM",
                         T("96%", "96", True, None, None), PI, "7b-CP"),
            RhkIndicator("Tingkat kualitas pengelolaan TIK",
                         T("100%", "100", True, None, None), PI, "7c-CP"),
        ),
    ),
)

RHK_8_9 = (
    RhkObjective(
        8,
        "Pengelolaan keuangan yang akuntabel",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks kualitas pengelolaan Keuangan BA015",
                         T("100", "100", False, None, None), PI, "8a-CP"),
        ),
    ),
    RhkObjective(
        9,
        "Pengawasan dan pengendalian internal yang efektif",
        ASSIGNMENT,
        (
            RhkIndicator("Indeks maturitas penyelenggaraan SPIP",
                         T("100 (4 skala 5)", "100", False, "5", "4 skala 5"), PI, "9a-CP"),
        ),
    ),
)

# The SKP signers date without a place.
DIRJEN_SKP = replace(DIRJEN_SIGNS, place=None)
MENKEU_SKP = replace(MENKEU_SIGNS, place=None)

# '30 Januari 2024' stands over the left block only; by convention it dates both.
SKP = Skp(
    header=SKP_HEADER,
    rhk_group="A. UTAMA",
    rhk_parts=(
        RhkPart(page=5, with_header=True, objectives=RHK_1_7),
        RhkPart(page=6, with_header=False, objectives=RHK_8_9),
    ),
    behaviours=perilaku_kerja(page=6),
    signatures=SignatureRow(
        section="skp",
        page=6,
        blocks=(
            DIRJEN_SKP.block("30 Januari 2024", "Pegawai yang dinilai,", role="Pegawai yang dinilai"),
            MENKEU_SKP.block(None, "Pejabat Penilai Kinerja,", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

# ------------------------------------------------------------------ lampiran (pages 7-8)

LAMPIRAN = Lampiran(
    page=7,
    title=LAMPIRAN_TITLE,
    resources=(
        ResourceItem(1, "6514 pegawai pada unit Direktorat Jenderal Perbendaharaan"),
        ResourceItem(2, EQUIPMENT),
        ResourceItem(3, "Jumlah Anggaran pada Direktorat Jenderal Perbendaharaan sebesar "
                        "Rp 7.315.466.938.000"),
    ),
    employees=6514,
    budget_label=BUDGET_LABEL,
    budget_idr="7315466938000.00",
    accountability=(REPORTED_QUARTERLY,),
    period_labels=("Q1", "Q2", "Smt.1", "Q3", "s.d.Q3", "Q4", "Y"),
    rows=(
        PeriodRow(1, None, "Tingkat efektivitas kerja sama keuangan internasional",
                  ("-", "-", "-", "-", "-", "100%", "100%"),
                  T("100%", "100", True, None, None), "1a-CP"),
        PeriodRow(2, None, "Tingkat kepuasan stakeholder dan pengguna layanan",
                  ("20%", "50%", "50%", "70%", "70%", "100%", "100%"),
                  T("100%", "100", True, None, None), "1b-CP"),
        PeriodRow(3, None, "Indeks integritas organisasi",
                  ("-", "-", "-", "-", "-", "100", "100"),
                  T("100", "100", False, None, None), "1c-CP"),
        PeriodRow(4, None, "Indeks optimalisasi kas terhadap bunga utang",
                  ("3,25", "3,25", "3,25", "3,25", "3,25", "3,25", "3,25"),
                  T("3,25 (skala 4)", "3.25", False, "4", "skala 4"), "2a-CP"),
        PeriodRow(5, None, "Indeks opini BPK atas LKPP dan BUN",
                  ("-", "4", "4", "-", "4", "-", "4"),
                  T("4 (WTP)", "4", False, None, "WTP"), "2b-CP"),
        PeriodRow(6, None, "Indeks efektivitas kebijakan belanja negara",
                  ("-", "-", "-", "-", "-", "85", "85"),
                  T("85", "85", False, None, None), "3a-CP"),
        PeriodRow(7, None, "Indeks efektivitas kebijakan perbendaharaan, kekayaan negara dan risiko",
                  ("-", "-", "-", "-", "-", "100", "100"),
                  T("100", "100", False, None, None), "3b-CP"),
        PeriodRow(8, None, "Nilai kualitas pelaksanaan anggaran K/L",
                  ("90", "90", "90", "90", "90", "90", "90"),
                  T("90", "90", False, None, None), "3c-CP"),
        PeriodRow(9, None, "Tingkat keberhasilan inklusi sektor keuangan",
                  ("15,91%", "45,45%", "45,45%", "68,18%", "68,18%", "100%", "100%"),
                  T("100%", "100", True, None, None), "4a-CP"),
        PeriodRow(10, None, "Indeks efektivitas investasi pemerintah pada BA 999.03, BA 999.04, "
                            "dan BA 999.07",
                  ("-", "4", "4", "-", "4", "4", "4"),
                  T("4 (skala 5)", "4", False, "5", "skala 5"), "4b-N"),
        PeriodRow(11, None, "Tingkat efektivitas implementasi Kemenkeu Kewilayahan",
                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"),
                  T("100%", "100", True, None, None), "4c-N"),
        PeriodRow(12, None, "Tingkat implementasi penajaman tugas Treasury, Regional Economist "
                            "dan Financial Advisory",
                  ("80%", "80%", "80%", "80%", "80%", "80%", "80%"),
                  T("80%", "80", True, None, None), "5a-N"),
        PeriodRow(13, None, "Tingkat implementasi standardisasi kompetensi Pengelola Perbendaharaan",
                  ("25%", "45%", "45%", "65%", "65%", "100%", "100%"),
                  T("100%", "100", True, None, None), "5b-N"),
        PeriodRow(14, None, "Indeks efektivitas kinerja dan maturitas tata kelola BLU",
                  ("100", "100", "100", "100", "100", "100", "100"),
                  T("100", "100", False, None, None), "6a-CP"),
        PeriodRow(15, None, "Indeks kemandirian BLU",
                  ("4", "4", "4", "4", "4", "4", "4"),
                  T("4 (skala 5)", "4", False, "5", "skala 5"), "6b-N"),
        PeriodRow(16, None, "Nilai evaluasi organisasi",
                  ("-", "-", "-", "-", "-", "100", "100"),
                  T("100", "100", False, None, None), "7a-CP"),
        PeriodRow(17, None, "Tingkat kualitas pengelolaan SDM",
                  ("60%", "60%", "60%", "60%", "60%", "96%", "96%"),
                  T("96%", "96", True, None, None), "7b-CP"),
        PeriodRow(18, None, "Tingkat kualitas pengelolaan TIK",
                  ("100%", "100%", "100%", "100%", "100%", "100%", "100%"),
                  T("100%", "100", True, None, None), "7c-CP"),
        PeriodRow(19, None, "Indeks kualitas pengelolaan Keuangan BA015",
                  ("100", "100", "100", "100", "100", "100", "100"),
                  T("100", "100", False, None, None), "8a-CP"),
        PeriodRow(20, None, "Indeks maturitas penyelanggaraan SPIP",
                  ("-", "-", "-", "-", "-", "100", "100"),
                  T("100 (4 skala 5)", "100", False, "5", "4 skala 5"), "9a-CP"),
    ),
    consequences_page=8,
    consequences=CONSEQUENCES,
    # '30 Januari 2024' stands over the right block only; by convention it dates both.
    signatures=SignatureRow(
        section="skp_lampiran",
        page=8,
        blocks=(
            DIRJEN_SKP.block(None, "Pegawai yang Dinilai", role="Pegawai yang Dinilai"),
            MENKEU_SKP.block("30 Januari 2024", "Pejabat Penilai Kinerja", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="djpb-2024-pk-skp",
    producer="reportlab",
    unit="Direktorat Jenderal Perbendaharaan",
    fiscal_year=2024,
    page_count=8,
    sections=("pk", "pk_budget", "pk_rincian", "skp", "skp_lampiran"),
    pk=PK,
    budget=BUDGET,
    pk_signatures=PK_SIGNATURES,
    rincian=RINCIAN,
    skp=SKP,
    lampiran=LAMPIRAN,
    cells=CELLS,
)
