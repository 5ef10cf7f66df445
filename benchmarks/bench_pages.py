"""Page reading alone: the pdfplumber reader against the PDFium reader on the same files, in
this one process (each file read by both, best of --repeat), reported per page and as the
ratio pdfium / pdfplumber (below 1: PDFium is faster). The PageLayout is the whole product:
characters, ruled tables, text lines and image boxes. Not a test.

    .venv/bin/python benchmarks/bench_pages.py                       # the samples
    .venv/bin/python benchmarks/bench_pages.py /work/shared/realworld  # a folder of PDFs
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.page import PAGE_READERS, read_pages  # noqa: E402


def read_time(path: Path, reader: str, repeat: int) -> tuple[float, int]:
    """The best wall time of reading every page of the file, and its page count."""
    best, pages = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = sum(1 for _ in read_pages(path, reader))
        best = min(best, time.perf_counter() - start)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "samples" / "corpus"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    totals = dict.fromkeys(PAGE_READERS, 0.0)
    n_pages = 0
    for path in sorted(Path(args.folder).glob("*.pdf")):
        times = {}
        for reader in PAGE_READERS:
            try:
                times[reader], pages = read_time(path, reader, args.repeat)
            except Exception as exc:  # a file neither reads is not a page-reading figure
                print(f"{path.name}: {reader} failed: {exc}")
                break
        else:
            n_pages += pages
            for reader, seconds in times.items():
                totals[reader] += seconds
            ms = {r: 1000 * s / max(pages, 1) for r, s in times.items()}
            ratio = ms["pdfium"] / ms["pdfplumber"]
            print(f"{path.name[:60]:60} {pages:4d} p  pdfplumber {ms['pdfplumber']:7.1f} ms/p  pdfium {ms['pdfium']:6.1f} ms/p  ratio {ratio:.3f}")
    per_page = {r: 1000 * s / max(n_pages, 1) for r, s in totals.items()}
    print(
        f"{n_pages} pages: pdfplumber {per_page['pdfplumber']:.1f} ms/page, pdfium {per_page['pdfium']:.1f} ms/page, "
        f"ratio pdfium/pdfplumber {per_page['pdfium'] / per_page['pdfplumber']:.3f} ({per_page['pdfplumber'] / per_page['pdfium']:.1f}x faster)"
    )


if __name__ == "__main__":
    main()
