"""Ruled grids: cells from ruling lines, spans from cell geometry, text per cell."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from pdfplumber.table import Table as FoundTable
from pdfplumber.table import TableFinder, TableSettings, cells_to_tables, edges_to_intersections, intersections_to_cells
from pdfplumber.utils import obj_to_bbox

from extractors.layout import CharIndex, group_lines
from schemas.records import BBox
from schemas.text import join_wrapped

# Settings passed to pdfplumber's table finder; documented in the README's settings table.
RULED_TABLE_SETTINGS: dict = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
EDGE_TOLERANCE = 1.5  # points: cell edges closer than this are the same grid line


class Ruling(Protocol):
    """What pdfplumber's table finder reads of a page: its edges (pdfplumber's dicts) and box."""

    @property
    def edges(self) -> list[dict]: ...

    @property
    def bbox(self) -> tuple[float, float, float, float]: ...


@dataclass(slots=True)
class Edges:
    """A page's edges read by another reader than pdfplumber, for pdfplumber's table finder."""

    edges: list[dict] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass(eq=False, slots=True)
class Cell:
    text: str
    lines: tuple[str, ...]
    bbox: BBox
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    line_boxes: tuple[BBox, ...] = ()  # each of `lines`' box, where the reader knows it (ruled grids)


@dataclass(eq=False, slots=True)
class Table:
    page: int
    bbox: BBox
    col_edges: list[float]
    row_edges: list[float]
    grid: list[list[Cell | None]]  # every slot of a merged cell points at the same Cell

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1

    def row_cells(self, r: int) -> list[Cell]:
        """The distinct cells of grid row r, left to right (a span counts once)."""
        seen: list[Cell] = []
        for cell in self.grid[r]:
            if cell is not None and all(cell is not s for s in seen):
                seen.append(cell)
        return seen

    def row_texts(self, r: int) -> list[str]:
        return [c.text for c in self.row_cells(r)]


def _cluster(values: list[float]) -> list[float]:
    edges: list[float] = []
    for v in sorted(values):
        if edges and v - edges[-1] <= EDGE_TOLERANCE:
            continue
        edges.append(v)
    return edges


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest v, the first of equals (min() by distance, without a key function)."""
    distances = [abs(e - v) for e in edges]
    return distances.index(min(distances))


def cell_text(index: CharIndex, bbox: BBox) -> tuple[str, tuple[str, ...], tuple[BBox, ...]]:
    found = group_lines(index.inside(bbox), column_gap=1e9)
    lines = tuple(l.text for l in found)
    return join_wrapped(lines), lines, tuple(l.bbox for l in found)


