"""A second, independent reading of each figure OCR read with confidence: where the two
disagree, the figure is listed for review (`extraction_ocr_readings_differ`).

The page's OCR reads words with Tesseract's `ind+eng` models, and a sure reading can still
be wrong: on a real scan the Indonesian model read '78 %' as '18 Yo' at confidence 91. Each
figure's words are cut out of the OCR'd copy's page image (300 dpi), the cuts of a page are
stacked into one strip with white space between them, and Tesseract reads the strip once
with English's model alone, which reads digits and signs well (line by line, `--psm 6`).
The figures of both readings are compared digit by digit, separators aside (a misread
separator is the parsers' to catch); a cut read without a figure proves nothing and is left
alone. The loaded value stays the page reading's: neither reading is known to be the right one.

Figures already listed (confidence below LOW_CONFIDENCE, or no word found) are not read
again. About a second a document of two pages.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from extractors.confidence import OcrWord
from extractors.findings import finding
from extractors.geometry import centre_inside
from extractors.ocr_checks import LOW_CONFIDENCE, VALUE_FIELDS, row_name, value_as_read
from schemas.records import BBox, RawDocument, RawRecord

SECOND_READING_LANGUAGE = "eng"
SECOND_READING_DPI = 300
STRIP_GAP_PX = 30  # white space around each cut: Tesseract keeps them on lines of their own
WORD_PADDING = 0.4  # of the words' height, white around the words of a cut
CELL_INSET_PT = 1.5  # a cell without words is cut this far inside its rules: a rule is not a glyph
READING_TIMEOUT_S = 60.0
# A figure: digit groups joined by a separator as printed or as OCR misreads it ('3;5'), or by a
# space before a group of three ('1.393 499 080').
FIGURE = re.compile(r"\d+(?:(?:[.,;:']\s?|\s(?=\d{3}(?!\d)))\d+)*")


def figure_digits(text: str | None) -> str:
    """The digits of the first figure of a cell's text, separators left out ('' if none)."""
    m = FIGURE.search(text or "")
    return "".join(ch for ch in m.group(0) if ch.isdigit()) if m else ""


def to_check(records: Sequence[RawRecord], pages: frozenset[int]) -> list[RawRecord]:
    """The figures of OCR'd pages read with confidence (the others are listed already)."""
    return [
        rec
        for rec in records
        if rec.kind in VALUE_FIELDS
        and rec.page in pages
        and (rec.value_bbox or rec.bbox) is not None
        and rec.ocr_confidence is not None
        and rec.ocr_confidence >= LOW_CONFIDENCE
        and figure_digits(rec.fields.get(VALUE_FIELDS[rec.kind]))
    ]


def cut_box(cell: BBox, words: Sequence[OcrWord]) -> BBox:
    """The part of a cell to read again: its words centred in it with some white around them
    (not clipped to the cell: a figure may run over its rule, and a rule found in the image
    may sit a little inside the print); the cell's inside when no word is centred in it."""
    inside = [w.bbox for w in words if centre_inside(w.bbox, [cell])]
    if not inside:
        return (cell[0] + CELL_INSET_PT, cell[1] + CELL_INSET_PT, cell[2] - CELL_INSET_PT, cell[3] - CELL_INSET_PT)
    pad = WORD_PADDING * max(b[3] - b[1] for b in inside)
    return (min(b[0] for b in inside) - pad, min(b[1] for b in inside) - pad, max(b[2] for b in inside) + pad, max(b[3] for b in inside) + pad)


def stack(cuts: Sequence, gap: int = STRIP_GAP_PX):
    """The cuts (PIL images) one under the other on white; and each one's rows in the strip."""
    from PIL import Image

    width = max(c.width for c in cuts) + 2 * gap
    strip = Image.new("L", (width, sum(c.height + gap for c in cuts) + gap), 255)
    rows: list[tuple[int, int]] = []
    y = gap
    for cut in cuts:
        strip.paste(cut, (gap, y))
        rows.append((y, y + cut.height))
        y += cut.height + gap
    return strip, rows


