"""Tables without ruling lines: camelot's stream strategy, on the pages that need it.

Several real agreements print the budget (or the target table) with no inner ruling lines,
or with an outer frame only, so the ruled-table reader sees one huge cell or nothing. On
such pages camelot's stream flavour finds columns from text alignment; it reads the page
again, which is why it runs only where the ruled reader found a table header but no table.
"""

from __future__ import annotations

import logging
import re
import warnings
from pathlib import Path

from extractors.geometry import centre_inside, union_of
from extractors.grid import Cell, Table
from extractors.layout import TextLine
from extractors.page import PageLayout
from extractors.sections import TOTAL_LABEL, classify_table, is_budget_header, is_target_header
from schemas.text import fold, join_wrapped

ROW_START = re.compile(r"^(\d{1,2}[.)]?|[a-z][.)])(\s|$)")
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")


def is_header_line(text: str) -> str | None:
    """A short line that heads a budget or target table: which kind."""
    folded = fold(text)
    if len(folded.split()) > 12:
        return None
    if is_budget_header(folded):
        return "budget"
    if is_target_header(folded):
        return "pk_targets"
    return None


def collapsed(table: Table) -> bool:
    """A framed table whose rows the ruling lines do not separate: one cell holds many amounts."""
    return any(len(AMOUNT.findall(c.text)) >= 2 for row in table.grid for c in row if c is not None)


def unread_headers(page: PageLayout) -> list[tuple[str, TextLine]]:
    """Header lines of a budget or target table with no table of that kind on the page."""
    kinds = {classify_table(t).kind for t in page.tables if not collapsed(t)}
    out: list[tuple[str, TextLine]] = []
    for line in page.lines:
        kind = is_header_line(line.text)
        if kind is not None and kind not in kinds:
            out.append((kind, line))
    return out


def needs_stream(page: PageLayout) -> bool:
    kinds = {classify_table(t).kind for t in page.tables if not collapsed(t)}
    headed = {k for k in (is_header_line(l.text) for l in page.lines) if k}
    return any(collapsed(t) for t in page.tables) or bool(headed - kinds)


def stream_tables(path: str | Path, page: PageLayout) -> list[Table]:
    """The page's borderless budget / target tables, wrapped rows merged into logical rows."""
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger("camelot").setLevel(logging.ERROR)
        found = camelot.read_pdf(str(path), pages=str(page.number), flavor="stream")
    out: list[Table] = []
    for ct in found:
        table = _to_table(ct, page)
        roles = classify_table(table)
        if roles.kind in ("budget", "pk_targets"):
            out.append(_merge_wrapped_rows(table, roles.header_rows))
    return out


def _to_table(ct, page: PageLayout) -> Table:
    h = page.height
    grid: list[list[Cell | None]] = []
    for r, row in enumerate(ct.cells):
        cells: list[Cell | None] = []
        for c, cc in enumerate(row):
            text = str(ct.df.iat[r, c]).strip()
            lines = tuple(l.strip() for l in text.splitlines() if l.strip())
            cells.append(Cell(text=join_wrapped(lines), lines=lines, bbox=(cc.x1, h - cc.y2, cc.x2, h - cc.y1), row=r, col=c))
        grid.append(cells)
    cols = [ct.cols[0][0]] + [c[1] for c in ct.cols]
    rows = [h - ct.rows[0][0]] + [h - r[1] for r in ct.rows]
    return Table(page=page.number, bbox=(cols[0], rows[0], cols[-1], rows[-1]), col_edges=cols, row_edges=rows, grid=grid)


def _starts_row(cells: list[Cell | None]) -> bool:
    texts = [c.text for c in cells if c is not None and c.text]
    return bool(texts) and (ROW_START.match(texts[0]) is not None or TOTAL_LABEL.match(fold(texts[0])) is not None)


def _merge_wrapped_rows(table: Table, header_rows: int) -> Table:
    """Text lines -> logical rows: a row starts at a number ('1', '2.', 'a.') or a total."""
    groups: list[list[list[Cell | None]]] = [[row] for row in table.grid[:header_rows]]
    body_start = len(groups)
    for row in table.grid[header_rows:]:
        if len(groups) == body_start or _starts_row(row):
            groups.append([row])
        else:
            groups[-1].append(row)
    grid: list[list[Cell | None]] = []
    for r, group in enumerate(groups):
        merged: list[Cell | None] = []
        for c in range(table.n_cols):
            parts = [row[c] for row in group if row[c] is not None]
            lines = tuple(line for p in parts for line in p.lines)
            bbox = union_of(parts)
            assert bbox is not None, "a stream row has a cell in every column"
            merged.append(Cell(text=join_wrapped(lines), lines=lines, bbox=bbox, row=r, col=c))
        grid.append(merged)
    edges = [table.row_edges[0]] + [max(c.bbox[3] for c in row if c is not None) for row in grid]
    return Table(page=table.page, bbox=table.bbox, col_edges=table.col_edges, row_edges=edges, grid=grid)


def apply_stream(path: str | Path, page: PageLayout) -> None:
    """Swap a page's collapsed ruled tables for stream tables; their text leaves page.lines."""
    found = stream_tables(path, page)
    if not found:
        return
    page.tables = sorted([t for t in page.tables if not collapsed(t)] + found, key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in found]
    page.lines = [l for l in page.lines if not centre_inside(l.bbox, boxes, margin=2)]
