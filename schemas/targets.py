"""Targets as printed in PK and SKP tables: '100%', '3,25 (skala 4)', '4 (WTP)', '-'."""

from __future__ import annotations

import re
from decimal import Decimal

from schemas.errors import ParseError
from schemas.numbers import parse_number
from schemas.records import Target
from schemas.text import squash

# BPK audit opinions, best first; a target of 'WTP' means level 4.
BPK_OPINION_LEVELS: dict[str, int] = {"WTP": 4, "WDP": 3, "TW": 2, "TMP": 1}
_OPINION_NAMES: dict[str, str] = {
    "wajar tanpa pengecualian": "WTP",
    "wajar dengan pengecualian": "WDP",
    "tidak wajar": "TW",
    "tidak menyatakan pendapat": "TMP",
}

NO_TARGET = frozenset({"-", "\u2013", "\u2014", "\u2212", "--"})

# A leading comparison ('≥ 80%') is kept as the qualifier: Target has no operator field.
_TARGET = re.compile(
    r"""
    (?P<op>>=|<=|\u2265|\u2264|>|<|min\.?|maks\.?|maksimal|minimal)?\s*
    (?P<number>[+\-\u2212]?[0-9][0-9.,]*)
    (?:\s*(?P<percent>%))?
    (?:\s*\((?P<qualifier>[^()]*)\))?
    (?:\s+(?P<unit>[^\s0-9].*?))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(r"[+\-\u2212]?(?P<number>[0-9][0-9.,]*)")
_SCALE = re.compile(r"\bskala\s+(?P<max>[0-9][0-9.,]*)\s*$", re.IGNORECASE)


def parse_target(text: str) -> Target:
    """Read one target cell (its wrapped lines may be joined by any whitespace).

    A purely verbal target ('Baik') is kept with value None; so is '-' (no target for the
    period, which is not zero). A cell that starts like a number but is not an Indonesian
    number ('3.25') is an error.
    """
    if not isinstance(text, str):
        raise ParseError("a target", text)
    raw = squash(text)
    if not raw:
        raise ParseError("a target", text, "empty")
    if raw in NO_TARGET:
        return Target(raw=raw, value=None)
    opinion = _opinion_code(raw)
    if opinion is not None:
        return Target(raw=raw, value=Decimal(BPK_OPINION_LEVELS[opinion]), qualifier=opinion)
    match = _TARGET.fullmatch(raw)
    if match is None:
        # '80-90%' or '1 dokumen/2 laporan' are verbal, but a malformed number is not.
        lead = _LEADING_NUMBER.match(raw)
        if lead is not None and not _is_number(lead["number"]):
            raise ParseError("a target", text, f"{lead['number']!r} is not an Indonesian number")
        return Target(raw=raw, value=None)
    if not _is_number(match["number"]):
        raise ParseError("a target", text, f"{match['number']!r} is not an Indonesian number")
    value = parse_number(match["number"])
    qualifier = squash(match["qualifier"]) if match["qualifier"] is not None else None
    scale_max = _scale_max(qualifier, text) if qualifier else None
    if match["op"] is not None:
        qualifier = match["op"] if qualifier is None else f"{match['op']} {qualifier}"
    return Target(
        raw=raw,
        value=value,
        is_percent=match["percent"] is not None,
        scale_max=scale_max,
        qualifier=qualifier or None,
        unit=match["unit"],
    )


def _opinion_code(raw: str) -> str | None:
    upper = raw.upper()
    if upper in BPK_OPINION_LEVELS:
        return upper
    folded = raw.casefold().removeprefix("opini ").strip()
    return _OPINION_NAMES.get(folded)


def _scale_max(qualifier: str, text: str) -> Decimal | None:
    match = _SCALE.search(qualifier)
    if match is None:
        return None
    try:
        return parse_number(match["max"])
    except ParseError:
        raise ParseError("a target", text, "bad scale") from None


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ParseError:
        return False
    return True
