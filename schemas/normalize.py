"""RawDocument (strings as printed) -> Document (typed, parsed, matched)."""

from __future__ import annotations

import re
from collections import OrderedDict
from decimal import Decimal

from schemas.dates import find_year, parse_assessment_period, parse_place_date
from schemas.errors import ParseError
from schemas.matching import match_all
from schemas.nip import parse_nip
from schemas.numbers import parse_budget_amount, parse_number
from schemas.periods import parse_period
from schemas.records import (
    Behaviour,
    BudgetLine,
    BudgetTotal,
    Document,
    IndicatorTarget,
    Party,
    PeriodTarget,
    RawDocument,
    RawRecord,
    Signature,
    SkpHeader,
    Target,
    ValueProblem,
)
from schemas.targets import parse_target
from schemas.text import fold, squash
from schemas.unit import infer_revision, infer_unit, infer_year, revision_number

ASSIGNMENT = re.compile(r"\s*\(\s*((?:penugasan|intervensi|diturunkan)\b[^()]*)\)\s*$", re.IGNORECASE)
PROGRAM_NO = re.compile(r"^(\d{1,2})\.?$")
ACTIVITY_NO = re.compile(r"^([a-z]|\d{1,2}(?:\.\d{1,2})+)[.)]?$")  # 'a.', '1.2'
ACTIVITY_PREFIX = re.compile(r"^([a-z][.)]|\d{1,2}(?:\.\d{1,2})+\.?)\s+(.+)$")
PROGRAM_PREFIX = re.compile(r"^(\d{1,2})[.)]?\s+(.+)$")
EMPLOYEES = re.compile(r"^(\d[\d.]*)\s+(?:orang\s+)?pegawai\b", re.IGNORECASE)
BUDGET_SENTENCE = re.compile(r"jumlah\s+anggaran\b.*?(?P<amount>(?:rp\.?|idr)\s*[\d.,]+(?:\s*(?:ribu|juta|miliar|milyar|triliun))?)", re.IGNORECASE)
NO_VALUE = {"", "-", "\u2013", "\u2014"}
GROUP_SPACE = re.compile(r"(?<=\d\.)\s+(?=\d{3}\b)")
LIST_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+(?=\D)")


class NormalizationError(ValueError):
    """A raw record whose printed value cannot be read; names the page and the value."""


def _value(text: str | None) -> str | None:
    text = squash(text or "")
    return None if text in NO_VALUE else text


def _int(text: str | None) -> int | None:
    text = (text or "").strip().rstrip(".")
    return int(text) if text.isdigit() else None


def _target(rec: RawRecord, text: str | None, problems: list[ValueProblem]) -> Target:
    try:
        return parse_target(text or "-")
    except ParseError as exc:
        problems.append(ValueProblem(record_kind=rec.kind, field="target", raw=text or "", problem=str(exc), page=rec.page))
        return Target(raw=squash(text or ""), value=None)


def _amount(rec: RawRecord, text: str, problems: list[ValueProblem]) -> Decimal | None:
    # Typed money sometimes carries a stray space inside the digit groups: 'Rp. 9.985.639. 757,-'.
    repaired = GROUP_SPACE.sub("", text)
    try:
        return parse_budget_amount(repaired)
    except ParseError as exc:
        problems.append(ValueProblem(record_kind=rec.kind, field="amount", raw=text, problem=str(exc), page=rec.page))
        return None


def _indicator_text(fields: dict[str, str | None]) -> str:
    """Indicator text without a list number ('1. Persentase ...') when no IKU code is printed."""
    text = squash(fields.get("indicator") or "")
    return text if fields.get("indicator_code") else LIST_NUMBER.sub("", text)


