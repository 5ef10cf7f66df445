"""Opening the DuckDB warehouse: migrations, bi views, the single-writer lock.

The SQL lives as package data under ``warehouse/sql/``:
``migrations/NNN_name.sql`` (applied once each, in order), ``bi/<view>.sql`` (one
CREATE OR REPLACE VIEW per file, recreated on every open) and
``checks/<check_name>.sql`` (one reconciliation SELECT per file, united into
``bi.reconciliation``) and ``comments/<view>.sql`` (the COMMENT ON statements of one bi
view and its columns: the data dictionary, kept in the catalog).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import duckdb

SQL_ROOT: Traversable = resources.files("warehouse") / "sql"
_MIGRATION_NAME = re.compile(r"^(\d{3,})_([a-z0-9_]+)\.sql$")
_LOCK_RETRY_S = 0.1
_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


class WarehouseError(Exception):
    """The warehouse cannot be opened or changed."""


class WarehouseLocked(WarehouseError):
    """Another process holds the DuckDB file (DuckDB allows one writer process)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def utc_now() -> dt.datetime:
    """The warehouse's timestamps are UTC without a time zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def open_warehouse(path: str | Path, *, lock_timeout_s: float = 0) -> duckdb.DuckDBPyConnection:
    """Open (creating the file if needed) the warehouse at ``path``, migrate it, (re)create
    the bi views. Its folder must exist: a mistyped path must not start a new, empty warehouse."""
    path = Path(path)
    if not path.parent.is_dir():
        raise WarehouseError(
            f"the folder {path.parent} of the warehouse {path.name} does not exist: create it first "
            "(a mistyped --db would otherwise start a new, empty warehouse)"
        )
    con = _connect(path, lock_timeout_s)
    try:
        apply_migrations(con)
        create_views(con)
    except BaseException:
        con.close()
        raise
    return con


def open_reader(path: str | Path, *, lock_timeout_s: float = 0) -> duckdb.DuckDBPyConnection:
    """A read-only connection (no migrations): for exports and reports. While a writer
    holds the file DuckDB refuses even readers, so this waits like a writer does."""
    path = Path(path)
    if not path.exists():
        raise WarehouseError(f"there is no warehouse at {path}: run `kinerja ingest` first")
    return _connect(path, lock_timeout_s, read_only=True)


def _connect(path: Path, lock_timeout_s: float, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    deadline = started + max(lock_timeout_s, 0)
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise WarehouseError(f"cannot open the warehouse {path}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise WarehouseLocked(_locked_message(path, exc, time.monotonic() - started)) from exc
            time.sleep(_LOCK_RETRY_S)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open the warehouse {path}: {exc}") from exc


def _locked_message(path: Path, exc: duckdb.Error, waited_s: float) -> str:
    """One line: who holds the file, how long we waited, what to do."""
    holder = _LOCK_HOLDER.search(str(exc))
    who = _process(int(holder[1])) if holder else "another process"
    return (
        f"the warehouse {path} is in use by {who}; waited {waited_s:.0f} s. DuckDB allows one "
        "process at a time, readers included: wait for it to finish (or close it) and run again, raise "
        "--lock-timeout (or $KINERJA_LOCK_TIMEOUT), or use another --db file."
    )


def _process(pid: int) -> str:
    """The lock holder as a person would name it: another kinerja run, or the program
    (a BI tool, a notebook, the duckdb shell) with its command line (Linux /proc)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().rstrip(b"\0").split(b"\0")
    except OSError:
        return f"another process (PID {pid})"
    words = [a.decode(errors="replace") for a in argv]
    if any(Path(w).name == "kinerja" or w == "flows.cli" for w in words[:3]):  # the console script, or python -m flows.cli
        return f"another kinerja run (PID {pid})"
    command = " ".join(words)
    return f"PID {pid} ({command[:120]})"


def _is_lock_error(exc: duckdb.Error) -> bool:
    message = str(exc).lower()
    return "lock" in message and ("conflicting" in message or "could not set" in message)


# ---------------------------------------------------------------- migrations


