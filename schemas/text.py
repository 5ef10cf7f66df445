"""Whitespace and label clean-up for strings read from PDF text layers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_LETTER_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_TRAILING_LABEL_PUNCT = re.compile(r"[\s,:]+$")
_NOT_WORD = re.compile(r"[\W_]+")
# Characters that act on a terminal or a page instead of showing: C0/C1 controls, DEL, bidi overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def spell_unprintable(text: str) -> str:
    """Each control or bidi character spelled out as its Python escape ('\\x1b'), so a file
    name or a subject shows as inert text wherever it is printed."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def join_wrapped(lines: Sequence[str]) -> str:
    """Join the lines of a wrapped table cell into one line.

    A line ending in a hyphen right after a letter ('Undang-') is a hyphenated word cut at the
    line end; Indonesian reduplication ('Undang-Undang') keeps the hyphen, so the next line is
    glued on without a space and the hyphen stays.
    """
    joined = ""
    for line in lines:
        part = squash(line)
        if not part:
            continue
        if not joined:
            joined = part
        elif _LETTER_HYPHEN_END.search(joined):
            joined += part
        else:
            joined += " " + part
    return joined


def strip_label(text: str) -> str:
    """'Menteri Keuangan,' -> 'Menteri Keuangan'; 'NAMA :' -> 'NAMA'."""
    return _TRAILING_LABEL_PUNCT.sub("", squash(text))


def fold(text: str) -> str:
    """Comparison key: lowercase, accents removed, punctuation turned into spaces, squashed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = decomposed if decomposed.isascii() else "".join(ch for ch in decomposed if not unicodedata.combining(ch))  # ASCII combines nothing
    return squash(_NOT_WORD.sub(" ", bare.casefold()))


_SPACED_LETTERS = re.compile(r"\b(?:[^\W\d_] ){2,}[^\W\d_]\b")


def join_spaced_letters(text: str) -> str:
    """'N a m a : Budi' -> 'Nama : Budi': labels letter-spaced with real space characters."""
    return _SPACED_LETTERS.sub(lambda m: m.group().replace(" ", ""), text)
