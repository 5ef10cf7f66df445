"""What OCR may have misread, stated by the document (findings, `bi.reconciliation`).

Three checks on the values read from OCR'd pages, each a finding per suspect row:
- `extraction_ocr_low_confidence`: a figure (or a target's words) Tesseract was not sure of
  (below LOW_CONFIDENCE);
- `extraction_nip_birth_date`: a NIP whose 18 digits do not decode (birth date, appointment
  at 15-60 years of age, sex digit; schemas/nip.py): a digit was misread;
- `extraction_period_not_rising`: in a period table whose rows rise to their year's target
  (cumulative targets, as most rows of the table show), a row that does not;
- `extraction_ocr_several_figures`: a target loaded from a cell that prints more figures with
  their units after it ('2 Dokumen 2 Dokumen 2 Dokumen'): rows OCR merged, one figure kept.
Born-digital pages are never checked: their figures are the document's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from extractors.findings import finding
from extractors.geometry import union
from schemas.errors import ParseError
from schemas.nip import parse_nip
from schemas.numbers import parse_rupiah
from schemas.periods import parse_period
from schemas.records import RawRecord
from schemas.targets import parse_target

# Below this Tesseract word confidence (x_wconf, 0-100) a figure is listed for review. On the
# scanned samples every misread word scored below it while most of the exact ones score 90-96.
LOW_CONFIDENCE = 90.0
# The record kinds that carry a figure, and the field it is in.
VALUE_FIELDS = {"pk_target": "target", "skp_target": "target", "period_target": "target", "budget_line": "amount", "budget_total": "amount"}
TARGET_KINDS = ("pk_target", "skp_target", "period_target")
# Another figure with its unit ('1 Provinsi', '100%') inside the words read after a target's figure.
FIGURE_WITH_UNIT = re.compile(r"(?<![\w.,])[0-9][0-9.,]*\s*(?:%|[^\W\d_])")
# Figures with units in a cell that reads as no figure: rows OCR merged. One target names two
# at most ('13 Cagar Budaya, 6.924 Koleksi'); '67% 1 Dokumen 1 Dokumen ... De !' names more.
SEVERAL_UNREAD = 3
NIP_FIELDS = {"signature": ("nip",), "party": ("nip",), "skp_header": ("appraisee_nip", "appraiser_nip")}


def _short(text: str | None, width: int = 60) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def row_name(rec: RawRecord) -> str:
    """The row a value belongs to, as an analyst finds it in the bi views."""
    f = rec.fields
    indicator = f.get("indicator_code") or f"'{_short(f.get('indicator'))}'"
    if rec.kind == "period_target":
        return f"{f.get('period_label')} target of {indicator}"
    if rec.kind in ("pk_target", "skp_target"):
        return f"{rec.kind.split('_')[0].upper()} target of {indicator}"
    return f"{rec.kind.replace('_', ' ')} '{_short(f.get('label'))}'"


def value_as_read(rec: RawRecord) -> Decimal | None:
    """The figure of a value record, parsed as the loader will parse it (None: no figure)."""
    text = rec.fields.get(VALUE_FIELDS[rec.kind]) or ""
    try:
        return parse_rupiah(text) if VALUE_FIELDS[rec.kind] == "amount" else parse_target(text or "-").value
    except ParseError:
        return None


def low_confidence(records: Sequence[RawRecord], pages: frozenset[int]) -> list[RawRecord]:
    """Each figure read on an OCR'd page below LOW_CONFIDENCE, or whose words were not found;
    and each target cell read so, figure or not: a target read as words ('Baik') is a value
    too, and a printed figure OCR made letters of ('67%' read 'Ne') would load as one."""
    out: list[RawRecord] = []
    for rec in records:
        text = (rec.fields.get(VALUE_FIELDS.get(rec.kind, "")) or "").strip()
        if rec.page not in pages or not (any(ch.isdigit() for ch in text) or (rec.kind in TARGET_KINDS and text)):
            continue
        if rec.ocr_confidence is not None and rec.ocr_confidence >= LOW_CONFIDENCE:
            continue
        how = "no OCR word found in its cell" if rec.ocr_confidence is None else f"OCR confidence {rec.ocr_confidence:.0f} < {LOW_CONFIDENCE:.0f}"
        subject = f"{row_name(rec)}: '{_short(text)}' ({how})"
        out.append(finding("extraction_ocr_low_confidence", subject, rec.page, bbox=rec.bbox, stated=value_as_read(rec), computed=rec.ocr_confidence))
    return out


def several_figures(records: Sequence[RawRecord], pages: frozenset[int]) -> list[RawRecord]:
    """Each target read on an OCR'd page whose figure was loaded while its cell's unit prints
    more figures with units ('27 Kab/Kota 1 Provinsi 49 OPD'): OCR read the cells of several
    rows as one, and only the first figure was kept for the row."""
    out: list[RawRecord] = []
    for rec in records:
        if rec.kind not in TARGET_KINDS or rec.page not in pages:
            continue
        text, value = rec.fields.get("target") or "", value_as_read(rec)
        if value is None and len(FIGURE_WITH_UNIT.findall(text)) >= SEVERAL_UNREAD:
            subject = f"{row_name(rec)}: '{_short(text)}' holds several figures and none was loaded: rows read as one?"
        elif value is not None and FIGURE_WITH_UNIT.search(parse_target(text).unit or ""):
            subject = f"{row_name(rec)}: '{_short(text)}' holds several figures, the first loaded: rows read as one?"
        else:
            continue
        out.append(finding("extraction_ocr_several_figures", subject, rec.page, bbox=rec.bbox, stated=value))
    return out


def nip_problem(text: str | None) -> str | None:
    """Why a printed NIP cannot be a NIP (None: no NIP, or one that decodes)."""
    try:
        nip = parse_nip(text or "")
    except ParseError as exc:
        return str(exc)
    return None if nip is None or nip.valid else nip.problem


def nip_not_decoded(records: Sequence[RawRecord], pages: frozenset[int]) -> list[RawRecord]:
    """Each NIP read on an OCR'd page whose digits do not decode: one finding per NIP and page."""
    out: list[RawRecord] = []
    seen: set[tuple[str, int]] = set()
    for rec in records:
        for key in NIP_FIELDS.get(rec.kind, ()) if rec.page in pages else ():
            text = rec.fields.get(key)
            problem = nip_problem(text)
            if problem is None or (text or "", rec.page) in seen:
                continue
            seen.add((text or "", rec.page))
            who = rec.fields.get("name") or rec.fields.get(key.replace("nip", "name")) or rec.kind
            out.append(finding("extraction_nip_birth_date", f"NIP '{text}' of {_short(who)}: {problem}", rec.page, bbox=rec.bbox))
    return out


