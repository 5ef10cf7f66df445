"""Visible signature blocks: place/date, jabatan, e-sign mark or signature space, name, NIP."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.page import Segment
from schemas.dates import parse_place_date
from schemas.errors import ParseError
from schemas.records import BBox, RawRecord
from schemas.text import fold, join_wrapped, strip_label

E_SIGN = re.compile(r"ditandatangani\s+secara\s+elektronik")
NIP_LINE = re.compile(r"^nip\b\.?\s*[:.]?\s*(?:[\d][\d .]*|-)?$", re.IGNORECASE)
PARTY = re.compile(r"^pihak\s+(pertama|kedua)\b")
MAX_BLOCK_WIDTH = 0.55  # of the page width: wider lines are body text, not a signature block
LINK_GAP = 5.0  # font sizes: the largest vertical gap inside one block (room for a wet signature)


@dataclass
class Block:
    segments: list[Segment]
    section: str | None

    @property
    def bbox(self) -> BBox:
        return (
            min(s.x0 for s in self.segments),
            min(s.top for s in self.segments),
            max(s.x1 for s in self.segments),
            max(s.bottom for s in self.segments),
        )


def _linked(a: Segment, b: Segment) -> bool:
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    gap = lower.top - upper.bottom
    if gap > LINK_GAP * max(upper.size, lower.size):
        return False
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    centred = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < 40
    return overlap > 0 or centred


def _is_anchor(seg: Segment) -> bool:
    text = fold(seg.text)
    return bool(E_SIGN.search(text) or NIP_LINE.match(seg.text.strip()))


def find_blocks(segments: Sequence[tuple[Segment, str | None]], page_width: float) -> list[Block]:
    """Group the narrow text segments of a page into columns; keep those with a signature mark."""
    cands = [(s, sec) for s, sec in segments if (s.x1 - s.x0) <= MAX_BLOCK_WIDTH * page_width]
    parent = list(range(len(cands)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(cands)):
        for j in range(i + 1, len(cands)):
            if _linked(cands[i][0], cands[j][0]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(cands)):
        groups.setdefault(root(i), []).append(i)
    blocks: list[Block] = []
    for members in groups.values():
        segs = sorted((cands[i][0] for i in members), key=lambda s: (s.top, s.x0))
        if not any(_is_anchor(s) for s in segs):
            continue
        sections = [cands[i][1] for i in members if cands[i][1]]
        blocks.append(Block(segs, sections[-1] if sections else None))
    return reading_order(blocks)


def reading_order(blocks: list[Block]) -> list[Block]:
    """Rows of side-by-side blocks (vertical extents overlap) top to bottom, each left to right."""
    rows: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: b.bbox[1]):
        if rows and any(min(block.bbox[3], o.bbox[3]) > max(block.bbox[1], o.bbox[1]) for o in rows[-1]):
            rows[-1].append(block)
        else:
            rows.append([block])
    return [b for row in rows for b in sorted(row, key=lambda b: b.bbox[0])]


def _lines(block: Block) -> list[Segment]:
    """Segments of a block merged per baseline (a role may sit in two segments)."""
    out: list[Segment] = []
    for seg in block.segments:
        if out and abs(seg.top - out[-1].top) < 0.5 * seg.size:
            prev = out[-1]
            out[-1] = Segment(prev.text + " " + seg.text, min(prev.x0, seg.x0), max(prev.x1, seg.x1), min(prev.top, seg.top), max(prev.bottom, seg.bottom), prev.size, prev.bold)
        else:
            out.append(seg)
    return out


def parse_block(block: Block, page: int) -> RawRecord:
    lines = _lines(block)
    place_date: str | None = None
    party: str | None = None
    nip: str | None = None
    electronic = False
    before: list[Segment] = []
    after: list[Segment] = []
    mark_seen = False
    for seg in lines:
        text = seg.text.strip()
        folded = fold(text)
        if E_SIGN.search(folded):
            electronic = mark_seen = True
            continue
        if NIP_LINE.match(text):
            nip = text
            continue
        m = PARTY.match(folded)
        if m:
            party = m.group(1)
            rest = text[m.end() :].strip(" ,:")
            if rest:
                before.append(seg)
            continue
        if place_date is None and not before and not mark_seen:
            try:
                parse_place_date(text)
            except ParseError:
                pass
            else:
                place_date = text
                continue
        (after if mark_seen else before).append(seg)
    if not mark_seen:
        before, after = _split_at_signature_space(before)
    return RawRecord(
        kind="signature",
        section=block.section,
        page=page,
        bbox=block.bbox,
        fields={
            "place_date": place_date,
            "role": strip_label(join_wrapped([s.text for s in before])) or None,
            "name": join_wrapped([s.text for s in after]) or None,
            "nip": nip,
            "electronic": "true" if electronic else "false",
            "party": party,
        },
    )


def _split_at_signature_space(lines: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    """Without an e-sign mark the name follows the widest vertical gap (the signature space)."""
    if len(lines) < 2:
        return [], lines
    gaps = [(lines[i + 1].top - lines[i].bottom, i) for i in range(len(lines) - 1)]
    widest, at = max(gaps)
    if widest > 1.5 * lines[at].size:
        return lines[: at + 1], lines[at + 1 :]
    return lines[:-1], lines[-1:]


def share_place_date(records: list[RawRecord]) -> list[RawRecord]:
    """A place/date line printed over one block of a row of blocks dates every block of that row."""
    out: list[RawRecord] = []
    for rec in records:
        if rec.fields.get("place_date") is None and rec.bbox is not None:
            for other in records:
                if other is rec or other.page != rec.page or other.bbox is None or not other.fields.get("place_date"):
                    continue
                if min(rec.bbox[3], other.bbox[3]) - max(rec.bbox[1], other.bbox[1]) > 0:
                    fields = dict(rec.fields, place_date=other.fields["place_date"], place_date_shared="true")
                    rec = rec.model_copy(update={"fields": fields})
                    break
        out.append(rec)
    return out
