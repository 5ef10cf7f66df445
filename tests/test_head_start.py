"""Extraction begins while Prefect's API server starts (flows.head_start): the flow takes the
verdicts begun early instead of extracting again, and they load the same rows; files the
warehouse knows are never extracted early; once the flow is up no file is queued, and
those queued before are still read; at the end of the run the queued rest is not."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import replace

import pytest

from flows.discovery import discover_pdfs
from flows.head_start import head_start
from flows.ingest import ingest
from flows.settings import resolve
from schemas.records import Document
from tests.support import SAMPLES, query
from warehouse.db import open_warehouse

pytestmark = pytest.mark.usefixtures("prefect_api")
NAMES = ["kppn-medan2-2026-pk.pdf", "kppn-malang-2025-rincian.pdf", "kanwil-djpb-jabar-2025-pk.pdf",
         "djkn-dit-penilaian-2023-skp.pdf", "kppn-malang-2026-pk.pdf"]
KNOWN = "kppn-malang-2025-pk.pdf"
ROWS = {
    "bi.indicator_targets": "SELECT document_id, indicator_code, indicator, target_raw, target_value, target_unit FROM bi.indicator_targets",
    "bi.budget_lines": "SELECT document_id, program_no, activity_code, level, amount_idr FROM bi.budget_lines",
    "bi.files": "SELECT file_name, status, reason FROM bi.files",
}


def _folder(tmp_path, name: str):
    folder = tmp_path / name
    folder.mkdir()
    for sample in [*NAMES, KNOWN]:
        shutil.copy(SAMPLES / sample, folder / sample)
    return folder


def _load_known_first(folder, db) -> None:
    lone = folder.parent / f"{folder.name}-known"
    lone.mkdir()
    shutil.copy(folder / KNOWN, lone / KNOWN)
    ingest(paths=[str(lone)], db=str(db), workers=1)


def _rows(db) -> dict[str, list]:
    return {view: sorted(tuple(map(str, r.values())) for r in query(db, sql)) for view, sql in ROWS.items()}


def test_it_is_on_unless_turned_off(tmp_path, monkeypatch):
    holder = open_warehouse(tmp_path / "off.duckdb")
    try:
        with head_start(holder, [], resolve(db=str(tmp_path / "off.duckdb"), workers=1)) as early:
            assert early is not None
        monkeypatch.setenv("KINERJA_HEAD_START", "0")
        with head_start(holder, [], resolve(db=str(tmp_path / "off.duckdb"), workers=1)) as early:
            assert early is None
    finally:
        holder.close()


def test_verdicts_begun_early_are_handed_to_the_flow_and_load_the_same_rows(tmp_path):
    reference, early_db = tmp_path / "reference.duckdb", tmp_path / "early.duckdb"
    for db in (reference, early_db):
        _load_known_first(_folder(tmp_path, db.stem), db)
    ingest(paths=[str(tmp_path / "reference")], db=str(reference), workers=2)

    folder = tmp_path / "early"
    files = discover_pdfs([str(folder)])
    holder = open_warehouse(early_db)
    try:
        with head_start(holder, files, replace(resolve(db=str(early_db), workers=2), head_start=True)) as early:
            ingest(paths=[str(folder)], db=str(early_db), workers=2)
    finally:
        holder.close()
    assert early.handed_over == len(NAMES)  # every unknown file, and not the known one
    assert _rows(early_db) == _rows(reference)
    assert len(_rows(reference)["bi.budget_lines"]) > 0


@contextlib.contextmanager
def _all_queued(tmp_path, name: str):
    """A head start of one worker on a copy of the samples, every unknown file queued; yields
    it and the files."""
    files = discover_pdfs([str(_folder(tmp_path, name))])
    db = tmp_path / f"{name}.duckdb"
    holder = open_warehouse(db)
    try:
        with head_start(holder, files, replace(resolve(db=str(db), workers=1), head_start=True)) as early:
            early._planner.join()  # every unknown file queued behind the one worker
            yield early, files, holder
    finally:
        holder.close()


def test_once_the_flow_is_up_no_file_is_queued_and_those_queued_are_read(tmp_path):
    with _all_queued(tmp_path, "queued") as (early, files, holder):
        early.stop_queuing()
        taken = [early.take(str(f.path), _sha(f.path)) for f in files]
        early._plan(holder.cursor(), files)  # as if the planner went on: it queues nothing more
        assert early._jobs == {}
    assert sum(t is not None for t in taken) == len(files)  # each queued file read, none left to the flow
    assert all(isinstance(t.result, Document) for t in taken if t is not None)


def test_at_the_end_of_the_run_queued_files_are_not_read(tmp_path):
    with _all_queued(tmp_path, "ended") as (early, files, _):
        pass
    taken = [early.take(str(f.path), _sha(f.path)) for f in files]
    assert sum(t is None for t in taken) >= len(files) - 2  # at most the first two had begun


def _sha(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
