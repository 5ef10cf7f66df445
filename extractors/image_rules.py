"""Ruling lines and ink marks read from a scanned page's image (OpenCV).

Once a page is an image, no vector line outlines its tables, so pdfplumber's table finder
finds nothing. Here the page is rendered (grayscale), binarised against its local
background (scanner shading, JPEG), turned straight by the slant of its long lines, and
opened with long horizontal and vertical kernels: what survives is a ruling line, since a
letter, a stamp's ring or a signature has no straight run that long. The segments become
pdfplumber's edge dicts in points, top-down, as extractors/pdfium_drawing.py makes them from
vector paths, so the same table finder builds the same cells. What is left once rules and
OCR'd characters are taken away, and is larger than text, is ink: a signature, a stamp.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np
import pypdfium2

from extractors.grid import Edges
from extractors.layout import Char
from schemas.records import BBox

RULE_DPI = 150  # a 0.5 pt rule is still a pixel wide; 300 dpi doubles the time for nothing
# A rule is longer than letters: across, it spans a cell (wider than a few letters), down,
# a one-line row's side (just taller than its letters); in text heights of the page.
ACROSS_TEXT_HEIGHTS = 3.0
DOWN_TEXT_HEIGHTS = 1.25
DEFAULT_TEXT_HEIGHT = 10.0  # points, for a page without characters
GAP_SHARE = 1 / 150  # breaks shorter than this (noise, JPEG, a faint scan) are closed
RULE_WIDTH = 3.0  # points: a rule is thinner; a blot or a stamp's fill is not a rule however long
MAX_SKEW = 3.0  # degrees: a page turned more than this is OCRmyPDF's (--rotate-pages) to right
MIN_SKEW = 0.05  # degrees: less is not worth a resample
SWAY = 1  # pixels a thin rule zigzags sideways once turned or sheared (_runs)
# dx/dy: the leans a vertical rule is looked for at (a photo's perspective; a scanner's turn is straightened first)
LEANS = tuple(float(np.tan(np.radians(d))) for d in (0.0, -0.6, 0.6, -1.2, 1.2, -1.8, 1.8))
INK_TEXT_HEIGHTS = 1.8  # ink is taller than this many text heights (a letter is not ink)
INK_PAGE_SHARE = 1 / 3  # and smaller than this share of the page (a scanner's shadow is not)


@dataclass(slots=True)
class ImageReading:
    """What a page's image shows besides its text, in pdfplumber's coordinates."""

    ruling: Edges
    ink: list[BBox]  # signatures, stamps: marks that are neither rules nor read characters
    skew: float  # degrees the image was turned back before reading it


def render_gray(page: pypdfium2.PdfPage, dpi: int = RULE_DPI) -> np.ndarray:
    """The page as PDFium draws it, one byte of gray per pixel."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return np.array(bitmap.to_numpy()[:, :, 0] if bitmap.to_numpy().ndim == 3 else bitmap.to_numpy(), dtype=np.uint8)


