"""The input file itself: its content hash and whether its bytes are a PDF at all."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from schemas.errors import ExtractionError

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # PDF readers accept the header anywhere in the first KiB
PDF_END = b"%%EOF"
END_WINDOW = 1024
MIB = 1 << 20


NOTHING_READ_SHA256 = hashlib.sha256(b"").hexdigest()  # the hash recorded for a path whose bytes were never read

_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_file(mode: int) -> str | None:
    """What a path that is neither a regular file nor a folder is (None for those two):
    reading one may block forever (a FIFO) or never end (/dev/zero)."""
    return next((name for test, name in _SPECIAL_FILES if test(mode)), None)


def not_a_file(what: str) -> ExtractionError:
    return ExtractionError("not_a_pdf", f"the path is {what}: it was not read")


def sha256_of(path: str | Path, *, chunk: int = 1 << 20) -> str:
    """The content hash; ExtractionError('not_a_pdf') for a special file, decided from
    stat before opening and again on the opened descriptor (the path may change between)."""
    what = special_file(os.stat(path).st_mode)
    if what:
        raise not_a_file(what)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO swapped in after the stat must not block the open
    with os.fdopen(fd, "rb") as fh:
        what = special_file(os.fstat(fd).st_mode)
        if what:
            raise not_a_file(what)
        digest = hashlib.sha256()
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def check_pdf_bytes(path: str | Path) -> None:
    """Raise ExtractionError('empty' | 'not_a_pdf') before any parser sees the file."""
    size = Path(path).stat().st_size
    if size == 0:
        raise ExtractionError("empty", "the file is empty (0 bytes)")
    with open(path, "rb") as fh:
        head = fh.read(MAGIC_WINDOW)
    if PDF_MAGIC not in head:
        kind = _sniff(head)
        raise ExtractionError("not_a_pdf", f"the file does not start like a PDF (no %PDF- header){kind}")


def _sniff(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "; it is a ZIP container (a .docx/.xlsx renamed?)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "; it is an old MS Office file (.doc/.xls)"
    if head[:5].lower() in (b"<!doc", b"<html"):
        return "; it is an HTML page (a failed download?)"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG")):
        return "; it is an image: convert it to PDF"
    return ""


# ---------------------------------------------------------------- limits and passwords

# Acrobat accepts the end marker anywhere in the last KiB; a file without it was cut short.


def check_complete(path: str | Path) -> None:
    """Raise ExtractionError('corrupt') for a file cut short (a truncated download): without
    this a parser may read the first pages of it and the rest would be silently missing."""
    size = Path(path).stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - END_WINDOW))
        tail = fh.read()
    if PDF_END not in tail:
        raise ExtractionError(
            "corrupt", f"the file ends without the PDF end marker (%%EOF) after {size} bytes: a truncated download? Fetch it again"
        )


def check_file_size(path: str | Path, max_bytes: int) -> None:
    size = Path(path).stat().st_size
    if size > max_bytes:
        raise ExtractionError("too_large", f"the file has {_size(size)}, more than the limit of {_size(max_bytes)} (--max-mb)")


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MiB" if n >= MIB else f"{n // 1024} KiB"


def check_page_count(pages: int, max_pages: int) -> None:
    if pages > max_pages:
        raise ExtractionError(
            "too_large", f"the PDF declares {pages} pages, more than the limit of {max_pages} (--max-pages): split it or raise the limit"
        )


def read_password_file(path: str | Path) -> tuple[str, ...]:
    """One password per line (trailing newline stripped, nothing else: spaces may belong to a
    password); blank lines are skipped."""
    text = Path(path).read_text(encoding="utf-8")
    return tuple(line.rstrip("\r\n") for line in text.splitlines() if line.strip())


def open_pdf(path: str | Path, passwords: tuple[str, ...] = ()) -> tuple[object, str | None]:
    """Open ``path`` with pypdfium2 (cheap: no page is parsed); return the document and the
    password that opened it (None when none was needed). Raises ExtractionError
    'encrypted' when no password opens it and 'corrupt' when PDFium cannot load it."""
    import pypdfium2
    from pypdfium2 import raw as pdfium_c

    try:
        return pypdfium2.PdfDocument(str(path)), None
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionError(
                "encrypted",
                f"the PDF is encrypted with a security handler kinerja cannot open ({_security_handler(path)}): "
                "ask its sender for an unprotected copy, or save one with the program the handler belongs to",
            ) from exc
        if exc.err_code != pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractionError("corrupt", f"the PDF cannot be opened ({exc}): re-export or fetch it again") from exc
    for password in passwords:
        try:
            return pypdfium2.PdfDocument(str(path), password=password), password
        except pypdfium2.PdfiumError:
            continue
    if passwords:
        detail = f"the PDF is password-protected and none of the {len(passwords)} passwords given opens it"
    else:
        detail = "the PDF is password-protected: pass its password in a file with --password-file (one per line)"
    raise ExtractionError("encrypted", detail)


_FILTER_NAME = re.compile(rb"/Filter\s*/([A-Za-z0-9_.#+-]{1,64})")


def _security_handler(path: str | Path) -> str:
    """The /Filter named in the file's /Encrypt dictionary, for the message (best effort:
    the first /Filter after the last /Encrypt reference)."""
    data = Path(path).read_bytes()
    at = data.rfind(b"/Encrypt")
    ref = re.match(rb"/Encrypt\s+(\d+)\s+(\d+)\s+R", data[at : at + 40]) if at >= 0 else None
    obj = re.compile(rb"(?<![0-9])%s\s+%s\s+obj" % (ref[1], ref[2])).search(data) if ref else None
    name = _FILTER_NAME.search(data, obj.start() if obj else 0)
    return f"/Filter /{name[1].decode('ascii')}" if name else "an unknown /Filter"


def save_decrypted(pdf: object, dest: str | Path) -> Path:
    """Write an unencrypted copy of an opened document (the parsers get no password)."""
    from pypdfium2 import raw as pdfium_c

    pdf.save(str(dest), flags=pdfium_c.FPDF_REMOVE_SECURITY)  # type: ignore[attr-defined]
    return Path(dest)