def _period_values(row: Sequence[RawRecord]) -> list[tuple[str, Decimal]]:
    """(period, figure) of a period row's cells in the document's order, figures only."""
    out: list[tuple[str, Decimal]] = []
    for rec in row:
        value = value_as_read(rec)
        try:
            period = parse_period(rec.fields.get("period_label") or "")
        except ParseError:
            continue
        if value is not None:
            out.append((period, value))
    return out


def first_break(values: Sequence[tuple[str, Decimal]]) -> Decimal | None:
    """Where a row's figures stop rising to its year's target: the first figure below the one
    before it or above the year's, or the last when it is not the year's. None: it rises (or
    there is no year's target and figure before it to tell)."""
    year = [v for p, v in values if p == "Y"]
    before = [v for p, v in values if p != "Y"]
    if len(year) != 1 or not before:
        return None
    for previous, value in zip([before[0]] + before, before):
        if value < previous or value > year[0]:
            return value
    return None if before[-1] == year[0] else before[-1]


def period_not_rising(records: Sequence[RawRecord], pages: frozenset[int]) -> list[RawRecord]:
    """In each period table (section) read by OCR whose rows mostly rise to their year's
    target, each row that does not. A table of rows that do not rise (targets that are not
    cumulative) is left alone."""
    rows: dict[tuple[str | None, str | None], list[RawRecord]] = {}
    for rec in records:
        if rec.kind == "period_target" and rec.page in pages:
            rows.setdefault((rec.section, rec.fields.get("row_key")), []).append(rec)
    out: list[RawRecord] = []
    for section in dict.fromkeys(s for s, _ in rows):
        table = [(row, _period_values(row)) for (s, _), row in rows.items() if s == section]
        judged = [(row, values, first_break(values)) for row, values in table if len(values) >= 2 and any(p == "Y" for p, _ in values)]
        if sum(1 for *_, broken in judged if broken is None) * 2 <= len(judged):
            continue
        for row, values, broken in judged:
            if broken is None:
                continue
            shown = ", ".join(f"{r.fields.get('period_label')} {r.fields.get('target')}" for r in row)
            subject = f"{row_name(row[0]).split(' target of ', 1)[1]} ({section}): {shown} do not rise to the year's target"
            box = union(r.bbox for r in row if r.bbox is not None)
            year = next(v for p, v in values if p == "Y")
            out.append(finding("extraction_period_not_rising", subject, row[0].page, bbox=box, stated=year, computed=broken))
    return out
