"""Shared fixtures: a real Prefect test API, real sample PDFs, a real DuckDB file."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def truth_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.truth.json"))


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def prefect_api():
    """A real Prefect API (temporary, local) for the tests that run flows."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """A copy of the bundled sample PDFs (tests may add files beside them)."""
    target = tmp_path_factory.mktemp("samples")
    for pdf in SAMPLES.glob("*.pdf"):
        shutil.copy(pdf, target / pdf.name)
    return target


@pytest.fixture(scope="session")
def ingested(prefect_api, sample_dir, tmp_path_factory):
    """The ingest flow run once over the samples into a fresh warehouse file."""
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("wh") / "kinerja.duckdb"
    summary = ingest(paths=[str(sample_dir)], db=str(db))
    return db, summary


def query(db: Path, sql: str, params: list | None = None) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]
    finally:
        con.close()
