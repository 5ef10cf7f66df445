"""Paths a run may meet besides PDF files: special files, links, link loops. Each ends in one
verdict, none is opened for reading, nothing blocks."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from flows.discovery import DiscoveryError, discover_pdfs
from flows.ingest import fingerprint, ingest
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
