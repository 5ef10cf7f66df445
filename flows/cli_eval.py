"""`kinerja eval`: ingest a folder and score it against ground truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from flows import server
from flows.console import fail, json_line, out, shown


def eval_(
    path: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder of PDFs to ingest and score.", exists=True, file_okay=False)],
    truth: Annotated[Path | None, typer.Option("--truth", metavar="DIR", help="Folder of *.truth.json files (default: FOLDER).")] = None,
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help="Warehouse to ingest into (default: a throw-away file).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 unless every score is perfect.")] = False,
) -> None:
    """Ingest FOLDER, then score the warehouse against ground truth, field by field, per fact and producer."""
    from flows.evaluate import totals

    scores, flagged, class_problems = _score(path, truth or path, db)
    summed = totals(scores)
    perfect = all(s.perfect for s in summed.values()) and not class_problems and all(d.loaded for d in scores)
    if as_json:
        sys.stdout.write(json_line({
            "documents": len(scores),
            "perfect": perfect,
            "scores": [
                {"producer": p, "fact": f, "rows": s.rows, "rows_correct": s.rows_correct, "fields": s.fields,
                 "fields_correct": s.fields_correct, "numeric": s.numeric, "numeric_correct": s.numeric_correct, "spurious": s.spurious}
                for (p, f), s in sorted(summed.items())
            ],
            "problems": [p for d in scores for s in d.by_fact.values() for p in s.problems][:500],
            "classification_problems": class_problems,
            "flagged_documents": flagged,
        }))
    else:
        columns = ("producer", "fact", "rows correct", "fields correct", "numbers exact", "spurious")
        t = Table(*columns, title=f"accuracy over {len(scores)} documents", title_justify="left")
        for (producer, fact), s in sorted(summed.items()):
            if s.rows or s.spurious:
                numbers = _ratio(s.numeric_correct, s.numeric) if s.numeric else "-"
                t.add_row(producer, fact, _ratio(s.rows_correct, s.rows), _ratio(s.fields_correct, s.fields), numbers, str(s.spurious))
        out.print(t)
        for d in scores:
            if not d.loaded:
                out.print(f"[red]not loaded:[/red] {shown(d.file)}")
            for s in d.by_fact.values():
                for problem in s.problems[:20]:
                    out.print(f"  {shown(d.file)}: {shown(str(problem))}")
        for problem in class_problems:
            out.print(f"  classification: {shown(str(problem))}")
        out.print(f"{len(flagged)} loaded documents flagged by extraction_ checks (read them before trusting their rows)")
        for name in flagged:
            out.print(f"  flagged: {shown(name)}")
    if strict and not perfect:
        raise typer.Exit(1)


def _score(path: Path, truth_dir: Path, db: str | None):
    """Ingest ``path`` (into a throw-away warehouse unless ``db``) and score it against the truth."""
    import tempfile

    from flows.evaluate import classification_problems, evaluate, flagged_documents
    from flows.ingest import ingest as ingest_flow

    with tempfile.TemporaryDirectory() as tmp:
        target = db or str(Path(tmp) / "eval.duckdb")
        try:
            with server.prefect_api():
                ingest_flow(paths=[str(path)], db=target, no_publish=db is None)  # a throw-away warehouse needs no BI snapshot
        except server.ServerError as exc:
            fail(str(exc), 1)
        scores = evaluate(target, path, truth_dir)
        flagged = flagged_documents(target)
        classification = truth_dir / "classification.json"
        class_problems = (
            classification_problems(target, path, json.loads(classification.read_text(encoding="utf-8")))
            if classification.exists()
            else []
        )
    return scores, flagged, class_problems


def _ratio(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / total:.1f}%)" if total else "-"