def binarise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Ink as 255 on 0: darker than its neighbourhood (a sixth of an inch) by a margin, so
    uneven paper and a gray rule both come out."""
    block = (dpi // 6) | 1
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)


def _runs(binary: np.ndarray, length: int, gap: int, horizontal: bool, thickest: int = 0, sway: int = 0) -> np.ndarray:
    """Straight runs at least `length` pixels long and, given `thickest`, no thicker (a filled
    blot is long in every direction), with breaks up to `gap` closed. Given `sway`, a run may
    stray that many pixels sideways and back: a thin line turned or sheared by a fraction of a
    pixel a row zigzags between two columns in steps shorter than `length`."""
    shape = (length, 1) if horizontal else (1, length)
    if sway:
        widened = cv2.dilate(binary, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 2 * sway + 1) if horizontal else (2 * sway + 1, 1)))
        opened = cv2.bitwise_and(cv2.morphologyEx(widened, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape)), binary)
    else:
        opened = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
    if thickest:
        across = (1, thickest + 1) if horizontal else (thickest + 1, 1)
        opened = cv2.bitwise_and(opened, cv2.bitwise_not(cv2.morphologyEx(opened, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, across))))
    closing = (gap, 1) if horizontal else (1, gap)
    return cv2.morphologyEx(opened, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, closing))


def skew_of(binary: np.ndarray, length: int) -> float:
    """The slant (degrees, counter-clockwise) of the page's long horizontal lines, weighted by
    length; 0 without any. A line turned by a degree breaks into steps, so the runs are found
    with a short kernel, joined along the slant, and fitted."""
    steps = _runs(binary, max(length // 2, 3), 3, True)
    joined = cv2.dilate(steps, cv2.getStructuringElement(cv2.MORPH_RECT, (length // 2, 3)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    angles, weights = [], []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if w < 8 * length or h > w * np.tan(np.radians(MAX_SKEW)) + 6:
            continue
        ys, xs = np.nonzero((labels[y : y + h, x : x + w] == i) & (steps[y : y + h, x : x + w] > 0))
        if len(xs) < length:
            continue
        slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
        angles.append(-np.degrees(np.arctan(slope)))
        weights.append(w)
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights, dtype=float)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def straighten(binary: np.ndarray, skew: float) -> np.ndarray:
    """Turn the image back by `skew` degrees about its centre (where a scanner turns it)."""
    if abs(skew) < MIN_SKEW or abs(skew) > MAX_SKEW:
        return binary
    height, width = binary.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -skew, 1.0)
    turned = cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=0)
    return cv2.threshold(turned, 127, 255, cv2.THRESH_BINARY)[1]


def straighten_chars(chars: Sequence[Char], skew: float, width: float, height: float) -> list[Char]:
    """Characters of a text layer written over the image as scanned (another tool's OCR: its
    lines slant with the page), moved as `straighten` turns the image, so they sit in the
    rules read from it. Each keeps its size: only its centre turns, and its baseline is level."""
    if abs(skew) < MIN_SKEW or abs(skew) > MAX_SKEW:
        return list(chars)
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -skew, 1.0)
    out = []
    for c in chars:
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        dx, dy = matrix @ np.array([x, y, 1.0]) - (x, y)
        out.append(replace(c, x0=c.x0 + dx, x1=c.x1 + dx, top=c.top + dy, bottom=c.bottom + dy, slope=0.0))
    return out


def sheared(binary: np.ndarray, lean: float) -> np.ndarray:
    """Slide each row sideways so that lines leaning by `lean` (dx/dy) stand upright; the
    middle row stays in place. Its inverse with -lean."""
    if not lean:
        return binary
    height, width = binary.shape
    matrix = np.float32([[1, -lean, lean * height / 2], [0, 1, 0]])
    turned = cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=0)
    return cv2.threshold(turned, 127, 255, cv2.THRESH_BINARY)[1]


def _leaning_back(edges: list[dict], lean: float, middle: float) -> list[dict]:
    """Vertical edges found upright in the sheared image, at their own middle's place on the page."""
    out = []
    for e in edges:
        x = e["x0"] + lean * ((e["top"] + e["bottom"]) / 2 - middle)
        out.append(e | {"x0": x, "x1": x, "lean": lean})
    return out


def _upright_rules(binary: np.ndarray, piece: int, length: int, gap: int, horizontal: bool, thickest: int, scale: float) -> tuple[np.ndarray, list[dict]]:
    """The rules of one direction (as _rules), also where they lean: a photographed page's
    perspective leans its lines, by angles that change across the page, once the page is
    turned straight, and a thin leaning rule breaks into steps that no straight kernel takes.
    The image is sheared by each of LEANS, and a rule is kept from the shear that stands it
    straight: the longest of those found at one place. Horizontal rules are found as
    vertical ones of the transposed image."""
    image = np.ascontiguousarray(binary.T) if horizontal else binary
    middle = image.shape[0] * scale / 2
    found = []
    for lean in LEANS:
        found += _leaning_back(_rules(sheared(image, lean), piece, length, gap, thickest, scale, SWAY)[1], lean, middle)
    kept: list[dict] = []
    for e in sorted(found, key=lambda e: e["top"] - e["bottom"]):
        if not any(abs(e["x0"] - k["x0"]) <= 2 * thickest * scale and min(e["bottom"], k["bottom"]) - max(e["top"], k["top"]) > 0 for k in kept):
            kept.append(e)
    # the mask (what ink is not: read_image) holds the straight runs only: a signature's long
    # strokes lean and sway too, and taken for rules they would leave no ink of it
    mask = _rules(image, piece, length, gap, thickest, scale, 0)[0]
    if not horizontal:
        return mask, kept
    across = [_edge(e["top"], e["bottom"], e["x0"], e["x0"], "h") | {"lean": e["lean"]} for e in kept]
    return np.ascontiguousarray(mask.T), across


