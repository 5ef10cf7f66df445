"""A '%' OCR read as '4', put back from its row (extractors/ocr_repair.py), on rows made here.
The same repair through the real flow on the scanned samples: tests/test_scanned.py."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.confidence import with_confidence
from extractors.ocr_checks import LOW_CONFIDENCE
from extractors.ocr_repair import figure_shape, percent_signs, sign_read_as_four
from schemas.records import RawDocument, RawRecord
from schemas.targets import parse_target

OCR_PAGE = frozenset({1})
PERIODS = ("Q1", "Q2", "Smt. 1", "Q3", "s.d. Q3", "Q4", "Y")
unsure = st.floats(0, LOW_CONFIDENCE, exclude_max=True)
sure = st.floats(LOW_CONFIDENCE, 100)


@st.composite
def figures(draw) -> str:
    """A printed figure: 1-3 digits, maybe a decimal comma and 1-2 digits ('98,75', '100')."""
    whole = str(draw(st.integers(1, 999)))
    decimals = draw(st.sampled_from(["", "5", "25", "75", "05"]))
    return f"{whole},{decimals}" if decimals else whole


def _cells(texts: list[str], confidences: list[float], page: int = 1) -> list[RawRecord]:
    return [
        RawRecord(kind="period_target", section="pk_rincian", page=page, bbox=(100.0 + 40 * i, 10.0, 140.0 + 40 * i, 20.0),
                  fields={"row_key": "1:4", "indicator_code": "1b-N", "indicator": "Persentase", "period_label": label, "target": text},
                  ocr_confidence=conf)
        for i, (label, text, conf) in enumerate(zip(PERIODS, texts, confidences))
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(figures(), min_size=7, max_size=7), st.lists(st.booleans(), min_size=7, max_size=7), st.data())
def test_a_sign_read_as_four_comes_back_only_where_the_row_shows_it(printed, misread, data):
    """Every cell is printed with its '%'; OCR turned some signs into '4', unsure of them. Each
    repair gives back what was printed; a misread cell not repaired is one whose reading a
    sibling's figure could have (the row cannot tell); a finding states each repair."""
    truth = [f"{p}%" for p in printed]
    read = [p + "4" if m else t for p, t, m in zip(printed, truth, misread)]
    confidences = [data.draw(unsure if m else sure) for m in misread]
    records, repairs = percent_signs(_cells(read, confidences), OCR_PAGE)
    shapes = {figure_shape(p) for p, m in zip(printed, misread) if not m}
    for rec, was, printed_as, shown, m in zip(records, _cells(read, confidences), truth, printed, misread):
        assert rec.ocr_confidence == was.ocr_confidence  # confidence stays data
        if rec.fields["target"] != was.fields["target"]:
            assert m and rec.fields["target"] == printed_as
        elif m:
            assert figure_shape(shown) not in shapes or figure_shape(shown + "4") in shapes
    changed = [(r.bbox, parse_target(r.fields["target"]).value) for r, w in zip(records, _cells(read, confidences)) if r.fields != w.fields]
    assert [(f.fields["check"], f.bbox, Decimal(f.fields["stated"])) for f in repairs] == [("extraction_ocr_repaired", b, v) for b, v in changed]


@settings(max_examples=200, deadline=None)
@given(st.lists(figures(), min_size=7, max_size=7), st.lists(unsure, min_size=7, max_size=7))
def test_a_row_that_shows_no_sign_is_left_as_read(printed, confidences):
    """A figure ending in 4 is a figure when no cell of its row prints a '%'."""
    read = [p + "4" for p in printed]
    records, repairs = percent_signs(_cells(read, confidences), OCR_PAGE)
    assert [r.fields["target"] for r in records] == read and repairs == []


def test_the_sign_comes_back_with_one_digit_too_many_and_an_unsure_reading_only():
    assert sign_read_as_four("98,754", 57.0, ["98,75%", "98,75%"]) == "98,75%"
    assert sign_read_as_four("1004", 80.0, ["100%"]) == "100%"
    assert sign_read_as_four("98,754", 95.0, ["98,75%"]) is None  # OCR was sure of the '4'
    assert sign_read_as_four("98,754", None, ["98,75%"]) is None  # no word found: nothing to go by
    assert sign_read_as_four("98,754", 57.0, ["98,754%", "98,75%"]) is None  # a sibling prints that many digits
    assert sign_read_as_four("98,753", 57.0, ["98,75%"]) is None  # not the digit the sign reads as
    assert sign_read_as_four("95", 57.0, ["9%"]) is None
    assert sign_read_as_four("24", 57.0, ["2%"]) == "2%"


def test_the_repair_is_made_where_ocr_read_and_stated_in_the_document():
    row = _cells(["98,754", "98,754", "98,75%"], [7.0, 84.0, 92.0])
    text_page = [r.model_copy(update={"page": 2, "ocr_confidence": None}) for r in row]
    raw = RawDocument(document_id="d", file_name="f.pdf", page_count=2, sections=("pk_rincian",), records=tuple(row + text_page))
    out = with_confidence(raw, {}, [1])  # no hOCR words: the records' confidence as given
    values = [r.fields["target"] for r in out.records if r.kind == "period_target"]
    assert values == ["98,754", "98,754", "98,75%", "98,754", "98,754", "98,75%"]  # no word: not vouched for, not repaired
    scored = RawDocument(document_id="d", file_name="f.pdf", page_count=2, sections=("pk_rincian",), records=tuple(row))
    records, repairs = percent_signs(list(scored.records), OCR_PAGE)
    assert [r.fields["target"] for r in records] == ["98,75%", "98,75%", "98,75%"]
    assert [(f.fields["stated"], f.fields["computed"]) for f in repairs] == [("98.75", "98.754"), ("98.75", "98.754")]
    assert percent_signs(text_page, OCR_PAGE) == (text_page, [])  # a text page: the document's own figures


@settings(max_examples=200, deadline=None)
@given(st.lists(figures(), min_size=6, max_size=6), st.integers(0, 5), unsure)
def test_a_figure_as_long_as_its_signed_siblings_keeps_its_last_four(printed, which, confidence):
    """'98,754' beside '12,345%' may be printed so (the sign alone lost): not one digit too many."""
    plain = printed[which][:-1] + "4"
    read = [f"{p}%" for p in printed] + [plain]
    records, repairs = percent_signs(_cells(read, [95.0] * 6 + [confidence]), OCR_PAGE)
    assert records[-1].fields["target"] == plain and repairs == []
