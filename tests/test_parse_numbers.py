import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.errors import ParseError
from schemas.numbers import format_number, format_rupiah, parse_budget_amount, parse_number, parse_percent, parse_rupiah


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234", Decimal("1234")),
        ("3,25", Decimal("3.25")),
        ("1.234.567,00", Decimal("1234567.00")),
        ("7.315.466.938.000", Decimal("7315466938000")),
        ("100", Decimal("100")),
        ("0,5", Decimal("0.5")),
        ("-5", Decimal("-5")),
        ("+1,5", Decimal("1.5")),
        ("\u22121.000", Decimal("-1000")),
        ("  87,5 ", Decimal("87.5")),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["1.23", "3.25", "1.2345", "1,2,3", "1.", ",5", ".5", "", " ", "abc", "1 000", "--1", "١٢"]
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ParseError, match=re.escape(repr(text))):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp. 79.534.353.000", Decimal("79534353000.00")),
        ("Rp 79.534.353.000", Decimal("79534353000.00")),
        ("Rp79.534.353.000", Decimal("79534353000.00")),
        ("Rp 1.234.567.000,00", Decimal("1234567000.00")),
        ("Rp1,2 triliun", Decimal("1200000000000.00")),
        ("1,5 miliar", Decimal("1500000000.00")),
        ("2 milyar", Decimal("2000000000.00")),
        ("3 juta", Decimal("3000000.00")),
        ("4 ribu", Decimal("4000.00")),
        ("Rp 2,5 Juta", Decimal("2500000.00")),
        ("Rp 1,25 M", Decimal("1250000000.00")),
        ("Rp 2,5 T", Decimal("2500000000000.00")),
        ("Rp 750 Jt", Decimal("750000000.00")),
        ("IDR 5.000", Decimal("5000.00")),
        ("Rp 5.000,-", Decimal("5000.00")),
        ("Rp 5.000,50", Decimal("5000.50")),
        ("7.315.466.938.000", Decimal("7315466938000.00")),
        ("-Rp 5.000", Decimal("-5000.00")),
    ],
)
def test_parse_rupiah(text: str, expected: Decimal) -> None:
    amount = parse_rupiah(text)
    assert amount == expected
    assert amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text", ["Rp", "", "Rp 1.23", "Rp 1,234", "5 ribuan", "Rp 5.000 USD", "--5", "Rp five"]
)
def test_parse_rupiah_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_rupiah(text)


# The seed's budget table (program 1) and the SKP lampiran's Jumlah Anggaran: the printed
# activities fall short of the printed program total by exactly Rp 10.000.000.
PROGRAM_1_TOTAL = "Rp. 79.534.353.000"
PROGRAM_1_ACTIVITIES = [
    "Rp. 37.556.065.000",
    "Rp. 15.498.509.000",
    "Rp. 1.750.417.000",
    "Rp. 3.510.063.000",
    "Rp. 9.024.039.000",
    "Rp. 891.780.000",
    "Rp. 6.680.662.000",
    "Rp. 4.406.059.000",
    "Rp. 33.984.000",
    "Rp. 172.775.000",
]


def test_seed_budget_amounts() -> None:
    activities = sum((parse_rupiah(a) for a in PROGRAM_1_ACTIVITIES), Decimal(0))
    assert parse_rupiah(PROGRAM_1_TOTAL) - activities == Decimal("10000000.00")
    programs = parse_rupiah("Rp. 79.534.353.000") + parse_rupiah("Rp. 7.235.932.585.000")
    assert programs == parse_rupiah("Rp 7.315.466.938.000")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15,91%", Decimal("15.91")),
        ("15,91 %", Decimal("15.91")),
        ("100%", Decimal("100")),
        ("98,75 persen", Decimal("98.75")),
    ],
)
def test_parse_percent(text: str, expected: Decimal) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["15,91", "%", "15.91%", "abc%"])
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_percent(text)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("7315466938000"), "Rp 7.315.466.938.000"),
        (Decimal("1234.5"), "Rp 1.234,50"),
        (Decimal("0"), "Rp 0"),
        (Decimal("999"), "Rp 999"),
        (Decimal("-5000"), "-Rp 5.000"),
    ],
)
def test_format_rupiah(amount: Decimal, text: str) -> None:
    assert format_rupiah(amount) == text


money = st.decimals(min_value=0, max_value=10**18 - 1, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200)
@given(money)
def test_rupiah_round_trip(amount: Decimal) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@settings(max_examples=200)
@given(
    st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
)
def test_parse_number_reads_indonesian_format(value: Decimal, places: int) -> None:
    value = value.quantize(Decimal(1).scaleb(-places))
    # Built with Python's own grouping, then the marks swapped: '1,234.5' -> '1.234,5'.
    english = f"{value:,.{places}f}"
    text = english.translate(str.maketrans(",.", ".,"))
    assert parse_number(text) == value


def test_format_number() -> None:
    assert format_number(Decimal("1234567.5")) == "1.234.567,5"
    assert format_number(Decimal("-1234"), 2) == "-1.234,00"


FUNDING_NOTES = st.sampled_from(
    ["APBD", "APBN", "APBD / APBN", "(APBD Perubahan)", "Sumber Pembiayaan dari APBD Jawa Barat Tahun 2016", "DAK", "Sumber Dana: BLUD", "Dana Desa"]
)


@given(st.integers(1_000, 10**15), st.sampled_from(["Rp. ", "Rp ", ""]), st.sampled_from(["", ",00", ",-"]), FUNDING_NOTES)
def test_a_budget_amount_followed_by_its_funding_source_is_the_amount(whole, prefix, cents, note):
    printed = prefix + format_number(Decimal(whole)) + cents
    assert parse_budget_amount(f"{printed} {note}") == parse_rupiah(printed) == Decimal(whole)


@given(st.integers(1_000, 10**12), st.integers(1_000, 10**12), FUNDING_NOTES, FUNDING_NOTES)
def test_two_amounts_in_one_budget_cell_stay_an_error(first, second, note1, note2):
    cell = f"Rp {format_number(Decimal(first))} {note1} Rp {format_number(Decimal(second))} {note2}"
    with pytest.raises(ParseError):
        parse_budget_amount(cell)


PREFIXES, NOTES = st.sampled_from(["Rp. ", "Rp ", "Rp", ""]), st.sampled_from(["", " APBD", " APBD / APBN"])


@given(st.integers(1_000, 10**15), st.integers(0, 99), st.booleans(), PREFIXES, NOTES)
def test_an_amount_with_english_marks_is_read_exactly(whole, cents, with_cents, prefix, note):
    """'Rp. 23,665,554,229.00': ',' groups thousands and '.' marks the cents; two ',' groups, or
    one before the cents, are no Indonesian number, so the reading is no guess."""
    value = Decimal(whole) + (Decimal(cents) / 100 if with_cents else 0)
    printed = f"{value:,.2f}" if with_cents or whole < 1_000_000 else f"{whole:,}"
    assert parse_budget_amount(f"{prefix}{printed}{note}") == value


@pytest.mark.parametrize("text", ["Rp 1,234", "1,234", "Rp 1,234,56", "Rp 1,23,456.00", "Rp 1,234.567", "Rp 1.234,567.00"])
def test_an_amount_neither_indonesian_nor_english_stays_an_error(text):
    with pytest.raises(ParseError):
        parse_rupiah(text)
