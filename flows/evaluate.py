"""Accuracy against ground truth: the warehouse's bi views scored field by field.

A truth file (`<name>.truth.json`, see samples/SPEC.md) lists the records a person reads on
the pages of one PDF. Rows are aligned by their identity (the page and an indicator's text and period,
a budget line's name; a signer's name), then every field the truth states is compared.
Rows the warehouse has and the truth has not are spurious.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

# truth key -> (view, document order, identity fields used to align rows). The all_versions views:
# a document is scored whether or not a later version of it hides it from bi. The page belongs
# to a row's identity: a document may print one table twice (a Lampiran repeating the PK's), and
# a clean second copy must not stand in for a misread first one.
FACTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "indicator_targets": ("all_versions.indicator_targets", "row_no", ("page", "source", "indicator")),
    "period_targets": ("all_versions.period_targets", "line_no", ("page", "source", "indicator", "period")),
    "budget_lines": ("all_versions.budget_lines", "line_no", ("page", "level", "program", "activity")),
    "budget_totals": ("all_versions.budget_totals", "page", ("source", "label")),
    "signatures": ("all_versions.signatures", "block_no", ("page", "name")),
    "parties": ("all_versions.parties", "party", ("party",)),
    "skp_behaviours": ("all_versions.skp_behaviours", "behaviour_no", ("behaviour_no",)),
}
SINGLE: dict[str, str] = {"document": "bi.documents", "skp": "all_versions.skp"}
DECIMAL_FIELDS = frozenset({"target_value", "scale_max", "amount_idr", "budget_idr"})


def same(field_name: str, expected: object, actual: object) -> bool:
    """Truth values are JSON (numbers as strings, dates ISO); warehouse values are typed."""
    if expected is None or actual is None:
        return expected is None and actual is None
    if field_name in DECIMAL_FIELDS:
        shown = repr(actual) if isinstance(actual, float) else str(actual)
        return Decimal(str(expected)) == Decimal(shown)
    if isinstance(actual, (dt.date, dt.datetime)):
        return actual.isoformat() == expected
    if isinstance(actual, tuple):
        actual = list(actual)
    return actual == expected


@dataclass(frozen=True)
class Wrong:
    """A field of a warehouse row that differs from the truth."""

    kind: str  # the truth key: 'indicator_targets', 'budget_lines', ...
    field: str
    row: dict  # the warehouse row (its view's columns)
    truth: object


@dataclass
class Score:
    rows: int = 0  # rows in the truth
    rows_correct: int = 0  # truth rows found with every field right
    fields: int = 0
    fields_correct: int = 0
    spurious: int = 0  # warehouse rows the truth does not have
    numeric: int = 0  # of the fields, the numbers (DECIMAL_FIELDS): targets, scales, amounts
    numeric_correct: int = 0
    problems: list[str] = field(default_factory=list)
    wrong: list[Wrong] = field(default_factory=list)  # each wrong field, with the warehouse row it is in
    missing: list[dict] = field(default_factory=list)  # the truth rows the warehouse has no row for
    extra: list[dict] = field(default_factory=list)  # the warehouse rows the truth has not (the spurious ones)

    def add(self, other: Score) -> None:
        self.rows += other.rows
        self.rows_correct += other.rows_correct
        self.fields += other.fields
        self.fields_correct += other.fields_correct
        self.spurious += other.spurious
        self.numeric += other.numeric
        self.numeric_correct += other.numeric_correct
        self.problems += other.problems
        self.wrong += other.wrong
        self.missing += other.missing
        self.extra += other.extra

    @property
    def perfect(self) -> bool:
        return self.rows_correct == self.rows and self.fields_correct == self.fields and self.spurious == 0


@dataclass
class DocumentScore:
    truth_file: str
    file: str
    producer: str
    loaded: bool
    by_fact: dict[str, Score]


def _key(row: dict, identity: Sequence[str]) -> tuple:
    return tuple(str(row.get(k)) for k in identity)


def score_rows(kind: str, expected: list[dict], actual: list[dict], identity: Sequence[str]) -> Score:
    """Align truth and warehouse rows by identity (in document order), then compare fields."""
    score = Score(rows=len(expected))
    matcher = difflib.SequenceMatcher(
        a=[_key(r, identity) for r in expected], b=[_key(r, identity) for r in actual], autojunk=False
    )
    paired: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            paired[block.a + k] = block.b + k
    # Rows whose identity itself was misread still pair up when they sit in the same gap.
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "replace":
            for k in range(min(a1 - a0, b1 - b0)):
                paired[a0 + k] = b0 + k
    score.spurious = len(actual) - len(paired)
    taken = set(paired.values())
    score.extra = [row for j, row in enumerate(actual) if j not in taken]
    for i, exp in enumerate(expected):
        score.fields += len(exp)
        numeric = [f for f in exp if f in DECIMAL_FIELDS]
        score.numeric += len(numeric)
        j = paired.get(i)
        if j is None:
            score.problems.append(f"{kind}[{i}] missing: {_key(exp, identity)}")
            score.missing.append(exp)
            continue
        wrong = [f for f, v in exp.items() if f not in actual[j] or not same(f, v, actual[j][f])]
        score.fields_correct += len(exp) - len(wrong)
        score.numeric_correct += len([f for f in numeric if f not in wrong])
        if wrong:
            score.problems += [f"{kind}[{i}].{f}: {actual[j].get(f)!r} != truth {exp[f]!r}" for f in wrong]
            score.wrong += [Wrong(kind, f, actual[j], exp[f]) for f in wrong]
        else:
            score.rows_correct += 1
    return score


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def score_document(con: duckdb.DuckDBPyConnection, truth: dict, document_id: str) -> dict[str, Score]:
    by_fact: dict[str, Score] = {}
    for kind, view in SINGLE.items():
        expected = truth.get(kind)
        actual = _rows(con, f"SELECT * FROM {view} WHERE document_id = ?", [document_id])
        by_fact[kind] = score_rows(kind, [expected] if expected else [], actual, ())
    for kind, (view, order, identity) in FACTS.items():
        actual = _rows(con, f"SELECT * FROM {view} WHERE document_id = ? ORDER BY {order}", [document_id])
        by_fact[kind] = score_rows(kind, truth.get(kind, []), actual, identity)
    return by_fact


def truth_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.truth.json"))


def evaluate(db: str | Path, pdf_dir: Path, truth_dir: Path) -> list[DocumentScore]:
    """Score every truth file of truth_dir against the warehouse (its PDF is found in pdf_dir)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        scores: list[DocumentScore] = []
        for path in truth_files(truth_dir):
            truth = json.loads(path.read_text(encoding="utf-8"))
            pdf = pdf_dir / truth["file"]
            document_id = sha256_file(pdf)
            loaded = bool(con.execute("SELECT count(*) FROM bi.documents WHERE document_id = ?", [document_id]).fetchone()[0])
            scores.append(
                DocumentScore(
                    truth_file=path.name,
                    file=truth["file"],
                    producer=truth.get("producer") or truth.get("source") or "unknown",
                    loaded=loaded,
                    by_fact=score_document(con, truth, document_id),
                )
            )
        return scores
    finally:
        con.close()


