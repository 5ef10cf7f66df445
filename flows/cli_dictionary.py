"""`kinerja dictionary`: what each bi view and column means, from the warehouse's own catalog."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from flows.console import DB_HELP, err, fail, json_line, open_for_reading, shown

FILE_FORMATS = (".md", ".csv")


def dictionary(
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=DB_HELP)] = None,
    out_file: Annotated[Path | None, typer.Option("--out", metavar="FILE", dir_okay=False, help="Write FILE.md (Markdown) or FILE.csv, not stdout.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the dictionary as one JSON object.")] = False,
) -> None:
    """Print the data dictionary of the bi views: each view and column with its meaning, type and an example value (Markdown)."""
    from warehouse import dictionary as dictionary_

    if out_file is not None and out_file.suffix.lower() not in FILE_FORMATS:
        fail(f"--out {out_file}: the file must end in {' or '.join(FILE_FORMATS)}", 2)
    if out_file is not None and as_json:
        fail("--json prints to stdout: leave out --out (or write FILE.csv / FILE.md without --json)", 2)
    if out_file is not None and not out_file.parent.is_dir():
        fail(f"the folder {out_file.parent} does not exist", 2)
    con = open_for_reading(db)
    try:
        found = dictionary_.entries(con)
    finally:
        con.close()
    blank = [f"bi.{e.view}.{e.column}" for e in found if not e.description]
    if blank:
        err.print(
            f"[yellow]{len(blank)} columns have no description[/yellow] (first: {shown(blank[0])}): a warehouse gets its comments "
            "when this version of kinerja opens it to write (`kinerja ingest`); a new column needs its line in warehouse/sql/comments/",
            soft_wrap=True,
        )
    if as_json:
        sys.stdout.write(json_line(dictionary_.as_json(found)))
    elif out_file is None:
        sys.stdout.write(dictionary_.as_markdown(found))
    else:
        text = dictionary_.as_csv(found) if out_file.suffix.lower() == ".csv" else dictionary_.as_markdown(found)
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote the dictionary of {len({e.view for e in found})} bi views ({len(found)} columns) to {shown(str(out_file))}", soft_wrap=True)

