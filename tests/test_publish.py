"""BI tools read the snapshot each run publishes, never the warehouse an ingest holds.

Readers are real processes (DuckDB shares one open database among a process's
connections to a path, so a second connection in this process would not be a new reader)
and the warehouse is held by a real process, as an ingest holds it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from typer.testing import CliRunner

from flows.cli import app
from tests.support import ROOT, SAMPLES, ingest_env, load_truth, query, truth_files

MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"
JABAR = SAMPLES / "kanwil-djpb-jabar-2025-pk.pdf"
MALANG = SAMPLES / "kppn-malang-2025-pk-revisi.pdf"  # the current version of the Malang PK 2025
BI_QUERY = "SELECT unit, fiscal_year, sum(amount_idr) FROM bi.budget_lines WHERE level='program' GROUP BY ALL"

# Opens the warehouse for writing and keeps it, inside a transaction, until told to stop: what an ingest does.
HOLDER = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute("SELECT count(*) FROM bi.documents").fetchall()
print("holding", flush=True)
sys.stdin.readline()
"""
# Opens a file read-only once, then answers each line on stdin: 'budget' with the program
# budgets per unit and year it sees, anything else with the document ids it sees.
READER = f"""
import duckdb, json, sys
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
for line in sys.stdin:
    if line.strip() == "budget":
        answer = sorted([unit, year, str(amount)] for unit, year, amount in con.execute("{BI_QUERY}").fetchall())
    else:
        answer = sorted(r[0] for r in con.execute("SELECT document_id FROM bi.documents").fetchall())
    print(json.dumps(answer), flush=True)
"""


