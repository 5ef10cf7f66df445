"""A page read by PDFium (pypdfium2) into the same PageLayout the pdfplumber reader builds.

pdfplumber interprets every page in Python (pdfminer); PDFium does it in C, about ten times
faster. The result must not change, so this reader reproduces pdfplumber's geometry, not
PDFium's own: a character's box is its advance width by the font size, placed with the
font's descent (pdfminer's LTChar), in pdfplumber's top-left coordinates; ruling lines are
the segments pdfminer would make of each painted path (lines, rectangles, curves), handed to
pdfplumber's own table finder. tests/test_page_readers.py holds the two readers to that.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFType1Font
from pdfminer.pdfinterp import LITERAL_FORM, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, dict_value, resolve1
from pdfminer.psparser import literal_name

from extractors.grid import Edges
from extractors.layout import Char
from schemas.records import BBox

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")  # PDFium names a font without it
EMPTY_WIDTH = 0.01  # points: PDFium's text page skips a text object narrower than this (kSizeEpsilon)
ToPage = Callable[[float, float], Point]  # PDF user space -> pdfplumber's (x, top)


@dataclass(frozen=True, slots=True)
class FontMetrics:
    descent: float  # below the baseline, per unit of font size (negative)
    bold: bool
    standard_widths: dict | None  # a standard-14 font: pdfminer's AFM widths (per 1000), by character


@dataclass(slots=True)
class PageFrame:
    """pdfminer's starting matrix for the page's /Rotate and pdfplumber's box of the page."""

    rotation: Matrix
    width: float
    height: float
    x0: float
    top: float

    def to_page(self, x: float, y: float) -> Point:
        a, b, c, d, e, f = self.rotation
        xd, yd = a * x + c * y + e, b * x + d * y + f
        return xd + self.x0, self.height - yd + self.top


def page_frame(mediabox: tuple[float, float, float, float], rotate: int) -> PageFrame:
    """As pdfminer's process_page and pdfplumber's Page.__init__ compute them, from the page's
    /MediaBox (inherited, as pdfminer reads it: PDFium's own getter does not inherit) and /Rotate."""
    x0, x1 = sorted((float(mediabox[0]), float(mediabox[2])))
    y0, y1 = sorted((float(mediabox[1]), float(mediabox[3])))
    rotate %= 360
    rotation: Matrix = {
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }.get(rotate, (1, 0, 0, 1, -x0, -y0))
    box = (y0, x0, y1, x1) if rotate in (90, 270) else (x0, y0, x1, y1)
    height = box[3] - box[1]
    return PageFrame(rotation=rotation, width=box[2] - box[0], height=height, x0=box[0], top=height - box[3])


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (pdfminer's mult_matrix)."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1, a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def read_page_tree(path: str | Path) -> tuple[dict[str, FontMetrics], list[PageFrame]]:
    """pdfminer's reading of every font the pages and their forms use, by /BaseFont, and of each
    page's box. PDFium measures a font without a /Descent by its font program; pdfminer takes 0,
    and the AFM for a standard-14 name. Reading these dictionaries is cheap; interpreting the
    pages' content is what costs."""
    fonts: dict[str, FontMetrics] = {}
    frames: list[PageFrame] = []
    manager = PDFResourceManager()
    with open(path, "rb") as handle:
        document = PDFDocument(PDFParser(handle))
        seen: set[int] = set()
        for page in PDFPage.create_pages(document):
            _collect_fonts(page.resources or {}, manager, fonts, seen)
            frames.append(page_frame(page.mediabox, page.rotate))
    return fonts, frames


def _collect_fonts(resources: dict, manager: PDFResourceManager, fonts: dict[str, FontMetrics], seen: set[int]) -> None:
    for ref in dict_value(resources.get("Font", {})).values():
        spec = dict_value(ref)
        base = literal_name(spec.get("BaseFont", "unknown"))
        font = manager.get_font(getattr(ref, "objid", None), spec)
        widths = font.widths if isinstance(font, PDFType1Font) and base in FONT_METRICS else None
        metrics = FontMetrics(descent=font.get_descent(), bold="bold" in str(font.fontname).lower(), standard_widths=widths)
        fonts.setdefault(SUBSET_TAG.sub("", str(base)), metrics)
    for ref in dict_value(resources.get("XObject", {})).values():
        objid = getattr(ref, "objid", None)
        if objid in seen:
            continue
        seen.add(objid)
        xobject = resolve1(ref)
        if isinstance(xobject, PDFStream) and xobject.get("Subtype") is LITERAL_FORM and "Resources" in xobject:
            _collect_fonts(dict_value(xobject["Resources"]), manager, fonts, seen)


def _font_metrics(font: ctypes.c_void_p, cache: dict[int, FontMetrics], known: dict[str, FontMetrics]) -> FontMetrics:
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    metrics = cache.get(key)
    if metrics is None:
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256)
        name = buffer.value.decode("latin-1")
        metrics = known.get(name)
        if metrics is None:  # not in the page resources pdfminer walks (an annotation's, a pattern's)
            descent = ctypes.c_float()
            pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(descent))
            metrics = FontMetrics(descent=-abs(descent.value), bold="bold" in name.lower(), standard_widths=None)
        cache[key] = metrics
    return metrics


