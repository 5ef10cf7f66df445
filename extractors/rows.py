"""Rows of the classified tables -> raw records (strings as printed, page and bbox)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.findings import finding
from extractors.geometry import union_of
from extractors.grid import Cell, Table
from extractors.sections import AMOUNT_ONLY, MONEY, NOTE_COLUMNS, NUMBERING_CELL, TOTAL_LABEL, Roles, is_header_word, is_numbering_row, is_repeated_header
from extractors.stacked import stacked_records, without_noise_below
from schemas.codes import IKU_CODE_RE, find_iku_code
from schemas.records import RawRecord
from schemas.text import fold, squash

GROUP_ROW = re.compile(r"^[A-Z]\.\s+\S")  # 'A. UTAMA', 'B. TAMBAHAN'
ROW_NO = re.compile(r"^\d{1,3}\.?$")
LINE_NO = re.compile(r"[a-z][.)]?|\d{1,2}(\.\d{1,2})*\.?")  # a budget row's number: 'a.', '1.', '1.2'
CURRENCY = re.compile(r"(rp|idr)\.?", re.IGNORECASE)
SKP_LABELS: dict[str, str] = {
    "nama": "name",
    "nip": "nip",
    "pangkat": "rank",
    "pangkat/gol. ruang": "rank",
    "pangkat/gol ruang": "rank",
    "pangkat/ gol. ruang": "rank",
    "pangkat / gol. ruang": "rank",
    "golongan": "rank",
    "jabatan": "position",
    "unit kerja": "unit",
    "instansi": "agency",
}


@dataclass
class Context:
    """What a table carries over a page break: the roles, the merged objective cell, the
    RHK group ('A. UTAMA') the rows belong to."""

    roles: Roles | None = None
    objective_no: str | None = None
    objective: str | None = None
    category: str | None = None
    page_top: bool = False  # the next row is the first of a page the table continues on


def continuation(kind: str, section: str, page: int, bbox, text: str) -> RawRecord:
    """The part of a row that a page break carried to the next page: text that belongs to
    the indicator of the row read before it (joined by walker.join_split_rows)."""
    return RawRecord(kind=kind, section=section, page=page, bbox=bbox, fields={"continues": "indicator", "indicator": text})


def blank_cell(what: str, page: int, bbox, *, stated: int | None = None, computed: int | None = None) -> RawRecord:
    """Value cells with nothing printed in them, not even '-': a column the reader lost, or
    a value the document left out. Either way the row cannot be vouched for."""
    return finding("extraction_blank_cell", f"{what}: blank", page, bbox=bbox, stated=stated, computed=computed)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def continues_text(text: str) -> bool:
    """Text that goes on from the line before it: it starts with a lower-case word (names,
    objectives and indicators start with a capital)."""
    return text[:1].islower()


def _cells_with_role(table: Table, r: int, roles: Roles, role: str) -> list[Cell]:
    out: list[Cell] = []
    for c, name in enumerate(roles.columns):
        cell = table.grid[r][c] if c < len(table.grid[r]) else None
        if name == role and cell is not None and all(cell is not o for o in out):
            out.append(cell)
    return out


def _text(cells: list[Cell]) -> str:
    return squash(" ".join(c.text for c in cells if c.text))


def split_code(cells: list[Cell]) -> tuple[str | None, str]:
    """Indicator cells -> (IKU code, indicator text); the code may be its own cell or a prefix."""
    code: str | None = None
    rest: list[str] = []
    for cell in cells:
        if code is None and IKU_CODE_RE.fullmatch(cell.text.strip()):
            code = cell.text.strip()
        elif cell.text:
            rest.append(cell.text)
    text = squash(" ".join(rest))
    if code is None:
        found = find_iku_code(text)
        if found:
            code = found
            text = squash(text[len(found) :])
    return code, text


def _body_rows(table: Table, roles: Roles) -> Iterator[int]:
    """Data rows: below the header, not a numbering row, not the header printed again."""
    for r in range(roles.header_rows, len(table.grid)):
        cells = table.row_cells(r)
        if not cells or is_numbering_row(cells) or is_repeated_header([c.text for c in cells if c.row == r], roles):
            continue
        yield r


def _code_and_number(table: Table, r: int, roles: Roles, label_cells: list[Cell]) -> tuple[str | None, str | None, str]:
    """(IKU code, row number, label text) of a row. The code may stand in its own column, in
    the 'No' column (where objective rows print their number) or before the label."""
    code: str | None = None
    numbers: list[str] = []
    label = list(label_cells)
    for cell in _cells_with_role(table, r, roles, "no") + _cells_with_role(table, r, roles, "code"):
        text = cell.text.strip()
        if code is None and IKU_CODE_RE.fullmatch(text):
            code = text
        elif text and (roles.columns[cell.col] == "no" or ROW_NO.match(text)):
            numbers.append(text)
        elif text:
            label.insert(0, cell)
    found, text = split_code(label)
    return code or found, " ".join(numbers) or None, text


def indicator_rows(table: Table, roles: Roles, ctx: Context, *, section: str) -> Iterator[RawRecord]:
    """PK table (Sasaran / Indikator / Target) and SKP RHK table rows."""
    kind = "pk_target" if roles.kind == "pk_targets" else "skp_target"
    for r in _body_rows(table, roles):
        cells = table.row_cells(r)
        if len(cells) == 1 and GROUP_ROW.match(cells[0].text):
            ctx.category = cells[0].text
            continue
        obj_cells = _cells_with_role(table, r, roles, "objective")
        tgt_cells = _cells_with_role(table, r, roles, "target")
        ind_cells = [without_noise_below(c) for c in _cells_with_role(table, r, roles, "indicator")]
        code, number, indicator = _code_and_number(table, r, roles, ind_cells)
        if number:
            ctx.objective_no = number
        text = _text([c for c in obj_cells if c.row == r])  # a merged cell is read on the row it starts on
        if code is None and (leading := find_iku_code(text)) and text.startswith(leading):
            code, text = leading, squash(text[len(leading) :])  # a code column the reader joined to the objective's
        target = _text(tgt_cells)
        runs_on = bool(text) and ctx.page_top and not number and bool(ctx.objective) and continues_text(text)
        if runs_on:
            ctx.objective = f"{ctx.objective} {text}"  # a merged cell whose text runs on over the page break
        elif text:
            ctx.objective = text
        page_top, ctx.page_top = ctx.page_top, False
        if page_top and indicator and not (number or code or target) and (runs_on or not text):
            # the rest of the row above, broken by the page end inside its text
            yield continuation(kind, section, table.page, union_of(cells), indicator)
            continue
        if not indicator and not target:
            continue
        if not (indicator or code or number or text):
            # a target with nothing to say what it measures: a speck line OCR read under the header, or an indicator lost
            yield blank_cell(f"{kind.replace('_', ' ')} target '{_short(target)}': the indicator cell", table.page, union_of(cells))
            continue
        if not target:
            yield blank_cell(f"{kind.replace('_', ' ')} '{_short(indicator)}': the target cell", table.page, union_of(cells))
        fields: dict[str, str | None] = {
            "objective_no": ctx.objective_no,
            "objective": ctx.objective,
            "indicator_code": code,
            "indicator": indicator,
            "target": target,
        }
        if kind == "skp_target":
            fields["perspective"] = _text(_cells_with_role(table, r, roles, "perspective")) or None
            fields["category"] = ctx.category
        record = RawRecord(kind=kind, section=section, page=table.page, bbox=union_of(cells), fields=fields, value_bbox=union_of(tgt_cells))
        if code is None and all(c.row == r for c in ind_cells + tgt_cells):
            yield from stacked_records(record, ind_cells, tgt_cells)  # several indicators with their targets in one row
        else:
            yield record


def period_rows(table: Table, roles: Roles, ctx: Context, *, section: str) -> Iterator[RawRecord]:
    """Rincian Target Kinerja / Lampiran SKP: one record per indicator and period cell."""
    period_cols = sorted(roles.periods)
    first_period = period_cols[0]
    label_only = valued = 0
    blank: list[str] = []  # the period cells of valued rows with nothing printed in them
    for r in _body_rows(table, roles):
        cells = table.row_cells(r)
        row = table.grid[r]
        period_cells = [row[c] for c in period_cols]
        label_cells = [c for c in cells if c.col < first_period]
        numbered = _cells_with_role(table, r, roles, "no") + _cells_with_role(table, r, roles, "code")
        rest = [c for c in label_cells if all(c is not n for n in numbered)]
        code, no_text, indicator = _code_and_number(table, r, roles, rest)
        page_top, ctx.page_top = ctx.page_top, False
        if not any(p is not None and p.col >= first_period and p.text for p in period_cells):
            if page_top and indicator and not (code or no_text):
                # the rest of the indicator row above, broken by the page end inside its text
                yield continuation("period_target", section, table.page, union_of(cells), indicator)
                continue
            if code:
                yield blank_cell(f"period target '{_short(indicator)}' ({code}): every period cell", table.page, union_of(cells))
            # An objective row: its number and title, the title often spanning the periods.
            elif rest and _text(rest):
                label_only += 1
                ctx.objective_no = no_text
                ctx.objective = _text(rest)
            continue
        valued += 1
        row_key = f"{table.page}:{r}"
        for c, cell in zip(period_cols, period_cells):
            if cell is None or not cell.text.strip():
                blank.append(f"'{_short(indicator)}' {roles.periods[c]}")
            yield RawRecord(
                kind="period_target",
                section=section,
                page=table.page,
                bbox=cell.bbox if cell is not None else None,
                value_bbox=cell.bbox if cell is not None else None,
                fields={
                    "row_key": row_key,
                    "row_no": no_text if ROW_NO.match(no_text or "") else None,
                    "objective_no": ctx.objective_no,
                    "objective": ctx.objective,
                    "indicator_code": code,
                    "indicator": indicator,
                    "period_label": roles.periods[c],
                    "target": cell.text if cell is not None else "",
                },
            )
    if blank:
        cells_read = valued * len(period_cols)
        subject = f"{len(blank)} of {cells_read} period cells of the table (first: {blank[0]})"
        yield blank_cell(subject, table.page, table.bbox, stated=cells_read, computed=cells_read - len(blank))
    if label_only >= 2 and not valued:
        subject = f"a period table of {label_only} rows without one period value: its period columns"
        yield blank_cell(subject, table.page, table.bbox)


def budget_rows(table: Table, roles: Roles, ctx: Context, *, section: str, lines_before: bool = False) -> Iterator[RawRecord]:
    """`lines_before`: the budget read just before ended on a line (this part may continue it)."""
    rows = list(_body_rows(table, roles))
    lines_read = int(lines_before)
    for r in rows:
        cells = table.row_cells(r)
        amount_cells = _cells_with_role(table, r, roles, "amount")
        label_cells = [
            c for c in cells if all(c is not a for a in amount_cells) and roles.columns[c.col] not in NOTE_COLUMNS
        ]
        # 'Rp' printed in a column of its own, and a figure in a column the header did not
        # name, belong to the amount, not to the name
        money = [c for c in label_cells if CURRENCY.fullmatch(c.text.strip()) or AMOUNT_ONLY.fullmatch(c.text.strip())]
        label_cells = [c for c in label_cells if all(c is not k for k in money)]
        amount_cells = sorted(money + amount_cells, key=lambda c: c.col)
        printed = _text(amount_cells)
        # no figure: a sub-heading's blank cell or a second header row's '(Rp)', else a figure OCR
        # misread into letters ('Sanggagsg'), kept as read so the row loads and its amount is listed
        amount = printed if any(ch.isdigit() for ch in printed) or not is_header_word(printed) else ""
        label = _text(label_cells)
        if not label:
            if (MONEY.search(amount) or AMOUNT_ONLY.fullmatch(amount)) and r == rows[-1] and lines_read:
                # the grand total printed under a rule with no 'Jumlah': the table's last row,
                # under lines it sums (budget_total_vs_programs checks that it does)
                yield _budget_record("budget_total", section, table, roles, cells, amount_cells, {"no": None, "label": "", "amount": amount})
            elif MONEY.search(amount):
                yield finding("extraction_unclaimed_figure", f"amount {amount} in a row without a name", table.page, bbox=union_of(cells))
            continue
        no: str | None = None
        if label_cells and (NUMBERING_CELL.match(label_cells[0].text) or LINE_NO.fullmatch(label_cells[0].text.strip())):
            no = label_cells[0].text
            label = _text(label_cells[1:])
        kind = "budget_total" if TOTAL_LABEL.match(fold(label)) and not no else "budget_line"
        if not amount:
            yield blank_cell(f"budget line '{_short(label)}': the amount cell", table.page, union_of(cells))
        lines_read += kind == "budget_line"
        yield _budget_record(kind, section, table, roles, cells, amount_cells, {"no": no, "label": label, "amount": amount or None})


def _budget_record(kind: str, section: str, table: Table, roles: Roles, cells: list[Cell], amount_cells: list[Cell], fields: dict) -> RawRecord:
    return RawRecord(
        kind=kind,
        section=section,
        page=table.page,
        bbox=union_of(cells),
        fields={**fields, "label_header": _label_header(roles)},
        value_bbox=union_of(amount_cells),
    )


def _label_header(roles: Roles) -> str:
    """What the header calls the rows' names: 'program kegiatan', 'kegiatan', 'program'."""
    return " ".join(h for h in roles.column_headers if "program" in h or "kegiatan" in h)