def build_table(page_no: int, cell_boxes: list[BBox], index: CharIndex) -> Table | None:
    if not cell_boxes:
        return None
    xs = _cluster([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = _cluster([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    grid: list[list[Cell | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for box in sorted(cell_boxes, key=lambda b: (b[1], b[0])):
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        text, lines, boxes = cell_text(index, box)
        cell = Cell(text=text, lines=lines, bbox=box, row=r0, col=c0, rowspan=r1 - r0, colspan=c1 - c0, line_boxes=boxes)
        for r in range(r0, r1):
            for c in range(c0, c1):
                grid[r][c] = cell
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Table(page=page_no, bbox=bbox, col_edges=xs, row_edges=ys, grid=grid)


def split_stacked(cell_boxes: list[BBox]) -> list[list[BBox]]:
    """Cells of tables drawn one right under the other (the budget table starting on the PK
    table's bottom rule) as one list per table. pdfplumber joins grids that share a rule; a
    new table starts at a row whose outer edges differ from the row above (another width), or
    where each of the two rows has a column boundary the other lacks (another set of columns).
    Merged cells only drop boundaries: a row of the same table has a subset of its neighbour's."""
    ys = _cluster([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    bands = [
        _cluster([x for b in cell_boxes if b[1] < bottom - EDGE_TOLERANCE and b[3] > top + EDGE_TOLERANCE for x in (b[0], b[2])])
        for top, bottom in zip(ys, ys[1:])
    ]
    cuts = [ys[i + 1] for i in range(len(bands) - 1) if bands[i] and bands[i + 1] and _another_table(bands[i], bands[i + 1])]
    groups: list[list[BBox]] = [[] for _ in range(len(cuts) + 1)]
    for box in cell_boxes:
        groups[sum(box[1] >= cut - EDGE_TOLERANCE for cut in cuts)].append(box)
    return [g for g in groups if g]


def _another_table(upper: list[float], lower: list[float]) -> bool:
    def near(x: float, edges: list[float]) -> bool:
        return any(abs(x - e) <= 2 * EDGE_TOLERANCE for e in edges)

    if not (near(upper[0], lower[:1]) and near(upper[-1], lower[-1:])):
        return True
    only_upper = [x for x in upper[1:-1] if not near(x, lower)]
    only_lower = [x for x in lower[1:-1] if not near(x, upper)]
    return bool(only_upper and only_lower)


def smallest_cells(intersections: dict) -> list[tuple]:
    """pdfplumber's intersections_to_cells, the same cells in the same order, in proportionate
    time: each point's edges made a set once, not at every comparison, and the points below and
    right of a point looked up, not searched for among all the points after it (which made
    pdfplumber's quadratic in the points). A coordinate that is NaN equals nothing, not even
    itself: pdfplumber's own search then."""
    points = sorted(intersections)
    if any(x != x or y != y for x, y in points):
        return intersections_to_cells(intersections)
    vertical = {p: set(map(obj_to_bbox, e["v"])) for p, e in intersections.items()}
    horizontal = {p: set(map(obj_to_bbox, e["h"])) for p, e in intersections.items()}

    def connects(p1: tuple, p2: tuple) -> bool:  # pdfplumber's edge_connects
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) or (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2]))

    columns: dict[float, list[int]] = defaultdict(list)  # the indexes of the points with this x, in order
    rows: dict[float, list[int]] = defaultdict(list)
    for i, (x, y) in enumerate(points):
        columns[x].append(i)
        rows[y].append(i)

    def smallest_cell(i: int, pt: tuple) -> tuple | None:  # pdfplumber's find_smallest_cell
        column, row = columns[pt[0]], rows[pt[1]]
        right: list[tuple] | None = None  # the points right of pt that an edge joins to it, once needed
        for below_pt in (points[j] for j in column[bisect_right(column, i) :]):
            if not connects(pt, below_pt):
                continue
            right = right if right is not None else [points[j] for j in row[bisect_right(row, i) :] if connects(pt, points[j])]
            for right_pt in right:
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    return (pt[0], pt[1], corner[0], corner[1])
        return None

    return [cell for cell in (smallest_cell(i, pt) for i, pt in enumerate(points)) if cell is not None]


class RuledTableFinder(TableFinder):
    """pdfplumber's TableFinder, its __init__ step for step, with smallest_cells for its cells."""

    def __init__(self, page: Ruling, settings: TableSettings):
        self.page, self.settings = page, settings  # type: ignore[assignment]
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(self.edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance)
        self.cells = smallest_cells(self.intersections)
        self.tables = [FoundTable(page, group) for group in cells_to_tables(self.cells)]  # type: ignore[arg-type]


def find_ruled_tables(page: Ruling, index: CharIndex, page_no: int) -> list[Table]:
    """pdfplumber's table finder on the page's edges (a pdfplumber page, or Edges from PDFium)."""
    tables: list[Table] = []
    for found in RuledTableFinder(page, TableSettings.resolve(RULED_TABLE_SETTINGS)).tables:
        for boxes in split_stacked([tuple(map(float, c)) for c in found.cells]):  # type: ignore[misc]
            table = build_table(page_no, boxes, index)
            if table is not None and any(c is not None and c.text for row in table.grid for c in row):
                tables.append(table)
    tables.sort(key=lambda t: t.bbox[1])
    return tables


def on_grid(table: Table, col_edges: list[float]) -> Table:
    """The same table laid on a finer column grid (the edges of the rest of the table): a
    part whose rows all span columns has fewer edges of its own."""
    grid: list[list[Cell | None]] = [[None] * (len(col_edges) - 1) for _ in table.grid]
    seen: set[int] = set()
    for row in table.grid:
        for cell in row:
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            c0, c1 = _index(col_edges, cell.bbox[0]), _index(col_edges, cell.bbox[2])
            cell.col, cell.colspan = c0, max(c1 - c0, 1)
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(c0, c0 + cell.colspan):
                    grid[r][c] = cell
    return Table(page=table.page, bbox=table.bbox, col_edges=list(col_edges), row_edges=table.row_edges, grid=grid)
