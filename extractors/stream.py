"""Tables without ruling lines, on the pages that need them.

Several real agreements print the budget (or the target or Rincian table) with no inner
ruling lines, or with an outer frame only, so the ruled-table reader sees one huge cell or
nothing. A page that shows a table header but no ruled table of that kind is read in the
band under each such header (and, at the top of the next page, the band that continues
it) from our own characters (extractors/band.py); a framed table whose rows the ruling
lines do not separate is read by camelot's stream flavour, which finds a whole page's
columns from text alignment. Then wrapped lines are merged into logical rows.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from extractors.band import PERIOD_WORDS, read_band
from extractors.geometry import centre_inside, union_of
from extractors.grid import Cell, Table
from extractors.layout import TextLine, group_lines
from extractors.page import PageLayout
from extractors.sections import (
    MONEY,
    TOTAL_LABEL,
    YEAR,
    Roles,
    classify_table,
    is_budget_header,
    is_target_header,
    is_year_target_header,
    section_of_title,
)
from extractors.wrapped_rows import AMOUNT, merge_wrapped_rows
from schemas.text import fold, join_wrapped

HEADER_REACH = 2.5  # font sizes: a header line this close above a grid without a header heads it
WORD_SPLIT = 0.6  # font sizes: a gap this wide separates the words of a header line
# Lines that end a borderless table: a place and date over the signatures, a party, a NIP.
NOT_A_ROW = re.compile(r"^[a-z ]+ \d{0,2} ?(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember) \d{4}$|^pihak\b|^nip\b")
STOP_GAP = 3.0  # font sizes: a wider vertical gap below a borderless table ends it
HEADER_STOP_GAP = 2 * STOP_GAP  # font sizes: a wider gap under a table's header ends the table (it has no rows)
MAX_HEADER_LINE_WORDS = 16  # 'No Kode Indikator Kinerja Utama TW I TW II TW III TW IV Tahunan'
PERIODS = "|".join(PERIOD_WORDS)
PERIOD_WORD = re.compile(rf"\b({PERIODS})\b")
# Figures a header line may print: a year, a quarter, a column number '(3)'. Any other figure
# makes the line a row ('1b-CP ... Persentase realisasi anggaran 1 Kegiatan'), not a header.
HEADER_FIGURE = re.compile(rf"\b{YEAR}\b|\b({PERIODS}|q) ?[1-4]\b|\(\d{{1,2}}\)")


# The words of a table's header line (folded). OCR reads specks off a dashed rule or the paper
# into a header line ('No .... Program _ 2 "Anggaran _ Keterangan _'): a line of these words
# and a few one-character specks is a header line whatever figure a speck shows. A row always
# has words of its own (a program's name, an indicator, a unit).
HEADER_VOCABULARY = frozenset(
    "no nomor kode sasaran strategis tujuan program kegiatan sub uraian indikator kinerja utama iku iki "
    "target satuan anggaran pagu biaya jumlah rp idr keterangan ket sumber dana realisasi capaian volume "
    "rencana hasil kerja perspektif tahun kondisi awal".split()
)
MAX_HEADER_SPECKS = 2
WRAPPED_HEADER_GAP = 1.0  # font sizes: a header's labels wrapped onto the next line lie at most this far under it
MIN_HEADER_WORDS = 3


def is_header_line(text: str) -> str | None:
    """A short line that heads a budget, target or period (Rincian) table: which kind."""
    folded = fold(text)
    if len(folded.split()) > MAX_HEADER_LINE_WORDS:
        return None
    if re.search(r"\d", HEADER_FIGURE.sub("", folded)) and not _labels_and_specks(folded):
        return None
    if is_budget_header(folded):
        return "budget"
    if "indikator" in folded and len(PERIOD_WORD.findall(folded)) >= 2:
        return "period"
    if is_target_header(folded) or is_year_target_header(folded):
        return "pk_targets"
    return None


def header_kind(line: TextLine, following: TextLine | None) -> str | None:
    """The kind of table a header line heads (is_header_line), also when its labels wrapped
    onto the line right under it ('Jumlah' over 'Anggaran' in a narrow column): then the two
    lines read as one, the upper holding header labels, the lower only header words."""
    kind = is_header_line(line.text)
    if kind is not None or following is None or following.top - line.bottom > WRAPPED_HEADER_GAP * line.segments[0].size:
        return kind
    labels = set(re.findall(r"[a-z]+", fold(line.text))) & HEADER_VOCABULARY
    words = HEADER_FIGURE.sub(" ", fold(following.text)).split()
    # the lower line may hold only a year ('Tahun' over '2020')
    if len(labels) < 2 or not all(w in HEADER_VOCABULARY for w in words) or is_header_line(following.text):
        return None  # the lower line is no header's wrapped words (a header of its own, a row's)
    return is_header_line(_column_wise(line, following))


def _column_wise(line: TextLine, following: TextLine) -> str:
    """Two lines of a header, each label's wrapped words after it ('Jumlah Anggaran', 'Sumber Dana')."""
    below = list(following.segments)
    parts: list[str] = []
    for seg in line.segments:
        under = [b for b in below if b.x0 < seg.x1 and seg.x0 < b.x1]
        parts += [seg.text, *(b.text for b in under)]
        below = [b for b in below if b not in under]
    return " ".join(parts + [b.text for b in below])


