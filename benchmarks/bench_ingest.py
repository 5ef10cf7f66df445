"""Ingest throughput: the samples folder N times over (each copy's bytes differ), with
workers=1 (the baseline) and workers=2, each run into a fresh warehouse in this process;
then pdfplumber's `extract_tables()` and camelot's lattice flavour alone on the same pages
(the libraries we build on), then the whole command `kinerja ingest --workers 1` in a
subprocess, and an unchanged re-run through it.

    .venv/bin/python benchmarks/bench_ingest.py --copies 4

Prints wall time, documents/s, pages/s and peak RSS (the parent process, and the largest
extraction child), each also as a ratio to the baseline. Not a test.

    .venv/bin/python benchmarks/bench_ingest.py --memory 200 2000

Memory against corpus size: the whole command over 200 and then 2000 distinct agreements
drawn by the layout generator (each into a fresh warehouse), the peak RSS of the kinerja process itself (VmHWM, read
from /proc while it runs) for each, and their ratio: flat means about 1.

    .venv/bin/python benchmarks/bench_ingest.py --ocr

OCR time per page: OCRmyPDF (Tesseract, ind) as kinerja runs it, on each scanned sample
(samples/scanned), wall and CPU seconds per page.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def build_corpus(folder: Path, copies: int) -> int:
    """Copies of every sample, each with a trailing comment so no two files are byte-identical."""
    folder.mkdir(parents=True)
    n = 0
    for copy in range(copies):
        for sample in sorted((ROOT / "samples" / "corpus").glob("*.pdf")):
            (folder / f"{copy:02d}-{sample.name}").write_bytes(sample.read_bytes() + f"\n% bench copy {copy}\n".encode())
            n += 1
    return n


def draw_corpus(folder: Path, n: int) -> int:
    """N distinct agreements drawn by the layout generator (tests/layout_strategies.py): each
    with its own unit, year, signers, targets and budget, as a year of real files would be
    (copies of the samples would all be versions of the same few agreements)."""
    import warnings

    from hypothesis.errors import NonInteractiveExampleWarning

    from samples.generators.layout_pdf import render_layout
    from tests.layout_strategies import layouts

    folder.mkdir(parents=True)
    strategy = layouts()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        for i in range(n):
            render_layout(strategy.example(), folder / f"drawn-{i:05d}.pdf")
    return n


def run(folder: Path, workers: int, db: Path) -> dict[str, float]:
    from flows.ingest import ingest

    started = time.perf_counter()
    summary = ingest(paths=[str(folder)], db=str(db), workers=workers)
    wall = time.perf_counter() - started
    loaded = summary.count("loaded")
    children = [i.peak_rss_kib for i in summary.items if i.peak_rss_kib]
    in_children = sum(i.seconds or 0.0 for i in summary.items)
    return {
        "workers": workers,
        "documents": len(summary.items),
        "loaded": loaded,
        "wall_s": wall,
        "docs_per_s": len(summary.items) / wall,
        "parent_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_peak_rss_mib": max(children) / 1024 if children else 0.0,
        # one worker: the run's time outside its extraction children (Prefect's task runs and
        # state, discovery, hashing, run bookkeeping, the last load) as a share of the wall
        "outside_children_share": max(0.0, 1 - in_children / (wall * workers)),
    }


def pages_in(folder: Path) -> int:
    import pypdfium2

    return sum(len(pypdfium2.PdfDocument(str(p))) for p in folder.glob("*.pdf"))


def pdfplumber_alone(folder: Path) -> float:
    """Seconds pdfplumber takes to open every file and run extract_tables() on every page."""
    import pdfplumber

    started = time.perf_counter()
    for pdf_path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
    return time.perf_counter() - started


def camelot_lattice_alone(folder: Path) -> float:
    """Seconds camelot's lattice flavour takes to read every page of every file."""
    import logging
    import warnings

    import camelot

    logging.getLogger("camelot").setLevel(logging.ERROR)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for pdf_path in sorted(folder.glob("*.pdf")):
            camelot.read_pdf(str(pdf_path), pages="all", flavor="lattice")
    return time.perf_counter() - started


