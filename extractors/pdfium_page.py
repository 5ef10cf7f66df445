"""A page read by PDFium (pypdfium2) into the same PageLayout the pdfplumber reader builds.

pdfplumber interprets every page in Python (pdfminer); PDFium does it in C, about ten times
faster. The result must not change, so this reader reproduces pdfplumber's geometry, not
PDFium's own: a character's box is its advance width by the font size, placed with the
font's descent (pdfminer's LTChar), in pdfplumber's top-left coordinates; ruling lines are
the edges pdfplumber would make of each painted path (extractors/pdfium_drawing.py), handed
to pdfplumber's own table finder. tests/test_page_readers.py holds the two readers to that.
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
from pdfminer.pdffont import PDFFont, PDFType1Font, PDFUnicodeNotDefined
from pdfminer.pdfinterp import LITERAL_FORM, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, dict_value, resolve1
from pdfminer.psparser import literal_name

from extractors.grid import Edges
from extractors.layout import Char, slope_of
from extractors.pdfium_drawing import Drawing, Matrix, PageFrame, bare, multiply, object_matrix, page_frame, read_drawing, transform_box
from schemas.records import BBox

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")  # PDFium names a simple font without it, a composite (Type0) one with it
GENERATED_CODES = frozenset((0x20, 0x0D, 0x0A))  # PDFium's text page makes up only spaces and line ends
HYPHEN_MARK = 0x02  # PDFium's code for a hyphen that ends a line
TEXT_MARK = 0xFFFE  # what the page's text (FPDFText_GetText) has for such a mark
CID_SUBTYPES = ("CIDFontType0", "CIDFontType2")
EMPTY_WIDTH = 0.01  # points: PDFium's text page skips a text object narrower than this (kSizeEpsilon)


_char_code = bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_char_origin = bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)  # text page, index, byref(x), byref(y)
# FPDFText_GetTextObject as an address: a text object is a dictionary key per character.
_text_object_address = bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)


def _address(handle: ctypes.c_void_p) -> int:
    """A PDFium handle's address, 0 for none: ctypes.cast's value, read from the pointer's own bytes (cast is a foreign call)."""
    return ctypes.c_void_p.from_buffer(handle).value or 0


@dataclass(frozen=True, slots=True)
class FontMetrics:
    descent: float  # below the baseline, per unit of font size (negative)
    bold: bool
    standard_widths: dict | None  # a standard-14 font: pdfminer's AFM widths (per 1000), by character
    # a font whose widths have fractions (Skia writes them so): pdfminer's (per 1000), by character;
    # PDFium keeps whole units
    exact_widths: dict[str, float] | None = None


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
            _decode(page.contents)
    return fonts, frames


def _collect_fonts(resources: dict, manager: PDFResourceManager, fonts: dict[str, FontMetrics], seen: set[int]) -> None:
    for ref in dict_value(resources.get("Font", {})).values():
        spec = dict_value(ref)
        base = literal_name(spec.get("BaseFont", "unknown"))
        font = manager.get_font(getattr(ref, "objid", None), _without_unicode_map(spec))
        widths = font.widths if isinstance(font, PDFType1Font) and base in FONT_METRICS else None
        exact = None if widths is not None else _fractional_widths(font, spec, manager)
        metrics = FontMetrics(font.get_descent(), "bold" in str(font.fontname).lower(), widths, exact)
        fonts.setdefault(str(base), metrics)
        fonts.setdefault(SUBSET_TAG.sub("", str(base)), metrics)
    for ref in dict_value(resources.get("XObject", {})).values():
        objid = getattr(ref, "objid", None)
        if objid in seen:
            continue
        seen.add(objid)
        xobject = resolve1(ref)
        if isinstance(xobject, PDFStream) and xobject.get("Subtype") is LITERAL_FORM:
            _decode([xobject])
            if "Resources" in xobject:
                _collect_fonts(dict_value(xobject["Resources"]), manager, fonts, seen)


