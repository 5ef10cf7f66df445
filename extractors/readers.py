"""Which reader builds each PageLayout: chosen by $KINERJA_PAGE_READER. Kept apart from the
readers themselves so a run can check the choice without importing the PDF parsers."""

from __future__ import annotations

import os

ENV_PAGE_READER = "KINERJA_PAGE_READER"
PAGE_READERS = ("pdfplumber", "pdfium")
DEFAULT_PAGE_READER = "pdfium"  # identical records (tests/test_page_readers.py), about twice as fast


def page_reader() -> str:
    reader = os.environ.get(ENV_PAGE_READER, "").strip().lower() or DEFAULT_PAGE_READER
    if reader not in PAGE_READERS:
        raise ValueError(f"{ENV_PAGE_READER}={reader!r}: expected one of {', '.join(PAGE_READERS)}")
    return reader
