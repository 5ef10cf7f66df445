"""Loading into DuckDB: this tree's loader against a baseline revision's, on the same
documents, in one run. Not a test.

    .venv/bin/python benchmarks/bench_load.py --baseline c443700 --rounds 5

The 16 samples are extracted once (in this process). Then, round after round, a child
process per loader (so each imports its own ``warehouse`` and ``flows``: the baseline's are
taken from ``git archive``) loads every document into a fresh warehouse, timing each
``load_document`` and, into a second warehouse, each ``flows.ingest.store`` (what the flow's
main thread does per finished extraction). Prints ms per document (median, mean) and the
ratio baseline / this tree.

Then the rows: each loader runs the same scenario with its clock frozen (a file quarantined
and then loaded, every sample loaded, all loaded again, a document re-read, one of edge
values: Decimal ties and 18-digit amounts, awkward floats, then the indicator links) and dumps every table, ordered;
the two dumps must be identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = dt.datetime(2026, 1, 2, 3, 4, 5, 678901)


def extract_samples(folder: Path) -> list[tuple[str, object]]:
    sys.path.insert(0, str(ROOT))
    from flows.pipeline import extract_checked
    from flows.settings import Limits

    docs = []
    for pdf in sorted(folder.glob("*.pdf")):
        docs.append((str(pdf), extract_checked(str(pdf), hashlib.sha256(pdf.read_bytes()).hexdigest(), Limits())))
    return docs


def baseline_tree(revision: str, into: Path) -> Path:
    """The baseline's warehouse and flows packages (schemas and extractors: this tree's)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "warehouse", "flows"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run_child(tree: Path, docs: Path, mode: str, out: Path) -> dict:
    subprocess.run([sys.executable, __file__, "--child", str(tree), "--docs", str(docs), "--mode", mode, "--out", str(out)], check=True)
    return json.loads(out.read_text()) if mode == "time" else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git revision of the loader to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--folder", default=str(ROOT / "samples" / "corpus"))
    parser.add_argument("--child")
    parser.add_argument("--docs")
    parser.add_argument("--mode")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), Path(args.docs), args.mode, Path(args.out))
        return
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        work = Path(tmp)
        docs = work / "docs.pkl"
        docs.write_bytes(pickle.dumps(extract_samples(Path(args.folder))))
        trees = {"baseline": baseline_tree(args.baseline, Path(tempfile.mkdtemp(dir=tmp))), "this tree": ROOT}
        times: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                for step, seconds in run_child(tree, docs, "time", work / "times.json").items():
                    times[name].setdefault(step, []).extend(seconds)
        report(times, args.baseline)
        dumps = {name: work / f"dump-{n}.txt" for n, name in enumerate(trees)}
        for name, tree in trees.items():
            run_child(tree, docs, "dump", dumps[name])
        compare([dumps[name].read_text().splitlines() for name in trees])


def report(times: dict[str, dict[str, list[float]]], baseline: str) -> None:
    for step in ("load_document", "store"):
        base, new = times["baseline"][step], times["this tree"][step]
        for name, seconds in ((f"baseline {baseline}", base), ("this tree", new)):
            median, mean = 1000 * statistics.median(seconds), 1000 * statistics.mean(seconds)
            print(f"{step:14} {name:22} median {median:6.1f} ms/doc   mean {mean:6.1f} ms/doc   ({len(seconds)} loads)")
        ratios = statistics.median(base) / statistics.median(new), statistics.mean(base) / statistics.mean(new)
        print(f"{step:14} ratio baseline / this tree: median {ratios[0]:.2f}x, mean {ratios[1]:.2f}x")


def compare(dumps: list[list[str]]) -> None:
    base, new = dumps
    if base == new:
        tables = sum(1 for line in base if line.startswith("TABLE "))
        print(f"rows identical: {tables} tables, {len(base) - 2 * tables} lines of rows and results")
        return
    print("ROWS DIFFER:")
    sys.stdout.writelines(line + "\n" for line in list(difflib.unified_diff(base, new, "baseline", "this tree", lineterm=""))[:60])
    sys.exit(1)


# ---------------------------------------------------------------- the child: one loader


def child(tree: Path, docs_path: Path, mode: str, out: Path) -> None:
    sys.path[:0] = [str(tree), str(ROOT)]
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    import warehouse.load

    assert Path(warehouse.load.__file__).is_relative_to(tree), warehouse.load.__file__
    docs = pickle.loads(docs_path.read_bytes())
    with tempfile.TemporaryDirectory(prefix="bench-load-child-") as tmp:
        if mode == "time":
            out.write_text(json.dumps(time_loads(docs, Path(tmp))))
        else:
            out.write_text("\n".join(dump(scenario(docs, Path(tmp) / "scenario.duckdb"))) + "\n")