def _fractional_widths(font: PDFFont, spec: dict, manager: PDFResourceManager) -> dict[str, float] | None:
    """A font's widths by character where one has a fraction, which PDFium would cut to whole
    units: the font is read again with its ToUnicode map (only such fonts pay for it), and a
    character two codes draw at different widths is left to PDFium."""
    if not any(isinstance(w, float) and not w.is_integer() for w in font.widths.values()):
        return None
    mapped = manager.get_font(None, spec) if "ToUnicode" in spec else font
    widths: dict[str, float] = {}
    clashes: set[str] = set()
    for code, width in mapped.widths.items():
        try:
            text = code if isinstance(code, str) else mapped.to_unichr(code)
        except PDFUnicodeNotDefined:
            continue
        if widths.setdefault(text, width) != width:
            clashes.add(text)
    return {text: float(width) for text, width in widths.items() if text not in clashes and isinstance(width, (int, float))}


def _without_unicode_map(spec: dict) -> dict:
    """The font dictionary with an empty ToUnicode CMap: pdfminer parses a CMap in Python (a
    third of reading the fonts on real files) and PDFium maps the characters itself. The stream
    is still decoded, so a document whose CMap pdfminer cannot decode stays pdfplumber's. A CID
    font named directly (not through a Type0) is left as it is: pdfminer reads its ToUnicode otherwise."""
    if "ToUnicode" not in spec or literal_name(spec.get("Subtype")) in CID_SUBTYPES:
        return spec
    stream = resolve1(spec["ToUnicode"])
    if not isinstance(stream, PDFStream):
        return spec
    stream.get_data()
    return {**spec, "ToUnicode": PDFStream({}, b"")}


def _decode(contents: list) -> None:
    """Decode the content streams as pdfminer would: a stream it cannot decode makes the
    document pdfplumber's (which fails on it, a corrupt file) where PDFium would read past it."""
    for content in contents:
        stream = resolve1(content)
        if isinstance(stream, PDFStream):
            stream.get_data()


def _font_metrics(font: ctypes.c_void_p, cache: dict[int, FontMetrics], known: dict[str, FontMetrics]) -> FontMetrics:
    key = _address(font)
    metrics = cache.get(key)
    if metrics is None:
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256)
        name = buffer.value.decode("latin-1")
        metrics = known.get(name) or known.get(SUBSET_TAG.sub("", name))
        if metrics is None:  # not in the page resources pdfminer walks (an annotation's, a pattern's)
            descent = ctypes.c_float()
            pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(descent))
            metrics = FontMetrics(-abs(descent.value), "bold" in name.lower(), None)
        cache[key] = metrics
    return metrics


def _advance(obj: TextObject, text: str, loose_width: Callable[[], float]) -> float:
    """The glyph's advance per unit of font size, from the font's /Widths as pdfminer reads them
    (the AFM's for a standard-14 name); PDFium's loose box when the font cannot say."""
    if obj.metrics.standard_widths is not None:
        return float(obj.metrics.standard_widths.get(text, 0)) / 1000
    if obj.metrics.exact_widths is not None and text in obj.metrics.exact_widths:
        return obj.metrics.exact_widths[text] / 1000
    out = ctypes.c_float()
    if len(text) == 1 and pdfium_c.FPDFFont_GetGlyphWidth(obj.font, ord(text), ctypes.c_float(1.0), ctypes.byref(out)):
        return out.value
    return loose_width()


@dataclass(frozen=True, slots=True)
class TextObject:
    """What every character of one PDFium text object shares."""

    font: ctypes.c_void_p
    font_key: int
    metrics: FontMetrics
    size: float
    linear: tuple[float, float, float, float]  # the character matrix without its origin