def _indicator_targets(raw: list[RawRecord], problems: list[ValueProblem]) -> list[IndicatorTarget]:
    out: list[IndicatorTarget] = []
    for rec in raw:
        f = rec.fields
        objective = squash(f.get("objective") or "")
        assignment = None
        if rec.kind == "skp_target":
            m = ASSIGNMENT.search(objective)
            if m:
                assignment, objective = squash(m.group(1)), objective[: m.start()].strip()
        out.append(
            IndicatorTarget(
                source="pk" if rec.kind == "pk_target" else "skp",
                objective_no=_int(f.get("objective_no")),
                objective=objective,
                indicator_code=f.get("indicator_code"),
                indicator=_indicator_text(f),
                target=_target(rec, f.get("target"), problems),
                perspective=_value(f.get("perspective")),
                assignment=assignment,
                page=rec.page, bbox=rec.bbox, ocr_confidence=rec.ocr_confidence,
            )
        )
    return out


def _period_targets(raw: list[RawRecord], problems: list[ValueProblem]) -> list[PeriodTarget]:
    rows: OrderedDict[str, list[RawRecord]] = OrderedDict()
    for rec in raw:
        rows.setdefault(f"{rec.section}|{rec.fields.get('row_key')}", []).append(rec)
    out: list[PeriodTarget] = []
    for cells in rows.values():
        parsed = [(rec, _target(rec, rec.fields.get("target"), problems)) for rec in cells]
        # The qualifier is printed once per row (under the Y cell) but describes the indicator.
        quals = {(t.scale_max, t.qualifier) for _, t in parsed if t.qualifier is not None}
        shared = quals.pop() if len(quals) == 1 else None
        for rec, target in parsed:
            if shared is not None and target.qualifier is None:
                target = target.model_copy(update={"scale_max": shared[0], "qualifier": shared[1]})
            f = rec.fields
            try:
                period = parse_period(f.get("period_label") or "")
            except ParseError as exc:
                raise NormalizationError(f"page {rec.page}: period {f.get('period_label')!r}: {exc}") from exc
            out.append(
                PeriodTarget(
                    source=rec.section,  # type: ignore[arg-type]
                    row_no=_int(f.get("row_no")),
                    objective_no=_int(f.get("objective_no")),
                    objective=_value(f.get("objective")),
                    indicator_code=f.get("indicator_code"),
                    indicator=_indicator_text(f),
                    period=period,
                    target=target,
                    page=rec.page, bbox=rec.bbox, ocr_confidence=rec.ocr_confidence,
                )
            )
    return out


def _budget(raw: list[RawRecord], problems: list[ValueProblem]) -> tuple[list[BudgetLine], list[BudgetTotal]]:
    lines: list[BudgetLine] = []
    totals: list[BudgetTotal] = []
    program_no: int | None = None
    program: str | None = None
    for rec in raw:
        f = rec.fields
        amount_raw = squash(f.get("amount") or "")
        if not any(ch.isalnum() for ch in amount_raw):
            continue  # a sub-heading: no amount, no budget fact (letters alone are a misread amount, listed below)
        amount = _amount(rec, amount_raw, problems)
        label = squash(f.get("label") or "")
        if rec.kind == "budget_total":
            if amount is not None:
                total = BudgetTotal(source="pk_budget", label=label, amount_idr=amount, amount_raw=amount_raw, page=rec.page)
                totals.append(total.model_copy(update={"ocr_confidence": rec.ocr_confidence}))
            continue
        no = (f.get("no") or "").strip()
        if not no:
            m = ACTIVITY_PREFIX.match(label) or PROGRAM_PREFIX.match(label)
            if m:
                no, label = m.group(1), m.group(2)
        if _is_program(no, label, f.get("label_header") or ""):
            program_no, program = _int(no), label
            level, code, activity = "program", None, None
        else:
            m = ACTIVITY_NO.match(no) or PROGRAM_NO.match(no)
            level, code, activity = "activity", (m.group(1) if m else None), label
        lines.append(
            BudgetLine(
                line_no=len(lines) + 1,
                program_no=program_no,
                program=program,
                activity_code=code,
                activity=activity,
                level=level,  # type: ignore[arg-type]
                amount_idr=amount,
                amount_raw=amount_raw,
                page=rec.page, bbox=rec.bbox, ocr_confidence=rec.ocr_confidence,
            )
        )
    return lines, totals


