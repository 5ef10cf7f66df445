"""What a table or a title line is, decided by its content (never by page number)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from extractors.grid import Cell, Table
from schemas.codes import IKU_CODE_RE
from schemas.errors import ParseError
from schemas.periods import parse_period
from schemas.text import fold

TableKind = Literal["pk_targets", "rhk", "period", "budget", "skp_header", "behaviours", "unknown"]

# Title lines that open a section. Order matters: the longer title first.
SECTION_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^lampiran\b.*\bsasaran kinerja pegawai\b"), "skp_lampiran"),
    (re.compile(r"^sasaran kinerja pegawai\b"), "skp"),
    (re.compile(r"^rincian target kinerja\b"), "pk_rincian"),
    (re.compile(r"^(?:perjanjian kinerja|penetapan kinerja)\b"), "pk_statement"),
)
BEHAVIOUR_TITLE = re.compile(r"^perilaku kerja\b")
NUMBERING_CELL = re.compile(r"^\(?\d{1,2}\)?$")
# Columns of notes beside a row's name and value: a unit, a remark, the money's source
NOTE_COLUMNS = frozenset({"ket", "keterangan", "satuan", "sumber"})
TOTAL_LABEL = re.compile(r"^(jumlah|total)\b")  # a budget table's grand-total row (folded text)
# Words of a header's lower rows (folded): 'tahun 2025', '(rp)', 'target', 'volume', ...
HEADER_WORD = re.compile(
    r"\(?(tahun( anggaran)? \d{4}|(19|20)\d{2}|rp\.?|\(rp\.?\)|idr|target|realisasi|capaian|satuan|volume|"
    r"anggaran|pagu|jumlah|ket\.?|keterangan|tw ?[ivx1-4]+|triwulan [ivx1-4]+|semester [i12]+|persen|%)\)?"
)
# Words of a header's first row (folded): what a repeated header row holds, cell by cell.
HEADER_LABEL = re.compile(
    r"no\.?|nomor|sasaran( strategis| program| kegiatan)?|indikator( kinerja)?( utama)?|iku|iki|target|"
    r"program\s*/\s*kegiatan|program|kegiatan|uraian|anggaran.*|pagu.*|rencana hasil kerja|perspektif|kode"
)
# A label wrapped in its narrow column, read whole (folded): 'Sumber' over 'Dana', 'Indikator' over 'Kinerja'
WRAPPED_LABEL = re.compile(rf"(?:{HEADER_LABEL.pattern})|sumber (dana|anggaran|pendanaan)|kondisi awal")
TARGET_HEADER_CELLS = (("indikator",), ("target",))
BUDGET_HEADER_CELLS = (("program", "kegiatan"), ("anggaran", "pagu", "jumlah anggaran", "jumlah rp", "biaya"))
# A money column's header (folded): 'Anggaran', 'Pagu', 'Biaya', 'Jumlah (Rp)'; 'Sumber Anggaran' names no money
MONEY_HEADER = re.compile(r"(?<!sumber )\b(anggaran|pagu|biaya)\b|\bjumlah rp\b")
MAX_HEADER_WORDS = 8  # a header cell is a label, not a sentence
MISREAD_NUMBERING_CHARS = 7  # a column number OCR misread ('Ek ieee'): fewer characters than an indicator's name
STATED_FIGURE = re.compile(r"%|\d[.,]\d|\d{3}")  # what a data cell's figure shows and a column number never does
YEAR = r"(?:19|20)\d{2}"  # a year as agreements print it
TARGET_YEAR = re.compile(rf"(?:tahun\s+)?{YEAR}")  # a column headed by the agreement's year
YEAR_OR_NUMBERING = re.compile(rf"\b{YEAR}\b|\(\d{{1,2}}\)|^\d{{1,2}}$")
# Thousands grouped with English marks, as schemas.numbers reads them: two ',' groups, or one before the cents.
ENGLISH_GROUPS = r"\d{1,3}(?:,\d{3}){2,}(?:\.\d{2})?|\d{1,3},\d{3}\.\d{2}"
AMOUNT_ONLY = re.compile(rf"(?:rp\.?\s*)?(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d{{2}}|,-)?|{ENGLISH_GROUPS})", re.IGNORECASE)  # a cell that is only an amount
# A money figure: at least two groups of thousands ('1.250.000', '1,250,000.00'), with an optional Rp and ',-'/',00'.
MONEY = re.compile(r"(?:rp\.?\s*)?(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d{2}|,-)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d{2})?)", re.IGNORECASE)


def is_budget_header(folded: str) -> bool:
    """Header words of a budget table: a money column beside programs or activities."""
    return MONEY_HEADER.search(folded) is not None and ("program" in folded or "kegiatan" in folded)


def is_target_header(folded: str) -> bool:
    """Header words of a PK target table."""
    return "indikator" in folded and "target" in folded


def is_year_target_header(folded: str) -> bool:
    """A header line whose target column is named by the year alone, after other column labels
    ('Sasaran Indikator Kinerja Satuan 2022'); never a title ('Indikator Kinerja Utama Tahun
    2022': no column label) nor a header over several years (a Renstra's)."""
    if "indikator" not in folded:
        return False
    labels = re.search(r"\b(sasaran|tujuan|satuan|no)\b", folded) is not None
    return labels and len(re.findall(rf"\b{YEAR}\b", folded)) == 1 and re.search(rf"\b{YEAR}\W*$", folded) is not None


def section_of_title(text: str) -> str | None:
    folded = fold(text)
    for pattern, section in SECTION_TITLES:
        if pattern.search(folded):
            return section
    return None


def is_period_label(text: str) -> bool:
    if not text or len(text) > 24:
        return False
    try:
        parse_period(text)
    except ParseError:
        return False
    return True


@dataclass
class Roles:
    """Which grid columns hold what, read from a table's header rows."""

    kind: TableKind
    header_rows: int
    columns: list[str]  # role per grid column ('' when unknown)
    periods: dict[int, str] = field(default_factory=dict)  # grid column -> printed period label
    header: tuple[tuple[str, ...], ...] = ()  # the header rows' folded texts, to know them when they repeat
    column_headers: tuple[str, ...] = ()  # each column's folded header text


