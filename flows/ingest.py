"""The `ingest` Prefect flow: discover -> hash -> extract -> normalize -> load -> reconcile.

One task per document supervises a child process that does the CPU work (extract +
normalize, flows.isolation) under a time and a memory limit and returns a typed Document
or a Quarantine; the flow process alone writes the warehouse, one transaction per
document, because DuckDB allows a single writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from extractors import EXTRACTOR_VERSION
from extractors.source import read_password_file
from flows.discovery import Found, discover_pdfs
from flows.head_start import taken
from flows.isolation import Extracted, children_at_most, extract_in_child, start_forkserver, stopping
from flows.outcome import FileOutcome, RunSummary, display_path, fingerprint, known_outcome
from flows.settings import Limits, Settings, resolve
from flows.signals import reclaim_sigterm
from schemas.records import Document
from schemas.status import DUPLICATE_DETAIL, Quarantine
from warehouse.db import open_warehouse
from warehouse.links import refresh_indicator_links
from warehouse.load import (
    close_unfinished_runs,
    document_exists,
    finish_run,
    load_document,
    read_by_older_extractor,
    record_file,
    record_quarantine,
    replace_document,
    start_run,
    stored_extractor_version,
)
from warehouse.publish import publish_snapshot
from warehouse.reconcile import mismatches


# A verdict is never reused from a cache: a re-run settles known files by hash in the warehouse.
@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: Sequence[str]) -> list[Found]:
    return discover_pdfs(paths)


@task(name="extract", cache_policy=NO_CACHE)
def extract(path: str, sha256: str, trust_roots: str | None = None, limits: Limits | None = None) -> Extracted:
    """Extract and normalize one document in a child process; every failure becomes a quarantine
    reason. A file whose extraction began while the API server started (flows.head_start) is
    taken from there."""
    return taken(path, sha256) or extract_in_child(path, sha256, limits or Limits(), trust_roots)


def task_runner(workers: int, dask_address: str | None = None):
    """Where the extractions run: threads of this process, each supervising one child
    process (the default), or the workers of a Dask cluster (each still extracting in a
    child process under the same limits); this process stays the one writer."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    return ThreadPoolTaskRunner(max_workers=workers + 1)  # the task waiting its turn (_settle)


def _run_id() -> str:
    rid = flow_run.get_id()
    return str(rid) if rid else "local"


# Parameters are typed Python values (a callback among them), not user input to validate:
# Prefect's pydantic model of them cannot resolve the callback's type in a subflow.
@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False, validate_parameters=False)
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
    reextract: bool = False,
    publish: str | None = None,
    no_publish: bool = False,
    run_id: str | None = None,
) -> RunSummary:
    """Settings left None come from the environment or the defaults (flows.settings).
    ``run_id`` is the run's trace in bi.runs when the command opened it already (before the
    API server started); else the trace is keyed by Prefect's flow run id.
    ``password_file`` is a path (never the passwords: Prefect records flow parameters).
    The BI snapshot (``publish``) is written at the end, while the run still holds the warehouse."""
    reclaim_sigterm()
    settings = resolve(
        db=db, workers=workers, trust_roots=trust_roots, timeout_s=timeout_s, max_pages=max_pages, max_mb=max_mb,
        max_memory_mb=max_memory_mb, password_file=password_file, lock_timeout_s=lock_timeout_s, reextract=reextract,
        publish=publish, no_publish=no_publish,
    )
    if settings.trust_roots:
        from extractors.digital_signature import load_trust_roots  # pyHanko: half a second to import, here only when it checks

        load_trust_roots(Path(settings.trust_roots))  # a bad folder stops the run before anything is loaded
    if settings.limits.password_file:
        read_password_file(settings.limits.password_file)  # unreadable: stop before anything is loaded
    start_forkserver()
    run_id = run_id or _run_id()
    files = discover(paths)
    con = open_warehouse(settings.db, lock_timeout_s=settings.lock_timeout_s)
    summary = RunSummary(run_id=run_id, db=settings.db)
    try:
        start_run(con, run_id)
        with contextlib.nullcontext() if settings.dask_address else children_at_most(settings.workers):
            _settle(con, run_id, files, settings, summary, on_file)
        refresh_indicator_links(con)
        summary.older_extractor = read_by_older_extractor(con, EXTRACTOR_VERSION)
        finish_run(con, run_id, summary.as_json())
        summary.findings = mismatches(con, [i.document_id for i in summary.items if i.new and i.status == "loaded" and i.document_id])
        publish_artifacts(summary)
        if settings.publish:
            summary.snapshot = publish_snapshot(con, settings.db, settings.publish)
            if summary.snapshot.status == "failed":  # the run's data stay committed; BI tools keep the previous snapshot
                get_run_logger().warning("the BI snapshot %s was not published: %s", settings.publish, summary.snapshot.detail)
    except Exception as exc:  # a fatal error: the run's trace says so
        if not stopping():  # a signal, perhaps turned into a library's error: the CLI records it
            with contextlib.suppress(Exception):
                close_unfinished_runs(con, "failed", f"{type(exc).__name__}: {exc}"[:500])
        raise
    finally:
        con.close()
    return summary