def _labels_and_specks(folded: str) -> bool:
    """Header words and at most a few one-character specks, nothing else."""
    words = HEADER_FIGURE.sub(" ", folded).split()  # folded: signs ('_', '....') are gone
    labels = [w for w in words if len(w) > 1]
    return len(words) - len(labels) <= MAX_HEADER_SPECKS and len(labels) >= MIN_HEADER_WORDS and all(w in HEADER_VOCABULARY for w in labels)


def collapsed(table: Table) -> bool:
    """A framed table whose rows the ruling lines do not separate: one cell holds many amounts."""
    return any(len(MONEY.findall(c.text)) >= 2 for row in table.grid for c in row if c is not None)


def unread_headers(page: PageLayout) -> list[tuple[str, TextLine]]:
    """Header lines of a budget or target table with no table of that kind on the page."""
    kinds = {classify_table(t).kind for t in page.tables if not collapsed(t)}
    out: list[tuple[str, TextLine]] = []
    for line, following in zip(page.lines, [*page.lines[1:], None]):
        kind = header_kind(line, following)
        if kind is not None and kind not in kinds:
            out.append((kind, line))
    return out


def attach_headers(page: PageLayout) -> None:
    """A header line printed just above a ruled grid that has no header of its own (the
    ruling starts below the header, as in many scans): the line's words become the grid's
    first row, each in the column under it."""
    for _, line in unread_headers(page):
        size = line.segments[0].size
        below = [t for t in page.tables if -0.5 * size <= t.bbox[1] - line.bottom <= HEADER_REACH * size]
        if not below or classify_table(below[0]).kind != "unknown":
            continue
        table = min(below, key=lambda t: t.bbox[1])
        inside = [c for c in page.chars if line.top - 1 <= (c.top + c.bottom) / 2 <= line.bottom + 1]
        words = [seg for l in group_lines(inside, column_gap=WORD_SPLIT * line.segments[0].size) for seg in l.segments]
        texts = [" ".join(w.text for w in words if table.col_edges[c] <= (w.x0 + w.x1) / 2 <= table.col_edges[c + 1]) for c in range(table.n_cols)]
        if sum(bool(t) for t in texts) < 2:
            continue
        header = [
            Cell(text=t, lines=(t,) if t else (), bbox=(table.col_edges[c], line.top, table.col_edges[c + 1], line.bottom), row=0, col=c)
            for c, t in enumerate(texts)
        ]
        seen: set[int] = set()
        for row in table.grid:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    cell.row += 1
        table.grid.insert(0, list(header))
        table.row_edges.insert(0, line.top)
        table.bbox = (table.bbox[0], line.top, table.bbox[2], table.bbox[3])
        page.lines = [l for l in page.lines if l is not line]