@dataclass(slots=True)
class Placement:
    """How one text object's characters land on the page, worked out once per object: its matrix
    through the page's /Rotate (what multiply() gives, but the origin), pdfplumber's 'upright',
    and the advance of each character it draws. `straight`: neither turned nor skewed, the case
    _placed's transform_box takes first; `left`, `low`, `high` are that case's terms for the box
    (0, descent, advance, descent + size) that do not depend on the character's origin."""

    obj: TextObject
    linear: tuple[float, float, float, float]
    upright: bool
    straight: bool
    left: float  # a * 0
    low: float  # d * descent
    high: float  # d * (descent + size)
    advances: dict[str, float]  # by character: its advance by the font size


def _placement(obj: TextObject, rotation: Matrix) -> Placement:
    a, b, c, d = multiply((*obj.linear, 0.0, 0.0), rotation)[:4]
    descent = obj.metrics.descent * obj.size
    upright = a * d > 0 and b * c <= 0
    return Placement(obj, (a, b, c, d), upright, b == 0 and c == 0, a * 0.0, d * descent, d * (descent + obj.size), {})


def read_chars(textpage: pypdfium2.PdfTextPage, frame: PageFrame, known: dict[str, FontMetrics], drawing: Drawing) -> list[Char]:
    """Upright characters as pdfplumber's page.chars gives them, in content order, and the
    spaces PDFium's text page leaves out. A straight object's characters are placed here, term
    by term as _placed would (the same float operations): that is most characters of a page."""
    raw = textpage.raw
    fonts: dict[int, FontMetrics] = {}
    widths: dict[tuple[int, str], float] = {}
    placements: dict[int, Placement] = {}  # by text object
    r0, r1, r2, r3, r4, r5 = frame.rotation
    height, top, x_shift = frame.height, frame.top, frame.x0
    ox, oy = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(ox), ctypes.byref(oy)
    chars: list[Char] = []
    append, object_address, char_origin = chars.append, _text_object_address, _char_origin  # locals: this loop runs per character
    last_address, last_x, last_y = -1, 0.0, 0.0
    place: Placement | None = None
    for i, code in enumerate(_codes(raw)):
        if code == TEXT_MARK:  # the page's text writes this where PDFium's code for the character is a mark (a line-end hyphen's)
            code = _char_code(raw, i)
        if code in GENERATED_CODES and pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        text = "-" if code == HYPHEN_MARK and pdfium_c.FPDFText_IsHyphen(raw, i) == 1 else chr(code)
        address = object_address(raw, i) or 0
        char_origin(raw, i, at_x, at_y)
        x, y = ox.value, oy.value
        if place is None or address != last_address:
            place = placements.get(address)
            if place is None:
                obj = _text_object(raw, i, pdfium_c.FPDFText_GetTextObject(raw, i), fonts, known)
                place = placements[address] = _placement(obj, frame.rotation)
        obj = place.obj
        if address == last_address and x == last_x and y == last_y and chars:  # one glyph, several code points (a ligature): pdfminer's one char
            chars[-1] = _ligature(chars[-1], text, _loose_width(raw, i, obj) * obj.size * abs(obj.linear[0]))
            continue
        last_address, last_x, last_y = address, x, y
        if not place.upright:
            continue
        advance = place.advances.get(text)
        if advance is None:
            width = widths.get((obj.font_key, text))
            if width is None:
                width = widths[(obj.font_key, text)] = _advance(obj, text, lambda: _loose_width(raw, i, obj))
            advance = place.advances[text] = width * obj.size
        e, f = r0 * x + r2 * y + r4, r1 * x + r3 * y + r5
        if not place.straight:
            append(_placed(text, (*place.linear, e, f), obj.metrics, obj.size, advance, frame))
            continue
        left, right, low, high = place.left + e, place.linear[0] * advance + e, place.low + f, place.high + f
        x0, x1 = right if right < left else left, right if right > left else left  # min() and max(), ties as they break them
        y0, y1 = high if high < low else low, high if high > low else low
        append(Char(text, x0 + x_shift, x1 + x_shift, height - y1 + top, height - y0 + top, y1 - y0, obj.metrics.bold))
    unread = [(o, outer) for o, outer in drawing.text_objects if _address(o) not in placements]
    return chars + _spaces(unread, frame, fonts, known, widths)