def _advance(font: ctypes.c_void_p, text: str, loose_width: float, widths: dict[tuple[int, str], float], key: int, metrics: FontMetrics) -> float:
    """The glyph's advance per unit of font size, from the font's /Widths as pdfminer reads them."""
    width = widths.get((key, text))
    if width is None and metrics.standard_widths is not None:
        width = widths[(key, text)] = float(metrics.standard_widths.get(text, 0)) / 1000
    if width is None:
        out = ctypes.c_float()
        ok = len(text) == 1 and pdfium_c.FPDFFont_GetGlyphWidth(font, ord(text), ctypes.c_float(1.0), ctypes.byref(out))
        width = out.value if ok else loose_width
        widths[(key, text)] = width
    return width


def _box(m: Matrix, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """pdfminer's apply_matrix_rect: the upright box around the four transformed corners."""
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = rect
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    return min(xs), min(ys), max(xs), max(ys)


def read_chars(textpage: pypdfium2.PdfTextPage, frame: PageFrame, known: dict[str, FontMetrics], drawing: Drawing) -> list[Char]:
    """Upright characters as pdfplumber's page.chars gives them, in content order, and the
    spaces PDFium's text page leaves out."""
    raw = textpage.raw
    fonts: dict[int, FontMetrics] = {}
    widths: dict[tuple[int, str], float] = {}
    ox, oy = ctypes.c_double(), ctypes.c_double()
    fm, loose = pdfium_c.FS_MATRIX(), pdfium_c.FS_RECTF()
    chars: list[Char] = []
    last: tuple[int, float, float] | None = None
    ligature_box = (0.0, 0.0, 0.0, 0.0)
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        text = "-" if pdfium_c.FPDFText_IsHyphen(raw, i) == 1 else chr(code)
        obj = pdfium_c.FPDFText_GetTextObject(raw, i)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
        here = (ctypes.cast(obj, ctypes.c_void_p).value or 0, ox.value, oy.value)
        if here == last and chars:  # one glyph, several code points (a ligature): pdfminer's one char
            chars[-1] = _ligature(chars[-1], text, ligature_box)
            continue
        last = here
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        metrics = _font_metrics(font, fonts, known)
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        pdfium_c.FPDFText_GetMatrix(raw, i, fm)
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, loose)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        loose_width = (loose.right - loose.left) / (fm.a * size) if fm.a and size else 0.0
        advance = _advance(font, text, loose_width, widths, key, metrics) * size
        m = multiply((fm.a, fm.b, fm.c, fm.d, ox.value, oy.value), frame.rotation)
        if not (m[0] * m[3] > 0 and m[1] * m[2] <= 0):  # pdfplumber's 'upright'
            continue
        # a ligature's advance is its glyph's, which only the loose box knows
        ligature_box = _box(m, (0.0, 0.0, loose_width * size, size))
        chars.append(_placed(text, m, metrics, size, advance, frame))
    read = {ctypes.cast(pdfium_c.FPDFText_GetTextObject(raw, i), ctypes.c_void_p).value for i in range(pdfium_c.FPDFText_CountChars(raw))}
    unread = [(obj, outer) for obj, outer in drawing.text_objects if ctypes.cast(obj, ctypes.c_void_p).value not in read]
    return chars + _spaces(unread, frame, fonts, known, widths)


