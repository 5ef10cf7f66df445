"""Layout primitives: characters, segments of a baseline, text lines, and the grouping
of characters into lines. Every reader (page text, ruled cells, stream tables) builds on these."""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schemas.records import BBox

BASELINE_TOLERANCE = 0.45  # font sizes: characters whose centres differ less share a baseline
MIN_FONT_SIZE = 4.0  # points: the smallest size the baseline tolerance is measured with
COLUMN_GAP = 3.0  # font sizes: a wider gap cuts a baseline into segments (columns) ...
MIN_COLUMN_GAP = 18.0  # points: ... but never a gap narrower than this
WORD_GAP = 0.5  # font sizes: a gap this wide is a word space whatever its neighbours
TIGHT_WORD_GAP = 0.2  # font sizes: a narrower gap is a word space unless the text is letter-spaced
SPACED_WORD_GAP = 1.5  # in a heading spaced with space characters, a gap this many times the usual one parts words


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    visible = sorted((c for c in chars if c.text.strip() or c.text == " "), key=lambda c: (c.top, c.x0))
    rows: list[list[Char]] = []
    recent: list[float] = []  # the vertical centres of the last row's last four characters
    for ch in visible:
        mid = (ch.top + ch.bottom) / 2
        if rows and abs(mid - math.fsum(recent) / len(recent)) <= max(ch.size, MIN_FONT_SIZE) * BASELINE_TOLERANCE:
            rows[-1].append(ch)
            recent.append(mid)
            if len(recent) > 4:
                del recent[0]
            continue
        rows.append([ch])
        recent = [mid]
    lines: list[TextLine] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        segs = _segments(row, column_gap)
        if segs:
            lines.append(TextLine(tuple(segs)))
    lines.sort(key=lambda l: (round(l.top, 1), l.x0))
    return lines


def _segments(row: Sequence[Char], column_gap: float | None) -> list[Segment]:
    out: list[Segment] = []
    buf: list[Char] = []
    prev: Char | None = None
    size = _median([c.size for c in row]) if row else 10.0
    gap_limit = column_gap if column_gap is not None else max(COLUMN_GAP * size, MIN_COLUMN_GAP)
    for ch in row:
        glyph = bool(ch.text.strip())
        if glyph and prev is not None and ch.x0 - prev.x1 > gap_limit:
            _flush(buf, out)
            buf = []
        if glyph or buf:
            buf.append(ch)
        if glyph:
            prev = ch
    _flush(buf, out)
    return out


def _flush(buf: list[Char], out: list[Segment]) -> None:
    """The characters gathered so far become one segment, if any of them is visible."""
    glyphs = [c for c in buf if c.text.strip()]
    if glyphs:
        out.append(
            Segment(
                text=_assemble(buf),
                x0=glyphs[0].x0,
                x1=glyphs[-1].x1,
                top=min([c.top for c in glyphs]),
                bottom=max([c.bottom for c in glyphs]),
                size=_median([c.size for c in glyphs]),
                bold=sum([c.bold for c in glyphs]) * 2 > len(glyphs),
            )
        )


def _median(values: list[float]) -> float:
    """statistics.median without its generic machinery: this runs once per segment."""
    values.sort()
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


def _assemble(chars: Sequence[Char]) -> str:
    """Characters of one segment -> text, with spaces where the producer left only a gap.

    A gap is a word space when it is wide for the font and wider than the gaps beside it,
    so letter-spaced labels ('N a m a') stay one word while positioned words
    ('Sasaran' 'Strategis', no space character) are split.
    """
    chunks: list[list[Char]] = [[]]
    for ch in chars:
        if ch.text.strip():
            chunks[-1].append(ch)
        elif chunks[-1]:
            chunks.append([])
    words: list[str] = []
    for chunk in chunks:
        if len(chunk) < 2:
            words.extend(c.text for c in chunk)
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(chunk, chunk[1:])]
        text = [chunk[0].text]
        for i, gap in enumerate(gaps):
            ch = chunk[i + 1]
            size = min(ch.size, chunk[i].size)
            if gap > WORD_GAP * size or (gap > TIGHT_WORD_GAP * size and not _tracked(gaps, i, size)):
                text.append(" ")
            text.append(ch.text)
        words.append("".join(text))
    return _join_spaced_letters(words, [c for c in chunks if c]).strip()


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

    def inside(self, bbox: BBox) -> list[Char]:
        x0, top, x1, bottom = bbox
        lo = bisect.bisect_left(self._mids, top)
        hi = bisect.bisect_right(self._mids, bottom)
        return [c for c in self._chars[lo:hi] if x0 <= (c.x0 + c.x1) / 2 <= x1]
