"""Every bundled sample, through the real flow into DuckDB, equals its truth file field by field."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, load_truth, query, truth_files

# truth key -> (bi view, column giving document order)
FACT_VIEWS = {
    "indicator_targets": ("bi.indicator_targets", "row_no"),
    "period_targets": ("bi.period_targets", "line_no"),
    "budget_lines": ("bi.budget_lines", "line_no"),
    "budget_totals": ("bi.budget_totals", "page"),
    "signatures": ("bi.signatures", "block_no"),
    "skp_behaviours": ("bi.skp_behaviours", "behaviour_no"),
    "parties": ("bi.parties", "party"),
}
DECIMAL_FIELDS = {"target_value", "scale_max", "amount_idr", "budget_idr"}


def same(field: str, expected, actual) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if field in DECIMAL_FIELDS:
        return Decimal(str(expected)) == Decimal(repr(actual) if isinstance(actual, float) else str(actual))
    if isinstance(actual, (dt.date, dt.datetime)):
        return actual.isoformat() == expected
    if isinstance(actual, tuple):
        actual = list(actual)
    return actual == expected


def diff_rows(kind: str, expected: list[dict], actual: list[dict]) -> list[str]:
    problems = []
    if len(expected) != len(actual):
        problems.append(f"{kind}: {len(actual)} rows, truth has {len(expected)}")
    for i, (exp, act) in enumerate(zip(expected, actual)):
        for field, value in exp.items():
            if field not in act:
                problems.append(f"{kind}[{i}]: column {field} missing")
            elif not same(field, value, act[field]):
                problems.append(f"{kind}[{i}].{field}: {act[field]!r} != truth {value!r}")
    return problems


def _document_id(truth: dict) -> str:
    return hashlib.sha256((SAMPLES / truth["file"]).read_bytes()).hexdigest()


@pytest.fixture(params=truth_files(), ids=lambda p: p.name.removesuffix(".truth.json"))
def truth(request) -> dict:
    return load_truth(request.param)


def test_document_row(ingested, truth):
    db, _ = ingested
    rows = query(db, "SELECT * FROM bi.documents WHERE document_id = ?", [_document_id(truth)])
    assert len(rows) == 1, f"{truth['file']} not loaded"
    problems = diff_rows("documents", [truth["document"]], rows)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", list(FACT_VIEWS))
def test_facts_equal_truth(ingested, truth, kind):
    db, _ = ingested
    view, order = FACT_VIEWS[kind]
    rows = query(db, f"SELECT * FROM {view} WHERE document_id = ? ORDER BY {order}", [_document_id(truth)])
    problems = diff_rows(kind, truth.get(kind, []), rows)
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:40])


def test_skp_header(ingested, truth):
    db, _ = ingested
    rows = query(db, "SELECT * FROM bi.skp WHERE document_id = ?", [_document_id(truth)])
    expected = [truth["skp"]] if truth.get("skp") else []
    problems = diff_rows("skp", expected, rows)
    assert not problems, "\n".join(problems)


def test_every_sample_has_truth(ingested):
    pdfs = {p.name for p in SAMPLES.glob("*.pdf")}
    truths = {load_truth(p)["file"] for p in truth_files()}
    assert pdfs == truths
    _, summary = ingested
    assert {Path(i.file).name for i in summary.items if i.status == "loaded"} == pdfs
