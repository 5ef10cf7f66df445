"""The ingest flow's promises: reconciliation, idempotency, duplicates, quarantine, the CLI."""

from __future__ import annotations

import hashlib
import json
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.ingest import ingest
from tests.support import SAMPLES, query

DJPB = SAMPLES / "djpb-2024-pk-skp.pdf"
pytestmark = pytest.mark.usefixtures("prefect_api")


def test_reconciliation_reports_the_printed_budget_traps(ingested):
    db, _ = ingested
    djpb = hashlib.sha256(DJPB.read_bytes()).hexdigest()
    rows = query(
        db,
        "SELECT check_name, subject, stated, computed, difference, status FROM bi.reconciliation "
        "WHERE document_id = ? ORDER BY check_name, subject",
        [djpb],
    )
    mismatches = [(r["check_name"], r["subject"], r["stated"], r["computed"], r["difference"]) for r in rows if r["status"] == "mismatch"]
    assert mismatches == [
        ("program_total_vs_activities", "program 1", Decimal("79534353000"), Decimal("79524353000"), Decimal("-10000000")),
        ("program_total_vs_activities", "program 2", Decimal("7235932585000"), Decimal("7239932585000"), Decimal("4000000000")),
    ]
    by_check: dict[str, int] = {}
    for r in rows:
        by_check[r["check_name"]] = by_check.get(r["check_name"], 0) + 1
    # every indicator is checked: 20 PK vs Rincian Y, 20 PK vs SKP, 20 x 7 Rincian vs Lampiran;
    # and the document vouches for itself: its 5 sections and its PERILAKU KERJA have rows, its 3 numbered
    # sequences (programs, objectives, Rincian rows) have no gap, its Rincian and Lampiran
    # rows are linked to indicators and every PK / SKP indicator has its Rincian / Lampiran
    # row (all 'ok', none in the mismatches above)
    assert by_check == {
        "budget_total_vs_programs": 1,
        "pk_target_vs_rincian_year": 20,
        "pk_target_vs_skp_target": 20,
        "program_total_vs_activities": 2,
        "rincian_vs_skp_lampiran": 140,
        "extraction_indicator_without_rows": 2,
        "extraction_numbering_gap": 3,
        "extraction_section_without_rows": 6,
        "extraction_unlinked_rows": 2,
    }
    total = [r for r in rows if r["check_name"] == "budget_total_vs_programs"][0]
    assert (total["stated"], total["computed"], total["status"]) == (Decimal("7315466938000"), Decimal("7315466938000"), "ok")


