"""An OCRmyPDF plugin (`ocrmypdf --plugin THIS_FILE`): table rules are erased from the image
Tesseract reads, not from the page the copy keeps.

Tesseract reads a ruled table's rules as letters glued to the cell text: the Rincian
header `Q1 | Q2 | Smt. 1 | Q3 | s.d. Q3 | Q4` came out `Qi a2 ( smt a3 (saos ) aa`, so no
header was recognised and no row read. Without the rules the same page reads
`Qi Q2 Smt. 1 Q3 s.d. Q3 Q4`. The copy keeps the rules (extractors/image_rules.py finds the
tables from them), and the hOCR's boxes stay in the same pixels (the image keeps its size).

It runs in OCRmyPDF's own interpreter (Debian's python3, with python3-numpy and Pillow;
without numpy it leaves the image as it is), so it imports nothing of kinerja; `erase_rules` is plain numpy, tested from kinerja's tests.
"""

from __future__ import annotations

try:
    import numpy as np
except ImportError:  # Debian's python3-numpy missing: OCR reads the page with its rules
    np = None

try:
    from ocrmypdf import hookimpl
except ImportError:  # imported by kinerja's tests for erase_rules alone

    def hookimpl(function):
        return function


DARK_LEVEL = 150  # of 255: darker is ink (the OCR image is cleaned and mostly black on white)
RULE_ACROSS_IN = 0.35  # inches of unbroken ink across: longer than any letter's stroke
RULE_DOWN_IN = 0.2  # inches down: a one-line row's side (~17 pt), taller than a 16 pt capital
MARGIN_PX = 1  # around a rule: its anti-aliased edge


def _runs(dark: np.ndarray, length: int) -> np.ndarray:
    """Pixels in runs of at least `length` dark pixels along each row (an opening by a line)."""
    if length < 1 or dark.shape[1] < length:
        return np.zeros_like(dark)
    counts = np.cumsum(np.pad(dark, ((0, 0), (1, 0))).astype(np.int32), axis=1)
    starts = (counts[:, length:] - counts[:, :-length]) == length  # a full run starts here
    covered = np.cumsum(np.pad(starts, ((0, 0), (length, length - 1))).astype(np.int32), axis=1)
    return (covered[:, length:] - covered[:, :-length]) > 0


def _grow(mask: np.ndarray, by: int) -> np.ndarray:
    grown = mask.copy()
    for shift in range(1, by + 1):
        grown[shift:, :] |= mask[:-shift, :]
        grown[:-shift, :] |= mask[shift:, :]
        grown[:, shift:] |= mask[:, :-shift]
        grown[:, :-shift] |= mask[:, shift:]
    return grown


def erase_rules(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The grayscale page with every long straight run of ink (a table rule) made white."""
    dark = gray < DARK_LEVEL
    rules = _runs(dark, round(RULE_ACROSS_IN * dpi)) | _runs(dark.T, round(RULE_DOWN_IN * dpi)).T
    out = gray.copy()
    out[_grow(rules, MARGIN_PX)] = 255
    return out


@hookimpl
def filter_ocr_image(page, image):
    if np is None:
        return None
    from PIL import Image

    dpi = image.info.get("dpi", (300, 300))
    cleaned = Image.fromarray(erase_rules(np.asarray(image.convert("L")), float(dpi[1])))
    cleaned.info.update(image.info)  # OCRmyPDF saves it with the input's dpi
    return cleaned
