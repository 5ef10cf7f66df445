"""Mutation fuzz over the sample PDFs: byte flips, truncations, deleted objects, duplicated
xref sections, garbage streams, shifted offsets. Every variant ends loaded or quarantined
within the time limit; the run never crashes; no file goes unaccounted.

CI runs 60 variants. The long run (>= 500 variants, every sample):

    KINERJA_FUZZ_VARIANTS=520 .venv/bin/python -m pytest -q -s tests/test_fuzz_pdfs.py
"""

from __future__ import annotations

import collections
import os
import resource
import time

import pytest

from flows.ingest import ingest
from tests.pdf_mutations import write_variants
from tests.support import SAMPLES, query

pytestmark = pytest.mark.usefixtures("prefect_api")

VARIANTS = int(os.environ.get("KINERJA_FUZZ_VARIANTS", "60"))
SEED = 1729
TIMEOUT_S = 30.0


def test_every_mutated_pdf_ends_loaded_or_quarantined_in_time(tmp_path):
    long_run = VARIANTS > 60
    sources = sorted(SAMPLES.glob("*.pdf"))
    if not long_run:  # the WeasyPrint sample alone takes seconds per variant
        sources = [p for p in sources if not p.name.endswith("-html.pdf")]
    variants = write_variants(sources, tmp_path / "variants", VARIANTS, SEED)
    db = tmp_path / "fuzz.duckdb"
    started = time.monotonic()
    summary = ingest(paths=[str(tmp_path / "variants")], db=str(db), workers=2, timeout_s=TIMEOUT_S)
    wall = time.monotonic() - started

    rows = query(db, "SELECT file_name, status, reason FROM bi.files")
    assert sorted(r["file_name"] for r in rows) == sorted(p.name for p in variants), "every variant accounted for once"
    assert all((r["reason"] is None) == (r["status"] != "quarantined") for r in rows)
    slowest = max((i.seconds or 0) for i in summary.items)
    assert slowest < TIMEOUT_S + 5, "a variant outlived the time limit"

    reasons = collections.Counter(r["reason"] or r["status"] for r in rows)
    children = [i.peak_rss_kib for i in summary.items if i.peak_rss_kib]
    parent_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nfuzz: {len(variants)} variants in {wall:.1f} s ({len(variants) / wall:.1f}/s); "
        f"verdicts {dict(sorted(reasons.items()))}; slowest {slowest:.1f} s; "
        f"peak RSS parent {parent_mib:.0f} MiB, largest child {max(children) / 1024:.0f} MiB"
    )
    # A damaged file is `corrupt` (or loads); `extraction_failed` means our own code raised.
    failed = query(db, "SELECT file_name, detail FROM bi.files WHERE reason = 'extraction_failed'")
    assert failed == [], f"kinerja bugs met by mutated PDFs: {failed}"
