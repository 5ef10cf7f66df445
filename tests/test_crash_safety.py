"""SIGKILL `kinerja ingest` at random moments, then let it finish: nothing lost, nothing half-loaded.

The fast variant (CI) kills up to 5 times on 28 files through the test session's Prefect API.
KINERJA_CRASH_LONG=1 runs the long variant: 25 kills on 44 files, each run starting its
own temporary Prefect server as a user's run does:

    KINERJA_CRASH_LONG=1 .venv/bin/python -m pytest -q -s tests/test_crash_safety.py
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.support import SAMPLES, holds_open, ingest_env, start_ingest

pytestmark = pytest.mark.usefixtures("prefect_api")

LONG = os.environ.get("KINERJA_CRASH_LONG") == "1"
SEED = 20240501
# The quick samples (the WeasyPrint one takes seconds on its own).
FAST_SAMPLES = [p for p in sorted(SAMPLES.glob("*.pdf")) if not p.name.endswith("-html.pdf")]
_TABLE = re.compile(r"^(core|raw)\.[a-z_]+$")


def build_corpus(folder: Path, copies: int) -> dict[str, str]:
    """Renamed copies of the samples (each copy's bytes differ: an appended comment), one
    byte-identical duplicate and three bad files; returns file name -> expected status."""
    folder.mkdir(parents=True)
    expected: dict[str, str] = {}
    for n in range(copies):
        for sample in FAST_SAMPLES:
            name = f"salinan {n} {sample.stem}.pdf"
            data = sample.read_bytes() + (f"\n% copy {n}\n".encode() if n else b"")
            (folder / name).write_bytes(data)
            expected[name] = "loaded"
    shutil.copy(FAST_SAMPLES[0], folder / "zz duplikat.pdf")
    expected["zz duplikat.pdf"] = "duplicate"
    (folder / "kosong.pdf").write_bytes(b"")
    (folder / "terpotong.pdf").write_bytes(FAST_SAMPLES[1].read_bytes()[:3000])
    (folder / "dokumen word.pdf").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    expected.update({"kosong.pdf": "quarantined", "terpotong.pdf": "quarantined", "dokumen word.pdf": "quarantined"})
    return expected


def kill_at_random(proc: subprocess.Popen, db: Path, rng: random.Random, window: tuple[float, float]) -> bool:
    """Wait until the run has opened the warehouse, then SIGKILL it after a random delay;
    True if it was killed (False if it finished first)."""
    deadline = time.monotonic() + 120
    while not holds_open(proc.pid, db) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(*window))
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its forkserver, extraction children, Prefect server
    except ProcessLookupError:
        pass
    proc.stdout.close()
    proc.stderr.close()
    return killed


def files_recorded(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM core.files").fetchone()[0]
    except duckdb.CatalogException:
        return 0  # killed before the first migration committed
    finally:
        con.close()


def assert_consistent(db: Path, folder: Path, expected: dict[str, str]) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT file_name, file_path, status FROM bi.files").fetchall()
        assert sorted(r[0] for r in rows) == sorted(expected), "every file accounted for exactly once"
        assert all(Path(r[1]).parent == folder for r in rows)
        assert {r[0]: r[2] for r in rows} == expected
        loaded = {d for (d,) in con.execute("SELECT document_id FROM core.files WHERE status = 'loaded'").fetchall()}
        documents = {d for (d,) in con.execute("SELECT document_id FROM core.documents").fetchall()}
        assert documents == loaded
        loads = con.execute("SELECT document_id, table_name, row_count FROM meta.loads").fetchall()
        assert {d for d, _, _ in loads} == loaded
        for document_id, table, row_count in loads:
            assert _TABLE.match(table), table
            only_loaded = " AND status = 'loaded'" if table == "core.files" else ""  # duplicates name it too
            (n,) = con.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?{only_loaded}", [document_id]).fetchone()
            assert n == row_count, f"{table} holds {n} rows of {document_id[:12]}, meta.loads says {row_count}"
        for (table,) in con.execute("SELECT DISTINCT table_name FROM meta.loads").fetchall():
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE document_id NOT IN "
                "(SELECT document_id FROM core.files WHERE status = 'loaded')"
            ).fetchone()[0]
            assert orphans == 0, f"{table} holds rows of a document without a loaded file"
    finally:
        con.close()


def test_sigkill_at_random_moments_then_finish(tmp_path):
    # A run must outlast the window, or no kill lands in its loading (3 copies: 49 files; 2 ran out on a fast day).
    copies, kills, window = (3, 25, (0.5, 14.0)) if LONG else (3, 5, (1.5, 6.0))
    folder = tmp_path / "in"
    expected = build_corpus(folder, copies)
    db = tmp_path / "w.duckdb"
    env = ingest_env(tmp_path, own_server=LONG)
    rng = random.Random(SEED)
    progress: list[int] = []
    killed_runs = 0
    for _ in range(kills):
        killed = kill_at_random(start_ingest(folder, db, env), db, rng, window)
        if db.exists():
            progress.append(files_recorded(db))
        if not killed:
            break
        killed_runs += 1
    # The test proves something only if runs were really killed, at least once mid-run.
    assert killed_runs >= 1, "no run was killed: every run finished before its kill"
    assert any(n < len(expected) for n in progress), f"no kill interrupted a run: files recorded {progress}"
    final = start_ingest(folder, db, env)
    out, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()[-2000:]
    assert_consistent(db, folder, expected)
    print(f"files recorded after each kill: {progress} of {len(expected)}")