def _skp_label(text: str) -> str | None:
    folded = fold(text)
    if folded in SKP_LABELS:
        return SKP_LABELS[folded]
    if folded.startswith("pangkat"):
        return "rank"
    return None


def skp_header(table: Table, roles: Roles, *, section: str) -> RawRecord:
    fields: dict[str, str | None] = {}
    for r in range(roles.header_rows, len(table.grid)):
        cells = [c for c in table.row_cells(r) if not NUMBERING_CELL.match(c.text)]
        side = 0
        i = 0
        while i < len(cells):
            role = _skp_label(cells[i].text)
            if role is not None:
                value = cells[i + 1].text if i + 1 < len(cells) and _skp_label(cells[i + 1].text) is None else ""
                prefix = "appraisee_" if side == 0 else "appraiser_"
                fields[prefix + role] = value
                side += 1
                i += 2 if value or (i + 1 < len(cells) and _skp_label(cells[i + 1].text) is None) else 1
            else:
                i += 1
    return RawRecord(kind="skp_header", section=section, page=table.page, bbox=table.bbox, fields=fields)


def table_lines(table: Table, start_row: int = 0) -> Iterator[tuple[str, Cell]]:
    """The cell lines of a table in reading order: row by row, cells left to right."""
    for r in range(start_row, len(table.grid)):
        for cell in table.row_cells(r):
            if cell.row != r:
                continue  # a cell merged from an earlier row was read there
            for line in cell.lines:
                yield line, cell
