"""A document that lost part of one of its tables says so itself.

Every sample of the corpus is broken on purpose and run through the real flow: one page of
a table that runs over several pages dropped at a time (as a bad scan or a careless merge
of PDFs does), or one column of a table cut out (its printed values removed from the
page, as a crop or a redaction does). Each broken copy must carry an `extraction_`
mismatch in all_versions.reconciliation (the copies of one sample are versions of one
another, so bi shows one of them), while the intact samples carry none (tests/test_data_tests.py
and test_samples_truth.py hold those to their truth).
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from flows.ingest import ingest
from tests.support import SAMPLES, query, truth_files

pytestmark = pytest.mark.usefixtures("prefect_api")

TABLE_FACTS = ("indicator_targets", "period_targets", "budget_lines")
VALUE_COLUMNS = {"indicator_targets": "target_raw", "period_targets": "target_raw", "budget_lines": "amount_raw"}


def table_pages(truth: dict) -> set[int]:
    """Pages that hold rows of a table which also has rows on another page."""
    pages: set[int] = set()
    for fact in TABLE_FACTS:
        by_source: dict[str, set[int]] = {}
        for row in truth.get(fact, []):
            by_source.setdefault(row.get("source", fact), set()).add(row["page"])
        for spread in by_source.values():
            if len(spread) > 1:
                pages |= spread
    return pages


def without_page(pdf: Path, page: int, out: Path) -> None:
    source = pypdfium2.PdfDocument(str(pdf))
    try:
        copy = pypdfium2.PdfDocument.new()
        copy.import_pages(source, [i for i in range(len(source)) if i != page - 1])
        copy.save(str(out))
        copy.close()
    finally:
        source.close()


def without_values(pdf: Path, values_by_page: dict[int, set[str]], out: Path) -> int:
    """A copy of ``pdf`` with the text objects that print one of the page's values (or a
    wrapped part of one) removed; returns how many were removed."""
    doc = pypdfium2.PdfDocument(str(pdf))
    removed = 0
    try:
        for number, values in values_by_page.items():
            page = doc[number - 1]
            text_page = page.get_textpage()
            for obj in list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT])):
                text = text_page.get_text_bounded(*obj.get_bounds()).strip()
                if text and any(text == v or v.startswith(text + " ") or v.endswith(" " + text) for v in values):
                    page.remove_obj(obj)
                    removed += 1
            page.gen_content()
        doc.save(str(out))
    finally:
        doc.close()
    return removed


def flagged_and_quarantined(folder: Path, db: Path) -> tuple[set[str], set[str], set[str]]:
    """(every file the run saw, the loaded ones with an extraction_ mismatch, the quarantined)."""
    summary = ingest(paths=[str(folder)], db=str(db))
    flagged = {
        r["file_name"]
        for r in query(
            db,
            "SELECT DISTINCT f.file_name FROM all_versions.reconciliation r JOIN bi.files f USING (document_id) "
            "WHERE r.check_name LIKE 'extraction_%' AND r.status = 'mismatch'",
        )
    }
    quarantined = {Path(i.file).name for i in summary.items if i.status == "quarantined"}
    return {Path(i.file).name for i in summary.items}, flagged, quarantined


def test_a_document_with_a_column_of_a_table_cut_out_is_flagged(tmp_path):
    folder = tmp_path / "cut"
    folder.mkdir()
    made: list[str] = []
    for truth_path in truth_files():
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for fact, column in VALUE_COLUMNS.items():
            by_page: dict[int, set[str]] = {}
            for row in truth.get(fact, []):
                if row.get(column):
                    by_page.setdefault(row["page"], set()).add(row[column])
            name = f"{Path(truth['file']).stem}-without-{fact}-{column}.pdf"
            if by_page and without_values(SAMPLES / truth["file"], by_page, folder / name) > 0:
                made.append(name)
            else:
                (folder / name).unlink(missing_ok=True)
    assert len(made) >= 15
    seen, flagged, quarantined = flagged_and_quarantined(folder, tmp_path / "cut.duckdb")
    assert seen == set(made)
    silent = sorted(set(made) - flagged - quarantined)
    assert silent == [], f"copies with a column cut out loaded as if complete: {silent}"


def test_a_document_missing_a_page_of_a_table_is_flagged(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    made: dict[str, int] = {}
    for truth_path in truth_files():
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for page in sorted(table_pages(truth)):
            name = f"{Path(truth['file']).stem}-without-p{page}.pdf"
            without_page(SAMPLES / truth["file"], page, folder / name)
            made[name] = page
    assert len(made) >= 10
    seen, flagged, quarantined = flagged_and_quarantined(folder, tmp_path / "broken.duckdb")
    assert seen == set(made)
    silent = sorted(set(made) - flagged - quarantined)
    assert silent == [], f"broken copies loaded as if complete: {silent}"
