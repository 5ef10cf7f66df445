"""A PDF -> RawDocument: every page read once, sections found by content, tables stitched."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.page import PageLayout, Segment, TextLine, group_lines, read_pages
from extractors.sections import BEHAVIOUR_TITLE, Roles, classify_table, same_columns, section_of_title
from extractors.signature import find_blocks, mark_signed, parse_block, share_place_date
from extractors.kind import FACT_KINDS, classify_lines
from extractors.skp import behaviour_records, is_heading, resource_records
from extractors.statement import party_records
from extractors.stream import apply_stream, needs_stream
from extractors.table import Table
from extractors.tables import Context, budget_rows, indicator_rows, period_rows, skp_header, table_lines
from schemas.records import SECTION_ORDER, BBox, RawDocument, RawRecord
from schemas.text import fold


class ExtractionError(Exception):
    """The PDF was read but is not something kinerja can load; `reason` is CONTRACT.md's."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


TABLE_SECTION = {"pk_targets": "pk", "budget": "pk_budget", "rhk": "skp", "skp_header": "skp", "behaviours": "skp"}
RESOURCE_TITLE = re.compile(r"^dukungan sumber daya\b")
PERIOD_LINE = re.compile(r"periode\s+penilaian", re.IGNORECASE)


@dataclass
class Element:
    page: PageLayout
    top: float
    line: TextLine | None = None
    table: Table | None = None


def _elements(pages: Iterable[PageLayout]) -> Iterable[Element]:
    for page in pages:
        items = [Element(page, l.top, line=l) for l in page.lines] + [Element(page, t.bbox[1], table=t) for t in page.tables]
        yield from sorted(items, key=lambda e: e.top)


@dataclass
class _State:
    section: str | None = None
    part: str | None = None  # a titled part inside a section: 'behaviours', 'resources'
    ctx: Context | None = None
    prev_table: Table | None = None
    prev_kind: str | None = None


def _period_section(state: _State, roles: Roles, table: Table) -> str:
    if state.section in ("pk_rincian", "skp_lampiran"):
        return state.section
    header = " ".join(fold(t) for r in range(roles.header_rows) for t in table.row_texts(r))
    return "skp_lampiran" if re.search(r"\biki\b", header) else "pk_rincian"


def extract_records(pages: list[PageLayout]) -> tuple[list[RawRecord], set[str]]:
    state = _State()
    records: list[RawRecord] = []
    sections: set[str] = set()
    behaviour_lines: list[tuple[str, int]] = []
    resource_lines: list[tuple[str, int]] = []
    page_lines: list[tuple[str, int]] = []
    segments_by_page: dict[int, list[tuple[Segment, str | None]]] = {}
    skp_header_index: int | None = None
    period_text: str | None = None

    def on_line(text: str, page: int, bbox: BBox | None) -> None:
        nonlocal period_text
        titled = section_of_title(text)
        if titled is not None and is_heading(text):
            state.section, state.part, state.prev_kind = titled, None, None
        folded = fold(text)
        if BEHAVIOUR_TITLE.match(folded):
            state.part = "behaviours"
        elif RESOURCE_TITLE.match(folded):
            state.part = "resources"
        elif state.part == "resources" and is_heading(text):
            state.part = None
        elif state.part == "resources":
            resource_lines.append((text, page))
        elif state.part == "behaviours" and state.prev_kind != "behaviours":
            behaviour_lines.append((text, page))
        if PERIOD_LINE.search(text) and period_text is None:
            period_text = text
        if is_heading(text) and len(text) < 160:
            records.append(RawRecord(kind="title", section=state.section, page=page, bbox=bbox, fields={"text": text}))

    for el in _elements(pages):
        if el.line is not None:
            page_lines.append((el.line.text, el.page.number))
            on_line(el.line.text, el.page.number, el.line.segments[0].bbox)
            for seg in el.line.segments:
                segments_by_page.setdefault(el.page.number, []).append((seg, _signature_section(state.section)))
            continue

        table = el.table
        assert table is not None
        roles = classify_table(table, after_behaviour_title=state.part == "behaviours")
        continued = (
            state.prev_table is not None
            and state.ctx is not None
            and state.ctx.roles is not None
            and table.page == state.prev_table.page + 1
            and same_columns(state.prev_table, table)
            and roles.kind in ("unknown", state.ctx.roles.kind)
        )
        if continued:
            assert state.ctx is not None and state.ctx.roles is not None
            if roles.kind == "unknown":
                roles = dataclasses.replace(state.ctx.roles, header_rows=0)
        else:
            state.ctx = Context(roles=roles)
        state.prev_table = table
        if roles.kind == "unknown":
            # A ruled box that holds no data table (Dukungan Sumber Daya, a title frame): text.
            state.prev_kind = None
            for r in range(len(table.grid)):
                cells = table.row_cells(r)
                if cells:
                    on_line(" ".join(c.text for c in cells if c.text), table.page, cells[0].bbox)
            continue
        state.prev_kind = roles.kind
        section = _period_section(state, roles, table) if roles.kind == "period" else TABLE_SECTION[roles.kind]
        if not (roles.kind == "behaviours" and state.section == "skp"):
            state.section = section
        sections.add(section)
        assert state.ctx is not None
        if roles.kind in ("pk_targets", "rhk"):
            records.extend(indicator_rows(table, roles, state.ctx, section=section))
        elif roles.kind == "period":
            records.extend(period_rows(table, roles, state.ctx, section=section))
        elif roles.kind == "budget":
            records.extend(budget_rows(table, roles, state.ctx, section=section))
        elif roles.kind == "skp_header":
            records.append(skp_header(table, roles, section=section))
            skp_header_index = len(records) - 1
        elif roles.kind == "behaviours":
            behaviour_lines.extend((line, table.page) for line, _ in table_lines(table, roles.header_rows))

    parties = list(party_records(page_lines))
    if parties:
        records.extend(parties)
        sections.add("pk_statement")
    records.extend(behaviour_records(behaviour_lines))
    resources = list(resource_records(resource_lines))
    records.extend(resources)
    if resources:
        sections.add("skp_lampiran")
    if skp_header_index is not None and period_text is not None:
        header = records[skp_header_index]
        records[skp_header_index] = header.model_copy(update={"fields": dict(header.fields, period=period_text)})

    signatures: list[RawRecord] = []
    for page in pages:
        blocks = find_blocks(segments_by_page.get(page.number, []), page.width)
        signatures.extend(share_place_date([mark_signed(parse_block(b, page.number), b, page) for b in blocks]))
    records.extend(signatures)
    return records, sections