def needs_stream(page: PageLayout) -> bool:
    return any(collapsed(t) for t in page.tables) or bool(unread_headers(page))


@dataclass(frozen=True)
class Region:
    """Where to read a borderless table: a band of the page (top-left origin) and, for a
    table continued from the previous page, that table's column edges."""

    top: float
    bottom: float
    col_edges: tuple[float, ...] = ()
    roles: Roles | None = None  # a continued table's columns' roles


def stream_tables(path: str | Path, page: PageLayout) -> list[Table]:
    """Borderless budget / target tables of a whole page, as camelot stream finds them
    (a framed table whose rows the ruling lines do not separate), wrapped rows merged."""
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger("camelot").setLevel(logging.ERROR)
        found = camelot.read_pdf(str(path), pages=str(page.number), flavor="stream")
    out: list[Table] = []
    for ct in found:
        table = _merge_split_columns(_to_table(ct, page))
        roles = classify_table(table)
        if roles.kind in ("budget", "pk_targets"):
            out.append(merge_wrapped_rows(table, roles.header_rows, roles))
    return out


def region_table(page: PageLayout, region: Region) -> Table | None:
    """The borderless table in a band of the page: under its header line, or continuing a
    table from the page before (its columns kept, whatever its header: it has none)."""
    table = read_band(page, region.top, region.bottom, region.col_edges)
    if table is None:
        return None
    if region.col_edges:
        return merge_wrapped_rows(table, classify_table(table).header_rows, region.roles)
    roles = classify_table(table)
    if roles.kind not in ("budget", "pk_targets", "period"):
        return None
    return merge_wrapped_rows(table, roles.header_rows, roles)


def header_region(page: PageLayout, header: TextLine) -> Region:
    """From a header line down to the first thing that is not the table: a ruled table, a
    gap of several lines, or the page's end."""
    ruled_below = [t.bbox[1] for t in page.tables if t.bbox[1] > header.bottom]
    bottom = min(ruled_below, default=page.height)
    below = sorted((l for l in page.lines if header.top < l.top < bottom), key=lambda l: l.top)
    previous = header
    kind = is_header_line(header.text)
    heading = kind is not None  # no row yet, only the header's lines ('Tahun 2022' under 'Anggaran')
    budget = kind in ("budget", None)  # a continued band has no header line
    for line, following in zip(below, [*below[1:], None]):
        ends = NOT_A_ROW.search(fold(line.text)) or header_kind(line, following)  # another table's header: it starts there
        gap = (line.top - previous.bottom) / max(line.segments[0].size, 6.0)
        if budget and not ends and STOP_GAP < gap <= 2 * STOP_GAP and _only_total(line.text):
            bottom = line.bottom + 2  # the grand total set apart under a rule, with no label or 'Jumlah'
            break
        # a header's cells are often taller than its words (padding, a second row left blank):
        # the first row may stand further below the header than rows below each other
        if gap > (HEADER_STOP_GAP if heading else STOP_GAP) or ends:
            bottom = previous.bottom + 2
            break
        if budget and TOTAL_LABEL.match(fold(line.text)) and AMOUNT.search(line.text):
            bottom = line.bottom + 2  # the grand total closes the table ('Jumlah laporan ...' is an indicator)
            break
        previous = line
        heading = heading and _header_words_only(line.text)
    return Region(top=header.top - 2, bottom=bottom)


def _header_words_only(text: str) -> bool:
    """A header's second line ('Tahun 2022', 'Dana'): header words and figures, nothing else."""
    words = HEADER_FIGURE.sub(" ", fold(text)).split()
    return bool(words) and all(w in HEADER_VOCABULARY for w in words)


def _only_total(text: str) -> bool:
    """A line that is an amount alone, or one after a total's label ('Rp. 283,054,513,000.00', 'Jumlah Rp 5.000.000')."""
    figure = re.sub(r"^\W*(jumlah|total)\b\W*", "", text.strip(), flags=re.IGNORECASE)
    return MONEY.fullmatch(figure) is not None


