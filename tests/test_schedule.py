"""`kinerja serve`: a real Prefect server on loopback (started here, as `prefect server
start` would be), the served deployment with its cron schedule, and one of its runs
ingesting the inbox into a real DuckDB file."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support import ROOT, SAMPLES, ingest_env, query

CRON = "15 2 * * *"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_group(url: str) -> int | None:
    """The process group of the `prefect server start` listening at url (started by the fixture)."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
            if proc.name.isdigit() and b"server" in cmd and port.encode() in cmd:
                return os.getpgid(int(proc.name))
        except (OSError, ProcessLookupError):
            continue
    return None


def _group_dump(pgid: int) -> str:
    """Each live process of the group: its command line and, through py-spy, every
    thread's Python stack (what a hang is waiting on)."""
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    parts = []
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or os.getpgid(int(proc.name)) != pgid:
                continue
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ProcessLookupError):
            continue
        if spy is None:
            parts.append(f"== pid {proc.name}: {cmd} (py-spy is not installed: no stacks)")
            continue
        dump = subprocess.run([spy, "dump", "--pid", proc.name], capture_output=True, text=True, timeout=60)
        parts.append(f"== pid {proc.name}: {cmd}\n{dump.stdout}{dump.stderr}")
    return "\n".join(parts)


def _wait(what: str, check, timeout_s: float = 120.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def prefect_server(tmp_path):
    """`prefect server start` on a free loopback port, its database in tmp_path."""
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "server-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{tmp_path / 'server.db'}")
    env.pop("PREFECT_API_URL", None)
    log = open(tmp_path / "server.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        try:
            return httpx.get(f"{url}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        _wait("the Prefect server", healthy, 180)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        log.close()


def test_serve_registers_the_schedule_and_its_runs_ingest_the_inbox(tmp_path, prefect_server):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdfs = sorted(SAMPLES.glob("kppn-*.pdf"))
    for pdf in pdfs:
        shutil.copy(pdf, inbox / pdf.name)
    db = tmp_path / "kinerja.duckdb"
    env = ingest_env(tmp_path, own_server=True) | {"PREFECT_API_URL": prefect_server}
    # Files, not pipes: nobody reads them while it runs, and a full pipe blocks the writer.
    stderr_log = tmp_path / "serve.stderr"
    with open(tmp_path / "serve.stdout", "wb") as out, open(stderr_log, "wb") as errors:
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--inbox", str(inbox), "--cron", CRON, "--db", str(db), "--workers", "1"],
            cwd=ROOT, env=env, stdout=out, stderr=errors, start_new_session=True,
        )
    try:
        with temporary_settings(updates={PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:

            def deployment():
                try:
                    return client.read_deployment_by_name("ingest-inbox/kinerja-inbox")
                except Exception:
                    assert serve.poll() is None, stderr_log.read_text(errors="replace")
                    return None

            found = _wait("the deployment", deployment)
            assert [s.schedule.cron for s in found.schedules] == [CRON]
            assert found.parameters["inbox"] == str(inbox.resolve())
            run = client.create_flow_run_from_deployment(found.id)  # what the scheduler does when the time comes
            state = _wait("the scheduled run", lambda: (s := client.read_flow_run(run.id).state) and s.is_final() and s, 240)
            assert state.is_completed(), state.message
        loaded = query(db, "SELECT f.file_name, f.status FROM bi.files f ORDER BY 1")
        assert loaded == [{"file_name": p.name, "status": "loaded"} for p in pdfs]
        assert query(tmp_path / "kinerja.bi.duckdb", "SELECT f.file_name, f.status FROM bi.files f ORDER BY 1") == loaded  # published for BI tools
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            serve.wait(120)  # the served process drains Prefect's workers on the way out: slow on a loaded CI machine
            if sys.exc_info()[0] is None:  # stopped: its schedule paused, or it says it could not
                with temporary_settings(updates={PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:
                    paused = client.read_deployment_by_name("ingest-inbox/kinerja-inbox").paused
                assert paused or "stays active" in stderr_log.read_text(errors="replace")
        except subprocess.TimeoutExpired:
            server = _server_group(prefect_server)
            dump = _group_dump(serve.pid) + "\n\n== the Prefect server meanwhile\n" + (_group_dump(server) if server else "not found")
            (tmp_path / "serve.hang").write_text(dump)
            print(dump, file=sys.stderr)
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait(30)
            # Known open bug (issue 9 note, 2026-12-01): in the full suite the served process hangs
            # after Ctrl-C, alone it ends at once. Shown as xfail, not hidden, until it is found.
            if sys.exc_info()[0] is None:  # a failed assertion above stays the test's verdict
                pytest.xfail(f"`kinerja serve` did not end within 120 s of Ctrl-C: {stderr_log.read_text(errors='replace')[-2000:]}")


def test_serve_without_a_prefect_server_says_what_to_do(tmp_path):
    env = ingest_env(tmp_path, own_server=True)
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--inbox", str(tmp_path), "--cron", CRON, "--db", str(tmp_path / "k.duckdb")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert "prefect server start" in done.stderr and "PREFECT_API_URL" in done.stderr


def test_serve_refuses_a_malformed_cron_expression(tmp_path):
    env = ingest_env(tmp_path, own_server=True) | {"PREFECT_API_URL": "http://127.0.0.1:9/api"}  # checked before any call
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--inbox", str(tmp_path), "--cron", "every night", "--db", str(tmp_path / "k.duckdb")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert "not a cron expression" in done.stderr
