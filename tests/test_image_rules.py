"""Ruling lines read from page images (extractors/image_rules.py), without OCR: born-digital
agreements (the samples, and layouts hypothesis draws) are scanned the way
samples/generators/scanned.py scans them (rasterised at 150 or 300 dpi, turned, noisy,
JPEG, a stamp and ink over the last signature), and the tables built from the image's rules
must be the vector tables of the original: the same rows and columns within a grid line's
tolerance, the same text in every cell (the original's characters stand in for OCR's)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from extractors.grid import EDGE_TOLERANCE, Table, find_ruled_tables
from extractors.image_rules import read_image
from extractors.layout import Char, CharIndex
from extractors.page import PageLayout, read_pages, with_image_rules
from extractors.walker import extract_records
from samples.generators.layout_pdf import render_layout
from samples.generators.scanned import Scan, keystone_homography, scan_pdf
from tests.layout_strategies import layouts
from tests.support import SAMPLES


def scanned_layouts(original: Path, scan: Scan, folder: Path) -> tuple[list[PageLayout], list[PageLayout]]:
    """The original's pages, and its scan's pages rebuilt from their images with the
    original's characters."""
    vector = list(read_pages(original))
    target = scan_pdf(original, folder / f"{original.stem}-{scan.dpi}-scan.pdf", scan)
    images = [replace(p, chars=v.chars) for p, v in zip(read_pages(target), vector)]
    assert all(p.is_scanned and not p.tables for p in images)
    return vector, with_image_rules(target, images, [p.number for p in images])


def grid_differences(vector: list[PageLayout], scanned: list[PageLayout], tolerance: float = EDGE_TOLERANCE) -> list[str]:
    out = []
    for v, s in zip(vector, scanned, strict=True):
        if len(v.tables) != len(s.tables):
            out.append(f"page {v.number}: {len(s.tables)} tables from the image, {len(v.tables)} drawn")
            continue
        out += [f"page {v.number} table {i}: {d}" for i, (a, b) in enumerate(zip(v.tables, s.tables)) for d in _table_differences(a, b, tolerance)]
    return out


def _table_differences(drawn: Table, read: Table, tolerance: float) -> list[str]:
    out = []
    for name in ("col_edges", "row_edges"):
        a, b = getattr(drawn, name), getattr(read, name)
        if len(a) != len(b):
            out.append(f"{len(b)} {name} read, {len(a)} drawn")
        elif (worst := max(abs(x - y) for x, y in zip(a, b))) > tolerance:
            out.append(f"{name} off by {worst:.2f} pt")
    if not out:
        texts = [[c.text if c else None for c in row] for row in drawn.grid], [[c.text if c else None for c in row] for row in read.grid]
        out += [] if texts[0] == texts[1] else ["cell texts differ"]
    return out


@pytest.mark.parametrize("name", ["kppn-malang-2025-rincian.pdf", "kanwil-djpb-jabar-2025-pk.pdf", "djpb-2024-pk-skp.pdf"])
@pytest.mark.parametrize("dpi", [150, 300])
def test_a_scanned_samples_tables_are_its_vector_tables(name: str, dpi: int, tmp_path: Path) -> None:
    vector, scanned = scanned_layouts(SAMPLES / name, Scan(name, dpi, -1.1 if dpi == 300 else 0.8, 75, dpi), tmp_path)
    assert sum(len(p.tables) for p in vector) > 0
    assert grid_differences(vector, scanned) == []


