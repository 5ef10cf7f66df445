"""Which files a run is about: the paths named on the command line, and the *.pdf files
under the folders among them. Nothing here opens a file: special files (FIFO, device,
socket) and dangling links are found by stat and get their verdict without being read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.source import special_file


class DiscoveryError(OSError):
    """A named path that does not exist, or a folder that cannot be listed (a usage error:
    files in it would be missing from the run without a verdict)."""


@dataclass(frozen=True)
class Found:
    """A path the run must give a verdict. ``problem`` says why it will not be read (a
    special file, a dangling link), decided from stat alone; None for a regular file."""

    path: Path
    problem: str | None = None


def discover_pdfs(paths: Iterable[str | Path]) -> list[Found]:
    """Files named on the command line are taken whatever their extension; folders are
    searched recursively for *.pdf (case-insensitive), following linked folders once each
    (a link loop ends there). Each file appears once, however many ways it is reached."""
    found: list[Found] = []
    seen_dirs: set[tuple[int, int]] = set()
    for p in map(Path, paths):
        try:
            st = p.stat()
        except FileNotFoundError:
            raise DiscoveryError(f"no such file or folder: {p}{_dangling(p)}") from None
        except OSError as exc:
            raise DiscoveryError(f"cannot look at {p}: {exc.strerror}") from None
        if stat.S_ISDIR(st.st_mode):
            found.extend(_walk(p, st, seen_dirs))
        else:
            found.append(Found(p, special_file(st.st_mode)))
    unique: dict[str, Found] = {}
    for f in found:
        unique.setdefault(os.path.realpath(f.path), f)
    return list(unique.values())


def _walk(folder: Path, st: os.stat_result, seen: set[tuple[int, int]]) -> Iterator[Found]:
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise DiscoveryError(f"cannot list the folder {folder}: {exc.strerror}; its files would have no verdict") from None
    for entry in entries:
        path = Path(entry.path)
        try:
            target = entry.stat(follow_symlinks=True)
        except OSError as exc:  # a dangling link or a link loop
            if _is_pdf_name(entry.name):
                yield Found(path, _unfollowable(path, exc))
            continue
        if stat.S_ISDIR(target.st_mode):
            yield from _walk(path, target, seen)
        elif _is_pdf_name(entry.name):
            yield Found(path, special_file(target.st_mode))


def _is_pdf_name(name: str) -> bool:
    return name.lower().endswith(".pdf")


def _unfollowable(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return f"a link to {os.readlink(path)!r}, which does not exist"
    return f"a path that cannot be followed ({exc.strerror})"


def _dangling(p: Path) -> str:
    return f" (a link to {os.readlink(p)!r}, which does not exist)" if p.is_symlink() else ""