def _settle(con, run_id: str, files: list[Found], settings: Settings, summary: RunSummary, on_file) -> None:
    """Give every file its verdict: known ones from the warehouse, the others extracted
    (``settings.workers`` at once) and stored as each finishes. A finished extraction is
    stored once the next one has started, so loading never leaves a worker idle; locally one
    task more than the workers is in flight, its document handed to the first child free."""
    in_flight: list[tuple[str, str, PrefectFuture]] = []
    at_once = settings.workers + (0 if settings.dask_address else 1)
    finished: tuple[str, str, Extracted] | None = None
    for found in files:
        path = str(found.path)
        sha, unread = fingerprint(found)
        settled = _settled_without_reading(con, run_id, path, sha, unread, settings.reextract)
        if settled is not None:
            _report(summary, settled, on_file)
            continue
        in_flight.append((path, sha, extract.submit(path, sha, settings.trust_roots, settings.limits)))
        if finished is not None:
            _store_finished(con, run_id, summary, finished, on_file)
            finished = None
        if len(in_flight) >= at_once:
            finished = _next_finished(in_flight)
    if finished is not None:
        _store_finished(con, run_id, summary, finished, on_file)
    while in_flight:
        _store_finished(con, run_id, summary, _next_finished(in_flight), on_file)
    _in_discovery_order(summary, files)


def publish_artifacts(summary: RunSummary) -> None:
    """What the run did, where Prefect's UI shows it: files per status, the slowest
    documents, and the reconciliation findings of the new documents."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    counts = summary.as_json()
    create_table_artifact(
        key="ingest-files",
        table=[{"status": s, "files": counts[s]} for s in ("loaded", "duplicate", "quarantined")] + [{"status": "new", "files": counts["new"]}],
        description="Files per verdict in this run",
    )
    slowest = sorted((i for i in summary.items if i.seconds is not None), key=lambda i: -(i.seconds or 0))[:10]
    create_table_artifact(
        key="ingest-slowest",
        table=[{"file": Path(i.file).name, "seconds": round(i.seconds or 0, 2), "pages": i.pages, "status": i.status} for i in slowest],
        description="The slowest documents of this run",
    )
    lines = ["| document | check | subject | stated | computed |", "|---|---|---|---|---|"]
    lines += [
        f"| {str(f['document_id'])[:12]} | {f['check_name']} | {_cell(f['subject'])} | {f['stated']} | {f['computed']} |"
        for f in summary.findings
    ]
    create_markdown_artifact(
        key="ingest-findings",
        markdown="\n".join(lines) if summary.findings else "No reconciliation findings in the new documents.",
        description="Reconciliation findings of the new documents",
    )


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _in_discovery_order(summary: RunSummary, files: list[Found]) -> None:
    """The summary lists files as they were found, whichever extraction finished first."""
    order = {str(f.path): n for n, f in enumerate(files)}
    summary.items.sort(key=lambda o: order.get(o.file, len(order)))


def _next_finished(in_flight: list) -> tuple[str, str, Extracted]:
    """The first extraction to finish (the others go on: the next document starts as soon
    as one ends, not when the slowest of a batch does)."""
    done = next(as_completed([future for _, _, future in in_flight]))
    path, sha, future = in_flight.pop(next(k for k, job in enumerate(in_flight) if job[2] is done))
    return path, sha, future.result()


def _store_finished(con, run_id: str, summary: RunSummary, finished: tuple[str, str, Extracted], on_file) -> None:
    """Load one extraction's verdict, in its own transaction."""
    path, sha, extracted = finished
    outcome = store(con, run_id, path, sha, extracted.result)
    outcome.seconds, outcome.peak_rss_kib = extracted.seconds, extracted.peak_rss_kib
    _report(summary, outcome, on_file)


