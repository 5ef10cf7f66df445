"""A percent sign OCR read as a digit, put back where the row itself shows it belongs.

Tesseract reads a '%' after figures as a '4' now and then ('98,75%' -> '98,754'), and
reports the word as unsure. A row of period targets prints one unit in every cell, so when
some cells of the row end in '%' and an unsure cell, read without one, has exactly one digit
more than those cells' figures and ends in '4', that '4' is the row's '%': '98,754' beside
'98,75%' has one decimal digit too many; '1004' beside '100%' one integer digit. The repair
is stated on the row as an `extraction_ocr_repaired` finding (the reading and its
confidence), and the value keeps its confidence: it stays listed as low too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.findings import finding
from extractors.ocr_checks import LOW_CONFIDENCE, row_name, value_as_read
from schemas.records import RawRecord

PERCENT_CELL = re.compile(r"(?P<figure>\d+(?:[.,]\d+)?)\s*%")  # a cell whose sign was read
SIGN_AS_FOUR = re.compile(r"(?P<figure>\d+(?:[.,]\d+)?)4")  # one that may end in the sign, read as '4'


def figure_shape(figure: str) -> tuple[int, int]:
    """(digits before, digits after) the decimal mark: '98,75' -> (2, 2), '100' -> (3, 0)."""
    whole, _, decimals = figure.replace(".", ",").partition(",")
    return len(whole), len(decimals)


def sign_read_as_four(text: str, confidence: float | None, percent_cells: Sequence[str]) -> str | None:
    """The cell `text` with its '%' back, when the row's cells that show a '%' say the last
    '4' of this unsure reading is one; else None. `percent_cells`: the row's cells read with
    their '%'."""
    read = SIGN_AS_FOUR.fullmatch(text.strip())
    if read is None or confidence is None or confidence >= LOW_CONFIDENCE:
        return None
    shapes = {figure_shape(m["figure"]) for t in percent_cells if (m := PERCENT_CELL.fullmatch(t.strip()))}
    figure = read["figure"]
    if figure_shape(figure) not in shapes or figure_shape(figure + "4") in shapes:
        return None
    return figure + "%"


def percent_signs(records: Sequence[RawRecord], pages: frozenset[int]) -> tuple[list[RawRecord], list[RawRecord]]:
    """The records with each period target's '%' read as '4' put back, and a finding for each."""
    rows: dict[tuple[str | None, str | None], list[str]] = {}
    for rec in records:
        if rec.kind == "period_target" and rec.page in pages:
            rows.setdefault((rec.section, rec.fields.get("row_key")), []).append(rec.fields.get("target") or "")
    out: list[RawRecord] = []
    repairs: list[RawRecord] = []
    for rec in records:
        text = rec.fields.get("target") or ""
        mended = None
        if rec.kind == "period_target" and rec.page in pages:
            mended = sign_read_as_four(text, rec.ocr_confidence, rows[(rec.section, rec.fields.get("row_key"))])
        if mended is None:
            out.append(rec)
            continue
        repaired = rec.model_copy(update={"fields": {**rec.fields, "target": mended}})
        subject = f"{row_name(rec)}: read '{text}' (OCR confidence {rec.ocr_confidence:.0f}), loaded '{mended}': the row's other cells end in '%'"
        repairs.append(finding("extraction_ocr_repaired", subject, rec.page, bbox=rec.bbox, stated=value_as_read(repaired), computed=value_as_read(rec)))
        out.append(repaired)
    return out, repairs