def _is_program(no: str, label: str, label_header: str) -> bool:
    """A program row or an activity row? A name that starts with 'Program' is a program.
    Otherwise the header decides: under 'Kegiatan' alone every row is an activity, under
    'Program' alone every row a program; under 'Program/Kegiatan' (or no header word) a
    bare number marks a program and a letter or '1.2' an activity."""
    if fold(label).startswith("program"):
        return True
    words = set(label_header.split())
    if "kegiatan" in words and "program" not in words:
        return False
    if "program" in words and "kegiatan" not in words:
        return True
    return bool(PROGRAM_NO.match(no))


def _signatures(raw: list[RawRecord]) -> list[Signature]:
    out: list[Signature] = []
    for rec in raw:
        f = rec.fields
        place = date = precision = None
        if f.get("place_date"):
            try:
                place, date, precision = parse_place_date(f["place_date"] or "")
            except ParseError:
                pass
        nip_raw = f.get("nip")
        try:
            nip = parse_nip(nip_raw) if nip_raw else None
        except ParseError:
            nip = None
        party = {"pertama": "first", "kesatu": "first", "kedua": "second"}.get(f.get("party") or "")
        out.append(
            Signature(
                section=rec.section or "unknown",
                block_no=len(out) + 1,
                role=f.get("role"),
                name=f.get("name"),
                nip=nip,
                nip_raw=nip_raw,
                place=place,
                signed_on=date,
                date_precision=precision,
                electronic=f.get("electronic") == "true",
                party=party,  # type: ignore[arg-type]
                rank=_value(f.get("rank")),
                page=rec.page,
                bbox=rec.bbox,
                signed_mark=f.get("signed_mark") or "none",  # type: ignore[arg-type]
            )
        )
    return out


def _skp(raw: list[RawRecord], resources: list[RawRecord], problems: list[ValueProblem]) -> tuple[SkpHeader | None, list[BudgetTotal]]:
    totals: list[BudgetTotal] = []
    employees: int | None = None
    for rec in resources:
        text = rec.fields.get("text") or ""
        m = EMPLOYEES.match(text)
        if m and employees is None:
            employees = int(parse_number(m.group(1)))
        b = BUDGET_SENTENCE.search(text)
        if b:
            amount_raw = squash(b.group("amount"))
            amount = _amount(rec, amount_raw, problems)
            if amount is not None:
                totals.append(BudgetTotal(source="skp_lampiran", label="Jumlah Anggaran", amount_idr=amount, amount_raw=amount_raw, page=rec.page))
    if not raw:
        return None, totals
    rec = raw[0]
    f = rec.fields
    start = end = None
    if f.get("period"):
        try:
            start, end = parse_assessment_period(f["period"] or "")
        except ParseError:
            pass

    def nip(key: str) -> str | None:
        text = f.get(key)
        try:
            parsed = parse_nip(text) if text else None
        except ParseError:
            return None
        return parsed.digits if parsed else None

    header = SkpHeader(
        fiscal_year=end.year if end else find_year(f.get("period") or ""),
        period_start=start,
        period_end=end,
        appraisee_name=_value(f.get("appraisee_name")),
        appraisee_nip=nip("appraisee_nip"),
        appraisee_rank=_value(f.get("appraisee_rank")),
        appraisee_position=_value(f.get("appraisee_position")),
        appraisee_unit=_value(f.get("appraisee_unit")),
        appraiser_name=_value(f.get("appraiser_name")),
        appraiser_nip=nip("appraiser_nip"),
        appraiser_rank=_value(f.get("appraiser_rank")),
        appraiser_position=_value(f.get("appraiser_position")),
        appraiser_unit=_value(f.get("appraiser_unit")),
        employees=employees,
        budget_idr=totals[0].amount_idr if totals else None,
        page=rec.page,
    )
    return header, totals


