"""Extraction children: extract + normalize one document at a time under a time and a memory limit.

A parser that hangs in C code cannot be interrupted from Python, a decompression bomb
exhausts memory before any Python check runs, a segfault in PDFium kills its process:
in a child each of these costs one document, never the run. The children come from a
'forkserver' that has imported the parsers (and warmed spaCy) once, and each reads
documents one after another (CHILD_DOCUMENTS at most), so a run does not pay a process
start per document; a timeout, a crash or a quarantine retires the child, and the next
document gets a fresh one. Only paths, hashes and limits go in; a picklable Document or
Quarantine comes back. This module imports no Prefect: the forkserver loads it.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import multiprocessing.util  # its exit handler is registered on import: ours (below) must run before it
import resource
import signal
import sys
import threading
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection

from extractors.source import MIB
from flows.failures import out_of_memory
from flows.process import die_with_parent
from flows.settings import Limits
from schemas.records import Document
from schemas.status import Quarantine

# The child kills itself (SIGALRM, default action) this long after its time limit, in
# case its supervisor was SIGKILLed and can no longer do it.
ORPHAN_GRACE_S = 10
_WARMUP_MODULE = "flows.child_warmup"
_start_lock = threading.Lock()
# A child reads this many documents, then a fresh one takes over: whatever a parser leaks
# or fragments stays bounded, and a document's verdict never depends on many before it.
CHILD_DOCUMENTS = 32
_running: set[multiprocessing.process.BaseProcess] = set()  # guarded by _start_lock
_idle: list[_Child] = []  # children waiting for their next document; guarded by _start_lock
_stopping = threading.Event()
_slots: threading.BoundedSemaphore | None = None  # children_at_most's; None: one child per caller


class Stopped(Exception):
    """The run is stopping (stop_children): this document got no verdict and is not recorded."""


@dataclass(frozen=True)
class Extracted:
    """The verdict on one document and what its child cost."""

    result: Document | Quarantine
    seconds: float
    peak_rss_kib: int | None = None
    child_pid: int | None = None  # which child read it (children read several documents each)


# ---------------------------------------------------------------- the parent side


@dataclass
class _Child:
    """A long-lived extraction child: it reads one document per request until it is retired."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    limits: Limits
    documents: int = 0


@contextlib.contextmanager
def children_at_most(workers: int) -> Iterator[None]:
    """Within the block, at most ``workers`` children read documents at once; further callers
    of extract_in_child wait for one to finish. The flow keeps a task more in flight than
    it has workers: that task's Prefect bookkeeping is done while it waits, and its document
    goes to the child the moment the child is free."""
    global _slots
    _slots = threading.BoundedSemaphore(workers)
    try:
        yield
    finally:
        _slots = None


def extract_in_child(path: str, sha256: str, limits: Limits, trust_roots: str | None = None) -> Extracted:
    """Run `extract_checked` in a child process; kill it at ``limits.timeout_s``."""
    with _slots or contextlib.nullcontext():
        return _extract_in_child(path, sha256, limits, trust_roots)


def _extract_in_child(path: str, sha256: str, limits: Limits, trust_roots: str | None) -> Extracted:
    child = _handed(path, sha256, limits, trust_roots)
    started = time.monotonic()
    reusable = finished = False
    try:
        if not child.conn.poll(limits.timeout_s):
            return Extracted(_timed_out(limits), time.monotonic() - started)
        try:
            result, peak = child.conn.recv()
        except (EOFError, OSError):  # it died before sending anything
            child.process.join(5)
            if _stopping.is_set():  # killed by stop_children, not by its document
                raise Stopped(path) from None
            return Extracted(_died(child.process.exitcode, limits), time.monotonic() - started)
        # A quarantine may have left the child's heap in a bad state (a MemoryError, a parser
        # bug): the next document gets a fresh child, as do the documents after CHILD_DOCUMENTS.
        finished = True
        child.documents += 1
        reusable = not isinstance(result, Quarantine) and child.documents < CHILD_DOCUMENTS
        return Extracted(result, time.monotonic() - started, peak, child.process.pid)
    finally:
        _release(child) if reusable else _retire(child, finished)


def _handed(path: str, sha256: str, limits: Limits, trust_roots: str | None) -> _Child:
    """A child that has been sent this document: an idle one, else a fresh one (an idle
    child may have ended since, e.g. by a stop signal to the process group)."""
    child = _idle_child(limits)
    if child is not None:
        try:
            child.conn.send((path, sha256, limits, trust_roots))
            return child
        except OSError:  # BrokenPipeError included
            _retire(child, finished=False)
    child = _start_child(limits)
    child.conn.send((path, sha256, limits, trust_roots))
    return child


def _idle_child(limits: Limits) -> _Child | None:
    """A child that has finished its last document and was started under these limits."""
    with _start_lock:
        dead = [child for child in _idle if not child.process.is_alive()]
        for child in dead:
            _idle.remove(child)
        found = next((child for child in _idle if child.limits == limits), None)
        if found is not None:
            _idle.remove(found)
    for child in dead:
        _retire(child, finished=False)
    return found


