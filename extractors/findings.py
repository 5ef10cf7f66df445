"""What the reader saw but could not vouch for, as raw records of kind 'finding'.

Each becomes a row of `bi.reconciliation` with status 'mismatch' and a check name that
begins with `extraction_` (warehouse/sql/checks/extraction_reader_findings.sql): the
document states itself what an analyst must look at before trusting its rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from extractors.ocr import OCR_LANGUAGE
from extractors.page import PageLayout
from extractors.sections import MONEY, TOTAL_LABEL
from schemas.records import BBox, RawRecord
from schemas.text import fold

Number = int | float | Decimal  # stated / computed: loaded as DECIMAL(24,6)
# A Rupiah amount of at least a million (two groups of thousands) standing on its own: not
# part of a longer number such as a NIP or a letter number.
PRINTED_AMOUNT = re.compile(rf"(?<![\d.,/]){MONEY.pattern}(?![\d.,]\d)", re.IGNORECASE)
BUDGET_KINDS = ("budget_line", "budget_total")
# The text of a target row that names (never holds) its value: an amount there is a budget
# row the target table swallowed (its budget header misread, the band ran on into it).
TARGET_TEXT_FIELDS = ("objective", "indicator")


def finding(
    check: str, subject: str, page: int, *, bbox: BBox | None = None, stated: Number | None = None, computed: Number | None = None
) -> RawRecord:
    fields: dict[str, str | None] = {
        "check": check,
        "subject": subject,
        "stated": None if stated is None else str(stated),
        "computed": None if computed is None else str(computed),
    }
    return RawRecord(kind="finding", page=page, bbox=bbox, fields=fields)


def page_list(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def layered_pages(pages: Sequence[PageLayout], ocr_pages: Sequence[int] = ()) -> list[int]:
    """The scans carrying a text layer that kinerja's own OCR did not write."""
    return [p.number for p in pages if p.is_scanned and p.has_text and p.number not in ocr_pages]


def ocr_layer(pages: Sequence[PageLayout], ocr_pages: Sequence[int] = ()) -> list[RawRecord]:
    """Pages that are scans carrying a text layer: every value on them was read by some
    other tool's OCR, which kinerja cannot check against the image."""
    scanned = layered_pages(pages, ocr_pages)
    if not scanned:
        return []
    subject = f"text layer over a scanned image on page(s) {page_list(scanned)}: another tool's OCR, check the values against the page"
    return [finding("extraction_ocr_text_layer", subject, scanned[0], stated=len(pages), computed=len(scanned))]


def rows_cut_at_figures(pages: Sequence[PageLayout]) -> list[RawRecord]:
    """Tables whose ruled rows held several figures stacked and were cut at them (extractors/figure_rows.py):
    the page draws no rule there, so which label goes with which figure is read from the text's lines."""
    subject = "{} ruled row(s) of the table hold several figures one above the other: cut at the figures' lines, check each figure's indicator"
    return [finding("extraction_rows_cut_at_figures", subject.format(n), p.number, bbox=box, computed=n) for p in pages for box, n in p.cut_tables.items()]


def ocr_read(pages: Sequence[PageLayout], ocr_pages: Sequence[int]) -> list[RawRecord]:
    """Pages whose text kinerja's own OCR wrote: a misread figure is possible on each."""
    if not ocr_pages:
        return []
    subject = f"page(s) {page_list(ocr_pages)} read by OCR (Tesseract, {OCR_LANGUAGE}): check the values against the page image"
    return [finding("extraction_ocr_read", subject, ocr_pages[0], stated=len(pages), computed=len(ocr_pages))]


def kind_assumed(kind: str, page: int = 1) -> RawRecord:
    """No heading named the document's kind; it was inferred from the tables found."""
    return finding("extraction_kind_assumed", f"no title names the kind; read as {kind.replace('_', ' ')}", page)


def amount_not_read(lines: Iterable[tuple[str, int]], records: Sequence[RawRecord], sections: set[str]) -> list[RawRecord]:
    """A PK that read no budget row but prints a Rupiah amount on a line outside its tables
    ((text, page) of each) or in the objective or indicator of a target row: its budget table
    is likely there and was not read as one. With budget rows read: a row's amount printed on a
    line of its own outside the tables (stray_amount)."""
    if not sections & {"pk_statement", "pk"}:
        return []
    if any(r.kind in BUDGET_KINDS for r in records):
        return stray_amount(lines, records)
    in_targets = ((r.fields.get(f) or "", r.page) for r in records if r.kind in ("pk_target", "period_target") for f in TARGET_TEXT_FIELDS)
    for (text, page), where in [*((line, "outside any table read") for line in lines), *((t, "in a target row's text") for t in in_targets)]:
        if (amount := PRINTED_AMOUNT.search(text)) is not None:
            subject = f"amount {amount.group(0).strip()} printed {where}, and no budget row read: the budget table may be unread"
            return [finding("extraction_amount_not_read", subject, page)]
    return []


# A budget row's figure on a line of its own: the amount alone ('820.000.000', 'Rp 820.000.000,00'),
# or after a row number and a name ('4. Pengembangan Kawasan Peternakan 820.000.000').
STRAY_AMOUNT = re.compile(rf"(?:\d{{1,2}}[.)]?\s+[^\d]+?\s+)?(?P<amount>{MONEY.pattern})", re.IGNORECASE)


def _amount_digits(text: str) -> str:
    return re.sub(r"\D", "", re.sub(r"(?:[,.]\d{2}|,-)$", "", text.strip()))


def stray_amount(lines: Iterable[tuple[str, int]], records: Sequence[RawRecord]) -> list[RawRecord]:
    """An amount no budget row or total read, printed on a line of its own outside the tables:
    a budget row the table lost (its last row's rules not seen on a scan, a row past the frame)."""
    read = {_amount_digits(r.fields.get("amount") or "") for r in records if r.kind in BUDGET_KINDS}
    for text, page in lines:
        stray = STRAY_AMOUNT.fullmatch(text.strip())
        if stray is not None and not TOTAL_LABEL.match(fold(text)) and _amount_digits(stray["amount"]) not in read:
            subject = f"amount {stray['amount'].strip()} printed on a line of its own outside the budget table read: a budget row may be unread"
            return [finding("extraction_amount_not_read", subject, page)]
    return []
