"""Two `kinerja ingest` processes on one warehouse, and a BI reader while a writer runs.

DuckDB lets one process open a database file read-write, and while it does no other
process can open it at all, not even read-only: the second writer waits up to
--lock-timeout and exits 1 with one line; a reader gets a clear error until the writer ends.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb
import pytest

from tests.pdf_mutations import slow_page
from tests.support import SAMPLES, holds_open, ingest_env, query
from warehouse.db import WarehouseLocked, open_reader

pytestmark = pytest.mark.usefixtures("prefect_api")

MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"
MALANG = SAMPLES / "kppn-malang-2025-pk.pdf"


def _ingest(args: list[str], env: dict[str, str]):
    import subprocess
    import sys

    from tests.support import ROOT

    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "ingest", *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_a_second_ingest_waits_for_the_lock_then_gives_up_or_proceeds(tmp_path):
    first_in = tmp_path / "first"
    first_in.mkdir()
    # A document that keeps the first run busy (and holding the file) for its 8 s time limit.
    (first_in / "lambat.pdf").write_bytes(slow_page())
    shutil.copy(MALANG, first_in / "malang.pdf")
    db = tmp_path / "w.duckdb"
    env = ingest_env(tmp_path, own_server=False)

    writer = _ingest([str(first_in), "--db", str(db), "--timeout", "8"], env)
    deadline = time.monotonic() + 60
    while not holds_open(writer.pid, db) and time.monotonic() < deadline:
        assert writer.poll() is None, writer.stderr.read()
        time.sleep(0.05)

    impatient = _ingest([str(MEDAN), "--db", str(db), "--lock-timeout", "1"], env)
    patient = _ingest([str(MEDAN), "--db", str(db), "--lock-timeout", "90", "--json"], env)

    # A BI tool reading the file while the writer runs: refused, with a clear message.
    with pytest.raises(duckdb.IOException, match="lock"):
        duckdb.connect(str(db), read_only=True)
    with pytest.raises(WarehouseLocked, match=r"in use by another kinerja run \(PID \d+\)"):
        open_reader(db)

    _, err = impatient.communicate(timeout=120)
    assert impatient.returncode == 1
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert f"in use by another kinerja run (PID {writer.pid})" in lines[0]
    assert "--lock-timeout" in lines[0] and "waited 1 s" in lines[0]

    _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    out, err = patient.communicate(timeout=120)
    assert patient.returncode == 0, err
    assert '"loaded": 1' in out

    # After the writers end, readers can read.
    verdicts = {r["file_name"]: (r["status"], r["reason"]) for r in query(db, "SELECT * FROM bi.files")}
    assert verdicts == {
        "lambat.pdf": ("quarantined", "timeout"),
        "malang.pdf": ("loaded", None),
        MEDAN.name: ("loaded", None),
    }
    con = open_reader(db)
    try:
        assert con.execute("SELECT count(*) FROM bi.documents").fetchone() == (2,)
    finally:
        con.close()


def test_kinerja_lock_timeout_must_be_a_number(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from flows.cli import app

    monkeypatch.setenv("KINERJA_LOCK_TIMEOUT", "lama")
    result = CliRunner().invoke(app, ["ingest", str(MEDAN), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "KINERJA_LOCK_TIMEOUT must be a number of seconds, not 'lama'" in result.output


def test_reading_a_missing_warehouse_says_what_to_do(tmp_path: Path):
    from warehouse.db import WarehouseError

    with pytest.raises(WarehouseError, match="run `kinerja ingest` first"):
        open_reader(tmp_path / "nothing.duckdb")
