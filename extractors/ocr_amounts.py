"""A budget amount whose marks OCR misread, put back where the amount itself shows how.

Tesseract reads the dots of a Rupiah amount as commas now and then ('Rp. 7,838.434.333,-',
'Rp. 5.956,794.338,-'): a mix of ',' and '.' that neither Indonesian ('7.838.434.333,-')
nor English marks ('7,838,434,333.00') print. When every group after the first has three
digits, every mark between them groups thousands: a decimal part of three digits is no
Rupiah amount, and a mark cannot be cents in front of more groups. Quotes and dashes OCR
or a lone mark OCR reads before the figure (a rule's end: '“Rp. 23.972.036.198,-', ', 1.330.965.360')
are no part of it either.
The repair is stated on the row as an `extraction_ocr_repaired` finding (the reading, its
confidence and the value loaded); the amount keeps its confidence: it stays listed as low too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.findings import finding
from extractors.ocr_checks import row_name, value_as_read
from schemas.records import RawRecord

AMOUNT_KINDS = ("budget_line", "budget_total")
# Noise before an amount: quotes, a dash or an underscore (a rule's end), a mark apart, read as characters.
LEADING_NOISE = re.compile(r"^(?:[\"'“”‘’`_~\-—–]+\s*|[,.;:]\s+)(?=(rp|\d))", re.IGNORECASE)
# A figure whose groups after the first all have three digits, between marks of either kind.
GROUPED = re.compile(r"(?P<rp>(?:rp\.?|idr)\s*)?(?P<first>\d{1,3})(?P<groups>(?:[.,]\d{3}){2,})(?P<end>,-|,00|\.-)?", re.IGNORECASE)


def mended_amount(text: str) -> str | None:
    """The amount `text` with its misread marks put back, or None when it needs no repair
    (it reads already) or shows no unambiguous one."""
    stripped = LEADING_NOISE.sub("", text.strip())
    figure = GROUPED.fullmatch(stripped)
    if figure is not None and {",", "."} <= set(figure["groups"]):
        groups = figure["groups"].replace(",", ".")
        end = {",00": ",00", None: ""}.get(figure["end"], ",-")
        stripped = f"{figure['rp'] or ''}{figure['first']}{groups}{end}"
    return stripped if stripped != text.strip() else None


def amount_marks(records: Sequence[RawRecord], pages: frozenset[int]) -> tuple[list[RawRecord], list[RawRecord]]:
    """The records with each unreadable budget amount on an OCR'd page mended where its marks
    show how, and a finding for each."""
    out: list[RawRecord] = []
    repairs: list[RawRecord] = []
    for rec in records:
        text = rec.fields.get("amount") or ""
        if rec.kind not in AMOUNT_KINDS or rec.page not in pages or value_as_read(rec) is not None:
            out.append(rec)
            continue
        mended = mended_amount(text)
        repaired = rec.model_copy(update={"fields": {**rec.fields, "amount": mended}}) if mended else None
        if repaired is None or value_as_read(repaired) is None:
            out.append(rec)
            continue
        confidence = "unknown" if rec.ocr_confidence is None else f"{rec.ocr_confidence:.0f}"
        subject = f"{row_name(rec)}: read '{text}' (OCR confidence {confidence}), loaded '{mended}': its marks put back from its groups of three digits"
        repairs.append(finding("extraction_ocr_repaired", subject, rec.page, bbox=rec.bbox, stated=value_as_read(repaired)))
        out.append(repaired)
    return out, repairs
