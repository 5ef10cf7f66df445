"""Every `bi` view written out for BI tools: Parquet (partitioned by fiscal_year, Hive
layout, DECIMAL kept), CSV, or one XLSX workbook with a sheet per view.

Beside the views, ``dictionary.csv``: each view's and column's meaning, type and an example
(warehouse.dictionary), so the data travels with its description.

The output folder is replaced as a whole: the views are written into a sibling folder,
which is then renamed over the old one, so a reader sees the previous export or the new
one, never half of each (for the instant between the two renames, neither).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb

from warehouse import dictionary

FORMATS = ("parquet", "csv", "xlsx")
DICTIONARY_FILE = "dictionary.csv"
XLSX_MAX_ROWS = 1_048_575  # a sheet's rows under its header
CELL_TYPES = (int, float, str, Decimal, datetime.date, datetime.datetime)  # written as they are (Decimal exactly); others as text


class ExportError(RuntimeError):
    """The export could not be written; the message says why."""


def bi_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bi' ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' AND table_name = ? ORDER BY ordinal_position", [view]
    ).fetchall()
    return [r[0] for r in rows]


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _write_view(con: duckdb.DuckDBPyConnection, view: str, fmt: str, folder: Path) -> None:
    query = f"SELECT * FROM bi.{view}"
    if fmt == "parquet" and "fiscal_year" in _columns(con, view):
        con.execute(f"COPY ({query}) TO {_quoted(folder / view)} (FORMAT parquet, PARTITION_BY (fiscal_year))")
    elif fmt == "parquet":
        con.execute(f"COPY ({query}) TO {_quoted(folder / f'{view}.parquet')} (FORMAT parquet)")
    else:
        con.execute(f"COPY ({query}) TO {_quoted(folder / f'{view}.csv')} (FORMAT csv, HEADER)")


def _write_workbook(con: duckdb.DuckDBPyConnection, views: list[str], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for view in views:
        cursor = con.execute(f"SELECT * FROM bi.{view}")
        sheet = book.create_sheet(view[:31])
        sheet.append([d[0] for d in cursor.description])
        rows = cursor.fetchall()
        if len(rows) > XLSX_MAX_ROWS:
            raise ExportError(f"bi.{view} has {len(rows)} rows, more than a sheet holds: export it as parquet or csv")
        for row in rows:
            sheet.append([v if v is None or isinstance(v, CELL_TYPES) else str(v) for v in row])
    book.save(path)


def export_bi(db: str | Path, fmt: str, out: Path) -> dict[str, int]:
    """Write every bi view of the warehouse and its data dictionary into ``out``; returns the rows per view."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise ExportError(f"cannot open the warehouse {db} to read it: {exc}") from exc
    partial = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        views = bi_views(con)
        counts = {v: con.execute(f"SELECT count(*) FROM bi.{v}").fetchone()[0] for v in views}
        if fmt == "xlsx":
            _write_workbook(con, views, partial / "bi.xlsx")
        else:
            for view in views:
                _write_view(con, view, fmt, partial)
        (partial / DICTIONARY_FILE).write_text(dictionary.as_csv(dictionary.entries(con)), encoding="utf-8")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        con.close()
    _swap_in(partial, out)
    return counts


def _swap_in(partial: Path, out: Path) -> None:
    """Rename the new export over the old one (two renames: a folder cannot be replaced in one)."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.rename(out, old)
    os.rename(partial, out)
    with contextlib.suppress(OSError):
        shutil.rmtree(old)
