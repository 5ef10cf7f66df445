"""What a run says about each file (FileOutcome) and about itself (RunSummary), and the
settling of files already known to the warehouse: no Prefect here, so a run with nothing
new to do finishes before Prefect would have started."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from extractors.source import NOTHING_READ_SHA256, not_a_file, sha256_of
from flows.discovery import Found
from schemas.errors import ExtractionError
from schemas.status import Quarantine
from warehouse.load import finish_run, known_file, read_by_older_extractor, start_run
from warehouse.publish import Publication


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
    pages: int | None = None  # of a document loaded by this run

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
    snapshot: Publication | None = None  # the BI snapshot published after the run; None: not asked for
    older_extractor: int = 0  # documents in the warehouse read by an older extractor version (--reextract re-reads them)

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
            "snapshot": self.snapshot.as_json() if self.snapshot else None,
            "read_by_older_extractor": self.older_extractor,
        }


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


def known_outcome(con, path: str, sha: str) -> FileOutcome | None:
    """The verdict this path's bytes got in an earlier run, if they were seen there."""
    known = known_file(con, file_path=display_path(path), sha256=sha)
    if known is None:
        return None
    return FileOutcome(path, known["status"], known["reason"], known["detail"], known["document_id"], new=False)


def display_path(path: str) -> str:
    return str(Path(path))


def settled_before(con, files: list[Found], db: str) -> RunSummary | None:
    """The run's summary when every file had its verdict in an earlier run (same path, same
    bytes), recorded as a run of its own; None when there is work to do."""
    summary = RunSummary(run_id=str(uuid.uuid4()), db=db)  # a run id like Prefect's: the run is an event, not content
    for found in files:
        known = known_outcome(con, str(found.path), fingerprint(found)[0])
        if known is None:
            return None
        summary.items.append(known)
    summary.older_extractor = read_by_older_extractor(con, EXTRACTOR_VERSION)
    start_run(con, summary.run_id)
    finish_run(con, summary.run_id, summary.as_json())
    return summary
