"""What a page's characters read as, whatever code points a producer chose: a regression
test per bug, each PDF named after it, drawn with reportlab and read by the real reader."""

from __future__ import annotations

import os
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.page import read_pages

# Bitstream Vera (shipped with reportlab) has glyphs for U+FB01 and U+FB02.
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def _pdf(path: Path, lines: list[str]) -> Path:
    pdfmetrics.registerFont(TTFont("Vera", os.fspath(VERA)))
    page = canvas.Canvas(os.fspath(path))
    page.setFont("Vera", 11)
    for n, text in enumerate(lines):
        page.drawString(72, 760 - 20 * n, text)
    page.save()
    return path


def _texts(path: Path) -> list[str]:
    return [line.text for layout in read_pages(path) for line in layout.lines]


def test_ligature_fi(tmp_path):
    """'veriﬁkasi' printed with U+FB01 reads as 'verifikasi' (it must match the same indicator
    in another section or year, and a BI filter on the word)."""
    path = _pdf(tmp_path / "ligature-fi.pdf", ["Persentase veri\ufb01kasi dokumen", "Re\ufb02eksi kinerja"])
    assert _texts(path) == ["Persentase verifikasi dokumen", "Refleksi kinerja"]