def _header_text(table: Table, rows: Iterable[int], col: int) -> str:
    parts: list[str] = []
    for r in rows:
        cell = table.grid[r][col]
        if cell is not None and cell.text and cell.text not in parts:
            parts.append(cell.text)
    return fold(" ".join(parts))


def is_numbering_row(cells: list[Cell]) -> bool:
    texts = [c.text for c in cells if c.text]
    return len(texts) >= 2 and all(NUMBERING_CELL.match(t) for t in texts)


def classify_table(table: Table, *, after_behaviour_title: bool = False) -> Roles:
    n = len(table.grid)
    # Period labels decide first: a Rincian's 'Target 2025' may stand above its 'TW I ... TW IV'.
    for r in range(min(n, 4)):
        periods, named = _period_labels(table, r)
        if len(periods) >= 3:
            header_rows = extend_header(table, named)
            columns = [_column_role(_header_text(table, range(named), c), "period") if c not in periods else "period" for c in range(table.n_cols)]
            columns = content_roles(table, header_rows, columns, "period")
            header = tuple(tuple(fold(t) for t in table.row_texts(h)) for h in range(header_rows))
            return Roles("period", header_rows, columns, periods, header=header)
    for r in range(min(n, 4)):
        row_texts = [fold(t) for t in table.row_texts(r)]
        joined = " | ".join(row_texts) if _header_like(row_texts) else ""
        if "pegawai yang dinilai" in joined and "pejabat penilai" in joined:
            return Roles("skp_header", r + 1, [""] * table.n_cols)
        if "rencana hasil kerja" in joined and "indikator" in joined:
            return _roles_with_header(table, "rhk", r + 1)
        if is_target_header(joined) or _cells_start(row_texts, TARGET_HEADER_CELLS):
            return _roles_with_header(table, "pk_targets", r + 1)
        wrapped = _wrapped_header(table, r)  # labels wrapped in narrow columns: 'Tahun' over '2023'
        for texts in ([row_texts] if joined else []) + ([wrapped.split(" | ")] if wrapped else []):
            if (year := _year_target_column(table, r, texts)) is not None:
                roles = _roles_with_header(table, "pk_targets", r + 1)
                roles.columns[year] = "target"
                return roles
        if joined and (unread := _unread_target_column(table, r, row_texts)) is not None:
            roles = _roles_with_header(table, "pk_targets", r + 1)
            roles.columns[unread[0]] = unread[1]
            return roles
        if is_budget_header(joined) or _cells_start(row_texts, BUDGET_HEADER_CELLS) or is_budget_header(wrapped):
            return _roles_with_header(table, "budget", r + 1)
        if BEHAVIOUR_TITLE.search(joined) or "berorientasi pelayanan" in joined:
            return Roles("behaviours", r + 1 if BEHAVIOUR_TITLE.search(joined) else r, [""] * table.n_cols)
    if after_behaviour_title:
        return Roles("behaviours", 0, [""] * table.n_cols)
    return Roles("unknown", 0, [""] * table.n_cols)


