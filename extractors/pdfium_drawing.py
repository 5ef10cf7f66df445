"""What a page draws besides text, read by PDFium in pdfminer's terms: the page's frame (its
box and /Rotate as pdfminer and pdfplumber set them up), each painted path cut into the
lines, rectangles and curves pdfminer makes of it and then into pdfplumber's edges, and the
boxes of the images. extractors/pdfium_page.py reads the characters."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from schemas.records import BBox

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


def bare(function: Callable, restype: type) -> Callable:
    """A PDFium function called with no conversion of its arguments by ctypes: an int goes as a C
    int, a pointer as itself, byref() as an address (so a pointer returned as an int goes back
    wrapped in c_void_p, never as a C int). read_chars calls three of them for every character,
    _subpaths four for every path segment: ctypes' conversions by argtypes took as long as the calls."""
    call = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    call.argtypes = None
    return call


_path_segment = bare(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)  # path, index
_segment_point = bare(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int)  # segment, byref(x), byref(y)
_segment_type = bare(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int)
_segment_closes = bare(pdfium_c.FPDFPathSegment_GetClose, ctypes.c_int)


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


def transform_box(m: Matrix, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """pdfminer's apply_matrix_rect: the upright box around the four transformed corners."""
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = rect
    if b == 0 and c == 0:  # unrotated, unskewed: most text
        left, right, low, high = a * x0 + e, a * x1 + e, d * y0 + f, d * y1 + f
        return min(left, right), min(low, high), max(left, right), max(low, high)
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    return min(xs), min(ys), max(xs), max(ys)


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


def object_matrix(obj: ctypes.c_void_p) -> Matrix:
    fm = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, fm)
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _read_object(obj: ctypes.c_void_p, outer: Matrix, frame: PageFrame, drawing: Drawing) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        matrix = multiply(object_matrix(obj), outer)
        for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _read_object(pdfium_c.FPDFFormObj_GetObject(obj, i), matrix, frame, drawing)
    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        matrix = multiply(object_matrix(obj), outer)
        for subpath in _subpaths(obj):
            drawing.edges.extend(_edges(subpath, matrix, frame))
    elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        drawing.text_objects.append((obj, outer))
    elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:  # pdfminer: the image's unit square through its matrix
        x0, y0, x1, y1 = transform_box(multiply(object_matrix(obj), outer), (0.0, 0.0, 1.0, 1.0))
        drawing.image_boxes.append((x0 + frame.x0, frame.height - y1 + frame.top, x1 + frame.x0, frame.height - y0 + frame.top))


def _subpaths(path: ctypes.c_void_p) -> list[list[tuple[str, Point]]]:
    """The path as pdfminer's operators ('m', 'l', 'c', 'h' with each one's end point), one list
    per subpath. PDFium marks a closing segment instead of keeping 'h', and splits 'c' in three."""
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    subpaths: list[list[tuple[str, Point]]] = []
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = ctypes.c_void_p(_path_segment(path, i))
        _segment_point(segment, at_x, at_y)
        point, kind = (x.value, y.value), _segment_type(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
            continue
        start = subpaths[-1][0][1]
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3
            if bezier:
                continue  # a control point
            subpaths[-1].append(("c", point))
        elif not (_segment_closes(segment) and point == start):
            subpaths[-1].append(("l", point))
        if _segment_closes(segment):
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
