"""A document that lost a page of one of its tables says so itself.

Every sample of the corpus whose table runs over several pages is broken on purpose, one
page of the table dropped at a time (as a bad scan or a careless merge of PDFs does), and
run through the real flow: each broken copy must carry an `extraction_` mismatch in
bi.reconciliation, while the intact samples carry none (tests/test_data_tests.py and
test_samples_truth.py hold those to their truth).
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pytest

from flows.ingest import ingest
from tests.support import SAMPLES, query, truth_files

pytestmark = pytest.mark.usefixtures("prefect_api")

TABLE_FACTS = ("indicator_targets", "period_targets", "budget_lines")


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
    db = tmp_path / "broken.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db))
    assert {Path(i.file).name for i in summary.items} == set(made)
    flagged = {
        r["file_name"]
        for r in query(
            db,
            "SELECT DISTINCT f.file_name FROM bi.reconciliation r JOIN bi.files f USING (document_id) "
            "WHERE r.check_name LIKE 'extraction_%' AND r.status = 'mismatch'",
        )
    }
    quarantined = {Path(i.file).name for i in summary.items if i.status == "quarantined"}
    silent = sorted(set(made) - flagged - quarantined)
    assert silent == [], f"broken copies loaded as if complete: {silent}"
