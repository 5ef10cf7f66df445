"""The SKP's text parts: PERILAKU KERJA items and the Lampiran's Dukungan Sumber Daya."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from schemas.records import RawRecord
from schemas.text import fold, join_wrapped

ITEM_START = re.compile(r"^(\d{1,2})[.)]?(?:\s+(\S.*))?$")
BULLET = re.compile(r"^[-\u2013\u2022\u25cf\u00b7]\s*(.*)$")
EXPECTATION = re.compile(r"^ekspektasi khusus pimpinan\s*:?", re.IGNORECASE)


def behaviour_records(lines: Iterable[tuple[str, int]], *, section: str = "skp") -> Iterator[RawRecord]:
    """Lines (text, page) of a PERILAKU KERJA part -> one record per numbered behaviour.

    '1 Berorientasi Pelayanan' opens an item; '- ...' opens a criterion; 'Ekspektasi Khusus
    Pimpinan:' opens the expectation; any other line continues what is open.
    """
    current: dict | None = None
    target = "name"

    def emit(item: dict) -> RawRecord:
        return RawRecord(
            kind="behaviour",
            section=section,
            page=item["page"],
            fields={
                "no": item["no"],
                "behaviour": join_wrapped(item["name"]),
                "criteria": "\n".join(join_wrapped(c) for c in item["criteria"] if c),
                "expectation": join_wrapped(item["expectation"]) or None,
            },
        )

    for text, page in lines:
        text = text.strip()
        if not text:
            continue
        m = ITEM_START.match(text)
        expected_no = 1 if current is None else int(current["no"]) + 1
        if m and int(m.group(1)) == expected_no:
            if current is not None:
                yield emit(current)
            current = {"no": m.group(1), "name": [m.group(2) or ""], "criteria": [], "expectation": [], "page": page}
            target = "name"
            continue
        if current is None:
            continue
        if EXPECTATION.match(text):
            target = "expectation"
            rest = EXPECTATION.sub("", text).strip()
            if rest:
                current["expectation"].append(rest)
            continue
        b = BULLET.match(text)
        if b and target != "expectation":
            current["criteria"].append([b.group(1)])
            target = "criteria"
            continue
        if target == "criteria":
            current["criteria"][-1].append(text)
        elif target == "expectation":
            current["expectation"].append(text)
        else:
            current["name"].append(text)
    if current is not None:
        yield emit(current)


def resource_records(lines: Iterable[tuple[str, int]], *, section: str = "skp_lampiran") -> Iterator[RawRecord]:
    """Numbered items of DUKUNGAN SUMBER DAYA, wrapped lines joined."""
    items: list[tuple[str, list[str], int]] = []
    for text, page in lines:
        m = ITEM_START.match(text.strip())
        if m:
            items.append((m.group(1), [m.group(2) or ""], page))
        elif items and text.strip():
            items[-1][1].append(text.strip())
    for no, parts, page in items:
        yield RawRecord(kind="skp_resource", section=section, page=page, fields={"no": no, "text": join_wrapped(parts)})


def is_heading(text: str) -> bool:
    """An upper-case heading line such as 'SKEMA PERTANGGUNGJAWABAN'."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.85 and not fold(text).startswith("nip")
