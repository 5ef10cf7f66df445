import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.errors import ParseError
from schemas.nip import parse_nip
from schemas.records import Nip

ASTERA = Nip(
    digits="196801201992011003",
    valid=True,
    birth_date=dt.date(1968, 1, 20),
    appointed_year=1992,
    appointed_month=1,
    sex="male",
    sequence=3,
)


@pytest.mark.parametrize(
    "text",
    [
        "NIP 196801201992011003",
        "NIP. 196801201992011003",
        "NIP: 196801201992011003",
        "196801201992011003",
        " NIP 19680120 199201 1 003 ",
    ],
)
def test_parse_nip_seed(text: str) -> None:
    assert parse_nip(text) == ASTERA


def test_parse_nip_grouped() -> None:
    nip = parse_nip("NIP. 19670720 199903 1 005")
    assert nip == Nip(
        digits="196707201999031005",
        valid=True,
        birth_date=dt.date(1967, 7, 20),
        appointed_year=1999,
        appointed_month=3,
        sex="male",
        sequence=5,
    )


def test_parse_nip_female() -> None:
    nip = parse_nip("198512312010122001")
    assert nip is not None and nip.valid and nip.sex == "female" and nip.sequence == 1


@pytest.mark.parametrize("text", ["", "-", "NIP -", "NIP. -", "NIP: \u2013", "NIP", "  "])
def test_no_nip(text: str) -> None:
    assert parse_nip(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("19680120199201100", "17 digits, expected 18"),
        ("1968012019920110031", "19 digits, expected 18"),
        ("196813201992011003", "impossible birth date 19681320"),
        ("196802301992011003", "impossible birth date 19680230"),
        ("196801201992131003", "impossible appointment month 199213"),
        ("196801201975011003", "appointed 1975-01 before age 15"),
        ("196801202040011003", "appointed 2040-01 after age 60"),
        ("196801201992013003", "sex digit 3 is neither 1 nor 2"),
        ("196801201992011000", "sequence 000"),
    ],
)
def test_invalid_nip_is_returned_with_problem(text: str, problem: str) -> None:
    nip = parse_nip(text)
    assert nip is not None
    assert nip.valid is False
    assert nip.digits == text
    assert nip.problem == problem


def test_invalid_nip_keeps_what_decodes() -> None:
    nip = parse_nip("196801201992013003")
    assert nip is not None
    assert (nip.birth_date, nip.appointed_year, nip.appointed_month, nip.sex) == (
        dt.date(1968, 1, 20),
        1992,
        1,
        None,
    )


@pytest.mark.parametrize(
    "text", ["abc", "NIP abc", "Sri Mulyani Indrawati", "1968-01-20", "NIP 1968O1201992011003"]
)
def test_parse_nip_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_nip(text)


@settings(max_examples=200)
@given(
    birth=st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2005, 12, 31)),
    age=st.integers(min_value=15, max_value=59),
    month=st.integers(min_value=1, max_value=12),
    female=st.booleans(),
    sequence=st.integers(min_value=1, max_value=999),
    spaced=st.booleans(),
)
def test_nip_built_from_valid_parts_decodes_back(
    birth: dt.date, age: int, month: int, female: bool, sequence: int, spaced: bool
) -> None:
    # Appointed in the year after the birthday of age `age`: always between 15 and 60.
    year = birth.year + age + 1
    parts = [f"{birth:%Y%m%d}", f"{year:04d}{month:02d}", "2" if female else "1", f"{sequence:03d}"]
    nip = parse_nip(("NIP. " + " ".join(parts)) if spaced else "".join(parts))
    assert nip == Nip(
        digits="".join(parts),
        valid=True,
        birth_date=birth,
        appointed_year=year,
        appointed_month=month,
        sex="female" if female else "male",
        sequence=sequence,
    )