def words_by_cut(tsv: str, rows: Sequence[tuple[int, int]]) -> list[str]:
    """The text Tesseract read in each cut of the strip: its words whose middle lies in the
    cut's rows, in reading order."""
    texts: list[list[str]] = [[] for _ in rows]
    for word in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (word.get("text") or "").strip()
        if word.get("level") != "5" or not text:
            continue
        middle = int(word["top"]) + int(word["height"]) / 2
        for i, (y0, y1) in enumerate(rows):
            if y0 <= middle <= y1:
                texts[i].append(text)
                break
    return [" ".join(t) for t in texts]


def read_strip(strip) -> str:
    """Tesseract's TSV of the strip (one thread: the workers run documents in parallel)."""
    with tempfile.TemporaryDirectory(prefix="kinerja-reread-") as tmp:
        image = Path(tmp) / "strip.png"
        strip.save(image)
        done = subprocess.run(
            ["tesseract", str(image), "-", "--psm", "6", "-l", SECOND_READING_LANGUAGE, "-c", "tessedit_char_blacklist=|[]{}", "tsv"],
            capture_output=True, text=True, timeout=READING_TIMEOUT_S, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )  # fmt: skip
    if done.returncode != 0:
        raise OSError((done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1])
    return done.stdout


def reread_page(page, records: Sequence[RawRecord], words: Sequence[OcrWord]) -> list[str]:
    """The second reading of each record's figure on one page (pypdfium2 page)."""
    scale = SECOND_READING_DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    cuts = []
    for rec in records:
        x0, top, x1, bottom = cut_box(rec.value_bbox or rec.bbox, words)
        cuts.append(image.crop((int(x0 * scale), int(top * scale), max(int(x1 * scale), int(x0 * scale) + 1), max(int(bottom * scale), int(top * scale) + 1))))
    strip, rows = stack(cuts)
    return words_by_cut(read_strip(strip), rows)


def disagreements(records: Sequence[RawRecord], second: Sequence[str]) -> list[RawRecord]:
    """A finding for each figure the second reading read with other digits."""
    out: list[RawRecord] = []
    for rec, text in zip(records, second, strict=True):
        first = rec.fields.get(VALUE_FIELDS[rec.kind]) or ""
        again = figure_digits(text)
        if not again or again == figure_digits(first):
            continue
        reread = value_as_read(rec.model_copy(update={"fields": {**rec.fields, VALUE_FIELDS[rec.kind]: text}}))
        subject = f"{row_name(rec)}: OCR read '{first}', a second reading of the cell '{text}'"
        out.append(finding("extraction_ocr_readings_differ", subject, rec.page, bbox=rec.bbox, stated=value_as_read(rec), computed=reread))
    return out


def not_reread(page: int, count: int, why: str) -> RawRecord:
    subject = f"{count} figure(s) of page {page} could not be read a second time ({why}): check them against the page"
    return finding("extraction_ocr_readings_differ", subject, page, stated=count)


def with_second_reading(raw: RawDocument, copy: Path, words: Mapping[int, Sequence[OcrWord]], ocr_pages: Sequence[int]) -> RawDocument:
    """`raw` with a finding for each figure whose second reading differs (see the module)."""
    import pypdfium2

    checked = to_check(raw.records, frozenset(ocr_pages))
    if not checked:
        return raw
    found: list[RawRecord] = []
    pdf = pypdfium2.PdfDocument(str(copy))
    try:
        for number in sorted({rec.page for rec in checked}):
            on_page = [rec for rec in checked if rec.page == number]
            try:
                found += disagreements(on_page, reread_page(pdf[number - 1], on_page, words.get(number, ())))
            except (OSError, subprocess.SubprocessError) as exc:
                found.append(not_reread(number, len(on_page), str(exc) or type(exc).__name__))
    finally:
        pdf.close()
    return raw.model_copy(update={"records": raw.records + tuple(found)}) if found else raw
