"""`kinerja reconcile`: the reconciliation mismatches in the warehouse, by unit, year and file."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from flows.console import DB_HELP, json_line, number, open_for_reading, out, shown

_NUMBERS = ("stated", "computed", "difference")


def reconcile(
    unit: Annotated[str | None, typer.Option("--unit", metavar="TEXT", help="Only units whose name contains TEXT (any case).")] = None,
    year: Annotated[int | None, typer.Option("--year", metavar="N", help="Only documents of fiscal year N.")] = None,
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as one JSON object (amounts as exact decimal strings).")] = False,
    include_ok: Annotated[bool, typer.Option("--all", help="Also list the checks that agree (status ok).")] = False,
) -> None:
    """List the reconciliation mismatches (a stated figure the document's other rows do not add up to), and what documents state they could not read."""
    from warehouse.reconcile import findings

    con = open_for_reading(db)
    try:
        rows = findings(con, unit=unit, fiscal_year=year, include_ok=include_ok)
    finally:
        con.close()
    if as_json:
        listed = [{k: str(v) if k in _NUMBERS and v is not None else v for k, v in r.items()} for r in rows]
        sys.stdout.write(json_line({"mismatches": listed, "count": len(listed)}))
        return
    _print_report(rows, include_ok)


def _print_report(rows: list[dict], include_ok: bool) -> None:
    from warehouse.reconcile import is_extraction

    checked = [r for r in rows if not is_extraction(r)]
    unread = [r for r in rows if is_extraction(r)]
    if checked:
        out.print(_table("reconciliation: stated figures against the rows, or the companion file, that must equal them", checked, include_ok))
    if unread:
        out.print(_table("extraction_ checks: what the documents state they could not read (look at the page first)", unread, include_ok))
    mismatched = [r for r in checked if r["status"] == "mismatch"]
    flagged = {r["document_id"] for r in unread if r["status"] == "mismatch"}
    documents = len({r["document_id"] for r in mismatched})
    summary = (
        f"{_count(len(mismatched), 'mismatch', 'mismatches')} in {_count(documents, 'document', 'documents')}; "
        f"{_count(len(flagged), 'document states what it', 'documents state what they')} could not read"
    )
    if include_ok:
        summary += f"; {_count(sum(r['status'] == 'ok' for r in rows), 'check', 'checks')} ok"
    out.print(summary, highlight=False)


def _table(title: str, rows: list[dict], include_ok: bool) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("file", no_wrap=True)
    table.add_column("unit")
    table.add_column("year")
    table.add_column("check", no_wrap=True)
    table.add_column("subject")
    for column in _NUMBERS:
        table.add_column(column, justify="right", no_wrap=True)
    if include_ok:
        table.add_column("status")
    for r in rows:
        cells = [shown(r["file_name"] or r["document_id"][:12]), shown(r["unit"] or "-"), str(r["fiscal_year"] or "-"),
                 shown(r["check_name"]), shown(str(r["subject"])), *(number(r[c]) for c in _NUMBERS)]
        table.add_row(*cells, *([r["status"]] if include_ok else []), style="yellow" if include_ok and r["status"] == "mismatch" else None)
    return table


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
