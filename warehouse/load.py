"""Loading typed documents into the warehouse, one transaction per document.

Row keys come from content (document_id + ordinal in the document), so loading the
same document again is a no-op. Statements are parameterised and set-based
(one INSERT per table and document); table and column names are constants of this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import duckdb

from schemas.records import Document
from schemas.status import FILE_STATUSES, QUARANTINE_REASONS, Quarantine
from warehouse.db import utc_now
from warehouse.rows import DOCUMENT_TABLES, Row, document_rows

# Up to this many values, a VALUES list costs less than one list per column (measured:
# benchmarks/bench_load.py): a document's single row, its few signatures.
_VALUES_AT_MOST = 64

_FILE_COLUMNS = (
    "file_path", "file_name", "sha256", "status", "reason", "detail", "document_id", "run_id", "seen_at",
)


def document_exists(con: duckdb.DuckDBPyConnection, document_id: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM core.documents WHERE document_id = ?", [document_id]
    ).fetchone()
    return bool(row and row[0])


def load_document(
    con: duckdb.DuckDBPyConnection, doc: Document, *, run_id: str, file_path: str
) -> dict[str, int]:
    """Load ``doc`` in one transaction; return rows inserted per table ({} if already loaded)."""
    d = doc.document_id
    con.execute("BEGIN TRANSACTION")
    try:
        loaded, file_seen = con.execute(
            "SELECT EXISTS (FROM core.documents WHERE document_id = ?), EXISTS (FROM core.files WHERE file_path = ? AND sha256 = ?)",
            [d, file_path, d],
        ).fetchone()
        if loaded:
            con.execute("ROLLBACK")
            return {}
        counts = _insert_document(con, doc, run_id=run_id, file_path=file_path, ingested_at=utc_now(), file_seen=file_seen)
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    return counts


def stored_extractor_version(con: duckdb.DuckDBPyConnection, document_id: str) -> tuple[bool, int | None]:
    """(whether the document is loaded, the extractor version that read it: None if unknown)."""
    row = con.execute("SELECT extractor_version FROM core.documents WHERE document_id = ?", [document_id]).fetchone()
    return (row is not None, row[0] if row else None)


def read_by_older_extractor(con: duckdb.DuckDBPyConnection, version: int) -> int:
    """How many loaded documents an extractor other than ``version`` read (or one of unrecorded version)."""
    return con.execute("SELECT count(*) FROM core.documents WHERE extractor_version IS DISTINCT FROM ?", [version]).fetchone()[0]


def replace_document(
    con: duckdb.DuckDBPyConnection, doc: Document, *, run_id: str, file_path: str
) -> dict[str, int]:
    """Replace a loaded document's rows with a new reading of it, in one transaction. The rows
    it replaces go to history.replaced_rows (as JSON, with the extractor version that made
    them); the document keeps its first ingestion time, so re-reading it makes no new version.
    Indicator links to or from it are dropped (the next refresh makes them again)."""
    d = doc.document_id
    con.execute("BEGIN TRANSACTION")
    try:
        row = con.execute(
            "SELECT ingested_at, extractor_version, EXISTS (FROM core.files WHERE file_path = ? AND sha256 = ?) "
            "FROM core.documents WHERE document_id = ?",
            [file_path, d, d],
        ).fetchone()
        if row is None:
            con.execute("ROLLBACK")
            return load_document(con, doc, run_id=run_id, file_path=file_path)
        ingested_at, old_version, file_seen = row
        now = utc_now()
        for table in (*DOCUMENT_TABLES, "meta.loads"):
            con.execute(
                f"INSERT INTO history.replaced_rows SELECT ?, ?, ?, ?, ?, to_json(t) FROM {table} AS t WHERE document_id = ?",
                [d, old_version, now, run_id, table, d],
            )
            con.execute(f"DELETE FROM {table} WHERE document_id = ?", [d])
        con.execute("DELETE FROM core.indicator_link_rows WHERE document_id = ? OR previous_document_id = ?", [d, d])
        counts = _insert_document(con, doc, run_id=run_id, file_path=file_path, ingested_at=ingested_at, file_seen=file_seen)
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    return counts


def _insert_document(
    con: duckdb.DuckDBPyConnection, doc: Document, *, run_id: str, file_path: str, ingested_at: dt.datetime, file_seen: bool
) -> dict[str, int]:
    """Every row of the document, its file's verdict and the load trace (inside the caller's
    transaction); ``file_seen``: core.files already has a row for these bytes at this path."""
    counts: dict[str, int] = {}
    for table, columns, rows in document_rows(doc, run_id=run_id, ingested_at=ingested_at):
        insert_rows(con, table, columns, rows)
        counts[table] = len(rows)
    now = utc_now()
    _record_loaded_file(con, doc, run_id=run_id, file_path=file_path, seen_at=now, file_seen=file_seen)
    counts["core.files"] = 1
    load_rows = [
        (f"{doc.document_id}:{table}", run_id, doc.document_id, table, count, now)
        for table, count in counts.items()
    ]
    insert_rows(con, "meta.loads", ("load_id", "run_id", "document_id", "table_name", "row_count", "loaded_at"), load_rows)
    return counts


def record_file(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    file_path: str,
    file_name: str,
    sha256: str,
    status: str,
    reason: str | None = None,
    detail: str | None = None,
    document_id: str | None = None,
) -> None:
    """Record a file seen (duplicate, quarantined); the same file at the same path only once."""
    if status not in FILE_STATUSES:
        raise ValueError(f"file status {status!r} is not one of {FILE_STATUSES}")
    if reason is not None and reason not in QUARANTINE_REASONS:
        raise ValueError(f"quarantine reason {reason!r} is not one of {QUARANTINE_REASONS}")
    con.execute(
        f"INSERT OR IGNORE INTO core.files ({', '.join(_FILE_COLUMNS)}) "
        f"VALUES ({_placeholders(len(_FILE_COLUMNS))})",
        [file_path, file_name, sha256, status, reason, detail, document_id, run_id, utc_now()],
    )


def record_quarantine(
    con: duckdb.DuckDBPyConnection, *, run_id: str, file_path: str, file_name: str, sha256: str, quarantine: Quarantine
) -> None:
    """The verdict and its traceback in one transaction: a kill never leaves one without the other."""
    con.execute("BEGIN TRANSACTION")
    try:
        record_file(
            con, run_id=run_id, file_path=file_path, file_name=file_name, sha256=sha256,
            status="quarantined", reason=quarantine.reason, detail=quarantine.detail,
        )
        if quarantine.traceback:
            con.execute(
                "UPDATE core.files SET traceback = ? WHERE file_path = ? AND sha256 = ? AND status = 'quarantined'",
                [quarantine.traceback, file_path, sha256],
            )
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


UNCLOSED_DETAIL = "ended without closing its trace (killed, or the machine stopped): the files it settled are kept"


def start_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Open the run's trace (again: the command opens it before the flow starts). The caller
    holds the writer's lock, so another run still 'running' here is one whose process died:
    it is closed as interrupted first."""
    close_unfinished_runs(con, "interrupted", UNCLOSED_DETAIL, keep=run_id)
    con.execute(
        "INSERT OR IGNORE INTO meta.runs (run_id, started_at, status) VALUES (?, ?, 'running')", [run_id, utc_now()]
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> None:
    """Close the run's trace with its file counts (keys: files, new, loaded, duplicate, quarantined)."""
    loaded = counts.get("loaded", 0)
    duplicate = counts.get("duplicate", 0)
    quarantined = counts.get("quarantined", 0)
    files = counts.get("files", loaded + duplicate + quarantined)
    con.execute(
        "UPDATE meta.runs SET finished_at = ?, status = 'completed', files = ?, new_files = ?, loaded = ?, duplicate = ?, "
        "quarantined = ? WHERE run_id = ?",
        [utc_now(), files, counts.get("new"), loaded, duplicate, quarantined, run_id],
    )


def close_unfinished_runs(con: duckdb.DuckDBPyConnection, status: str, detail: str, keep: str | None = None) -> list[tuple[str, int]]:
    """Close every run still marked running but ``keep`` (only the lock holder may call this)
    with the counts of the files it settled; return (run_id, files settled) for each."""
    return con.execute(
        """UPDATE meta.runs AS r SET finished_at = ?, status = ?, detail = ?,
               new_files = (SELECT count(*) FROM core.files f WHERE f.run_id = r.run_id),
               files = (SELECT count(*) FROM core.files f WHERE f.run_id = r.run_id),
               loaded = (SELECT count(*) FROM core.files f WHERE f.run_id = r.run_id AND f.status = 'loaded'),
               duplicate = (SELECT count(*) FROM core.files f WHERE f.run_id = r.run_id AND f.status = 'duplicate'),
               quarantined = (SELECT count(*) FROM core.files f WHERE f.run_id = r.run_id AND f.status = 'quarantined')
           WHERE status = 'running' AND run_id IS DISTINCT FROM ? RETURNING run_id, files""",
        [utc_now(), status, detail, keep],
    ).fetchall()


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[Row]
) -> None:
    """Insert a table's rows in one statement. DuckDB binds and plans every placeholder of
    a VALUES list (about 10 µs a value, most of a document's load before), but converts a
    list parameter in C: beyond a few rows, one list per column, which ``unnest`` zips back
    into rows, is several times faster."""
    if not rows:
        return
    names = ", ".join(columns)
    if len(rows) * len(columns) <= _VALUES_AT_MOST:
        one_row = f"({_placeholders(len(columns))})"
        con.execute(f"INSERT INTO {table} ({names}) VALUES {', '.join([one_row] * len(rows))}", [_exact(v) for row in rows for v in row])
        return
    values = [[_exact(value) for value in column] for column in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(['unnest(?)'] * len(columns))}", values)


