"""The input file itself: its content hash and whether its bytes are a PDF at all."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.document import ExtractionError

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # PDF readers accept the header anywhere in the first KiB


def sha256_of(path: str | Path, *, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
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
