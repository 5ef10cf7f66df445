"""The read-only snapshot BI tools read, published after each run.

While one process has a DuckDB file open for writing, no other process may open it, not
even to read; an ingest holds the warehouse for its whole run. BI tools (Metabase,
Superset, Power BI) therefore read a copy. At the end of a run, after a CHECKPOINT (the
.wal folded into the file: the file alone is the whole database), the file is copied to a
temporary file beside the published one, fsynced, and renamed over it: a reader that has
the old snapshot open keeps reading its inode, a new connection sees the new file whole.

The copy is taken while the run still holds the warehouse: once it lets go, the next
writer could change the file in the middle of the copy.

A run that changed nothing does not copy: the warehouse's fingerprint (its catalog, the
row count of each table, the runs that settled new files) is compared with the snapshot's.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

SNAPSHOT_SUFFIX = ".bi.duckdb"
_RUN_LOG = ("meta", "runs")  # every run adds a row: counted only through the runs that settled something


@dataclass(frozen=True)
class Publication:
    path: str
    status: str  # 'published' | 'unchanged' (the snapshot already held this content) | 'failed'
    detail: str | None = None
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {"path": self.path, "status": self.status, "detail": self.detail}


def snapshot_path(db: str | Path) -> Path:
    """The default snapshot of a warehouse: warehouse/kinerja.duckdb -> warehouse/kinerja.bi.duckdb."""
    db = Path(db)
    return db.with_name(db.stem + SNAPSHOT_SUFFIX)


def content_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What the warehouse holds, cheaply: its tables and views as created, the rows of each
    table, and the runs that settled something (a run that found nothing new adds only its
    own row to the run log). Read from metadata and counts, never from the rows."""
    here = "database_name = current_database() AND NOT internal"
    parts: list[object] = [
        con.execute(f"SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE {here} ORDER BY ALL").fetchall(),
        con.execute(f"SELECT schema_name, view_name, sql FROM duckdb_views() WHERE {here} ORDER BY ALL").fetchall(),
    ]
    tables = con.execute(f"SELECT schema_name, table_name FROM duckdb_tables() WHERE {here} ORDER BY ALL").fetchall()
    for schema, table in tables:
        if (schema, table) != _RUN_LOG:
            parts.append((schema, table, con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()))
    if _RUN_LOG in tables:
        parts.append(con.execute(
            "SELECT run_id, status, new_files FROM meta.runs WHERE status <> 'completed' OR coalesce(new_files, 1) <> 0 ORDER BY run_id"
        ).fetchall())
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def snapshot_fingerprint(path: Path) -> str | None:
    """The published snapshot's fingerprint; None when there is none or it cannot be read
    (then it is published anew)."""
    if not path.is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return content_fingerprint(con)
    except duckdb.Error:
        return None
    finally:
        con.close()


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` onto ``target`` in one rename: into a temporary file in the target's
    folder (the same file system), fsynced, then os.replace, then the folder fsynced."""
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.partial"):  # a copy killed midway (only the warehouse's writer publishes)
        stale.unlink(missing_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power cut
    finally:
        os.close(folder)


def publish_snapshot(con: duckdb.DuckDBPyConnection, db: str | Path, target: str | Path) -> Publication:
    """Publish the warehouse ``db``, open for writing on ``con`` (its lock held: nothing
    changes it meanwhile), as the read-only snapshot ``target``; copy only when the
    snapshot's content differs. A failure is reported, never raised: the run's data are
    committed whatever becomes of their copy."""
    started = time.monotonic()
    target = Path(target)
    try:
        con.execute("CHECKPOINT")
        if snapshot_fingerprint(target) == content_fingerprint(con):
            return Publication(str(target), "unchanged", seconds=time.monotonic() - started)
        with contextlib.suppress(FileNotFoundError):  # left by a tool that opened the snapshot for writing: it must not replay onto the new one
            Path(f"{target}.wal").unlink()
        copy_atomically(Path(db), target)
    except (OSError, duckdb.Error) as exc:
        return Publication(str(target), "failed", f"{type(exc).__name__}: {exc}".splitlines()[0][:300], time.monotonic() - started)
    return Publication(str(target), "published", seconds=time.monotonic() - started)
