"""SKP 2023 of an individual director (fictional people, invented NIPs), SKP and its
Lampiran only, on A4 landscape: no PK in the file, so no RHK row is matched to a PK code.
Targets with a unit ('3 Standar') and a Jumlah Anggaran in words ('Rp45,8 miliar')."""

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

DIREKTUR = "Ratna Puspitasari"
DIREKTUR_NIP = "197503222000122001"
DIRJEN = "Bambang Sutrisno Adi"
DIRJEN_NIP = "196811041993031002"
DATE = "2023-01-04"
DIREKTUR_SIGNS = Signer(DIREKTUR, DIREKTUR_NIP, "NIP 197503222000122001", "Jakarta", DATE, E_SIGNED)
DIRJEN_SIGNS = Signer(DIRJEN, DIRJEN_NIP, "NIP 196811041993031002", "Jakarta", DATE, E_SIGNED)
ASSIGNMENT = "Penugasan dari Direktur Jenderal Kekayaan Negara"

HEADER = skp_header(
    SKP_TITLE_PIMPINAN,
    2023,
    appraisee=SkpPerson(DIREKTUR, "197503222000122001", DIREKTUR_NIP, "Pembina Utama Muda (IV/c)",
                        "Direktur Penilaian", "Direktorat Penilaian, Direktorat Jenderal Kekayaan Negara"),
    appraiser=SkpPerson(DIRJEN, "196811041993031002", DIRJEN_NIP, "Pembina Utama (IV/e)",
                        "Direktur Jenderal Kekayaan Negara",
                        "Direktorat Jenderal Kekayaan Negara, Kementerian Keuangan"),
    page=1,
)

RHK = (
    RhkObjective(
        1,
        "Meningkatnya kualitas layanan penilaian aset negara",
        ASSIGNMENT,
        (
            RhkIndicator("Persentase penyelesaian permohonan penilaian tepat waktu",
                         T("95%", "95", True, None, None), PL, None),
            RhkIndicator("Indeks kepuasan pengguna layanan penilaian",
                         T("4,25 (skala 5)", "4.25", False, "5", "skala 5"), PL, None),
        ),
    ),
    RhkObjective(
        2,
        "Tersedianya standar dan pedoman penilaian yang andal",
        ASSIGNMENT,
        (
            RhkIndicator("Jumlah standar penilaian yang ditetapkan",
                         T("3 Standar", "3", False, None, None, "Standar"), PB, None),
            RhkIndicator("Tingkat kualitas kajian penilaian",
                         T("87,5", "87.5", False, None, None), PB, None),
        ),
    ),
    RhkObjective(
        3,
        "Terwujudnya tata kelola organisasi yang akuntabel",
        ASSIGNMENT,
        (
            RhkIndicator("Nilai kinerja organisasi Direktorat Penilaian",
                         T("100", "100", False, None, None), PI, None),
            RhkIndicator("Persentase realisasi anggaran Direktorat Penilaian",
                         T("95%", "95", True, None, None), PI, None),
        ),
    ),
)

# '4 Januari 2023' stands over the left block only; by convention it dates both.
SKP = Skp(
    header=HEADER,
    rhk_group="A. UTAMA",
    rhk_parts=(RhkPart(page=1, with_header=True, objectives=RHK),),
    behaviours=perilaku_kerja(page=2),
    signatures=SignatureRow(
        section="skp",
        page=2,
        blocks=(
            DIREKTUR_SIGNS.block("Jakarta, 4 Januari 2023", "Pegawai yang dinilai,", role="Pegawai yang dinilai"),
            DIRJEN_SIGNS.block(None, "Pejabat Penilai Kinerja,", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

CELLS: dict[str, Cell] = {
    "-": Cell(None, False),
    "4,25": Cell("4.25", False),
    "87,5": Cell("87.5", False),
    "100": Cell("100", False),
    "1 Standar": Cell("1", False, "Standar"),
    "2 Standar": Cell("2", False, "Standar"),
    "3 Standar": Cell("3", False, "Standar"),
    "15%": Cell("15", True),
    "40%": Cell("40", True),
    "70%": Cell("70", True),
    "90%": Cell("90", True),
    "95%": Cell("95", True),
}

LAMPIRAN = Lampiran(
    page=3,
    title=LAMPIRAN_TITLE,
    resources=(
        ResourceItem(1, "64 pegawai pada unit Direktorat Penilaian"),
        ResourceItem(2, EQUIPMENT),
        ResourceItem(3, "Jumlah Anggaran pada Direktorat Penilaian sebesar Rp45,8 miliar"),
    ),
    employees=64,
    budget_label=BUDGET_LABEL,
    budget_idr="45800000000.00",
    accountability=(REPORTED_QUARTERLY,),
    period_labels=("Q1", "Q2", "Smt.1", "Q3", "s.d.Q3", "Q4", "Y"),
    rows=(
        PeriodRow(1, None, "Persentase penyelesaian permohonan penilaian tepat waktu",
                  ("90%", "90%", "90%", "95%", "95%", "95%", "95%"),
                  T("95%", "95", True, None, None)),
        PeriodRow(2, None, "Indeks kepuasan pengguna layanan penilaian",
                  ("-", "-", "-", "-", "-", "4,25", "4,25"),
                  T("4,25 (skala 5)", "4.25", False, "5", "skala 5")),
        PeriodRow(3, None, "Jumlah standar penilaian yang ditetapkan",
                  ("-", "1 Standar", "1 Standar", "2 Standar", "2 Standar", "3 Standar", "3 Standar"),
                  T("3 Standar", "3", False, None, None, "Standar")),
        PeriodRow(4, None, "Tingkat kualitas kajian penilaian",
                  ("-", "-", "-", "-", "-", "87,5", "87,5"),
                  T("87,5", "87.5", False, None, None)),
        PeriodRow(5, None, "Nilai kinerja organisasi Direktorat Penilaian",
                  ("100", "100", "100", "100", "100", "100", "100"),
                  T("100", "100", False, None, None)),
        PeriodRow(6, None, "Persentase realisasi anggaran Direktorat Penilaian",
                  ("15%", "40%", "40%", "70%", "70%", "95%", "95%"),
                  T("95%", "95", True, None, None)),
    ),
    consequences_page=3,
    consequences=CONSEQUENCES,
    # 'Jakarta, 4 Januari 2023' stands over the right block only; it dates both.
    signatures=SignatureRow(
        section="skp_lampiran",
        page=3,
        blocks=(
            DIREKTUR_SIGNS.block(None, "Pegawai yang Dinilai", role="Pegawai yang Dinilai"),
            DIRJEN_SIGNS.block("Jakarta, 4 Januari 2023", "Pejabat Penilai Kinerja", role="Pejabat Penilai Kinerja"),
        ),
    ),
)

DOCUMENT = DocumentSpec(
    name="djkn-dit-penilaian-2023-skp",
    producer="reportlab",
    unit="Direktorat Penilaian",
    fiscal_year=2023,
    page_count=3,
    sections=("skp", "skp_lampiran"),
    skp=SKP,
    lampiran=LAMPIRAN,
    cells=CELLS,
    landscape=True,
)
