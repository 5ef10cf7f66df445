"""`kinerja export`: every bi view of a real warehouse (the samples ingested by the real
flow) written as Parquet, CSV and XLSX, and read back with the same rows and exact amounts."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import duckdb
import pytest

from tests.support import ROOT, query
from warehouse.export import export_bi


def _views(db) -> list[str]:
    return [r["table_name"] for r in query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'bi' ORDER BY 1")]


def test_parquet_reads_back_the_same_rows_with_exact_decimals(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "bi"
    counts = export_bi(db, "parquet", out)
    assert sorted(counts) == _views(db) and counts["budget_lines"] > 0
    con = duckdb.connect()
    for view, n in counts.items():
        source = str(out / view / "**" / "*.parquet") if (out / view).is_dir() else str(out / f"{view}.parquet")
        assert con.execute(f"SELECT count(*) FROM read_parquet('{source}', hive_partitioning = true)").fetchone()[0] == n, view
    amounts = con.execute(
        f"SELECT document_id, line_no, amount_idr FROM read_parquet('{out}/budget_lines/**/*.parquet', hive_partitioning = true) ORDER BY 1, 2"
    ).fetchall()
    expected = [tuple(r.values()) for r in query(db, "SELECT document_id, line_no, amount_idr FROM bi.budget_lines ORDER BY 1, 2")]
    assert amounts == expected and all(isinstance(a, Decimal) for *_, a in amounts if a is not None)
    years = sorted(p.name for p in (out / "budget_lines").iterdir())
    assert years and all(y.startswith("fiscal_year=") for y in years)


def test_an_export_replaces_the_previous_one_whole(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "bi"
    export_bi(db, "csv", out)
    (out / "stale.csv").write_text("left from an older export\n")
    counts = export_bi(db, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f"{v}.csv" for v in counts), "dictionary.csv"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bi.")]  # no partial or old folder left


def test_xlsx_has_a_sheet_per_view_with_exact_amounts(ingested, tmp_path):
    from openpyxl import load_workbook

    db, _ = ingested
    counts = export_bi(db, "xlsx", tmp_path / "bi")
    book = load_workbook(tmp_path / "bi" / "bi.xlsx", read_only=True)
    assert book.sheetnames == sorted(counts)
    for view, n in counts.items():
        assert sum(1 for _ in book[view].iter_rows(values_only=True)) == n + 1, view
    header, *rows = book["budget_lines"].iter_rows(values_only=True)
    got = sorted(str(r[header.index("amount_idr")]) for r in rows if r[header.index("amount_idr")] is not None)
    want = sorted(str(r["amount_idr"]) for r in query(db, "SELECT amount_idr FROM bi.budget_lines WHERE amount_idr IS NOT NULL"))
    assert [Decimal(g) for g in got] == [Decimal(w) for w in want]


@pytest.mark.parametrize("args, message", [
    (["--format", "json"], "one of parquet, csv, xlsx"),
    (["--format", "csv", "--db", "/nonexistent/k.duckdb"], "no warehouse at"),
])
def test_the_command_refuses_bad_input_in_one_line(tmp_path, args, message):
    done = subprocess.run([sys.executable, "-m", "flows.cli", "export", "--out", str(tmp_path / "bi"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and message in done.stderr
