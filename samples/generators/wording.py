"""The standard Kemenkeu wording the sample documents share, exactly as printed.

Only what reads the same in every document that prints it lives here. A document that
words something its own way (KPPN Malang's closing and 'atasan langsung', the DJBC
secretariat's own behaviour expectations and 'PANGKAT/GOL RUANG') keeps that text in
its own module.
"""

from __future__ import annotations

from samples.generators.spec import Behaviour, Behaviours, SkpHeader, SkpPerson

E_SIGNED = "Ditandatangani secara elektronik"  # printed in the signature slot

# ------------------------------------------------------------------ PK statement

STATEMENT_OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
)
STATEMENT_CLOSING = (
    "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami.",
    "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
    "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
    "pemberian penghargaan dan sanksi.",
)
FIRST_PARTY = "selanjutnya disebut PIHAK PERTAMA."
SECOND_PARTY = "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA."

# ------------------------------------------------------------------ SKP header

SKP_TITLE_PIMPINAN = (
    "SASARAN KINERJA PEGAWAI",
    "PENDEKATAN HASIL KERJA KUANTITATIF",
    "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
)
SKP_TITLE_ADMINISTRASI = (
    "SASARAN KINERJA PEGAWAI",
    "PENDEKATAN HASIL KERJA KUANTITATIF",
    "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
)
MINISTRY = "KEMENTERIAN KEUANGAN"
RANK_LABEL = "PANGKAT/ GOL. RUANG"


def skp_person_lines(person: SkpPerson, rank_label: str = RANK_LABEL) -> tuple[tuple[str, str], ...]:
    return (
        ("NAMA", person.name),
        ("NIP", person.nip_printed),
        (rank_label, person.rank or "-"),
        ("JABATAN", person.position),
        ("UNIT KERJA", person.unit),
    )


def skp_header(title_lines: tuple[str, ...], fiscal_year: int, appraisee: SkpPerson, appraiser: SkpPerson,
               page: int, rank_label: str = RANK_LABEL) -> SkpHeader:
    """The SKP header of a whole-year period under the Ministry's name."""
    return SkpHeader(
        title_lines=title_lines,
        organisation=MINISTRY,
        period_line=f"PERIODE PENILAIAN: 1 Januari s.d. 31 Desember Tahun {fiscal_year}",
        appraisee=skp_person_lines(appraisee, rank_label),
        appraiser=skp_person_lines(appraiser, rank_label),
        fiscal_year=fiscal_year,
        period_start=f"{fiscal_year}-01-01",
        period_end=f"{fiscal_year}-12-31",
        appraisee_name=appraisee.name,
        appraisee_nip=appraisee.nip,
        appraisee_rank=appraisee.rank,
        appraisee_position=appraisee.position,
        appraisee_unit=appraisee.unit,
        appraiser_name=appraiser.name,
        appraiser_nip=appraiser.nip,
        appraiser_rank=appraiser.rank,
        appraiser_position=appraiser.position,
        appraiser_unit=appraiser.unit,
        page=page,
    )


# ------------------------------------------------------------------ RHK perspectives

PL = "Penerima Layanan"
PB = "Proses Bisnis"
PI = "Penguatan Internal atau Anggaran"

# ------------------------------------------------------------------ PERILAKU KERJA (BerAKHLAK)

# (name, criteria) of the seven core values, in print order
BERAKHLAK: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Berorientasi Pelayanan", (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    )),
    ("Akuntabel", (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan "
        "berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
        "dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    )),
    ("Kompeten", (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    )),
    ("Harmonis", (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    )),
    ("Loyal", (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
        "Tahun 1945, setia pada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    )),
    ("Adaptif", (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )),
    ("Kolaboratif", (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    )),
)

EXPECT_INTEGRITY = (
    "Menjunjung dan mentaati nilai-nilai kebenaran dalam berbagai situasi, penuh tanggung "
    "jawab serta berani menyuarakan kebenaran guna menjaga nama baik institusi dan negara."
)
EXPECT_COOPERATION = (
    "Bersikap positif & kooperatif dalam membangun kerjasama untuk mencapai hasil kerja yang "
    "terbaik berlandaskan keterbukaan serta sikap adil terhadap semua pihak tanpa membedakan "
    "derajat, hak, dan kewajiban."
)
# Ekspektasi Khusus Pimpinan as the DJPb 2024 SKP words them, one per value
EXPECTATIONS = (
    "Memberikan pelayanan sesuai dengan kebutuhan kepada seluruh pemangku kepentingan "
    "tanpa membeda-bedakan, bertindak berdasarkan kompetensi diri, dan senantiasa "
    "melakukan perbaikan dalam rangka meningkatkan mutu pelayanan.",
    EXPECT_INTEGRITY,
    "Berdedikasi untuk senantiasa bekerja sesuai tugas dan tanggung jawab, "
    "mengoptimalkan kompetensi yang dimiliki, serta bekerja secara efektif dan efisien "
    "dengan terus menerus melakukan upaya pengembangan kompetensi diri.",
    EXPECT_COOPERATION,
    EXPECT_INTEGRITY,
    "Melakukan peninjauan pekerjaan dan menerima masukan dalam upaya peningkatan "
    "kualitas kerja, serta proaktif mencari peluang perbaikan dengan memanfaatkan "
    "informasi terkini.",
    EXPECT_COOPERATION,
)


def perilaku_kerja(page: int, expectations: tuple[str, ...] = EXPECTATIONS) -> Behaviours:
    """The seven BerAKHLAK behaviours, each with its expectation (one per value, in order)."""
    if len(expectations) != len(BERAKHLAK):
        raise ValueError(f"{len(expectations)} expectations for {len(BERAKHLAK)} behaviours")
    return Behaviours(page=page, behaviours=tuple(
        Behaviour(no, name, criteria, expectation)
        for no, ((name, criteria), expectation) in enumerate(zip(BERAKHLAK, expectations), start=1)
    ))


# ------------------------------------------------------------------ SKP lampiran

LAMPIRAN_TITLE = "LAMPIRAN SASARAN KINERJA PEGAWAI"
BUDGET_LABEL = "Jumlah Anggaran"
EQUIPMENT = "Pegawai membutuhkan peralatan kerja antara lain komputer/laptop, alat tulis, dan lain-lain"
# SKEMA PERTANGGUNGJAWABAN
REPORTED_QUARTERLY = "1. Hasil kerja dilaporkan secara triwulanan"
REPORTED_IN_E_PERFORMANCE = "1. Hasil kerja dilaporkan secara triwulanan melalui aplikasi e-Performance"
# KONSEKUENSI
CONSEQUENCES = (
    "1. Apabila target kinerja tercapai maka diberikan penghargaan sesuai ketentuan yang berlaku.",
    "2. Apabila target kinerja tidak tercapai maka diberikan pembinaan dan/atau sanksi sesuai "
    "ketentuan yang berlaku.",
)