def _start_child(limits: Limits) -> _Child:
    ctx = _context()
    ours, theirs = ctx.Pipe(duplex=True)
    process = ctx.Process(target=_child_main, args=(theirs, limits), name="kinerja-extract", daemon=True)
    with _start_lock, _main_module_hidden():  # multiprocessing's bookkeeping of children is not thread-safe
        if _stopping.is_set():
            raise Stopped(process.name)
        process.start()
        _running.add(process)
    theirs.close()
    return _Child(process, ours, limits)


def _release(child: _Child) -> None:
    with _start_lock:
        if not _stopping.is_set():
            _idle.append(child)
            return
    _retire(child, finished=True)


def retire_idle_children() -> None:
    """End the children waiting for work (at exit: they ignore the SIGTERM multiprocessing sends)."""
    with _start_lock:
        idle = list(_idle)
        _idle.clear()
    for child in idle:
        _retire(child, finished=True)


# atexit runs handlers last-registered first: this one ends the idle children before
# multiprocessing's own handler would SIGTERM and join them.
atexit.register(retire_idle_children)


def _retire(child: _Child, finished: bool) -> None:
    """End a child: one that finished its document ends when its pipe closes; one still
    busy (timed out) or dead is killed."""
    child.conn.close()
    if finished:
        child.process.join(2)
    if child.process.is_alive():
        child.process.kill()
    child.process.join()
    with _start_lock:
        _running.discard(child.process)
    child.process.close()


def stopping() -> bool:
    """The run is being stopped by a signal (stop_children was called)."""
    return _stopping.is_set()


def stop_children() -> None:
    """Kill every extraction child, busy or idle, and start no more (the run is stopping)."""
    _stopping.set()
    with _start_lock:
        for child in list(_running):
            with contextlib.suppress(Exception):
                child.kill()


def _timed_out(limits: Limits) -> Quarantine:
    return Quarantine(
        "timeout",
        f"extracting it took longer than {limits.timeout_s:g} s (--timeout) and was stopped: "
        "an unusually complex or damaged PDF; retry with a higher --timeout",
    )


def _died(exitcode: int | None, limits: Limits) -> Quarantine:
    if exitcode == -signal.SIGALRM:
        return _timed_out(limits)
    if exitcode is not None and exitcode < 0:
        how = f"was killed by {signal.Signals(-exitcode).name}"
    else:
        how = f"exited with status {exitcode} without a result"
    return Quarantine(
        "extraction_failed",
        f"the extraction process {how}: a crash inside a PDF library (memory limit "
        f"{limits.max_memory_bytes // MIB} MiB, --max-memory-mb); re-export the PDF and ingest it again",
    )


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """multiprocessing re-runs the parent's __main__ (a script, or `-m flows.cli`) in every
    child so that pickled objects of __main__ resolve; our child needs nothing from it, and
    re-running it costs up to a second per document (and breaks scripts without a
    ``if __name__ == "__main__"`` guard). A stand-in without __file__ or __spec__ while the
    child is launched tells multiprocessing to leave __main__ alone."""
    real = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = real


def start_forkserver() -> None:
    """Start the forkserver now: it imports the parsers (about 2 s) while the run does other work."""
    from multiprocessing import forkserver

    _context()
    forkserver.ensure_running()


def _context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([_WARMUP_MODULE])  # only read when the forkserver starts
    return ctx


# ---------------------------------------------------------------- the child side


def _child_main(conn: Connection, limits: Limits) -> None:
    """Read documents until the parent closes the pipe (or the parent is gone)."""
    from flows.pipeline import extract_checked  # the forkserver has it (flows.child_warmup); the run's process needs none of it

    _confine(limits)
    while True:
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # idle: a stop may end it, nothing is lost
            path, sha256, limits, trust_roots = conn.recv()
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        except (EOFError, OSError):
            break
        signal.alarm(int(limits.timeout_s) + ORPHAN_GRACE_S)
        _reset_peak_rss()
        try:
            result = extract_checked(path, sha256, limits, trust_roots)
        except MemoryError:
            result = out_of_memory(limits)
        try:
            conn.send((result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        except MemoryError:
            conn.send((out_of_memory(limits), None))
        except BrokenPipeError:  # the supervisor is gone (the run was stopped): nobody to tell
            break
        signal.alarm(0)
    conn.close()


def _reset_peak_rss() -> None:
    """Make ru_maxrss this document's peak (from the child's resident memory when it began),
    not the largest of every document the child read (Linux >= 4.0)."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _confine(limits: Limits) -> None:
    # Ctrl-C and `timeout` signal the whole process group: the supervisor decides what
    # stops (stop_children), a child must not die mid-document and look like a crash.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.SIG_IGN)
    die_with_parent()  # the forkserver, which ends when the run's process does
    resource.setrlimit(resource.RLIMIT_AS, (limits.max_memory_bytes, limits.max_memory_bytes))
    # Damaged files make pdfminer log a warning per broken object: the verdict says enough.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