def _spaces(
    objects: list[tuple[ctypes.c_void_p, Matrix]], frame: PageFrame, fonts: dict[int, FontMetrics], known: dict[str, FontMetrics], widths: dict
) -> list[Char]:
    """A text object of a lone space draws nothing, so PDFium's text page skips it (Word writes
    many): pdfminer keeps its space, and the space parts words the gap alone may not."""
    chars: list[Char] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    size = ctypes.c_float()
    for obj, outer in objects:
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        if abs(right.value - left.value) >= EMPTY_WIDTH or not pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
            continue
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        metrics = _font_metrics(font, fonts, known)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        advance = _advance(font, " ", 0.0, widths, key, metrics) * size.value
        m = multiply(multiply(_object_matrix(obj), outer), frame.rotation)
        if not (m[0] * m[3] > 0 and m[1] * m[2] <= 0):
            continue
        chars.append(_placed(" ", m, metrics, size.value, advance, frame))
    return chars


def _placed(text: str, m: Matrix, metrics: FontMetrics, size: float, advance: float, frame: PageFrame) -> Char:
    """pdfminer's LTChar box: the advance by the font size from the descent, through the
    character's matrix, in pdfplumber's top-left coordinates."""
    descent = metrics.descent * size
    x0, y0, x1, y1 = _box(m, (0.0, descent, advance, descent + size))
    top, bottom = frame.height - y1 + frame.top, frame.height - y0 + frame.top
    return Char(text=text, x0=x0 + frame.x0, x1=x1 + frame.x0, top=top, bottom=bottom, size=y1 - y0, bold=metrics.bold)


def _ligature(char: Char, text: str, box: tuple[float, float, float, float]) -> Char:
    return Char(text=char.text + text, x0=char.x0, x1=char.x0 + box[2] - box[0], top=char.top, bottom=char.bottom, size=char.size, bold=char.bold)


@dataclass(slots=True)
class Drawing:
    """What the page draws besides text: pdfplumber's edges (lines, rectangle sides, curve
    segments) and the boxes of its images."""

    edges: list[dict]
    image_boxes: list[BBox]
    text_objects: list[tuple[ctypes.c_void_p, Matrix]]  # with the matrix of the forms around them


def read_drawing(page: pypdfium2.PdfPage, frame: PageFrame) -> Drawing:
    drawing = Drawing(edges=[], image_boxes=[], text_objects=[])
    raw = page.raw
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        _read_object(pdfium_c.FPDFPage_GetObject(raw, i), frame.rotation, frame, drawing)
    return drawing


def _object_matrix(obj: ctypes.c_void_p) -> Matrix:
    fm = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, fm)
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _read_object(obj: ctypes.c_void_p, outer: Matrix, frame: PageFrame, drawing: Drawing) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        matrix = multiply(_object_matrix(obj), outer)
        for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _read_object(pdfium_c.FPDFFormObj_GetObject(obj, i), matrix, frame, drawing)
    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        matrix = multiply(_object_matrix(obj), outer)
        for subpath in _subpaths(obj):
            drawing.edges.extend(_edges(subpath, matrix, frame))
    elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        drawing.text_objects.append((obj, outer))
    elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:  # pdfminer: the image's unit square through its matrix
        x0, y0, x1, y1 = _box(multiply(_object_matrix(obj), outer), (0.0, 0.0, 1.0, 1.0))
        drawing.image_boxes.append((x0 + frame.x0, frame.height - y1 + frame.top, x1 + frame.x0, frame.height - y0 + frame.top))


