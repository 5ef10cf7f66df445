"""Print a placed layout (layout_pdf.Printer) with headless Chromium: Skia's PDF writer,
what "Save as PDF" and HTML-to-PDF servers produce.

One HTML document, one fixed-size page box per printed page, each page an inline SVG in
points: every text run an SVG <text> whose baseline is the Printer's (x, y), every rule a
0.6 pt filled rectangle, as browsers paint table borders. The font is Liberation Sans,
metric-compatible with the Helvetica the Printer measures with; Chromium kerns it as it
prints any page (its Latin pairs only narrow a run, save those with a right quote), and
it has no ligatures. The PDF must come back with one page per placed page and no other
font, else the truth's placement would not be what was printed.
"""

from __future__ import annotations

import re
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from samples.generators.browser import print_to_pdf

if TYPE_CHECKING:
    from samples.generators.layout_pdf import Page, Printer

FONT = "Liberation Sans"
RULE = 0.6  # points


def _rules(page: Page) -> list[str]:
    boxes = []
    for x0, y0, x1, y1 in page.lines:
        # the box a 0.6 pt stroke with butt caps covers
        if y0 == y1:
            x, y, w, h = min(x0, x1), y0 - RULE / 2, abs(x1 - x0), RULE
        else:
            x, y, w, h = x0 - RULE / 2, min(y0, y1), RULE, abs(y1 - y0)
        boxes.append(f'<rect x="{x:.3f}" y="{y:.3f}" width="{w:.3f}" height="{h:.3f}"/>')
    return boxes


def _texts(page: Page) -> list[str]:
    return [
        f'<text x="{x:.3f}" y="{y:.3f}" font-size="{size:g}" font-weight="{"bold" if bold else "normal"}">{escape(text)}</text>'
        for x, y, text, size, bold in page.texts
    ]


def page_html(printer: Printer) -> str:
    w, h = printer.width, printer.height
    pages = "\n".join(
        f'<div class="page"><svg width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">{"".join(_rules(p) + _texts(p))}</svg></div>'
        for p in printer.pages
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
@page {{ size: {w}pt {h}pt; margin: 0 }}
html, body {{ margin: 0; padding: 0 }}
.page {{ position: relative; width: {w}pt; height: {h}pt; overflow: hidden; break-after: page }}
.page:last-child {{ break-after: auto }}
svg {{ display: block; position: absolute; left: 0; top: 0 }}
text {{ font-family: '{FONT}'; white-space: pre; }}
</style></head><body>
{pages}
</body></html>
"""


def print_with_chromium(printer: Printer, path: Path) -> None:
    path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="kinerja-layout-") as folder:
        html = Path(folder) / "layout.html"
        html.write_text(page_html(printer), encoding="utf-8")
        print_to_pdf(html, path)
    check_printed(path, len(printer.pages))


def check_printed(path: Path, placed: int) -> None:
    """One PDF page per placed page, every font Liberation Sans: a page Chromium broke on
    its own, or a fallback font with other widths, would make the truth's placement wrong."""
    pdf = pdfium.PdfDocument(path)
    try:
        printed = len(pdf)
    finally:
        pdf.close()
    if printed != placed:
        raise RuntimeError(f"chromium printed {printed} pages for the {placed} placed: the page boxes did not hold")
    fonts = {name.decode() for name in re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)", path.read_bytes())}
    if not fonts or any(not f.startswith(FONT.replace(" ", "")) for f in fonts):
        raise RuntimeError(f"chromium printed with fonts {sorted(fonts)}, not {FONT}: apt-get install fonts-liberation")