def _signature_section(section: str | None) -> str | None:
    # The statement page, the target table and the budget are one agreement, signed once.
    return "pk" if section in ("pk_statement", "pk", "pk_budget") else section


def _opening_lines(pages: list[PageLayout], n_pages: int = 3) -> list[str]:
    """Every text line of the first pages, tables included, in reading order."""
    return [line.text for page in pages[:n_pages] for line in group_lines(page.chars)]


def extract_document(path: str | Path, *, document_id: str, file_name: str) -> RawDocument:
    pages = list(read_pages(path))
    if not pages:
        raise _no_pages(path)
    if not any(p.has_text for p in pages):
        raise ExtractionError("requires_ocr", f"none of the {len(pages)} pages has a text layer (a scan): OCR is needed")
    for page in pages:
        if needs_stream(page):
            apply_stream(path, page)
    records, sections = extract_records(pages)
    opening = _opening_lines(pages)
    kind = classify_lines([t for t in opening if is_heading(t)]) or classify_lines(opening)
    facts = [r for r in records if r.kind not in ("title", "signature")]
    if kind is not None and kind not in FACT_KINDS:
        # A performance report or plan (LKjIP, RKT, ...): loaded and classified, no PK facts.
        records = [r for r in records if r.kind == "title"]
        sections = set()
    elif not facts:
        if kind is not None and sum(p.is_scanned for p in pages) * 2 > len(pages):
            raise ExtractionError(
                "requires_ocr",
                f"a scanned {kind.replace('_', ' ')} whose text layer yields no table: it needs (re-)OCR",
            )
        raise ExtractionError(
            "not_a_performance_document",
            "no PK target, budget, Rincian, SKP or Lampiran table and no statement parties were found in the text",
        )
    elif kind is None:
        kind = "skp" if sections <= {"skp", "skp_lampiran"} else "perjanjian_kinerja"
    return RawDocument(
        document_id=document_id,
        file_name=file_name,
        page_count=len(pages),
        sections=tuple(s for s in SECTION_ORDER if s in sections),
        records=tuple(records),
        document_kind=kind,
    )


def _no_pages(path: str | Path) -> ExtractionError:
    """pdfminer found no page tree; pdfium is more forgiving: a scan or a broken file?"""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception as exc:
        return ExtractionError("corrupt", f"the PDF cannot be opened: {exc}")
    try:
        n = len(pdf)
        has_text = any(pdf[i].get_textpage().get_text_range().strip() for i in range(n))
    finally:
        pdf.close()
    if n and not has_text:
        return ExtractionError("requires_ocr", f"the {n} pages are images without a text layer (a scan): OCR is needed")
    return ExtractionError("corrupt", "the PDF's page tree cannot be read")
