"""What an unexpected exception says about a file: its quarantine reason and detail.

An exception raised inside a PDF library means the file is damaged (or too unusual for
the library): `corrupt`. One raised in our own code is a kinerja bug: `extraction_failed`.
Both keep the full traceback for `bi.files.traceback`.
"""

from __future__ import annotations

import resource
import sysconfig
import traceback
from pathlib import Path

from extractors.source import MIB
from flows.settings import Limits
from schemas.status import Quarantine

# The packages that parse PDF bytes: an exception raised inside them means the file is
# damaged (or too unusual for them), not that our code has a bug.
PARSER_PACKAGES = ("pdfminer", "pdfplumber", "pypdfium2", "playa", "PIL", "camelot", "pyhanko")
ENCRYPTION_ERRORS = {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}
_STDLIB = sysconfig.get_paths()["stdlib"]


def out_of_memory(limits: Limits | None = None) -> Quarantine:
    return Quarantine("too_large", _out_of_memory_detail(limits))


def _out_of_memory_detail(limits: Limits | None = None) -> str:
    # The limit is the child's RLIMIT_AS, read back so a classifier needs no Limits.
    cap = limits.max_memory_bytes if limits is not None else resource.getrlimit(resource.RLIMIT_AS)[0]
    shown = f"{cap // MIB} MiB" if cap != resource.RLIM_INFINITY else "available memory"
    return f"parsing it exceeded the memory limit of {shown} (--max-memory-mb): a decompression bomb or an oversized image"


def too_deep(exc: BaseException) -> Quarantine:
    return Quarantine("corrupt", "its objects are nested too deeply to be parsed (a hostile or broken PDF)", trace(exc))


def classify_failure(exc: BaseException) -> Quarantine:
    """An unexpected exception: 'corrupt' when a PDF library raised it (the file), else
    'extraction_failed' (our code); both keep the full traceback."""
    inner = _unwrapped(exc)
    name = type(inner).__name__
    if isinstance(inner, MemoryError):
        return Quarantine("too_large", _out_of_memory_detail(), trace(exc))
    if isinstance(inner, RecursionError):
        return too_deep(exc)
    where = _failing_frame(inner) or _failing_frame(exc)
    if name in ENCRYPTION_ERRORS:
        return Quarantine("encrypted", f"the PDF's encryption cannot be opened ({name}): save an unprotected copy", trace(exc))
    if _package_of_type(inner) in PARSER_PACKAGES or (where is not None and where[0] in PARSER_PACKAGES):
        place = f" in {where[0]}" if where else ""
        return Quarantine(
            "corrupt",
            f"the PDF cannot be parsed ({name}{place}: {first_line(inner)[:160]}): the file is damaged; re-export or fetch it again",
            trace(exc),
        )
    at = f" at {where[1]}:{where[2]}" if where else ""
    return Quarantine(
        "extraction_failed",
        f"{name}: {first_line(inner)[:200]}{at} (a kinerja bug: the full traceback is in bi.files.traceback)",
        trace(exc),
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


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).strip()
