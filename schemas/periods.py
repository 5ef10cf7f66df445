"""Period column labels of Rincian / Lampiran target tables -> Period."""

from __future__ import annotations

import re

from schemas.errors import ParseError
from schemas.records import Period

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER = r"(?P<n>iv|i{1,3}|[1-4])"

# 's.d.' = sampai dengan (up to and including): cumulative to the end of that period.
_CUMULATIVE = re.compile(r"(?:s\s*\.?\s*d\s*\.?|s\s*/\s*d|sampai\s+dengan)\s*(?P<rest>.+)")
# '@' is OCR's reading of a 'Q' ('@1', 's.d.@3'); no printed label has one.
_QUARTER = re.compile(rf"(?:q|@|tw|trw|triwulan|kuartal)\s*\.?\s*(?:ke\s*-?\s*)?{_NUMBER}")
_SEMESTER = re.compile(rf"(?:s|sm|smt|smstr|semester)\s*\.?\s*(?:ke\s*-?\s*)?{_NUMBER}")
_YEAR = re.compile(r"(?:target\s+)?(?:y|fy|tahun|tahunan|annual|thn)")
_TRAILING_YEAR = re.compile(r"\s+(?:19|20)[0-9]{2}$")
# A speck by a short label reads as a mark glued to it ('Y,', "'Q4", 'Q1.'): no label starts
# or ends with one ('s.d.' and 'Smt.' are followed by their number).
_STRAY_MARKS = ".,;:'\"`\u2018\u2019\u201c\u201d"


def parse_period(label: str) -> Period:
    """'Q1', 'TW I', 'Triwulan I', 'Smt. 1', 'Semester I', 's.d. Q3', 'Y', 'Target Tahunan'.

    Only the periods the warehouse knows are accepted: a second semester or a cumulative
    period other than 's.d. Q3' is an error, not a guess.
    """
    if not isinstance(label, str):
        raise ParseError("a period", label)
    text = _TRAILING_YEAR.sub("", " ".join(label.split()).casefold().strip(_STRAY_MARKS).strip())
    cumulative = _CUMULATIVE.fullmatch(text)
    if cumulative is not None:
        if _number_of(_QUARTER, cumulative["rest"]) == 3:
            return "YTD_Q3"
        raise ParseError("a period", label, "only 's.d. Q3' is a known cumulative period")
    quarter = _number_of(_QUARTER, text)
    if quarter is not None:
        return ("Q1", "Q2", "Q3", "Q4")[quarter - 1]
    if _number_of(_SEMESTER, text) == 1:
        return "S1"
    if _YEAR.fullmatch(text):
        return "Y"
    raise ParseError("a period", label)


def _number_of(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.fullmatch(text.strip())
    if match is None:
        return None
    n = match["n"]
    return _ROMAN[n] if n in _ROMAN else int(n)
