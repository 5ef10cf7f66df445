"""Documents across files and years, on the real samples through the real flow: versions of an
agreement, a companion Rincian checked against its PK, indicators linked across years, and bi
views that do not depend on the order or the names the files came in."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb

from samples.documents.kppn_malang_2026 import EXPECTED_LINKS
from tests.support import SAMPLES, load_truth, query

ORIGINAL = "kppn-malang-2025-pk"
REVISION = "kppn-malang-2025-pk-revisi"
COMPANION = "kppn-malang-2025-rincian"
NEXT_YEAR = "kppn-malang-2026-pk"


def _id(name: str) -> str:
    return hashlib.sha256((SAMPLES / f"{name}.pdf").read_bytes()).hexdigest()


def _targets(name: str) -> dict[str, str]:
    return {t["indicator_code"]: t["target_raw"] for t in load_truth(SAMPLES / f"{name}.truth.json")["indicator_targets"]}


def test_a_revision_makes_the_original_not_current_without_losing_it(ingested):
    db, _ = ingested
    chain = query(db, "SELECT * FROM bi.document_versions WHERE document_id IN (?, ?) ORDER BY version_no", [_id(ORIGINAL), _id(REVISION)])
    assert [(v["document_id"], v["version_no"], v["is_current"]) for v in chain] == [(_id(ORIGINAL), 1, False), (_id(REVISION), 2, True)]
    assert chain[1]["supersedes"] == _id(ORIGINAL) and chain[0]["supersedes"] is None
    assert chain[1]["revision_label"] == "REVISI I" and chain[0]["revision_label"] is None
    assert chain[0]["chain_id"] == chain[1]["chain_id"]
    current = {r["indicator_code"]: r["target_raw"] for r in query(
        db, "SELECT indicator_code, target_raw FROM bi.indicator_targets WHERE document_id IN (?, ?)", [_id(ORIGINAL), _id(REVISION)])}
    assert current == _targets(REVISION)  # only the revision's rows, e.g. 1a-CP as revised
    assert _targets(REVISION)["1a-CP"] != _targets(ORIGINAL)["1a-CP"]
    kept = query(db, "SELECT count(*) AS n FROM all_versions.indicator_targets WHERE document_id = ?", [_id(ORIGINAL)])[0]["n"]
    assert kept == len(_targets(ORIGINAL))
    assert not query(db, "SELECT 1 FROM bi.budget_lines WHERE document_id = ?", [_id(ORIGINAL)])


def test_copies_of_one_version_are_all_current(ingested):
    """The DJPb agreement printed by three tools: the same content, date and signers, so one
    version of three files, all current; two of them name the first as what they copy."""
    db, _ = ingested
    names = ("djpb-2024-pk-skp", "djpb-2024-pk-skp-html", "djpb-2024-pk-skp-lo")
    rows = query(db, "SELECT * FROM bi.document_versions WHERE document_id IN (?, ?, ?)", [_id(n) for n in names])
    assert {(r["version_no"], r["is_current"], r["supersedes"]) for r in rows} == {(1, True, None)}
    assert len({r["chain_id"] for r in rows}) == 1
    first = min(_id(n) for n in names)
    assert sorted((r["copy_of"] or "") for r in rows) == sorted(["", first, first])
    shown = query(db, "SELECT count(DISTINCT document_id) AS n FROM bi.budget_lines WHERE document_id IN (?, ?, ?)", [_id(n) for n in names])
    assert shown == [{"n": 3}]


def test_a_companion_rincian_is_current_beside_its_pk_and_checked_against_it(ingested):
    db, _ = ingested
    companion = query(db, "SELECT * FROM bi.document_versions WHERE document_id = ?", [_id(COMPANION)])[0]
    assert companion["is_current"] and companion["role"] == "rincian" and companion["supersedes"] is None
    checks = query(
        db, "SELECT * FROM bi.reconciliation WHERE document_id = ? AND check_name = 'pk_target_vs_rincian_year'", [_id(COMPANION)]
    )
    assert len(checks) == len(_targets(REVISION))  # every PK indicator found in the companion
    mismatches = [c for c in checks if c["status"] == "mismatch"]
    assert [(m["subject"], m["stated"], m["computed"], m["difference"]) for m in mismatches] == [
        ("3a-N", Decimal("87.5"), Decimal("88"), Decimal("0.5"))
    ]


def test_copies_of_a_pk_and_of_its_rincian_pair_once_per_rincian_copy(prefect_api, tmp_path):
    """Three copies of a PK and three of its Rincian (other bytes, same content): each Rincian
    copy is checked against the PK once, not once per PK copy, and the copies count as one PK."""
    from flows.ingest import ingest

    folder = tmp_path / "copies"
    folder.mkdir()
    for name in (REVISION, COMPANION):
        for n in range(3):
            (folder / f"{name}-{n}.pdf").write_bytes((SAMPLES / f"{name}.pdf").read_bytes() + f"\n% copy {n}\n".encode())
    db = tmp_path / "copies.duckdb"
    assert ingest(paths=[str(folder)], db=str(db)).count("loaded") == 6
    pairs = query(db, "SELECT pk_document_id, companion_document_id FROM core.companions")
    assert len(pairs) == 3 and len({p["pk_document_id"] for p in pairs}) == 1
    checks = query(db, "SELECT document_id, subject FROM bi.reconciliation WHERE check_name = 'pk_target_vs_rincian_year'")
    per_copy = {p["companion_document_id"]: sum(c["document_id"] == p["companion_document_id"] for c in checks) for p in pairs}
    assert set(per_copy.values()) == {len(_targets(REVISION))}


def test_indicators_are_linked_across_years_by_meaning_not_by_code(ingested):
    db, _ = ingested
    links = query(db, "SELECT * FROM bi.indicator_links WHERE document_id = ? ORDER BY row_no", [_id(NEXT_YEAR)])
    got = [(link["indicator_code"], link["indicator"], link["previous_code"], link["status"]) for link in links]
    assert got == list(EXPECTED_LINKS)
    linked = [link for link in links if link["status"] != "new"]
    assert {link["previous_document_id"] for link in linked} == {_id(REVISION)}  # the current 2025 PK
    assert all(link["previous_fiscal_year"] == 2025 for link in linked)
    assert all(link["match_score"] >= 80 for link in linked)


def _bi_views(db: Path) -> dict[str, list[tuple]]:
    """Every bi view's rows as a sorted list, without what names a file or a run."""
    volatile = {"file_name", "file_path", "ingested_at", "seen_at", "run_id", "started_at", "finished_at", "spellings"}
    con = duckdb.connect(str(db), read_only=True)
    try:
        views = [v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'bi' ORDER BY 1").fetchall()]
        out = {}
        for view in views:
            if view in ("files", "runs"):
                continue
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'bi' AND table_name = ? ORDER BY column_index", [view]
            ).fetchall() if c not in volatile]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM bi.{view}").fetchall()
            out[view] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def test_bi_views_do_not_depend_on_the_order_or_names_files_came_in(ingested, prefect_api, tmp_path):
    from flows.ingest import ingest

    db, _ = ingested
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
    for n, pdf in enumerate(reversed(pdfs)):  # other names, in the opposite order, in two runs
        shutil.copy(pdf, (first if n % 2 else second) / f"{n:02d}-copy.pdf")
    other = tmp_path / "other.duckdb"
    ingest(paths=[str(first)], db=str(other))
    ingest(paths=[str(second)], db=str(other))
    ingest(paths=[str(second), str(first)], db=str(other))  # and again: nothing changes
    mine, theirs = _bi_views(db), _bi_views(other)
    assert mine.keys() == theirs.keys()
    for view in mine:
        assert mine[view] == theirs[view], f"bi.{view} differs with another load order"