def _exact(value: object) -> object:
    # DuckDB types a list of Decimals by their widest digits, and beyond 38 digits as DOUBLE:
    # as text, the column's own DECIMAL cast reads each value exactly (and rounds as it would a Decimal).
    return format(value, "f") if isinstance(value, Decimal) else value


def _record_loaded_file(
    con: duckdb.DuckDBPyConnection, doc: Document, *, run_id: str, file_path: str, seen_at: dt.datetime, file_seen: bool
) -> None:
    # A file quarantined earlier (timeout, extractor bug since fixed) that now loads must
    # show as loaded: its row is updated. (Not ON CONFLICT DO UPDATE: DuckDB's costs several inserts.)
    d = doc.document_id
    if file_seen:
        con.execute(
            "UPDATE core.files SET status = 'loaded', reason = NULL, detail = NULL, document_id = ?, run_id = ?, seen_at = ? "
            "WHERE file_path = ? AND sha256 = ?",
            [d, run_id, seen_at, file_path, d],
        )
    else:
        insert_rows(con, "core.files", _FILE_COLUMNS, [(file_path, doc.file_name, d, "loaded", None, None, d, run_id, seen_at)])


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass  # DuckDB already ended the transaction (a failed COMMIT); the caller re-raises


def known_file(con: duckdb.DuckDBPyConnection, *, file_path: str, sha256: str) -> dict[str, str | None] | None:
    """The verdict already recorded for these bytes at this path, or None if never seen."""
    row = con.execute(
        "SELECT status, reason, detail, document_id FROM core.files WHERE file_path = ? AND sha256 = ?",
        [file_path, sha256],
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("status", "reason", "detail", "document_id"), row))
