"""Text lines written along a slant, as an OCR layer writes a crooked scan's lines (each
line's text matrix turned by the page's skew, OCRmyPDF over a phone photo): a line's far end
sits as high as the next line's start, and both readers must still give each line whole."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from extractors.page import read_pages

SPACING = 1.4  # font sizes from one line's start to the next's
STEEPEST = 5.5  # degrees: a scan's slant; steeper is turned text (layout.MAX_SLOPE, about 5.7 degrees)
WORDS = st.sampled_from(["Program", "Penunjang", "Urusan", "Rp215.250.297.000,-", "APBD", "Prov.", "Kaltim", "No", "Anggaran", "Keterangan", "685"])


@st.composite
def slanted_pages(draw) -> tuple[list[float], float, list[str], float]:
    """Each line's slant (the page's, or a line OCR fitted level, or a little off), its size, its text."""
    degrees = draw(st.floats(2.0, 5.0)) * draw(st.sampled_from([-1, 1]))
    size = draw(st.sampled_from([8.0, 9.0, 10.0]))
    # numbered rows: PDFium's text page drops a text object repeating one just before it that its box overlaps (fake bold)
    lines = [f"{n} " + " ".join(draw(st.lists(WORDS, min_size=8, max_size=14))) for n in range(1, draw(st.integers(2, 6)) + 1)]
    # the case that matters: across the longest line the slant climbs more than a line's spacing
    assume(max(stringWidth(t, "Helvetica", size) for t in lines) * math.tan(math.radians(abs(degrees))) > size * SPACING)
    # neighbours of different slants drift apart or together along the line: by half a line's spacing at most,
    # or the page itself prints them crossing
    widest = max(stringWidth(t, "Helvetica", size) for t in lines)
    slants = [degrees]
    for _ in lines[1:]:
        near = [s for s in (degrees, 0.0, slants[-1] + draw(st.floats(-1.0, 1.0))) if abs(s) <= STEEPEST and
                widest * abs(math.tan(math.radians(s)) - math.tan(math.radians(slants[-1]))) <= size * SPACING / 2]  # fmt: skip
        slants.append(draw(st.sampled_from(near or [slants[-1]])))
    return slants, size, lines, draw(st.sampled_from([40.0, 600.0]))  # the lines' left end: slants measured far from x = 0


def _write(path, slants: list[float], size: float, lines: list[str], left: float) -> None:
    canvas = Canvas(str(path), pagesize=(1190, 842))
    canvas.setFont("Helvetica", size)
    for i, (text, degrees) in enumerate(zip(lines, slants)):
        canvas.saveState()
        canvas.translate(left, 700 - i * size * SPACING)
        canvas.rotate(degrees)
        canvas.drawString(0, 0, text)
        canvas.restoreState()
    canvas.save()


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
@settings(max_examples=60, deadline=None)
@given(page=slanted_pages())
def test_each_slanted_line_is_read_whole_and_in_order(reader: str, page, tmp_path_factory) -> None:
    slants, size, lines, left = page
    path = tmp_path_factory.mktemp("slant") / "slanted.pdf"
    _write(path, slants, size, lines, left)
    (layout,) = read_pages(path, reader)
    assert [line.text for line in layout.lines] == lines

