"""One parse per page: characters, text lines and ruled tables, shared by every extractor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from extractors.geometry import area, centre_inside
from extractors.grid import Table, find_ruled_tables
from extractors.layout import Char, CharIndex, TextLine, group_lines
from schemas.records import BBox

SCAN_IMAGE_SHARE = 0.5  # of the page area: one image this large makes the page a scan
# Typographic ligatures some producers map to one code point ('veriﬁkasi'): read as letters.
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


@dataclass(slots=True)
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    tables: list[Table]
    lines: list[TextLine]  # text outside the ruled tables, top to bottom
    image_boxes: list[BBox] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(c.text.strip() for c in self.chars)

    @property
    def is_scanned(self) -> bool:
        """One image covers most of the page (an OCR text layer may lie over it)."""
        return any(area(b) > SCAN_IMAGE_SHARE * self.width * self.height for b in self.image_boxes)


def _to_char(c: dict) -> Char:
    return Char(
        text=LIGATURES.get(c["text"], c["text"]),
        x0=float(c["x0"]),
        x1=float(c["x1"]),
        top=float(c["top"]),
        bottom=float(c["bottom"]),
        size=float(c.get("size") or (c["bottom"] - c["top"])),
        bold="bold" in str(c.get("fontname", "")).lower(),
    )


def read_page(page: pdfplumber.page.Page) -> PageLayout:
    chars = [_to_char(c) for c in page.chars if c.get("upright", True)]
    tables = find_ruled_tables(page, CharIndex(chars), page.page_number)
    boxes = [t.bbox for t in tables]
    outside = [c for c in chars if not centre_inside((c.x0, c.top, c.x1, c.bottom), boxes)]
    images = [(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"])) for im in page.images]
    return PageLayout(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        chars=chars,
        tables=tables,
        lines=group_lines(outside),
        image_boxes=images,
    )


def read_pages(path: str | Path) -> Iterator[PageLayout]:
    """Yield each page's layout once; pdfplumber's per-page caches are freed as we go."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            try:
                yield read_page(page)
            finally:
                page.close()


def page_count(path: str | Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)
