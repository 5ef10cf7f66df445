"""Ruled rows that hold several figures stacked in one cell, cut at the figures' lines.

A scan's table read from its image's rules (extractors/image_rules.py) has the rows the
printer ruled, and some forms rule only between groups: one ruled row then lists an indicator
and its sub-items ('- Daging (ton)', '- Telur (ton)', ...) with a target for each, one
above the other in the same cell. Read as one row, the targets run together ('741.709
210.664 261.792') and no figure has its indicator. Each such row is cut between its stacked
figures: below a figure's line where the label goes on (the label of the next figure begins
after it), or above the next figure's line where that line begins an item ('-', '1.1.2').
The cuts are guesses from the text's positions, not rules the page draws: the rows they
make carry an `extraction_rows_cut_at_figures` finding on the table (a row's box spans the
merged cells beside it, so the table's box is the one that holds each of its rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.grid import Cell, Table
from extractors.layout import CharIndex, TextLine, group_lines
from schemas.records import BBox

FIGURE = re.compile(r"^(rp\.?\s*)?[-+]?\d[\d.,]*\s*%?$", re.IGNORECASE)  # '741.709', '10,0', '95 %'
# A line that stands for a figure in a column of them: a dash (none), or a zero that OCR read
# as the letter ('o'); the cut is made, the reading is kept as it is (no value).
FIGURE_MARK = re.compile(r"^([-\u2013]|[oO])$")
ITEM_START = re.compile(r"^([-\u2013\u2022\u00b7*]\s*\S|\d{1,2}(\.\d{1,2})+\.?\s|[a-z][.)]\s)")  # '- Telur', '1.1.2 Jumlah', 'a. '


@dataclass(slots=True)
class Cut:
    """A horizontal cut made inside ruled row `row` of a table, as a pdfplumber edge."""

    y: float
    x0: float
    x1: float
    row: int  # the ruled row it cuts
    table: BBox  # of the table as ruled

    def edge(self) -> dict:
        box = {"x0": self.x0, "x1": self.x1, "top": self.y, "bottom": self.y, "width": self.x1 - self.x0, "height": 0.0}
        return {"object_type": "line", "orientation": "h"} | box


def _stacked_figures(cell: Cell, index: CharIndex) -> list[TextLine]:
    """The lines of a cell that holds only figures, two or more one above the other."""
    lines = group_lines(index.inside(cell.bbox))
    figures = [bool(FIGURE.match(line.text.strip())) for line in lines]
    if len(lines) < 2 or not any(figures) or not all(f or FIGURE_MARK.match(line.text.strip()) for f, line in zip(figures, lines)):
        return []
    return lines


def _level(lines: list[TextLine], figure: TextLine) -> int | None:
    """The index of the label line on the figure's baseline (overlapping it most)."""
    best, overlap = None, 0.0
    for i, line in enumerate(lines):
        shared = min(line.bottom, figure.bottom) - max(line.top, figure.top)
        if shared > overlap:
            best, overlap = i, shared
    return best


def _above(lines: list[TextLine], figure: TextLine) -> int | None:
    """The index of the last label line above a figure printed on a line of its own, under
    its label (a cell aligned to its bottom)."""
    above = [i for i, line in enumerate(lines) if line.bottom <= figure.top + 1]
    return above[-1] if above else None


def _cut_between(labels: list[TextLine], above: TextLine, below: TextLine) -> float | None:
    """Where the row is cut between two stacked figures, on the labels' line gaps."""
    first, second = _level(labels, above), _level(labels, below)
    if first is None and (first := _above(labels, above)) is not None:
        # the figure stands under its label: cut under the figure, above the next label line
        nxt = labels[first + 1] if first + 1 < len(labels) else None
        if nxt is None or nxt.top < above.bottom or (second is not None and second <= first):
            return None
        return (above.bottom + nxt.top) / 2
    second = second if second is not None else _above(labels, below)
    if first is None or second is None or second <= first:
        return None
    after = second - 1 if ITEM_START.match(labels[second].text) else first  # the label line the cut goes under
    return (labels[after].bottom + labels[after + 1].top) / 2


def _span(table: Table, r: int, cell: Cell) -> tuple[float, float]:
    """The columns a cut crosses: those about the figures' cell whose cells are of this ruled
    row alone (a merged cell, such as an objective over several rows, is not cut)."""
    lo, hi = cell.col, cell.col + cell.colspan  # column edges
    while lo > 0 and (c := table.grid[r][lo - 1]) is not None and c.rowspan == 1:
        lo = c.col
    while hi < table.n_cols and (c := table.grid[r][hi]) is not None and c.rowspan == 1:
        hi = c.col + c.colspan
    return table.col_edges[lo], table.col_edges[hi]


def figure_cuts(table: Table, index: CharIndex) -> list[Cut]:
    """The cuts that give each stacked figure of the table's ruled rows a row of its own."""
    cuts: list[Cut] = []
    for r in range(len(table.row_edges) - 1):
        for cell in table.row_cells(r):
            if cell.rowspan != 1 or cell.row != r or len(figures := _stacked_figures(cell, index)) < 2:
                continue
            x0, x1 = _span(table, r, cell)
            label_box: BBox = (x0, table.row_edges[r], cell.bbox[0], table.row_edges[r + 1])
            labels = group_lines(index.inside(label_box))
            for above, below in zip(figures, figures[1:]):
                if (y := _cut_between(labels, above, below)) is not None:
                    cuts.append(Cut(y, x0, x1, r, table.bbox))
    return cuts
