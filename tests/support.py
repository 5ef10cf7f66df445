"""Helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"


def truth_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.truth.json"))


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def query(db: Path, sql: str, params: list | None = None) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]
    finally:
        con.close()


def ingest_env(tmp: Path, *, own_server: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(tmp / "prefect-home")
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"
    env["PREFECT_LOGGING_LEVEL"] = "ERROR"
    env["PYTHONPATH"] = str(ROOT)
    env.pop("KINERJA_DB", None)
    env.pop("KINERJA_PUBLISH", None)
    if own_server:
        env.pop("PREFECT_API_URL", None)
    else:
        from prefect.settings import PREFECT_API_URL

        env["PREFECT_API_URL"] = str(PREFECT_API_URL.value())  # the session's test API: no server start per run
    return env


def start_ingest(folder: Path, db: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "ingest", str(folder), "--db", str(db), "--workers", "2", "--json"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def holds_open(pid: int, db: Path) -> bool:
    """The process has the warehouse file open (Linux /proc): its run has begun."""
    try:
        return any(os.readlink(fd) == str(db) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