def time_loads(docs: list, tmp: Path) -> dict[str, list[float]]:
    import time

    from flows.ingest import store
    from warehouse.db import open_warehouse
    from warehouse.load import load_document

    times: dict[str, list[float]] = {"load_document": [], "store": []}
    for step in times:
        con = open_warehouse(tmp / f"{step}.duckdb")
        for path, doc in docs:
            started = time.perf_counter()
            if step == "store":
                store(con, "bench", path, doc.document_id, doc)
            else:
                load_document(con, doc, run_id="bench", file_path=path)
            times[step].append(time.perf_counter() - started)
        con.close()
    return times


def scenario(docs: list, db: Path) -> tuple:
    """Every path of the loader, on a frozen clock; returns the connection and what each call returned."""
    import warehouse.db
    import warehouse.load as load
    from schemas.status import Quarantine
    from warehouse.links import refresh_indicator_links

    warehouse.db.utc_now = load.utc_now = lambda: FROZEN
    con = warehouse.db.open_warehouse(db)
    first_path, first = docs[0]
    results: list[str] = []
    load.record_quarantine(
        con, run_id="r0", file_path=first_path, file_name=first.file_name, sha256=first.document_id,
        quarantine=Quarantine("timeout", "took too long", "Traceback: kept after the file loads"),
    )
    for run_id in ("r1", "r2"):  # the second run must load nothing
        results += [f"{run_id} {Path(path).name} {load.load_document(con, doc, run_id=run_id, file_path=path)}" for path, doc in docs]
    reread = docs[3][1].model_copy(update={"extractor_version": 999, "budget_totals": docs[3][1].budget_totals[:1]})
    results.append(f"replace {load.replace_document(con, reread, run_id='r3', file_path=docs[3][0])}")
    edge = edge_document(docs)
    results.append(f"edge {load.load_document(con, edge, run_id='r4', file_path='edge.pdf')}")
    results.append(f"links {refresh_indicator_links(con)}")  # the other caller of insert_rows
    return con, results


def edge_document(docs: list):
    """A sample with values that find type or rounding slips: ties at the column's scale,
    18 integer digits, many fraction digits, floats that print long."""
    from decimal import Decimal

    doc = next(d for _, d in docs if d.budget_lines and d.indicator_targets)
    amounts = [Decimal("0.125"), Decimal("-2.675"), Decimal("999999999999999999.99"), Decimal("1E+3"), Decimal("0.0049999")]
    confidences = [None, 89.125, 12.5, 99.995, 0.005]  # floats into DECIMAL(5,2): ties too
    lines = [
        b.model_copy(update={"amount_idr": amounts[n % len(amounts)], "ocr_confidence": confidences[n % len(confidences)]})
        for n, b in enumerate(doc.budget_lines)
    ]
    values = [Decimal("1234567890123456.1234565"), Decimal("3.1415926535"), Decimal("0.0000005"), Decimal("7")]
    floats = [0.1 + 0.2, 1e-300, -0.0, 2.0**53 + 1.0, 123.456789012345]
    targets = [
        t.model_copy(update={"target": t.target.model_copy(update={"value": values[n % len(values)]}), "match_score": floats[n % len(floats)],
                             "ocr_confidence": confidences[(n + 1) % len(confidences)],
                             "bbox": (floats[n % 5], floats[(n + 1) % 5], floats[(n + 2) % 5], floats[(n + 3) % 5])})
        for n, t in enumerate(doc.indicator_targets)
    ]
    return doc.model_copy(update={"document_id": "edge" + doc.document_id[4:], "budget_lines": tuple(lines), "indicator_targets": tuple(targets)})


def dump(state: tuple) -> list[str]:
    con, results = state
    lines = list(results)
    tables = con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1"
    ).fetchall()
    for (table,) in tables:
        columns = con.execute(
            "SELECT column_name || ' ' || data_type FROM duckdb_columns() WHERE schema_name || '.' || table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        lines.append(f"TABLE {table} ({', '.join(c for (c,) in columns)})")
        lines += [repr(row) for row in con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()]
        lines.append(f"END {table}")
    con.close()
    return lines


if __name__ == "__main__":
    main()
