"""What every `kinerja` command prints with: the two consoles, one-line failures, data shown inert,
JSON lines and numbers in the Indonesian format."""

from __future__ import annotations

import json
import re

import typer
from rich.console import Console
from rich.markup import escape

from flows import settings
from schemas.text import spell_unprintable

out = Console()
if not out.is_terminal:
    out.width = 160  # a log or a pipe: do not cut the findings at 80 columns
err = Console(stderr=True)
DB_HELP = f"DuckDB warehouse file (default: ${settings.ENV_DB}, else {settings.DEFAULT_DB})."


def fail(message: str, code: int) -> None:
    """One line on stderr (no markup, no wrapping: file names may hold '[' or be long), then exit."""
    err.print("[red]error:[/red] " + shown(" ".join(message.split())), soft_wrap=True)
    raise typer.Exit(code)


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