def test_reextract_replaces_the_rows_an_older_extractor_read_and_keeps_them_in_history(prefect_api, tmp_path):
    from extractors import EXTRACTOR_VERSION
    from flows.ingest import ingest

    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    for name in (REVISION, COMPANION):
        shutil.copy(SAMPLES / f"{name}.pdf", folder / f"{name}.pdf")
    ingest(paths=[str(folder)], db=str(db))
    before = _bi_views(db)
    with duckdb.connect(str(db)) as con:  # as if an older extractor had read them
        con.execute("UPDATE core.documents SET extractor_version = ?", [EXTRACTOR_VERSION - 1])
        rows_before = dict(con.execute("SELECT table_name, sum(row_count) FROM meta.loads GROUP BY 1").fetchall())
        ingested_before = con.execute("SELECT document_id, ingested_at FROM core.documents ORDER BY 1").fetchall()

    stale = ingest(paths=[str(folder)], db=str(db))  # without --reextract nothing is read again, but the run says so
    assert query(db, "SELECT count(*) AS n FROM history.replaced_rows")[0]["n"] == 0
    assert stale.older_extractor == 2 and stale.as_json()["read_by_older_extractor"] == 2

    summary = ingest(paths=[str(folder)], db=str(db), reextract=True)
    assert [i.status for i in summary.items] == ["loaded", "loaded"] and summary.older_extractor == 0
    assert all(f"re-read by extractor version {EXTRACTOR_VERSION}" in i.detail for i in summary.items)
    replaced = {r["table_name"]: r["n"] for r in query(
        db, "SELECT table_name, count(*) AS n FROM history.replaced_rows WHERE table_name <> 'meta.loads' GROUP BY 1")}
    assert replaced == {table: n for table, n in rows_before.items() if n and table != "core.files"}
    assert {r["v"] for r in query(db, "SELECT extractor_version AS v FROM core.documents")} == {EXTRACTOR_VERSION}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT document_id, ingested_at FROM core.documents ORDER BY 1").fetchall() == ingested_before
    assert _bi_views(db) == before
