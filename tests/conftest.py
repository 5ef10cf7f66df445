"""Shared fixtures: a real Prefect test API, real sample PDFs, a real DuckDB file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support import SAMPLES

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

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