def command_peak_rss(folder: Path, db: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB of the kinerja process itself) of one whole command."""
    import subprocess

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", str(folder), "--db", str(db), "--json"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kib = 0
    while proc.poll() is None:
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            peak_kib = max(peak_kib, int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]))
        except (OSError, StopIteration, ValueError):
            pass
        time.sleep(0.2)
    if proc.returncode != 0:
        raise SystemExit(f"kinerja ingest exited {proc.returncode}")
    return time.perf_counter() - started, peak_kib / 1024


def memory_against_size(small: int, large: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="kinerja-bench-mem-"))
    try:
        rows = []
        for count in (small, large):
            folder = scratch / f"corpus-{count}"
            n = draw_corpus(folder, count)
            wall, peak = command_peak_rss(folder, scratch / f"mem-{count}.duckdb")
            rows.append((n, wall, peak))
            shutil.rmtree(folder)
        print(f"command: {Path(sys.executable).name} benchmarks/bench_ingest.py --memory {small} {large}  ({os.cpu_count()} CPUs)")
        print(f"{'documents':>9} {'wall s':>8} {'kinerja peak RSS MiB':>21}")
        for n, wall, peak in rows:
            print(f"{n:>9} {wall:>8.1f} {peak:>21.0f}")
        print(f"{rows[1][0] / rows[0][0]:.0f}x the documents: peak RSS {rows[1][2] / rows[0][2]:.2f}x")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def ocr_per_page() -> None:
    import pypdfium2

    from extractors.ocr import ocr_copy
    from extractors.page import read_pages, with_image_rules

    print(f"command: {Path(sys.executable).name} benchmarks/bench_ingest.py --ocr  ({os.cpu_count()} CPUs, one OCR job)")
    print(f"{'file':<40} {'pages':>5} {'wall s':>7} {'CPU s':>6} {'wall s/page':>11} {'CPU s/page':>10} {'rules ms/page':>13}")
    all_pages = all_wall = all_cpu = all_rules = 0.0
    for pdf in sorted((ROOT / "samples" / "scanned").glob("*.pdf")):
        n = len(pypdfium2.PdfDocument(str(pdf)))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryDirectory(prefix="kinerja-bench-ocr-") as tmp:
            wall = ocr_copy(pdf, Path(tmp) / "ocr.pdf", list(range(1, n + 1)), force=False, seconds=3600)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            pages = list(read_pages(Path(tmp) / "ocr.pdf"))
            started = time.perf_counter()  # ruling lines and ink from the page images (extractors/image_rules.py)
            with_image_rules(Path(tmp) / "ocr.pdf", pages, range(1, n + 1))
            rules = time.perf_counter() - started
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        all_pages, all_wall, all_cpu, all_rules = all_pages + n, all_wall + wall, all_cpu + cpu, all_rules + rules
        print(f"{pdf.name:<40} {n:>5} {wall:>7.1f} {cpu:>6.1f} {wall / n:>11.1f} {cpu / n:>10.1f} {1000 * rules / n:>13.0f}")
    print(f"{'all':<40} {all_pages:>5.0f} {all_wall:>7.1f} {all_cpu:>6.1f} {all_wall / all_pages:>11.1f} {all_cpu / all_pages:>10.1f} "
          f"{1000 * all_rules / all_pages:>13.0f}")


def command_wall(folder: Path, db: Path, workers: int | None = None) -> float:
    """Seconds the whole `kinerja ingest` command takes (interpreter start, Prefect, the run)."""
    import subprocess

    extra = ["--workers", str(workers)] if workers else []
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(folder), "--db", str(db), "--json", *extra],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="how many times the samples folder is ingested over")
    parser.add_argument("--memory", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="compare peak RSS over SMALL and LARGE drawn documents instead")
    parser.add_argument("--ocr", action="store_true", help="measure OCR seconds per page on samples/scanned instead")
    args = parser.parse_args()
    if args.ocr:
        ocr_per_page()
        return
    if args.memory:
        memory_against_size(*args.memory)
        return
    from prefect.testing.utilities import prefect_test_harness

    scratch = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    try:
        folder = scratch / "corpus"
        n = build_corpus(folder, args.copies)
        print(f"command: {Path(sys.executable).name} benchmarks/bench_ingest.py --copies {args.copies}  ({n} documents, {os.cpu_count()} CPUs)")
        with prefect_test_harness(server_startup_timeout=120):
            warm = scratch / "warm"
            warm.mkdir()
            shutil.copy(next((ROOT / "samples" / "corpus").glob("*.pdf")), warm)
            run(warm, 1, scratch / "warm.duckdb")  # starts the forkserver and the Prefect client once
            results = [run(folder, w, scratch / f"bench-w{w}.duckdb") for w in (1, 2)]
        pages = pages_in(folder)
        plumber = pdfplumber_alone(folder)
        lattice = camelot_lattice_alone(folder)
        command = command_wall(folder, scratch / "bench-command.duckdb", workers=1)
        rerun = command_wall(folder, scratch / "bench-w2.duckdb")
        base = results[0]
        print(
            f"{'workers':>7} {'docs':>5} {'loaded':>6} {'wall s':>8} {'docs/s':>7} {'parent RSS MiB':>15} {'child RSS MiB':>14}"
            "   ratios to workers=1 (wall, docs/s, child RSS)"
        )
        for r in results:
            print(
                f"{r['workers']:>7} {r['documents']:>5} {r['loaded']:>6} {r['wall_s']:>8.1f} {r['docs_per_s']:>7.2f} "
                f"{r['parent_peak_rss_mib']:>15.0f} {r['child_peak_rss_mib']:>14.0f}   "
                f"{r['wall_s'] / base['wall_s']:.2f}, {r['docs_per_s'] / base['docs_per_s']:.2f}, "
                f"{r['child_peak_rss_mib'] / base['child_peak_rss_mib']:.2f}"
            )
        print("parent RSS is the process peak so far (it only grows): compare runs by the child column")
        print(f"workers=1: {base['outside_children_share']:.1%} of the wall is outside the extraction children "
              "(Prefect task runs and states, discovery, hashing, run bookkeeping; loading overlaps the next extraction)")
        print(f"{pages} pages. pages/s: workers=1 {pages / base['wall_s']:.2f}, workers=2 {pages / results[1]['wall_s']:.2f}, "
              f"pdfplumber extract_tables() alone {pages / plumber:.2f} ({plumber:.1f} s)")
        print(f"camelot lattice alone {pages / lattice:.2f} pages/s ({lattice:.1f} s)")
        print(f"speed per page against pdfplumber alone: workers=1 {plumber / base['wall_s']:.2f}x, workers=2 {plumber / results[1]['wall_s']:.2f}x")
        print(f"speed per page against camelot lattice alone: workers=1 {lattice / base['wall_s']:.2f}x, workers=2 {lattice / results[1]['wall_s']:.2f}x")
        print(f"the whole command `kinerja ingest --workers 1` (head start on, the default): {command:.1f} s, {pages / command:.2f} pages/s, "
              f"{plumber / command:.2f}x pdfplumber alone, {lattice / command:.2f}x camelot lattice alone")
        print(f"unchanged re-run of {n} files, the whole command: {rerun:.2f} s ({rerun / results[1]['wall_s']:.1%} of the first run)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
