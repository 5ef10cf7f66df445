"""NIP (Nomor Induk Pegawai): 18 digits = birth YYYYMMDD, appointment YYYYMM, sex, sequence."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from schemas.errors import ParseError
from schemas.records import Nip

NIP_LENGTH = 18
_LABEL = re.compile(r"^\s*NIP\b\s*[.:]?\s*", re.IGNORECASE)
_DASHES = frozenset("-\u2013\u2014\u2212")
# Printed NIPs are grouped by spaces ('19670720 199903 1 005'); other separators mean it is
# some other number.
_DIGIT_RUN = re.compile(r"[0-9]+(?:\s+[0-9]+)*")
_SEXES: dict[str, Literal["male", "female"]] = {"1": "male", "2": "female"}
MIN_APPOINTMENT_AGE = 15
MAX_APPOINTMENT_AGE = 60


def parse_nip(text: str) -> Nip | None:
    """'NIP 196801201992011003' -> Nip(valid=True, birth_date=1968-01-20, ...).

    No NIP ('', '-', 'NIP -', as printed for ministers) is None. A digit run that does not
    decode is returned with valid=False and the reason in `problem`; anything else is an error.
    """
    if not isinstance(text, str):
        raise ParseError("a NIP", text)
    rest = _LABEL.sub("", text, count=1).strip()
    if not rest or set(rest) <= _DASHES:
        return None
    if _DIGIT_RUN.fullmatch(rest) is None:
        raise ParseError("a NIP", text, "not a run of digits")
    return decode_nip("".join(rest.split()))


def decode_nip(digits: str) -> Nip:
    """Decode 18 ASCII digits; every problem found is listed in `problem`."""
    if len(digits) != NIP_LENGTH:
        return Nip(digits=digits, valid=False, problem=f"{len(digits)} digits, expected {NIP_LENGTH}")
    problems: list[str] = []
    birth = _date_or_none(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    if birth is None:
        problems.append(f"impossible birth date {digits[0:8]}")
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        problems.append(f"impossible appointment month {digits[8:14]}")
    elif birth is not None:
        age = _age_on(birth, dt.date(year, month, 1)) if year >= 1 else -1
        if age < MIN_APPOINTMENT_AGE:
            problems.append(f"appointed {year:04d}-{month:02d} before age {MIN_APPOINTMENT_AGE}")
        elif age > MAX_APPOINTMENT_AGE:
            problems.append(f"appointed {year:04d}-{month:02d} after age {MAX_APPOINTMENT_AGE}")
    sex = _SEXES.get(digits[14])
    if sex is None:
        problems.append(f"sex digit {digits[14]} is neither 1 nor 2")
    sequence = int(digits[15:18])
    if sequence == 0:
        problems.append("sequence 000")
    return Nip(
        digits=digits,
        valid=not problems,
        birth_date=birth,
        appointed_year=year,
        appointed_month=month if 1 <= month <= 12 else None,
        sex=sex,
        sequence=sequence,
        problem="; ".join(problems) or None,
    )


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
