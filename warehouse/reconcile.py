"""Reading the reconciliation back: the findings a run prints, and `kinerja reconcile`'s report."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

FINDING_COLUMNS = (
    "document_id", "file_name", "unit", "fiscal_year", "check_name", "subject", "stated", "computed", "difference", "status",
)
EXTRACTION_PREFIX = "extraction_"  # a document's own statement of what it could not read


def findings(
    con: duckdb.DuckDBPyConnection,
    *,
    document_ids: Sequence[str] | None = None,
    unit: str | None = None,
    fiscal_year: int | None = None,
    include_ok: bool = False,
) -> list[dict]:
    """Rows of bi.reconciliation with status 'mismatch' (and 'ok' ones with include_ok), with
    their document's file name, unit and fiscal year; only the given documents, units whose
    name contains ``unit`` (any case) and ``fiscal_year`` when given. Sorted by unit, year,
    file name, check, subject. stated / computed / difference stay Decimal. Current documents
    only (bi.reconciliation), unless documents are named (all_versions.reconciliation)."""
    checks = "bi.reconciliation" if document_ids is None else "all_versions.reconciliation"
    rows = con.execute(
        f"""SELECT {', '.join(_qualified())}
            FROM {checks} r
            LEFT JOIN bi.documents d USING (document_id)
            WHERE (r.status = 'mismatch' OR $include_ok)
              AND ($ids IS NULL OR r.document_id IN (SELECT unnest($ids)))
              AND ($unit IS NULL OR contains(lower(d.unit), lower($unit)))
              AND ($year IS NULL OR d.fiscal_year = $year)
            ORDER BY d.unit NULLS LAST, d.fiscal_year NULLS LAST, d.file_name, r.document_id, r.check_name, r.subject""",
        {"include_ok": include_ok, "ids": None if document_ids is None else list(document_ids), "unit": unit, "year": fiscal_year},
    ).fetchall()
    return [dict(zip(FINDING_COLUMNS, r)) for r in rows]


def _qualified() -> list[str]:
    document = {"file_name", "unit", "fiscal_year"}
    return [f"d.{c}" if c in document else f"r.{c}" for c in FINDING_COLUMNS]


def mismatches(con: duckdb.DuckDBPyConnection, document_ids: Sequence[str]) -> list[dict]:
    """The reconciliation findings (status 'mismatch') of the given documents (a run's new
    ones), current or not: a run reports what it loaded even when a later version hides it."""
    if not document_ids:
        return []
    return findings(con, document_ids=document_ids)


def is_extraction(finding: dict) -> bool:
    """The document states what it could not read (not a money or target mismatch)."""
    return str(finding["check_name"]).startswith(EXTRACTION_PREFIX)
