"""The extract -> normalize path of one document, every failure turned into a Quarantine.

It runs inside the extraction child (flows.isolation) and imports no Prefect.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from extractors.confidence import ocr_words, with_confidence
from extractors.digital_signature import read_digital_signatures
from extractors.document import extract_document
from extractors.ocr import NeedsOcr, ocr_copy, ocr_work_folder
from extractors.second_reading import with_second_reading
from extractors.source import (
    check_complete,
    check_file_size,
    check_page_count,
    check_pdf_bytes,
    open_pdf,
    read_password_file,
    save_decrypted,
)
from flows.failures import classify_failure, first_line, out_of_memory, too_deep, trace
from flows.settings import Limits
from schemas.errors import ExtractionError
from schemas.normalize import NormalizationError, normalize_document
from schemas.records import Document, RawDocument
from schemas.status import Quarantine

# Of the --timeout, what OCR may not use: reading the OCR'd copy afterwards.
READ_AFTER_OCR_SHARE = 0.25


def extract_checked(path: str, sha256: str, limits: Limits, trust_roots: str | None = None) -> Document | Quarantine:
    """Extract and normalize one document; every failure becomes a Quarantine."""
    try:
        return _extract(path, sha256, limits, trust_roots)
    except ExtractionError as exc:
        return Quarantine(exc.reason, exc.detail)
    except MemoryError:
        return out_of_memory(limits)
    except RecursionError as exc:
        return too_deep(exc)
    except NormalizationError as exc:
        return Quarantine("extraction_failed", first_line(exc), trace(exc))
    except Exception as exc:  # a parser bug or a hostile file must not stop the others
        return classify_failure(exc)


def _extract(path: str, sha256: str, limits: Limits, trust_roots: str | None) -> Document:
    started = time.monotonic()
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
        try:
            raw = extract_document(readable, document_id=sha256, file_name=Path(path).name)
        except NeedsOcr as need:
            seconds = limits.timeout_s * (1 - READ_AFTER_OCR_SHARE) - (time.monotonic() - started)
            raw = _extract_ocred(readable, Path(tmp) / "ocr.pdf", need, seconds, document_id=sha256, file_name=Path(path).name)
        return normalize_document(raw).model_copy(update={"digital_signatures": tuple(signed)})


def _extract_ocred(readable: Path, copy: Path, need: NeedsOcr, seconds: float, *, document_id: str, file_name: str) -> RawDocument:
    """OCR a copy of the pages that need it and read the copy with the same extractor; the
    document keeps the original's identity (its id is the original's SHA-256). Each value
    read by OCR keeps Tesseract's confidence in it, from the same OCR run, and its figure is
    read a second time (extractors/second_reading.py)."""
    ocr_copy(readable, copy, need.pages, force=need.force, seconds=seconds)
    raw = extract_document(copy, document_id=document_id, file_name=file_name, ocr_pages=need.pages)
    words = ocr_words(copy, ocr_work_folder(copy))
    return with_second_reading(with_confidence(raw, words, need.pages), copy, words, need.pages)