def _period_labels(table: Table, r: int) -> tuple[dict[int, str], int]:
    """Row r's period labels by column, and the header rows they fill: a label wrapped in its
    narrow column on a borderless table ('Triwulan' over 'IV', one grid row a line; every
    one of them in large type) is read whole, the row under it then being the header's too."""
    row = table.grid[r]
    own = {c: cell.text for c, cell in enumerate(row) if cell is not None and cell.colspan == 1}
    periods = {c: text for c, text in own.items() if is_period_label(text)}
    if r + 1 >= len(table.grid):
        return periods, r + 1
    below = [c for c in table.row_cells(r + 1) if c.row == r + 1 and c.text]
    if not below or any(not own.get(c.col) or c.col in periods or STATED_FIGURE.search(c.text) for c in below):
        return periods, r + 1  # a row of data, or a row of labels of its own (under 'Target 2025'), not the rest of these
    whole = {**own, **{c.col: f"{own[c.col]} {c.text.strip()}" for c in below}}
    wrapped = {c: text for c, text in whole.items() if is_period_label(text)}
    return (wrapped, r + 2) if len(wrapped) > len(periods) else (periods, r + 1)


def _year_target_column(table: Table, r: int, folded: list[str]) -> int | None:
    """A PK target column headed by its year alone ('Indikator Kinerja | Satuan | 2022'): the
    one year-headed column of an indicator table (its targets may be words: 'Baik'). Several
    year columns (a Renstra's 2022 ... 2026) name no single target."""
    cells = table.row_cells(r)
    if len(cells) != len(folded) or not any("indikator" in t for t in folded):
        return None
    years = [cell for cell, text in zip(cells, folded) if TARGET_YEAR.fullmatch(text)]
    return years[0].col if len(years) == 1 else None


def _unread_target_column(table: Table, r: int, folded: list[str]) -> tuple[int, str] | None:
    """A PK target header one of whose labels OCR could not read ('Sasaran Strategis | sian INA
    | Target', 'Sasaran Strategis | Indikator Kinerja | '): the column, and its role, that the
    order Sasaran, Indikator, Target and the column's content give it (an indicator column holds
    names of several words, a target column figures)."""
    cells = table.row_cells(r)
    if len(cells) != len(folded):
        return None
    roles = [_column_role(t, "pk_targets") for t in folded]
    for i in range(len(roles) - 2):
        window = roles[i : i + 3]
        unread = [i + k for k, role in enumerate(window) if role == "" and not HEADER_LABEL.fullmatch(folded[i + k])]
        if len(unread) != 1 or sorted(x for x in window if x) not in (["objective", "target"], ["indicator", "objective"]):
            continue
        role = ("objective", "indicator", "target")[unread[0] - i]
        if window[unread[0] - i] == "" and role != "objective" and _column_holds(table, r, cells[unread[0]], role):
            return cells[unread[0]].col, role
    return None


def _column_holds(table: Table, r: int, header: Cell, role: str) -> bool:
    """Most body cells under `header` read as the role's: names of three words or more, or
    figures (a target's)."""
    texts = [c.text.strip() for row in table.grid[r + 1 :] if (c := row[header.col]) is not None and c.row > r and c.text.strip()]
    texts = list(dict.fromkeys(texts))
    if role == "indicator":
        fits = sum(len(t.split()) >= 3 for t in texts)
    else:
        fits = sum(t[:1].isdigit() for t in texts)
    return len(texts) >= 2 and fits * 2 > len(texts)


