"""Hypothesis strategies that draw agreements (samples/generators/layouts.py): content and
every layout choice real documents vary in, so that extraction is tested on layouts
nobody wrote by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from samples.generators.layouts import (
    PERIODS,
    Activity,
    BudgetStyle,
    DrawnTarget,
    Indicator,
    Layout,
    Objective,
    Program,
    SignatureStyle,
    Signer,
    TargetStyle,
)

UNITS = ("Direktorat Jenderal Perbendaharaan", "Kantor Wilayah DJPb Provinsi Jawa Barat", "Inspektorat Provinsi Jawa Barat",
         "Dinas Komunikasi dan Informatika", "Kantor Pelayanan Perbendaharaan Negara Malang", "Badan Pendapatan Daerah")
OBJECTIVES = ("Meningkatnya kualitas pengelolaan keuangan negara", "Terwujudnya tata kelola pemerintahan yang baik",
              "Meningkatnya kepuasan pengguna layanan", "Terwujudnya penerimaan daerah yang optimal",
              "Meningkatnya akuntabilitas kinerja instansi", "Terwujudnya pelayanan publik yang prima",
              "Meningkatnya kualitas perencanaan dan penganggaran")
INDICATORS = ("Persentase realisasi anggaran", "Indeks kepuasan pengguna layanan", "Nilai kinerja anggaran",
              "Jumlah laporan keuangan yang disusun tepat waktu", "Tingkat kualitas pengelolaan SDM",
              "Persentase tindak lanjut rekomendasi hasil pemeriksaan", "Indeks maturitas penyelenggaraan SPIP",
              "Jumlah rekomendasi kebijakan yang disampaikan", "Opini BPK atas laporan keuangan",
              "Persentase penyelesaian pengaduan masyarakat", "Jumlah stasiun televisi yang bekerja sama",
              "Nilai evaluasi reformasi birokrasi")
PROGRAMS = ("Program Dukungan Manajemen", "Program Pengelolaan Perbendaharaan Negara", "Program Penunjang Urusan Pemerintahan",
            "Program Pengelolaan Informasi dan Komunikasi Publik", "Program Peningkatan Kualitas Layanan")
ACTIVITIES = ("Pembinaan Pelaksanaan Anggaran", "Penyusunan Laporan Keuangan", "Pengelolaan Sistem Informasi",
              "Penyelenggaraan Kehumasan", "Pengembangan Sumber Daya Manusia", "Dukungan Teknis Layanan",
              "Pemeliharaan Sarana dan Prasarana", "Koordinasi dan Evaluasi Program")
WORDS = ("Baik", "WTP", "Sangat Baik", "Hijau", "III")
UNIT_WORDS = ("Laporan", "Kegiatan", "Dokumen", "Orang", "Stasiun TV", "Rekomendasi")


ROLES = (("Kepala Kantor Wilayah",), ("Kepala Dinas Komunikasi", "dan Informatika"), ("Gubernur Jawa Barat",),
         ("Sekretaris Daerah",), ("Inspektur Provinsi",), ("Kepala Bidang Anggaran",), ("DIREKTUR JENDERAL",),
         ("Kepala Badan Pendapatan", "Daerah Provinsi Jawa Barat"), ("Kepala Seksi Verifikasi", "dan Akuntansi"),
         ("Kepala KPPN Malang",))
NAMES = ("Dr. Rudi Hartono", "Siti Aminah, S.E.", "Ir. Bambang Sutrisno, M.M.", "Dewi Lestari, S.Kom.",
         "H. Ahmad Fauzi, S.H., M.Si.", "Maria Magdalena Simanjuntak", "Yohanes Purba, Ak.", "Ni Luh Putu Sari")
RANKS = ("Pembina Utama Muda", "Pembina Tingkat I (IV/b)", "Penata Tingkat I", "Pembina (IV/a)")
PLACES = ("Jakarta", "Bandung", "Malang", "Medan")


def _indonesian(value: Decimal) -> str:
    """87.5 -> '87,5'; 1100000 -> '1.100.000' (thousands grouped only for whole numbers)."""
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    return str(value).replace(".", ",")


def _plain(value: Decimal) -> str:
    return str(value.normalize()) if value != value.to_integral_value() else str(int(value))


@st.composite
def targets(draw, kind: str | None = None) -> DrawnTarget:
    kind = kind or draw(st.sampled_from(["percent", "unit", "scale", "word", "grade", "percent_word", "number"]))
    small = Decimal(draw(st.integers(1, 1000))) / draw(st.sampled_from([Decimal(1), Decimal(10), Decimal(100)]))
    if kind == "percent":
        return DrawnTarget(f"{_indonesian(small)}%", _plain(small), True)
    if kind == "unit":
        n = Decimal(draw(st.sampled_from([1, 3, 12, 24, 150, 1100000])))
        unit = draw(st.sampled_from(UNIT_WORDS))
        return DrawnTarget(f"{_indonesian(n)} {unit}", _plain(n), False, unit)
    if kind == "scale":
        v = Decimal(draw(st.integers(100, 400))) / 100
        return DrawnTarget(f"{_indonesian(v)} (skala 4)", _plain(v), False, "skala 4")
    if kind == "word":
        word = draw(st.sampled_from(WORDS))
        return DrawnTarget(word, None, False, word)
    if kind == "grade":
        n = draw(st.integers(50, 99))
        grade = draw(st.sampled_from(["A", "B", "BB"]))
        return DrawnTarget(f"{grade} ({n})", str(n), False, grade)
    if kind == "percent_word":
        n = draw(st.integers(50, 100))
        return DrawnTarget(f"{n} % (Hijau)", str(n), True, "Hijau")
    return DrawnTarget(_indonesian(small), _plain(small), False)


@st.composite
def indicators(draw, objective_no: int, index: int, rincian: bool) -> Indicator:
    code = f"{objective_no}{'abcdefgh'[index]}-{draw(st.sampled_from(['CP', 'N']))}"
    year = draw(targets())
    periods: tuple[DrawnTarget, ...] = ()
    if rincian:
        quarter = st.one_of(st.just(DrawnTarget("-", None)), targets(kind="percent"), targets(kind="number"))
        periods = tuple(draw(quarter) for _ in PERIODS[:-1]) + (year,)
    return Indicator(code, draw(st.sampled_from(INDICATORS)), year, periods)


@st.composite
def objectives(draw, rincian: bool) -> tuple[Objective, ...]:
    n = draw(st.integers(1, 4))
    texts = draw(st.lists(st.sampled_from(OBJECTIVES), min_size=n, max_size=n, unique=True))
    out = []
    for no, text in enumerate(texts, start=1):
        k = draw(st.integers(1, 3))
        inds = []
        for i in range(k):
            inds.append(draw(indicators(no, i, rincian)))
        # one indicator text per document: rows are told apart by it
        out.append(Objective(no, text, tuple(inds)))
    seen: set[str] = set()
    unique = []
    for objective in out:
        kept = tuple(i for i in objective.indicators if not (i.text in seen or seen.add(i.text)))
        if kept:
            unique.append(Objective(objective.no, objective.text, kept))
    return tuple(unique)


@st.composite
def programs(draw) -> tuple[Program, ...]:
    n = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(PROGRAMS), min_size=n, max_size=n, unique=True))
    out = []
    for no, name in enumerate(names, start=1):
        k = draw(st.integers(0, 4))
        acts = tuple(
            Activity(a, draw(st.integers(1, 900_000)) * 1000 + draw(st.sampled_from([0, 1_000_000_000])))
            for a in draw(st.lists(st.sampled_from(ACTIVITIES), min_size=k, max_size=k, unique=True))
        )
        amount = sum(a.amount for a in acts) if acts else draw(st.integers(1, 9_000_000)) * 1000
        out.append(Program(no, name, amount, acts))
    return tuple(out)


@st.composite
def nips(draw) -> str:
    """A valid NIP: birth date, appointment year and month, sex, sequence."""
    born = draw(st.dates(min_value=dt.date(1962, 1, 1), max_value=dt.date(1998, 12, 31)))
    appointed = draw(st.integers(born.year + 19, min(born.year + 35, 2024)))
    return f"{born:%Y%m%d}{appointed}{draw(st.integers(1, 12)):02d}{draw(st.integers(1, 2))}{draw(st.integers(1, 999)):03d}"


@st.composite
def signature_styles(draw) -> SignatureStyle:
    arrangement = draw(st.sampled_from(["pair", "pair_and_witness", "grid"]))
    count = {"pair": 2, "pair_and_witness": 3, "grid": 4}[arrangement]
    roles = draw(st.lists(st.sampled_from(ROLES), min_size=count, max_size=count, unique=True))
    names = draw(st.lists(st.sampled_from(NAMES), min_size=count, max_size=count, unique=True))
    signers = tuple(
        Signer(role, name, draw(st.one_of(st.none(), nips())) if n != 1 else draw(nips()), draw(st.one_of(st.none(), st.sampled_from(RANKS))))
        for n, (role, name) in enumerate(zip(roles, names))
    )
    return SignatureStyle(
        signers=signers, arrangement=arrangement, party_labels=draw(st.booleans()), electronic=draw(st.booleans()),
        spaced_nip=draw(st.booleans()), place=draw(st.sampled_from(PLACES)),
    )


def _breaks(draw, rows: int) -> tuple[int, ...]:
    return tuple(sorted(draw(st.sets(st.integers(0, max(rows - 2, 0)), max_size=2)))) if rows > 1 else ()


@st.composite
def layouts(draw) -> Layout:
    rincian = draw(st.booleans())
    objs = draw(objectives(rincian))
    progs = draw(st.one_of(st.just(()), programs()))
    n_targets = sum(len(o.indicators) for o in objs)
    n_budget = sum(1 + len(p.activities) for p in progs)
    target_style = TargetStyle(
        ruled=draw(st.booleans()),
        vertical_rules=draw(st.booleans()),
        header_rows=draw(st.sampled_from([1, 2])),
        repeat_header=draw(st.booleans()),
        breaks_after=_breaks(draw, n_targets),
        code_at=draw(st.sampled_from(["column", "no", "prefix", "none"])),
        merged_objective=draw(st.booleans()),
        split_row=draw(st.one_of(st.none(), st.integers(0, max(n_targets - 1, 0)))),
        target_label=draw(st.sampled_from(["target", "target_year", "year", "tahun_year"])),
        unit_column=draw(st.booleans()),
        baseline_column=draw(st.booleans()),
        wording=draw(st.sampled_from(["strategis", "utama", "sasaran", "tujuan"])),
    )
    budget_style = BudgetStyle(
        ruled=draw(st.booleans()),
        vertical_rules=draw(st.booleans()),
        header_rows=draw(st.sampled_from([1, 2])),
        repeat_header=draw(st.booleans()),
        breaks_after=_breaks(draw, n_budget),
        activity_numbering=draw(st.sampled_from(["letters", "dotted", "none"])),
        rp_column=draw(st.booleans()),
        total_row=draw(st.booleans()),
        lists=draw(st.sampled_from(["programs_and_activities", "activities", "programs"])),
        marks=draw(st.sampled_from(["indonesian", "english"])),
        total_label=draw(st.booleans()),
        source_column=draw(st.sampled_from(["", "Keterangan", "Sumber Dana", "Ket."])),
        amount_label=draw(st.sampled_from(["Anggaran", "Anggaran (Rp)", "Pagu Anggaran", "Jumlah Anggaran", "Alokasi Anggaran", "Jumlah (Rp)", "Biaya"])),
        flush_above=draw(st.booleans()),
        width=draw(st.sampled_from([1.0, 1.0, 0.9, 0.75])),
    )
    rincian_style = TargetStyle(
        ruled=draw(st.booleans()),
        vertical_rules=draw(st.booleans()),
        header_rows=draw(st.sampled_from([1, 2])),
        repeat_header=draw(st.booleans()),
        breaks_after=_breaks(draw, n_targets + len(objs)),
        code_at=draw(st.sampled_from(["column", "no", "prefix", "none"])),
        split_row=draw(st.one_of(st.none(), st.integers(0, max(n_targets - 1, 0)))),
    )
    return Layout(
        name="drawn",
        producer=draw(st.sampled_from(["reportlab", "fpdf2", "chromium"])),
        unit=draw(st.sampled_from(UNITS)),
        year=draw(st.integers(2020, 2027)),
        paper=draw(st.sampled_from(["A4", "F4"])),
        landscape=draw(st.booleans()),
        spaced_title=draw(st.booleans()),
        objectives=objs,
        target_style=target_style,
        programs=progs,
        budget_style=budget_style,
        rincian=rincian,
        rincian_style=rincian_style,
        signatures=draw(signature_styles()),
    )
