"""Per-document limits of an ingest run and their defaults (CLI options, environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass

MIB = 1 << 20
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_PAGES = 300
DEFAULT_MAX_MB = 100
DEFAULT_MAX_MEMORY_MB = 4096
DEFAULT_LOCK_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Limits:
    """What one document may cost. Passwords never travel in here (Prefect records task
    inputs): only the path of the file that holds them."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    max_pages: int = DEFAULT_MAX_PAGES
    max_bytes: int = DEFAULT_MAX_MB * MIB
    max_memory_bytes: int = DEFAULT_MAX_MEMORY_MB * MIB
    password_file: str | None = None


def limits_from(
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_mb: float = DEFAULT_MAX_MB,
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB,
    password_file: str | None = None,
) -> Limits:
    return Limits(
        timeout_s=float(timeout_s),
        max_pages=int(max_pages),
        max_bytes=int(max_mb * MIB),
        max_memory_bytes=int(max_memory_mb) * MIB,
        password_file=password_file or default_password_file(),
    )


def default_password_file() -> str | None:
    return os.environ.get("KINERJA_PASSWORDS_FILE") or None


def default_lock_timeout() -> float:
    """$KINERJA_LOCK_TIMEOUT seconds, else 30; a value that is not a number is a usage error."""
    text = os.environ.get("KINERJA_LOCK_TIMEOUT")
    if not text:
        return DEFAULT_LOCK_TIMEOUT_S
    try:
        value = float(text)
    except ValueError as exc:
        raise ValueError(f"KINERJA_LOCK_TIMEOUT must be a number of seconds, not {text!r}") from exc
    if value < 0:
        raise ValueError(f"KINERJA_LOCK_TIMEOUT must not be negative, not {text!r}")
    return value
