"""Ruled rows holding several figures stacked (extractors/figure_rows.py), on a scan that
carries another tool's text layer: a target table is drawn with reportlab the way some
forms rule it (only between groups: an indicator, its sub-items one per line, a target on
each sub-item's line), scanned as samples/generators/scanned.py scans (rasterised, turned,
JPEG), and given the original's characters as the text layer a third-party OCR lays over
the image (turned with it, a little off it). Each figure must come back on a row of its own with its own label."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from extractors.findings import layered_pages, rows_cut_at_figures
from extractors.page import read_pages, with_image_rules
from extractors.walker import extract_records
from samples.generators.scanned import Scan, scan_pdf

LINE = 13.0  # points between baselines
COLUMNS = (60.0, 90.0, 400.0, 520.0)  # No | Indikator Kinerja | Target
# (no, label lines, {line index: figure}): the figure stands on the last line of its label.
GROUPS = (
    ("1", ["Jumlah produksi peternakan", "- Daging (ton)", "- Telur (ton)", "- Susu (ton)"], {1: "741.709", 2: "210.664", 3: "261.792"}),
    ("2", ["Persentase layanan yang", "tuntas tepat waktu (persen)"], {1: "95"}),
    ("3", ["Jumlah kabupaten/kota yang menerapkan", "- Good Farming Practice", "(GFP) (kabupaten/kota)", "- Good Breeding Practice",
           "(GBP) (kabupaten/kota)"], {2: "5", 4: "6"}),
    ("4", ["Jumlah kasus penyakit (kasus)", "- Anthrax", "- Rabies", "- Brucellosis (%)"], {1: "0", 2: "0", 3: "3,5"}),
    # a figure on a line of its own under its label (the cell aligned to its bottom), a blank line before the next item
    ("5", ["3.1. Jumlah pelaku usaha yang bisa", "mengakses pasar regional (unit)", "", "", "3.2. Jumlah sarana pemasaran yang",
           "memenuhi standar pelayanan (buah)", ""], {2: "5", 6: "7"}),
)  # fmt: skip


def draw_table(path: Path) -> None:
    canvas = Canvas(str(path), pagesize=(595.0, 842.0))
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(170, 800, "PERJANJIAN KINERJA TAHUN 2024")
    y = 770.0
    rows = [("No", ["Indikator Kinerja"], {0: "Target"})] + list(GROUPS)
    canvas.setLineWidth(0.8)
    for no, labels, figures in rows:
        canvas.setFont("Helvetica", 9)
        bottom = y - LINE * len(labels) - 6
        for i, text in enumerate(labels):
            base = y - LINE * (i + 1)
            if i == 0:
                canvas.drawString(COLUMNS[0] + 4, base, no)
            canvas.drawString(COLUMNS[1] + 4, base, text)
            if i in figures:
                canvas.drawRightString(COLUMNS[3] - 6, base, figures[i])
        canvas.line(COLUMNS[0], y, COLUMNS[-1], y)
        y = bottom
    canvas.line(COLUMNS[0], y, COLUMNS[-1], y)
    for x in COLUMNS:
        canvas.line(x, 770.0, x, y)
    canvas.save()


def expected() -> list[tuple[str, str]]:
    """(the row's indicator ends with, its target) for every figure printed: the label on the
    figure's line, or the last one above it."""
    return [([t for t in labels[: i + 1] if t][-1].split("- ")[-1], figure) for _, labels, figures in GROUPS for i, figure in figures.items()]


def layered_scan(tmp_path: Path, angle: float) -> tuple[Path, list]:
    """The scan, and its pages with the original's characters as their text layer."""
    original = tmp_path / "pk.pdf"
    draw_table(original)
    scan = scan_pdf(original, tmp_path / "pk-scan.pdf", Scan("pk", 200, angle, 75, 3))
    pages = [replace(p, chars=v.chars) for p, v in zip(read_pages(scan), read_pages(original))]
    assert layered_pages(pages) == [1]
    return scan, pages


def as_laid(pages: list, angle: float, dx: float, dy: float, scale: float) -> list:
    """The text layer as a third-party OCR lays it over the image as scanned: turned with the
    page by `angle` degrees (counter-clockwise, as scanned.py turns the image), and a little
    off it (`dx`, `dy` points, `scale`)."""
    turn = math.radians(angle)

    def laid(c, width: float, height: float):
        x, y = (c.x0 + c.x1) / 2 - width / 2, (c.top + c.bottom) / 2 - height / 2
        mx = (x * math.cos(turn) + y * math.sin(turn) - x) * scale + dx
        my = (-x * math.sin(turn) + y * math.cos(turn) - y) * scale + dy
        return replace(c, x0=c.x0 * scale + mx, x1=c.x1 * scale + mx, top=c.top * scale + my, bottom=c.bottom * scale + my)

    return [replace(p, chars=[laid(c, p.width, p.height) for c in p.chars]) for p in pages]


def targets(pages: list) -> list[tuple[str, str]]:
    return [(r.fields["indicator"], r.fields["target"]) for r in extract_records(pages)[0] if r.kind == "pk_target"]


@pytest.mark.parametrize(("angle", "dx", "dy", "scale"), [(0.0, 0, 0, 1.0), (1.2, 0, 0, 1.0), (-1.8, 0, 0, 1.0), (0.0, 2, 3, 1.0), (-0.6, 3, -3, 0.99)])
def test_each_stacked_figure_gets_its_own_row_and_label(tmp_path: Path, angle: float, dx: float, dy: float, scale: float) -> None:
    scan, pages = layered_scan(tmp_path, angle)
    pages = as_laid(pages, angle, dx, dy, scale)
    read = targets(with_image_rules(scan, pages, [1], layered=True))
    assert [t for _, t in read] == [t for _, t in expected()]
    assert all(indicator.endswith(tail) for (indicator, _), (tail, _) in zip(read, expected()))


def test_uncut_the_stacked_rows_reader_gives_the_same_figures_and_the_cut_is_a_finding(tmp_path: Path) -> None:
    scan, pages = layered_scan(tmp_path, 0.0)
    # Without the cut, the ruled rows' stacked targets are split by extractors/stacked.py: the same figures.
    uncut = targets(with_image_rules(scan, pages, [1]))
    assert [t for _, t in uncut] == [t for _, t in expected()]
    cut = with_image_rules(scan, pages, [1], layered=True)
    findings = rows_cut_at_figures(cut)
    ruled_rows_cut = sum(len(figures) > 1 for _, _, figures in GROUPS)
    assert [f.fields["check"] for f in findings] == ["extraction_rows_cut_at_figures"]
    assert findings[0].fields["computed"] == str(ruled_rows_cut)