@dataclass(frozen=True)
class OpenTable:
    """A borderless table that ran to the end of its page, to be continued on the next: its
    column edges, the kind its header named, and its columns' roles (kept over several pages)."""

    col_edges: tuple[float, ...]
    kind: str | None
    roles: Roles | None = None  # for the rows that go on


def open_table(table: Table) -> OpenTable:
    header = " ".join(table.row_texts(0)) if table.grid else ""
    roles = classify_table(table)
    return OpenTable(tuple(table.col_edges), is_header_line(header), roles)


def continued_region(page: PageLayout, previous: OpenTable) -> Region | None:
    """The band at the top of a page that continues a borderless table from the page before:
    its first lines come before any title or header and fit the table's columns."""
    lines = sorted(page.lines, key=lambda l: l.top)
    ruled_tops = [t.bbox[1] for t in page.tables]
    if not lines or (ruled_tops and min(ruled_tops) < lines[0].top):
        return None
    first = lines[0]
    header = is_header_line(first.text)
    if NOT_A_ROW.search(fold(first.text)) or section_of_title(first.text) or (header and header != previous.kind):
        return None  # the signatures, a section's title, or another kind of table; its own header repeated continues it
    if first.x0 < previous.col_edges[0] - 20:
        return None  # text further left than the table: not its rows (its right edge is only where its text ended)
    region = header_region(page, first)
    return Region(top=first.top - 2, bottom=region.bottom, col_edges=previous.col_edges, roles=previous.roles)


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


def _merge_split_columns(table: Table) -> Table:
    """Join neighbouring columns that never both hold text in one row: a header centred over
    a column whose body is left- or right-aligned comes out of camelot as two columns, one
    with the header and one with the body."""
    grid = [list(row) for row in table.grid]
    edges = list(table.col_edges)
    c = 0
    while c + 1 < len(edges) - 1:
        if all(not (row[c] is not None and row[c].text and row[c + 1] is not None and row[c + 1].text) for row in grid):
            for r, row in enumerate(grid):
                parts = [cell for cell in (row[c], row[c + 1]) if cell is not None]
                lines = tuple(line for cell in parts for line in cell.lines)
                box = union_of(parts)
                assert box is not None
                row[c : c + 2] = [Cell(text=join_wrapped(lines), lines=lines, bbox=box, row=r, col=c)]
            del edges[c + 1]
        else:
            c += 1
    for row in grid:
        for k, cell in enumerate(row):
            if cell is not None:
                cell.col = k
    return replace(table, grid=grid, col_edges=edges)


def apply_stream(path: str | Path, page: PageLayout, previous: OpenTable | None = None) -> OpenTable | None:
    """Read the page's borderless tables: the band under each header line that heads no
    ruled table, a collapsed ruled frame (camelot stream), and the band at the top that
    continues `previous` (a borderless table that ran to the end of the page before). The
    text they hold leaves page.lines. Returns the last borderless table if it runs to the
    page's end (to be continued), else None."""
    continued = continued_region(page, previous) if previous is not None else None
    found: list[Table] = []
    if any(collapsed(t) for t in page.tables):
        found += stream_tables(path, page)  # the whole page: camelot finds the frame's columns
    regions = [] if found else [header_region(page, line) for _, line in unread_headers(page)
                                if continued is None or not continued.top <= line.top <= continued.bottom]
    carried = region_table(page, continued) if continued is not None else None
    found += [t for t in [carried, *(region_table(page, r) for r in regions)] if t is not None]
    if not found:
        return None
    page.tables = sorted([t for t in page.tables if not collapsed(t)] + found, key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in found]
    page.lines = [l for l in page.lines if not centre_inside(l.bbox, boxes, margin=2)]
    last = max(found, key=lambda t: t.bbox[3])
    after = [l for l in page.lines if l.top > last.bbox[3]] + [t for t in page.tables if t.bbox[1] > last.bbox[3]]
    if after:
        return None
    return previous if last is carried else open_table(last)
