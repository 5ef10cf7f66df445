"""Layout primitives: characters, segments of a baseline, text lines, and the grouping
of characters into lines. Every reader (page text, ruled cells, stream tables) builds on these."""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter, itemgetter

from schemas.records import BBox

BASELINE_TOLERANCE = 0.45  # font sizes: characters whose centres differ less share a baseline
MIN_FONT_SIZE = 4.0  # points: the smallest size the baseline tolerance is measured with
COLUMN_GAP = 3.0  # font sizes: a wider gap cuts a baseline into segments (columns) ...
MIN_COLUMN_GAP = 18.0  # points: ... but never a gap narrower than this
WORD_GAP = 0.5  # font sizes: a gap this wide is a word space whatever its neighbours
TIGHT_WORD_GAP = 0.2  # font sizes: a narrower gap is a word space unless the text is letter-spaced
SPACED_WORD_GAP = 1.5  # in a heading spaced with space characters, a gap this many times the usual one parts words

_POSITION, _X0, _FIRST = attrgetter("top", "x0"), attrgetter("x0"), itemgetter(0)


# Char, Segment and TextLine are made by the thousand a page: not frozen, because a frozen
# dataclass sets each field through object.__setattr__ (five times the cost of making one);
# nothing changes them once made, and they hash by value as frozen ones would.
@dataclass(slots=True, unsafe_hash=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # The baseline's fall per point rightwards (top-left coordinates), as the text matrix writes
    # it: 0 for level text; an OCR layer writes each line along the scan's slant (-0.03: rising).
    slope: float = 0.0


MAX_SLOPE = 0.1  # about 6 degrees: a steeper baseline is turned text, not a slanted scan line


# Font sizes: no letter, figure or sign is this wide (an em dash is 1). An OCR layer scales each
# word's glyphs to the box the OCR engine found, so a smear, a rule's dashes or a stamp's edge
# read as 'ye', 'em' or 'LN' comes out 1.4 to 5 sizes wide a glyph; real words 0.3 to 0.7.
MAX_GLYPH_WIDTH = 1.25


def without_smears(chars: Sequence[Char], ruled: Sequence[tuple[float, float, float, float]] = ()) -> list[Char]:
    """A scan's OCR characters without those stretched wider than any glyph is: specks read
    off a smear or a rule, which would bridge the white gaps between a borderless table's
    columns. Inside a ruled table (boxes `ruled`) they stay: there the rules part the columns,
    and a smudged figure read as a speck still tells that its cell holds something."""

    def ruled_over(c: Char) -> bool:
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in ruled)

    return [c for c in chars if c.x1 - c.x0 <= MAX_GLYPH_WIDTH * c.size or not c.text.strip() or ruled_over(c)]


def slope_of(a: float, b: float) -> float:
    """A text matrix's baseline slope (its first row a, b), 0 beyond MAX_SLOPE."""
    return -b / a if a > 0 and abs(b) < MAX_SLOPE * a else 0.0


