"""A budget amount whose marks OCR misread, put back from its groups (extractors/ocr_amounts.py),
on amounts drawn here and misread at random."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractors.confidence import with_confidence
from extractors.ocr_amounts import amount_marks
from schemas.numbers import format_number, parse_budget_amount
from schemas.records import RawDocument, RawRecord

OCR_PAGE = frozenset({1})
PREFIXES = st.sampled_from(["Rp. ", "Rp ", "Rp", ""])
ENDS = st.sampled_from(["", ",-", ",00"])
NOISE = st.sampled_from(["", "“", "'", '"', "_", "— ", ", ", ". "])


def _row(amount: str, page: int = 1, kind: str = "budget_line") -> RawRecord:
    return RawRecord(kind=kind, section="pk_budget", page=page, bbox=(10.0, 10.0, 200.0, 20.0),
                     fields={"label": "Program Penunjang", "amount": amount}, ocr_confidence=40.0)  # fmt: skip


@given(st.integers(1_000_000, 10**14), PREFIXES, ENDS, NOISE, st.data(), st.sampled_from(["budget_line", "budget_total"]))
def test_a_comma_read_among_the_thousands_dots_is_put_back_and_stated(whole, prefix, end, noise, data, kind):
    printed = format_number(Decimal(whole))
    marks = [i for i, ch in enumerate(printed) if ch == "."]
    misread = data.draw(st.sets(st.sampled_from(marks), min_size=1, max_size=len(marks) - 1) if len(marks) > 1 else st.just(set()))
    read = noise + prefix + "".join("," if i in misread else ch for i, ch in enumerate(printed)) + end
    (got,), repairs = amount_marks([_row(read, kind=kind)], OCR_PAGE)
    assert parse_budget_amount(got.fields["amount"]) == whole
    if read != prefix + printed + end:  # a misread mark or noise: repaired, and stated
        (repair,) = repairs
        assert repair.fields["check"] == "extraction_ocr_repaired" and Decimal(repair.fields["stated"]) == whole
        assert read in repair.fields["subject"]
    else:
        assert repairs == [] and got.fields["amount"] == read


@given(st.integers(1_000_000, 10**14), PREFIXES, st.data())
def test_no_repair_without_groups_of_three_off_the_ocr_pages_or_on_a_target(whole, prefix, data):
    printed = format_number(Decimal(whole))
    groups = printed.split(".")
    k = data.draw(st.integers(1, len(groups) - 1))
    short = groups[k][: data.draw(st.integers(1, 2))]  # a digit OCR lost: a group of two or one
    lost = prefix + ".".join(groups[:k]) + "," + ".".join([short, *groups[k + 1 :]])
    records = [_row(lost), _row(prefix + printed.replace(".", ",", 1), page=2)]
    target = RawRecord(kind="pk_target", section="pk", page=1, fields={"indicator": "x", "target": printed.replace(".", ",", 1)})
    out, repairs = amount_marks([*records, target], OCR_PAGE)
    assert repairs == [] and out == [*records, target]


def test_the_repair_runs_with_the_ocr_findings():
    """Through with_confidence, as an OCR'd document is read."""
    raw = RawDocument(document_id="x", file_name="x.pdf", page_count=1, sections=("pk_budget",),
                      records=(_row("Rp. 7,838.434.333,-"),), ocr_used=True)  # fmt: skip
    records = with_confidence(raw, {}, [1]).records
    assert [r.fields["amount"] for r in records if r.kind == "budget_line"] == ["Rp. 7.838.434.333,-"]
    assert [r.fields["check"] for r in records if r.kind == "finding" and r.fields["check"] == "extraction_ocr_repaired"] == ["extraction_ocr_repaired"]