def _parties(raw: list[RawRecord]) -> list[Party]:
    out: list[Party] = []
    for rec in raw:
        f = rec.fields
        try:
            nip = parse_nip(f["nip"]) if f.get("nip") else None
        except ParseError:
            nip = None
        out.append(
            Party(
                party=f["party"],  # type: ignore[arg-type]
                name=_value(f.get("name")),
                position=_value(f.get("position")),
                nip=nip.digits if nip else None,
                rank=_value(f.get("rank")),
                page=rec.page,
            )
        )
    return out


def _behaviours(raw: list[RawRecord]) -> list[Behaviour]:
    return [
        Behaviour(
            behaviour_no=int(rec.fields["no"] or 0),
            behaviour=rec.fields.get("behaviour") or "",
            criteria=tuple(c for c in (rec.fields.get("criteria") or "").split("\n") if c),
            expectation=rec.fields.get("expectation"),
            page=rec.page,
        )
        for rec in raw
    ]


def _match_to_pk(targets: list[IndicatorTarget], periods: list[PeriodTarget]) -> tuple[list[IndicatorTarget], list[PeriodTarget]]:
    """SKP IKIs and Lampiran rows print no code: match their text to the PK's IKU."""
    candidates: dict[str, str] = {}
    for t in targets:
        if t.source == "pk" and t.indicator_code and t.indicator_code not in candidates:
            candidates[t.indicator_code] = t.indicator
    if not candidates:
        for p in periods:
            if p.source == "pk_rincian" and p.indicator_code and p.indicator_code not in candidates:
                candidates[p.indicator_code] = p.indicator
    if not candidates:
        return targets, periods

    skp = [i for i, t in enumerate(targets) if t.source == "skp" and not t.indicator_code]
    targets = list(targets)
    for i, (code, score) in zip(skp, match_all([targets[i].indicator for i in skp], candidates)):
        targets[i] = targets[i].model_copy(update={"matched_code": code, "match_score": score})

    lamp_rows: OrderedDict[tuple[int | None, str], list[int]] = OrderedDict()
    for i, p in enumerate(periods):
        if p.source == "skp_lampiran" and not p.indicator_code:
            lamp_rows.setdefault((p.row_no, p.indicator), []).append(i)
    periods = list(periods)
    keys = list(lamp_rows)
    for key, (code, score) in zip(keys, match_all([k[1] for k in keys], candidates)):
        for i in lamp_rows[key]:
            periods[i] = periods[i].model_copy(update={"matched_code": code, "match_score": score})
    return targets, periods


def normalize_document(raw: RawDocument) -> Document:
    by_kind: dict[str, list[RawRecord]] = {}
    for rec in raw.records:
        by_kind.setdefault(rec.kind, []).append(rec)
    problems: list[ValueProblem] = []
    targets = _indicator_targets(by_kind.get("pk_target", []) + by_kind.get("skp_target", []), problems)
    periods = _period_targets(by_kind.get("period_target", []), problems)
    targets, periods = _match_to_pk(targets, periods)
    lines, totals = _budget(by_kind.get("budget_line", []) + by_kind.get("budget_total", []), problems)
    resources = by_kind.get("skp_resource", [])
    skp, skp_totals = _skp(by_kind.get("skp_header", []), resources, problems)
    signatures = _signatures(by_kind.get("signature", []))
    titles = by_kind.get("title", [])
    parties = _parties(by_kind.get("party", []))
    return Document(
        document_id=raw.document_id,
        file_name=raw.file_name,
        unit=infer_unit(skp, resources, parties, titles, signatures),
        fiscal_year=infer_year(skp, titles, signatures),
        page_count=raw.page_count,
        sections=raw.sections,
        ocr_used=raw.ocr_used,
        document_kind=raw.document_kind,
        revision_label=(revision := infer_revision(titles)),
        revision_no=revision_number(revision),
        extractor_version=raw.extractor_version,
        problems=tuple(problems),
        parties=tuple(parties),
        indicator_targets=tuple(targets),
        period_targets=tuple(periods),
        budget_lines=tuple(lines),
        budget_totals=tuple(totals + skp_totals),
        signatures=tuple(signatures),
        skp=skp,
        behaviours=tuple(_behaviours(by_kind.get("behaviour", []))),
        raw=raw,
    )
