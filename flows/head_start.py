"""Extraction starts while Prefect's API server does.

The private API server (flows.server) costs about 5 s of imports before the flow can run
its first task, more on a busy machine. A run with work does not wait for it: a HeadStart
extracts the files the warehouse does not know, in discovery order, in the same isolated
child processes (flows.isolation), ``workers`` at a time, while the server starts. When the
flow's extract task for one of those files runs, it takes that verdict instead of
extracting again. Once the flow is up no further file is queued, but the files queued
before are still read, in order: the flow takes about a second to create its run and
reach its first task, and the children go on reading meanwhile. At most
HEAD_START_PER_WORKER verdicts per worker are ever queued or held in memory.

On by default (KINERJA_HEAD_START=0 turns it off). The command opens the run's trace in
bi.runs before the head start begins, so a run stopped or killed during it is traced like
any other. Not used on Dask (the extractions belong on the cluster) nor with --reextract.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor

from flows.discovery import Found
from flows.isolation import Extracted, extract_in_child
from flows.outcome import fingerprint, known_outcome
from flows.settings import Settings
from warehouse.load import document_exists

# The server takes 4-8 s to start (more on a busy machine), time for 20-40 born-digital documents per
# worker; a verdict holds a document's records (15-220 KB pickled on the samples): cheap to hold this many.
HEAD_START_PER_WORKER = 32

_current: HeadStart | None = None


class HeadStart:
    def __init__(self, con, files: list[Found], settings: Settings) -> None:
        self._settings = settings
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="kinerja-head-start")
        self._jobs: dict[tuple[str, str], Future[Extracted]] = {}
        self._lock = threading.Lock()
        self._starting = True
        self.handed_over = 0  # verdicts the flow took from here
        self._planner = threading.Thread(target=self._plan, args=(con.cursor(), files), name="kinerja-head-start-plan", daemon=True)
        self._planner.start()

    def _plan(self, cursor, files: list[Found]) -> None:
        """Queue the unknown files, in order, up to the cap (hashing them as the flow will)."""
        cap = HEAD_START_PER_WORKER * self._settings.workers
        try:
            for found in files:
                path = str(found.path)
                sha, unread = fingerprint(found)
                if unread is not None or known_outcome(cursor, path, sha) is not None or document_exists(cursor, sha):
                    continue  # the flow settles these without reading them
                with self._lock:
                    if not self._starting or len(self._jobs) >= cap:
                        return
                    limits, roots = self._settings.limits, self._settings.trust_roots
                    self._jobs[(path, sha)] = self._pool.submit(extract_in_child, path, sha, limits, roots)
        finally:
            cursor.close()

    def stop_queuing(self) -> None:
        """The flow is up: files not yet queued are left to its tasks."""
        with self._lock:
            self._starting = False

    def stop_starting(self) -> None:
        """The run ends: extractions not yet begun never will."""
        with self._lock:
            self._starting = False
            for future in self._jobs.values():
                future.cancel()  # only those still queued

    def take(self, path: str, sha: str) -> Extracted | None:
        """The verdict on this file if its extraction began early (waiting for it to end)."""
        with self._lock:
            future = self._jobs.pop((path, sha), None)
        if future is None:
            return None
        try:
            extracted = future.result()
        except CancelledError:
            return None
        self.handed_over += 1
        return extracted

    def close(self) -> None:
        self.stop_starting()
        self._pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def head_start(con, files: list[Found], settings: Settings) -> Iterator[HeadStart | None]:
    """Within the block, extractions of unknown files begin at once; `taken` hands them over."""
    global _current
    if not settings.head_start or settings.dask_address or settings.reextract:
        yield None
        return
    _current = HeadStart(con, files, settings)
    try:
        yield _current
    finally:
        _current.close()
        _current = None


def taken(path: str, sha: str) -> Extracted | None:
    """For the flow's extract task: this file's verdict, if it was extracted early."""
    early = _current
    return early.take(path, sha) if early is not None else None
