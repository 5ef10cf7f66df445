"""A typed Document -> the rows of every table it fills: one builder per table, in insert order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from schemas.records import BBox, Document, Nip, Target
from schemas.versions import content_key, latest_signing, signers_key

Row = tuple[Any, ...]

BBOX_COLUMNS = ("x0", "top", "x1", "bottom")
TARGET_COLUMNS = ("target_raw", "target_value", "is_percent", "scale_max", "qualifier", "target_unit")


DOCUMENTS_COLUMNS = (
    "document_id", "file_name", "unit", "fiscal_year", "page_count", "sections", "ocr_used", "ingested_at", "run_id", "document_kind",
    "revision_label", "revision_no", "extractor_version", "signed_on", "signers_key", "content_key",
)


def _documents_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [(
        d, doc.file_name, doc.unit, doc.fiscal_year, doc.page_count, list(doc.sections), doc.ocr_used, ingested_at, run_id, doc.document_kind,
        doc.revision_label, doc.revision_no, doc.extractor_version, latest_signing(doc), signers_key(doc), content_key(doc),
    )]


VALUE_PROBLEMS_COLUMNS = ("document_id", "row_no", "record_kind", "field", "raw", "problem", "page")


def _value_problems_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [(d, no, p.record_kind, p.field, p.raw, p.problem, p.page) for no, p in _numbered(doc.problems)]


RECORDS_COLUMNS = ("document_id", "record_no", "kind", "section", "page", *BBOX_COLUMNS, "fields")


def _records_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    raw_records = doc.raw.records if doc.raw is not None else ()
    return [(d, no, r.kind, r.section, r.page, *_bbox(r.bbox), json.dumps(r.fields, ensure_ascii=False)) for no, r in _numbered(raw_records)]


PARTIES_COLUMNS = ("document_id", "row_no", "party", "name", "position", "nip", "rank", "page")


def _parties_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [(d, no, p.party, p.name, p.position, p.nip, p.rank, p.page) for no, p in _numbered(doc.parties)]


INDICATOR_TARGETS_COLUMNS = (
    "document_id",
    "row_no",
    "source",
    "objective_no",
    "objective",
    "indicator_code",
    "indicator",
    *TARGET_COLUMNS,
    "perspective",
    "assignment",
    "matched_code",
    "match_score",
    "page",
    *BBOX_COLUMNS,
    "ocr_confidence",
)


def _indicator_targets_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [
        (
            d,
            no,
            t.source,
            t.objective_no,
            t.objective,
            t.indicator_code,
            t.indicator,
            *_target(t.target),
            t.perspective,
            t.assignment,
            t.matched_code,
            t.match_score,
            t.page,
            *_bbox(t.bbox),
            t.ocr_confidence,
        )
        for no, t in _numbered(doc.indicator_targets)
    ]


PERIOD_TARGETS_COLUMNS = (
    "document_id",
    "line_no",
    "source",
    "row_no",
    "objective_no",
    "objective",
    "indicator_code",
    "indicator",
    "period",
    *TARGET_COLUMNS,
    "matched_code",
    "match_score",
    "page",
    *BBOX_COLUMNS,
    "ocr_confidence",
)


def _period_targets_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [
        (
            d,
            no,
            t.source,
            t.row_no,
            t.objective_no,
            t.objective,
            t.indicator_code,
            t.indicator,
            t.period,
            *_target(t.target),
            t.matched_code,
            t.match_score,
            t.page,
            *_bbox(t.bbox),
            t.ocr_confidence,
        )
        for no, t in _numbered(doc.period_targets)
    ]


BUDGET_LINES_COLUMNS = (
    "document_id",
    "line_no",
    "program_no",
    "program",
    "activity_code",
    "activity",
    "level",
    "amount_idr",
    "amount_raw",
    "page",
    *BBOX_COLUMNS,
    "ocr_confidence",
)


def _budget_lines_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [
        (d, b.line_no, b.program_no, b.program, b.activity_code, b.activity, b.level, b.amount_idr, b.amount_raw, b.page, *_bbox(b.bbox), b.ocr_confidence)
        for b in doc.budget_lines
    ]


BUDGET_TOTALS_COLUMNS = ("document_id", "row_no", "source", "label", "amount_idr", "amount_raw", "page", "ocr_confidence")


def _budget_totals_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [(d, no, t.source, t.label, t.amount_idr, t.amount_raw, t.page, t.ocr_confidence) for no, t in _numbered(doc.budget_totals)]


SIGNATURES_COLUMNS = (
    "document_id",
    "row_no",
    "section",
    "block_no",
    "role",
    "name",
    "nip",
    "nip_raw",
    "nip_valid",
    "nip_birth_date",
    "nip_appointed",
    "nip_sex",
    "nip_problem",
    "place",
    "signed_on",
    "date_precision",
    "electronic",
    "party",
    "page",
    *BBOX_COLUMNS,
    "signed_mark",
)


def _signatures_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [
        (
            d,
            no,
            s.section,
            s.block_no,
            s.role,
            s.name,
            *_nip(s.nip, s.nip_raw),
            s.place,
            s.signed_on,
            s.date_precision,
            s.electronic,
            s.party,
            s.page,
            *_bbox(s.bbox),
            s.signed_mark,
        )
        for no, s in _numbered(doc.signatures)
    ]


DIGITAL_SIGNATURES_COLUMNS = (
    "document_id",
    "row_no",
    "field_name",
    "signer_name",
    "signer_org",
    "issuer",
    "signing_time",
    "intact",
    "covers_whole_document",
    "trusted",
    "modification_level",
    "error",
)


def _digital_signatures_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [
        (
            d,
            no,
            g.field_name,
            g.signer_name,
            g.signer_org,
            g.issuer,
            _utc(g.signing_time),
            g.intact,
            g.covers_whole_document,
            g.trusted,
            g.modification_level,
            g.error,
        )
        for no, g in _numbered(doc.digital_signatures)
    ]


SKP_COLUMNS = (
    "document_id",
    "fiscal_year",
    "period_start",
    "period_end",
    "appraisee_name",
    "appraisee_nip",
    "appraisee_rank",
    "appraisee_position",
    "appraisee_unit",
    "appraiser_name",
    "appraiser_nip",
    "appraiser_rank",
    "appraiser_position",
    "appraiser_unit",
    "employees",
    "budget_idr",
    "page",
)


def _skp_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    skp = doc.skp
    return (
        []
        if skp is None
        else [
            (
                d,
                skp.fiscal_year,
                skp.period_start,
                skp.period_end,
                skp.appraisee_name,
                skp.appraisee_nip,
                skp.appraisee_rank,
                skp.appraisee_position,
                skp.appraisee_unit,
                skp.appraiser_name,
                skp.appraiser_nip,
                skp.appraiser_rank,
                skp.appraiser_position,
                skp.appraiser_unit,
                skp.employees,
                skp.budget_idr,
                skp.page,
            )
        ]
    )


SKP_BEHAVIOURS_COLUMNS = ("document_id", "row_no", "behaviour_no", "behaviour", "criteria", "expectation", "page")


def _skp_behaviours_rows(doc: Document, d: str, run_id: str, ingested_at: dt.datetime) -> list[Row]:
    return [(d, no, b.behaviour_no, b.behaviour, list(b.criteria), b.expectation, b.page) for no, b in _numbered(doc.behaviours)]


RowBuilder = Callable[[Document, str, str, dt.datetime], list[Row]]
TABLES: tuple[tuple[str, tuple[str, ...], RowBuilder], ...] = (
    ("core.documents", DOCUMENTS_COLUMNS, _documents_rows),
    ("core.value_problems", VALUE_PROBLEMS_COLUMNS, _value_problems_rows),
    ("raw.records", RECORDS_COLUMNS, _records_rows),
    ("core.parties", PARTIES_COLUMNS, _parties_rows),
    ("core.indicator_targets", INDICATOR_TARGETS_COLUMNS, _indicator_targets_rows),
    ("core.period_targets", PERIOD_TARGETS_COLUMNS, _period_targets_rows),
    ("core.budget_lines", BUDGET_LINES_COLUMNS, _budget_lines_rows),
    ("core.budget_totals", BUDGET_TOTALS_COLUMNS, _budget_totals_rows),
    ("core.signatures", SIGNATURES_COLUMNS, _signatures_rows),
    ("core.digital_signatures", DIGITAL_SIGNATURES_COLUMNS, _digital_signatures_rows),
    ("core.skp", SKP_COLUMNS, _skp_rows),
    ("core.skp_behaviours", SKP_BEHAVIOURS_COLUMNS, _skp_behaviours_rows),
)


DOCUMENT_TABLES: tuple[str, ...] = tuple(table for table, _, _ in TABLES)


def document_rows(doc: Document, *, run_id: str, ingested_at: dt.datetime) -> list[tuple[str, tuple[str, ...], list[Row]]]:
    """(table, columns, rows) for every table a document fills, in insert order."""
    return [(table, columns, build(doc, doc.document_id, run_id, ingested_at)) for table, columns, build in TABLES]


def _numbered(items: Iterable[Any]) -> Iterable[tuple[int, Any]]:
    return enumerate(items, start=1)


def _bbox(bbox: BBox | None) -> tuple[float | None, float | None, float | None, float | None]:
    if bbox is None:
        return (None, None, None, None)
    return bbox


def _target(target: Target) -> Row:
    return (target.raw, target.value, target.is_percent, target.scale_max, target.qualifier, target.unit)


def _nip(nip: Nip | None, nip_raw: str | None) -> Row:
    """nip, nip_raw, nip_valid, nip_birth_date, nip_appointed, nip_sex, nip_problem."""
    if nip is None:
        return (None, nip_raw, None, None, None, None, None)
    return (nip.digits, nip_raw, nip.valid, nip.birth_date, _appointed(nip), nip.sex, nip.problem)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """The warehouse's TIMESTAMPs are UTC without a time zone."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _appointed(nip: Nip) -> dt.date | None:
    if nip.appointed_year is None or nip.appointed_month is None:
        return None
    try:
        return dt.date(nip.appointed_year, nip.appointed_month, 1)
    except ValueError:  # an invalid NIP may carry month 13 and the like
        return None


# ---------------------------------------------------------------- SQL helpers
