"""Reading the reconciliation back: the findings a run prints."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

FINDING_COLUMNS = ("document_id", "check_name", "subject", "stated", "computed", "difference")


def mismatches(con: duckdb.DuckDBPyConnection, document_ids: Sequence[str]) -> list[dict]:
    """The reconciliation findings (status 'mismatch') of the given documents, current or not."""
    if not document_ids:
        return []
    rows = con.execute(
        f"SELECT {', '.join(FINDING_COLUMNS)} FROM all_versions.reconciliation "
        "WHERE status = 'mismatch' AND document_id IN (SELECT unnest(?)) ORDER BY document_id, check_name, subject",
        [list(document_ids)],
    ).fetchall()
    return [dict(zip(FINDING_COLUMNS, r)) for r in rows]
