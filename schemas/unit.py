"""Which unit and which fiscal year a document is about, from its titles, signers and SKP header."""

from __future__ import annotations

import re

from schemas.records import Party, RawRecord, Signature, SkpHeader
from schemas.text import squash

UNIT_OF_EMPLOYEES = re.compile(r"pegawai\s+pada\s+(?:unit\s+)?(.+)$", re.IGNORECASE)
TITLE_YEAR = re.compile(r"\btahun\s+(?:anggaran\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)


UNIT_OF_POSITION: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^direktur jenderal\s+(.+)$", re.I), "Direktorat Jenderal {}"),
    (re.compile(r"^kepala\s+(dinas|badan|biro|kantor|bagian|bidang|pusat|sekretariat|balai)\s+(.+)$", re.I), "{} {}"),
    (re.compile(r"^direktur\s+(.+)$", re.I), "Direktorat {}"),
)
SMALL_WORDS = {"dan", "dalam", "yang", "pada", "di", "ke", "dari", "untuk", "atau"}
ROMAN = re.compile(r"^[IVX]+$")
UNIT_NAME = re.compile(
    r"^(kantor|direktorat|dinas|badan|biro|sekretariat|inspektorat|balai|pusat|kementerian|kppn|kanwil)\b", re.IGNORECASE
)
NOT_A_UNIT_LINE = re.compile(r"\btahun\b|^(perjanjian|rincian|lampiran|sasaran|kepala|periode)\b", re.IGNORECASE)


def _title_case(text: str) -> str:
    """'KANTOR ... MEDAN II' -> 'Kantor ... Medan II' (text already in mixed case is kept)."""
    if not text.isupper():
        return text
    words = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if ROMAN.match(word) or (len(word) <= 4 and not re.search(r"[AEIOU]", word)):
            words.append(word)  # 'II', 'KPPN', 'DJP'
        elif i and lower in SMALL_WORDS:
            words.append(lower)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


def unit_of_position(position: str) -> str | None:
    """'Kepala Kantor Wilayah DJPb Provinsi X' -> 'Kantor Wilayah DJPb Provinsi X'."""
    position = _title_case(squash(position).rstrip(","))
    for pattern, template in UNIT_OF_POSITION:
        m = pattern.match(position)
        if m:
            return template.format(*(g[:1].upper() + g[1:] for g in m.groups()))
    return None


def infer_unit(
    skp: SkpHeader | None,
    resources: list[RawRecord],
    parties: list[Party],
    titles: list[RawRecord],
    signatures: list[Signature],
) -> str | None:
    """The unit the agreement is about: the SKP's unit, the head count's unit, the first
    party's office, a title naming a head of office, a signer's office -- in that order."""
    if skp is not None and skp.appraisee_unit:
        return skp.appraisee_unit.split(",")[0].strip()
    for rec in resources:
        m = UNIT_OF_EMPLOYEES.search(rec.fields.get("text") or "")
        if m:
            return squash(m.group(1))
    positions = [p.position for p in parties if p.party == "first" and p.position]
    positions += _title_blocks(titles)
    positions += [s.role for s in signatures if s.role]
    for position in positions:
        unit = unit_of_position(position)
        if unit:
            return unit
        if UNIT_NAME.match(position):
            return _title_case(position)
    return None


def _title_blocks(titles: list[RawRecord]) -> list[str]:
    """Title lines with the lines that continue them ('... KEKAYAAN NEGARA JAWA' / 'TIMUR')."""
    out: list[str] = []
    i = 0
    while i < len(titles):
        text = titles[i].fields.get("text") or ""
        j = i + 1
        while j < len(titles) and _continues(titles[j - 1], titles[j]):
            text += " " + (titles[j].fields.get("text") or "")
            j += 1
        out.append(squash(text))
        i = j
    return out


def _continues(upper: RawRecord, lower: RawRecord) -> bool:
    if upper.page != lower.page or upper.bbox is None or lower.bbox is None:
        return False
    height = upper.bbox[3] - upper.bbox[1]
    text = lower.fields.get("text") or ""
    return 0 <= lower.bbox[1] - upper.bbox[3] < 0.8 * height and not NOT_A_UNIT_LINE.search(text) and not UNIT_NAME.match(text)


def infer_year(skp: SkpHeader | None, titles: list[RawRecord], signatures: list[Signature]) -> int | None:
    if skp is not None and skp.fiscal_year:
        return skp.fiscal_year
    for rec in titles:
        m = TITLE_YEAR.search(rec.fields.get("text") or "")
        if m:
            return int(m.group(1))
    dated = [s.signed_on.year for s in signatures if s.signed_on]
    return dated[0] if dated else None


# 'REVISI I', 'Revisi ke-2', 'PERUBAHAN KEDUA', '(ADDENDUM)': printed in the title block of a re-issued agreement.
REVISION = re.compile(
    r"\b(revisi|perubahan|addendum)\b(?:\s+(?:ke\s*-?\s*)?(pertama|kedua|ketiga|keempat|kelima|[ivx]{1,4}|\d{1,2})\b)?", re.IGNORECASE
)
AGREEMENT_TITLE = re.compile(r"perjanjian kinerja|penetapan kinerja|rincian target|sasaran kinerja pegawai", re.IGNORECASE)
ORDINALS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5}
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def infer_revision(titles: list[RawRecord]) -> str | None:
    """The revision an agreement states in its title block ('REVISI I'), as printed; None for
    an original. A title line counts when it names the agreement or is nothing but the revision
    ('Perubahan RKA' in a table is not a revision of the document)."""
    for text in _title_blocks(titles):
        m = REVISION.search(text)
        if m is None:
            continue
        rest = (text[: m.start()] + text[m.end() :]).strip(" ()-:,.")
        if AGREEMENT_TITLE.search(text) or not rest:
            return squash(m.group(0)).upper()
    return None


def revision_number(label: str | None) -> int:
    """'REVISI II' -> 2, 'PERUBAHAN KEDUA' -> 2, 'REVISI' -> 1; no label (an original) -> 0."""
    if label is None:
        return 0
    m = REVISION.search(label)
    number = (m.group(2) or "").lower() if m else ""
    if number.isdigit():
        return int(number)
    if number in ORDINALS:
        return ORDINALS[number]
    if number:
        return _roman(number)
    return 1


def _roman(numeral: str) -> int:
    values = [ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
