"""Extraction CPU per page: flows.pipeline.extract_checked (read, extract, normalize) over every
PDF of a folder, in this one process, after a warm-up pass; the CPU time (process_time, so
other work on a shared machine counts less than in wall time) of each of --passes passes and
their median, per page. Not a test. Compare two versions by alternating runs of each.

    .venv/bin/python benchmarks/bench_extract.py                        # the samples
    .venv/bin/python benchmarks/bench_extract.py /work/shared/realworld  # a folder of PDFs
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.page import page_count  # noqa: E402
from flows.pipeline import extract_checked  # noqa: E402
from flows.settings import Limits  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "samples" / "corpus"))
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    files, limits = sorted(Path(args.folder).glob("*.pdf")), Limits()
    pages = sum(page_count(f) for f in files)
    for f in files:  # warm-up: imports, caches
        extract_checked(str(f), "bench", limits)
    seconds: list[float] = []
    for _ in range(args.passes):
        start = time.process_time()
        for f in files:
            extract_checked(str(f), "bench", limits)
        seconds.append(time.process_time() - start)
    runs = ", ".join(f"{1000 * s / pages:.1f}" for s in seconds)
    print(f"{len(files)} files, {pages} pages: {1000 * statistics.median(seconds) / pages:.1f} CPU ms/page (median; passes {runs})")


if __name__ == "__main__":
    main()
