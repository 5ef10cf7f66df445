"""Stopping `kinerja ingest` as `timeout`, systemd, docker and Ctrl-C do: within 5 s, one
line, no traceback, every child process and the private Prefect server gone, the run
marked interrupted in bi.runs, and the next run does the rest. SIGKILL leaves no server."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.support import ingest_env, query, start_ingest
from tests.test_crash_safety import assert_consistent, build_corpus, files_recorded

pytestmark = pytest.mark.usefixtures("prefect_api")


def _descendants(pid: int) -> dict[int, str]:
    """Every live process below ``pid`` (Linux /proc), with its command line."""
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found[child] = commands[child]
                frontier.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _started_extracting(proc, db: Path) -> dict[int, str]:
    """Wait until the run is extracting (an extraction child and the server are up);
    return the run's process tree at that moment."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        tree = _descendants(proc.pid)
        if any("uvicorn" in c for c in tree.values()) and any("forkserver" in c for c in tree.values()) and len(tree) >= 4:
            return tree
        time.sleep(0.2)
    pytest.fail(f"the run did not start extracting: {proc.stderr.read().decode(errors='replace')[-2000:]}")


@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGTERM, True), (signal.SIGINT, False)], ids=["SIGTERM-group", "SIGINT-main"])
def test_a_stop_signal_ends_the_run_in_one_line_and_the_next_run_finishes_it(tmp_path, signum, to_group):
    folder = tmp_path / "in"
    expected = build_corpus(folder, copies=4)
    db = tmp_path / "w.duckdb"
    proc = start_ingest(folder, db, ingest_env(tmp_path, own_server=True))  # a user's run: its own Prefect server
    tree = _started_extracting(proc, db)
    time.sleep(2)
    sent = time.monotonic()
    if to_group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 5, "the run took more than 5 s to stop"
    lines = stderr.decode().strip().splitlines()
    assert proc.returncode == 128 + signum
    assert len(lines) == 1 and lines[0].startswith(f"interrupted (stopped by {signal.Signals(signum).name})"), lines
    time.sleep(0.5)
    left = {pid: command for pid, command in tree.items() if _alive(pid)}
    assert left == {}, f"still running after the stop: {left}"
    (run,) = query(db, "SELECT status, detail, files FROM bi.runs")
    assert run["status"] == "interrupted" and signal.Signals(signum).name in run["detail"]
    assert run["files"] == files_recorded(db) < len(expected), "the run was stopped before the end, its settled files counted"
    assert files_recorded(db.with_name("w.bi.duckdb")) == run["files"]  # what it settled is published for BI tools

    finish = start_ingest(folder, db, ingest_env(tmp_path, own_server=False))
    finish.communicate(timeout=600)
    assert finish.returncode == 0
    assert_consistent(db, folder, expected)
    assert [r["status"] for r in query(db, "SELECT status FROM bi.runs")] == ["interrupted", "completed"]


def test_sigkill_leaves_no_server_and_the_next_run_closes_the_killed_runs_trace(tmp_path):
    folder = tmp_path / "in"
    expected = build_corpus(folder, copies=2)
    db = tmp_path / "w.duckdb"
    proc = start_ingest(folder, db, ingest_env(tmp_path, own_server=True))
    tree = _started_extracting(proc, db)
    proc.send_signal(signal.SIGKILL)  # the main process only: nobody runs its clean-up
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in tree) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = {pid: command for pid, command in tree.items() if _alive(pid)}
    assert left == {}, f"outlived the killed run: {left}"

    finish = start_ingest(folder, db, ingest_env(tmp_path, own_server=False))
    finish.communicate(timeout=600)
    assert finish.returncode == 0
    assert_consistent(db, folder, expected)
    runs = query(db, "SELECT status, detail FROM bi.runs")
    assert [r["status"] for r in runs] == ["interrupted", "completed"]
    assert "without closing" in runs[0]["detail"]
