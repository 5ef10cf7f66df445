"""Ruling lines read from page images (extractors/image_rules.py), without OCR: born-digital
agreements (the samples, and layouts hypothesis draws) are scanned the way
samples/generators/scanned.py scans them (rasterised at 150 or 300 dpi, turned, noisy,
JPEG, a stamp and ink over the last signature), and the tables built from the image's rules
must be the vector tables of the original: the same rows and columns within a grid line's
tolerance, the same text in every cell (the original's characters stand in for OCR's)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractors.grid import EDGE_TOLERANCE, Table
from extractors.page import PageLayout, read_pages, with_image_rules
from extractors.walker import extract_records
from samples.generators.layout_pdf import render_layout
from samples.generators.scanned import Scan, scan_pdf
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


def grid_differences(vector: list[PageLayout], scanned: list[PageLayout]) -> list[str]:
    out = []
    for v, s in zip(vector, scanned, strict=True):
        if len(v.tables) != len(s.tables):
            out.append(f"page {v.number}: {len(s.tables)} tables from the image, {len(v.tables)} drawn")
            continue
        out += [f"page {v.number} table {i}: {d}" for i, (a, b) in enumerate(zip(v.tables, s.tables)) for d in _table_differences(a, b)]
    return out


def _table_differences(drawn: Table, read: Table) -> list[str]:
    out = []
    for name in ("col_edges", "row_edges"):
        a, b = getattr(drawn, name), getattr(read, name)
        if len(a) != len(b):
            out.append(f"{len(b)} {name} read, {len(a)} drawn")
        elif (worst := max(abs(x - y) for x, y in zip(a, b))) > EDGE_TOLERANCE:
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


def test_ink_over_a_scanned_signature_marks_it_image_where_the_original_has_none(tmp_path: Path) -> None:
    """scanned.py stamps and inks the last signer's slot (above the name over the last NIP);
    the born-digital original has a blank signature space."""
    vector, scanned = scanned_layouts(SAMPLES / "kppn-malang-2025-pk.pdf", Scan("pk", 200, 0.8, 70, 11), tmp_path)
    marks = [[r.fields["signed_mark"] for r in extract_records(pages)[0] if r.kind == "signature"] for pages in (vector, scanned)]
    assert marks[0] and set(marks[0]) == {"none"}
    assert len(marks[1]) == len(marks[0]) and marks[1][-1] == "image"
    assert marks[1][:-1] == marks[0][:-1]  # no mark where nothing was drawn
