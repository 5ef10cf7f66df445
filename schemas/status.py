"""The verdict vocabulary (CONTRACT.md): what becomes of every input file, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

FileStatus = Literal["loaded", "duplicate", "quarantined"]
QuarantineReason = Literal[
    "empty",
    "corrupt",
    "encrypted",
    "not_a_pdf",
    "not_a_performance_document",
    "requires_ocr",
    "too_large",
    "timeout",
    "extraction_failed",
]
FILE_STATUSES: tuple[str, ...] = get_args(FileStatus)
QUARANTINE_REASONS: tuple[str, ...] = get_args(QuarantineReason)
DUPLICATE_DETAIL = "byte-identical to a document already loaded"


@dataclass(frozen=True)
class Quarantine:
    """A file that is not loaded: the reason, a one-line detail and, when an exception was
    behind it, the full traceback."""

    reason: str
    detail: str
    traceback: str | None = None

    def __post_init__(self) -> None:
        if self.reason not in QUARANTINE_REASONS:
            raise ValueError(f"unknown quarantine reason {self.reason!r}")