@dataclass(slots=True, unsafe_hash=True)
class Segment:
    """A run of text on one baseline, cut where a wide gap separates columns."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True, unsafe_hash=True)
class TextLine:
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


def group_lines(chars: Sequence[Char], *, column_gap: float | None = None) -> list[TextLine]:
    """Cluster characters into baselines, then cut each baseline into segments.

    Spaces are inferred from gaps as well as taken from space characters, because Word
    and other producers often position words without emitting a space.
    """
    visible = sorted([c for c in chars if c.text == " " or c.text.strip()], key=_POSITION)
    slanted = any(c.slope for c in visible)
    # the slant is measured from the middle of the text: lines of other slants (a level line under
    # a slanted one) then meet their neighbours where they stand, not where their slants would carry them
    middle = _median([(c.x0 + c.x1) / 2 for c in visible]) if slanted else 0.0
    keyed: list[tuple[tuple[float, float], TextLine]] = []
    for row in _slanted_rows(visible, middle) if slanted else _rows(visible):
        row.sort(key=_X0)
        segs = _segments(row, column_gap)
        if segs:
            # a slanted line is ordered by where it stands square to its slant, not by its highest end
            top = min([c.top - c.slope * ((c.x0 + c.x1) / 2 - middle) for c in row]) if slanted else min([s.top for s in segs])
            keyed.append(((round(top, 1), segs[0].x0), TextLine(tuple(segs))))
    keyed.sort(key=_FIRST)
    return [line for _, line in keyed]


def _rows(visible: list[Char]) -> list[list[Char]]:
    """Characters (in order of top, then x0) clustered into baselines by their vertical centres."""
    rows: list[list[Char]] = []
    row: list[Char] = []
    recent: list[float] = []  # the vertical centres of the last row's last four characters
    for ch in visible:
        mid = (ch.top + ch.bottom) / 2
        if row and abs(mid - math.fsum(recent) / len(recent)) <= max(ch.size, MIN_FONT_SIZE) * BASELINE_TOLERANCE:
            row.append(ch)
            recent.append(mid)
            if len(recent) > 4:
                del recent[0]
            continue
        row = [ch]
        rows.append(row)
        recent = [mid]
    return rows


def _slanted_rows(visible: list[Char], middle: float) -> list[list[Char]]:
    """Baselines of text written along a slant (an OCR layer over a crooked scan: a line's far
    end sits a line higher), clustered as if level: each character moved up or down by its
    slope, square to the slant, then given back as it is placed."""
    pairs = [(replace(c, top=c.top - (shift := c.slope * ((c.x0 + c.x1) / 2 - middle)), bottom=c.bottom - shift), c) for c in visible]
    pairs.sort(key=lambda pair: _POSITION(pair[0]))
    placed = {id(moved): c for moved, c in pairs}
    return [[placed[id(moved)] for moved in row] for row in _rows([moved for moved, _ in pairs])]


def _segments(row: list[Char], column_gap: float | None) -> list[Segment]:
    """A row's characters cut where a gap is wider than a column gap. Only a space character is
    visible but no glyph (group_lines keeps no other blank): a segment starts with a glyph."""
    gap_limit = column_gap if column_gap is not None else max(COLUMN_GAP * _median([c.size for c in row]), MIN_COLUMN_GAP)
    out: list[Segment] = []
    buf: list[Char] = []
    prev_x1: float | None = None
    for ch in row:
        if ch.text == " ":
            if buf:
                buf.append(ch)
            continue
        if prev_x1 is not None and ch.x0 - prev_x1 > gap_limit:
            out.append(_segment(buf))
            buf = []
        buf.append(ch)
        prev_x1 = ch.x1
    if buf:
        out.append(_segment(buf))
    return out


def _segment(buf: list[Char]) -> Segment:
    """The characters gathered, a glyph first, as one segment."""
    chunks: list[list[Char]] = []  # the glyphs between space characters
    chunk: list[Char] = []
    for ch in buf:
        if ch.text != " ":
            chunk.append(ch)
        elif chunk:
            chunks.append(chunk)
            chunk = []
    if chunk:
        chunks.append(chunk)
    glyphs = chunks[0] if len(chunks) == 1 else [c for chunk in chunks for c in chunk]
    return Segment(
        text=_join_spaced_letters([_word(chunk) for chunk in chunks], chunks).strip(),
        x0=glyphs[0].x0,
        x1=glyphs[-1].x1,
        top=min([c.top for c in glyphs]),
        bottom=max([c.bottom for c in glyphs]),
        size=_median([c.size for c in glyphs]),
        bold=sum([c.bold for c in glyphs]) * 2 > len(glyphs),
    )


def _median(values: list[float]) -> float:
    """statistics.median without its generic machinery: this runs once per segment."""
    values.sort()
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


def _word(chunk: list[Char]) -> str:
    """Glyphs between space characters -> text, with spaces where the producer left only a gap.

    A gap is a word space when it is wide for the font and wider than the gaps beside it,
    so letter-spaced labels ('N a m a') stay one word while positioned words
    ('Sasaran' 'Strategis', no space character) are split.
    """
    if len(chunk) < 2:
        return chunk[0].text
    gaps = [b.x0 - a.x1 for a, b in zip(chunk, chunk[1:])]
    text = [chunk[0].text]
    for i, gap in enumerate(gaps):
        ch = chunk[i + 1]
        size = min(ch.size, chunk[i].size)
        if gap > WORD_GAP * size or (gap > TIGHT_WORD_GAP * size and not _tracked(gaps, i, size)):
            text.append(" ")
        text.append(ch.text)
    return "".join(text)


def _tracked(gaps: list[float], i: int, size: float) -> bool:
    """Is gap i no wider than the gaps beside it (letter-spacing, not a word space)?"""
    beside = [g for g in (gaps[i - 1] if i else None, gaps[i + 1] if i + 1 < len(gaps) else None) if g is not None]
    return bool(beside) and gaps[i] < 1.8 * max(min(beside), 0.0) + 0.15 * size


def _join_spaced_letters(words: list[str], chunks: list[list[Char]]) -> str:
    """A heading typed letter by letter with space characters ('P E R J A N J I A N   K I N
    E R J A'): the letters of a word are one word again; a wider gap separates words."""
    singles = sum(len(w) == 1 for w in words)
    if len(words) < 4 or singles * 10 < len(words) * 7:
        return " ".join(words)
    gaps = [b[0].x0 - a[-1].x1 for a, b in zip(chunks, chunks[1:])]
    usual = statistics.median(gaps)
    out = [words[0]]
    for gap, prev, word in zip(gaps, words, words[1:]):
        letters = len(prev) == 1 and len(word) == 1 and prev.isalnum() and word.isalnum()
        out.append(word if letters and gap <= SPACED_WORD_GAP * usual else " " + word)
    return "".join(out)


class CharIndex:
    """Characters sorted by vertical centre, for fast lookup of those inside a box."""

    def __init__(self, chars: Iterable[Char]):
        self._chars = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
        self._mids = [(c.top + c.bottom) / 2 for c in self._chars]
        self._centres = [(c.x0 + c.x1) / 2 for c in self._chars]

    def inside(self, bbox: BBox) -> list[Char]:
        x0, top, x1, bottom = bbox
        lo = bisect.bisect_left(self._mids, top)
        hi = bisect.bisect_right(self._mids, bottom)
        return [c for c, centre in zip(self._chars[lo:hi], self._centres[lo:hi]) if x0 <= centre <= x1]
