"""A borderless table from our own characters: the columns are the white gaps that run
down the whole band of the page under its header.

camelot's stream flavour finds columns from pdfminer's text lines, which join a code and
the objective printed a few points after it ('1a-CP Meningkatnya ...') into one line, and
its columns change from page to page with the text on each. Here each baseline is cut at
gaps wider than a word space, the body's segments are projected on the x axis, and a
column boundary is the middle of each gap no body line crosses. A table continued on the
next page keeps the boundaries of its first part.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import replace

from extractors.geometry import x_overlap
from extractors.grid import Cell, Table
from extractors.layout import Char, Segment, TextLine, group_lines
from extractors.page import PageLayout
from extractors.sections import HEADER_LABEL, is_period_label
from schemas.targets import NO_TARGET
from schemas.text import fold

CELL_GAP = 0.45  # font sizes: a wider gap inside a baseline parts two cells (a word space is ~0.28)
WORD_GAP = 0.15  # font sizes: a wider gap between two characters parts two words
LEADING_SPECKS = "_~:'\"\u201c\u201d\u2018\u2019`"
COLUMN_GAP = 0.45  # font sizes: the narrowest white gap down the body that separates columns
# Labels that head a column of their own, never the second word of another's ('Anggaran Keterangan'
# is two columns, though 'Anggaran (Rp)' or 'Anggaran Tahun 2021' is one label).
OWN_COLUMN_LABELS = frozenset({"keterangan", "ket", "satuan", "target", "sumber"})
PERIOD_WORDS = ("tw", "trw", "triwulan", "semester", "smt")  # words that name a period column


def band_lines(page: PageLayout, top: float, bottom: float) -> list[TextLine]:
    """The band's baselines, each cut into segments at gaps wider than a word space."""
    chars: list[Char] = [c for c in page.chars if top <= (c.top + c.bottom) / 2 <= bottom]
    if not chars:
        return []
    size = statistics.median(c.size for c in chars if c.text.strip()) if any(c.text.strip() for c in chars) else 10.0
    return group_lines(chars, column_gap=CELL_GAP * size)


