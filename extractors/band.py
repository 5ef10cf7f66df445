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

from extractors.grid import Cell, Table
from extractors.layout import Char, Segment, TextLine, group_lines
from extractors.page import PageLayout

CELL_GAP = 0.45  # font sizes: a wider gap inside a baseline parts two cells (a word space is ~0.28)
COLUMN_GAP = 0.45  # font sizes: the narrowest white gap down the body that separates columns


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
    objective printed across a Rincian, a value's wrapped line) are left out; if the rows
    left show fewer columns than the header, a gap between header words that no row's text
    crosses parts columns too (a part of a table with a single row under its header)."""
    most = max((len(line.segments) for line in body), default=0)
    rows = [line for line in body if 2 * len(line.segments) >= most] or [header]
    size = statistics.median(s.size for line in body or [header] for s in line.segments)
    every = _gaps([(s.x0, s.x1) for line in body for s in line.segments], COLUMN_GAP * size)
    dense = _gaps([(s.x0, s.x1) for line in rows for s in line.segments], COLUMN_GAP * size)
    # every row's gaps, and the gaps of the rows of many cells that only rows of few cells cross
    found = [(a + b) / 2 for a, b in every + [g for g in dense if not any(g[0] < b and g[1] > a for a, b in every)]]
    if len(found) + 1 < len(header.segments):
        crossed = [(s.x0, s.x1) for line in body for s in line.segments]
        for a, b in _gaps([(s.x0, s.x1) for s in header.segments], COLUMN_GAP * size):
            if not any(x0 < b and x1 > a for x0, x1 in crossed) and not any(a <= x <= b for x in found):
                found.append((a + b) / 2)
    return tuple(sorted(found))


def _column_of(segment: Segment, edges: list[float]) -> int:
    middle = (segment.x0 + segment.x1) / 2
    inner = edges[1:-1]
    return sum(middle > x for x in inner)


def band_table(page: PageLayout, lines: list[TextLine], edges: list[float]) -> Table:
    """One grid row per baseline, each segment in the column its middle falls in."""
    n_cols = len(edges) - 1
    grid: list[list[Cell | None]] = []
    for r, line in enumerate(lines):
        texts: list[list[str]] = [[] for _ in range(n_cols)]
        for seg in line.segments:
            texts[_column_of(seg, edges)].append(seg.text)
        row: list[Cell | None] = []
        for c, parts in enumerate(texts):
            text = " ".join(parts)
            row.append(Cell(text=text, lines=(text,) if text else (), bbox=(edges[c], line.top, edges[c + 1], line.bottom), row=r, col=c))
        grid.append(row)
    row_edges = [lines[0].top] + [line.bottom for line in lines]
    return Table(page=page.number, bbox=(edges[0], row_edges[0], edges[-1], row_edges[-1]), col_edges=list(edges), row_edges=row_edges, grid=grid)


def read_band(page: PageLayout, top: float, bottom: float, edges: tuple[float, ...] = ()) -> Table | None:
    """The table printed in a band of the page: under a header line (the band's first line,
    left out of the column search, as its cells may span several columns), or continuing a
    table whose column edges are given."""
    lines = band_lines(page, top, bottom)
    if not lines:
        return None
    if not edges:
        separators = column_separators(lines[0], lines[1:])
        left = min(s.x0 for line in lines for s in line.segments) - 1
        right = max(s.x1 for line in lines for s in line.segments) + 1
        edges = (left, *separators, right)
    return band_table(page, lines, list(edges))