def store(con, run_id: str, path: str, sha: str, result: Document | Quarantine) -> FileOutcome:
    name = Path(path).name
    shown = display_path(path)
    loaded, version = stored_extractor_version(con, sha)
    if loaded and version != EXTRACTOR_VERSION:  # only --reextract extracts a loaded document again
        return _reread(con, run_id, path, sha, result, version)
    if isinstance(result, Quarantine):
        record_quarantine(con, run_id=run_id, file_path=shown, file_name=name, sha256=sha, quarantine=result)
        return FileOutcome(path, "quarantined", result.reason, result.detail.splitlines()[0] if result.detail else None)
    if loaded:  # the same bytes twice within this run
        return _duplicate(con, run_id, path, sha)
    load_document(con, result, run_id=run_id, file_path=shown)
    return FileOutcome(path, "loaded", None, None, result.document_id, pages=result.page_count)


def _reread(con, run_id: str, path: str, sha: str, result: Document | Quarantine, version: int | None) -> FileOutcome:
    """A loaded document read again by this extractor version: its rows are replaced; when
    the new reading fails, the rows it has stay and the file stays loaded."""
    before = f"extractor version {version}" if version is not None else "an extractor of unrecorded version"
    if isinstance(result, Quarantine):
        detail = f"re-reading failed ({result.reason}): the rows read by {before} are kept"
        return FileOutcome(path, "loaded", None, detail, sha, new=False)
    replace_document(con, result, run_id=run_id, file_path=display_path(path))
    detail = f"re-read by extractor version {EXTRACTOR_VERSION} (was {before}); the replaced rows are in history.replaced_rows"
    return FileOutcome(path, "loaded", None, detail, result.document_id, pages=result.page_count)


def _settled_without_reading(con, run_id: str, path: str, sha: str, unread: Quarantine | None, reextract: bool) -> FileOutcome | None:
    """The file's verdict when it needs no extraction: known from an earlier run, unreadable,
    or the bytes of a loaded document (unless --reextract and an older extractor read it)."""
    reread = reextract and _read_by_older_extractor(con, sha)
    settled = None if reread else known_outcome(con, path, sha)
    if settled is None and unread is not None:
        return store(con, run_id, path, sha, unread)
    if settled is None and not reread and _loaded_document(con, sha) is not None:
        return _duplicate(con, run_id, path, sha)
    return settled


def _read_by_older_extractor(con, sha: str) -> bool:
    loaded, version = stored_extractor_version(con, sha)
    return loaded and version != EXTRACTOR_VERSION


def _duplicate(con, run_id: str, path: str, sha: str) -> FileOutcome:
    """These bytes are loaded already (their sha256 is the document_id): record the file as a duplicate."""
    record_file(
        con, run_id=run_id, file_path=display_path(path), file_name=Path(path).name, sha256=sha,
        status="duplicate", detail=DUPLICATE_DETAIL, document_id=sha,
    )
    return FileOutcome(path, "duplicate", None, DUPLICATE_DETAIL, sha)


def _loaded_document(con, sha: str) -> str | None:
    """The document_id these bytes were loaded under (it is their sha256), if they were."""
    return sha if document_exists(con, sha) else None


def _report(summary: RunSummary, outcome: FileOutcome, on_file) -> None:
    summary.items.append(outcome)
    if on_file is not None:
        on_file(outcome)
