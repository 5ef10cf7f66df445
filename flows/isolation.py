"""One child process per document: extract + normalize under a time and a memory limit.

A parser that hangs in C code cannot be interrupted from Python, a decompression bomb
exhausts memory before any Python check runs, a segfault in PDFium kills its process:
in a child each of these costs one document, never the run. The children come from a
'forkserver' that has imported the parsers (and warmed spaCy) once, so a child starts in
milliseconds. Only paths, hashes and limits go in; a picklable Document or Quarantine
comes back. This module imports no Prefect: the forkserver loads it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import resource
import signal
import sys
import sysconfig
import tempfile
import threading
import time
import traceback
import types
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from extractors.document import ExtractionError, extract_document
from extractors.source import (
    MIB,
    check_complete,
    check_file_size,
    check_page_count,
    check_pdf_bytes,
    open_pdf,
    read_password_file,
    save_decrypted,
)
from flows.limits import Limits
from schemas.normalize import NormalizationError, normalize_document
from schemas.records import Document

# The packages that parse PDF bytes: an exception raised inside them means the file is
# damaged (or too unusual for them), not that our code has a bug.
PARSER_PACKAGES = ("pdfminer", "pdfplumber", "pypdfium2", "playa", "PIL", "camelot", "pyhanko")
ENCRYPTION_ERRORS = {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}
# The child kills itself (SIGALRM, default action) this long after its time limit, in
# case its supervisor was SIGKILLed and can no longer do it.
ORPHAN_GRACE_S = 10
_WARMUP_MODULE = "flows.child_warmup"
_STDLIB = sysconfig.get_paths()["stdlib"]
_start_lock = threading.Lock()


@dataclass(frozen=True)
class Quarantine:
    reason: str
    detail: str
    traceback: str | None = None


@dataclass(frozen=True)
class Extracted:
    """The verdict on one document and what its child cost."""

    result: Document | Quarantine
    seconds: float
    peak_rss_kib: int | None = None


# ---------------------------------------------------------------- the parent side


def extract_in_child(path: str, sha256: str, limits: Limits, trust_roots: str | None = None) -> Extracted:
    """Run `extract_checked` in a child process; kill it at ``limits.timeout_s``."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child_main, args=(sender, path, sha256, limits, trust_roots), name="kinerja-extract", daemon=True
    )
    started = time.monotonic()
    with _start_lock, _main_module_hidden():  # multiprocessing's bookkeeping of children is not thread-safe
        child.start()
    sender.close()
    message = None
    try:
        if not receiver.poll(limits.timeout_s):
            return Extracted(_timed_out(limits), time.monotonic() - started)
        try:
            message = receiver.recv()
        except (EOFError, OSError):  # it died before sending anything
            child.join(5)
            return Extracted(_died(child.exitcode, limits), time.monotonic() - started)
        result, peak = message
        return Extracted(result, time.monotonic() - started, peak)
    finally:
        if message is not None:
            child.join(2)  # it has sent its result and is exiting
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
        child.close()


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


