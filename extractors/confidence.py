"""Tesseract's own confidence in each value it read, kept as data.

OCRmyPDF's sandwich renderer grafts Tesseract's text-only PDF on the page and keeps
nothing else; with `tessedit_create_hocr` the same Tesseract run also writes its hOCR (each
word's box and `x_wconf`, 0-100) into OCRmyPDF's work folder, kept with
--keep-temporary-files in a folder of ours (extractors/ocr.py). Both come from one
recognition, so the hOCR words are the words of the text layer: no second OCR.

The confidence of a value (a target, a period target, an amount) is that of its least sure
word: the lowest `x_wconf` of the words whose centre lies in the cell it was read from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.geometry import centre_inside, overlaps
from extractors.ocr_amounts import amount_marks
from extractors.ocr_checks import VALUE_FIELDS, low_confidence, nip_not_decoded, period_not_rising, several_figures
from extractors.ocr_repair import percent_signs
from schemas.records import BBox, RawDocument, RawRecord

HOCR_FILE = re.compile(r"^(\d{6})_.*\.hocr$")  # OCRmyPDF names each page's files '000001_...'
TITLE_BBOX = re.compile(r"\bbbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)")
TITLE_WCONF = re.compile(r"\bx_wconf\s+(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class OcrWord:
    text: str
    bbox: BBox  # PDF points, top-left origin, on the page as displayed
    confidence: float  # Tesseract's x_wconf, 0-100


def hocr_pages(work: Path) -> dict[int, Path]:
    """Page number (1-based) -> the hOCR Tesseract wrote for it in OCRmyPDF's work folder."""
    found: dict[int, Path] = {}
    for path in sorted(work.glob("ocrmypdf.io.*/*.hocr")):
        m = HOCR_FILE.match(path.name)
        if m:
            found[int(m.group(1))] = path
    return found


def _classed(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def read_hocr(path: Path, page_size: tuple[float, float]) -> list[OcrWord]:
    """The words of one hOCR page with their boxes scaled from image pixels to the page's
    points (the image fills the page). An unreadable file gives no words: every value on
    that page then has no confidence and is listed for review."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return []
    pages = _classed(root, "ocr_page")
    size = TITLE_BBOX.search(pages[0].get("title") or "") if pages else None
    if size is None or int(size.group(3)) <= 0 or int(size.group(4)) <= 0:
        return []
    width, height = page_size
    if (width > height) != (int(size.group(3)) > int(size.group(4))):
        width, height = height, width  # the page turned a quarter: the image is as displayed
    sx, sy = width / int(size.group(3)), height / int(size.group(4))
    words: list[OcrWord] = []
    for span in _classed(root, "ocrx_word"):
        title = span.get("title") or ""
        box, conf = TITLE_BBOX.search(title), TITLE_WCONF.search(title)
        text = "".join(span.itertext()).strip()
        if box and conf and text:
            x0, top, x1, bottom = (int(v) for v in box.groups())
            words.append(OcrWord(text, (x0 * sx, top * sy, x1 * sx, bottom * sy), float(conf.group(1))))
    return words


def ocr_words(copy: Path, work: Path) -> dict[int, list[OcrWord]]:
    """Page number -> the OCR'd words of that page of the OCR'd `copy`."""
    import pypdfium2

    pages = hocr_pages(work)
    if not pages:
        return {}
    pdf = pypdfium2.PdfDocument(str(copy))
    try:
        sizes = {n: pdf[n - 1].get_size() for n in pages if 1 <= n <= len(pdf)}
    finally:
        pdf.close()
    return {n: read_hocr(path, sizes[n]) for n, path in pages.items() if n in sizes}


def box_confidence(words: Sequence[OcrWord], box: BBox) -> float | None:
    """The lowest confidence of the words centred in `box` (of those touching it, when none is
    centred in it); None when no word is there."""
    inside = [w.confidence for w in words if centre_inside(w.bbox, [box])]
    if not inside:
        inside = [w.confidence for w in words if overlaps(w.bbox, box)]
    return min(inside, default=None)


def _scored(rec: RawRecord, words: Mapping[int, Sequence[OcrWord]], pages: frozenset[int]) -> RawRecord:
    box = rec.value_bbox or rec.bbox
    if rec.kind not in VALUE_FIELDS or rec.page not in pages or box is None:
        return rec
    return rec.model_copy(update={"ocr_confidence": box_confidence(words.get(rec.page, ()), box)})


def with_confidence(raw: RawDocument, words: Mapping[int, Sequence[OcrWord]], ocr_pages: Sequence[int]) -> RawDocument:
    """Each value read on an OCR'd page with its confidence, and the findings of what OCR may
    have misread: a value read with low confidence, a NIP whose digits do not decode, a
    cumulative period row that does not rise to its year's target, a target cell holding the
    figures of several rows; and a '%' read as a digit put back where its row shows it
    (extractors/ocr_repair.py), an amount's misread marks where its groups show them
    (extractors/ocr_amounts.py), each stated as a finding."""
    pages = frozenset(ocr_pages)
    records, repairs = percent_signs([_scored(rec, words, pages) for rec in raw.records], pages)
    records, mended = amount_marks(records, pages)
    repairs += mended
    findings = repairs + low_confidence(records, pages) + nip_not_decoded(records, pages) + period_not_rising(records, pages) + several_figures(records, pages)
    return raw.model_copy(update={"records": tuple(records + findings)})
