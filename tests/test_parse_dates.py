import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.dates import find_year, parse_assessment_period, parse_date_id, parse_place_date
from schemas.errors import ParseError
from schemas.periods import parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 Januari 2024", dt.date(2024, 1, 30)),
        ("1 Jan 2024", dt.date(2024, 1, 1)),
        ("1 Jan. 2024", dt.date(2024, 1, 1)),
        ("30-01-2024", dt.date(2024, 1, 30)),
        ("30/01/2024", dt.date(2024, 1, 30)),
        ("2024-01-30", dt.date(2024, 1, 30)),
        ("17 AGUSTUS 1945", dt.date(1945, 8, 17)),
        ("1 Mei 2024", dt.date(2024, 5, 1)),
        ("29 Februari 2024", dt.date(2024, 2, 29)),
        ("31 Des 2024", dt.date(2024, 12, 31)),
        ("3 Agust. 2024", dt.date(2024, 8, 3)),
        ("2 Pebruari 2024", dt.date(2024, 2, 2)),
        ("2 Nopember 2024", dt.date(2024, 11, 2)),
    ],
)
def test_parse_date_id(text: str, expected: dt.date) -> None:
    assert parse_date_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Januari 2024",
        "31 Februari 2024",
        "29 Februari 2023",
        "30 Foo 2024",
        "32/01/2024",
        "Jakarta, 30 Januari 2024",
    ],
)
def test_parse_date_id_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_date_id(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jakarta, 30 Januari 2024", ("Jakarta", dt.date(2024, 1, 30), "day")),
        ("30 Januari 2024", (None, dt.date(2024, 1, 30), "day")),
        ("Bandung, Maret 2016", ("Bandung", dt.date(2016, 3, 1), "month")),
        ("Bandung, Januari 2016", ("Bandung", dt.date(2016, 1, 1), "month")),
        ("Bandung,      2016", ("Bandung", dt.date(2016, 1, 1), "year")),
        ("Kota Bandung,   Januari 2016", ("Kota Bandung", dt.date(2016, 1, 1), "month")),
        ("Jakarta,\n30 Januari 2024", ("Jakarta", dt.date(2024, 1, 30), "day")),
        ("Jakarta, tanggal 30 Januari 2024", ("Jakarta", dt.date(2024, 1, 30), "day")),
        ("Surabaya, 02/01/2024", ("Surabaya", dt.date(2024, 1, 2), "day")),
    ],
)
def test_parse_place_date(text: str, expected: tuple[str | None, dt.date, str]) -> None:
    assert parse_place_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "Jakarta", "Jakarta,", "Direktur Jenderal Perbendaharaan,", "Jakarta, 31 Februari 2024"]
)
def test_parse_place_date_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_place_date(text)


YEAR_2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Januari s.d. 31 Desember Tahun 2024", YEAR_2024),
        ("PERIODE PENILAIAN: 1 Januari s.d. 31 Desember Tahun 2024", YEAR_2024),
        ("KEMENTERIAN KEUANGAN PERIODE PENILAIAN: 1 Januari s.d. 31 Desember Tahun 2024", YEAR_2024),
        ("1 Januari 2024 s.d. 31 Desember 2024", YEAR_2024),
        ("Januari s.d. Desember 2024", YEAR_2024),
        ("1 Januari 2024 s/d 31 Desember 2024", YEAR_2024),
        ("01/01/2024 s.d. 31/12/2024", YEAR_2024),
        ("Januari sampai dengan Juni 2024", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
        ("Juli s.d. Juni 2024", (dt.date(2023, 7, 1), dt.date(2024, 6, 30))),
    ],
)
def test_parse_assessment_period(text: str, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_assessment_period(text) == expected


@pytest.mark.parametrize(
    "text", ["", "PERIODE PENILAIAN:", "Januari s.d. Desember", "1 Januari 2025 s.d. 31 Desember 2024"]
)
def test_parse_assessment_period_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_assessment_period(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TAHUN 2024", 2024),
        ("RINCIAN TARGET KINERJA ... TAHUN 2024", 2024),
        ("Program/Kegiatan Tahun 2024 Anggaran", 2024),
        ("30-01-2024", 2024),
        ("NIP 196801201992011003", None),
        ("Rp 7.315.466.938.000", None),
        ("BA 999.03", None),
        ("1989 2100", None),
        ("", None),
    ],
)
def test_find_year(text: str, expected: int | None) -> None:
    assert find_year(text) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Q1", "Q1"), ("TW I", "Q1"), ("TW 1", "Q1"), ("Triwulan I", "Q1"), ("Tw.I", "Q1"),
        ("Q2", "Q2"), ("Triwulan II", "Q2"), ("q2", "Q2"),
        ("Smt 1", "S1"), ("Smt. 1", "S1"), ("Smt.1", "S1"), ("Semester I", "S1"), ("S1", "S1"),
        ("Q3", "Q3"), ("TW III", "Q3"),
        ("s.d. Q3", "YTD_Q3"), ("s.d.Q3", "YTD_Q3"), ("sd Q3", "YTD_Q3"), ("s/d Q3", "YTD_Q3"),
        ("s.d. TW III", "YTD_Q3"), ("S.D. Q3", "YTD_Q3"),
        ("Q4", "Q4"), ("TW IV", "Q4"), ("Triwulan 4", "Q4"),
        ("@1", "Q1"), ("Qi", "Q1"), ("s.d.@3", "YTD_Q3"),  # OCR's readings of the Rincian scan's header
        ("Y", "Y"), ("Tahunan", "Y"), ("Tahun", "Y"), ("Target Tahunan", "Y"), ("TAHUNAN", "Y"),
        ("Y,", "Y"), ("Q4.", "Q4"), ("\u2018Q1", "Q1"), ("Smt. 1;", "S1"),  # a speck by the label, read as a mark
    ],
)
def test_parse_period(label: str, expected: str) -> None:
    assert parse_period(label) == expected


def test_seed_period_headers() -> None:
    rincian = ["Q1", "Q2", "Smt 1", "Q3", "s.d. Q3", "Q4", "Y"]
    lampiran = ["Q1", "Q2", "Smt.1", "Q3", "s.d.Q3", "Q4", "Y"]
    expected = ["Q1", "Q2", "S1", "Q3", "YTD_Q3", "Q4", "Y"]
    assert [parse_period(p) for p in rincian] == expected
    assert [parse_period(p) for p in lampiran] == expected


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Q1", "TW II", "Smt. 1", "s.d. Q3", "Triwulan IV", "Y", "Target Tahunan"]),
    st.text(".,;:'\"`\u2018\u2019", max_size=2),
    st.text(".,;:'\"`\u2018\u2019", max_size=2),
)
def test_marks_glued_to_a_period_label_do_not_change_it(label: str, before: str, after: str) -> None:
    assert parse_period(before + label + after) == parse_period(label)


@pytest.mark.parametrize("label", ["", "Q5", "Smt 2", "s.d. Q2", "Target", "Juni", ",", "Y,Q1", "Q5."])
def test_parse_period_rejects(label: str) -> None:
    with pytest.raises(ParseError):
        parse_period(label)
