from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemas.errors import ParseError
from schemas.records import Target
from schemas.targets import parse_target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100%", Target(raw="100%", value=Decimal(100), is_percent=True)),
        ("98,75%", Target(raw="98,75%", value=Decimal("98.75"), is_percent=True)),
        ("87,5", Target(raw="87,5", value=Decimal("87.5"))),
        ("1.234", Target(raw="1.234", value=Decimal(1234))),
        (
            "3,25 (skala 4)",
            Target(raw="3,25 (skala 4)", value=Decimal("3.25"), scale_max=Decimal(4), qualifier="skala 4"),
        ),
        # As the seed's text layer prints them: the qualifier on the next line(s).
        (
            "3,25\n(skala 4)",
            Target(raw="3,25 (skala 4)", value=Decimal("3.25"), scale_max=Decimal(4), qualifier="skala 4"),
        ),
        ("4\n\n(WTP)", Target(raw="4 (WTP)", value=Decimal(4), qualifier="WTP")),
        ("4 (WTP)", Target(raw="4 (WTP)", value=Decimal(4), qualifier="WTP")),
        (
            "100\n\n(4 skala 5)",
            Target(raw="100 (4 skala 5)", value=Decimal(100), scale_max=Decimal(5), qualifier="4 skala 5"),
        ),
        (
            "4\n\n(Skala 5)",
            Target(raw="4 (Skala 5)", value=Decimal(4), scale_max=Decimal(5), qualifier="Skala 5"),
        ),
        ("12 Laporan", Target(raw="12 Laporan", value=Decimal(12), qualifier="Laporan", unit="Laporan")),
        ("-", Target(raw="-", value=None)),
        ("\u2013", Target(raw="\u2013", value=None)),
        # CONTRACT.md's qualifier: the words printed with the target besides its number and %.
        ("12 Kegiatan", Target(raw="12 Kegiatan", value=Decimal(12), qualifier="Kegiatan", unit="Kegiatan")),
        ("1.100.000 Orang", Target(raw="1.100.000 Orang", value=Decimal(1100000), qualifier="Orang", unit="Orang")),
        ("10 Stasiun TV", Target(raw="10 Stasiun TV", value=Decimal(10), qualifier="Stasiun TV", unit="Stasiun TV")),
        ("B (65)", Target(raw="B (65)", value=Decimal(65), qualifier="B")),
        ("100 % (Hijau)", Target(raw="100 % (Hijau)", value=Decimal(100), is_percent=True, qualifier="Hijau")),
        ("500 ribu org", Target(raw="500 ribu org", value=Decimal(500000), qualifier="org", unit="org")),
        ("1.500 m", Target(raw="1.500 m", value=Decimal(1500), qualifier="m", unit="m")),  # metres: 'M' is miliar only in Rupiah
        ("80 persen", Target(raw="80 persen", value=Decimal(80), is_percent=True)),
        ("100%*", Target(raw="100%*", value=Decimal(100), is_percent=True)),  # a footnote mark
        ("90 %**", Target(raw="90 %**", value=Decimal(90), is_percent=True)),
        ("85 - 90%", Target(raw="85 - 90%", value=None)),  # a range: several numbers
        ("3 s.d. 5 dokumen", Target(raw="3 s.d. 5 dokumen", value=None)),
        ("10 sampai 12", Target(raw="10 sampai 12", value=None)),
        (
            "100 dari 110 Organisasi Kepemudaan",
            Target(
                raw="100 dari 110 Organisasi Kepemudaan",
                value=Decimal(100),
                qualifier="dari 110 Organisasi Kepemudaan",
                unit="dari 110 Organisasi Kepemudaan",
            ),
        ),
        ("13 Cagar Budaya, 6.924 Koleksi", Target(raw="13 Cagar Budaya, 6.924 Koleksi", value=None)),
        ("Baik", Target(raw="Baik", value=None, qualifier="Baik")),
        ("WTP", Target(raw="WTP", value=None, qualifier="WTP")),
        ("III", Target(raw="III", value=None, qualifier="III")),
        ("Wajar Tanpa Pengecualian", Target(raw="Wajar Tanpa Pengecualian", value=None, qualifier="Wajar Tanpa Pengecualian")),
        ("  100   %  ", Target(raw="100 %", value=Decimal(100), is_percent=True)),
        ("\u2265 80%", Target(raw="\u2265 80%", value=Decimal(80), is_percent=True, qualifier="\u2265")),
        ("80-90%", Target(raw="80-90%", value=None)),
    ],
)
def test_parse_target(text: str, expected: Target) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "3.2.5", "1.2345%", "3.25,5 (skala 4)", "4 (skala 5.5.5)", "89.16,5%"])
def test_parse_target_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_target(text)


# Every target of the seed's PK table, as its text layer prints the cell.
SEED_PK_TARGETS = {
    "1a-CP": ("100%", Decimal(100), True, None, None),
    "2a-CP": ("3,25\n(skala 4)", Decimal("3.25"), False, Decimal(4), "skala 4"),
    "2b-CP": ("4\n\n(WTP)", Decimal(4), False, None, "WTP"),
    "3a-CP": ("85", Decimal(85), False, None, None),
    "4b-N": ("4\n(skala 5)", Decimal(4), False, Decimal(5), "skala 5"),
    "6b-N": ("4\n\n(Skala 5)", Decimal(4), False, Decimal(5), "Skala 5"),
    "7b-CP": ("96%", Decimal(96), True, None, None),
    "9a-CP": ("100\n\n(4 skala 5)", Decimal(100), False, Decimal(5), "4 skala 5"),
}


@pytest.mark.parametrize("code", SEED_PK_TARGETS)
def test_seed_pk_targets(code: str) -> None:
    text, value, is_percent, scale_max, qualifier = SEED_PK_TARGETS[code]
    target = parse_target(text)
    assert (target.value, target.is_percent, target.scale_max, target.qualifier) == (
        value,
        is_percent,
        scale_max,
        qualifier,
    )


def test_seed_rincian_row_4a() -> None:
    cells = "15,91% 45,45% 45,45% 68,18% 68,18% 100% 100%".split()
    assert [parse_target(c).value for c in cells] == [
        Decimal("15.91"),
        Decimal("45.45"),
        Decimal("45.45"),
        Decimal("68.18"),
        Decimal("68.18"),
        Decimal(100),
        Decimal(100),
    ]
    assert all(parse_target(c).is_percent for c in cells)


def test_seed_rincian_row_2b_has_no_target_periods() -> None:
    cells = "- 4 4 - 4 - 4".split()
    assert [parse_target(c).value for c in cells] == [None, 4, 4, None, 4, None, 4]


@given(
    whole=st.integers(0, 99_999),
    places=st.integers(1, 2),
    cents=st.integers(0, 99),
    percent=st.booleans(),
    qualifier=st.sampled_from(["", " (skala 4)", " Dokumen"]),
)
def test_english_decimal_point_is_read_as_printed(whole: int, places: int, cents: int, percent: bool, qualifier: str) -> None:
    frac = f"{cents % 10 ** places:0{places}d}"
    printed = f"{whole}.{frac}{'%' if percent else ''}{qualifier}"
    target = parse_target(printed)
    assert (target.value, target.is_percent) == (Decimal(f"{whole}.{frac}"), percent)


@given(thousands=st.integers(1, 999), rest=st.integers(0, 999))
def test_three_digits_after_a_point_stay_thousands(thousands: int, rest: int) -> None:
    assert parse_target(f"{thousands}.{rest:03d}%").value == thousands * 1000 + rest
