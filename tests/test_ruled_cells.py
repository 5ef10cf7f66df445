"""grid.smallest_cells must find pdfplumber's cells, the same in the same order, only faster:
checked against pdfplumber's own intersections_to_cells on every sample page and on ruled
drawings made up on a small lattice (shared coordinates, partial rules, gaps, merged cells)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, TableSettings, edges_to_intersections, intersections_to_cells

from extractors.grid import RULED_TABLE_SETTINGS, smallest_cells
from extractors.pdfium_page import PdfiumDocument
from tests.support import SAMPLES

RESOLVED = TableSettings.resolve(RULED_TABLE_SETTINGS)
LATTICE = [0.0, 1.0, 2.5, 4.0, 7.0, 7.5]  # points: few values, so that rules meet, end and overlap


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.stem)
def test_the_cells_of_every_sample_page_are_pdfplumbers(path) -> None:
    document = PdfiumDocument(path)
    try:
        for index in range(len(document)):
            intersections = TableFinder(document.read(index).ruling, RESOLVED).intersections  # type: ignore[arg-type]
            assert smallest_cells(intersections) == intersections_to_cells(intersections), f"page {index + 1}"
    finally:
        document.close()


def _rule(vertical: bool, at: float, span: tuple[float, float]) -> dict:
    a, b = sorted(span)
    if vertical:
        return {"x0": at, "x1": at, "top": a, "bottom": b, "width": 0, "height": b - a, "orientation": "v"}
    return {"x0": a, "x1": b, "top": at, "bottom": at, "width": b - a, "height": 0, "orientation": "h"}


rules = st.builds(_rule, st.booleans(), st.sampled_from(LATTICE), st.tuples(st.sampled_from(LATTICE), st.sampled_from(LATTICE)))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(edges=st.lists(rules, max_size=16), tolerance=st.sampled_from([0, 1, 3]))
def test_the_cells_of_any_ruling_are_pdfplumbers(edges: list[dict], tolerance: int) -> None:
    intersections = edges_to_intersections(edges, tolerance, tolerance)
    assert smallest_cells(intersections) == intersections_to_cells(intersections)
