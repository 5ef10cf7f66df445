"""Every setting of a run, resolved in one place: a value given on the command line (or to
the flow) wins, then the environment (`KINERJA_*`), then the default below. Each is listed
in the README's settings table."""

from __future__ import annotations

import os
from dataclasses import dataclass

from extractors.readers import page_reader
from extractors.source import MIB
from warehouse.publish import snapshot_path

DEFAULT_DB = "warehouse/kinerja.duckdb"
DEFAULT_WORKERS = os.cpu_count() or 1  # each extraction is one process: one per core
DEFAULT_TIMEOUT_S = 600.0  # OCR of a scan runs inside it (about 5-20 s a page)
DEFAULT_MAX_PAGES = 300
DEFAULT_MAX_MB = 100.0
MAX_MEMORY_CEILING_MB = 4096  # what one document may cost on a machine with memory to spare
MIN_MEMORY_MB = 1024  # the parsers alone take about 0.8 GiB of address space
MEMORY_SHARE = 0.75  # of the machine's (or its cgroup's) memory, shared by the workers
DEFAULT_LOCK_TIMEOUT_S = 30.0

ENV_DB = "KINERJA_DB"
ENV_TRUST_ROOTS = "KINERJA_TRUST_ROOTS"
ENV_PASSWORDS_FILE = "KINERJA_PASSWORDS_FILE"
ENV_LOCK_TIMEOUT = "KINERJA_LOCK_TIMEOUT"
ENV_DASK_ADDRESS = "KINERJA_DASK_ADDRESS"
ENV_PUBLISH = "KINERJA_PUBLISH"
ENV_HEAD_START = "KINERJA_HEAD_START"


class SettingsError(ValueError):
    """A setting that cannot be used (a usage error: exit status 2)."""


@dataclass(frozen=True)
class Limits:
    """What one document may cost. Passwords never travel in here (Prefect records task
    inputs): only the path of the file that holds them."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    max_pages: int = DEFAULT_MAX_PAGES
    max_bytes: int = int(DEFAULT_MAX_MB * MIB)
    max_memory_bytes: int = MAX_MEMORY_CEILING_MB * MIB
    password_file: str | None = None


@dataclass(frozen=True)
class Settings:
    db: str
    workers: int
    trust_roots: str | None
    lock_timeout_s: float
    limits: Limits
    dask_address: str | None = None  # a Dask scheduler: extraction runs on its workers
    reextract: bool = False  # re-read documents read by an older extractor version
    publish: str | None = None  # the read-only snapshot for BI tools written after the run; None: none
    head_start: bool = True  # extract while Prefect's API server starts (flows/head_start.py); KINERJA_HEAD_START=0: off


def resolve(
    *,
    db: str | None = None,
    workers: int | None = None,
    trust_roots: str | None = None,
    timeout_s: float | None = None,
    max_pages: int | None = None,
    max_mb: float | None = None,
    max_memory_mb: int | None = None,
    password_file: str | None = None,
    lock_timeout_s: float | None = None,
    dask_address: str | None = None,
    reextract: bool = False,
    publish: str | None = None,
    no_publish: bool = False,
) -> Settings:
    """The run's settings: given values, else the environment, else the defaults."""
    db = db or _env(ENV_DB) or DEFAULT_DB
    if publish and no_publish:
        raise SettingsError("--publish and --no-publish contradict each other: give one")
    try:
        page_reader()  # a misspelt reader stops the run here, not once per file in the workers
    except ValueError as exc:
        raise SettingsError(str(exc)) from None
    workers = max(1, int(DEFAULT_WORKERS if workers is None else workers))
    limits = Limits(
        timeout_s=float(DEFAULT_TIMEOUT_S if timeout_s is None else timeout_s),
        max_pages=int(DEFAULT_MAX_PAGES if max_pages is None else max_pages),
        max_bytes=int((DEFAULT_MAX_MB if max_mb is None else max_mb) * MIB),
        max_memory_bytes=int(default_max_memory_mb(workers) if max_memory_mb is None else max_memory_mb) * MIB,
        password_file=password_file or _env(ENV_PASSWORDS_FILE),
    )
    return Settings(
        db=db,
        workers=workers,
        trust_roots=trust_roots or _env(ENV_TRUST_ROOTS),
        lock_timeout_s=_lock_timeout() if lock_timeout_s is None else float(lock_timeout_s),
        limits=limits,
        dask_address=dask_address or _env(ENV_DASK_ADDRESS),
        reextract=reextract,
        publish=None if no_publish else _snapshot(db, publish or _env(ENV_PUBLISH)),
        head_start=_env(ENV_HEAD_START) != "0",
    )


def _snapshot(db: str, publish: str | None) -> str:
    """Where the BI snapshot goes: the given file, else `<db stem>.bi.duckdb` beside the db;
    never the warehouse itself."""
    target = publish or str(snapshot_path(db))
    if os.path.realpath(target) == os.path.realpath(db):
        raise SettingsError(f"the BI snapshot {target} cannot be the warehouse itself: give --publish another file")
    return target


def default_max_memory_mb(workers: int, machine_bytes: int | None = None) -> int:
    """The memory cap of one extraction when none is given: 4 GiB, less when the workers
    together could not have that much (a decompression bomb costs its child the whole cap
    before it is stopped, and N workers may meet N bombs), never under 1 GiB."""
    total = machine_memory_bytes() if machine_bytes is None else machine_bytes
    share = int(total * MEMORY_SHARE / max(1, workers)) // MIB
    return max(MIN_MEMORY_MB, min(MAX_MEMORY_CEILING_MB, share))


def machine_memory_bytes() -> int:
    """Physical memory, or the container's limit when it is lower (cgroup v2, then v1)."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = open(limit_file, encoding="ascii").read().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


def _lock_timeout() -> float:
    """$KINERJA_LOCK_TIMEOUT seconds, else the default; a value that is not a number is a usage error."""
    text = _env(ENV_LOCK_TIMEOUT)
    if text is None:
        return DEFAULT_LOCK_TIMEOUT_S
    try:
        value = float(text)
    except ValueError as exc:
        raise SettingsError(f"{ENV_LOCK_TIMEOUT} must be a number of seconds, not {text!r}") from exc
    if value < 0:
        raise SettingsError(f"{ENV_LOCK_TIMEOUT} must not be negative, not {text!r}")
    return value
