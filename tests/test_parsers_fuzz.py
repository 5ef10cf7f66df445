"""Every parser, on any text, either returns or raises ParseError -- nothing else."""

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.codes import find_iku_code, parse_iku_code
from schemas.dates import find_year, parse_assessment_period, parse_date_id, parse_place_date
from schemas.errors import ParseError
from schemas.matching import match_all, match_indicator
from schemas.nip import parse_nip
from schemas.numbers import parse_number, parse_percent, parse_rupiah
from schemas.periods import parse_period
from schemas.targets import parse_target
from schemas.text import fold, join_wrapped, squash, strip_label

PARSERS: dict[str, Callable[[str], Any]] = {
    "parse_number": parse_number,
    "parse_rupiah": parse_rupiah,
    "parse_percent": parse_percent,
    "parse_target": parse_target,
    "parse_date_id": parse_date_id,
    "parse_place_date": parse_place_date,
    "parse_assessment_period": parse_assessment_period,
    "parse_period": parse_period,
    "parse_nip": parse_nip,
    "parse_iku_code": parse_iku_code,
}
# Functions that find rather than parse: they never raise at all.
FINDERS: dict[str, Callable[[str], Any]] = {
    "find_year": find_year,
    "find_iku_code": find_iku_code,
    "squash": squash,
    "strip_label": strip_label,
    "fold": fold,
    "join_wrapped": lambda text: join_wrapped(text.splitlines()),
}

# Arbitrary text, and text built from the pieces these parsers look for, so the examples
# reach past the first check.
PIECES = [
    "Rp", "Rp.", "IDR", "1", "2024", "000", "31", "12", ".", ",", "-", "\u2013", ",-", "%", "(", ")",
    " ", "  ", "\n", "skala", "4", "WTP", "juta", "miliar", "triliun", "Januari", "Februari", "Des",
    "s.d.", "s/d", "Q3", "TW", "III", "Smt", "Tahun", "NIP", "NIP.", ":", "/", "a", "-CP", "\u2265",
    "\u00a0", "\u0663", "9" * 40, "E5", "Jakarta", "persen", "sep", "\u017f", "\u212a", "\u0130",
]
texts = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
)


@pytest.mark.parametrize("name", PARSERS)
@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_parser_raises_only_parse_error(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except ParseError as error:
        assert repr(text) in str(error)


@pytest.mark.parametrize("name", FINDERS)
@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_finder_never_raises(name: str, text: str) -> None:
    FINDERS[name](text)


CANDIDATES = {
    "7b-CP": "Tingkat kualitas pengelolaan SDM",
    "8a-CP": "Indeks kualitas pengelolaan Keuangan BA 015",
}


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_matching_never_raises(text: str) -> None:
    code, score = match_indicator(text, CANDIDATES)
    assert 0 <= score <= 100
    assert code is None or code in CANDIDATES
    assert len(match_all([text, text], CANDIDATES)) == 2
