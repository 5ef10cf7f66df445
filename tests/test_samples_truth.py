"""Every bundled sample, through the real flow into DuckDB, equals its truth file field by field."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from flows.evaluate import FACTS, evaluate, same, totals
from tests.support import SAMPLES, load_truth, query, truth_files

FACT_VIEWS = {kind: (view, order) for kind, (view, order, _) in FACTS.items()}


def diff_rows(kind: str, expected: list[dict], actual: list[dict]) -> list[str]:
    """Row i against row i, every field the truth states (stricter than the aligned score)."""
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
    rows = query(db, "SELECT * FROM all_versions.skp WHERE document_id = ?", [_document_id(truth)])
    expected = [truth["skp"]] if truth.get("skp") else []
    problems = diff_rows("skp", expected, rows)
    assert not problems, "\n".join(problems)


def test_every_sample_has_truth(ingested):
    pdfs = {p.name for p in SAMPLES.glob("*.pdf")}
    truths = {load_truth(p)["file"] for p in truth_files()}
    assert pdfs == truths
    _, summary = ingested
    assert {Path(i.file).name for i in summary.items if i.status == "loaded"} == pdfs


def test_eval_scores_every_producer_perfect(ingested):
    """`kinerja eval samples/`: 100% of fields and 0 spurious rows for each producer."""
    db, _ = ingested
    scores = evaluate(db, SAMPLES, SAMPLES)
    producers = {d.producer for d in scores}
    assert {"reportlab", "libreoffice", "weasyprint"} <= producers
    summed = totals(scores)
    imperfect = {key: (s.rows_correct, s.rows, s.fields_correct, s.fields, s.spurious) for key, s in summed.items() if not s.perfect}
    assert imperfect == {}
    assert all(d.loaded for d in scores)