def _snapshot(db: Path) -> dict[str, list]:
    """Every table and view except the run trace (which records each run by design)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = con.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema IN ('raw', 'core', 'bi') AND NOT (table_schema = 'bi' AND table_name = 'runs') ORDER BY 1"
        ).fetchall()
        return {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}").fetchall())) for (n,) in names}
    finally:
        con.close()


def test_ingest_is_idempotent_and_spots_duplicates_and_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DJPB, folder / "djpb.pdf")
    db = tmp_path / "w.duckdb"
    first = ingest(paths=[str(folder)], db=str(db))
    assert [(Path(i.file).name, i.status) for i in first.items] == [("djpb.pdf", "loaded")]
    before = _snapshot(db)

    again = ingest(paths=[str(folder)], db=str(db))
    assert [(i.status, i.new) for i in again.items] == [("loaded", False)]  # known from the first run
    assert first.items[0].new and again.as_json()["new"] == 0
    assert first.findings and again.findings == [], "findings are reported for new documents only"
    assert _snapshot(db) == before, "a second ingest of the same file changed the warehouse"

    shutil.copy(DJPB, folder / "DJPB copy.PDF")
    (folder / "letter.pdf").write_bytes(b"PK\x03\x04 this is a renamed docx")
    (folder / "empty.pdf").write_bytes(b"")
    third = ingest(paths=[str(folder)], db=str(db))
    outcome = {Path(i.file).name: (i.status, i.reason) for i in third.items}
    assert outcome == {
        "djpb.pdf": ("loaded", None),
        "DJPB copy.PDF": ("duplicate", None),
        "letter.pdf": ("quarantined", "not_a_pdf"),
        "empty.pdf": ("quarantined", "empty"),
    }
    files = {r["file_name"]: r for r in query(db, "SELECT * FROM bi.files")}
    assert files["DJPB copy.PDF"]["document_id"] == files["djpb.pdf"]["document_id"]
    assert "ZIP" in files["letter.pdf"]["detail"] and files["letter.pdf"]["document_id"] is None
    assert files["empty.pdf"]["detail"] == "the file is empty (0 bytes)"
    assert query(db, "SELECT count(*) AS n FROM bi.documents") == [{"n": 1}]


def test_text_pdf_that_is_not_an_agreement_is_quarantined(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    letter = tmp_path / "surat.pdf"
    c = canvas.Canvas(str(letter), pagesize=A4, invariant=1)
    c.drawString(72, 760, "Surat undangan rapat pembahasan Perjanjian Kinerja tahun 2024")
    c.drawString(72, 740, "Dengan hormat, kami mengundang Bapak/Ibu untuk hadir pada rapat.")
    c.save()
    summary = ingest(paths=[str(letter)], db=str(tmp_path / "w.duckdb"))
    assert [(i.status, i.reason) for i in summary.items] == [("quarantined", "not_a_performance_document")]


def test_cli_json_summary_and_usage_errors(tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(DJPB), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("files", "loaded", "duplicate", "quarantined")} == {"files": 1, "loaded": 1, "duplicate": 0, "quarantined": 0}
    assert data["items"][0]["status"] == "loaded" and len(data["items"][0]["document_id"]) == 64

    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert runner.invoke(app, ["ingest", str(DJPB), "--workers", "0"]).exit_code == 2


def test_cli_exits_1_when_the_warehouse_is_locked(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        result = CliRunner().invoke(app, ["ingest", str(DJPB), "--db", str(db), "--lock-timeout", "0"])
        assert result.exit_code == 1
        assert "another" in result.output.lower()
    finally:
        holder.kill()
        holder.wait()


def test_each_run_leaves_its_figures_as_prefect_artifacts(tmp_path):
    import json
    from uuid import UUID

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DJPB, folder / "djpb.pdf")
    (folder / "empty.pdf").write_bytes(b"")
    summary = ingest(paths=[str(folder)], db=str(tmp_path / "w.duckdb"))
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(summary.run_id)])))
    artifacts = {a.key: a for a in found}
    assert set(artifacts) == {"ingest-files", "ingest-slowest", "ingest-findings"}
    table = artifacts["ingest-files"].data
    counts = {row["status"]: row["files"] for row in (json.loads(table) if isinstance(table, str) else table)}
    assert counts == {"loaded": 1, "duplicate": 0, "quarantined": 1, "new": 2}
    slowest = artifacts["ingest-slowest"].data
    rows = json.loads(slowest) if isinstance(slowest, str) else slowest
    by_file = {r["file"]: r for r in rows}
    loaded = next(i for i in summary.items if i.status == "loaded")
    assert by_file["djpb.pdf"]["pages"] == loaded.pages > 0 and by_file["empty.pdf"]["pages"] is None
    assert [r["seconds"] for r in rows] == sorted((r["seconds"] for r in rows), reverse=True)
    assert summary.findings and all(f["check_name"] in artifacts["ingest-findings"].data for f in summary.findings)


def test_no_sample_is_flagged_by_an_extraction_check(ingested):
    """No false alarm: every sample reads back exactly (test_samples_truth), so none may say
    it could not vouch for something."""
    from flows.evaluate import flagged_documents

    db, summary = ingested
    assert summary.count("loaded") >= 13
    assert flagged_documents(db) == []
