"""What every `kinerja` command prints with: the two consoles, one-line failures, data shown inert,
JSON lines and numbers in the Indonesian format; and the warehouse a reading command opens."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from flows import settings
from schemas.text import spell_unprintable

if TYPE_CHECKING:
    import duckdb

out = Console()
if not out.is_terminal:
    out.width = 160  # a log or a pipe: do not cut the findings at 80 columns
err = Console(stderr=True)
DB_HELP = f"DuckDB warehouse file (default: ${settings.ENV_DB}, else {settings.DEFAULT_DB})."


def fail(message: str, code: int) -> None:
    """One line on stderr (no markup, no wrapping: file names may hold '[' or be long), then exit."""
    err.print("[red]error:[/red] " + shown(" ".join(message.split())), soft_wrap=True)
    raise typer.Exit(code)


def warehouse_to_read(db: str | None) -> settings.Settings:
    """The settings of a command that reads the warehouse (--db, else $KINERJA_DB, else the
    default): a bad $KINERJA_* value or no warehouse file is a usage error (exit 2)."""
    try:
        run = settings.resolve(db=db, no_publish=True)  # reading only: no snapshot to place
    except settings.SettingsError as exc:
        fail(str(exc), 2)
    if not Path(run.db).is_file():
        fail(f"no warehouse at {run.db}: run `kinerja ingest` first", 2)
    return run


def open_for_reading(db: str | None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse (warehouse_to_read); locked or unreadable is fatal (exit 1)."""
    from warehouse.db import WarehouseError, open_reader

    run = warehouse_to_read(db)
    try:
        return open_reader(run.db, lock_timeout_s=run.lock_timeout_s)
    except WarehouseError as exc:
        fail(str(exc), 1)


def shown(text: str) -> str:
    """Data (a file name, a subject, a message quoting them) as inert text: each control
    character spelled out as its Python escape, Rich markup escaped."""
    return escape(spell_unprintable(text))


def json_line(data: dict) -> str:
    """One JSON object per line; json escapes C0 controls, this also escapes DEL and C1
    (a raw U+009B is a CSI to some terminals)."""
    text = json.dumps(data, ensure_ascii=False)
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def number(value) -> str:
    """1234567.5 -> '1.234.567,5' (Indonesian grouping and decimal comma); None -> '-'."""
    if value is None:
        return "-"
    try:
        from decimal import Decimal

        d = Decimal(value).normalize()
        text = f"{d:,f}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    except Exception:
        return str(value)
