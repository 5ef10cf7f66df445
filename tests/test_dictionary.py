"""The data dictionary lives in the warehouse's catalog: every bi view and every column of it
carries a COMMENT (warehouse/sql/comments/<view>.sql), `kinerja dictionary` prints them with
each column's type and an example from the data, and `kinerja export` ships them.

The views and columns are discovered from the catalog, never listed here: a view or column
added without its comment fails test_every_bi_view_and_column_has_a_comment."""

from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support import query
from warehouse.db import comment_sql, open_warehouse, view_sql
from warehouse.dictionary import ELLIPSIS, EXAMPLE_CHARS
from warehouse.export import FORMATS, export_bi

CATALOG = """SELECT c.table_name AS view, c.column_name AS column, c.data_type, c.comment AS column_comment, v.comment AS view_comment
             FROM duckdb_columns() c
             JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
             WHERE c.database_name = current_database() AND c.schema_name = 'bi'
             ORDER BY c.table_name, c.column_index"""


def _catalog(db) -> list[dict]:
    rows = query(db, CATALOG)
    assert rows, "no bi view found in the catalog"
    return rows


def _uncommented(db) -> list[str]:
    """What lacks a comment, each with the line to add and the file to add it to."""
    catalog = _catalog(db)
    where = "to warehouse/sql/comments/{}.sql"
    views = {r["view"]: r["view_comment"] for r in catalog}
    missing = [f"bi.{v} has no comment: add COMMENT ON VIEW bi.{v} IS $$...$$; {where.format(v)}" for v, c in views.items() if not (c or "").strip()]
    return missing + [
        f"bi.{r['view']}.{r['column']} has no comment: add COMMENT ON COLUMN bi.{r['view']}.{r['column']} IS $$...$$; {where.format(r['view'])}"
        for r in catalog
        if not (r["column_comment"] or "").strip()
    ]


def test_every_bi_view_and_column_has_a_comment(ingested):
    db, _ = ingested
    missing = _uncommented(db)
    assert not missing, "the data dictionary is incomplete (see README, 'Data dictionary'):\n" + "\n".join(missing)


def test_a_view_or_column_added_without_a_comment_is_named_with_where_to_add_it(ingested, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested[0], db)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE core.documents_as_viewed AS SELECT * FROM bi.documents")  # the view's columns as they are
    con.execute("CREATE VIEW bi.unit_names AS SELECT DISTINCT unit FROM bi.documents")
    con.execute("CREATE OR REPLACE VIEW bi.documents AS SELECT *, true AS is_exported FROM core.documents_as_viewed")
    con.execute(comment_sql()["documents"])  # what opening the warehouse does after the views
    con.close()
    assert _uncommented(db) == [
        "bi.unit_names has no comment: add COMMENT ON VIEW bi.unit_names IS $$...$$; to warehouse/sql/comments/unit_names.sql",
        "bi.documents.is_exported has no comment: add COMMENT ON COLUMN bi.documents.is_exported IS $$...$$; to warehouse/sql/comments/documents.sql",
        "bi.unit_names.unit has no comment: add COMMENT ON COLUMN bi.unit_names.unit IS $$...$$; to warehouse/sql/comments/unit_names.sql",
    ]


def test_comments_are_applied_again_each_time_the_views_are_recreated(ingested, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested[0], db)
    con = duckdb.connect(str(db))
    con.execute(view_sql()["bi.documents"])  # CREATE OR REPLACE alone drops a view's comments ...
    assert con.execute("SELECT comment FROM duckdb_views() WHERE schema_name = 'bi' AND view_name = 'documents'").fetchone() == (None,)
    con.close()
    open_warehouse(db).close()  # ... so opening the warehouse applies them after the views
    assert not _uncommented(db)


def _is_in_view(db, view: str, column: str, example: str) -> bool:
    text = f'CAST("{column}" AS VARCHAR)'
    if len(example) == EXAMPLE_CHARS + 1 and example.endswith(ELLIPSIS):
        rows = query(db, f"SELECT count(*) AS n FROM bi.{view} WHERE starts_with({text}, ?)", [example[:-1]])
    else:
        rows = query(db, f"SELECT count(*) AS n FROM bi.{view} WHERE {text} = ?", [example])
    return rows[0]["n"] > 0


def test_the_dictionary_lists_every_column_with_its_type_meaning_and_a_real_example(ingested):
    db, _ = ingested
    result = CliRunner().invoke(app, ["dictionary", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    listed = {(v["view"], c["column"]): (v, c) for v in json.loads(result.stdout)["views"] for c in v["columns"]}
    catalog = _catalog(db)
    assert sorted(listed) == sorted((f"bi.{r['view']}", r["column"]) for r in catalog)
    for row in catalog:
        view, column = row["view"], row["column"]
        listed_view, entry = listed[(f"bi.{view}", column)]
        assert (entry["data_type"], entry["description"], listed_view["description"]) == (row["data_type"], row["column_comment"], row["view_comment"])
        if entry["example"]:
            assert _is_in_view(db, view, column, entry["example"]), f"bi.{view}.{column}: example {entry['example']!r} is not in the view"
        else:
            assert query(db, f'SELECT count("{column}") AS n FROM bi.{view}')[0]["n"] == 0, f"bi.{view}.{column} has values but no example"
    examples = [c["example"] for _, c in listed.values()]
    assert sum(bool(e) for e in examples) > len(examples) / 2  # the samples fill most columns


def test_the_markdown_and_csv_dictionaries_name_every_view_and_column(ingested, tmp_path):
    db, _ = ingested
    markdown = CliRunner().invoke(app, ["dictionary", "--db", str(db)])
    assert markdown.exit_code == 0, markdown.output
    catalog = _catalog(db)
    for view in {r["view"] for r in catalog}:
        assert f"## bi.{view}\n" in markdown.stdout
    for row in catalog:
        assert f"| {row['column']} | {row['data_type']} | " in markdown.stdout, f"bi.{row['view']}.{row['column']}"
    out = tmp_path / "dictionary.csv"
    assert CliRunner().invoke(app, ["dictionary", "--db", str(db), "--out", str(out)]).exit_code == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["view"], r["column"], r["data_type"], r["description"]) for r in rows] == [
        (c["view"], c["column"], c["data_type"], c["column_comment"]) for c in catalog
    ]


@pytest.mark.parametrize("args, message", [
    (["--out", "dictionary.txt"], "must end in .md or .csv"),
    (["--db", "/nonexistent/k.duckdb"], "run `kinerja ingest` first"),
])
def test_the_dictionary_command_refuses_bad_input(args, message):
    result = CliRunner().invoke(app, ["dictionary", *args])
    assert result.exit_code == 2 and message in " ".join(result.output.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_export_folder_contains_the_dictionary(ingested, tmp_path, fmt):
    db, _ = ingested
    export_bi(db, fmt, tmp_path / "bi")
    with (tmp_path / "bi" / "dictionary.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["view"], r["column"], r["description"]) for r in rows] == [(c["view"], c["column"], c["column_comment"]) for c in _catalog(db)]
