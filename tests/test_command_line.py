"""The command line tells the truth: its help keeps every default, it knows its version,
a mistyped warehouse path is refused, a Prefect server that does not start is one line, a
server named in a Prefect profile gets the run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version

from typer.testing import CliRunner

from flows.cli import app
from flows.settings import MAX_MEMORY_CEILING_MB, MIN_MEMORY_MB, default_max_memory_mb
from tests.support import ROOT, SAMPLES, ingest_env

MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"
GIB = 1 << 30


def test_help_shows_every_default_as_text():
    ingest_help = CliRunner().invoke(app, ["ingest", "--help"]).output
    flat = " ".join(ingest_help.split())
    cores = f"(default: {os.cpu_count()})"
    for default in ("(default: $KINERJA_DB, else warehouse/kinerja.duckdb)", cores, "(default: 600)", "(default: 300)", "(default: 100)"):
        assert default in flat, default
    assert re.search(r"at most 4096, at least 1024; here \d+ for one worker\)", flat)
    eval_help = " ".join(CliRunner().invoke(app, ["eval", "--help"]).output.split())
    assert "Folder of *.truth.json files (default: FOLDER)." in eval_help


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kinerja {version('kinerja')}"


def test_a_warehouse_in_a_missing_folder_is_refused_not_created(tmp_path):
    typo = tmp_path / "warehuose" / "kinerja.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(MEDAN), "--db", str(typo)])
    assert result.exit_code == 2
    assert "does not exist: create it first" in " ".join(result.output.split())
    assert not typo.parent.exists()


def test_an_unknown_page_reader_stops_the_run_before_any_file_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_PAGE_READER", "pdfbox")
    db = tmp_path / "k.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(MEDAN), "--db", str(db)])
    assert result.exit_code == 2
    assert "KINERJA_PAGE_READER='pdfbox'" in " ".join(result.output.split())
    assert not db.exists()


def test_the_memory_cap_per_document_shrinks_with_workers_and_machine():
    assert default_max_memory_mb(1, machine_bytes=64 * GIB) == MAX_MEMORY_CEILING_MB
    assert default_max_memory_mb(8, machine_bytes=16 * GIB) == 1536  # 16 GiB x 3/4 shared by 8
    assert default_max_memory_mb(64, machine_bytes=8 * GIB) == MIN_MEMORY_MB
    assert default_max_memory_mb(4, machine_bytes=16 * GIB) * 4 <= 16 * 1024 * 3 // 4  # the workers fit


def test_a_prefect_server_that_does_not_start_in_time_is_one_line(tmp_path):
    env = ingest_env(tmp_path, own_server=True)
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "1"  # it needs several
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(MEDAN), "--db", str(tmp_path / "w.duckdb")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1
    assert len(lines) == 1 and "did not start within 1 s" in lines[0] and "PREFECT_API_URL" in lines[0], done.stderr


def test_a_server_named_in_a_prefect_profile_gets_the_run(prefect_api, tmp_path):
    """The private server is launched before Prefect is imported, from the environment alone;
    a server named in the user's Prefect profile still gets the run (and ours is stopped)."""
    import json

    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from prefect.settings import PREFECT_API_URL

    env = ingest_env(tmp_path, own_server=True)
    profiles = tmp_path / "profiles.toml"
    profiles.write_text(f'active = "theirs"\n\n[profiles.theirs]\nPREFECT_API_URL = "{PREFECT_API_URL.value()}"\n')
    env["PREFECT_PROFILES_PATH"] = str(profiles)
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(MEDAN), "--db", str(tmp_path / "w.duckdb"), "--json", "--no-publish"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    run_id = json.loads(done.stdout)["run_id"]
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[run_id])))
    assert [r.state_type.value for r in runs] == ["COMPLETED"]
