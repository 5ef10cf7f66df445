"""The PK statement page: 'Nama : ...', 'Jabatan : ...', '... selanjutnya disebut PIHAK PERTAMA'."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from schemas.records import RawRecord
from schemas.text import fold, join_spaced_letters, join_wrapped

# 'Nama : Budi', 'NIP. 1970...', and without the colon (lost in a scan's text layer, or a
# NIP printed on its own line under the Jabatan): 'Nama Budi', 'NIP 1970...'.
FIELD = re.compile(
    r"^(nama|jabatan|nip|pangkat(?:\s*/\s*gol(?:ongan)?\.?(?:\s*ruang)?)?|golongan|unit kerja|instansi)(?:\s*[:.]\s*|\s+)(.*)$",
    re.IGNORECASE,
)
DESIGNATION = re.compile(r"\bdisebut\b.*?\bpihak\s+(pertama|kesatu|kedua|i{1,2})\b", re.IGNORECASE)
FIELD_NAMES = {"nama": "name", "jabatan": "position", "nip": "nip", "golongan": "rank", "unit kerja": "unit", "instansi": "unit"}
PARTY = {"pertama": "first", "kesatu": "first", "i": "first", "kedua": "second", "ii": "second"}


def _field_name(label: str) -> str:
    folded = fold(label)
    return "rank" if folded.startswith("pangkat") else FIELD_NAMES.get(folded, folded)


def party_records(lines: Iterable[tuple[str, int]]) -> Iterator[RawRecord]:
    """Lines (text, page) in reading order -> one record per party introduced."""
    fields: dict[str, list[str]] = {}
    current: str | None = None
    page = 0
    for text, pg in lines:
        text = text.strip()
        m = FIELD.match(join_spaced_letters(text))
        d = DESIGNATION.search(text)
        if m and not d:
            current = _field_name(m.group(1))
            if current == "name":
                fields = {}  # a party's block opens with its name: nothing before it is its own
            fields[current] = [m.group(2)] if m.group(2) else []
            page = pg
            continue
        if d:
            designations = re.findall(r"\bpihak\s+(pertama|kesatu|kedua|i{1,2})\b", text, re.IGNORECASE)
            if "name" in fields:
                yield RawRecord(
                    kind="party",
                    section="pk_statement",
                    page=page,
                    fields={
                        "party": PARTY[designations[-1].lower()],
                        **{k: join_wrapped(v) or None for k, v in fields.items()},
                    },
                )
            fields, current = {}, None
            continue
        if current is not None and text and not text[:1].isdigit():
            fields[current].append(text)  # a wrapped 'Jabatan' continues on the next line
        else:
            current = None
