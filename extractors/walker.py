"""Walk a document's pages in reading order (text lines and tables interleaved by their
top) and turn what they hold into raw records.

All the walk remembers lives in one `Walk` dataclass: the current section and titled part,
the table context carried over a page break, and the text collected for the parts that are
read after the walk (statement parties, PERILAKU KERJA, Dukungan Sumber Daya, signatures).
Table kinds dispatch through `TABLE_READERS`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from extractors.findings import amount_not_read, finding
from extractors.grid import Table, on_grid
from extractors.layout import Segment, TextLine
from extractors.page import PageLayout
from extractors.rows import Context, budget_rows, indicator_rows, period_rows, skp_header, table_lines
from extractors.sections import BEHAVIOUR_TITLE, Roles, classify_table, same_columns, section_of_title
from extractors.signature import find_blocks, mark_signed, parse_block, share_place_date
from extractors.skp import behaviour_records, is_heading, resource_records
from extractors.statement import party_records
from schemas.records import BBox, RawRecord
from schemas.text import fold

TABLE_SECTION = {"pk_targets": "pk", "budget": "pk_budget", "rhk": "skp", "skp_header": "skp", "behaviours": "skp"}
RESOURCE_TITLE = re.compile(r"^dukungan sumber daya\b")
PERIOD_LINE = re.compile(r"periode\s+penilaian", re.IGNORECASE)
MAX_TITLE_CHARS = 160  # a longer heading-like line is running text, not a title record
TRAILING_WORDS = 3  # a line after the last table with fewer words is a page number or footer
# A cell holding one figure: a target ('87,5%', '3,25 (skala 4)', '12 Laporan') or an amount.
FIGURE = re.compile(r"(rp\.?\s*)?[0-9][0-9.,]*\s*%?(\s*\([^()]*\))?(\s+[A-Za-z]+){0,2}", re.IGNORECASE)


@dataclass
class Element:
    page: PageLayout
    top: float
    line: TextLine | None = None
    table: Table | None = None


def elements(pages: Iterable[PageLayout]) -> Iterator[Element]:
    """Text lines and tables of every page, top to bottom."""
    for page in pages:
        items = [Element(page, l.top, line=l) for l in page.lines] + [Element(page, t.bbox[1], table=t) for t in page.tables]
        yield from sorted(items, key=lambda e: e.top)


@dataclass
class Walk:
    """Everything the walk carries from one element to the next."""

    section: str | None = None
    part: str | None = None  # a titled part inside a section: 'behaviours', 'resources'
    ctx: Context | None = None  # the current table's roles and merged cells, across page breaks
    prev_table: Table | None = None
    grid_table: Table | None = None  # the part of the current table that shows its whole grid
    prev_kind: str | None = None
    records: list[RawRecord] = field(default_factory=list)
    sections: set[str] = field(default_factory=set)
    page_lines: list[tuple[str, int]] = field(default_factory=list)
    behaviour_lines: list[tuple[str, int]] = field(default_factory=list)
    resource_lines: list[tuple[str, int]] = field(default_factory=list)
    segments_by_page: dict[int, list[tuple[Segment, str | None]]] = field(default_factory=dict)
    skp_header_index: int | None = None
    period_text: str | None = None


TableReader = Callable[[Walk, Table, Roles, str], None]


def _read_indicators(walk: Walk, table: Table, roles: Roles, section: str) -> None:
    assert walk.ctx is not None
    walk.records.extend(indicator_rows(table, roles, walk.ctx, section=section))


def _read_periods(walk: Walk, table: Table, roles: Roles, section: str) -> None:
    assert walk.ctx is not None
    walk.records.extend(period_rows(table, roles, walk.ctx, section=section))


def _read_budget(walk: Walk, table: Table, roles: Roles, section: str) -> None:
    assert walk.ctx is not None
    last = next((r.kind for r in reversed(walk.records) if r.kind in ("budget_line", "budget_total")), None)
    walk.records.extend(budget_rows(table, roles, walk.ctx, section=section, lines_before=last == "budget_line"))


def _read_skp_header(walk: Walk, table: Table, roles: Roles, section: str) -> None:
    walk.records.append(skp_header(table, roles, section=section))
    walk.skp_header_index = len(walk.records) - 1


def _read_behaviours(walk: Walk, table: Table, roles: Roles, section: str) -> None:
    walk.behaviour_lines.extend((line, table.page) for line, _ in table_lines(table, roles.header_rows))


TABLE_READERS: dict[str, TableReader] = {
    "pk_targets": _read_indicators,
    "rhk": _read_indicators,
    "period": _read_periods,
    "budget": _read_budget,
    "skp_header": _read_skp_header,
    "behaviours": _read_behaviours,
}


def on_line(walk: Walk, text: str, page: int, bbox: BBox | None) -> None:
    """A text line: it may open a section or a part, or belong to a part read later."""
    titled = section_of_title(text)
    if titled is not None and is_heading(text):
        walk.section, walk.part, walk.prev_kind = titled, None, None
    folded = fold(text)
    if BEHAVIOUR_TITLE.match(folded):
        walk.part = "behaviours"
    elif RESOURCE_TITLE.match(folded):
        walk.part = "resources"
    elif walk.part == "resources" and is_heading(text):
        walk.part = None
    elif walk.part == "resources":
        walk.resource_lines.append((text, page))
    elif walk.part == "behaviours" and walk.prev_kind != "behaviours":
        walk.behaviour_lines.append((text, page))
    if PERIOD_LINE.search(text) and walk.period_text is None:
        walk.period_text = text
    if is_heading(text) and len(text) < MAX_TITLE_CHARS:
        walk.records.append(RawRecord(kind="title", section=walk.section, page=page, bbox=bbox, fields={"text": text}))


def _continues(walk: Walk, table: Table, roles: Roles) -> bool:
    """Is this table the previous one continued on the next page (same column grid)?"""
    prev, ctx = walk.prev_table, walk.ctx
    return (
        prev is not None
        and ctx is not None
        and ctx.roles is not None
        and same_columns(walk.grid_table or prev, table)
        # on the next page (its header repeated or not), or further down the same page when
        # the ruling broke the grid in two (a header-less part)
        and (table.page == prev.page + 1 and roles.kind in ("unknown", ctx.roles.kind)
             or table.page == prev.page and roles.kind == "unknown" and table.bbox[1] >= prev.bbox[3] - 2
             and table.n_cols == prev.n_cols)
    )


def _period_section(walk: Walk, roles: Roles, table: Table) -> str:
    if walk.section in ("pk_rincian", "skp_lampiran"):
        return walk.section
    header = " ".join(fold(t) for r in range(roles.header_rows) for t in table.row_texts(r))
    return "skp_lampiran" if re.search(r"\biki\b", header) else "pk_rincian"


def on_table(walk: Walk, table: Table) -> None:
    roles = classify_table(table, after_behaviour_title=walk.part == "behaviours")
    if _continues(walk, table, roles):
        assert walk.ctx is not None and walk.ctx.roles is not None
        walk.ctx.page_top = True
        if walk.grid_table is not None and table.n_cols < walk.grid_table.n_cols:
            table = on_grid(table, walk.grid_table.col_edges)
        if roles.kind == "unknown":
            roles = dataclasses.replace(walk.ctx.roles, header_rows=0)
    else:
        walk.ctx = Context(roles=roles)
    walk.prev_table = table
    if walk.grid_table is None or roles.kind != "unknown" or table.n_cols >= walk.grid_table.n_cols:
        walk.grid_table = table
    if roles.kind == "unknown":
        # A ruled box that holds no data table (Dukungan Sumber Daya, a title frame): text.
        walk.prev_kind = None
        if _holds_figures(table):
            subject = f"a ruled table of {len(table.grid)} rows with targets or amounts, read as text: its header is missing"
            walk.records.append(finding("extraction_table_not_read", subject, table.page, bbox=table.bbox))
        for r in range(len(table.grid)):
            cells = table.row_cells(r)
            if cells:
                on_line(walk, " ".join(c.text for c in cells if c.text), table.page, cells[0].bbox)
        return
    walk.prev_kind = roles.kind
    section = _period_section(walk, roles, table) if roles.kind == "period" else TABLE_SECTION[roles.kind]
    if not (roles.kind == "behaviours" and walk.section == "skp"):
        walk.section = section
    walk.sections.add(section)
    TABLE_READERS[roles.kind](walk, table, roles, section)


def _holds_figures(table: Table) -> bool:
    """Two or more rows with two or more figures (targets, percentages, amounts): data."""
    rows = sum(sum(FIGURE.fullmatch(c.text.strip()) is not None for c in table.row_cells(r)) >= 2 for r in range(len(table.grid)))
    return rows >= 2


def _cut_off(elements_: list[Element]) -> list[RawRecord]:
    """The document ends inside a table: nothing follows its last fact table (agreements and
    SKPs end with their signatures), so its rows may go on on a page that is missing."""
    last = elements_[-1] if elements_ else None
    tail = [e for e in elements_ if e.line is not None and len(e.line.text.split()) >= TRAILING_WORDS]
    if last is None or last.table is None or (tail and tail[-1].top > last.top and tail[-1].page is last.page):
        return []
    if classify_table(last.table).kind == "unknown" and not _holds_figures(last.table):
        return []
    subject = "the document ends inside a table: its rows may go on on a missing page"
    return [finding("extraction_table_cut_off", subject, last.page.number, bbox=last.table.bbox)]


def _signature_section(section: str | None) -> str | None:
    # The statement page, the target table and the budget are one agreement, signed once.
    return "pk" if section in ("pk_statement", "pk", "pk_budget") else section


def _finish_parts(walk: Walk) -> None:
    """The parts read from collected text once the walk is over."""
    parties = list(party_records(walk.page_lines))
    if parties:
        walk.records.extend(parties)
        walk.sections.add("pk_statement")
    walk.records.extend(behaviour_records(walk.behaviour_lines))
    resources = list(resource_records(walk.resource_lines))
    walk.records.extend(resources)
    if resources:
        walk.sections.add("skp_lampiran")
    if walk.skp_header_index is not None and walk.period_text is not None:
        header = walk.records[walk.skp_header_index]
        fields = dict(header.fields, period=walk.period_text)
        walk.records[walk.skp_header_index] = header.model_copy(update={"fields": fields})


def _signatures(walk: Walk, pages: list[PageLayout]) -> Iterator[RawRecord]:
    for page in pages:
        blocks = find_blocks(walk.segments_by_page.get(page.number, []), page.width, [t.bbox for t in page.tables])
        yield from share_place_date([mark_signed(parse_block(b, page.number), b, page) for b in blocks])


def extract_records(pages: list[PageLayout]) -> tuple[list[RawRecord], set[str]]:
    walk = Walk()
    items = list(elements(pages))
    for el in items:
        if el.table is not None:
            on_table(walk, el.table)
            continue
        assert el.line is not None
        walk.page_lines.append((el.line.text, el.page.number))
        on_line(walk, el.line.text, el.page.number, el.line.segments[0].bbox)
        section = _signature_section(walk.section)
        walk.segments_by_page.setdefault(el.page.number, []).extend((seg, section) for seg in el.line.segments)
    _finish_parts(walk)
    walk.records.extend(_signatures(walk, pages))
    if walk.sections:
        walk.records.extend(_cut_off(items))
        walk.records.extend(amount_not_read(walk.page_lines, walk.records, walk.sections))
    return join_split_objectives(join_split_rows(walk.records)), walk.sections


def join_split_rows(records: list[RawRecord]) -> list[RawRecord]:
    """A row broken by a page end inside its text: the rest of the indicator, read at the top
    of the next page, joins the row read before it (each period cell of it, in a Rincian)."""
    out: list[RawRecord] = []
    for rec in records:
        if rec.fields.get("continues") != "indicator":
            out.append(rec)
            continue
        row = [i for i, o in enumerate(out) if o.kind == rec.kind and o.fields.get("continues") is None]
        if rec.kind == "period_target" and row:
            key = out[row[-1]].fields.get("row_key")
            row = [i for i in row if out[i].fields.get("row_key") == key]
        elif row:
            row = row[-1:]
        for i in row:
            joined = f"{out[i].fields.get('indicator') or ''} {rec.fields['indicator']}".strip()
            out[i] = out[i].model_copy(update={"fields": dict(out[i].fields, indicator=joined)})
    return out


def join_split_objectives(records: list[RawRecord]) -> list[RawRecord]:
    """Rows read before a page break carry the part of a merged objective printed on that
    page; once the rest is read on the next page, they get the whole text."""
    out = list(records)
    whole: tuple[str | None, str | None] = (None, None)  # (objective_no, objective) of the row below
    for i in range(len(out) - 1, -1, -1):
        rec = out[i]
        if rec.kind not in ("pk_target", "skp_target"):
            continue
        key = (rec.fields.get("objective_no"), rec.fields.get("objective"))
        if whole[1] and key[1] and key[0] == whole[0] and whole[1].startswith(key[1] + " "):
            out[i] = rec.model_copy(update={"fields": dict(rec.fields, objective=whole[1])})
        else:
            whole = key
    return out
