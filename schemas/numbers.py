"""Indonesian numbers, Rupiah amounts and percentages.

'.' groups thousands and ',' is the decimal mark: '1.234' is 1234, '3,25' is 3.25. Babel's
parse_decimal is not used: without strict=True it reads '3.25' as 325 (see PITFALLS.md), and
a hand-written grammar is short and says exactly what is accepted.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from schemas.errors import ParseError
from schemas.text import squash

# Digits are ASCII on purpose: re's \d would also take Arabic-Indic and other digits.
_NUMBER = re.compile(
    r"""
    (?P<sign>[+\-\u2212])?\s*
    (?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)
    (?:,(?P<frac>[0-9]+))?
    """,
    re.VERBOSE,
)

SCALE_WORDS: dict[str, int] = {
    "ribu": 3,
    "rb": 3,
    "juta": 6,
    "jt": 6,
    "miliar": 9,
    "milyar": 9,
    "triliun": 12,
}
# In a Rupiah amount the one-letter short forms too: 'Rp 1,25 M' is miliar (10^9, never the
# English million) and 'T' triliun. Not in targets, where '1.500 m' is metres.
RUPIAH_SCALES: dict[str, int] = SCALE_WORDS | {"m": 9, "t": 12}

_RUPIAH = re.compile(
    r"""
    (?P<sign1>[+\-\u2212])?\s*
    (?:(?:Rp|IDR)\.?\s*)?
    (?P<number>[+\-\u2212]?\s*[0-9][0-9.,]*?)
    (?:\s*(?P<scale>[A-Za-z]+))?
    (?:\s*[,.]\s*-+)?
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)

# An amount printed with English marks, ',' grouping thousands and '.' before the cents
# ('23,665,554,229.00', '1,459,000.00'): two ',' groups, or one followed by cents, are never
# an Indonesian number (whose one ',' is the decimal mark), so reading them is no guess.
# 'Rp 1,234' stays an error: it may be Indonesian 1,234.
_ENGLISH_AMOUNT = re.compile(r"(?P<sign>[+\-\u2212]?\s*)(?P<int>[0-9]{1,3}(?:,[0-9]{3}){2,}|[0-9]{1,3},[0-9]{3}(?=\.))(?:\.(?P<cents>[0-9]{1,2}))?")

_PERCENT = re.compile(r"(?P<number>.*?)\s*(?:%|persen)", re.IGNORECASE | re.DOTALL | re.ASCII)

_CENTS = Decimal("0.01")


def parse_number(text: str) -> Decimal:
    """'1.234.567,00' -> Decimal('1234567.00'); '3,25' -> 3.25; '-5' -> -5.

    Thousands groups must have exactly three digits, so '1.23' is an error, not 1.23.
    """
    match = _NUMBER.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ParseError("an Indonesian number", text)
    digits = match["int"].replace(".", "")
    if match["frac"] is not None:
        digits += "." + match["frac"]
    value = Decimal(digits)
    return -value if match["sign"] in ("-", "\u2212") else value


def parse_rupiah(text: str) -> Decimal:
    """A Rupiah amount, quantized to 2 places.

    'Rp. 79.534.353.000', 'Rp79.534.353.000', 'Rp 1.234.567.000,00', 'Rp 5.000,-',
    'IDR 5.000', 'Rp1,2 triliun', '1,5 miliar', a bare number, 'Rp. 23,665,554,229.00'
    (English marks, _ENGLISH_AMOUNT). An amount that would need
    rounding to fit 2 places ('Rp 1,234') is an error rather than silently changed.
    """
    match = _RUPIAH.fullmatch(squash(text)) if isinstance(text, str) else None
    if match is None:
        raise ParseError("a Rupiah amount", text)
    exponent = 0
    if match["scale"] is not None:
        scale = match["scale"].lower()
        if scale not in RUPIAH_SCALES:
            raise ParseError("a Rupiah amount", text, f"unknown scale word {match['scale']!r}")
        exponent = RUPIAH_SCALES[scale]
    number = match["number"]
    if (english := _ENGLISH_AMOUNT.fullmatch(number)) is not None:
        number = english["sign"] + english["int"].replace(",", ".") + ("," + english["cents"] if english["cents"] else "")
    if match["scale"] is None and re.search(r",[0-9]{3,}$", number):
        # cents have two digits: ',950' is a thousands mark misread ('Rp 355.653.690,950'), not 0,95
        raise ParseError("a Rupiah amount", text, "three or more digits after the decimal comma")
    if match["sign1"] is not None:
        if number[0] in "+-\u2212":
            raise ParseError("a Rupiah amount", text, "two signs")
        number = match["sign1"] + number
    try:
        value = parse_number(number)
    except ParseError:
        raise ParseError("a Rupiah amount", text) from None
    try:
        with localcontext() as ctx:
            ctx.prec = 60
            ctx.traps[InvalidOperation] = True
            amount = value.scaleb(exponent)
            quantized = amount.quantize(_CENTS)
    except InvalidOperation:
        raise ParseError("a Rupiah amount", text, "too large") from None
    if quantized != amount:
        raise ParseError("a Rupiah amount", text, "more than 2 decimal places of Rupiah")
    return quantized


def parse_percent(text: str) -> Decimal:
    """'15,91%' -> Decimal('15.91'); '15,91 %' and '15,91 persen' too. The sign is required."""
    match = _PERCENT.fullmatch(squash(text)) if isinstance(text, str) else None
    if match is None:
        raise ParseError("a percentage", text)
    try:
        return parse_number(match["number"])
    except ParseError:
        raise ParseError("a percentage", text) from None


def format_number(value: Decimal, places: int | None = None) -> str:
    """Indonesian format: Decimal('1234567.5') -> '1.234.567,5'; places fixes the decimals."""
    if not value.is_finite():
        raise ValueError(f"cannot format {value!r}")
    if places is not None:
        with localcontext() as ctx:
            ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
            value = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if value.is_signed() and value != 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def format_rupiah(amount: Decimal) -> str:
    """Decimal('7315466938000') -> 'Rp 7.315.466.938.000'; cents only when not zero."""
    text = format_number(amount, 2)
    text = text.removesuffix(",00")
    if text.startswith("-"):
        return "-Rp " + text[1:]
    return "Rp " + text


# Where a budget's funding-source column runs into its amount column (a scan whose rule was
# not seen, a merged cell): 'Rp. 150.000.000,00 APBD', 'Rp. 49.898.816.000,00 Sumber
# Pembiayaan dari APBD Jawa Barat Tahun 2016'. The note names a source and holds no figure
# but a year, so a cell of two amounts ('Rp 1.000.000 APBD Rp 2.000.000 APBN') keeps failing.
_FUNDING_NOTE = re.compile(
    r"\s+\(?(?:sumber\s+(?:dana|pembiayaan)|apbd|apbn|apbdes|dak|dau|dbh|blud|pnbp|bok|bos|dana\s+desa|hibah|phln|sbsn)\b"
    r"(?:[^\d]|(?<!\d)(?:19|20)\d{2}(?!\d))*$",
    re.IGNORECASE,
)


def parse_budget_amount(text: str) -> Decimal:
    """A budget cell's Rupiah amount (parse_rupiah), also when a funding-source note follows it."""
    try:
        return parse_rupiah(text)
    except ParseError as exc:
        note = _FUNDING_NOTE.search(text) if isinstance(text, str) else None
        if note is None:
            raise
        try:
            return parse_rupiah(text[: note.start()])
        except ParseError:
            raise exc from None
