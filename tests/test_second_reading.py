"""A second reading of each figure OCR read with confidence (extractors/second_reading.py):
pages drawn here with random figures in ruled cells, scanned to an image-only PDF, read again
by the real Tesseract. A first reading with a digit changed (a misread) must be listed; an
exact one must not."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extractors.confidence import OcrWord
from extractors.second_reading import figure_digits, stack, with_second_reading, words_by_cut
from schemas.records import RawDocument, RawRecord

FONT, SIZE = "Helvetica", 11
CELL_W, CELL_H, LEFT, TOP = 150.0, 26.0, 300.0, 120.0


def _indonesian(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@st.composite
def figure_texts(draw) -> tuple[str, str]:
    """(record kind, the cell's text): a target with its unit or an amount in Rupiah."""
    kind = draw(st.sampled_from(["pk_target", "budget_line"]))
    if kind == "budget_line":
        return kind, f"Rp {_indonesian(draw(st.integers(1_000_000, 90_000_000_000)))},00"
    whole = draw(st.integers(1, 99_999))
    decimals = draw(st.sampled_from(["", ",5", ",25", ",75"]))
    unit = draw(st.sampled_from(["%", "Dokumen", "Laporan", "OPD", "Kab/Kota", "Titik"]))
    return kind, f"{_indonesian(whole)}{decimals} {unit}"


def misread(text: str, position: int, digit: int) -> str:
    """`text` with one digit of its figure replaced by another."""
    places = [i for i, ch in enumerate(text) if ch.isdigit()][: len(figure_digits(text))]
    i = places[position % len(places)]
    new = str((int(text[i]) + 1 + digit % 9) % 10)
    return text[:i] + new + text[i + 1 :]


def _scanned_page(texts: list[str], folder: Path) -> Path:
    """The texts in a column of ruled cells, rendered at 200 dpi into an image-only PDF."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    height = A4[1]
    for i, text in enumerate(texts):
        top = TOP + i * CELL_H
        c.rect(LEFT, height - top - CELL_H, CELL_W, CELL_H)
        c.setFont(FONT, SIZE)
        c.drawString(LEFT + 6, height - top - CELL_H + 9, text)
    c.save()
    pdf = pypdfium2.PdfDocument(buf.getvalue())
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    path = folder / "scan.pdf"
    image.convert("L").save(path, "PDF", resolution=200)
    return path


def _records_and_words(cells: list[tuple[str, str]], firsts: list[str]) -> tuple[list[RawRecord], list[OcrWord]]:
    records, words = [], []
    for i, ((kind, text), first) in enumerate(zip(cells, firsts, strict=True)):
        top = TOP + i * CELL_H
        cell = (LEFT, top, LEFT + CELL_W, top + CELL_H)
        field = "amount" if kind == "budget_line" else "target"
        fields = {field: first, "label" if kind == "budget_line" else "indicator": f"baris {i + 1}"}
        records.append(RawRecord(kind=kind, page=1, bbox=cell, value_bbox=cell, fields=fields, ocr_confidence=95.0))
        baseline = top + CELL_H - 9
        words.append(OcrWord(text, (LEFT + 6, baseline - SIZE * 0.75, LEFT + 6 + stringWidth(text, FONT, SIZE), baseline + SIZE * 0.2), 95.0))
    return records, words


@settings(max_examples=6, deadline=None, derandomize=True)
@given(
    cells=st.lists(figure_texts(), min_size=2, max_size=8),
    wrong=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 20), st.integers(0, 8)), max_size=3),
)
def test_a_misread_figure_is_listed_and_an_exact_one_is_not(tmp_path_factory, cells, wrong):
    folder = tmp_path_factory.mktemp("reread")
    copy = _scanned_page([text for _, text in cells], folder)
    firsts = [text for _, text in cells]
    for row, position, digit in wrong:
        firsts[row % len(firsts)] = misread(cells[row % len(cells)][1], position, digit)
    records, words = _records_and_words(cells, firsts)
    raw = RawDocument(document_id="x", file_name="scan.pdf", page_count=1, sections=(), records=tuple(records))
    found = [r for r in with_second_reading(raw, copy, {1: words}, [1]).records if r.kind == "finding"]
    listed = {rec.bbox for rec in found}
    misread_rows = {rec.bbox for rec, (_, text) in zip(records, cells, strict=True) if rec.fields.get("target", rec.fields.get("amount")) != text}
    assert listed == misread_rows, [f.fields["subject"] for f in found]
    assert all(f.fields["check"] == "extraction_ocr_readings_differ" for f in found)


@given(st.lists(st.integers(5, 60), min_size=1, max_size=12), st.integers(0, 40))
def test_each_word_of_the_strip_goes_to_its_own_cut(heights, gap):
    cuts = [Image.new("L", (40, h), 0) for h in heights]
    strip, rows = stack(cuts, gap=gap + 1)
    assert strip.height == sum(heights) + (gap + 1) * (len(heights) + 1)
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    lines = [header] + [f"5\t1\t1\t1\t{i}\t1\t0\t{y0}\t10\t{y1 - y0}\t90\tw{i}" for i, (y0, y1) in enumerate(rows)]
    assert words_by_cut("\n".join(lines), rows) == [f"w{i}" for i in range(len(rows))]


@given(st.integers(0, 10**15), st.sampled_from(["", " %", " Dokumen", ",00"]), st.sampled_from(["", "Rp ", "Rp. "]))
def test_figure_digits_ignore_separators(n, tail, head):
    text = f"{head}{_indonesian(n)}{tail}"
    digits = str(n) + ("00" if tail == ",00" else "")
    assert figure_digits(text) == digits
    assert figure_digits(text.replace(".", ",")) == digits
    assert figure_digits(text.replace(",", ";")) == digits  # a misread separator is the parsers' to catch
    assert figure_digits(text.replace(".", " ")) == digits
