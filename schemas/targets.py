"""Targets as printed in PK and SKP tables: '100%', '3,25 (skala 4)', '4 (WTP)', '12 Kegiatan', '-'."""

from __future__ import annotations

import re
from decimal import Decimal

from schemas.errors import ParseError
from schemas.numbers import SCALE_WORDS, parse_number
from schemas.records import Target
from schemas.text import squash

NO_TARGET = frozenset({"-", "\u2013", "\u2014", "\u2212", "--"})

# A leading comparison ('≥ 80%') is kept as the qualifier: Target has no operator field.
_TARGET = re.compile(
    r"""
    (?P<op>>=|<=|\u2265|\u2264|>|<|min\.?|maks\.?|maksimal|minimal)?\s*
    (?P<number>[+\-\u2212]?[0-9][0-9.,]*)
    (?:\s*(?P<percent>%|persen\b))?
    (?:\s*\((?P<qualifier>[^()]*)\))?
    (?:\s+(?P<unit>[^\s0-9].*?))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A grade before its bracketed score: 'B (65)', 'A (85%)'.
_GRADE = re.compile(r"(?P<grade>[A-Za-z]{1,3}[+\-]?)\s*\(\s*(?P<number>[0-9][0-9.,]*)\s*(?P<percent>%)?\s*\)")
# A scale word right after the number multiplies it: '500 ribu org' is 500000 'org'.
_SCALE_WORD = re.compile(r"(?P<word>" + "|".join(SCALE_WORDS) + r")\b\.?\s*(?P<rest>.*)$", re.IGNORECASE)
# Words that list another number ('13 Cagar Budaya, 6.924 Koleksi', '1 dokumen/2 laporan'):
# several targets in one cell, so no single value.
# A range ('85 - 90%', '3 s.d. 5', '10 sampai 12') is several numbers too.
_SEVERAL = re.compile(r"[,;/+]\s*[0-9]|\bdan\s+[0-9]|^[-\u2013]\s*[0-9]|\bs\s*[./]\s*d\.?\s*[0-9]|\bsampai\s+[0-9]", re.IGNORECASE)
# Footnote marks after a target ('100%*', '90 %**') point to a note under the table.
_FOOTNOTE = re.compile(r"\s*\*+$")
_LEADING_NUMBER = re.compile(r"[+\-\u2212]?(?P<number>[0-9][0-9.,]*)")
_SCALE = re.compile(r"\bskala\s+(?P<max>[0-9][0-9.,]*)\s*$", re.IGNORECASE)
# A decimal point printed the English way ('89.16%', '3.5 (skala 4)'): one '.' before one or two
# digits is never Indonesian thousands grouping (three digits), so the reading is no guess, and an
# OCR that took a ',' for a '.' gives the same value. '1.250' stays Indonesian: one thousand 250.
_ENGLISH_DECIMAL = re.compile(r"(?P<sign>[+\-\u2212]?)(?P<int>[0-9]+)\.(?P<frac>[0-9]{1,2})")


def parse_target(text: str) -> Target:
    """Read one target cell (its wrapped lines may be joined by any whitespace).

    The number (and `%`) is the value; the words printed with it are the qualifier
    (CONTRACT.md): a grade '4 (WTP)' -> 'WTP', a scale '3,25 (skala 4)' -> 'skala 4' (and
    scale_max 4), a unit '12 Kegiatan' -> 'Kegiatan' (also kept as `unit`), a grade before
    its bracketed score 'B (65)' -> 65 and 'B'; '500 ribu org' is 500000 and 'org'. A target
    that is only words ('Baik', 'WTP', 'III') has value None and the words as qualifier;
    '-' is no target (not zero); several numbers with words ('13 Cagar Budaya, 6.924
    Koleksi') or a range ('80-90%') keep only the raw text. A decimal point printed the
    English way ('89.16%') is read as one; a cell that starts like a number but is no
    number in either reading ('3.2.5', '1.2345') is an error.
    """
    if not isinstance(text, str):
        raise ParseError("a target", text)
    raw = squash(text)
    if not raw:
        raise ParseError("a target", text, "empty")
    if raw in NO_TARGET:
        return Target(raw=raw, value=None)
    if not any(ch.isdigit() for ch in raw):
        return Target(raw=raw, value=None, qualifier=raw)
    graded = _GRADE.fullmatch(raw)
    if graded is not None and _is_number(graded["number"]):
        return Target(
            raw=raw, value=_number(graded["number"]), is_percent=graded["percent"] is not None, qualifier=graded["grade"]
        )
    match = _TARGET.fullmatch(_FOOTNOTE.sub("", raw))
    if match is None or (match["unit"] and _SEVERAL.search(match["unit"])):
        lead = _LEADING_NUMBER.match(raw)
        if lead is not None and not _is_number(lead["number"]):
            raise ParseError("a target", text, f"{lead['number']!r} is not an Indonesian number")
        return Target(raw=raw, value=None)
    if not _is_number(match["number"]):
        raise ParseError("a target", text, f"{match['number']!r} is not an Indonesian number")
    value = _number(match["number"])
    unit = match["unit"]
    scaled = _SCALE_WORD.match(unit) if unit else None
    if scaled is not None:
        value = value * 10 ** SCALE_WORDS[scaled["word"].lower()]
        unit = scaled["rest"] or None
    bracketed = squash(match["qualifier"]) if match["qualifier"] is not None else None
    scale_max = _scale_max(bracketed, text) if bracketed else None
    qualifier = " ".join(q for q in (bracketed, unit) if q) or None
    if match["op"] is not None:
        qualifier = match["op"] if qualifier is None else f"{match['op']} {qualifier}"
    return Target(
        raw=raw,
        value=value,
        is_percent=match["percent"] is not None,
        scale_max=scale_max,
        qualifier=qualifier,
        unit=unit,
    )


def _scale_max(qualifier: str, text: str) -> Decimal | None:
    match = _SCALE.search(qualifier)
    if match is None:
        return None
    try:
        return _number(match["max"])
    except ParseError:
        raise ParseError("a target", text, "bad scale") from None


def _number(text: str) -> Decimal:
    """An Indonesian number, or one whose decimal point is printed the English way."""
    english = _ENGLISH_DECIMAL.fullmatch(text)
    if english is None:
        return parse_number(text)
    value = Decimal(f"{english['int']}.{english['frac']}")
    return -value if english["sign"] in ("-", "\u2212") else value


def _is_number(text: str) -> bool:
    try:
        _number(text)
    except ParseError:
        return False
    return True
