"""OCR a temporary copy of a scanned PDF with OCRmyPDF (Tesseract, Indonesian data).

The copy only lends its text layer to the same extractor: the document's identity
(document_id, sha256) and its digital signatures stay those of the original bytes. Runs
inside the extraction child, so the child's time and memory limits bound it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from schemas.errors import ExtractionError

# Indonesian words, with English's model for the signs: with `ind` alone '98,75%' reads '98,75Y6'.
OCR_LANGUAGE = "ind+eng"
# Table rules in the image read as '|' or '[' glued to the cell text ('|Layanan', '[smt1['):
# no agreement prints these characters. tessedit_create_hocr: Tesseract also writes the hOCR
# of the same recognition (each word's box and confidence) next to the text-only PDF that
# OCRmyPDF's sandwich renderer grafts on the page; --keep-temporary-files leaves it in the
# work folder, which TMPDIR places in a folder of ours (extractors/confidence.py reads it).
TESSERACT_CONFIG = "tessedit_char_blacklist |[]{}\ntessedit_create_hocr 1\n"
OCR_COMMAND = "ocrmypdf"
# Tesseract reads an image whose table rules are erased (the copy keeps them): see the plugin.
ERASE_RULES_PLUGIN = Path(__file__).with_name("data") / "erase_rules_plugin.py"
# Tesseract's page segmentation: 4, one column of text of variable sizes. Its default (3,
# automatic) makes blocks of a table's columns once the rules are gone and dropped a whole
# Target column; on samples/scanned 4 read 206 of 225 figures exact, 6 205, 11 (sparse) 175.
PAGE_SEGMENTATION = "4"
MIN_OCR_SECONDS = 5.0  # less time than this left: not worth starting


class NeedsOcr(ExtractionError):
    """The text layer is missing or garbage on these pages: OCR a copy and read it again."""

    def __init__(self, pages: list[int], force: bool, detail: str) -> None:
        super().__init__("requires_ocr", detail)
        self.pages = pages
        self.force = force


def ocr_arguments(source: Path, target: Path, pages: list[int], force: bool, config: Path) -> list[str]:
    """--force-ocr replaces another tool's garbage layer; --skip-text leaves text pages alone.
    --optimize 0 and one job: speed, and one core per document (the workers run in parallel)."""
    return [
        OCR_COMMAND, "-l", OCR_LANGUAGE, "--rotate-pages", "--deskew", "--tesseract-config", str(config),
        "--plugin", str(ERASE_RULES_PLUGIN), "--tesseract-pagesegmode", PAGE_SEGMENTATION,
        "--force-ocr" if force else "--skip-text",
        "--pages", ",".join(map(str, pages)),
        "--output-type", "pdf", "--optimize", "0", "--jobs", "1", "--quiet", "--keep-temporary-files",
        str(source), str(target),
    ]  # fmt: skip


def ocr_work_folder(target: Path) -> Path:
    """Where OCRmyPDF keeps its work files (the hOCR of each page) for the copy `target`."""
    return target.with_name(target.name + ".work")


def ocr_copy(source: Path, target: Path, pages: list[int], *, force: bool, seconds: float) -> float:
    """Write an OCR'd copy of `source` to `target`, OCRmyPDF's work files to
    `ocr_work_folder(target)`; return the seconds it took. Any failure is `requires_ocr` with
    what went wrong (the file is quarantined, never dropped)."""
    if shutil.which(OCR_COMMAND) is None:
        raise ExtractionError("requires_ocr", "a scan, and OCRmyPDF is not installed (Debian: apt-get install ocrmypdf tesseract-ocr-ind)")
    if seconds < MIN_OCR_SECONDS:
        raise ExtractionError("requires_ocr", f"a scan, and only {seconds:.0f} s of --timeout were left for OCR: raise --timeout")
    work = ocr_work_folder(target)
    work.mkdir(parents=True, exist_ok=True)
    # OMP_THREAD_LIMIT: Tesseract's own threads, one core per document; TMPDIR: where OCRmyPDF keeps its work files
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "TMPDIR": str(work)}
    config = target.with_suffix(".tesseract.cfg")
    config.write_text(TESSERACT_CONFIG, encoding="utf-8")
    started = time.monotonic()
    try:
        done = subprocess.run(ocr_arguments(source, target, pages, force, config), capture_output=True, text=True, timeout=seconds, env=env)
    except subprocess.TimeoutExpired:
        raise ExtractionError("requires_ocr", f"OCR of {len(pages)} page(s) took longer than the {seconds:.0f} s left of --timeout: raise --timeout") from None
    except OSError as exc:
        raise ExtractionError("requires_ocr", f"OCRmyPDF could not be started: {exc}") from None
    if done.returncode != 0 or not target.exists():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ExtractionError("requires_ocr", f"OCRmyPDF failed (exit {done.returncode}): {last}")
    return time.monotonic() - started
