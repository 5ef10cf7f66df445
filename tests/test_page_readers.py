"""The PDFium page reader against the pdfplumber reader it replaces: over every sample, a few
drawn layouts (three more printed by Chromium) and every real-world PDF, both readers must
give the same records (kind, section, page, fields; boxes within 0.01 pt: PDFium keeps
coordinates as 32-bit floats), and on the samples the same page layouts. Each difference is
listed below with its reason; a listed file that reads the same fails too, so the list stays
true.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from extractors.document import extract_document
from extractors.page import ENV_PAGE_READER, PageLayout, read_pages
from samples.generators.layout_pdf import render_layout
from samples.generators.layouts import Layout
from schemas.errors import ExtractionError
from schemas.records import RawRecord
from tests.layout_strategies import layouts
from tests.support import ROOT, SAMPLES

REALWORLD = ROOT.parent / "shared" / "realworld"
BOX_TOLERANCE = 0.01  # points

# Files whose outcome differs, and why: none today. (A scan whose page tree pdfminer cannot
# read, jabar-birokeu__1506872718_..., is read by pdfplumber whole: the readers must agree on
# the pages, so the quarantine's wording stays the same.)
KNOWN_RECORD_DIFFERENCES: dict[str, str] = {}
# Sample pages whose characters differ though their records do not: (file, page) -> (characters
# only pdfplumber reads, only PDFium reads), and why.
KNOWN_CHAR_DIFFERENCES = {
    # PDFium's text page replaces the spaces of a justified line (word spacing) by spaces of its
    # own, which the reader skips with every generated character; the gaps still part the words.
    ("djpk-dit-dtu-2026-pk.pdf", 1): ({" ": 11}, {}),
}


def outcome(path: Path, reader: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setenv(ENV_PAGE_READER, reader)
    try:
        doc = extract_document(path, document_id="d", file_name=path.name)
    except ExtractionError as exc:
        return ("quarantined", exc.reason, exc.detail)
    return ("read", doc.document_kind, doc.sections, doc.page_count, doc.records)


def same_record(a: RawRecord, b: RawRecord) -> bool:
    if (a.kind, a.section, a.page, a.fields) != (b.kind, b.section, b.page, b.fields) or (a.bbox is None) != (b.bbox is None):
        return False
    return a.bbox is None or b.bbox is None or max(abs(x - y) for x, y in zip(a.bbox, b.bbox)) < BOX_TOLERANCE


def differences(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the PDFium reader reads otherwise than the pdfplumber reader, as readable lines."""
    plumber, pdfium = outcome(path, "pdfplumber", monkeypatch), outcome(path, "pdfium", monkeypatch)
    if plumber[0] != "read" or pdfium[0] != "read":
        return [] if plumber == pdfium else [f"pdfplumber {plumber[:3]}, pdfium {pdfium[:3]}"]
    out = [f"{what}: pdfplumber {a!r}, pdfium {b!r}" for what, a, b in zip(("kind", "sections", "pages"), plumber[1:4], pdfium[1:4]) if a != b]
    out += [f"only pdfplumber: {r}" for r in plumber[4] if not any(same_record(r, s) for s in pdfium[4])]
    out += [f"only pdfium: {r}" for r in pdfium[4] if not any(same_record(r, s) for s in plumber[4])]
    if not out and len(plumber[4]) != len(pdfium[4]):
        out.append(f"{len(plumber[4])} records by pdfplumber, {len(pdfium[4])} by pdfium")
    return out


def check(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = differences(path, monkeypatch)
    if path.name in KNOWN_RECORD_DIFFERENCES:
        assert found, f"{path.name} is listed as differing ({KNOWN_RECORD_DIFFERENCES[path.name]}) but now reads the same: unlist it"
    else:
        assert found == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_samples_give_the_same_records(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check(path, monkeypatch)


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not beside this checkout")
@pytest.mark.parametrize("path", sorted(REALWORLD.glob("*.pdf")) if REALWORLD.is_dir() else [], ids=lambda p: p.name)
def test_real_world_files_give_the_same_records(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check(path, monkeypatch)


@settings(max_examples=6, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(layout=layouts())
def test_drawn_layouts_give_the_same_records(layout: Layout, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("layout") / f"{layout.producer}.pdf"
    render_layout(layout, path)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert differences(path, monkeypatch) == []


@settings(max_examples=3, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(layout=layouts().map(lambda drawn: dataclasses.replace(drawn, producer="chromium")))
def test_chromium_printed_layouts_give_the_same_records(layout: Layout, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skia writes composite fonts with fractional widths and descent (/W 277.83203, /Descent
    -211.91406), which PDFium keeps in whole units: the reader must measure with pdfminer's."""
    path = tmp_path_factory.mktemp("layout") / "chromium.pdf"
    render_layout(layout, path)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert differences(path, monkeypatch) == []


def layout_view(page: PageLayout) -> dict:
    """A page's layout without its coordinates' last bits: texts exactly, boxes to 0.01 pt."""
    return {
        "size": (round(page.width, 2), round(page.height, 2)),
        "tables": [[[c.text if c else None for c in row] for row in t.grid] for t in page.tables],
        "lines": [line.text for line in page.lines],
        "images": len(page.image_boxes),
    }


def far(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return max(abs(x - y) for x, y in zip(a, b)) >= BOX_TOLERANCE


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_samples_give_the_same_page_layouts(path: Path) -> None:
    for plumber, pdfium in zip(read_pages(path, "pdfplumber"), read_pages(path, "pdfium"), strict=True):
        assert layout_view(pdfium) == layout_view(plumber)
        assert not any(far(a.bbox, b.bbox) for a, b in zip(plumber.tables, pdfium.tables))
        assert not any(far(a.bbox, b.bbox) for a, b in zip(plumber.lines, pdfium.lines))
        assert not any(far(a, b) for a, b in zip(plumber.image_boxes, pdfium.image_boxes))
        a, b = Counter(c.text for c in plumber.chars), Counter(c.text for c in pdfium.chars)
        assert (dict(a - b), dict(b - a)) == KNOWN_CHAR_DIFFERENCES.get((path.name, plumber.number), ({}, {}))


def test_an_unknown_page_reader_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PAGE_READER, "pdfbox")
    with pytest.raises(ValueError, match=f"{ENV_PAGE_READER}='pdfbox'"):
        next(read_pages(SAMPLES / "kppn-malang-2025-pk.pdf"))