def classification_problems(db: str | Path, pdf_dir: Path, expected: dict[str, dict]) -> list[str]:
    """Compare each file's status, reason and document kind with a classification truth."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        problems = []
        for name, want in sorted(expected.items()):
            rows = _rows(
                con,
                "SELECT f.status, f.reason, d.document_kind FROM bi.files f "
                "LEFT JOIN bi.documents d ON d.document_id = f.document_id WHERE f.file_name = ?",
                [name],
            )
            got = rows[0] if rows else {"status": None, "reason": None, "document_kind": None}
            for key in ("status", "reason", "document_kind"):
                if key == "document_kind" and got["status"] == "quarantined":
                    continue  # a quarantined file has no document row: its kind is not known
                if key in want and want[key] != got[key]:
                    problems.append(f"{name}: {key} {got[key]!r} != truth {want[key]!r}")
        return problems
    finally:
        con.close()


def flagged_documents(db: str | Path) -> list[str]:
    """File names of the loaded documents that state what they could not read (extraction_ mismatches)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT d.file_name FROM all_versions.reconciliation r JOIN bi.documents d USING (document_id) "
            "WHERE r.check_name LIKE 'extraction_%' AND r.status = 'mismatch' ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]
    finally:
        con.close()


def totals(scores: Iterable[DocumentScore]) -> dict[tuple[str, str], Score]:
    """(producer, fact) -> summed score, plus ('all', fact)."""
    out: dict[tuple[str, str], Score] = {}
    for doc in scores:
        for fact, score in doc.by_fact.items():
            for producer in (doc.producer, "all"):
                out.setdefault((producer, fact), Score()).add(score)
    return out


