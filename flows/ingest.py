"""The `ingest` Prefect flow: discover -> hash -> extract -> normalize -> load -> reconcile.

One task per document supervises a child process that does the CPU work (extract +
normalize, flows.isolation) under a time and a memory limit and returns a typed Document
or a Quarantine; the flow process alone writes the warehouse, one transaction per
document, because DuckDB allows a single writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from extractors.digital_signature import load_trust_roots
from extractors.source import NOTHING_READ_SHA256, not_a_file, read_password_file, sha256_of
from flows.discovery import Found, discover_pdfs
from flows.isolation import Extracted, extract_in_child, start_forkserver
from flows.settings import Limits, resolve
from schemas.errors import ExtractionError
from schemas.records import Document
from schemas.status import DUPLICATE_DETAIL, Quarantine
from warehouse.db import open_warehouse
from warehouse.load import (
    close_unfinished_runs,
    document_exists,
    finish_run,
    known_file,
    load_document,
    record_file,
    record_quarantine,
    start_run,
)
from warehouse.reconcile import mismatches


@dataclass
class FileOutcome:
    file: str
    status: str
    reason: str | None = None
    detail: str | None = None
    document_id: str | None = None
    seconds: float | None = None  # the extraction child's wall time (not in the JSON summary)
    peak_rss_kib: int | None = None  # the extraction child's peak resident memory
    new: bool = True  # False: these bytes at this path had their verdict in an earlier run

    def as_json(self) -> dict:
        return {
            "file": self.file, "status": self.status, "reason": self.reason, "detail": self.detail,
            "document_id": self.document_id, "new": self.new,
        }


@dataclass
class RunSummary:
    run_id: str
    db: str
    items: list[FileOutcome] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def as_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "files": len(self.items),
            "new": sum(1 for i in self.items if i.new),
            "loaded": self.count("loaded"),
            "duplicate": self.count("duplicate"),
            "quarantined": self.count("quarantined"),
            "items": [i.as_json() for i in self.items],
        }


@task(name="discover")
def discover(paths: Sequence[str]) -> list[Found]:
    return discover_pdfs(paths)


def fingerprint(found: Found) -> tuple[str, Quarantine | None]:
    """The file's sha256, or the verdict on a path whose bytes cannot be hashed (recorded
    under the hash of nothing: no byte of it was read)."""
    try:
        if found.problem:
            raise not_a_file(found.problem)
        return sha256_of(found.path), None
    except ExtractionError as exc:
        return NOTHING_READ_SHA256, Quarantine(exc.reason, exc.detail)
    except OSError as exc:
        return NOTHING_READ_SHA256, Quarantine("extraction_failed", f"the file cannot be read ({exc.strerror})")


@task(name="extract")
def extract(path: str, sha256: str, trust_roots: str | None = None, limits: Limits | None = None) -> Extracted:
    """Extract and normalize one document in a child process; every failure becomes a quarantine reason."""
    return extract_in_child(path, sha256, limits or Limits(), trust_roots)


def _run_id() -> str:
    rid = flow_run.get_id()
    return str(rid) if rid else "local"


@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False)
def ingest(
    paths: list[str],
    db: str | None = None,
    workers: int | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    trust_roots: str | None = None,
    timeout_s: float | None = None,
    max_pages: int | None = None,
    max_mb: float | None = None,
    max_memory_mb: int | None = None,
    password_file: str | None = None,
    lock_timeout_s: float | None = None,
) -> RunSummary:
    """Settings left None come from the environment or the defaults (flows.settings).
    ``password_file`` is a path (never the passwords: Prefect records flow parameters)."""
    settings = resolve(
        db=db, workers=workers, trust_roots=trust_roots, timeout_s=timeout_s, max_pages=max_pages, max_mb=max_mb,
        max_memory_mb=max_memory_mb, password_file=password_file, lock_timeout_s=lock_timeout_s,
    )
    if settings.trust_roots:
        load_trust_roots(Path(settings.trust_roots))  # a bad folder stops the run before anything is loaded
    if settings.limits.password_file:
        read_password_file(settings.limits.password_file)  # unreadable: stop before anything is loaded
    start_forkserver()
    run_id = _run_id()
    files = discover(paths)
    con = open_warehouse(settings.db, lock_timeout_s=settings.lock_timeout_s)
    summary = RunSummary(run_id=run_id, db=settings.db)
    try:
        start_run(con, run_id)
        pending: list[tuple[str, str]] = []
        for found in files:
            path = str(found.path)
            sha, unread = fingerprint(found)
            if unread is not None:
                _report(summary, _known(con, path, sha) or store(con, run_id, path, sha, unread), on_file)
                continue
            pending.append((path, sha))
            if len(pending) >= settings.workers:
                _drain(con, run_id, summary, pending, on_file, settings.trust_roots, settings.limits)
        _drain(con, run_id, summary, pending, on_file, settings.trust_roots, settings.limits)
        finish_run(con, run_id, summary.as_json())
        summary.findings = mismatches(con, [i.document_id for i in summary.items if i.new and i.status == "loaded" and i.document_id])
    except Exception as exc:  # a fatal error: the run's trace says so (a signal is the CLI's to record)
        with contextlib.suppress(Exception):
            close_unfinished_runs(con, "failed", f"{type(exc).__name__}: {exc}"[:500])
        raise
    finally:
        con.close()
    return summary


def _drain(
    con, run_id: str, summary: RunSummary, pending: list, on_file, trust_roots: str | None = None, limits: Limits | None = None
) -> None:
    """Extract the pending files concurrently, then load each in its own transaction."""
    jobs = []
    for path, sha in pending:
        known = _known(con, path, sha)
        if known is not None:
            _report(summary, known, on_file)
            continue
        loaded_id = _loaded_document(con, sha)
        if loaded_id is not None:
            _report(summary, _duplicate(con, run_id, path, sha), on_file)
            continue
        jobs.append((path, sha, extract.submit(path, sha, trust_roots, limits)))
    pending.clear()
    for path, sha, future in jobs:
        extracted: Extracted = future.result()
        outcome = store(con, run_id, path, sha, extracted.result)
        outcome.seconds, outcome.peak_rss_kib = extracted.seconds, extracted.peak_rss_kib
        _report(summary, outcome, on_file)


def store(con, run_id: str, path: str, sha: str, result: Document | Quarantine) -> FileOutcome:
    name = Path(path).name
    shown = _display_path(path)
    if isinstance(result, Quarantine):
        record_quarantine(con, run_id=run_id, file_path=shown, file_name=name, sha256=sha, quarantine=result)
        return FileOutcome(path, "quarantined", result.reason, result.detail.splitlines()[0] if result.detail else None)
    if _loaded_document(con, sha) is not None:  # the same bytes twice within this run
        return _duplicate(con, run_id, path, sha)
    load_document(con, result, run_id=run_id, file_path=shown)
    return FileOutcome(path, "loaded", None, None, result.document_id)


def _known(con, path: str, sha: str) -> FileOutcome | None:
    """The verdict this path's bytes got in an earlier run, if they were seen there."""
    known = known_file(con, file_path=_display_path(path), sha256=sha)
    if known is None:
        return None
    return FileOutcome(path, known["status"], known["reason"], known["detail"], known["document_id"], new=False)


def _duplicate(con, run_id: str, path: str, sha: str) -> FileOutcome:
    """These bytes are loaded already (their sha256 is the document_id): record the file as a duplicate."""
    record_file(
        con, run_id=run_id, file_path=_display_path(path), file_name=Path(path).name, sha256=sha,
        status="duplicate", detail=DUPLICATE_DETAIL, document_id=sha,
    )
    return FileOutcome(path, "duplicate", None, DUPLICATE_DETAIL, sha)


def _loaded_document(con, sha: str) -> str | None:
    """The document_id these bytes were loaded under (it is their sha256), if they were."""
    return sha if document_exists(con, sha) else None


def _display_path(path: str) -> str:
    return str(Path(path))


def _report(summary: RunSummary, outcome: FileOutcome, on_file) -> None:
    summary.items.append(outcome)
    if on_file is not None:
        on_file(outcome)
