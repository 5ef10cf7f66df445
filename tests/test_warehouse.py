"""The DuckDB warehouse: migrations, the bi contract, loading, reconciliation, locking."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import textwrap
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest

from schemas.records import (
    Behaviour,
    BudgetLine,
    BudgetTotal,
    Document,
    IndicatorTarget,
    Nip,
    Party,
    PeriodTarget,
    RawDocument,
    RawRecord,
    Signature,
    SkpHeader,
    Target,
)
from warehouse.db import WarehouseError, WarehouseLocked, migrations, open_warehouse
from warehouse.load import _VALUES_AT_MOST, document_exists, finish_run, load_document, record_file, start_run
from warehouse.rows import BUDGET_LINES_COLUMNS

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# The public contract (CONTRACT.md), written out literally: these columns must exist.
CONTRACT_COLUMNS: dict[str, list[str]] = {
    "files": ["file_name", "file_path", "sha256", "status", "reason", "detail", "document_id",
              "run_id", "seen_at"],
    "documents": ["document_id", "file_name", "unit", "fiscal_year", "page_count", "sections",
                  "ocr_used", "ingested_at"],
    "parties": ["document_id", "party", "name", "position", "nip", "rank", "page"],
    "indicator_targets": ["document_id", "unit", "fiscal_year", "source", "objective_no",
                          "objective", "indicator_code", "indicator", "target_raw",
                          "target_value", "is_percent", "scale_max", "qualifier", "perspective",
                          "page", "matched_code", "match_score", "assignment", "target_unit"],
    "period_targets": ["document_id", "unit", "fiscal_year", "source", "row_no",
                       "indicator_code", "indicator", "period", "target_raw", "target_value",
                       "is_percent", "page", "objective_no", "objective", "scale_max",
                       "qualifier", "matched_code", "match_score"],
    "budget_lines": ["document_id", "unit", "fiscal_year", "program_no", "program",
                     "activity_code", "activity", "level", "amount_idr", "page"],
    "signatures": ["document_id", "section", "role", "name", "nip", "place", "signed_on",
                   "electronic", "page", "block_no", "party", "nip_valid", "date_precision"],
    "digital_signatures": ["document_id", "field_name", "signer_name", "issuer", "signing_time",
                           "intact", "covers_whole_document", "trusted", "signer_org",
                           "modification_level", "error"],
    "skp": ["document_id", "fiscal_year", "period_start", "period_end", "appraisee_name",
            "appraisee_nip", "appraisee_rank", "appraisee_position", "appraisee_unit",
            "appraiser_name", "appraiser_nip", "appraiser_rank", "appraiser_position",
            "appraiser_unit", "employees", "budget_idr"],
    "skp_behaviours": ["document_id", "behaviour_no", "behaviour", "expectation"],
    "reconciliation": ["document_id", "check_name", "subject", "stated", "computed",
                       "difference", "status"],
}

CONTRACT_TYPES: dict[tuple[str, str], str] = {
    ("documents", "sections"): "VARCHAR[]",
    ("indicator_targets", "target_value"): "DOUBLE",
    ("indicator_targets", "is_percent"): "BOOLEAN",
    ("period_targets", "target_value"): "DOUBLE",
    ("budget_lines", "amount_idr"): "DECIMAL(20,2)",
    ("signatures", "signed_on"): "DATE",
    ("signatures", "electronic"): "BOOLEAN",
    ("digital_signatures", "signing_time"): "TIMESTAMP",
    ("skp", "period_start"): "DATE",
    ("skp", "budget_idr"): "DECIMAL(20,2)",
    ("files", "seen_at"): "TIMESTAMP",
}

DATA_TABLES = [
    "raw.records", "core.documents", "core.files", "core.parties", "core.indicator_targets",
    "core.period_targets", "core.budget_lines", "core.budget_totals", "core.signatures",
    "core.skp", "core.skp_behaviours", "core.digital_signatures", "meta.loads", "meta.runs",
]


# ---------------------------------------------------------------- hand-built documents


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def target(raw: str, value: str | None, *, percent: bool = False, **kw: object) -> Target:
    return Target(raw=raw, value=None if value is None else Decimal(value), is_percent=percent, **kw)


def program(line_no: int, no: int, name: str, amount: str) -> BudgetLine:
    return BudgetLine(line_no=line_no, program_no=no, program=name, activity_code=None,
                      activity=None, level="program", amount_idr=Decimal(amount),
                      amount_raw=f"Rp. {amount}", page=3)


def activity(line_no: int, no: int, name: str, code: str, act: str, amount: str) -> BudgetLine:
    return BudgetLine(line_no=line_no, program_no=no, program=name, activity_code=code,
                      activity=act, level="activity", amount_idr=Decimal(amount),
                      amount_raw=f"Rp. {amount}", page=3)


def pk_target(code: str, indicator: str, t: Target, objective_no: int = 1) -> IndicatorTarget:
    return IndicatorTarget(source="pk", objective_no=objective_no,
                           objective="Perbendaharaan negara yang optimal", indicator_code=code,
                           indicator=indicator, target=t, page=1, bbox=(56.0, 120.5, 540.0, 140.25))


def period(source: str, code: str | None, p: str, t: Target, *, matched: str | None = None) -> PeriodTarget:
    return PeriodTarget(source=source, row_no=1, indicator_code=code, indicator="Indeks opini BPK",
                        period=p, target=t, matched_code=matched,
                        match_score=None if matched is None else 97.5, page=4)


NIP = Nip(digits="196801201992011003", valid=True, birth_date=dt.date(1968, 1, 20),
          appointed_year=1992, appointed_month=1, sex="male", sequence=3)


def make_document(seed: str = "djpb-2024", *, budget_lines: tuple[BudgetLine, ...] | None = None,
                  **overrides: object) -> Document:
    document_id = sha(seed)
    raw = RawDocument(
        document_id=document_id, file_name=f"{seed}.pdf", page_count=6,
        sections=("pk_statement", "pk", "pk_budget", "pk_rincian", "skp", "skp_lampiran"),
        records=(
            RawRecord(kind="title", page=1, fields={"text": "PERJANJIAN KINERJA TAHUN 2024"}),
            RawRecord(kind="budget_line", section="pk_budget", page=3, bbox=(50, 200, 550, 215),
                      fields={"no": "1", "program": "Program Dukungan Manajemen",
                              "amount": "Rp. 7.315.466.938.000", "note": None}),
        ),
    )
    fields: dict[str, object] = dict(
        document_id=document_id, file_name=f"{seed}.pdf", unit="Direktorat Jenderal Perbendaharaan",
        fiscal_year=2024, page_count=6, sections=raw.sections, raw=raw,
        parties=(
            Party(party="first", name="Astera Primanto Bhakti", position="Direktur Jenderal Perbendaharaan",
                  nip="196801201992011003", rank="Pembina Utama (IV/e)", page=1),
            Party(party="second", name="Sri Mulyani Indrawati", position="Menteri Keuangan",
                  nip=None, rank=None, page=1),
        ),
        indicator_targets=(
            pk_target("2a-CP", "Indeks optimalisasi kas terhadap bunga utang",
                      target("3,25 (skala 4)", "3.25", scale_max=Decimal("4"))),
            pk_target("2b-CP", "Indeks opini BPK atas LKPP dan BUN",
                      target("4 (WTP)", "4", qualifier="WTP")),
            IndicatorTarget(source="skp", objective_no=None,
                            objective="Terwujudnya perbendaharaan negara yang optimal",
                            indicator_code=None, indicator="Indeks opini BPK atas LKPP dan BUN",
                            target=target("4 (WTP)", "4", qualifier="WTP"),
                            perspective="Penerima Layanan", matched_code="2b-CP",
                            match_score=96.0, page=5),
        ),
        period_targets=(
            period("pk_rincian", "2b-CP", "Q1", target("-", None)),
            period("pk_rincian", "2b-CP", "Y", target("4 (WTP)", "4", qualifier="WTP")),
            period("skp_lampiran", None, "Y", target("3", "3"), matched="2b-CP"),
        ),
        budget_lines=budget_lines if budget_lines is not None else (
            program(1, 1, "Program Dukungan Manajemen", "7315466938000.00"),
            activity(2, 1, "Program Dukungan Manajemen", "a", "Legislasi dan Litigasi", "193400000"),
        ),
        budget_totals=(
            BudgetTotal(source="skp_lampiran", label="Jumlah Anggaran",
                        amount_idr=Decimal("7315466938000"), amount_raw="Rp 7.315.466.938.000", page=6),
        ),
        signatures=(
            Signature(section="pk_statement", block_no=1, role="Direktur Jenderal Perbendaharaan",
                      name="Astera Primanto Bhakti", nip=NIP, nip_raw="NIP 196801201992011003",
                      place="Jakarta", signed_on=dt.date(2024, 1, 30), date_precision="day",
                      electronic=True, party="first", page=1, bbox=(300.0, 600.0, 540.0, 700.0)),
        ),
        skp=SkpHeader(fiscal_year=2024, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31),
                      appraisee_name="Astera Primanto Bhakti", appraisee_nip="196801201992011003",
                      appraisee_rank="Pembina Utama (IV/e)", appraisee_position="Direktur Jenderal",
                      appraisee_unit="Direktorat Jenderal Perbendaharaan",
                      appraiser_name="Sri Mulyani Indrawati", appraiser_nip=None, appraiser_rank=None,
                      appraiser_position="Menteri Keuangan", appraiser_unit="Kementerian Keuangan",
                      employees=27311, budget_idr=Decimal("7315466938000.00"), page=5),
        behaviours=(
            Behaviour(behaviour_no=1, behaviour="Berorientasi Pelayanan",
                      criteria=("Memahami dan memenuhi kebutuhan masyarakat", "Ramah, cekatan"),
                      expectation="Menjadi teladan", page=5),
            Behaviour(behaviour_no=2, behaviour="Akuntabel", criteria=(), expectation=None, page=5),
        ),
    )
    fields.update(overrides)
    return Document(**fields)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in DATA_TABLES}


def rows_of_document(con: duckdb.DuckDBPyConnection, document_id: str) -> dict[str, int]:
    counts = {}
    for table in DATA_TABLES:
        columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
        key = "document_id" if "document_id" in columns else None
        if key:
            counts[table] = con.execute(f"SELECT count(*) FROM {table} WHERE {key} = ?", [document_id]).fetchone()[0]
    return counts


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kinerja.duckdb"


@pytest.fixture
def con(db_path: Path):
    connection = open_warehouse(db_path)
    yield connection
    connection.close()


# ---------------------------------------------------------------- migrations and contract


def test_open_refuses_a_missing_folder_instead_of_creating_it(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="does not exist: create it first"):
        open_warehouse(tmp_path / "typo" / "kinerja.duckdb")
    assert not (tmp_path / "typo").exists()


def test_open_creates_the_file_and_migrations_are_idempotent(db_path: Path) -> None:
    first = open_warehouse(db_path)
    applied = first.execute("SELECT version, name FROM meta.schema_migrations ORDER BY version").fetchall()
    first.close()
    assert db_path.exists()
    assert applied == [(m.version, m.name) for m in migrations()]
    assert applied[0] == (1, "initial")

    second = open_warehouse(db_path)
    assert second.execute("SELECT version, name FROM meta.schema_migrations ORDER BY version").fetchall() == applied
    schemas = {s for (s,) in second.execute("SELECT schema_name FROM information_schema.schemata").fetchall()}
    assert {"meta", "raw", "core", "bi"} <= schemas
    second.close()


def test_every_contract_view_and_column_exists(con: duckdb.DuckDBPyConnection) -> None:
    for view, expected in CONTRACT_COLUMNS.items():
        described = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE bi.{view}").fetchall()}
        missing = [c for c in expected if c not in described]
        assert missing == [], f"bi.{view} lacks {missing}"
    for (view, column), kind in CONTRACT_TYPES.items():
        described = {name: k for name, k, *_ in con.execute(f"DESCRIBE bi.{view}").fetchall()}
        assert described[column] == kind, f"bi.{view}.{column}"
    reconciliation = {n: k for n, k, *_ in con.execute("DESCRIBE bi.reconciliation").fetchall()}
    assert reconciliation["stated"] == reconciliation["computed"] == reconciliation["difference"]


# ---------------------------------------------------------------- loading


def test_load_document_fills_every_table(con: duckdb.DuckDBPyConnection) -> None:
    doc = make_document()
    start_run(con, "run-1")
    counts = load_document(con, doc, run_id="run-1", file_path="/in/djpb-2024.pdf")
    finish_run(con, "run-1", {"loaded": 1})

    assert counts == {
        "core.documents": 1, "raw.records": 2, "core.parties": 2, "core.indicator_targets": 3,
        "core.period_targets": 3, "core.budget_lines": 2, "core.budget_totals": 1,
        "core.signatures": 1, "core.skp": 1, "core.skp_behaviours": 2, "core.files": 1,
        "core.digital_signatures": 0, "core.value_problems": 0,
    }
    assert document_exists(con, doc.document_id)
    loads = dict(con.execute("SELECT table_name, row_count FROM meta.loads WHERE run_id = 'run-1'").fetchall())
    assert loads == counts
    assert con.execute("SELECT files, loaded, duplicate, quarantined FROM meta.runs").fetchall() == [(1, 1, 0, 0)]
    assert con.execute("SELECT finished_at IS NOT NULL FROM meta.runs").fetchone() == (True,)

    assert con.execute("SELECT file_name, status, reason, document_id FROM bi.files").fetchall() == [
        ("djpb-2024.pdf", "loaded", None, doc.document_id)
    ]
    assert con.execute("SELECT unit, fiscal_year, sections, ocr_used FROM bi.documents").fetchone() == (
        "Direktorat Jenderal Perbendaharaan", 2024,
        ["pk_statement", "pk", "pk_budget", "pk_rincian", "skp", "skp_lampiran"], False,
    )
    assert con.execute(
        "SELECT indicator_code, target_raw, target_value, is_percent, scale_max, qualifier, unit, fiscal_year "
        "FROM bi.indicator_targets WHERE source = 'pk'"
    ).fetchall() == [
        ("2a-CP", "3,25 (skala 4)", 3.25, False, 4.0, None, "Direktorat Jenderal Perbendaharaan", 2024),
        ("2b-CP", "4 (WTP)", 4.0, False, None, "WTP", "Direktorat Jenderal Perbendaharaan", 2024),
    ]
    assert con.execute(
        "SELECT x0, top, x1, bottom FROM core.indicator_targets WHERE row_no = 1"
    ).fetchone() == (56.0, 120.5, 540.0, 140.25)
    assert con.execute(
        "SELECT period, target_raw, target_value FROM bi.period_targets WHERE source = 'pk_rincian'"
    ).fetchall() == [("Q1", "-", None), ("Y", "4 (WTP)", 4.0)]
    assert con.execute(
        "SELECT role, nip, signed_on, electronic, party, nip_valid, date_precision FROM bi.signatures"
    ).fetchall() == [("Direktur Jenderal Perbendaharaan", "196801201992011003", dt.date(2024, 1, 30), True,
                      "first", True, "day")]
    assert con.execute(
        "SELECT nip_birth_date, nip_appointed, nip_sex FROM core.signatures"
    ).fetchone() == (dt.date(1968, 1, 20), dt.date(1992, 1, 1), "male")
    assert con.execute("SELECT party, name, nip FROM bi.parties").fetchall() == [
        ("first", "Astera Primanto Bhakti", "196801201992011003"),
        ("second", "Sri Mulyani Indrawati", None),
    ]
    assert con.execute("SELECT employees, budget_idr, period_end FROM bi.skp").fetchone() == (
        27311, Decimal("7315466938000.00"), dt.date(2024, 12, 31)
    )
    assert con.execute("SELECT behaviour_no, behaviour, criteria FROM bi.skp_behaviours").fetchall() == [
        (1, "Berorientasi Pelayanan", ["Memahami dan memenuhi kebutuhan masyarakat", "Ramah, cekatan"]),
        (2, "Akuntabel", []),
    ]
    assert con.execute(
        "SELECT kind, section, fields->>'amount', fields->>'note' FROM raw.records ORDER BY record_no"
    ).fetchall() == [("title", None, None, None), ("budget_line", "pk_budget", "Rp. 7.315.466.938.000", None)]
    assert con.execute("SELECT count(*) FROM bi.digital_signatures").fetchone() == (0,)


def test_loading_twice_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    doc = make_document()
    start_run(con, "run-1")
    load_document(con, doc, run_id="run-1", file_path="/in/djpb-2024.pdf")
    finish_run(con, "run-1", {"loaded": 1})
    before = snapshot(con)

    start_run(con, "run-1")
    assert load_document(con, doc, run_id="run-2", file_path="/in/djpb-2024.pdf") == {}
    record_file(con, run_id="run-2", file_path="/in/djpb-2024.pdf", file_name="djpb-2024.pdf",
                sha256=doc.document_id, status="duplicate", document_id=doc.document_id)
    assert snapshot(con) == before


def test_duplicate_and_quarantined_files_are_recorded_once(con: duckdb.DuckDBPyConnection) -> None:
    for run_id in ("run-1", "run-2"):
        record_file(con, run_id=run_id, file_path="/in/scan.pdf", file_name="scan.pdf", sha256=sha("scan"),
                    status="quarantined", reason="requires_ocr", detail="no text layer on 4 of 4 pages")
        record_file(con, run_id=run_id, file_path="/in/copy.pdf", file_name="copy.pdf", sha256=sha("x"),
                    status="duplicate", document_id=sha("x"))
    assert con.execute("SELECT file_name, status, reason, document_id, run_id FROM bi.files ORDER BY file_name").fetchall() == [
        ("copy.pdf", "duplicate", None, sha("x"), "run-1"),
        ("scan.pdf", "quarantined", "requires_ocr", None, "run-1"),
    ]
    with pytest.raises(ValueError, match="not one of"):
        record_file(con, run_id="r", file_path="/in/a.pdf", file_name="a.pdf", sha256=sha("a"),
                    status="quarantined", reason="unreadable")


def test_a_file_quarantined_earlier_shows_as_loaded_once_it_loads(con: duckdb.DuckDBPyConnection) -> None:
    doc = make_document()
    record_file(con, run_id="run-1", file_path="/in/djpb-2024.pdf", file_name="djpb-2024.pdf",
                sha256=doc.document_id, status="quarantined", reason="timeout")
    load_document(con, doc, run_id="run-2", file_path="/in/djpb-2024.pdf")
    assert con.execute("SELECT status, reason, document_id, run_id FROM bi.files").fetchall() == [
        ("loaded", None, doc.document_id, "run-2")
    ]


def test_a_failure_inside_load_leaves_no_row_of_the_document(con: duckdb.DuckDBPyConnection) -> None:
    good = make_document("good")
    load_document(con, good, run_id="run-1", file_path="/in/good.pdf")
    before = snapshot(con)

    # Two budget rows with the same line_no: the primary key refuses the second one,
    # after documents, raw records, parties and targets were already inserted.
    bad = make_document("bad", budget_lines=(
        program(1, 1, "Program Dukungan Manajemen", "100"),
        activity(1, 1, "Program Dukungan Manajemen", "a", "Legislasi dan Litigasi", "60"),
    ))
    with pytest.raises(duckdb.ConstraintException):
        load_document(con, bad, run_id="run-1", file_path="/in/bad.pdf")

    assert set(rows_of_document(con, bad.document_id).values()) == {0}
    assert snapshot(con) == before
    # The connection is usable afterwards.
    later = make_document("later")
    assert load_document(con, later, run_id="run-1", file_path="/in/later.pdf")["core.documents"] == 1


def test_money_keeps_exact_decimals(con: duckdb.DuckDBPyConnection) -> None:
    doc = make_document(budget_lines=(
        program(1, 1, "Program Dukungan Manajemen", "7315466938000.00"),
        activity(2, 1, "Program Dukungan Manajemen", "a", "Legislasi dan Litigasi", "193400000.01"),
        activity(3, 1, "Program Dukungan Manajemen", "b", "Legislasi dan Litigasi", "99999999999999999.99"),
    ))
    load_document(con, doc, run_id="run-1", file_path="/in/djpb-2024.pdf")
    amounts = [a for (a,) in con.execute("SELECT amount_idr FROM bi.budget_lines ORDER BY line_no").fetchall()]
    assert amounts == [Decimal("7315466938000.00"), Decimal("193400000.01"), Decimal("99999999999999999.99")]
    assert all(isinstance(a, Decimal) for a in amounts)
    assert con.execute("SELECT sum(amount_idr) FROM bi.budget_lines").fetchone() == (sum(amounts),)


def test_money_stays_exact_whichever_way_a_batch_goes_in(con: duckdb.DuckDBPyConnection) -> None:
    """A table's rows go in as one VALUES list (a few values) or as one list per column (more):
    both keep every amount exact and round a third decimal half away from zero, as DECIMAL does."""
    printed = ["7315466938000.00", "193400000.01", "999999999999999999.99", "0.125", "-2.675", "1E+3", "0.0049999"]
    expected = [Decimal(a).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for a in printed]
    assert len(BUDGET_LINES_COLUMNS) <= _VALUES_AT_MOST < len(printed) * len(BUDGET_LINES_COLUMNS)  # both ways are taken
    lines = [activity(n, 1, "Program Dukungan Manajemen", "a", "Legislasi dan Litigasi", a) for n, a in enumerate(printed, start=1)]
    together = make_document("together", budget_lines=tuple(lines))
    load_document(con, together, run_id="run-1", file_path="/in/together.pdf")
    for n, line in enumerate(lines):
        load_document(con, make_document(f"alone-{n}", budget_lines=(line,)), run_id="run-1", file_path=f"/in/alone-{n}.pdf")
    amounts = con.execute("SELECT amount_idr FROM core.budget_lines WHERE document_id = ? ORDER BY line_no", [together.document_id]).fetchall()
    assert [a for (a,) in amounts] == expected
    alone = con.execute("SELECT amount_idr FROM core.budget_lines WHERE document_id <> ? ORDER BY line_no", [together.document_id]).fetchall()
    assert [a for (a,) in alone] == expected


# ---------------------------------------------------------------- reconciliation


def reconciliation(con: duckdb.DuckDBPyConnection, check: str) -> list[tuple]:
    return con.execute(
        "SELECT subject, stated, computed, difference, status FROM bi.reconciliation "
        "WHERE check_name = ? ORDER BY subject",
        [check],
    ).fetchall()


def test_reconciliation_of_a_tiny_budget(con: duckdb.DuckDBPyConnection) -> None:
    name1, name2 = "Program Pengelolaan Perbendaharaan", "Program Dukungan Manajemen"
    doc = make_document(
        budget_lines=(
            program(1, 1, name1, "100"),
            activity(2, 1, name1, "a", "Komunikasi, Edukasi, dan Standardisasi", "60"),
            activity(3, 1, name1, "b", "Monev Perbendaharaan", "30"),
            program(4, 2, name2, "50.50"),
            activity(5, 2, name2, "a", "Legislasi dan Litigasi", "50.50"),
            program(6, 3, "Program tanpa kegiatan", "10"),
        ),
        budget_totals=(
            BudgetTotal(source="pk_budget", label="Jumlah", amount_idr=Decimal("160.50"), amount_raw="Rp 160,50", page=3),
            BudgetTotal(source="skp_lampiran", label="Jumlah Anggaran", amount_idr=Decimal("170"), amount_raw="Rp 170", page=6),
        ),
    )
    load_document(con, doc, run_id="run-1", file_path="/in/djpb-2024.pdf")

    assert reconciliation(con, "program_total_vs_activities") == [
        ("program 1", Decimal("100"), Decimal("90"), Decimal("-10"), "mismatch"),
        ("program 2", Decimal("50.5"), Decimal("50.5"), Decimal("0"), "ok"),
    ]
    assert reconciliation(con, "budget_total_vs_programs") == [
        ("Jumlah", Decimal("160.5"), Decimal("160.5"), Decimal("0"), "ok"),
        ("Jumlah Anggaran", Decimal("170"), Decimal("160.5"), Decimal("-9.5"), "mismatch"),
    ]
    assert {d for (d,) in con.execute("SELECT DISTINCT document_id FROM bi.reconciliation").fetchall()} == {
        doc.document_id
    }


def test_a_three_level_budget_is_checked_level_by_level(con: duckdb.DuckDBPyConnection) -> None:
    """A Pemda budget: Program 1, Kegiatan 1.1 / 1.2, Sub Kegiatan 1.1.1 / 1.1.2. The program is
    the sum of its Kegiatan (not of every row under it), each Kegiatan of its Sub Kegiatan."""
    name = "Program Penunjang Urusan Pemerintahan Daerah"
    doc = make_document(
        budget_lines=(
            program(1, 1, name, "1000"),
            activity(2, 1, name, "1.1", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "600"),
            activity(3, 1, name, "1.1.1", "Penyusunan Dokumen Perencanaan", "250"),
            activity(4, 1, name, "1.1.2", "Evaluasi Kinerja Perangkat Daerah", "340"),
            activity(5, 1, name, "1.2", "Administrasi Keuangan", "400"),
            activity(6, 1, name, "1.2.1", "Penyediaan Gaji dan Tunjangan ASN", "400"),
        ),
    )
    load_document(con, doc, run_id="run-1", file_path="/in/pemda.pdf")
    assert reconciliation(con, "program_total_vs_activities") == [
        ("program 1", Decimal("1000"), Decimal("1000"), Decimal("0"), "ok"),
    ]
    assert reconciliation(con, "activity_total_vs_sub_activities") == [
        ("activity 1.1", Decimal("600"), Decimal("590"), Decimal("-10"), "mismatch"),
        ("activity 1.2", Decimal("400"), Decimal("400"), Decimal("0"), "ok"),
    ]


def test_reconciliation_of_targets(con: duckdb.DuckDBPyConnection) -> None:
    doc = make_document(
        indicator_targets=(
            pk_target("1a-CP", "Tingkat efektivitas kerja sama", target("100%", "100", percent=True)),
            pk_target("1b-CP", "Tingkat kepuasan stakeholder", target("100%", "100", percent=True)),
            pk_target("2b-CP", "Indeks opini BPK", target("4 (WTP)", "4", qualifier="WTP")),
            pk_target("4d-N", "Indikator tanpa target", target("-", None)),
            pk_target("5a-CP", "Tidak ada di rincian", target("90", "90")),
            IndicatorTarget(source="skp", objective_no=None, objective="RHK", indicator_code=None,
                            indicator="Indeks opini BPK", target=target("3", "3"),
                            matched_code="2b-CP", match_score=91.0, page=5),
            IndicatorTarget(source="skp", objective_no=None, objective="RHK", indicator_code=None,
                            indicator="Tingkat efektivitas kerja sama", target=target("100%", "100", percent=True),
                            matched_code="1a-CP", match_score=99.0, page=5),
        ),
        period_targets=(
            period("pk_rincian", "1a-CP", "Y", target("100%", "100", percent=True)),
            period("pk_rincian", "1b-CP", "Y", target("100", "100")),  # same number, not a percent
            period("pk_rincian", "2b-CP", "Q4", target("4 (WTP)", "4", qualifier="WTP")),
            period("pk_rincian", "2b-CP", "Y", target("-", None)),
            period("pk_rincian", "4d-N", "Y", target("-", None)),
            period("skp_lampiran", None, "Q4", target("4 (WTP)", "4"), matched="2b-CP"),
            period("skp_lampiran", None, "Y", target("-", None), matched="4d-N"),
        ),
    )
    load_document(con, doc, run_id="run-1", file_path="/in/djpb-2024.pdf")

    assert reconciliation(con, "pk_target_vs_rincian_year") == [
        ("1a-CP", Decimal("100"), Decimal("100"), Decimal("0"), "ok"),
        ("1b-CP", Decimal("100"), Decimal("100"), Decimal("0"), "mismatch"),
        ("2b-CP", Decimal("4"), None, None, "mismatch"),
        ("4d-N", None, None, None, "ok"),
    ]
    assert reconciliation(con, "pk_target_vs_skp_target") == [
        ("1a-CP", Decimal("100"), Decimal("100"), Decimal("0"), "ok"),
        ("2b-CP", Decimal("4"), Decimal("3"), Decimal("-1"), "mismatch"),
    ]
    assert reconciliation(con, "rincian_vs_skp_lampiran") == [
        ("2b-CP Q4", Decimal("4"), Decimal("4"), Decimal("0"), "ok"),
        ("4d-N Y", None, None, None, "ok"),
    ]


# ---------------------------------------------------------------- the single-writer lock

HOLDER = textwrap.dedent(
    """
    import sys
    from warehouse.db import open_warehouse
    con = open_warehouse(sys.argv[1])
    print("holding", flush=True)
    sys.stdin.read()  # hold the file until the test closes our stdin
    con.close()
    """
)


def test_a_second_process_holding_the_file_raises_warehouse_locked(db_path: Path) -> None:
    open_warehouse(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(WarehouseLocked, match=rf"in use by PID {holder.pid} \(\S*python\S* -c "):
            open_warehouse(db_path)  # not kinerja (a BI tool, a notebook): named by its command line
        with pytest.raises(WarehouseLocked) as waited:
            t0 = dt.datetime.now()
            open_warehouse(db_path, lock_timeout_s=0.5)
        assert (dt.datetime.now() - t0).total_seconds() >= 0.5
        assert "--db" in str(waited.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0
    open_warehouse(db_path, lock_timeout_s=5).close()