def _cells_start(folded_cells: list[str], wanted: tuple[tuple[str, ...], ...]) -> bool:
    """Each group of header words opens a cell of the row ('Kegiatan ...', 'Anggaran (Rp.)
    100.000.000' in a scan whose ruling merged the header with the first row)."""
    return all(any(cell.startswith(words) for cell in folded_cells) for words in wanted)


def _header_like(folded_cells: list[str]) -> bool:
    """A row that could be a header: labels, not data (no figure but a year or a column
    number, no cell of running text)."""
    for text in folded_cells:
        if len(text.split()) > MAX_HEADER_WORDS:
            return False
        if any(ch.isdigit() for ch in YEAR_OR_NUMBERING.sub("", text)):
            return False
    return True


def _roles_with_header(table: Table, kind: TableKind, header_rows: int) -> Roles:
    # Roles come from the rows that named the table plus header words below them, never
    # from a numbering row '(1) (2) (3)'.
    named = header_rows
    header_rows = extend_header(table, header_rows)
    worded = [*range(named), *(r for r in range(named, header_rows) if not _numbers_columns(table, r, named))]
    texts = tuple(_header_text(table, worded, c) for c in range(table.n_cols))
    columns = content_roles(table, header_rows, [_column_role(t, kind) for t in texts], kind)
    header = tuple(tuple(fold(t) for t in table.row_texts(r)) for r in range(header_rows))
    return Roles(kind, header_rows, columns, header=header, column_headers=texts)


def _numbers_columns(table: Table, r: int, named: int) -> bool:
    cells = table.row_cells(r)
    return is_numbering_row(cells) or (r == named and is_misread_numbering([c for c in cells if c.row == r and c.text], table.n_cols))


def is_header_word(text: str) -> bool:
    """A cell a header's second row holds: 'Tahun 2025', '(Rp)', 'Target', a period label."""
    folded = fold(text)
    return not folded or HEADER_WORD.fullmatch(folded) is not None or is_period_label(text)


def extend_header(table: Table, header_rows: int) -> int:
    """Header rows below the one that named the table: a numbering row '(1) (2) (3)' (right
    under it, as OCR may read one: 'lea | 2 | 3 aes | 4'), or a row whose own cells hold only
    header words ('| Tahun 2025' under 'Anggaran') or the rest of a label wrapped in its
    column ('Dana' under 'Sumber')."""
    named = header_rows
    while header_rows < len(table.grid):
        cells = table.row_cells(header_rows)
        own = [c for c in cells if c.row == header_rows and c.text]
        worded = own and all(is_header_word(c.text) or _wraps_label(table, c) for c in own)
        if is_numbering_row(cells) or worded or (header_rows == named and is_misread_numbering(own, table.n_cols)):
            header_rows += 1
            continue
        break
    return header_rows


def _wrapped_header(table: Table, r: int) -> str:
    """Row r's labels, each with the words wrapped under it in row r + 1 ('jumlah anggaran |
    sumber dana'), when row r + 1 holds only such words; else ''."""
    below = [c for c in table.row_cells(r + 1) if c.row == r + 1 and c.text] if r + 1 < len(table.grid) else []
    if not below or not all(is_header_word(c.text) or _wraps_label(table, c) for c in below):
        return ""
    texts = [fold(" ".join(c.text for c in (table.grid[r][k], table.grid[r + 1][k]) if c is not None and c.text)) for k in range(table.n_cols)]
    return " | ".join(texts) if _header_like(texts) else ""


def _wraps_label(table: Table, cell: Cell) -> bool:
    """The cell holds the rest of the header label right above it ('Dana' under 'Sumber'):
    words, never a figure (a total's amount under 'Anggaran (Rp)' on a continued page is no label)."""
    above = table.grid[cell.row - 1][cell.col] if cell.row else None
    if above is None or not above.text or any(ch.isdigit() for ch in cell.text):
        return False
    return WRAPPED_LABEL.fullmatch(fold(f"{above.text} {cell.text}")) is not None