def _start(script: str, path: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = child.stdout.readline()
    assert first.strip() in ("holding", "open"), child.stderr.read()
    return child


def _ask(reader: subprocess.Popen, question: str = "documents") -> list:
    reader.stdin.write(question + "\n")
    reader.stdin.flush()
    line = reader.stdout.readline()
    assert line, reader.stderr.read()
    return json.loads(line)


def _stop(child: subprocess.Popen) -> None:
    child.stdin.close()
    child.wait(30)


def _sha(pdf: Path) -> str:
    return hashlib.sha256(pdf.read_bytes()).hexdigest()


def _program_budgets_from_truth(document_ids: set[str]) -> dict[tuple[str, int], Decimal]:
    """The program totals per unit and year, summed from the truth files of these documents."""
    sums: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for path in truth_files():
        truth = load_truth(path)
        if _sha(SAMPLES / truth["file"]) not in document_ids:
            continue
        for line in truth["budget_lines"]:
            if line["level"] == "program":
                sums[(truth["document"]["unit"], truth["document"]["fiscal_year"])] += Decimal(line["amount_idr"])
    return dict(sums)


def _view_counts(db: Path) -> dict[str, int]:
    views = query(db, "SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database()")
    return {f"{v['schema_name']}.{v['view_name']}": query(db, f"SELECT count(*) AS n FROM {v['schema_name']}.{v['view_name']}")[0]["n"] for v in views}


def test_bi_tools_read_the_snapshot_while_an_ingest_holds_the_warehouse(ingested):
    db, summary = ingested
    snapshot = db.with_name("kinerja.bi.duckdb")
    assert summary.snapshot is not None and summary.snapshot.status == "published" and Path(summary.snapshot.path) == snapshot
    counts = _view_counts(db)  # read before the writer takes the file
    documents = sorted(r["document_id"] for r in query(db, "SELECT document_id FROM bi.documents"))
    budgeted = {r["document_id"] for r in query(db, "SELECT DISTINCT document_id FROM bi.budget_lines")}
    assert {_sha(MALANG), _sha(JABAR), _sha(SAMPLES / "djpk-dit-dtu-2026-pk.pdf")} <= budgeted
    expected = _program_budgets_from_truth(budgeted)

    holder = _start(HOLDER, db)
    try:
        with pytest.raises(duckdb.IOException, match="lock"):  # what a BI tool pointed at the warehouse meets
            duckdb.connect(str(db), read_only=True)
        engine = sqlalchemy.create_engine(f"duckdb:///{snapshot}", connect_args={"read_only": True})  # as Superset does
        try:
            with engine.connect() as bi:
                other = _start(READER, snapshot)  # a second BI process on the snapshot at the same time
                rows = bi.execute(sqlalchemy.text(BI_QUERY)).fetchall()
                assert _ask(other) == documents
                _stop(other)
        finally:
            engine.dispose()
        assert {(unit, year): amount for unit, year, amount in rows} == expected
        assert all(isinstance(amount, Decimal) for _, _, amount in rows)
        assert _view_counts(snapshot) == counts  # every view works in the copy, those over core/meta tables included
        assert counts["bi.reconciliation"] > 0 and counts["bi.budget_lines"] > 0
    finally:
        _stop(holder)


def test_a_new_snapshot_replaces_the_old_whole_and_open_readers_keep_theirs(prefect_api, tmp_path):
    from flows.ingest import ingest

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for pdf in (MEDAN, JABAR):
        shutil.copy(pdf, inbox / pdf.name)
    db = tmp_path / "k.duckdb"
    snapshot = tmp_path / "k.bi.duckdb"
    assert ingest(paths=[str(inbox)], db=str(db)).snapshot.status == "published"
    first = sorted([_sha(MEDAN), _sha(JABAR)])
    old_budgets = sorted([unit, year, str(amount)] for (unit, year), amount in _program_budgets_from_truth(set(first)).items())

    reader = _start(READER, snapshot)
    try:
        assert _ask(reader) == first
        replaced = snapshot.stat().st_ino
        shutil.copy(MALANG, inbox / MALANG.name)
        second = ingest(paths=[str(inbox)], db=str(db))
        assert second.snapshot.status == "published" and snapshot.stat().st_ino != replaced  # a new file renamed over the old
        assert _ask(reader) == first  # the reader keeps the snapshot it opened,
        assert _ask(reader, "budget") == old_budgets  # and answers a new query from it
        assert [r["document_id"] for r in query(snapshot, "SELECT document_id FROM bi.documents ORDER BY 1")] == sorted([*first, _sha(MALANG)])
        budgets = query(snapshot, BI_QUERY.replace("sum(amount_idr)", "sum(amount_idr) AS s"))
        assert {(r["unit"], r["fiscal_year"]): r["s"] for r in budgets} == _program_budgets_from_truth({*first, _sha(MALANG)})
    finally:
        _stop(reader)
    inode = snapshot.stat().st_ino
    assert ingest(paths=[str(inbox)], db=str(db)).snapshot.status == "unchanged"
    assert snapshot.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", "k.bi.duckdb", "k.duckdb"]  # no partial copy, no .wal left


def _cli(args: list[str], env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", *args, "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_no_publish_writes_nothing_and_the_next_run_publishes_what_is_missing(prefect_api, tmp_path):
    env = ingest_env(tmp_path, own_server=False)
    db = tmp_path / "wh" / "k.duckdb"
    db.parent.mkdir()
    assert _cli([str(MEDAN), "--db", str(db), "--no-publish"], env)["snapshot"] is None
    assert sorted(p.name for p in db.parent.iterdir()) == ["k.duckdb"]

    target = tmp_path / "bi" / "snap.duckdb"
    target.parent.mkdir()
    env["KINERJA_PUBLISH"] = str(target)
    again = _cli([str(MEDAN), "--db", str(db)], env)  # nothing new, but the snapshot is missing
    assert again["new"] == 0 and again["snapshot"] == {"path": str(target), "status": "published", "detail": None}
    assert [r["document_id"] for r in query(target, "SELECT document_id FROM bi.documents")] == [_sha(MEDAN)]
    assert _cli([str(MEDAN), "--db", str(db)], env)["snapshot"]["status"] == "unchanged"
    assert sorted(p.name for p in db.parent.iterdir()) == ["k.duckdb"]
    more = _cli([str(MEDAN), str(JABAR), "--db", str(db)], env)  # through the flow, the command's own connection open too
    assert more["new"] == 1 and more["snapshot"]["status"] == "published"
    assert sorted(r["document_id"] for r in query(target, "SELECT document_id FROM bi.documents")) == sorted([_sha(MEDAN), _sha(JABAR)])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--publish", "{db}"], "cannot be the warehouse itself"),
        (["--publish", "{tmp}/nowhere/snap.duckdb"], "of the BI snapshot does not exist"),
        (["--publish", "{tmp}/snap.duckdb", "--no-publish"], "contradict each other"),
    ],
)
def test_a_snapshot_path_that_cannot_work_is_a_usage_error(tmp_path, extra, message):
    db = tmp_path / "k.duckdb"
    args = [a.format(db=db, tmp=tmp_path) for a in extra]
    result = CliRunner().invoke(app, ["ingest", str(MEDAN), "--db", str(db), *args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert not db.exists()