@settings(max_examples=4, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(layout=layouts(), dpi=st.sampled_from([150, 300]), angle=st.floats(-1.5, 1.5), quality=st.integers(60, 90))
def test_a_drawn_layouts_scan_gives_its_vector_tables(layout, dpi: int, angle: float, quality: int, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("scan")
    original = folder / f"{layout.producer}.pdf"
    render_layout(layout, original)
    vector, scanned = scanned_layouts(original, Scan(original.name, dpi, angle, quality, 7), folder)
    assert grid_differences(vector, scanned) == []


@settings(max_examples=4, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(layout=layouts(), dpi=st.sampled_from([150, 200]), keystone=st.floats(0.04, 0.08), sign=st.sampled_from([-1, 1]), angle=st.floats(-1.0, 1.0))
def test_a_photographed_layouts_leaning_rules_give_its_tables(layout, dpi: int, keystone: float, sign: int, angle: float, tmp_path_factory) -> None:
    """A page photographed at a slant: its side rules lean opposite ways (by up to a degree
    and a half on A4) once its horizontal rules are straight. Its tables keep their rows,
    columns and cell texts; a leaning rule stands where its middle is, so an edge may be off
    by half its lean."""
    folder = tmp_path_factory.mktemp("photo")
    original = folder / f"{layout.producer}.pdf"
    render_layout(layout, original)
    vector = list(read_pages(original))
    target = scan_pdf(original, folder / "photo.pdf", Scan(original.name, dpi, angle, 85, 5, keystone=sign * keystone))
    # the original's characters where the photo shows them (OCR reads them there)
    images = [replace(p, chars=_photographed(v.chars, (v.width, v.height), sign * keystone)) for p, v in zip(read_pages(target), vector)]
    scanned = with_image_rules(target, images, [p.number for p in images])
    # the rules stand where the photo shows them: as far as a tenth of the width off
    assert grid_differences(vector, scanned, tolerance=keystone * vector[0].width) == []


def _photographed(chars: list, size: tuple[float, float], share: float) -> list:
    to_photo = np.linalg.inv(keystone_homography(size, share))
    out = []
    for c in chars:
        (x0, top), (x1, bottom) = (_mapped(to_photo, x, y) for x, y in ((c.x0, c.top), (c.x1, c.bottom)))
        out.append(replace(c, x0=x0, x1=x1, top=top, bottom=bottom))
    return out


def _mapped(matrix: np.ndarray, x: float, y: float) -> tuple[float, float]:
    u, v, w = matrix @ np.array([x, y, 1.0])
    return u / w, v / w


def test_ink_over_a_scanned_signature_marks_it_image_where_the_original_has_none(tmp_path: Path) -> None:
    """scanned.py stamps and inks the last signer's slot (above the name over the last NIP);
    the born-digital original has a blank signature space."""
    vector, scanned = scanned_layouts(SAMPLES / "kppn-malang-2025-pk.pdf", Scan("pk", 200, 0.8, 70, 11), tmp_path)
    marks = [[r.fields["signed_mark"] for r in extract_records(pages)[0] if r.kind == "signature"] for pages in (vector, scanned)]
    assert marks[0] and set(marks[0]) == {"none"}
    assert len(marks[1]) == len(marks[0]) and marks[1][-1] == "image"
    assert marks[1][:-1] == marks[0][:-1]  # no mark where nothing was drawn


def test_a_signatures_tall_wavering_strokes_stay_ink_whole() -> None:
    """A hand draws a signature's tall strokes nearly straight, wavering a pixel either side of
    a slight lean: the rules looked for sway and lean as much, but ink is what straight rules
    leave, so the signature is one mark from its top to its bottom."""
    dpi, width, height = 150, 595.0, 842.0
    px = dpi / 72
    gray = np.full((round(height * px), round(width * px)), 255, dtype=np.uint8)
    top, bottom = 600.0, 660.0
    for x in (150.0, 162.0, 175.0):
        ys = np.arange(round(top * px), round(bottom * px))
        xs = x * px + 1.2 * np.sin(ys / 4.0) + 0.02 * (ys - ys[0])
        cv2.polylines(gray, [np.stack([xs, ys], 1).round().astype(np.int32)], False, 0, 1)
    cv2.ellipse(gray, (round(165 * px), round(640 * px)), (round(25 * px), round(8 * px)), -15, 0, 360, 0, 2)
    name = [Char(c, 140 + 6 * i, 145 + 6 * i, 680, 690, 10.0, False) for i, c in enumerate("NAMANYA")]
    ink = read_image(gray, width, height, name, dpi=dpi).ink
    assert [b for b in ink if b[1] <= top + 2 and b[3] >= bottom - 2 and b[0] <= 150 and b[2] >= 175], ink


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.data())
def test_thin_rules_that_lean_each_their_own_way_give_the_whole_grid(data) -> None:
    """Rules one pixel thin, each leaning by its own angle (a photo's perspective, paper that
    curls): every one is a rule, and the table has every row and column drawn."""
    dpi, width, height = 150, 595.0, 842.0
    px = dpi / 72
    gray = np.full((round(height * px), round(width * px)), 255, dtype=np.uint8)
    cols = np.cumsum([data.draw(st.floats(40, 120)), *data.draw(st.lists(st.floats(45, 110), min_size=2, max_size=5))])
    rows = np.cumsum([data.draw(st.floats(80, 300)), *data.draw(st.lists(st.floats(22, 45), min_size=2, max_size=9))])
    assume(cols[-1] < width - 40 and rows[-1] < height - 40)
    lean = st.floats(-0.028, 0.028)  # dx/dy: up to 1.6 degrees
    middle = (rows[0] + rows[-1]) / 2
    for x in cols:
        tilt = data.draw(lean)
        ends = [(x + tilt * (y - middle), y) for y in (rows[0], rows[-1])]
        cv2.line(gray, *[(round(a * px), round(b * px)) for a, b in ends], 0, 1, cv2.LINE_4)
    for y in rows:
        tilt = data.draw(st.floats(-0.006, 0.006))  # dy/dx: the rows curl less
        reach = 0.028 * (rows[-1] - rows[0]) / 2  # to the leaning sides
        ends = [(x, y + tilt * (x - (cols[0] + cols[-1]) / 2)) for x in (cols[0] - reach, cols[-1] + reach)]
        cv2.line(gray, *[(round(a * px), round(b * px)) for a, b in ends], 0, 1, cv2.LINE_4)
    # a letter in the middle of each cell (a table of empty cells is no table)
    centres = [((a + b) / 2, (c + d) / 2) for a, b in zip(cols, cols[1:]) for c, d in zip(rows, rows[1:])]
    chars = [Char("x", x - 2, x + 2, y - 4, y + 4, 8.0, False) for x, y in centres]
    reading = read_image(gray, width, height, chars, dpi=dpi)
    tables = find_ruled_tables(reading.ruling, CharIndex(chars), 1)
    assert [(len(t.row_edges), len(t.col_edges)) for t in tables] == [(len(rows), len(cols))]