def _gaps(spans: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """The white gaps at least ``width`` wide between horizontal spans."""
    spans = sorted(spans)
    out: list[tuple[float, float]] = []
    reach = spans[0][1] if spans else 0.0
    for x0, x1 in spans[1:]:
        if x0 - reach >= width:
            out.append((reach, x0))
        reach = max(reach, x1)
    return out


def column_separators(header: TextLine, body: list[TextLine]) -> tuple[float, ...]:
    """The middle of each white gap that runs down the table's rows. Rows of few cells (an
    objective printed across a Rincian, a value's wrapped line) may cross a gap that the rows
    of many cells show: there the rows of many cells decide, and where such a row starts
    right of the table's left edge (a header row of periods only), a column starts. If the
    rows still show fewer columns than the header, a gap between header words that no row's
    text crosses parts columns too (a part of a table with a single row under its header)."""
    most = max((len(line.segments) for line in body), default=0)
    rows = [line for line in body if 2 * len(line.segments) >= most] or [header]
    width = COLUMN_GAP * statistics.median(s.size for line in body or [header] for s in line.segments)
    every = _gaps([(s.x0, s.x1) for line in body for s in line.segments], width)
    dense_spans = [(s.x0, s.x1) for line in rows for s in line.segments]
    dense = _gaps(dense_spans, width)
    # a gap only the rows of many cells show must stand between two header words too (the
    # words of justified text leave gaps that no header confirms)
    heads = [header] + [line for line in body[:1] if all(is_period_label(s.text) for s in line.segments)]
    found = [(a + b) / 2 for a, b in every]
    found += [x for a, b in dense if not any(x_overlap((a, b), g) > 0 for g in every) and (x := _confirmed((a, b), heads, width)) is not None]
    left = min((s.x0 for line in body for s in line.segments), default=header.x0)
    for line in rows:
        x = line.segments[0].x0 - width / 2
        crossed = any(x0 < x < x1 for x0, x1 in dense_spans)
        if x > left + width and not crossed and _between_words(x, heads) and not any(x - 2 * width <= f <= x + width for f in found):
            found.append(x)
    if len(found) + 1 < len(header.segments):
        header_gaps = _gaps([(s.x0, s.x1) for s in header.segments], width)
        # text across two header gaps or more is printed across the table (an objective), not in a cell
        spans = [(s.x0, s.x1) for line in body for s in line.segments]
        cells = [span for span in spans if sum(x_overlap(span, g) > 0 for g in header_gaps) < 2]
        for a, b in header_gaps:
            if not any(x_overlap(span, (a, b)) > 0 for span in cells) and not any(a <= x <= b for x in found):
                # just right of the left word: the right column's text is left-aligned under a centred header
                found.append(a + min(width, (b - a) / 2))
    return tuple(x for x in sorted(found) if not _splits_label(x, header))


def _splits_label(x: float, header: TextLine) -> bool:
    """Would a boundary at x cut one header label in two ('Sasaran' | 'Strategis', spaced
    wide as justified or OCR'd text is)?"""
    left = [s for s in header.segments if s.x1 <= x]
    right = [s for s in header.segments if s.x0 >= x]
    if not (left and right) or fold(right[0].text).partition(" ")[0] in OWN_COLUMN_LABELS:
        return False
    return HEADER_LABEL.fullmatch(fold(f"{left[-1].text} {right[0].text}")) is not None


def _confirmed(gap: tuple[float, float], heads: list[TextLine], width: float) -> float | None:
    """Where a gap the rows of many cells show parts two columns, if the header confirms it:
    its middle, when that stands between two header words; else the middle of the stretch it
    shares with the gap between two header words (a label centred over a wide column reaches
    over the gap's middle: 'Indikator Kinerja Utama' above indicators that end far left of 'TW I')."""
    a, b = gap
    if _between_words((a + b) / 2, heads):
        return (a + b) / 2
    header = heads[0].segments
    for left, right in zip(header, header[1:]):
        lo, hi = max(a, left.x1), min(b, right.x0)
        if hi - lo >= width:
            return (lo + hi) / 2
    return None


def _between_words(x: float, lines: list[TextLine]) -> bool:
    """Does some line have words on both sides of x and none across it?"""
    return any(
        not any(s.x0 < x < s.x1 for s in line.segments) and line.segments[0].x1 < x < line.segments[-1].x0 for line in lines
    )


def _kept(lines: list[TextLine], keep: Callable[[str], bool]) -> list[TextLine]:
    return [replace(line, segments=kept) for line in lines if (kept := tuple(s for s in line.segments if keep(s.text)))]


def _worded(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _without_edge_specks(text: str) -> str:
    tokens = text.split()
    while len(tokens) > 1 and not _worded(tokens[0]):
        tokens.pop(0)
    while len(tokens) > 1 and not _worded(tokens[-1]):
        tokens.pop()
    if tokens and _worded(tokens[0]):
        tokens[0] = tokens[0].lstrip(LEADING_SPECKS)  # '"3', '“Anggaran': no cell starts with these
    return " ".join(tokens)


def _column_of(segment: Segment, edges: list[float]) -> int:
    """The column that holds most of a segment: a header word centred over its column may
    reach past the column's edge, an objective printed across a Rincian mostly stands in
    the column it starts in."""
    overlaps = [min(segment.x1, edges[c + 1]) - max(segment.x0, edges[c]) for c in range(len(edges) - 1)]
    return max(range(len(overlaps)), key=lambda c: overlaps[c])


def band_table(page: PageLayout, lines: list[TextLine], edges: list[float], *, specks: bool = False) -> Table:
    """One grid row per baseline, each segment in the column that holds most of it. `specks`:
    the text is a scan's OCR, whose signs at either end of a cell's words are specks (': Program',
    '— 9.590.400'); a sign alone in its cell ('-', nothing planned) stays."""
    n_cols = len(edges) - 1
    grid: list[list[Cell | None]] = []
    for r, line in enumerate(lines):
        texts: list[list[str]] = [[] for _ in range(n_cols)]
        for seg in line.segments:
            texts[_column_of(seg, edges)].append(seg.text)
        row: list[Cell | None] = []
        for c, parts in enumerate(texts):
            text = _without_edge_specks(" ".join(parts)) if specks else " ".join(parts)
            row.append(Cell(text=text, lines=(text,) if text else (), bbox=(edges[c], line.top, edges[c + 1], line.bottom), row=r, col=c))
        grid.append(row)
    row_edges = [lines[0].top] + [line.bottom for line in lines]
    return Table(page=page.number, bbox=(edges[0], row_edges[0], edges[-1], row_edges[-1]), col_edges=list(edges), row_edges=row_edges, grid=grid)


def read_band(page: PageLayout, top: float, bottom: float, edges: tuple[float, ...] = ()) -> Table | None:
    """The table printed in a band of the page: under a header line (the band's first line,
    left out of the column search, as its cells may span several columns), or continuing a
    table whose column edges are given."""
    lines = band_lines(page, top, bottom)
    if page.is_scanned:  # OCR reads specks of signs off a scan ('_', '....', "'"); a dash may mean nothing planned
        lines = _kept(lines, lambda text: _worded(text) or text in NO_TARGET)
    if not lines:
        return None
    if not edges:
        worded = _kept(lines, _worded) if page.is_scanned else lines  # a dash bridges no column's gap either
        separators = column_separators(worded[0], worded[1:]) if worded else ()
        left = min(s.x0 for line in lines for s in line.segments) - 1
        right = max(s.x1 for line in lines for s in line.segments) + 1
        edges = (left, *separators, right)
    lines = [_own_labels_apart(page, lines[0], edges), *lines[1:]]  # a header, or a continued table's repeated one
    return band_table(page, lines, list(edges), specks=page.is_scanned)


def _own_labels_apart(page: PageLayout, header: TextLine, edges: tuple[float, ...]) -> TextLine:
    """The header line, a label of a column of its own that a narrow gap joined to the label
    before it ('Alokasi Anggaran Sumber' over the amount and the source column) cut off at a
    column edge, so each stands over its column."""
    segments: list[Segment] = []
    for seg in header.segments:
        inner = [e for e in edges[1:-1] if seg.x0 < e < seg.x1]
        words = _words(page, seg) if inner else []
        cuts = [k for k, w in enumerate(words) if k and _opens_own_label(w.text) and any(abs(w.x0 - e) <= 2 * w.size for e in inner)]
        if not cuts:
            segments.append(seg)
            continue
        for a, b in zip([0, *cuts], [*cuts, len(words)]):
            part = words[a:b]
            segments.append(replace(seg, text=" ".join(w.text for w in part), x0=part[0].x0, x1=part[-1].x1))
    return replace(header, segments=tuple(segments))


def _opens_own_label(word: str) -> bool:
    """A word that starts a column's label of its own: 'Sumber', 'Keterangan', 'Satuan', and
    each period's ('Triwulan III Triwulan IV' are two columns)."""
    folded = fold(word)
    return folded in OWN_COLUMN_LABELS or folded in PERIOD_WORDS or folded == "tahunan"


def _words(page: PageLayout, seg: Segment) -> list[Segment]:
    """A segment's words, from the page's characters."""
    inside = (c for c in page.chars if seg.x0 - 0.5 <= (c.x0 + c.x1) / 2 <= seg.x1 + 0.5 and seg.top - 1 <= (c.top + c.bottom) / 2 <= seg.bottom + 1)
    chars = sorted((c for c in inside if c.text.strip()), key=lambda c: c.x0)
    words: list[list[Char]] = []
    for c in chars:
        if not words or c.x0 - words[-1][-1].x1 > WORD_GAP * c.size:
            words.append([])
        words[-1].append(c)
    return [replace(seg, text="".join(c.text for c in w), x0=w[0].x0, x1=w[-1].x1) for w in words]
