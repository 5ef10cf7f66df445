"""Is a page's text layer usable? Measured, not guessed from the producer.

A scan may carry no text layer, or another tool's OCR layer of poor quality ('kine~a',
'Narna', 'PlHAK', 'Sarat' for 'Barat'). The measure is the share of a page's words that are
known Indonesian words or official abbreviations (the word lists in extractors/data/, built
from the repository's own text; nothing is downloaded). Only scanned pages are judged: a
born-digital page's text is what its author typed, whatever its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from extractors.page import PageLayout

# Calibrated on ../shared/realworld (README, "Scanned documents: OCR"): on born-digital pages
# 51-93% of the words are known and at most 9% are misreadings; the EPSON Scan layer of
# jabar-desdm has 22% misreadings on page 1 ('akuntabef', 'PlHAK', 'dalarn', 'krnerja').
MIN_HIT_RATE = 0.45
MAX_MISREAD_RATE = 0.15
MIN_WORDS = 15  # fewer words (a signature page, a stamp) say nothing either way
WORD_FILES = ("indonesian_words.txt", "administrative_words.txt")
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'.,:;()[]{}!?*-–/"
_INNER_SYMBOL = re.compile(r"[^A-Za-z'.,]")
_ODD_CASE = re.compile(r"[A-Z]{2}[a-z][A-Z]|[A-Z][a-z][A-Z]{2}|[a-z][A-Z]{2}")


@dataclass(frozen=True)
class PageText:
    number: int
    scanned: bool
    words: int  # tokens that hold a letter and no digit, 3 characters or more
    hits: int  # of those, known words
    misreads: int  # of those, one letter off a known word, a symbol inside, or 'PlHAK' casing

    @property
    def hit_rate(self) -> float:
        return self.hits / self.words if self.words else 0.0

    @property
    def misread_rate(self) -> float:
        return self.misreads / self.words if self.words else 0.0

    @property
    def garbage(self) -> bool:
        """A text layer over a scan that reads as another tool's poor OCR."""
        return self.scanned and self.words >= MIN_WORDS and (self.hit_rate < MIN_HIT_RATE or self.misread_rate >= MAX_MISREAD_RATE)

    @property
    def blank_scan(self) -> bool:
        return self.scanned and self.words == 0


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    found: set[str] = set()
    for name in WORD_FILES:
        text = resources.files("extractors.data").joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            found.update(line.split("#", 1)[0].lower().split())
    return frozenset(found)


@lru_cache(maxsize=1)
def _sorted_words() -> list[str]:
    return sorted(known_words())


def misread(word: str) -> bool:
    """What OCR does to a word: a symbol inside it ('kine~a'), a lower-case letter inside
    capitals ('PlHAK', 'JULiANDI'), one letter off a known word ('daiam', 'krnerja'), or
    'rn' for 'm' ('dalarn')."""
    if _INNER_SYMBOL.search(word[1:-1]) or _ODD_CASE.search(word):
        return True
    lower = word.lower()
    if lower in known_words() or len(lower) < 4:
        return False
    if "rn" in lower and lower.replace("rn", "m") in known_words():  # 'dalarn': OCR's m
        return True
    return process.extractOne(lower, _sorted_words(), scorer=Levenshtein.distance, score_cutoff=1) is not None


def words_of(text: str) -> list[str]:
    """Tokens with a letter and no digit, 3 characters or more; '/' and '-' split ('Kab/Kota')."""
    parts = (part.strip(_EDGE) for token in _TOKEN.findall(text) for part in re.split(r"[/\-]", token))
    return [w for w in parts if len(w) >= 3 and not any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w)]


def page_text(page: PageLayout) -> PageText:
    words = words_of("\n".join(line.text for line in page.all_lines()))
    vocabulary = known_words()
    hits = sum(w.lower() in vocabulary for w in words)
    misreads = sum(misread(w) for w in words) if page.is_scanned else 0  # only scans are judged
    return PageText(page.number, page.is_scanned, len(words), hits, misreads)


def pages_to_ocr(pages: list[PageLayout]) -> tuple[list[int], bool]:
    """The pages kinerja must OCR and whether an existing layer is replaced (--force-ocr):
    scans without text; and when any scan's layer reads as garbage, every scanned page
    (one tool wrote that layer)."""
    texts = [page_text(p) for p in pages if p.is_scanned]
    if any(t.garbage for t in texts):
        return [t.number for t in texts if t.scanned], True
    return [t.number for t in texts if t.blank_scan], False