# The fact views whose figures OCR reads: the printed text of the figure, the key of a row.
FIGURES = {"indicator_targets": ("target_raw", "row_no"), "period_targets": ("target_raw", "line_no"),
           "budget_lines": ("amount_raw", "line_no"), "budget_totals": ("amount_raw", None)}  # fmt: skip
NUMERIC = ("target_value", "scale_max", "amount_idr")


def flagged_on_row(con: duckdb.DuckDBPyConnection, kind: str, row: dict) -> bool:
    """Is there an extraction_ finding on this row: on its page, its box around the row's?
    (A document-wide finding such as extraction_ocr_read names no box, so it does not count.)"""
    flags = _rows(
        con,
        "SELECT x0, top, x1, bottom, json_extract_string(fields, '$.subject') AS subject FROM raw.records WHERE document_id = ? AND page = ? "
        "AND kind = 'finding' AND json_extract_string(fields, '$.check') LIKE 'extraction_%' AND x0 IS NOT NULL",
        [row["document_id"], row["page"]],
    )
    key = FIGURES[kind][1]
    if key is None:  # budget_totals keep no box: the finding names the total
        return any(f"'{row['label']}'" in f["subject"] for f in flags)
    box = _rows(con, f"SELECT x0, top, x1, bottom FROM core.{kind} WHERE document_id = ? AND {key} = ?", [row["document_id"], row[key]])[0]
    x, y = (box["x0"] + box["x1"]) / 2, (box["top"] + box["bottom"]) / 2
    return any(f["x0"] <= x <= f["x1"] and f["top"] <= y <= f["bottom"] for f in flags)


def caught_by_check(con: duckdb.DuckDBPyConnection, wrong: Wrong) -> bool:
    """Does a reconciliation check (not extraction_) of the row's document, or of a companion
    file, report a mismatch on the row: its indicator, its program, its total?"""
    row = wrong.row
    mismatches = _rows(con, "SELECT document_id, check_name, subject FROM all_versions.reconciliation "
                            "WHERE status = 'mismatch' AND check_name NOT LIKE 'extraction_%'", [])  # fmt: skip
    if wrong.kind in ("indicator_targets", "period_targets"):
        names = {n for n in (row.get("indicator_code"), row.get("indicator")) if n}
        return any(m["subject"].split(" ")[0] in names or m["subject"] in names for m in mismatches)
    own = [m for m in mismatches if m["document_id"] == row["document_id"]]
    if wrong.kind == "budget_totals":
        return any(m["check_name"] == "budget_total_vs_programs" and m["subject"] == row["label"] for m in own)
    program = f"program {row['program_no']}" if row.get("program_no") is not None else None  # unnumbered: any program's
    return any(m["check_name"] == "program_total_vs_activities" and m["subject"] == (program or m["subject"]) for m in own) or (
        row["level"] == "program" and any(m["check_name"] == "budget_total_vs_programs" for m in own))  # fmt: skip


def silently_wrong(con: duckdb.DuckDBPyConnection, scores: Iterable[DocumentScore]) -> list[Wrong]:
    """Issue 11's promise, from the truth: each figure (NUMERIC) loaded with a value that differs
    from the truth, with no extraction_ finding on its row and no reconciliation check reporting it."""
    wrong = [w for d in scores for s in d.by_fact.values() for w in s.wrong if w.field in NUMERIC and w.row.get(w.field) is not None]
    return [w for w in wrong if not flagged_on_row(con, w.kind, w.row) and not caught_by_check(con, w)]
