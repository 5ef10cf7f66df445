"""One parse per page: characters, text lines and ruled tables, shared by every extractor."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pdfplumber

from extractors.figure_rows import figure_cuts
from extractors.geometry import area
from extractors.grid import Edges, Ruling, Table, find_ruled_tables
from extractors.image_rules import ImageReading, read_page_images, straighten_chars
from extractors.layout import Char, CharIndex, TextLine, group_lines, slope_of, without_smears
from extractors.pdfium_page import PdfiumDocument
from extractors.readers import ENV_PAGE_READER, PAGE_READERS, page_reader  # noqa: F401  (re-exported)
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
    ink_boxes: list[BBox] = field(default_factory=list)  # a scan's signatures and stamps (extractors/image_rules.py)
    cut_tables: dict[BBox, int] = field(default_factory=dict)  # tables' ruled rows cut at their stacked figures (extractors/figure_rows.py)
    _all_lines: list[TextLine] | None = field(default=None, repr=False, compare=False)

    def all_lines(self) -> list[TextLine]:
        """Every text line of the page, tables included, grouped once for every reader of it."""
        if self._all_lines is None:  # without tables, the lines outside them are all of them
            self._all_lines = group_lines(self.chars) if self.tables else self.lines
        return self._all_lines

    @property
    def has_text(self) -> bool:
        return any(c.text.strip() for c in self.chars)

    @property
    def is_scanned(self) -> bool:
        """One image covers most of the page (an OCR text layer may lie over it)."""
        return any(area(b) > SCAN_IMAGE_SHARE * self.width * self.height for b in self.image_boxes)


def _to_char(c: dict) -> Char:
    return Char(
        text=c["text"],
        x0=float(c["x0"]),
        x1=float(c["x1"]),
        top=float(c["top"]),
        bottom=float(c["bottom"]),
        size=float(c.get("size") or (c["bottom"] - c["top"])),
        bold="bold" in str(c.get("fontname", "")).lower(),
        slope=slope_of(*c["matrix"][:2]) if c.get("matrix") else 0.0,
    )


def layout_of(number: int, width: float, height: float, chars: list[Char], ruling: Ruling, images: list[BBox]) -> PageLayout:
    """Both readers end here: ruled tables from the ruling, text lines from the characters outside them."""
    chars = [replace(c, text=LIGATURES[c.text]) if c.text in LIGATURES else c for c in chars]
    index = CharIndex(chars)
    tables = find_ruled_tables(ruling, index, number)
    inside = {id(c) for t in tables for c in index.inside(t.bbox)}  # by centre, as the cells take them
    outside = [c for c in chars if id(c) not in inside] if inside else chars
    return PageLayout(number=number, width=width, height=height, chars=chars, tables=tables, lines=group_lines(outside), image_boxes=images)


def read_page(page: pdfplumber.page.Page) -> PageLayout:
    chars = [_to_char(c) for c in page.chars if c.get("upright", True)]
    images = [(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"])) for im in page.images]
    return layout_of(page.page_number, float(page.width), float(page.height), chars, page, images)


def read_pages(path: str | Path, reader: str | None = None) -> Iterator[PageLayout]:
    """Yield each page's layout once, read by `reader` (default: $KINERJA_PAGE_READER)."""
    if (reader or page_reader()) == "pdfium":
        yield from _read_with_pdfium(path)
    else:
        yield from _read_with_pdfplumber(path)


def _read_with_pdfplumber(path: str | Path) -> Iterator[PageLayout]:
    """pdfplumber's per-page caches are freed as we go."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            try:
                yield read_page(page)
            finally:
                page.close()


def _read_with_pdfium(path: str | Path) -> Iterator[PageLayout]:
    """PDFium for every page it can read; a document it cannot open, or a page it fails on,
    is read by pdfplumber (whose errors, for a broken file, are the ones the flow classifies)."""
    try:
        document = PdfiumDocument(path)
    except Exception:
        yield from _read_with_pdfplumber(path)
        return
    fallback: pdfplumber.PDF | None = None
    try:
        for index in range(len(document)):
            try:
                content = document.read(index)
            except Exception:
                fallback = fallback or pdfplumber.open(path)
                page = fallback.pages[index]
                try:
                    yield read_page(page)
                finally:
                    page.close()
                continue
            yield layout_of(content.number, content.width, content.height, content.chars, content.ruling, content.image_boxes)
    finally:
        document.close()
        if fallback is not None:
            fallback.close()


def with_image_rules(path: str | Path, pages: list[PageLayout], numbers: Collection[int], *, layered: bool = False) -> list[PageLayout]:
    """The scanned pages among `numbers` rebuilt from the ruling lines and ink their images show
    (a scan's tables have no vector rule); the characters stay those read (OCR's). `layered`:
    the text is another tool's OCR layer, laid over the image as scanned, so it is turned
    straight with the image, and a ruled row holding several figures stacked is cut into one
    row each (extractors/figure_rows.py)."""
    scans = [p for p in pages if p.number in numbers and p.is_scanned]
    if not scans:
        return pages
    readings = read_page_images(path, [p.number for p in scans], [(p.width, p.height) for p in scans], [p.chars for p in scans])
    rebuilt = {p.number: _rebuilt(p, r, layered) for p, r in zip(scans, readings)}
    return [rebuilt.get(p.number, p) for p in pages]


def _rebuilt(page: PageLayout, reading: ImageReading, layered: bool) -> PageLayout:
    chars = straighten_chars(page.chars, reading.skew, page.width, page.height) if layered else page.chars
    layout = layout_of(page.number, page.width, page.height, chars, reading.ruling, page.image_boxes)
    # Another tool's layer may give a glyph the width of the space after it ('Nama   :'): only our own OCR is smeared
    if not layered and len(kept := without_smears(chars, [t.bbox for t in layout.tables])) < len(chars):
        chars = kept
        layout = layout_of(page.number, page.width, page.height, chars, reading.ruling, page.image_boxes)
    cuts = [cut for t in layout.tables for cut in figure_cuts(t, CharIndex(chars))] if layered else []
    if cuts:
        ruling = Edges(reading.ruling.edges + [cut.edge() for cut in cuts], reading.ruling.bbox)
        layout = layout_of(page.number, page.width, page.height, chars, ruling, page.image_boxes)
        for table in dict.fromkeys(cut.table for cut in cuts):
            layout.cut_tables[table] = len({cut.row for cut in cuts if cut.table == table})
    return replace(layout, ink_boxes=reading.ink)


def page_count(path: str | Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)