def is_misread_numbering(cells: list[Cell], n_cols: int) -> bool:
    """A column-numbering row as OCR reads the small type ('oo | ie | Ek ieee | Ne', 'lea | 2 |
    3 aes | 4'): half the columns or more (two at least) hold one line of a few characters,
    none a figure a row states (a percent, a decimal, three digits); a data row names its
    indicator or program in a longer cell."""
    texts = [c.text for c in cells if c.text.strip()]
    return (
        len(texts) >= max(2, n_cols / 2)
        and all(len(c.lines) == 1 for c in cells if c.text.strip())
        and all(len("".join(t.split())) <= MISREAD_NUMBERING_CHARS and not STATED_FIGURE.search(t) for t in texts)
    )


def is_repeated_header(texts: list[str], roles: Roles) -> bool:
    """A row that repeats one of the table's header rows (a header printed again on a new
    page, or inside the table): never data."""
    folded = tuple(fold(t) for t in texts)
    return bool(folded) and (folded in roles.header or (len(folded) >= 2 and all(HEADER_LABEL.fullmatch(t) or is_header_word(t) for t in folded)))


def content_roles(table: Table, header_rows: int, columns: list[str], kind: str) -> list[str]:
    """Roles the body's content proves, whatever the header says: a column of IKU codes is
    a code column (even under 'No'); in a budget, a column of money is the amount column."""
    out = list(columns)
    for c in range(table.n_cols):
        texts = [
            cell.text.strip()
            for r in range(header_rows, len(table.grid))
            if (cell := table.grid[r][c]) is not None and cell.row == r and cell.col == c and cell.text.strip()
        ]
        if len(texts) < 2:
            continue
        codes = sum(IKU_CODE_RE.fullmatch(t) is not None for t in texts)
        if codes >= 2 and codes * 2 >= len(texts) and out[c] in ("", "no", "code"):
            out[c] = "code"
        elif kind == "budget" and out[c] == "" and sum(MONEY.fullmatch(t) is not None for t in texts) * 2 >= len(texts):
            out[c] = "amount"
    return out


def _column_role(header: str, kind: str) -> str:
    if header in {"no", "no.", "nomor", "no urut"}:
        return "no"
    if "rencana hasil kerja" in header:
        return "objective"
    if "perspektif" in header:
        return "perspective"
    if "indikator" in header or header in {"iku", "iki"}:
        return "indicator"
    if "target" in header:
        return "target"
    if "sasaran" in header or "tujuan" in header:
        return "objective"
    if "program" in header or "kegiatan" in header:
        return "label"
    if header.startswith("sumber"):
        return "sumber"  # 'Sumber Dana', 'Sumber Anggaran': where the money comes from, no amount
    if "anggaran" in header or "pagu" in header or header.startswith(("jumlah", "biaya")):
        return "amount"
    if header.startswith("kode"):
        return "code"
    if header in {"ket", "keterangan", "satuan"}:
        return header
    return ""


def same_columns(a: Table, b: Table, tolerance: float = 3.0) -> bool:
    """Is table b the continuation of table a (the same column grid)? A part whose rows all
    span columns (an objective row across a Rincian) shows only some of the grid's edges:
    every edge it has must be one of a's, and its outer edges a's outer edges."""
    def near(x: float, edges: list[float]) -> bool:
        return any(abs(x - y) <= tolerance for y in edges)

    if a.n_cols == b.n_cols:
        return all(abs(x - y) <= tolerance for x, y in zip(a.col_edges, b.col_edges))
    small, large = (a, b) if a.n_cols < b.n_cols else (b, a)
    if small.n_cols < 2 or any(len(small.row_cells(r)) == 1 for r in range(len(small.grid))):
        return False  # a box with a full-width title row (Dukungan Sumber Daya) is no part of it
    outer = abs(small.col_edges[0] - large.col_edges[0]) <= tolerance and abs(small.col_edges[-1] - large.col_edges[-1]) <= tolerance
    return outer and all(near(x, large.col_edges) for x in small.col_edges)
