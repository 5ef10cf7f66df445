"""core.indicator_link_rows: each indicator of a current PK linked to the same unit's previous
PK (schemas.lineage), kept up to date after every run that loads documents.

Only the PKs whose pairing changed are scored again: a PK new to the warehouse, one whose
previous PK is now another document (a revision arrived, an earlier year was loaded), or one
no longer current (its rows go). The pairing itself is SQL over core.document_versions.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from schemas.lineage import IndicatorLink, LinkedIndicator, link_indicators
from warehouse.load import insert_rows

# Each current PK with the current PKs of the same unit in its latest earlier year (several
# when a unit has several current PKs a year, as in a Pemda's cascade): the best-scoring wins.
_PAIRINGS = """
WITH pks AS (
    SELECT document_id, unit_key, fiscal_year FROM core.document_versions
    WHERE is_current AND role = 'pk' AND unit_key IS NOT NULL AND fiscal_year IS NOT NULL
), earlier AS (
    SELECT p.document_id, max(q.fiscal_year) AS previous_year
    FROM pks p JOIN pks q ON q.unit_key = p.unit_key AND q.fiscal_year < p.fiscal_year
    GROUP BY p.document_id
)
SELECT p.document_id, list(q.document_id ORDER BY q.document_id) FILTER (WHERE q.document_id IS NOT NULL)
FROM pks p
LEFT JOIN earlier e USING (document_id)
LEFT JOIN pks q ON q.unit_key = p.unit_key AND q.fiscal_year = e.previous_year
GROUP BY p.document_id
ORDER BY p.document_id
"""


def refresh_indicator_links(con: duckdb.DuckDBPyConnection) -> int:
    """Bring core.indicator_link_rows up to date in one transaction; return the PKs re-linked."""
    con.execute("BEGIN TRANSACTION")
    try:
        pairings = {doc: candidates or [] for doc, candidates in con.execute(_PAIRINGS).fetchall()}
        linked = dict(con.execute(
            "SELECT document_id, any_value(previous_document_id) FROM core.indicator_link_rows GROUP BY document_id"
        ).fetchall())
        stale = [doc for doc in linked if doc not in pairings]
        todo = [doc for doc, candidates in pairings.items() if doc not in linked or (linked[doc] or None) not in (candidates or [None])]
        con.execute("DELETE FROM core.indicator_link_rows WHERE document_id IN (SELECT unnest(?))", [stale + todo])
        for doc in todo:
            _link(con, doc, pairings[doc])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(todo)


def _indicators(con: duckdb.DuckDBPyConnection, document_id: str) -> list[LinkedIndicator]:
    rows = con.execute(
        "SELECT row_no, indicator, objective FROM core.indicator_targets WHERE document_id = ? AND source = 'pk' ORDER BY row_no",
        [document_id],
    ).fetchall()
    return [LinkedIndicator(*row) for row in rows]


def _link(con: duckdb.DuckDBPyConnection, document_id: str, candidates: Sequence[str]) -> None:
    current = _indicators(con, document_id)
    if not current:
        return
    best: tuple[float, str | None, list[IndicatorLink]] = (-1.0, None, link_indicators(current, []))
    for previous_id in candidates:
        links = link_indicators(current, _indicators(con, previous_id))
        total = sum(link.match_score for link in links if link.previous_row_no is not None)
        if total > best[0]:
            best = (total, previous_id, links)
    _, previous_id, links = best
    insert_rows(
        con,
        "core.indicator_link_rows",
        ("document_id", "row_no", "previous_document_id", "previous_row_no", "match_score", "status"),
        [(document_id, link.row_no, previous_id, link.previous_row_no, link.match_score, link.status) for link in links],
    )