def _subpaths(path: ctypes.c_void_p) -> list[list[tuple[str, Point]]]:
    """The path as pdfminer's operators ('m', 'l', 'c', 'h' with each one's end point), one list
    per subpath. PDFium marks a closing segment instead of keeping 'h', and splits 'c' in three."""
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, Point]]] = []
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point, kind = (x.value, y.value), pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
            continue
        start = subpaths[-1][0][1]
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3
            if bezier:
                continue  # a control point
            subpaths[-1].append(("c", point))
        elif not (pdfium_c.FPDFPathSegment_GetClose(segment) and point == start):
            subpaths[-1].append(("l", point))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(("h", start))
    return subpaths


def _edges(subpath: list[tuple[str, Point]], matrix: Matrix, frame: PageFrame) -> list[dict]:
    """pdfminer's paint_path for one subpath, then pdfplumber's edges of the line, rectangle or curve."""
    shape = "".join(op for op, _ in subpath)
    a, b, c, d, e, f = matrix
    device = [(a * px + c * py + e, b * px + d * py + f) for _, (px, py) in subpath]
    if shape in ("mlh", "ml"):
        return [_line_edge(device[0], device[1], frame)]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = device
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if device[0] == device[4] and square:
            return _rect_edges(device[0], device[2], frame)
    points = [frame.to_page(*p) for p in device]
    return [_curve_edge(p0, p1) for p0, p1 in zip(points, points[1:])]


def _line_edge(p0: Point, p1: Point, frame: PageFrame) -> dict:
    (x0, top0), (x1, top1) = frame.to_page(*p0), frame.to_page(*p1)
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(top0, top1), max(top0, top1)
    orientation = "h" if top == bottom else "v"
    edge = {"object_type": "line", "x0": left, "x1": right, "top": top, "bottom": bottom, "width": right - left, "height": bottom - top}
    return edge | {"orientation": orientation}


def _rect_edges(p0: Point, p2: Point, frame: PageFrame) -> list[dict]:
    (xa, ta), (xb, tb) = frame.to_page(*p0), frame.to_page(*p2)
    x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ta, tb), max(ta, tb)
    width, height = x1 - x0, bottom - top
    return [
        {"object_type": "rect_edge", "x0": x0, "x1": x1, "top": top, "bottom": top, "width": width, "height": 0, "orientation": "h"},
        {"object_type": "rect_edge", "x0": x0, "x1": x1, "top": bottom, "bottom": bottom, "width": width, "height": 0, "orientation": "h"},
        {"object_type": "rect_edge", "x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "height": height, "orientation": "v"},
        {"object_type": "rect_edge", "x0": x1, "x1": x1, "top": top, "bottom": bottom, "width": 0, "height": height, "orientation": "v"},
    ]


def _curve_edge(p0: Point, p1: Point) -> dict:
    orientation = "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)
    x0, x1, top, bottom = min(p0[0], p1[0]), max(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[1], p1[1])
    return {"object_type": "curve_edge", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top, "orientation": orientation}


@dataclass(slots=True)
class PageContent:
    """One page as PDFium read it, in pdfplumber's terms: what PageLayout is built from."""

    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    ruling: Edges
    image_boxes: list[BBox]


class PdfiumDocument:
    """An open document: PDFium for the pages, pdfminer's reading of the font dictionaries."""

    def __init__(self, path: str | Path):
        self.fonts, self.frames = read_page_tree(path)
        self.pdf = pypdfium2.PdfDocument(str(path))
        if (pages := len(self.pdf)) != len(self.frames):  # pdfplumber's pages are pdfminer's
            self.pdf.close()
            raise ValueError(f"PDFium reads {pages} pages, pdfminer {len(self.frames)}")

    def __len__(self) -> int:
        return len(self.pdf)

    def read(self, index: int) -> PageContent:
        page = self.pdf[index]
        try:
            frame = self.frames[index]
            drawing = read_drawing(page, frame)
            textpage = page.get_textpage()
            try:
                chars = read_chars(textpage, frame, self.fonts, drawing)
            finally:
                textpage.close()
        finally:
            page.close()
        bbox = (frame.x0, frame.top, frame.x0 + frame.width, frame.top + frame.height)
        return PageContent(index + 1, frame.width, frame.height, chars, Edges(drawing.edges, bbox), drawing.image_boxes)

    def close(self) -> None:
        self.pdf.close()
