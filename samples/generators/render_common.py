"""What the renderers share: walking the page plan, checking where blocks landed, and
the small text rules every producer prints the same way. Each renderer keeps its own
layout (fonts, widths, spacing)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from samples.generators.spec import PeriodRow, SignatureBlock, SignatureRow


class PlacementError(RuntimeError):
    """A planned block did not land (whole) on its planned page."""


class OnPage(Protocol):
    """A block of the plan (``spec.Planned`` or a renderer's drawn form of it)."""

    @property
    def key(self) -> str: ...

    @property
    def page(self) -> int: ...


B = TypeVar("B", bound=OnPage)


def paged(blocks: Sequence[B]) -> Iterator[tuple[B, bool]]:
    """Each block with whether a new page starts before it (the planned page grows)."""
    page = 1
    for block in blocks:
        if block.page < page or block.page > page + 1:
            raise PlacementError(f"plan is not page-by-page at {block.key}: page {block.page} after {page}")
        yield block, block.page == page + 1
        page = block.page


def landing_problems(blocks: Sequence[OnPage], landed: Callable[[str], tuple[int | None, int | None]],
                     drawn_pages: int, page_count: int) -> tuple[dict[str, int], list[str]]:
    """The page every block starts on, and the blocks that did not start and end on
    their planned page; ``landed(key)`` gives the pages of a block's start and end."""
    placed: dict[str, int] = {}
    problems = []
    for block in blocks:
        start, end = landed(block.key)
        placed[block.key] = start or 0
        if start != block.page or end != block.page:
            problems.append(f"{block.key}: planned p{block.page}, drawn p{start}-p{end}")
    if drawn_pages != page_count:
        problems.append(f"page count: planned {page_count}, drawn {drawn_pages}")
    return placed, problems


def signature_columns(row: SignatureRow) -> list[SignatureBlock | None]:
    """The blocks left to right; a lone block sits in the right half (None on its left)."""
    for block in row.blocks:
        if len(block.lines) != len(row.slots):
            raise ValueError(f"signature block needs {len(row.slots)} line slots: {block.lines!r}")
    blocks: list[SignatureBlock | None] = list(row.blocks)
    return [None, *blocks] if len(blocks) == 1 else blocks


def split_qualifier(raw: str) -> tuple[str, str | None]:
    """'3,25 (skala 4)' as '3,25' over '(skala 4)': the qualifier goes on a line of its own."""
    head, sep, tail = raw.partition(" (")
    return head, "(" + tail if sep else None


def year_split(row: PeriodRow) -> tuple[str, str | None]:
    """The Y cell: the printed year value, then the target's qualifier line."""
    head, qualifier = split_qualifier(row.year.raw)
    if head != row.cells[-1]:
        raise ValueError(f"Y cell {row.cells[-1]!r} does not open {row.year.raw!r}")
    return head, qualifier


def first_words(text: str, n: int = 2) -> str:
    """The first words: on the first line of anything as wide as half the page."""
    return " ".join(text.split()[:n])


def words(text: str) -> list[str]:
    """Words as a line break may leave them: split at blanks, hyphens and slashes."""
    return [w for w in (re.sub(r"[^0-9A-Za-z]", "", t) for t in re.split(r"[\s\-/]+", text)) if w]


def pdftotext_layout(pdf: Path, page: int) -> str:
    """One page of ``pdftotext -layout``."""
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
