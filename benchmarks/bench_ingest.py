"""Ingest throughput: the samples folder N times over (each copy's bytes differ). Each of
--rounds rounds runs, back to back, ingest with workers=1 (the baseline) and workers=2 (in
this process, each into a fresh warehouse), pdfplumber's `extract_tables()` alone on the same
pages (the library we build on) and the whole command `kinerja ingest --workers 1` in a
subprocess; every ratio is taken within a round and the median over rounds is printed (a
shared machine's speed drifts by tens of percent over minutes). Then camelot's lattice
flavour alone, once, and an unchanged re-run through the whole command.

    .venv/bin/python benchmarks/bench_ingest.py --copies 4 --rounds 3

Prints wall times, pages/s and peak RSS (the parent process, and the largest extraction
child) and the ratios. Not a test.

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
import statistics
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
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the timed runs; each ratio is taken within a round, then their median")
    parser.add_argument("--memory", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="compare peak RSS over SMALL and LARGE drawn documents instead")
    parser.add_argument("--ocr", action="store_true", help="measure OCR seconds per page on samples/scanned instead")
    args = parser.parse_args()
    if args.ocr:
        ocr_per_page()
        return
    if args.memory:
        memory_against_size(*args.memory)
        return
    scratch = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    try:
        folder = scratch / "corpus"
        n = build_corpus(folder, args.copies)
        print(f"command: {Path(sys.executable).name} benchmarks/bench_ingest.py --copies {args.copies} --rounds {args.rounds}  "
              f"({n} documents, {os.cpu_count()} CPUs)")
        rounds = timed_rounds(folder, scratch, args.rounds)
        report(rounds, pages_in(folder), camelot_lattice_alone(folder), command_wall(folder, scratch / "bench-w2-0.duckdb"), n)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def timed_rounds(folder: Path, scratch: Path, rounds: int) -> list[dict]:
    """Each round runs, back to back: ingest with 1 and with 2 workers (in this process),
    pdfplumber alone, and the whole command. A shared machine's speed drifts over minutes:
    a ratio is taken between runs of one round, so the drift between rounds cancels out."""
    from prefect.testing.utilities import prefect_test_harness

    out = []
    with prefect_test_harness(server_startup_timeout=120):
        warm = scratch / "warm"
        warm.mkdir()
        shutil.copy(next((ROOT / "samples" / "corpus").glob("*.pdf")), warm)
        run(warm, 1, scratch / "warm.duckdb")  # starts the forkserver and the Prefect client once
        for k in range(rounds):
            w1, w2 = (run(folder, w, scratch / f"bench-w{w}-{k}.duckdb") for w in (1, 2))
            plumber = pdfplumber_alone(folder)
            command = command_wall(folder, scratch / f"bench-command-{k}.duckdb", workers=1)
            out.append({"w1": w1, "w2": w2, "plumber": plumber, "command": command})
            print(f"round {k + 1}: ingest 1 worker {w1['wall_s']:.1f} s, 2 workers {w2['wall_s']:.1f} s, "
                  f"pdfplumber alone {plumber:.1f} s, the whole command {command:.1f} s", flush=True)
    return out


def report(rounds: list[dict], pages: int, lattice: float, rerun: float, n: int) -> None:
    med = statistics.median
    print(f"{'workers':>7} {'docs':>5} {'loaded':>6} {'wall s':>8} {'parent RSS MiB':>15} {'child RSS MiB':>14}   (the last round)")
    for r in (rounds[-1]["w1"], rounds[-1]["w2"]):
        print(f"{r['workers']:>7} {r['documents']:>5} {r['loaded']:>6} {r['wall_s']:>8.1f} {r['parent_peak_rss_mib']:>15.0f} {r['child_peak_rss_mib']:>14.0f}")
    print("parent RSS is the process peak so far (it only grows): compare runs by the child column")
    print(f"workers=1: {med(r['w1']['outside_children_share'] for r in rounds):.1%} of the wall is outside the extraction children "
          "(Prefect task runs and states, discovery, hashing, run bookkeeping; loading overlaps the next extraction)")
    print(f"{pages} pages; medians over {len(rounds)} rounds of ratios taken within each round:")
    print(f"  2 workers vs 1: {med(r['w1']['wall_s'] / r['w2']['wall_s'] for r in rounds):.2f}x")
    for label, key in (("ingest, 1 worker (in process)", "w1"), ("ingest, 2 workers (in process)", "w2")):
        print(f"  {label}: {med(r['plumber'] / r[key]['wall_s'] for r in rounds):.2f}x pdfplumber alone, "
              f"{pages / med(r[key]['wall_s'] for r in rounds):.2f} pages/s")
    print(f"  the whole command `kinerja ingest --workers 1` (head start on, the default): {med(r['plumber'] / r['command'] for r in rounds):.2f}x "
          f"pdfplumber alone, {pages / med(r['command'] for r in rounds):.2f} pages/s (median {med(r['command'] for r in rounds):.1f} s)")
    plumber = med(r["plumber"] for r in rounds)
    print(f"pdfplumber extract_tables() alone: {pages / plumber:.2f} pages/s (median {plumber:.1f} s); camelot lattice alone (once): "
          f"{pages / lattice:.2f} pages/s ({lattice:.1f} s): {lattice / med(r['command'] for r in rounds):.2f}x slower than the whole command, "
          f"{lattice / med(r['w1']['wall_s'] for r in rounds):.2f}x than 1 worker, {lattice / med(r['w2']['wall_s'] for r in rounds):.2f}x than 2")
    print(f"unchanged re-run of {n} files, the whole command: {rerun:.2f} s ({rerun / med(r['w2']['wall_s'] for r in rounds):.1%} of the first run)")


if __name__ == "__main__":
    main()