def _meeting(across: list[dict], down: list[dict], reach: float) -> list[dict]:
    """The rules as pdfplumber edges, each straight at its middle's place, with the ends of
    each that meets a leaning rule of the other direction moved onto that rule's place: a
    leaning side drawn upright at its middle misses the ends of the rules that meet it far
    from there. `reach`: how far from a rule's true course an end still meets it."""
    def x_at(v: dict, y: float) -> float:  # where a leaning vertical rule really is at height y
        return v["x0"] + v["lean"] * (y - (v["top"] + v["bottom"]) / 2)

    def y_at(h: dict, x: float) -> float:
        return h["top"] + h["lean"] * (x - (h["x0"] + h["x1"]) / 2)

    def rising(h: dict, up: bool) -> bool:  # does a vertical rule leave h upwards (down)?
        crossing = [v for v in down if h["x0"] - reach <= v["x0"] <= h["x1"] + reach]
        ys = [v["top"] if up else v["bottom"] for v in crossing if v["top"] - reach <= h["top"] <= v["bottom"] + reach]
        return any((y < h["top"] - reach) if up else (y > h["top"] + reach) for y in ys)

    out, placed = [], []
    for h in across:
        # a table's top (bottom) rule stands at its highest (lowest) point: the text under
        # (over) all of it stays in the table; a rule inside it at its middle's height
        ends, course = [h["x0"], h["x1"]], [y_at(h, h["x0"]), y_at(h, h["x1"])]
        y = h["top"] if rising(h, True) and rising(h, False) else min(course) if not rising(h, True) else max(course)
        for v in down:
            if v["top"] - reach <= h["top"] <= v["bottom"] + reach:
                ends = [v["x0"] if abs(x_at(v, h["top"]) - x) <= reach else x for x in ends]
        placed.append(y)
        out.append(_edge(min(ends), max(ends), y, y, "h"))
    for v in down:
        ends = [v["top"], v["bottom"]]
        for h, y in zip(across, placed):
            if h["x0"] - reach <= v["x0"] <= h["x1"] + reach:
                ends = [y if abs(y_at(h, v["x0"]) - end) <= reach else end for end in ends]
        out.append(_edge(v["x0"], v["x0"], min(ends), max(ends), "v"))
    return out


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    """pdfplumber's edge dict of a line."""
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _rules(binary: np.ndarray, piece: int, length: int, gap: int, thickest: int, scale: float, sway: int) -> tuple[np.ndarray, list[dict]]:
    """The vertical rules, as a mask and as pdfplumber edges (one along the middle of each, in
    points): runs of `piece` pixels (swaying by `sway`) joined across breaks (noise, JPEG, a
    faint scan), at least `length` long and, as a whole, a line's thickness (not a blot's outline)."""
    runs = _runs(binary, piece, gap, False, thickest, sway)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    kept = np.zeros(count, dtype=bool)
    edges = []
    for i, (x, y, w, h, _) in enumerate(stats):
        if i == 0 or h < length or w > 2 * thickest:
            continue
        kept[i] = True
        edges.append(_edge((x + w / 2) * scale, (x + w / 2) * scale, y * scale, (y + h) * scale, "v"))
    return np.where(kept[labels], 255, 0).astype(np.uint8), edges


def read_image(gray: np.ndarray, width: float, height: float, chars: Sequence[Char] = (), dpi: int = RULE_DPI) -> ImageReading:
    """Rules and ink of a page image `gray` that shows a page of `width` x `height` points."""
    binary = binarise(gray, dpi)
    scale = width / gray.shape[1]  # points per pixel
    sizes = sorted(c.bottom - c.top for c in chars if c.text.strip())
    text_height = sizes[len(sizes) // 2] if sizes else DEFAULT_TEXT_HEIGHT
    across, down = (max(round(n * text_height / scale), 3) for n in (ACROSS_TEXT_HEIGHTS, DOWN_TEXT_HEIGHTS))
    skew = skew_of(binary, across)
    binary = straighten(binary, skew)
    gap = max(round(width * GAP_SHARE / scale), 2)
    thickest = max(round(RULE_WIDTH / scale), 2)
    # Across, pieces of a text height joined make a rule (a short rule under one cell breaks
    # easily); down, a piece must be whole, else strokes of letters on lines below each other join.
    horizontal, across_edges = _upright_rules(binary, round(across / ACROSS_TEXT_HEIGHTS), across, gap, True, thickest, scale)
    vertical, down_edges = _upright_rules(binary, down, down, gap, False, thickest, scale)
    edges = _meeting(across_edges, down_edges, 2 * thickest * scale)
    rules = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))
    ink = ink_boxes(cv2.bitwise_and(binary, cv2.bitwise_not(rules)), chars, text_height, scale)
    return ImageReading(ruling=Edges(edges, (0.0, 0.0, width, height)), ink=ink, skew=skew)


def ink_boxes(marks: np.ndarray, chars: Sequence[Char], text_height: float, scale: float) -> list[BBox]:
    """Marks taller than text that no read character covers: a signature's strokes, joined by
    a dilation of half a text height, or a stamp. Speckles and unread letters are smaller."""
    for c in chars:
        if c.text.strip():
            marks[int(c.top / scale) : int(c.bottom / scale) + 1, int(c.x0 / scale) : int(c.x1 / scale) + 1] = 0
    reach = max(round(text_height / scale / 2), 1)
    joined = cv2.dilate(marks, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (reach, reach)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    limit = INK_PAGE_SHARE * marks.shape[1]
    boxes = []
    for x, y, w, h, _ in stats[1:count]:
        if INK_TEXT_HEIGHTS * text_height / scale <= h and w <= limit and h <= limit:
            boxes.append((x * scale, y * scale, (x + w) * scale, (y + h) * scale))
    return boxes


def read_page_images(path: str | Path, numbers: Sequence[int], sizes: Sequence[tuple[float, float]], chars: Sequence[Sequence[Char]]) -> list[ImageReading]:
    """Render pages `numbers` (1-based) of `path` once each and read their images."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        out = []
        for number, (width, height), page_chars in zip(numbers, sizes, chars):
            page = pdf[number - 1]
            try:
                out.append(read_image(render_gray(page), width, height, page_chars))
            finally:
                page.close()
        return out
    finally:
        pdf.close()
