"""The data dictionary of the `bi` views, read from the warehouse's own catalog: each view's
and column's COMMENT (written by ``warehouse/sql/comments/<view>.sql``), its type, and an
example value taken from the data. Nothing here lists a view or a column: a view added
with its comment file shows up by itself."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields

import duckdb

EXAMPLE_CHARS = 80  # a longer value (a traceback, an objective) is cut and ends with ELLIPSIS
ELLIPSIS = "…"


@dataclass(frozen=True)
class Entry:
    """One column of one bi view."""

    view: str
    view_description: str
    column: str
    position: int  # 1-based, as in SELECT *
    data_type: str
    description: str
    example: str  # DuckDB's text of the first non-NULL value in the view ('' when all are NULL)


CSV_COLUMNS = tuple(f.name for f in fields(Entry))


def entries(con: duckdb.DuckDBPyConnection) -> list[Entry]:
    """Every column of every bi view, by view name and column position."""
    rows = con.execute(
        """SELECT v.view_name, coalesce(v.comment, ''), c.column_name, c.column_index, c.data_type, coalesce(c.comment, '')
           FROM duckdb_views() v
           JOIN duckdb_columns() c
             ON c.database_name = v.database_name AND c.schema_name = v.schema_name AND c.table_name = v.view_name
           WHERE v.database_name = current_database() AND v.schema_name = 'bi'
           ORDER BY v.view_name, c.column_index"""
    ).fetchall()
    found: list[Entry] = []
    for view in dict.fromkeys(r[0] for r in rows):
        columns = [r for r in rows if r[0] == view]
        shown = examples(con, view, [r[2] for r in columns])
        found += [Entry(view, vd, column, position, data_type, cd, shown[column]) for _, vd, column, position, data_type, cd in columns]
    return found


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def examples(con: duckdb.DuckDBPyConnection, view: str, columns: list[str]) -> dict[str, str]:
    """The first non-NULL value of each column in the view's order, as DuckDB's text, cut at
    EXAMPLE_CHARS; '' when the column holds none. The view is evaluated once."""
    if not columns:
        return {}
    firsts = ", ".join(f"(SELECT CAST({_quoted(c)} AS VARCHAR) FROM v WHERE {_quoted(c)} IS NOT NULL LIMIT 1)" for c in columns)
    values = con.execute(f"WITH v AS MATERIALIZED (SELECT * FROM bi.{_quoted(view)}) SELECT {firsts}").fetchone()
    return {c: _shortened(v) for c, v in zip(columns, values)}


def _shortened(text: str | None) -> str:
    if text is None:
        return ""
    return text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS] + ELLIPSIS


def as_json(found: list[Entry]) -> dict:
    """{"views": [{"view", "description", "columns": [{"column", "data_type", "description", "example"}]}]}."""
    views: dict[str, dict] = {}
    for e in found:
        view = views.setdefault(e.view, {"view": f"bi.{e.view}", "description": e.view_description, "columns": []})
        view["columns"].append({"column": e.column, "data_type": e.data_type, "description": e.description, "example": e.example})
    return {"views": list(views.values())}


def as_csv(found: list[Entry]) -> str:
    """One row per column, the view's description repeated on each (a table BI tools load as it is)."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(asdict(e) for e in found)
    return text.getvalue()


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: one line, pipes escaped, control characters (which
    act on a terminal) spelled out as their Python escape."""
    line = " ".join(text.split()).replace("|", "\\|")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in line)


def as_markdown(found: list[Entry]) -> str:
    """A section per view (its description, then a table of its columns)."""
    lines = ["# Data dictionary: the `bi` views", ""]
    for view in dict.fromkeys(e.view for e in found):
        columns = [e for e in found if e.view == view]
        lines += [f"## bi.{view}", "", _cell(columns[0].view_description) or "_(no description)_", ""]
        lines += ["| column | type | meaning | example |", "|---|---|---|---|"]
        lines += [f"| {e.column} | {e.data_type} | {_cell(e.description)} | {_cell(e.example)} |" for e in columns]
        lines.append("")
    return "\n".join(lines)
