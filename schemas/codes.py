"""IKU (Indikator Kinerja Utama) codes: objective number, letter, type -- '1a-CP', '4b-N'."""

from __future__ import annotations

import re

from schemas.errors import ParseError

# Tolerates what text layers do to a printed code: spaces around the dash, an en dash,
# a capital letter, a lowercase type ('1A – cp'). parse/find return the canonical '1a-CP'.
IKU_CODE_RE = re.compile(
    r"(?P<objective>[0-9]{1,2})\s?(?P<letter>[A-Za-z])\s*[-\u2010\u2011\u2012\u2013\u2014]\s*(?P<type>[A-Za-z]{1,3})"
    r"(?![A-Za-z0-9])"
)
_LEADING_CODE = re.compile(r"\s*(?<![A-Za-z0-9])" + IKU_CODE_RE.pattern)
# OCR reads a leading '1' as 'l' or 'I' ('la-CP'): taken as 1 only before a lower-case letter
# and the type CP or N, which no Indonesian word at the head of an indicator looks like.
_LEADING_CODE_MISREAD_ONE = re.compile(r"\s*(?<![A-Za-z0-9])[lI](?P<letter>[a-z])\s*[-\u2013]\s*(?P<type>CP|N)(?![A-Za-z0-9])")


def parse_iku_code(text: str) -> tuple[int, str, str]:
    """'1a-CP' -> (1, 'a', 'CP'); '10a-CP' -> (10, 'a', 'CP'). The whole text must be a code."""
    match = IKU_CODE_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ParseError("an IKU code", text)
    return int(match["objective"]), match["letter"].lower(), match["type"].upper()


def format_iku_code(objective: int, letter: str, kind: str) -> str:
    return f"{objective}{letter.lower()}-{kind.upper()}"


def find_iku_code(text: str) -> str | None:
    """The canonical code a text starts with: '1a-CP Tingkat efektivitas ...' -> '1a-CP'."""
    if not isinstance(text, str):
        return None
    if (match := _LEADING_CODE.match(text)) is not None:
        return format_iku_code(int(match["objective"]), match["letter"], match["type"])
    if (match := _LEADING_CODE_MISREAD_ONE.match(text)) is not None:
        return format_iku_code(1, match["letter"], match["type"])
    return None
