"""`kinerja report`: one self-contained HTML page of the warehouse for analysts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.console import DB_HELP, err, fail, shown, warehouse_to_read

YEAR_HELP = "Only fiscal year N (targets across years: the indicators of year N, with all their years)."


def report(
    out: Annotated[Path, typer.Option("--out", metavar="FILE.html", dir_okay=False, help="The HTML file to write (replaced whole).")],
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=DB_HELP)] = None,
    unit: Annotated[str | None, typer.Option("--unit", metavar="TEXT", help="Only units whose name contains TEXT (any case).")] = None,
    year: Annotated[int | None, typer.Option("--year", metavar="N", min=1900, max=2999, help=YEAR_HELP)] = None,
) -> None:
    """Write one HTML page (charts and tables, nothing fetched) of the budgets, quarterly targets,
    targets across years, reconciliation findings and documents."""
    from warehouse.db import WarehouseError
    from warehouse.report import ReportError, Scope, write_report

    run = warehouse_to_read(db)
    if not out.parent.is_dir():
        fail(f"the folder {out.parent} does not exist", 2)
    try:
        counts = write_report(run.db, out, Scope(unit=unit, year=year), lock_timeout_s=run.lock_timeout_s)
    except (WarehouseError, ReportError, OSError) as exc:
        fail(str(exc), 1)
    err.print(
        f"wrote {shown(str(out))}: {counts['documents']} documents, {counts['budgets']} budgets, "
        f"{counts['money_findings']} money findings, {counts['flagged_documents']} documents flagged by extraction_ checks",
        soft_wrap=True,
    )
