"""Scanned versions of sample agreements (samples/scanned: no text layer, rotated, noisy,
JPEG, a stamp over the signature) through the real flow: OCR'd, scored against the
originals' truth, and never loaded silently as certain."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from flows.evaluate import evaluate, totals
from tests.support import ROOT, query

SCANNED = ROOT / "samples" / "scanned"
# A ratchet measured on these scans (README, "Scanned documents: OCR"): numeric fields exact
# may only rise. Measured 57 of 225: all 57 of the two PK scans, whose tables are now ruled
# from the page image (extractors/image_rules.py; 49 before). The Rincian scan now loads:
# its tables are found, but Tesseract reads the period header through the rules ('Qi a2
# smt a3'), so each is an extraction_table_not_read finding and no row (0 of 168). The
# issue's target is 99%.
NUMERIC_EXACT_FLOOR = 57 / 225

pytestmark = [
    pytest.mark.usefixtures("prefect_api"),
    pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="OCRmyPDF is not installed (make ocr)"),
]


@pytest.fixture(scope="module")
def scanned_db(tmp_path_factory):
    from flows.ingest import ingest

    folder = tmp_path_factory.mktemp("scanned")
    for pdf in SCANNED.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    db = folder / "scanned.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db), workers=2)
    return db, folder, summary


def _truths() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCANNED.glob("*.truth.json"))]


def test_each_scan_is_read_by_ocr_or_quarantined_requires_ocr(scanned_db):
    db, folder, _ = scanned_db
    files = {r["file_name"]: r for r in query(db, "SELECT file_name, status, reason, detail FROM bi.files")}
    assert sorted(files) == sorted(t["file"] for t in _truths())
    for name, row in files.items():
        assert (row["status"], row["reason"]) in {("loaded", None), ("quarantined", "requires_ocr")}, row
        if row["status"] == "loaded":
            original = hashlib.sha256((folder / name).read_bytes()).hexdigest()
            pages = json.loads((SCANNED / name.replace(".pdf", ".truth.json")).read_text())["document"]["page_count"]
            documents = query(db, "SELECT ocr_used, page_count FROM bi.documents WHERE document_id = ?", [original])
            assert documents == [{"ocr_used": True, "page_count": pages}]
        else:
            assert "OCR" in row["detail"]


def test_every_page_read_by_ocr_is_flagged(scanned_db):
    """Each loaded scan states that all its pages were read by OCR (extraction_ocr_read), so
    a misread figure on any of them is never loaded silently as certain."""
    db, _, _ = scanned_db
    rows = query(
        db,
        "SELECT d.file_name, d.page_count, r.stated, r.computed FROM bi.documents d LEFT JOIN all_versions.reconciliation r "
        "ON r.document_id = d.document_id AND r.check_name = 'extraction_ocr_read' AND r.status = 'mismatch'",
    )
    assert rows, "no scan was loaded"
    for row in rows:
        assert row["computed"] == row["page_count"] == row["stated"], row


def test_numeric_fields_exact_do_not_fall(scanned_db):
    db, folder, _ = scanned_db
    summed = totals(evaluate(db, folder, SCANNED))
    numeric = sum(s.numeric for (producer, _), s in summed.items() if producer == "all")
    correct = sum(s.numeric_correct for (producer, _), s in summed.items() if producer == "all")
    expected = sum(1 for t in _truths() for kind in ("indicator_targets", "period_targets", "budget_lines", "budget_totals")
                   for row in t.get(kind, []) for f in ("target_value", "scale_max", "amount_idr") if f in row)
    assert numeric == expected > 0
    assert correct / numeric >= NUMERIC_EXACT_FLOOR - 1e-9, f"{correct} of {numeric} numeric fields exact"


def test_no_misread_number_is_loaded_as_another_number(scanned_db):
    """What OCR could not read is left empty (NULL, or a row not loaded), never loaded as a
    different figure: every numeric field of a loaded scan is exact or NULL."""
    db, folder, _ = scanned_db
    numeric = ("target_value", "scale_max", "amount_idr")
    problems = [p for d in evaluate(db, folder, SCANNED) if d.loaded for s in d.by_fact.values() for p in s.problems]
    different = [p for p in problems if any(f".{f}: " in p for f in numeric) and ": None != truth" not in p]
    assert different == []


def test_a_scan_does_not_hide_the_born_digital_file_of_the_same_agreement(tmp_path):
    """The born-digital PK, then its scan: the same unit, year, signers and date, but the scan's
    OCR'd content differs, so two versions of one chain. The text layer stays current although
    the scan came later."""
    from flows.ingest import ingest
    from tests.support import SAMPLES

    db = tmp_path / "both.duckdb"
    pairs = {"kppn-malang-2025-pk.pdf": "kppn-malang-2025-pk-scan.pdf", "kanwil-djpb-jabar-2025-pk.pdf": "kanwil-djpb-jabar-2025-pk-scan.pdf"}
    for source, names in ((SAMPLES, list(pairs)), (SCANNED, list(pairs.values()))):
        folder = tmp_path / source.name
        folder.mkdir()
        for name in names:
            shutil.copy(source / name, folder / name)
        ingest(paths=[str(folder)], db=str(db), workers=2)
    versions = {r["file_name"]: r for r in query(
        db, "SELECT d.file_name, v.chain_id, v.is_current, d.ocr_used FROM bi.document_versions v JOIN bi.documents d USING (document_id)")}
    for original, scan in pairs.items():
        assert versions[original]["chain_id"] == versions[scan]["chain_id"], (original, scan)
        assert versions[original]["is_current"] and not versions[original]["ocr_used"]
        assert not versions[scan]["is_current"] and versions[scan]["ocr_used"]
