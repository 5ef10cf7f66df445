"""The views are recreated only when their definitions changed: an unchanged re-run opens the
warehouse without rebuilding every view (most of its time), and a view that is missing or
whose SQL changed is always (re)created."""

from __future__ import annotations

import duckdb

from warehouse import db as warehouse_db
from warehouse.db import open_warehouse


def _stamp(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT fingerprint, created_at FROM meta.view_definitions").fetchall()
    finally:
        con.close()


def test_an_unchanged_warehouse_keeps_its_views(tmp_path):
    path = tmp_path / "k.duckdb"
    open_warehouse(path).close()
    first = _stamp(path)
    open_warehouse(path).close()
    assert len(first) == 1 and _stamp(path) == first


def test_a_dropped_view_is_created_again(tmp_path):
    path = tmp_path / "k.duckdb"
    open_warehouse(path).close()
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW bi.documents")
    con.close()
    con = open_warehouse(path)
    try:
        assert con.execute("SELECT count(*) FROM bi.documents").fetchone() == (0,)
    finally:
        con.close()


def test_changed_sql_recreates_the_views(tmp_path, monkeypatch):
    path = tmp_path / "k.duckdb"
    open_warehouse(path).close()
    before = _stamp(path)
    comments = warehouse_db.comment_sql()
    changed = comments | {"documents": comments["documents"] + "\nCOMMENT ON VIEW bi.documents IS 'changed';"}
    monkeypatch.setattr(warehouse_db, "comment_sql", lambda: changed)
    con = open_warehouse(path)
    try:
        comment = con.execute("SELECT comment FROM duckdb_views() WHERE schema_name = 'bi' AND view_name = 'documents'").fetchone()
    finally:
        con.close()
    assert comment == ("changed",)
    assert _stamp(path)[0][0] != before[0][0]
