"""A borderless table's text lines -> its logical rows: a row starts at a number, a code, a
total or a second value; the lines below it until the next start are its wrapped text."""

from __future__ import annotations

import re

from extractors.geometry import union_of
from extractors.grid import Cell, Table
from extractors.rows import continues_text
from extractors.sections import AMOUNT_ONLY, TOTAL_LABEL, Roles
from schemas.codes import IKU_CODE_RE
from schemas.text import fold, join_wrapped

ROW_START = re.compile(r"^(\d{1,2}(\.\d{1,2})*[.)]?|[a-z][.)])(\s|$)")
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3}){2,}|\brp\.?\s*\d", re.IGNORECASE)


def _starts_row(cells: list[Cell | None], group: list[list[Cell | None]], value_col: int | None = None) -> bool:
    """A row starts at a number ('1', '2.', 'a.'), an IKU code, a total, or a second value:
    in a table whose rows are not numbered (indicators under a merged objective), a line
    with an amount, or a target, after one that had its own."""
    filled = [c for c in cells if c is not None and c.text]
    if not filled:
        return False
    first = filled[0].text
    # a number before a name, not '4)' wrapped in value columns ('3,35 (skala' over '4)', alone or under each figure)
    leading = filled[0].col == 0 or any(ch.isalpha() for c in filled[1:] for ch in c.text)
    if leading and (ROW_START.match(first) or TOTAL_LABEL.match(fold(first))):
        return True
    # the code may follow a merged objective's wrapped words ('transparan | 1c-CP | Nilai ...')
    coded = filled[:2] if len(filled) > 1 and continues_text(first) else filled[:1]
    if any(c.col != value_col and IKU_CODE_RE.match(c.text.split(" ")[0]) for c in coded):
        return True
    if value_col is not None:
        return _second_value(cells, group, value_col)
    return _has_amount(cells) and any(_has_amount(row) for row in group)


_VALUE_GOES_ON = re.compile(r"^[\d.,]*\)|^[a-z(]")  # '4)' under '2,82 (skala', '(Hijau)' under '73 %': the value wrapped


def _second_value(cells: list[Cell | None], group: list[list[Cell | None]], col: int) -> bool:
    value = cells[col].text.strip() if col < len(cells) and cells[col] is not None else ""
    before = _text_of(group, col)
    others = [c.text for k, c in enumerate(cells) if k != col and c is not None and c.text]
    if not value or not others:
        return False  # nothing but a value's wrapped part ('Orang' under '1.100.000')
    if before[-1:].isdigit() and all(t == value for t in others):
        return False  # one unit wrapped under each figure of the row ('Laporan' under '2.100.000' and '1.100.000')
    if _units_under_figures(cells, group):
        return False  # 'TV' under '1.100.000 Stasiun' and 'Stasiun TV' under '2.100.000': wrapped in narrow columns
    if not before:
        # under the rest of a row cut by the page break above ('yang disusun tepat waktu'), or
        # under an objective printed across the table ('1 Terwujudnya ...'): a new row
        texts = [c for row in group for c in row if c is not None and c.text]
        rest_of_row = all(continues_text(c.text) for c in texts)
        head = [c for c in group[0] if c is not None and c.text]
        # the table's first column numbers a title: an objective row
        spanning = len(head) == 2 and head[0].col == 0 and ROW_START.match(head[0].text) is not None
        return (rest_of_row or spanning) and not continues_text(others[0]) and not others[0].startswith("(")  # '(konten)' goes on
    if any(continues_text(t) for t in others):
        return False  # the line goes on with the row's wrapped text: its value wrapped too ('1.100.000' / 'Orang')
    return not _VALUE_GOES_ON.match(value) and before.count("(") <= before.count(")")


def _units_under_figures(cells: list[Cell | None], group: list[list[Cell | None]]) -> bool:
    """Every cell of the line is words only, under a column of the row that holds a figure:
    the rest of those figures' units, not a row of its own (whose name column is filled)."""
    filled = [c for c in cells if c is not None and c.text]
    return all(
        not any(ch.isdigit() for ch in c.text) and any(ch.isdigit() for ch in _text_of(group, c.col)) for c in filled
    )


def _text_of(group: list[list[Cell | None]], col: int) -> str:
    """The column's text over a group's lines (a row and its wrapped lines)."""
    return " ".join(text for row in group if (text := _text(row, col)))


def _has_amount(cells: list[Cell | None]) -> bool:
    return any(c is not None and (AMOUNT.search(c.text) or AMOUNT_ONLY.fullmatch(c.text.strip())) for c in cells)


def target_column(roles: Roles) -> int | None:
    """The column that holds one short value per row: a PK target table's target, a period
    table's last period (the year); else None."""
    if roles.kind == "pk_targets" and "target" in roles.columns:
        return roles.columns.index("target")
    if roles.kind == "period" and "period" in roles.columns:
        return len(roles.columns) - 1 - roles.columns[::-1].index("period")
    return None


def merge_wrapped_rows(table: Table, header_rows: int, roles: Roles | None = None) -> Table:
    """Text lines -> logical rows: a row starts at a number ('1', '2.', 'a.'), a code, a
    total, or a second value in the table's value column (target_column of its `roles`);
    a target table's objective wrapped past its first indicator goes on."""
    value_col = target_column(roles) if roles is not None else None
    groups: list[list[list[Cell | None]]] = [[row] for row in table.grid[:header_rows]]
    body_start = len(groups)
    for row in table.grid[header_rows:]:
        if len(groups) == body_start or _starts_row(row, groups[-1], value_col):
            groups.append([row])
        else:
            groups[-1].append(row)
    if roles is not None and roles.kind == "pk_targets" and "objective" in roles.columns:
        no_col = roles.columns.index("no") if "no" in roles.columns else None
        _carry_objective_text(groups[body_start:], roles.columns.index("objective"), no_col)
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


def _carry_objective_text(groups: list[list[list[Cell | None]]], col: int, no_col: int | None) -> None:
    """A merged objective cell, its text centred down the rows of its indicators, wraps past
    its first indicator ('Meningkatnya kualitas' and 'pengelolaan keuangan' by the first,
    'negara' by the second, on the second's first line or below it). The lower-case lines
    that open the objective column of the next indicator's row, before any objective number,
    go on with the objective above: the text moves up, the row keeps its cells' places."""
    owner: list[list[Cell | None]] | None = None  # the last row holding an objective
    for group in groups:
        for k, row in enumerate(group):
            text = _text(row, col)
            if owner is None or (no_col is not None and _text(row, no_col)) or (text and not continues_text(text)):
                break
            cell = row[col]
            if text and cell is not None:
                owner.append([cell if c == col else None for c in range(len(row))])
                group[k] = [*row[:col], Cell(text="", lines=(), bbox=cell.bbox, row=cell.row, col=col), *row[col + 1 :]]
        if any(_text(row, col) for row in group):
            owner = group


def _text(row: list[Cell | None], col: int) -> str:
    cell = row[col] if col < len(row) else None
    return cell.text.strip() if cell is not None else ""