def migrations() -> list[Migration]:
    """The migrations shipped with the package, in version order."""
    found: list[Migration] = []
    for entry in (SQL_ROOT / "migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match is None:
            continue
        found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise WarehouseError(f"two migrations share a version number: {versions}")
    return found


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    rows = con.execute("SELECT version FROM meta.schema_migrations").fetchall()
    return {version for (version,) in rows}


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the pending migrations, each in its own transaction; return their versions."""
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute(
        """CREATE TABLE IF NOT EXISTS meta.schema_migrations (
               version    INTEGER PRIMARY KEY,
               name       VARCHAR NOT NULL,
               applied_at TIMESTAMP NOT NULL)"""
    )
    done = applied_versions(con)
    applied: list[int] = []
    for migration in migrations():
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO meta.schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.name, utc_now()],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(
                f"migration {migration.version:03d}_{migration.name} failed: {exc}"
            ) from exc
        applied.append(migration.version)
    return applied


# ---------------------------------------------------------------- views


def _files(folder: str) -> dict[str, str]:
    """The SQL files of one sql/ folder, by file name (without .sql), in name order."""
    return {
        entry.name.removesuffix(".sql"): entry.read_text(encoding="utf-8")
        for entry in sorted((SQL_ROOT / folder).iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".sql")
    }


def model_sql() -> dict[str, str]:
    """The macros, then the intermediate core views the checks and views build on, by name."""
    return _files("macros") | _files("models")


def view_sql() -> dict[str, str]:
    """CREATE OR REPLACE VIEW statements, by schema-qualified name, in creation order: the fact
    views over every version (all_versions.*), then the bi views (bi.<fact> is its all_versions
    view restricted to current documents)."""
    views = {f"all_versions.{name}": sql for name, sql in _files("all_versions").items()}
    views["all_versions.reconciliation"] = reconciliation_sql()
    views |= {f"bi.{name}": sql for name, sql in _files("bi").items()}
    views["bi.reconciliation"] = (
        "CREATE OR REPLACE VIEW bi.reconciliation AS\n"
        "SELECT * EXCLUDE (is_current) FROM all_versions.reconciliation WHERE is_current;\n"
    )
    return views


def _selects(folder: str) -> dict[str, str]:
    """The SELECT statements of one sql/ folder (a file each), by file name."""
    return {name: sql.strip().rstrip(";") for name, sql in _files(folder).items()}


def check_sql() -> dict[str, str]:
    """The reconciliation checks (one SELECT each), by check name."""
    return _selects("checks")


def data_test_sql() -> dict[str, str]:
    """The data tests (dbt style): each SELECT returns (relation, failures) rows, none when the data hold."""
    return _selects("tests")


def failed_data_tests(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every data test that returned rows, with those rows."""
    failed = {name: con.execute(sql).fetchall() for name, sql in data_test_sql().items()}
    return {name: rows for name, rows in failed.items() if rows}


def reconciliation_sql() -> str:
    """all_versions.reconciliation: the UNION ALL of every check file, each row with whether
    its document is current (bi.reconciliation keeps those)."""
    columns = "document_id, check_name, subject, stated, computed, difference, status"
    parts = [
        f"SELECT {columns} FROM (\n{sql}\n) AS {name}" for name, sql in check_sql().items()
    ]
    union = "\nUNION ALL\n".join(parts)
    return (
        "CREATE OR REPLACE VIEW all_versions.reconciliation AS\n"
        f"SELECT c.*, v.is_current FROM (\n{union}\n) AS c\nJOIN core.document_versions v USING (document_id);\n"
    )


def comment_sql() -> dict[str, str]:
    """COMMENT ON statements of each bi view and its columns, by view name."""
    return _files("comments")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every macro, view and bi comment in one transaction (CREATE OR REPLACE
    drops a view's comments, so they are applied again after it). Skipped when the
    warehouse already has these definitions (the same SQL, migrations and DuckDB, every view
    present, none replaced by hand without its comment): recreating them was most of an unchanged re-run's time."""
    models, views, comments = model_sql(), view_sql(), comment_sql()
    fingerprint = hashlib.sha256(
        json.dumps([duckdb.__version__, sorted(applied_versions(con)), models, views, comments], sort_keys=True).encode()
    ).hexdigest()
    con.execute("CREATE TABLE IF NOT EXISTS meta.view_definitions (fingerprint VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)")
    if _views_current(con, fingerprint, views):
        return
    con.execute("BEGIN TRANSACTION")
    try:
        _create_in_dependency_order(con, models)
        _create_in_dependency_order(con, views)
        for name, sql in comments.items():
            try:
                con.execute(sql)
            except duckdb.Error as exc:
                raise WarehouseError(f"the comments of bi.{name} (warehouse/sql/comments/{name}.sql) cannot be applied: {exc}") from exc
        con.execute("DELETE FROM meta.view_definitions")
        con.execute("INSERT INTO meta.view_definitions VALUES (?, ?)", [fingerprint, utc_now()])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _views_current(con: duckdb.DuckDBPyConnection, fingerprint: str, views: dict[str, str]) -> bool:
    stored = con.execute("SELECT fingerprint FROM meta.view_definitions").fetchall()
    if stored != [(fingerprint,)]:
        return False
    rows = con.execute("SELECT schema_name, view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    present = {f"{schema}.{name}" for schema, name, _ in rows}
    uncommented = [name for schema, name, comment in rows if schema == "bi" and comment is None]  # replaced by hand
    return set(views) <= present and not uncommented


_CREATES = re.compile(r"CREATE OR REPLACE (?:VIEW|MACRO) ([a-z_]+\.[a-z_]+)", re.IGNORECASE)


def _create_in_dependency_order(con: duckdb.DuckDBPyConnection, statements: dict[str, str]) -> None:
    """Run the statements, each after those whose view or macro it names (DuckDB binds a view
    when it is created, so what it reads must exist first)."""
    creates = {name: m[1].lower() for name, sql in statements.items() if (m := _CREATES.search(sql))}
    done: set[str] = set()

    def run(name: str, path: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in path:
            raise WarehouseError(f"views read each other in a cycle: {' -> '.join(path + (name,))}")
        for other, created in creates.items():
            if other != name and re.search(rf"\b{re.escape(created)}\b", statements[name], re.IGNORECASE):
                run(other, path + (name,))
        try:
            con.execute(statements[name])
        except duckdb.Error as exc:
            raise WarehouseError(f"view {name} cannot be created: {exc}") from exc
        done.add(name)

    for name in statements:
        run(name, ())