def _child_main(conn: Connection, path: str, sha256: str, limits: Limits, trust_roots: str | None) -> None:
    _confine(limits)
    try:
        result = extract_checked(path, sha256, limits, trust_roots)
    except MemoryError:
        result = _out_of_memory(limits)
    try:
        conn.send((result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    except MemoryError:
        conn.send((_out_of_memory(limits), None))
    finally:
        conn.close()


def _confine(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.max_memory_bytes, limits.max_memory_bytes))
    signal.alarm(int(limits.timeout_s) + ORPHAN_GRACE_S)
    # Damaged files make pdfminer log a warning per broken object: the verdict says enough.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _out_of_memory(limits: Limits | None = None) -> Quarantine:
    return Quarantine("too_large", _out_of_memory_detail(limits))


def _out_of_memory_detail(limits: Limits | None = None) -> str:
    # The limit is the child's RLIMIT_AS, read back so a classifier needs no Limits.
    cap = limits.max_memory_bytes if limits is not None else resource.getrlimit(resource.RLIMIT_AS)[0]
    shown = f"{cap // MIB} MiB" if cap != resource.RLIM_INFINITY else "available memory"
    return f"parsing it exceeded the memory limit of {shown} (--max-memory-mb): a decompression bomb or an oversized image"


def _too_deep(exc: BaseException) -> Quarantine:
    return Quarantine("corrupt", "its objects are nested too deeply to be parsed (a hostile or broken PDF)", _trace(exc))


def extract_checked(path: str, sha256: str, limits: Limits, trust_roots: str | None = None) -> Document | Quarantine:
    """Extract and normalize one document; every failure becomes a Quarantine."""
    try:
        return _extract(path, sha256, limits, trust_roots)
    except ExtractionError as exc:
        return Quarantine(exc.reason, exc.detail)
    except MemoryError:
        return _out_of_memory(limits)
    except RecursionError as exc:
        return _too_deep(exc)
    except NormalizationError as exc:
        return Quarantine("extraction_failed", _first_line(exc), _trace(exc))
    except Exception as exc:  # a parser bug or a hostile file must not stop the others
        return classify_failure(exc)


def _extract(path: str, sha256: str, limits: Limits, trust_roots: str | None) -> Document:
    from extractors.digital_signature import read_digital_signatures

    check_pdf_bytes(path)
    check_file_size(path, limits.max_bytes)
    check_complete(path)
    passwords = read_password_file(limits.password_file) if limits.password_file else ()
    pdf, password = open_pdf(path, passwords)
    with tempfile.TemporaryDirectory(prefix="kinerja-") as tmp:
        try:
            check_page_count(len(pdf), limits.max_pages)  # PDFium reads /Count without parsing pages
            readable = save_decrypted(pdf, Path(tmp) / "decrypted.pdf") if password is not None else Path(path)
        finally:
            pdf.close()
        # Embedded signatures are read from the original bytes: the decrypted copy is rewritten.
        signed = read_digital_signatures(path, trust_roots=Path(trust_roots) if trust_roots else None)
        raw = extract_document(readable, document_id=sha256, file_name=Path(path).name)
        return normalize_document(raw).model_copy(update={"digital_signatures": tuple(signed)})


def classify_failure(exc: BaseException) -> Quarantine:
    """An unexpected exception: 'corrupt' when a PDF library raised it (the file), else
    'extraction_failed' (our code); both keep the full traceback."""
    inner = _unwrapped(exc)
    name = type(inner).__name__
    if isinstance(inner, MemoryError):
        return Quarantine("too_large", _out_of_memory_detail(), _trace(exc))
    if isinstance(inner, RecursionError):
        return _too_deep(exc)
    where = _failing_frame(inner) or _failing_frame(exc)
    if name in ENCRYPTION_ERRORS:
        return Quarantine("encrypted", f"the PDF's encryption cannot be opened ({name}): save an unprotected copy", _trace(exc))
    if _package_of_type(inner) in PARSER_PACKAGES or (where is not None and where[0] in PARSER_PACKAGES):
        place = f" in {where[0]}" if where else ""
        return Quarantine(
            "corrupt",
            f"the PDF cannot be parsed ({name}{place}: {_first_line(inner)[:160]}): the file is damaged; re-export or fetch it again",
            _trace(exc),
        )
    at = f" at {where[1]}:{where[2]}" if where else ""
    return Quarantine(
        "extraction_failed",
        f"{name}: {_first_line(inner)[:200]}{at} (a kinerja bug: the full traceback is in bi.files.traceback)",
        _trace(exc),
    )


def _unwrapped(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exceptions as PdfminerException(original)."""
    if type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _package_of_type(exc: BaseException) -> str:
    return type(exc).__module__.split(".")[0]


def _failing_frame(exc: BaseException) -> tuple[str, str, int] | None:
    """(top-level package, file, line) of the innermost frame outside the standard library."""
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if frame.filename.startswith(_STDLIB) and "site-packages" not in frame.filename:
            continue
        return (_package_of_file(frame.filename), frame.filename, frame.lineno or 0)
    return None


def _package_of_file(filename: str) -> str:
    parts = Path(filename).parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        return rest[0].removesuffix(".py") if rest else ""
    return Path(filename).parent.name


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).strip()

