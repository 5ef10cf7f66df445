"""Indonesian dates: '30 Januari 2024', 'Jakarta, 30 Januari 2024', assessment periods."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from schemas.errors import ParseError

DatePrecision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agust": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}

# re.ASCII on every pattern that captures a month: with Unicode case folding 'ſep' would
# match 'sep' and then miss the MONTHS lookup.
# Longest names first so 'Juni' is not read as 'Jun' + 'i'.
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"[0-9]{4}"

_WORD_DATE = rf"(?:(?P<day>[0-9]{{1,2}})\s+)?(?P<month>{_MONTH})\b\.?\s+(?P<year>{_YEAR})"
_NUMERIC_DATE = rf"(?P<nday>[0-9]{{1,2}})(?P<sep>[-/.])(?P<nmonth>[0-9]{{1,2}})(?P=sep)(?P<nyear>{_YEAR})"
_ISO_DATE = rf"(?P<iyear>{_YEAR})-(?P<imonth>[0-9]{{2}})-(?P<iday>[0-9]{{2}})"

_DATE = re.compile(rf"(?:{_WORD_DATE}|{_NUMERIC_DATE}|{_ISO_DATE})", re.IGNORECASE | re.ASCII)
_PLACE_DATE = re.compile(
    rf"""
    (?:(?P<place>.*?)[\s,]*?(?:\btanggal\b|\btgl\b\.?)?\s*)??
    (?:{_WORD_DATE}|{_NUMERIC_DATE}|{_ISO_DATE})
    [\s.]*
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL | re.ASCII,
)
_PLACE_YEAR = re.compile(rf"(?:(?P<place>[^,]*?)\s*,)?\s*(?P<year>{_YEAR})[\s.]*", re.DOTALL)

_UNTIL = r"(?:s\s*\.?\s*d\s*\.?|s\s*/\s*d|sd|sampai\s+dengan|hingga|[-\u2013\u2014])"
_PERIOD_END = rf"(?:(?P<d1>[0-9]{{1,2}})\s+)?(?P<m1>{_MONTH})\b\.?(?:\s+(?P<y1>{_YEAR}))?"
_PERIOD = re.compile(
    rf"""
    (?<![^\W_])(?:(?P<d0>[0-9]{{1,2}})\s+)?(?P<m0>{_MONTH})\b\.?(?:\s+(?P<y0>{_YEAR}))?
    \s*{_UNTIL}\s*
    {_PERIOD_END}
    (?:\s+tahun)?(?:\s+(?P<year>{_YEAR}))?
    """,
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)
_NUMERIC_PERIOD = re.compile(
    rf"(?P<a>[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.]{_YEAR})\s*{_UNTIL}\s*(?P<b>[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.]{_YEAR})",
    re.IGNORECASE | re.ASCII,
)
_STANDALONE_YEAR = re.compile(r"(?<![0-9])(?<![0-9][.,])(?:199[0-9]|20[0-9]{2})(?![0-9])(?![.,][0-9])")


def parse_date_id(text: str) -> dt.date:
    """'30 Januari 2024', '1 Jan 2024', '30-01-2024', '30/01/2024', '2024-01-30'."""
    match = _DATE.fullmatch(" ".join(text.split())) if isinstance(text, str) else None
    if match is None or (match["month"] is not None and match["day"] is None):
        raise ParseError("a date", text)
    date, _ = _date_of(match, text)
    return date


def parse_place_date(text: str) -> tuple[str | None, dt.date | None, DatePrecision | None]:
    """'Jakarta, 30 Januari 2024' -> ('Jakarta', date(2024, 1, 30), 'day').

    A signature line may leave the day or the month blank to be filled by hand:
    'Bandung, Maret 2016' -> 1 March, 'month'; 'Bandung,      2016' -> 1 January, 'year'.
    Text with no date in it is an error.
    """
    if not isinstance(text, str):
        raise ParseError("a place and date", text)
    squashed = " ".join(text.split())
    match = _PLACE_DATE.fullmatch(squashed)
    if match is not None:
        date, precision = _date_of(match, text)
        return _place(match["place"]), date, precision
    match = _PLACE_YEAR.fullmatch(squashed)
    if match is not None:
        year = int(match["year"])
        return _place(match["place"]), dt.date(year, 1, 1), "year"
    raise ParseError("a place and date", text, "no date")


def parse_assessment_period(text: str) -> tuple[dt.date, dt.date]:
    """'PERIODE PENILAIAN: 1 Januari s.d. 31 Desember Tahun 2024' -> (2024-01-01, 2024-12-31).

    A missing first day is the 1st, a missing last day the end of its month, a missing first
    year the last year (the year before it when the months would run backwards).
    """
    if not isinstance(text, str):
        raise ParseError("an assessment period", text)
    squashed = " ".join(text.split())
    numeric = _NUMERIC_PERIOD.search(squashed)
    if numeric is not None:
        start, end = parse_date_id(numeric["a"]), parse_date_id(numeric["b"])
    else:
        match = _PERIOD.search(squashed)
        if match is None:
            raise ParseError("an assessment period", text)
        end_year_text = match["year"] or match["y1"]
        if end_year_text is None:
            raise ParseError("an assessment period", text, "no year")
        end_year = int(end_year_text)
        m0, m1 = MONTHS[match["m0"].lower()], MONTHS[match["m1"].lower()]
        start_year = int(match["y0"]) if match["y0"] else end_year - (m0 > m1)
        d1 = int(match["d1"]) if match["d1"] else calendar.monthrange(end_year, m1)[1]
        start = _make_date(start_year, m0, int(match["d0"] or 1), text)
        end = _make_date(end_year, m1, d1, text)
    if start > end:
        raise ParseError("an assessment period", text, "ends before it starts")
    return start, end


def find_year(text: str) -> int | None:
    """The first 4-digit year 1990-2099 that is not part of a longer number ('TAHUN 2024')."""
    match = _STANDALONE_YEAR.search(text) if isinstance(text, str) else None
    return int(match.group()) if match else None


def _date_of(match: re.Match[str], text: str) -> tuple[dt.date, DatePrecision]:
    if match["month"] is not None:
        month = MONTHS[match["month"].lower()]
        if match["day"] is None:
            return _make_date(int(match["year"]), month, 1, text), "month"
        return _make_date(int(match["year"]), month, int(match["day"]), text), "day"
    if match["nday"] is not None:
        return _make_date(int(match["nyear"]), int(match["nmonth"]), int(match["nday"]), text), "day"
    return _make_date(int(match["iyear"]), int(match["imonth"]), int(match["iday"]), text), "day"


def _make_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError("a date", text, f"no such day {year:04d}-{month:02d}-{day:02d}") from None


def _place(text: str | None) -> str | None:
    if text is None:
        return None
    place = text.strip(" ,:")
    return place or None
