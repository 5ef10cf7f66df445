"""The warehouse's data tests (warehouse/sql/tests, in the manner of dbt) hold on the
ingested samples, and each one fails on data built to break it."""

from __future__ import annotations

import shutil

import duckdb

from warehouse.db import data_test_sql, failed_data_tests


def test_data_tests_hold_on_the_samples(ingested):
    db, _ = ingested
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert set(data_test_sql()) >= {"relationships_document_id", "unique_bi_grain", "money_is_decimal", "not_null_keys"}
        assert failed_data_tests(con) == {}
    finally:
        con.close()


def test_each_data_test_catches_what_it_is_for(ingested, tmp_path):
    db, _ = ingested
    copy = tmp_path / "broken.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    try:
        (document_id,) = con.execute("SELECT document_id FROM core.documents ORDER BY 1 LIMIT 1").fetchone()
        # an orphan fact row, a document listed twice by a fanned-out join, a float amount
        con.execute("INSERT INTO core.parties SELECT 'not-a-document', row_no, party, name, position, nip, rank, page FROM core.parties LIMIT 1")
        con.execute("CREATE OR REPLACE VIEW bi.documents AS SELECT d.* FROM core.documents d, (VALUES (1), (2)) AS twice(n)")
        con.execute("CREATE OR REPLACE VIEW bi.budget_totals AS SELECT document_id, CAST(amount_idr AS DOUBLE) AS amount_idr FROM core.budget_totals")
        failed = failed_data_tests(con)
        assert set(failed) == {"relationships_document_id", "unique_bi_grain", "money_is_decimal"}
        assert ("core.parties", 1) in failed["relationships_document_id"]
        assert ("bi.budget_totals.amount_idr", 1) in failed["money_is_decimal"]
        assert any(rel == "bi.documents" for rel, _ in failed["unique_bi_grain"]), document_id
    finally:
        con.close()
