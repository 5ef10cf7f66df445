"""Boxes on a page: unions, overlaps and containment, in one place (as pdfplumber's
utils/geometry). A box is (x0, top, x1, bottom) in PDF points, top-left origin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from schemas.records import BBox


class Boxed(Protocol):
    @property
    def bbox(self) -> BBox: ...


def union(boxes: Iterable[BBox]) -> BBox | None:
    """The smallest box that holds every box (None for none)."""
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def union_of(items: Iterable[Boxed]) -> BBox | None:
    return union(i.bbox for i in items)


def x_overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far two horizontal spans (x0, x1) overlap; negative: the gap between them."""
    return min(a[1], b[1]) - max(a[0], b[0])


def y_overlap(a: BBox, b: BBox) -> float:
    """How far two boxes overlap vertically; negative: the gap between them."""
    return min(a[3], b[3]) - max(a[1], b[1])


def overlaps(a: BBox, b: BBox) -> bool:
    """Do the two boxes share some area?"""
    return x_overlap((a[0], a[2]), (b[0], b[2])) > 0 and y_overlap(a, b) > 0


def area(b: BBox) -> float:
    return (b[2] - b[0]) * (b[3] - b[1])


def centre(b: BBox) -> tuple[float, float]:
    return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)


def contains_point(b: BBox, x: float, y: float, margin: float = 0.0) -> bool:
    return b[0] - margin <= x <= b[2] + margin and b[1] - margin <= y <= b[3] + margin


def centre_inside(inner: BBox, boxes: Iterable[BBox], margin: float = 0.0) -> bool:
    """Does the centre of ``inner`` lie in any of ``boxes``?"""
    x, y = centre(inner)
    return any(contains_point(b, x, y, margin) for b in boxes)
