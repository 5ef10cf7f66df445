"""The checks that list what OCR may have misread (extractors/ocr_checks.py) and the reading
of Tesseract's hOCR (extractors/confidence.py), on records and files made here. The same
checks through the real flow on the scanned samples: tests/test_scanned.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.confidence import box_confidence, read_hocr, with_confidence
from extractors.ocr_checks import (
    LOW_CONFIDENCE,
    SEVERAL_UNREAD,
    first_break,
    low_confidence,
    nip_not_decoded,
    nip_problem,
    period_not_rising,
    several_figures,
    value_as_read,
)
from schemas.records import RawDocument, RawRecord

OCR_PAGE = frozenset({1})


# ---------------------------------------------------------------- NIP


@st.composite
def valid_nips(draw) -> str:
    """A NIP as the civil service issues it: born 1950-2000, appointed at 18-45, sex 1/2."""
    birth = draw(st.dates(dt.date(1950, 1, 1), dt.date(2000, 12, 31)))
    year = birth.year + draw(st.integers(18, 45))
    month = draw(st.integers(1, 12))
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{draw(st.sampled_from('12'))}{draw(st.integers(1, 999)):03d}"


def _plausible(digits: str) -> bool:
    """Independently of schemas/nip.py: a real birth date, appointed at 15-60 years of age."""
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    month = int(digits[12:14])
    if not 1 <= month <= 12:
        return False
    appointed = dt.date(int(digits[8:12]), month, 1)
    age = appointed.year - birth.year - ((appointed.month, appointed.day) < (birth.month, birth.day))
    return 15 <= age <= 60


@settings(max_examples=300, deadline=None)
@given(valid_nips(), st.integers(0, 7), st.integers(0, 9))
def test_a_misread_birth_date_digit_is_caught_unless_it_makes_another_plausible_nip(nip, position, digit):
    misread = nip[:position] + str(digit) + nip[position + 1 :]
    assert nip_problem(nip) is None
    assert (nip_problem(misread) is None) == _plausible(misread), misread


@settings(max_examples=100, deadline=None)
@given(valid_nips(), st.sampled_from([(4, "23456789"), (6, "456789"), (14, "03456789")]))
def test_a_month_day_or_sex_digit_no_nip_can_have_is_always_caught(nip, where):
    position, digits = where
    for digit in digits:
        assert nip_problem(nip[:position] + digit + nip[position + 1 :]) is not None


def test_a_nip_that_does_not_decode_is_a_finding_only_where_ocr_read_it():
    bad = "NIP. 19681320 199201 1 003"  # month 13
    records = [
        RawRecord(kind="signature", page=1, fields={"name": "Budi", "nip": bad}),
        RawRecord(kind="party", page=1, fields={"name": "Budi", "nip": bad}),  # the same NIP on the same page: once
        RawRecord(kind="signature", page=2, fields={"name": "Ani", "nip": bad}),  # a text page
        RawRecord(kind="signature", page=1, fields={"name": "Sri", "nip": "NIP 196801201992011003"}),
        RawRecord(kind="skp_header", page=1, fields={"appraiser_name": "Wati", "appraiser_nip": "19680120199201100"}),  # 17 digits
    ]
    found = nip_not_decoded(records, OCR_PAGE)
    assert [f.fields["check"] for f in found] == ["extraction_nip_birth_date"] * 2
    assert "Budi" in found[0].fields["subject"] and "birth date" in found[0].fields["subject"]
    assert "Wati" in found[1].fields["subject"] and "17 digits" in found[1].fields["subject"]


# ---------------------------------------------------------------- period rows

PERIODS = ("TW I", "TW II", "Smt I", "TW III", "s.d. TW III", "TW IV", "Target Tahunan")


def _row(key: str, figures: list[str], page: int = 1) -> list[RawRecord]:
    return [
        RawRecord(kind="period_target", section="pk_rincian", page=page, bbox=(100.0 + 50 * i, 10.0, 150.0 + 50 * i, 20.0),
                  fields={"row_key": key, "indicator_code": key, "indicator": f"Indikator {key}", "period_label": label, "target": text})
        for i, (label, text) in enumerate(zip(PERIODS, figures))
    ]  # fmt: skip


def _fig(value: Decimal) -> str:
    return str(value).replace(".", ",")


@st.composite
def cumulative_rows(draw) -> list[Decimal]:
    """Q1, Q2, S1 (= Q2), Q3, s.d. Q3 (= Q3), Q4, Y (= Q4): rising to the year's target."""
    q = sorted(Decimal(draw(st.integers(1, 1000))) / 10 for _ in range(4))
    return [q[0], q[1], q[1], q[2], q[2], q[3], q[3]]