def _codes(raw: ctypes.c_void_p) -> list[int]:
    """Each character's code, the page's text read in one call (a call a character costs a third of
    reading the characters); a page whose text is not one UTF-16 unit a character is read a character at a time."""
    count = pdfium_c.FPDFText_CountChars(raw)
    units = (ctypes.c_ushort * (count + 1))()
    codes = units[:count] if pdfium_c.FPDFText_GetText(raw, 0, count, units) == count + 1 else []
    if len(codes) != count or any(0xD800 <= code <= 0xDFFF for code in codes):
        return [_char_code(raw, i) for i in range(count)]
    return codes


def _text_object(raw: ctypes.c_void_p, i: int, handle: ctypes.c_void_p, fonts: dict[int, FontMetrics], known: dict[str, FontMetrics]) -> TextObject:
    font = pdfium_c.FPDFTextObj_GetFont(handle)
    fm = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(raw, i, fm)
    metrics = _font_metrics(font, fonts, known)
    key = _address(font)
    return TextObject(font=font, font_key=key, metrics=metrics, size=pdfium_c.FPDFText_GetFontSize(raw, i), linear=(fm.a, fm.b, fm.c, fm.d))


def _loose_width(raw: ctypes.c_void_p, i: int, obj: TextObject) -> float:
    """The glyph's advance per unit of font size as PDFium's loose box has it."""
    loose = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(raw, i, loose)
    scale = obj.linear[0] * obj.size
    return (loose.right - loose.left) / scale if scale else 0.0


def _spaces(
    objects: list[tuple[ctypes.c_void_p, Matrix]], frame: PageFrame, fonts: dict[int, FontMetrics], known: dict[str, FontMetrics], widths: dict
) -> list[Char]:
    """A text object of a lone space draws nothing, so PDFium's text page skips it (Word writes
    many): pdfminer keeps its space, and the space parts words the gap alone may not."""
    chars: list[Char] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    size = ctypes.c_float()
    for handle, outer in objects:
        pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
        if abs(right.value - left.value) >= EMPTY_WIDTH or not pdfium_c.FPDFTextObj_GetFontSize(handle, ctypes.byref(size)):
            continue
        font = pdfium_c.FPDFTextObj_GetFont(handle)
        m = multiply(multiply(object_matrix(handle), outer), frame.rotation)
        obj = TextObject(font, _address(font), _font_metrics(font, fonts, known), size.value, m[:4])
        if not (m[0] * m[3] > 0 and m[1] * m[2] <= 0):
            continue
        width = widths.get((obj.font_key, " "))
        if width is None:
            width = widths[(obj.font_key, " ")] = _advance(obj, " ", lambda: 0.0)
        chars.append(_placed(" ", m, obj.metrics, obj.size, width * obj.size, frame))
    return chars


def _placed(text: str, m: Matrix, metrics: FontMetrics, size: float, advance: float, frame: PageFrame) -> Char:
    """pdfminer's LTChar box: the advance by the font size from the descent, through the
    character's matrix, in pdfplumber's top-left coordinates."""
    descent = metrics.descent * size
    x0, y0, x1, y1 = transform_box(m, (0.0, descent, advance, descent + size))
    top, bottom = frame.height - y1 + frame.top, frame.height - y0 + frame.top
    return Char(text=text, x0=x0 + frame.x0, x1=x1 + frame.x0, top=top, bottom=bottom, size=y1 - y0, bold=metrics.bold, slope=slope_of(m[0], m[1]))


def _ligature(char: Char, text: str, advance: float) -> Char:
    """A ligature's advance is its glyph's, which only the loose box knows."""
    return Char(text=char.text + text, x0=char.x0, x1=char.x0 + advance, top=char.top, bottom=char.bottom, size=char.size, bold=char.bold)


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
