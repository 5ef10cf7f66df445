"""Issue 11 on the real scans: of the figures a scan's OCR got wrong, how many are listed for
review and how many are loaded silently as certain. Reads a warehouse that already holds the
PDFs (OCR of the 14 real scans takes minutes: ingest once, score as often as needed) and scores
it against the truth files, per file:

- status, and the target rows (indicator + period) and budget rows (lines + totals) loaded, of the truth's;
- numbers exact / total, as `kinerja eval` counts them (flows/evaluate.py);
- of the figures loaded with a wrong value: flagged on their row (an extraction_ finding whose
  box holds the row, e.g. low OCR confidence), caught by a reconciliation check, or silent
  (the rule of tests/test_scanned.py, `flows.evaluate.silently_wrong`);
- the printed figures loaded as NULL (`null`: listed by unreadable_value or a finding on the
  row; `null_silent`: not), those of truth rows not loaded (`missing`; `miss_silent` when the
  document has no finding of lost rows, LOST_ROWS), and the rows loaded that the truth has not,
  with a figure (`extra`; `extra_silent` with no finding on the row).

    .venv/bin/kinerja ingest /work/shared/realworld --db /tmp/rw.duckdb
    .venv/bin/python benchmarks/scan_flags.py --db /tmp/rw.duckdb            # the table
    .venv/bin/python benchmarks/scan_flags.py --db /tmp/rw.duckdb --detail   # and each figure not exact
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.evaluate import NUMERIC, DocumentScore, Wrong, caught_by_check, evaluate, flagged_on_row  # noqa: E402

TARGETS, BUDGET = ("indicator_targets", "period_targets"), ("budget_lines", "budget_totals")
COLUMNS = ("loaded", "targets", "budget", "exact", "flagged", "caught", "silent", "null", "null_silent", "missing", "miss_silent", "extra", "extra_silent")
# Findings that say rows or tables were lost (not what was read): a truth row missing from a
# document that has one is noted, if not on its row.
LOST_ROWS = ("extraction_numbering_gap", "extraction_section_without_rows", "extraction_table_not_read", "extraction_table_cut_off",
             "extraction_unlinked_rows", "extraction_indicator_without_rows", "extraction_blank_cell", "extraction_budget_row_unsound",
             "extraction_ocr_several_figures", "extraction_amount_not_read", "unreadable_value")  # fmt: skip


def verdict(con: duckdb.DuckDBPyConnection, wrong: Wrong) -> str:
    """For a figure loaded with a wrong value: flagged / caught / silent; loaded as NULL: null
    (with an unreadable_value or extraction_ finding on its row) or null_silent."""
    if flagged_on_row(con, wrong.kind, wrong.row):
        return "null" if wrong.row.get(wrong.field) is None else "flagged"
    if wrong.row.get(wrong.field) is None:
        raw = wrong.row.get("target_raw") or wrong.row.get("amount_raw")
        listed = con.execute("SELECT count(*) FROM core.value_problems WHERE document_id = ? AND page = ? AND raw = ?",
                             [wrong.row["document_id"], wrong.row["page"], raw]).fetchone()[0]  # fmt: skip
        return "null" if listed else "null_silent"
    return "caught" if caught_by_check(con, wrong) else "silent"


def printed(rows: list[dict]) -> int:
    """The figures a truth row states (a NULL in the truth is a cell with no figure)."""
    return sum(1 for row in rows for f in NUMERIC if row.get(f) is not None)


def lost_rows_noted(con: duckdb.DuckDBPyConnection, document_id: str) -> bool:
    marks = ", ".join("?" * len(LOST_ROWS))
    sql = f"SELECT count(*) FROM all_versions.reconciliation WHERE document_id = ? AND status = 'mismatch' AND check_name IN ({marks})"
    return con.execute(sql, [document_id, *LOST_ROWS]).fetchone()[0] > 0


def file_line(con: duckdb.DuckDBPyConnection, doc: DocumentScore) -> tuple[dict, list[tuple[str, Wrong]]]:
    found = con.execute("SELECT status, document_id FROM bi.files WHERE file_name = ? ORDER BY status LIMIT 1", [doc.file]).fetchone()
    facts = doc.by_fact
    judged = [(verdict(con, w), w) for s in facts.values() for w in s.wrong if w.field in NUMERIC]
    count = {v: sum(1 for got, _ in judged if got == v) for v in ("flagged", "caught", "silent", "null", "null_silent")}
    missing = sum(printed(facts[k].missing) for k in TARGETS + BUDGET)
    extra = [(k, row) for k in TARGETS + BUDGET for row in facts[k].extra if any(row.get(f) is not None for f in NUMERIC)]
    extra_silent = [(k, row) for k, row in extra if not flagged_on_row(con, k, row)]
    judged += [("extra_silent", Wrong(k, "-", row, None)) for k, row in extra_silent]

    def loaded(kinds: tuple[str, ...]) -> str:
        truth = sum(facts[k].rows for k in kinds)
        return f"{truth - sum(len(facts[k].missing) for k in kinds)}/{truth}"

    line = {
        "loaded": found[0] if found else "absent",
        "targets": loaded(TARGETS),
        "budget": loaded(BUDGET),
        "exact": f"{sum(facts[k].numeric_correct for k in TARGETS + BUDGET)}/{sum(facts[k].numeric for k in TARGETS + BUDGET)}",
        **count,
        "missing": missing,
        "miss_silent": 0 if found and lost_rows_noted(con, found[1]) else missing,
        "extra": len(extra),
        "extra_silent": len(extra_silent),
    }
    return line, judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="warehouse holding the PDFs (kinerja ingest)")
    parser.add_argument("--pdfs", default=str(ROOT.parent / "shared" / "realworld"), help="folder of the PDFs")
    parser.add_argument("--truth", default=str(ROOT / "samples" / "realworld" / "scanned"), help="folder of *.truth.json")
    parser.add_argument("--detail", action="store_true", help="print each figure that is not exact, with its verdict")
    args = parser.parse_args()
    scores = evaluate(args.db, Path(args.pdfs), Path(args.truth))
    con = duckdb.connect(args.db, read_only=True)
    print(f"{'file':40} " + " ".join(f"{c[:8]:>8}" for c in COLUMNS))
    total: dict[str, int | str] = dict.fromkeys(COLUMNS, 0)
    details: list[str] = []
    for doc in scores:
        line, judged = file_line(con, doc)
        print(f"{doc.file[:40]:40} " + " ".join(f"{line[c]!s:>8}" for c in COLUMNS))
        total["loaded"] = int(total["loaded"]) + (line["loaded"] == "loaded")
        for c in COLUMNS[1:]:
            total[c] = _add(total[c], line[c])
        details += [f"{doc.file[:40]} {v:12} {w.kind}.{w.field} p{w.row.get('page')}: {_shown(w)}" for v, w in judged]
        details += [f"{doc.file[:40]} missing {k} p{r.get('page')}: {_label(r)} {[r[f] for f in NUMERIC if r.get(f)]}"
                    for k in TARGETS + BUDGET for r in doc.by_fact[k].missing if printed([r])]  # fmt: skip
    total["loaded"] = f"{total['loaded']}/{len(scores)}"
    print(f"{'TOTAL':40} " + " ".join(f"{total[c]!s:>8}" for c in COLUMNS))
    if args.detail:
        print("\n".join(details))


def _add(a: int | str, b: int | str) -> int | str:
    """Sum counts, or 'n/m' fractions part by part."""
    if isinstance(b, int):
        return int(a) + b
    x, y = (str(a) if a else "0/0").split("/")
    p, q = b.split("/")
    return f"{int(x) + int(p)}/{int(y) + int(q)}"


def _label(row: dict) -> str:
    text = row.get("indicator") or row.get("activity") or row.get("program") or row.get("label") or ""
    return repr(text[:50])


def _shown(w: Wrong) -> str:
    raw = w.row.get("target_raw") or w.row.get("amount_raw")
    confidence = w.row.get("ocr_confidence")
    value = w.row.get(w.field) if w.field in NUMERIC else [w.row.get(f) for f in NUMERIC if w.row.get(f) is not None]
    return f"{_label(w.row)} read {raw!r} = {value} (conf {confidence}), truth {w.truth}"


if __name__ == "__main__":
    main()