@settings(max_examples=200, deadline=None)
@given(st.lists(cumulative_rows(), min_size=3, max_size=6), st.data())
def test_a_misread_figure_that_breaks_the_rise_is_flagged_on_its_row_only(rows, data):
    which = data.draw(st.integers(0, len(rows) - 1))
    cell = data.draw(st.integers(0, 6))
    misread = data.draw(st.integers(1, 1000).map(lambda n: Decimal(n) / 10))
    table = [list(r) for r in rows]
    table[which][cell] = misread
    records = [rec for i, row in enumerate(table) for rec in _row(f"{i + 1}a-N", [_fig(v) for v in row])]
    found = period_not_rising(records, OCR_PAGE)
    before, year = table[which][:6], table[which][6]
    rises = all(a <= b for a, b in zip(before, before[1:])) and before[-1] == year
    assert [f.fields["subject"].split(" ")[0] for f in found] == ([] if rises else [f"{which + 1}a-N"])
    assert period_not_rising(records, frozenset()) == []  # a text layer is the document's own


def test_a_table_whose_rows_do_not_rise_is_not_cumulative_and_not_flagged():
    falling = ["20%", "18%", "18%", "15%", "15%", "10%", "10%"]  # e.g. a share of late reports, to be brought down
    records = _row("1a-N", falling) + _row("1b-N", falling) + _row("1c-N", ["95", "96", "96", "96,5", "96,5", "97,25", "97,25"])
    assert period_not_rising(records, OCR_PAGE) == []


def test_where_a_row_stops_rising():
    values = [(p, Decimal(v)) for p, v in zip(("Q1", "Q2", "Q4", "Y"), ("95", "36", "97", "97"))]
    assert first_break(values) == Decimal("36")
    assert first_break([("Q1", Decimal(1)), ("Q4", Decimal(2)), ("Y", Decimal(3))]) == Decimal(2)
    assert first_break([("Q1", Decimal(1)), ("Q4", Decimal(4)), ("Y", Decimal(3))]) == Decimal(4)
    assert first_break([("Q4", Decimal(3)), ("Y", Decimal(3))]) is None
    assert first_break([("Q1", Decimal(3)), ("Q4", Decimal(3))]) is None  # no year's target: nothing to tell


# ---------------------------------------------------------------- confidence

HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><title></title></head><body>
<div class='ocr_page' id='page_1' title='image "x.png"; bbox 0 0 2000 1000; ppageno 0; scan_res 200 200'>
 <span class='ocr_line' id='line_1_1' title="bbox 100 100 900 140">
  <span class='ocrx_word' id='word_1_1' title='bbox 100 100 300 140; x_wconf 96'>Rp1.130.319.000</span>
  <span class='ocrx_word' id='word_1_2' title='bbox 1000 100 1200 140; x_wconf 71'>9&amp;5%</span>
  <span class='ocrx_word' id='word_1_3' title='bbox 1250 100 1300 140; x_wconf 93'>(WTP)</span>
 </span>
