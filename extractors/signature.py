"""Visible signature blocks: place/date, jabatan, e-sign mark or signature space, name, NIP."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.geometry import area, overlaps, union, union_of, x_overlap, y_overlap
from extractors.layout import Segment
from extractors.page import PageLayout
from schemas.dates import parse_place_date
from schemas.errors import ParseError
from schemas.records import BBox, RawRecord
from schemas.text import fold, join_wrapped, strip_label

E_SIGN = re.compile(r"ditandatangani\s+secara\s+elektronik")
NIP_LINE = re.compile(r"^nip\b\.?\s*[:.]?\s*(?:[\d][\d .]*|-)?$", re.IGNORECASE)
NIP_ANCHOR = re.compile(r"^nip\b\.?\s*[:.]?\s*\d[\d .]{7,}$", re.IGNORECASE)  # a NIP with its digits
SENTENCE_END = (".", ":", ";")
PARTY = re.compile(r"^pihak\s+(pertama|kesatu|kedua)\b")
# The label over a block that acknowledges or approves the agreement (a superior, a witness)
ACKNOWLEDGED = re.compile(r"^(?:mengetahui|menyetujui)\b[\s,:]*", re.IGNORECASE)
MAX_BLOCK_WIDTH = 0.55  # of the page width: wider lines are body text, not a signature block
LINK_GAP = 8.0  # font sizes: the largest vertical gap inside one block (room for a wet signature)
REACH = 12.0  # font sizes: how far above its mark a block's jabatan may stand (a tall signature)
RANK = re.compile(r"^(pembina|penata|pengatur|juru)\b|\((?:i{1,3}|iv)\s*/\s*[a-e]\)", re.IGNORECASE)
BSRE_FOOTER = re.compile(r"\bbsre\b|balai sertifikasi elektronik")
BACKGROUND_IMAGE = 0.5  # of the page area: a scan or page background, not an ink mark
MARK_MARGIN = 36.0  # points: a signature or stamp image reaches beyond the text column
CENTRED = 40.0  # points: lines whose centres are this close stand in one centred column
PLACE_DATE_ABOVE = 2.5  # font sizes: a place/date line may stand this far above the row of blocks it dates


@dataclass
class Block:
    segments: list[Segment]
    section: str | None

    @property
    def bbox(self) -> BBox:
        box = union_of(self.segments)
        assert box is not None, "a block has at least one segment"
        return box


def _linked(a: Segment, b: Segment, obstacles: Sequence[BBox] = ()) -> bool:
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    gap = lower.top - upper.bottom
    if gap > LINK_GAP * max(upper.size, lower.size):
        return False
    if any(upper.bottom <= box[1] and box[3] <= lower.top for box in obstacles):
        return False  # a table stands between them: no block spans a table
    overlap = x_overlap((a.x0, a.x1), (b.x0, b.x1))
    centred = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < CENTRED
    return overlap > 0 or centred


def _is_body_text(text: str) -> bool:
    """A line of running text (mostly lower-case words, ending a sentence or long): such a
    line may bridge two signature columns, so it never joins one."""
    words = text.split()
    if len(words) < 4:
        return False
    lower = sum(w[:1].islower() for w in words)
    return lower * 2 >= len(words) and (text.rstrip().endswith(SENTENCE_END + (",",)) or len(words) >= 6)


def _is_anchor(seg: Segment) -> bool:
    text = fold(seg.text)
    return bool(E_SIGN.search(text) or NIP_ANCHOR.match(seg.text.strip()))


def find_blocks(segments: Sequence[tuple[Segment, str | None]], page_width: float, tables: Sequence[BBox] = ()) -> list[Block]:
    """Group the narrow text segments of a page into columns (never across one of its
    ``tables``); keep those with a signature mark."""
    cands = [(s, sec) for s, sec in _join_place_and_date(segments) if (s.x1 - s.x0) <= MAX_BLOCK_WIDTH * page_width and not _is_body_text(s.text)]
    parent = list(range(len(cands)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(cands)):
        for j in range(i + 1, len(cands)):
            if _linked(cands[i][0], cands[j][0], tables):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(cands)):
        groups.setdefault(root(i), []).append(i)
    anchored: list[Block] = []
    loose: list[list[Segment]] = []
    for members in groups.values():
        sections = [cands[i][1] for i in members if cands[i][1]]
        for segs in _stacked(sorted((cands[i][0] for i in members), key=lambda s: (s.top, s.x0))):
            if any(_is_anchor(s) for s in segs) or _acknowledges(segs):
                kept = _trim_segments(segs)
                loose.append([s for s in segs if s not in kept])
                anchored.append(Block(kept, sections[-1] if sections else None))
            else:
                loose.append(segs)
    return reading_order(_complete_rows(anchored, loose, tables))


def _acknowledges(segs: list[Segment]) -> bool:
    """'Mengetahui,' over a jabatan and, below the space for ink, a name: a signature block
    of someone who prints no NIP (a governor, a minister)."""
    labelled = [i for i, s in enumerate(segs) if ACKNOWLEDGED.match(s.text.strip())]
    return bool(labelled) and len(segs) - labelled[0] >= 3


def _stacked(column: list[Segment]) -> list[list[Segment]]:
    """A column of blocks one above the other (the parties, then those who acknowledge the
    agreement below them): a NIP line ends a block, a label ('PIHAK KEDUA,', 'Mengetahui,')
    starts one (with the place and date printed over it)."""
    blocks: list[list[Segment]] = [[]]
    for seg in column:
        text = seg.text.strip()
        labelled = ACKNOWLEDGED.match(text) or PARTY.match(fold(text))
        if labelled and any(not _is_place_date(s.text.strip()) for s in blocks[-1]):
            blocks.append([])
        blocks[-1].append(seg)
        if NIP_LINE.match(text):
            blocks.append([])
    return [b for b in blocks if b]


def _x_overlap(a: tuple[float, float], b: tuple[float, float], margin: float = 10.0) -> bool:
    return x_overlap(a, b) + margin > 0


def _complete_rows(anchored: list[Block], loose: list[list[Segment]], tables: Sequence[BBox] = ()) -> list[Block]:
    """Blocks side by side share their row: a role printed higher than the signature space
    allows, or a block with neither e-sign mark nor NIP (a governor, a minister) beside a
    marked one, belongs to the row all the same."""
    blocks = list(anchored)
    free = [s for segs in loose for s in segs]
    for row in _rows(anchored):
        bottom = max(b.bbox[3] for b in row)
        reach = min(b.bbox[1] for b in row) - REACH * row[0].segments[0].size
        reach = max([reach, *(box[3] for box in tables if box[3] <= min(b.bbox[1] for b in row))])  # not over a table
        widths = [(b, (b.bbox[0], b.bbox[2])) for b in row]  # as found: a line taken in must not widen its block
        for seg in [s for s in free if s.top >= reach and s.bottom <= bottom + s.size]:
            owners = [b for b, span in widths if _x_overlap((seg.x0, seg.x1), span)]
            if len(owners) == 1:
                owners[0].segments.append(seg)
                free.remove(seg)
        for block in row:
            kept = _trim_segments(sorted(block.segments, key=lambda s: (s.top, s.x0)))
            free.extend(s for s in block.segments if s not in kept)
            block.segments = kept
        top = min(b.bbox[1] for b in row)
        spans = [(b.bbox[0], b.bbox[2]) for b in row]
        leftovers = [
            s
            for s in free
            if s.top >= top - (PLACE_DATE_ABOVE if _is_place_date(s.text.strip()) else 0.5) * s.size
            and s.bottom <= bottom + s.size
            and not any(_x_overlap((s.x0, s.x1), span) for span in spans)
        ]
        for column in _columns(leftovers):
            lone = column[0].text.strip() if len(column) == 1 else ""
            # A lone jabatan beside a signed block: its name may exist only in an ink image.
            if len({round(s.top) for s in column}) >= 2 or (lone.isupper() and len(lone.split()) >= 2):
                blocks.append(Block(sorted(column, key=lambda s: (s.top, s.x0)), row[0].section))
                for seg in column:
                    free.remove(seg)
    return blocks


def _join_place_and_date(segments: Sequence[tuple[Segment, str | None]]) -> list[tuple[Segment, str | None]]:
    """'Bandung,' ... '2016' on one baseline, the day and month left blank for the pen: one segment."""
    out = sorted(segments, key=lambda p: (round(p[0].top), p[0].x0))
    i = 0
    while i + 1 < len(out):
        (a, sec), (b, _) = out[i], out[i + 1]
        joined = f"{a.text} {b.text}"
        # Two columns' lines on one baseline ('Kepala Kantor,' beside 'Bandung, 2 Januari
        # 2025') are not one date: each part of a blanked date is incomplete on its own.
        halves_complete = _is_place_date(a.text) or _is_place_date(b.text)
        if abs(a.top - b.top) < 0.5 * a.size and a.text.rstrip().endswith(",") and not halves_complete and _is_place_date(joined):
            out[i] = (Segment(joined, a.x0, b.x1, min(a.top, b.top), max(a.bottom, b.bottom), a.size, a.bold), sec)
            del out[i + 1]
        else:
            i += 1
    return out


def _columns(segments: list[Segment]) -> list[list[Segment]]:
    columns: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: s.x0):
        for column in columns:
            if any(_x_overlap((seg.x0, seg.x1), (o.x0, o.x1), margin=0) for o in column):
                column.append(seg)
                break
        else:
            columns.append([seg])
    return columns


def _rows(blocks: list[Block]) -> list[list[Block]]:
    rows: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: b.bbox[1]):
        if rows and any(y_overlap(block.bbox, o.bbox) > 0 for o in rows[-1]):
            rows[-1].append(block)
        else:
            rows.append([block])
    return rows


def reading_order(blocks: list[Block]) -> list[Block]:
    """Rows of side-by-side blocks (vertical extents overlap) top to bottom, each left to right."""
    return [b for row in _rows(blocks) for b in sorted(row, key=lambda b: b.bbox[0])]


def _lines(block: Block) -> list[Segment]:
    """Segments of a block merged per baseline (a role may sit in two segments)."""
    out: list[Segment] = []
    for seg in block.segments:
        if out and abs(seg.top - out[-1].top) < 0.5 * seg.size:
            prev = out[-1]
            x0, top, x1, bottom = union((prev.bbox, seg.bbox)) or prev.bbox
            out[-1] = Segment(prev.text + " " + seg.text, x0, x1, top, bottom, prev.size, prev.bold)
        else:
            out.append(seg)
    return out


def _is_place_date(text: str) -> bool:
    try:
        parse_place_date(text)
    except ParseError:
        return False
    return True


@dataclass
class Layout:
    """The lines of one block by their part."""

    place_date: Segment | None = None
    party: str | None = None
    party_line: Segment | None = None
    role: list[Segment] = field(default_factory=list)
    mark: Segment | None = None  # 'Ditandatangani secara elektronik'
    name: Segment | None = None
    rank: list[Segment] = field(default_factory=list)
    nip: Segment | None = None

    @property
    def top(self) -> float | None:
        firsts = [s for s in (self.place_date, self.party_line, *self.role, self.mark, self.name) if s is not None]
        return min((s.top for s in firsts), default=None)


def read_layout(lines: list[Segment]) -> Layout:
    """Bottom up: NIP, rank, name; then the e-sign mark or the signature space above the name;
    then the jabatan lines, which run up to a place/date line, a 'PIHAK ...' label, a wide gap
    or a line that ends a sentence (the body text or heading above the block)."""
    out = Layout()
    rest = list(lines)
    while rest and NIP_LINE.match(rest[-1].text.strip()):
        out.nip = rest.pop()
    mark_i = next((i for i, s in enumerate(rest) if E_SIGN.search(fold(s.text))), None)
    if mark_i is not None:
        out.mark = rest[mark_i]
        below, rest = rest[mark_i + 1 :], rest[:mark_i]
    else:
        below = []
        while rest and RANK.search(rest[-1].text) and len(rest) > 1:
            below.insert(0, rest.pop())
        if rest and not rest[-1].text.rstrip().endswith(","):
            below.insert(0, rest.pop())  # the name, under the signature space ('Jabatan,' is no name)
    if below:
        out.name = below[0]
        out.rank = below[1:] + out.rank
    role: list[Segment] = []
    for seg in reversed(rest):
        text = seg.text.strip()
        acknowledged = ACKNOWLEDGED.match(text)
        if acknowledged and out.party is None:
            if text[acknowledged.end() :].strip():  # 'Mengetahui, Kepala Dinas': the jabatan follows the label
                role.insert(0, Segment(text[acknowledged.end() :], seg.x0, seg.x1, seg.top, seg.bottom, seg.size, seg.bold))
            out.party = None
            out.party_line = seg
            break
        party = PARTY.match(fold(text))
        if party:
            out.party, out.party_line = party.group(1), seg
            if text[party.end() :].strip(" ,:"):
                role.insert(0, seg)
            continue
        if _is_place_date(text):
            out.place_date = seg
            break
        if out.party is not None:
            break  # nothing of the block stands above its party label but place and date
        upper = role[0] if role else (out.mark or out.name)
        gap = (upper.top - seg.bottom) if upper is not None and role else 0.0
        if text.endswith(SENTENCE_END) or len(text.split()) > 12 or gap > 1.5 * seg.size:
            break
        role.insert(0, seg)
    out.role = role
    return out


def _trim_segments(segs: list[Segment]) -> list[Segment]:
    """The segments of a block that belong to it (what lies above its layout is dropped)."""
    top = read_layout(_lines(Block(segs, None))).top
    return segs if top is None else [s for s in segs if s.top >= top - 0.5 * s.size]


def parse_block(block: Block, page: int) -> RawRecord:
    """[place, date] [PIHAK ...] jabatan, e-sign mark or signature space, name, [pangkat], [NIP]."""
    layout = read_layout(_lines(block))
    return RawRecord(
        kind="signature",
        section=block.section,
        page=page,
        bbox=block.bbox,
        fields={
            "place_date": layout.place_date.text.strip() if layout.place_date else None,
            "role": strip_label(join_wrapped([s.text for s in layout.role])) or None,
            "name": layout.name.text.strip() if layout.name else None,
            "rank": join_wrapped([s.text for s in layout.rank]) or None,
            "nip": layout.nip.text.strip() if layout.nip else None,
            "electronic": "true" if layout.mark is not None else "false",
            "party": layout.party,
        },
    )


def share_place_date(records: list[RawRecord]) -> list[RawRecord]:
    """A place/date line printed over one block of a row of blocks dates every block of that row."""
    out: list[RawRecord] = []
    for rec in records:
        if rec.fields.get("place_date") is None and rec.bbox is not None:
            for other in records:
                if other is rec or other.page != rec.page or other.bbox is None or not other.fields.get("place_date"):
                    continue
                if y_overlap(rec.bbox, other.bbox) > 0:
                    fields = dict(rec.fields, place_date=other.fields["place_date"], place_date_shared="true")
                    rec = rec.model_copy(update={"fields": fields})
                    break
        out.append(rec)
    return out


def mark_signed(record: RawRecord, block: Block, page: PageLayout) -> RawRecord:
    """Set the block's ``signed_mark``: 'electronic' (the e-sign text, or a BSrE footer on the
    page), 'image' (an image overlaps the block or the signature space above the name)
    or 'none' (the signature space is blank)."""
    if record.fields.get("electronic") == "true" or any(BSRE_FOOTER.search(fold(line.text)) for line in page.lines):
        mark = "electronic"
    else:
        zones = [block.bbox, _space_above_name(block, record.fields.get("name"))]
        limit = BACKGROUND_IMAGE * page.width * page.height
        images = [b for b in page.image_boxes if area(b) < limit] + page.ink_boxes
        mark = "image" if any(overlaps(img, zone) for img in images for zone in zones) else "none"
    return record.model_copy(update={"fields": dict(record.fields, signed_mark=mark)})


def _space_above_name(block: Block, name: str | None) -> BBox:
    """From the line above the name (or a signature space's height) down to the name."""
    lines = _lines(block)
    key = fold(name or "")
    at = next((i for i, l in enumerate(lines) if key and fold(l.text) and key.startswith(fold(l.text)[:10])), None)
    if at is None:
        nips = [i for i, l in enumerate(lines) if NIP_LINE.match(l.text.strip())]
        at = max(nips[0] - 1, 0) if nips else len(lines) - 1
    line = lines[at]
    top = lines[at - 1].bottom if at > 0 else line.top - LINK_GAP * line.size
    x0, _, x1, _ = block.bbox
    return (x0 - MARK_MARGIN, top, x1 + MARK_MARGIN, line.top)

