"""A PDF -> RawDocument: every page read once, sections found by content, tables stitched."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from extractors.findings import finding, kind_assumed, layered_pages, ocr_layer, ocr_read, page_list, rows_cut_at_figures
from extractors.kind import FACT_KINDS, classify_lines, is_cascade
from extractors.ocr import OCR_LANGUAGE, NeedsOcr
from extractors.page import PageLayout, read_pages, with_image_rules
from extractors.skp import is_heading
from extractors.stream import OpenTable, apply_stream, attach_headers, needs_stream, unread_headers
from extractors.text_quality import pages_to_ocr
from extractors.walker import extract_records
from schemas.errors import ExtractionError
from schemas.records import SECTION_ORDER, RawDocument, RawRecord


def _opening_lines(pages: list[PageLayout], n_pages: int = 3) -> Iterator[str]:
    """Every text line of the first pages, tables included, in reading order, page by page."""
    return (line.text for page in pages[:n_pages] for line in page.all_lines())


def _read_borderless_tables(path: str | Path, pages: list[PageLayout]) -> list[RawRecord]:
    """Re-read with camelot stream the pages that show a table header but no ruled table of
    that kind; a header that still heads no table is a finding."""
    findings: list[RawRecord] = []
    open_table: OpenTable | None = None  # a borderless table that ran to the end of its page
    for page in pages:
        attach_headers(page)
        open_table = apply_stream(path, page, open_table) if needs_stream(page) or open_table else None
        for table_kind, line in unread_headers(page):
            subject = f"{table_kind.replace('_', ' ')} table headed '{line.text}': no row read"
            findings.append(finding("extraction_table_not_read", subject, page.number, bbox=line.bbox))
    return findings


def _document_kind(pages: list[PageLayout]) -> str | None:
    """The kind named by the opening headings, a cascade diagram, or a kind named anywhere early."""
    return (
        classify_lines(t for t in _opening_lines(pages) if is_heading(t))
        or ("cascading_kinerja" if is_cascade(list(_opening_lines(pages))) else None)
        or classify_lines(_opening_lines(pages))
    )


def _check_text_layer(pages: list[PageLayout], ocr_pages: Sequence[int]) -> None:
    """Before OCR: ask for it where scans have no text or a garbage layer. After: the scan
    that still has no text is quarantined."""
    if ocr_pages:
        if not any(p.has_text for p in pages):
            raise ExtractionError("requires_ocr", f"OCR (Tesseract, {OCR_LANGUAGE}) found no text on the {len(pages)} scanned pages: too faint, or not text")
        return
    if not any(p.has_text for p in pages):  # images, or text drawn as outlines: OCR reads both
        raise NeedsOcr([p.number for p in pages], False, f"none of the {len(pages)} pages has a text layer (a scan): OCR is needed")
    numbers, force = pages_to_ocr(pages)
    if force:
        raise NeedsOcr(numbers, True, f"the OCR text layer of the scan (page(s) {page_list(numbers)}) reads as garbage: it needs OCR")
    if numbers and len(numbers) * 2 >= len(pages):
        raise NeedsOcr(numbers, False, f"{len(numbers)} of the {len(pages)} pages are scans without a text layer: OCR is needed")


def extract_document(path: str | Path, *, document_id: str, file_name: str, ocr_pages: Sequence[int] = ()) -> RawDocument:
    """`ocr_pages`: the pages of `path` (an OCR'd copy) whose text kinerja's own OCR wrote."""
    pages = list(read_pages(path))
    if not pages:
        raise _no_pages(path, bool(ocr_pages))
    _check_text_layer(pages, ocr_pages)
    pages = with_image_rules(path, pages, ocr_pages)
    # Another tool's OCR layer over a scan: its tables too are drawn in the image only.
    pages = with_image_rules(path, pages, layered_pages(pages, ocr_pages), layered=True)
    findings = ocr_layer(pages, ocr_pages) + ocr_read(pages, ocr_pages) + rows_cut_at_figures(pages) + _read_borderless_tables(path, pages)
    records, sections = extract_records(pages)
    kind = _document_kind(pages)
    facts = [r for r in records if r.kind not in ("title", "signature")]
    if kind is not None and kind not in FACT_KINDS:
        # A performance report or plan (LKjIP, RKT, ...): loaded and classified, no PK facts.
        records = [r for r in records if r.kind == "title"]
        sections = set()
    elif not facts:
        scanned = [p.number for p in pages if p.is_scanned]
        if kind is not None and len(scanned) * 2 > len(pages):
            detail = f"a scanned {kind.replace('_', ' ')} whose text layer yields no table"
            if ocr_pages:
                raise ExtractionError("requires_ocr", detail + f" even after OCR (Tesseract, {OCR_LANGUAGE}): check the page images")
            raise NeedsOcr(scanned, True, detail + ": it needs (re-)OCR")
        raise ExtractionError(
            "not_a_performance_document",
            "no PK target, budget, Rincian, SKP or Lampiran table and no statement parties were found in the text",
        )
    elif kind is None:
        kind = "skp" if sections <= {"skp", "skp_lampiran"} else "perjanjian_kinerja"
        findings.append(kind_assumed(kind))
    if kind in FACT_KINDS:
        records = records + findings
    return RawDocument(
        document_id=document_id,
        file_name=file_name,
        page_count=len(pages),
        sections=tuple(s for s in SECTION_ORDER if s in sections),
        records=tuple(records),
        document_kind=kind,
        extractor_version=EXTRACTOR_VERSION,
        ocr_used=bool(ocr_pages),
    )


def _no_pages(path: str | Path, ocr_used: bool) -> ExtractionError:
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
        detail = f"the {n} pages are images without a text layer (a scan)"
        if ocr_used:
            return ExtractionError("requires_ocr", detail + " and OCR found no text on them")
        return NeedsOcr(list(range(1, n + 1)), False, detail + ": OCR is needed")
    return ExtractionError("corrupt", "the PDF's page tree cannot be read")
