"""Paths a run may meet besides PDF files: special files, links, link loops. Each ends in one
verdict, none is opened for reading, nothing blocks."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from flows.discovery import DiscoveryError, discover_pdfs
from flows.ingest import ingest
from flows.outcome import fingerprint
from tests.support import ROOT, SAMPLES, ingest_env, query

pytestmark = pytest.mark.usefixtures("prefect_api")

MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"
MALANG = SAMPLES / "kppn-malang-2025-pk.pdf"


def _hostile_folder(root: Path) -> Path:
    """A folder of one real PDF, a FIFO, a link to /dev/zero, a socket, a dangling link,
    a link to another folder (holding a second PDF) and a link back up (a loop)."""
    folder = root / "in"
    other = root / "elsewhere"
    folder.mkdir()
    other.mkdir()
    shutil.copy(MEDAN, folder / "medan.pdf")
    shutil.copy(MALANG, other / "malang.pdf")
    os.mkfifo(folder / "pipa.pdf")
    (folder / "nol.pdf").symlink_to("/dev/zero")
    (folder / "hilang.pdf").symlink_to(root / "does-not-exist.pdf")
    (folder / "tautan").symlink_to(other)
    (other / "kembali").symlink_to(folder)  # a loop: in -> elsewhere -> in
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "soket.pdf"))
    sock.close()
    return folder


def test_special_files_and_links_each_get_one_verdict_without_being_read(tmp_path):
    folder = _hostile_folder(tmp_path)
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db))
    verdicts = {r["file_name"]: r for r in query(db, "SELECT * FROM bi.files")}
    assert {name: v["status"] for name, v in verdicts.items()} == {
        "medan.pdf": "loaded",
        "malang.pdf": "loaded",  # found through the linked folder, once despite the loop
        "pipa.pdf": "quarantined",
        "nol.pdf": "quarantined",
        "soket.pdf": "quarantined",
        "hilang.pdf": "quarantined",
    }
    assert len(summary.items) == 6
    details = {name: v["detail"] for name, v in verdicts.items() if v["status"] == "quarantined"}
    assert {verdicts[name]["reason"] for name in details} == {"not_a_pdf"}
    assert "FIFO" in details["pipa.pdf"]
    assert "character device" in details["nol.pdf"]
    assert "socket" in details["soket.pdf"]
    assert "does not exist" in details["hilang.pdf"]
    again = ingest(paths=[str(folder)], db=str(db))  # a re-run gives the same verdicts, and still does not block
    assert sorted((i.file, i.status) for i in again.items) == sorted((i.file, i.status) for i in summary.items)


def test_a_special_file_named_on_the_command_line_is_quarantined_not_read(tmp_path):
    fifo = tmp_path / "named.pdf"
    os.mkfifo(fifo)
    env = ingest_env(tmp_path, own_server=False)
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(fifo), "/dev/zero", "--db", str(tmp_path / "w.duckdb"), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    import json

    items = {Path(i["file"]).name: i for i in json.loads(done.stdout)["items"]}
    assert items["named.pdf"]["reason"] == "not_a_pdf" and "FIFO" in items["named.pdf"]["detail"]
    assert items["zero"]["reason"] == "not_a_pdf" and "character device" in items["zero"]["detail"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_dangling_link_named_on_the_command_line_is_a_usage_error_that_names_its_target(tmp_path):
    link = tmp_path / "x.pdf"
    link.symlink_to(tmp_path / "gone.pdf")
    with pytest.raises(DiscoveryError, match="gone.pdf"):
        discover_pdfs([link])


def test_a_file_that_goes_away_before_it_is_hashed_is_quarantined_with_the_cause(tmp_path):
    gone = tmp_path / "in" / "gone.pdf"
    gone.parent.mkdir()
    shutil.copy(MEDAN, gone)
    (found,) = discover_pdfs([gone.parent])
    gone.unlink()
    sha, verdict = fingerprint(found)
    assert sha == hashlib.sha256(b"").hexdigest()
    assert verdict.reason == "extraction_failed" and "No such file" in verdict.detail


def _run_in_terminal(args: list[str], env: dict[str, str], timeout_s: float = 180) -> tuple[int, bytes]:
    """Run `kinerja` on a pseudo-terminal (so Rich draws colours and the progress bar) and
    return its exit status and every byte it sent to the terminal."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    received = bytearray()
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the terminal's last writer is gone
                    break
                if not chunk:
                    break
                received += chunk
            elif proc.poll() is not None:
                break
        return proc.wait(timeout=30), bytes(received)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_no_byte_of_a_file_name_reaches_the_terminal_as_markup_or_a_control_sequence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    evil = "[bold red]EVIL \x1b]0;pwned\x07 \u009b31m \u202etxt.pdf"
    (folder / evil).write_bytes(b"<html>a failed download</html>")  # quarantined: its name goes into the table
    shutil.copy(MEDAN, folder / "[blink]medan\x1b[2J.pdf")  # loaded: its name goes into the progress bar
    code, output = _run_in_terminal(["ingest", str(folder), "--db", str(tmp_path / "w.duckdb")], ingest_env(tmp_path, own_server=False))
    assert code == 0, output.decode(errors="replace")
    assert re.findall(rb"\x1b[^\[]", output) == []  # Rich's own colours and cursor moves are CSI; nothing else
    assert b"\x1b[2J" not in output and b"\x07" not in output and "\u009b".encode() not in output
    assert "\u202e".encode() not in output
    text = output.decode()
    assert "[bold red]EVIL \\x1b]0;pwned\\x07" in text  # the markup shown as text, the controls spelled out
    assert "\x1b[1;31mEVIL" not in text