</div></body></html>"""


def test_hocr_words_are_placed_on_the_page_in_points(tmp_path: Path):
    path = tmp_path / "000001_ocr_tess.hocr"
    path.write_text(HOCR, encoding="utf-8")
    words = read_hocr(path, (1000.0, 500.0))  # the image is twice the page's size in points
    assert [(w.text, w.bbox, w.confidence) for w in words] == [
        ("Rp1.130.319.000", (50.0, 50.0, 150.0, 70.0), 96.0),
        ("9&5%", (500.0, 50.0, 600.0, 70.0), 71.0),
        ("(WTP)", (625.0, 50.0, 650.0, 70.0), 93.0),
    ]
    assert box_confidence(words, (480.0, 40.0, 700.0, 80.0)) == 71.0  # the least sure word of the cell
    assert box_confidence(words, (40.0, 40.0, 200.0, 80.0)) == 96.0
    assert box_confidence(words, (0.0, 200.0, 100.0, 300.0)) is None
    assert read_hocr(tmp_path / "missing.hocr", (1000.0, 500.0)) == []


def test_values_get_their_confidence_and_the_doubtful_ones_a_finding(tmp_path: Path):
    path = tmp_path / "000001_ocr_tess.hocr"
    path.write_text(HOCR, encoding="utf-8")
    words = {1: read_hocr(path, (1000.0, 500.0))}
    sure = RawRecord(kind="budget_line", page=1, bbox=(0.0, 40.0, 200.0, 80.0), value_bbox=(40.0, 40.0, 200.0, 80.0),
                     fields={"label": "Dukungan Manajemen", "amount": "Rp1.130.319.000"})  # fmt: skip
    unsure = RawRecord(kind="pk_target", page=1, bbox=(0.0, 40.0, 700.0, 80.0), value_bbox=(480.0, 40.0, 700.0, 80.0),
                       fields={"indicator_code": "1a-N", "indicator": "Persentase", "target": "985%"})  # fmt: skip
    lost = RawRecord(kind="period_target", page=1, bbox=(0.0, 200.0, 10.0, 210.0), fields={"period_label": "TW I", "target": "95"})
    text_page = unsure.model_copy(update={"page": 2})
    raw = RawDocument(document_id="d", file_name="f.pdf", page_count=2, sections=("pk",), records=(sure, unsure, lost, text_page))
    out = with_confidence(raw, words, [1])
    assert [r.ocr_confidence for r in out.records[:4]] == [96.0, 71.0, None, None]
    findings = [r for r in out.records if r.kind == "finding"]
    assert [(f.fields["check"], f.bbox, f.fields["stated"], f.fields["computed"]) for f in findings] == [
        ("extraction_ocr_low_confidence", unsure.bbox, "985", "71.0"),
        ("extraction_ocr_low_confidence", lost.bbox, "95", None),  # no word found: not vouched for either
    ]
    assert 71.0 < LOW_CONFIDENCE <= 96.0
    assert low_confidence(list(out.records), frozenset()) == []


# ---------------------------------------------------------------- several rows in one cell

UNITS = st.sampled_from(["Dokumen", "Laporan", "Kab/Kota", "OPD", "Kegiatan", "%", "Orang"])
FIGURES = st.integers(1, 99999).map(lambda n: f"{n:,}".replace(",", "."))


def _cell(figure: str, unit: str) -> str:
    return f"{figure}{unit}" if unit == "%" else f"{figure} {unit}"


def _target(text: str, page: int = 1, row: int = 1) -> RawRecord:
    return RawRecord(kind="pk_target", page=page, bbox=(0.0, 10.0 * row, 500.0, 10.0 * row + 8),
                     fields={"indicator": f"Indikator {row}", "target": text})  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FIGURES, UNITS), min_size=1, max_size=5), st.lists(st.tuples(FIGURES, UNITS), min_size=1, max_size=4))
def test_a_target_cell_holding_the_figures_of_several_rows_is_flagged_on_its_row_only(merged, single_rows):
    """OCR read the cells of several rows as one: a figure loaded from it (the first) is never
    loaded silently, nor are the rows lost when none reads as a figure; the single rows beside
    it are not flagged."""
    records = [_target(_cell(*pair), row=i + 2) for i, pair in enumerate(single_rows)]
    records.insert(0, _target(" ".join(_cell(*pair) for pair in merged)))
    found = several_figures(records, OCR_PAGE)
    loaded = value_as_read(records[0])
    stated = len(merged) > 1 if loaded is not None else len(merged) >= SEVERAL_UNREAD
    assert [f.bbox for f in found] == ([records[0].bbox] if stated else [])
    assert [f.fields["stated"] for f in found] == [None if loaded is None else str(loaded)] * len(found)
    if len(merged) > 1 and loaded is not None:
        assert loaded == Decimal(merged[0][0].replace(".", ""))  # the first row's figure
    assert several_figures(records, frozenset()) == []  # a text layer is the document's own


def test_figures_of_several_rows_none_read_as_a_figure_are_stated():
    """'67% 1 Dokumen 1 Dokumen ... De !' reads as no figure: its rows are stated lost, not dropped silently."""
    (found,) = several_figures([_target("67% 1 Dokumen 1 Dokumen 1Dokumen j De !")], OCR_PAGE)
    assert found.fields["check"] == "extraction_ocr_several_figures" and found.fields["stated"] is None
    assert several_figures([_target("Ne"), _target("67K”"), _target("De !")], OCR_PAGE) == []


def test_one_figure_with_its_words_scale_or_grade_is_not_several():
    cells = ["3,25 (skala 4)", "1 Dokumen RKPD 2017", "81 (A)", "5 kawasan perkotaan", "B (76,70)", "100%", "Level 3", "-", "13 Cagar Budaya, 6.924 Koleksi"]
    assert several_figures([_target(text, row=i) for i, text in enumerate(cells)], OCR_PAGE) == []


@settings(max_examples=100, deadline=None)
@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-()!.", min_size=1, max_size=12).filter(str.strip),
       st.floats(0, 100), st.sampled_from(["pk_target", "skp_target", "period_target", "budget_line"]))  # fmt: skip
def test_a_target_read_as_words_is_listed_when_ocr_was_unsure_of_them(words, confidence, kind):
    """'67%' read 'Ne' with confidence 8 loads as a word target with no figure: listed like a figure would be."""
    field = "amount" if kind == "budget_line" else "target"
    rec = RawRecord(kind=kind, page=1, bbox=(0.0, 10.0, 500.0, 18.0), fields={"indicator": "Persentase", "label": "Program", field: words})
    rec = rec.model_copy(update={"ocr_confidence": confidence})
    found = low_confidence([rec], OCR_PAGE)
    assert len(found) == (1 if kind != "budget_line" and confidence < LOW_CONFIDENCE else 0)
    assert [f.fields["stated"] for f in found] == [None] * len(found)  # no figure was read
    assert low_confidence([rec], frozenset()) == []
