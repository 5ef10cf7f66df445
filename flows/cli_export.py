"""`kinerja export`: every bi view into a folder for BI tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows import settings
from flows.console import DB_HELP, err, fail, shown


def export(
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="parquet (by fiscal_year, Hive layout), csv, or xlsx (a sheet per view).")],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", file_okay=False, help="Folder to write; replaced as a whole.")],
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=DB_HELP)] = None,
) -> None:
    """Write every bi view into DIR for BI tools (DECIMAL amounts kept exact)."""
    from warehouse.export import FORMATS, ExportError, export_bi

    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: one of {', '.join(FORMATS)}", 2)
    run = settings.resolve(db=db, no_publish=True)  # reading only: no snapshot to place
    if not Path(run.db).is_file():
        fail(f"no warehouse at {run.db}: run `kinerja ingest` first", 2)
    if not out.parent.is_dir():
        fail(f"the folder {out.parent} does not exist", 2)
    try:
        counts = export_bi(run.db, fmt, out)
    except ExportError as exc:
        fail(str(exc), 1)
    err.print(f"wrote {len(counts)} bi views ({sum(counts.values())} rows) as {fmt} into {shown(str(out))}", soft_wrap=True)
