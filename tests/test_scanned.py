"""Scanned versions of sample agreements (samples/scanned: no text layer, rotated, noisy,
JPEG, a stamp over the signature) through the real flow: OCR'd, scored against the
originals' truth, and never loaded silently as certain."""

from __future__ import annotations

import hashlib
import json
import shutil

import duckdb
import pytest

from extractors.ocr_checks import LOW_CONFIDENCE
from flows.evaluate import FIGURES, NUMERIC, evaluate, flagged_on_row, silently_wrong, totals
from tests.support import ROOT, query

SCANNED = ROOT / "samples" / "scanned"
# A ratchet measured on these scans (README, "Scanned documents: OCR"): numeric fields exact
# may only rise. Measured 225 of 225 (twice, 2026-11-30) once a mark glued to a period label
# ('Y,') is read past and a '%' read as '4' is put back from its row (extractors/ocr_repair.py);
# 206 before them, 57 with the table rules read, 49 without ruling lines from the image. Two
# runs of the same OCR have differed by a field: the floor keeps 2 below, the 99%.
NUMERIC_EXACT_FLOOR = 223 / 225

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


def _flagged(db, view: str, row: dict) -> bool:
    with duckdb.connect(str(db), read_only=True) as con:
        return flagged_on_row(con, view, row)


def test_every_figure_read_by_ocr_keeps_its_confidence_and_a_doubtful_one_is_flagged_on_its_row(scanned_db):
    db, _, _ = scanned_db
    figures = 0
    for view, (raw, _) in FIGURES.items():
        for row in query(db, f"SELECT v.*, d.ocr_used FROM all_versions.{view} v JOIN bi.documents d USING (document_id)"):
            if not any(ch.isdigit() for ch in row[raw] or ""):
                continue
            figures += 1
            assert row["ocr_used"] and row["ocr_confidence"] is not None and 0 <= row["ocr_confidence"] <= 100, row
            assert _flagged(db, view, row) or row["ocr_confidence"] >= LOW_CONFIDENCE, row
    assert figures > 0
    for finding in query(db, "SELECT computed FROM all_versions.reconciliation WHERE check_name = 'extraction_ocr_low_confidence'"):
        assert finding["computed"] is None or finding["computed"] < LOW_CONFIDENCE


def test_every_wrong_figure_of_a_scan_is_null_flagged_on_its_row_or_caught_by_reconciliation(scanned_db):
    """The issue's promise, from the truth: a figure OCR misread is never loaded silently as
    certain. Each numeric field of a loaded scan that differs from the original's truth is
    NULL, or has an extraction_ finding on its row, or a reconciliation check reports it."""
    db, folder, _ = scanned_db
    scores = [d for d in evaluate(db, folder, SCANNED) if d.loaded]
    assert scores, "no scan was loaded"
    with duckdb.connect(str(db), read_only=True) as con:
        assert silently_wrong(con, scores) == []


def test_every_repaired_figure_is_the_originals_and_stated_on_its_row(scanned_db):
    """A '%' put back (extraction_ocr_repaired) gives the original's figure: no figure that
    differs from the truth lies under a repair."""
    db, folder, _ = scanned_db
    scores = [d for d in evaluate(db, folder, SCANNED) if d.loaded]
    repairs = query(db, "SELECT document_id, page, x0, top, x1, bottom FROM raw.records "
                        "WHERE kind = 'finding' AND json_extract_string(fields, '$.check') = 'extraction_ocr_repaired'")  # fmt: skip
    for w in (w for d in scores for s in d.by_fact.values() for w in s.wrong if w.kind == "period_targets" and w.field in NUMERIC):
        key = [w.row["document_id"], w.row["line_no"]]
        box = query(db, "SELECT x0, top, x1, bottom FROM core.period_targets WHERE document_id = ? AND line_no = ?", key)[0]
        x, y = (box["x0"] + box["x1"]) / 2, (box["top"] + box["bottom"]) / 2
        assert not any(r["document_id"] == w.row["document_id"] and r["page"] == w.row["page"] and r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"]
                       for r in repairs), w  # fmt: skip


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
    # Confidence is OCR's: NULL on every figure of a text layer, kept on those of a scan.
    confidence = query(db, "SELECT d.file_name, count(t.ocr_confidence) AS known, count(*) AS figures FROM all_versions.budget_lines t "
                           "JOIN bi.documents d USING (document_id) GROUP BY 1")  # fmt: skip
    for row in confidence:
        assert row["figures"] > 0 and row["known"] == (row["figures"] if row["file_name"] in pairs.values() else 0), row
