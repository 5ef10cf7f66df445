"""`kinerja reconcile` through the real command line on the samples' warehouse: the budget
mismatches the samples really have (worked out here from their truth files), filters,
exact JSON decimals, and its exit statuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from decimal import Decimal

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support import load_truth, query, truth_files

MISMATCHES = """SELECT r.document_id, d.file_name, d.unit, d.fiscal_year, r.check_name, r.subject, r.stated, r.computed, r.difference, r.status
                FROM bi.reconciliation r JOIN bi.documents d USING (document_id)"""


def _run(*args: str) -> dict:
    result = CliRunner().invoke(app, ["reconcile", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _key(row: dict) -> tuple:
    return row["file_name"], row["check_name"], row["subject"]


def _truth_program_mismatches() -> dict[tuple, tuple[Decimal, Decimal]]:
    """Each program whose printed amount is not the sum of the activities printed under it,
    from the hand-typed truth: (file, check, 'program <n>') -> (stated, computed)."""
    found = {}
    for path in truth_files():
        truth = load_truth(path)
        program, activities = None, Decimal(0)
        for line in [*truth.get("budget_lines", []), {"level": "program"}]:  # a last program row closes the last group
            if line["level"] == "activity":
                activities += Decimal(line["amount_idr"])
                continue
            if program is not None and activities and Decimal(program["amount_idr"]) != activities:
                found[(truth["file"], "program_total_vs_activities", f"program {program['program_no']}")] = (Decimal(program["amount_idr"]), activities)
            program, activities = line, Decimal(0)
    return found


def _indonesian(amount: Decimal) -> str:
    """79534353000 -> '79.534.353.000', worked out without kinerja's helper."""
    assert amount == amount.to_integral_value()
    return f"{int(amount):,}".replace(",", ".")


def test_the_samples_budget_mismatches_are_listed_with_their_amounts(ingested):
    db, _ = ingested
    expected = _truth_program_mismatches()
    assert len({file for file, *_ in expected}) == 3  # the DJPb agreement, printed by three producers
    current = {r["file_name"] for r in query(db, "SELECT file_name FROM bi.documents WHERE is_current")}
    expected = {k: v for k, v in expected.items() if k[0] in current}  # bi shows current documents only
    listed = _run("--db", str(db))["mismatches"]
    budget = {_key(r): (Decimal(r["stated"]), Decimal(r["computed"]), Decimal(r["difference"])) for r in listed if r["check_name"].startswith("program_")}
    assert budget == {k: (stated, computed, computed - stated) for k, (stated, computed) in expected.items()}
    stored = query(db, MISMATCHES + " WHERE r.status = 'mismatch'")
    assert sorted(map(_key, listed)) == sorted(map(_key, stored))

    table = CliRunner().invoke(app, ["reconcile", "--db", str(db)])
    assert table.exit_code == 0, table.output
    for (file, _, subject), (stated, computed) in expected.items():
        assert file in table.stdout and subject in table.stdout
        for amount in (stated, computed, computed - stated):
            text = _indonesian(abs(amount))
            assert ("-" + text if amount < 0 else text) in table.stdout, amount
    checked = [r for r in stored if not r["check_name"].startswith("extraction_")]
    documents = len({r["document_id"] for r in checked})
    assert f"{len(checked)} mismatches in {documents} documents; 0 documents state what they could not read" in table.stdout


def test_json_amounts_are_the_warehouse_decimals_exactly(ingested):
    db, _ = ingested
    listed = _run("--db", str(db), "--all")
    stored = {(r["document_id"], r["check_name"], r["subject"]): r for r in query(db, MISMATCHES)}
    assert listed["count"] == len(listed["mismatches"]) == len(stored)
    for row in listed["mismatches"]:
        want = stored[(row["document_id"], row["check_name"], row["subject"])]
        for column in ("stated", "computed", "difference"):
            got = row[column]
            assert got is None if want[column] is None else (isinstance(got, str) and Decimal(got) == want[column]), (column, row)
        assert (row["file_name"], row["unit"], row["fiscal_year"], row["status"]) == (want["file_name"], want["unit"], want["fiscal_year"], want["status"])


@pytest.mark.parametrize("unit, year", [("jenderal PERBENDAHARAAN", None), ("malang", None), (None, 2024), (None, 2023), ("perbendaharaan", 2025)])
def test_unit_and_year_narrow_the_rows(ingested, unit, year):
    db, _ = ingested
    everything = _run("--db", str(db), "--all")["mismatches"]
    args = [*(["--unit", unit] if unit else []), *(["--year", str(year)] if year else [])]
    narrowed = _run("--db", str(db), "--all", *args)["mismatches"]
    want = [r for r in everything if (unit is None or unit.lower() in r["unit"].lower()) and (year is None or r["fiscal_year"] == year)]
    assert narrowed == want and 0 < len(narrowed) < len(everything)
    mismatches = _run("--db", str(db), *args)["mismatches"]
    assert mismatches == [r for r in want if r["status"] == "mismatch"]


def test_rows_are_sorted_by_unit_year_file_check_subject(ingested):
    db, _ = ingested
    rows = _run("--db", str(db), "--all")["mismatches"]
    keys = [(r["unit"], r["fiscal_year"], r["file_name"], r["check_name"], r["subject"]) for r in rows]
    assert keys == sorted(keys)


def test_what_a_document_could_not_read_is_shown_apart(ingested, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested[0], db)
    medan = query(db, "SELECT document_id FROM bi.documents WHERE file_name = 'kppn-medan2-2026-pk.pdf'")[0]["document_id"]
    con = duckdb.connect(str(db))
    con.execute(
        "INSERT INTO raw.records (document_id, record_no, kind, page, fields) VALUES (?, 100000, 'finding', 3, ?)",
        [medan, json.dumps({"check": "extraction_unclaimed_figure", "subject": "Rp 1.000.000 under the budget table", "stated": "1", "computed": "0"})],
    )
    con.close()
    result = CliRunner().invoke(app, ["reconcile", "--db", str(db), "--unit", "medan"])
    assert result.exit_code == 0, result.output
    assert "extraction_ checks: what the documents state they could not read" in result.stdout
    assert "extraction_unclaimed_figure" in result.stdout
    listed = _run("--db", str(db), "--unit", "medan")["mismatches"]
    assert [(r["check_name"], r["subject"], r["stated"], r["computed"], r["difference"]) for r in listed] == [
        ("extraction_unclaimed_figure", "Rp 1.000.000 under the budget table (p3)", "1.000000", "0.000000", "-1.000000")
    ]
    assert "0 mismatches in 0 documents; 1 document states what it could not read" in result.stdout


def test_no_warehouse_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["reconcile", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no warehouse at" in result.output and "run `kinerja ingest` first" in result.output


def test_a_locked_warehouse_is_fatal_with_the_lock_message(ingested, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested[0], db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        result = CliRunner().invoke(app, ["reconcile", "--db", str(db)], env={**os.environ, "KINERJA_LOCK_TIMEOUT": "0"})
        assert result.exit_code == 1 and time.monotonic() - started < 20
        assert "is in use by" in result.output and f"PID {holder.pid}" in result.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
