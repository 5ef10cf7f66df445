"""One ruled row that holds several indicators and their targets, one under the other.

Agreements often rule one row per objective and list its indicators in one cell, their targets
in the next, line beside line ('1. Prosentase SP2D ... 100%', '2. Keputusan Gubernur ... 3
Dokumen', or a parent indicator with bulleted parts '• Prosiding hasil workshop  1 Dokumen').
Read as one row, the first figure is kept and the others are lost. Here the target cell's lines
make one target each (figure lines beside no line that may open an item, '27 Kab/Kota / 1
Provinsi / 49 OPD' beside one indicator's lines, stay one target), and the indicator cell's
lines are cut into as many items: each item covers its target's height and starts on a line
that opens an item (a bullet or number, a line left of the one above it, a capital), the cut
chosen where the items stand beside their targets (centred, top- or bottom-aligned). A part
opened by a bullet is its parent's part: 'parent - part'. When the lines cannot be cut so
(fewer lines than targets, no line that opens an item where one must start), the row is read
as it was, and its several figures are stated (ocr_checks.several_figures).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median

from extractors.findings import finding
from extractors.geometry import union
from extractors.grid import Cell
from schemas.records import BBox, RawRecord
from schemas.text import join_wrapped

# A line that opens with a figure: '100%', '3 Dokumen', '1Dokumen', '≥ 80'.
FIGURE_START = re.compile(r"^[<>≤≥]?\s*[0-9]")
# A bullet (as printed, or as OCR reads one: 'e', '¢', '©', '«', a tick as './') or a dash before a part's
# words (not a rule's remnant: '—— an').
BULLET = re.compile(r"^(?:[•·◦▪►>*+¢©®«»°√✓✔\-–—]|\./|[eo](?=\s+[A-Z]))\s*(?=[A-Za-z(]{2})")
NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-z][.)])\s*(?=[A-Za-z])")  # '1. ', '2) ', 'a. ', '3.2. ', '1.1.2 '
TIGHT = 1.25  # line heights: a figure line this close under the one above goes on with its target
OUTDENT = 3.0  # points: a line that starts this far left of the line above opens an item
COVER_SHARE = 0.25  # of a line pitch: how far a target's middle may stand outside its item
ALIGNMENTS = ("middle", "top", "bottom")
ALIGN_WEIGHT = 0.5  # the cost of a pitch of misalignment, beside the cost of the line that opens an item


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    box: BBox

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def bottom(self) -> float:
        return self.box[3]


def line_pitch(lines: Sequence[Line]) -> float:
    """The usual distance from one line's top to the next's (a line's height for one line)."""
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    return median(steps) if steps else max(lines[0].bottom - lines[0].top, 1.0)


def opens_item(lines: Sequence[Line], i: int) -> float | None:
    """The cost of starting an item on line i: a bullet or number 0, a line left of the one
    above 0.5, a capital 1; None for a line that goes on from the one above (lower case, a
    bracket)."""
    text = lines[i].text.strip()
    if BULLET.match(text) or NUMBERING.match(text):
        return 0.0
    if i > 0 and lines[i].box[0] < lines[i - 1].box[0] - OUTDENT:
        return 0.5
    return 1.0 if text[:1].isupper() or text[:1].isdigit() else None


def _opens_clearly(lines: Sequence[Line], i: int) -> bool:
    """Line i opens an item by a bullet, a number or an outdent (not only by a capital)."""
    cost = opens_item(lines, i)
    return cost is not None and cost < 1.0


def target_blocks(targets: Sequence[Line], indicator: Sequence[Line]) -> list[list[Line]]:
    """The target cell's lines, one list per target. A figure line opens a target when an
    indicator line that may open an item stands between it and the figure line above, and it
    does not stand right under that line, without leading (else it goes on with the same
    target: '27 Kab/Kota / 1 Provinsi / 49 OPD' in smaller type beside one indicator); a
    line without a figure opens one when it stands beside an indicator line that opens an
    item by a bullet, number or outdent (a figure OCR misread), else belongs to the target
    above."""
    slack = COVER_SHARE * line_pitch(indicator)
    blocks: list[list[Line]] = []
    last_figure: Line | None = None
    for line in targets:
        if FIGURE_START.match(line.text.strip()) is not None:
            after = last_figure.top + slack if last_figure is not None else float("-inf")
            between = [i for i, l in enumerate(indicator) if after < l.top <= line.top + slack]
            tight = last_figure is not None and line.top - last_figure.top <= TIGHT * (last_figure.bottom - last_figure.top)
            opens = not blocks or last_figure is None or not tight and any(opens_item(indicator, i) is not None for i in between)
            last_figure = line
        else:
            beside = [i for i, l in enumerate(indicator) if abs(l.top - line.top) <= slack]
            opens = not blocks or any(_opens_clearly(indicator, i) for i in beside)
        if opens:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _misalignment(item: Sequence[Line], block: Sequence[Line], pitch: float, alignment: str) -> float:
    """How far (in pitches) an item stands from beside its target: top to top, middle to middle
    or bottom to bottom."""
    if alignment == "top":
        return abs(item[0].top - block[0].top) / pitch
    if alignment == "bottom":
        return abs(item[-1].bottom - block[-1].bottom) / pitch
    return abs((item[0].top + item[-1].bottom) / 2 - (block[0].top + block[-1].bottom) / 2) / pitch


def _covers(item: Sequence[Line], block: Sequence[Line], slack: float, next_top: float) -> bool:
    """The target stands beside its item, or under the item's last line and above the next
    item's first (a target cell aligned to its bottom, the item's to its top)."""
    middle = (block[0].top + block[-1].bottom) / 2
    return item[0].top - slack <= middle <= max(item[-1].bottom + slack, next_top - slack)


def _cheapest_cut(indicator: Sequence[Line], blocks: Sequence[Sequence[Line]], alignment: str) -> tuple[float, list[int]] | None:
    """The cheapest cut of the lines, every item covering its target and standing beside it so."""
    n, k = len(indicator), len(blocks)
    pitch = line_pitch(indicator)
    slack = COVER_SHARE * pitch
    # best[j][s]: the cost of items 0..j-1 with item j starting on line s, and the cut that gives it
    best: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [0])}] + [{} for _ in range(k - 1)]
    for j in range(k - 1):
        for s, (cost, cut) in best[j].items():
            for e in range(s + 1, n):
                item, opened = indicator[s:e], opens_item(indicator, e)
                if opened is None or not _covers(item, blocks[j], slack, indicator[e].top):
                    continue
                total = cost + opened + ALIGN_WEIGHT * _misalignment(item, blocks[j], pitch, alignment)
                if e not in best[j + 1] or total < best[j + 1][e][0]:
                    best[j + 1][e] = (total, [*cut, e])
    ends = [(cost + ALIGN_WEIGHT * _misalignment(indicator[s:], blocks[-1], pitch, alignment), cut)
            for s, (cost, cut) in best[k - 1].items() if _covers(indicator[s:], blocks[-1], slack, float("inf"))]  # fmt: skip
    return min(ends) if ends else None


def item_starts(indicator: Sequence[Line], blocks: Sequence[Sequence[Line]]) -> list[int] | None:
    """The first line of each target's item (the first item starts on line 0): the cheapest
    cut of the lines where every item covers its target, its items standing beside their
    targets one way (a table aligns its cells one way: centred, top or bottom, in that order
    when two cut as cheaply); None when no cut does."""
    if len(blocks) < 2 or len(indicator) < len(blocks):
        return None
    cuts = [(found[0], order, found[1]) for order, alignment in enumerate(ALIGNMENTS) if (found := _cheapest_cut(indicator, blocks, alignment))]
    return min(cuts)[2] if cuts else None


def _part(text: str) -> str | None:
    """A bulleted part's text without its bullet; None for a line that is no part."""
    found = BULLET.match(text.strip())
    return text.strip()[found.end() :] if found else None


@dataclass(slots=True)
class Entry:
    """An item's lines, or a heading's (lines with no target of their own, above or below one)."""

    lines: list[Line]
    x0: float  # where it stands: a part's bullet, a heading's first letter
    is_part: bool  # opened by a bullet (or beside the parts before it, its bullet lost)
    target: bool

    @property
    def text(self) -> str:
        first = self.lines[0].text
        return join_wrapped([_part(first) or first, *(l.text for l in self.lines[1:])])


def _segments(item: Sequence[Line], block: Sequence[Line], next_is_part: bool) -> list[tuple[list[Line], bool]]:
    """An item cut into (lines, holds the target): a bulleted line opens a segment; those above
    the segment beside the target are headings, and below it, when a part follows, a line
    that opens an item ('1.1.2.2 Prosentase kematian ... (%)' over '- Ayam  8') opens one."""
    middle = (block[0].top + block[-1].bottom) / 2
    cuts = [0] + [i for i in range(1, len(item)) if _part(item[i].text) is not None and item[i].top <= middle]
    beside = cuts[-1]
    below = [i for i in range(beside + 1, len(item)) if next_is_part and item[i].top >= block[-1].bottom and _opens_clearly(item, i)]
    cuts += below[:1]
    return [(list(item[a:b]), a == beside) for a, b in zip(cuts, [*cuts[1:], len(item)])]


def _parent(entries: Sequence[Entry], part: Entry) -> Entry | None:
    """The entry a part belongs to: the nearest before it that stands left of it, or a heading
    or item without a bullet in line with it (its number hung left of the text, lost by OCR)."""
    for e in reversed(entries):
        if e.x0 < part.x0 - OUTDENT or (not e.is_part and abs(e.x0 - part.x0) <= OUTDENT):
            return e
    return None


def indicator_texts(indicator: Sequence[Line], starts: Sequence[int], blocks: Sequence[Sequence[Line]]) -> list[str]:
    """Each item's indicator; a part (bulleted, or a line as far right as the part before it,
    its bullet lost) is named 'parent - part', its parent an item or a heading before it."""
    items = [list(indicator[s:e]) for s, e in zip(starts, [*starts[1:], len(indicator)])]
    entries: list[Entry] = []
    out: list[str] = []
    for j, item in enumerate(items):
        next_is_part = j + 1 < len(items) and _part(items[j + 1][0].text) is not None
        for lines, target in _segments(item, blocks[j], next_is_part):
            first = lines[0]
            entry = Entry(lines, first.box[0], _part(first.text) is not None, target)
            last = entries[-1] if entries else None
            if not entry.is_part and last is not None and last.is_part and first.box[0] >= last.x0 - OUTDENT:
                entry.x0, entry.is_part = last.x0, True  # a part whose bullet OCR lost
            parent = _parent(entries, entry) if entry.is_part else None
            entries.append(entry)
            if target:
                out.append(f"{parent.text} - {entry.text}" if parent is not None else join_wrapped([l.text for l in lines]))
    return out


def split_stacked_row(indicator: Sequence[Line], targets: Sequence[Line]) -> list[tuple[str, list[Line], list[Line]]] | None:
    """(indicator text, its lines, its target's lines) for each target of a row whose target
    cell prints several one under another; None when the row holds one target or its
    indicator lines cannot be cut to match."""
    if not indicator or not targets:
        return None
    blocks = target_blocks(targets, indicator)
    starts = item_starts(indicator, blocks)
    if starts is None:
        return None
    texts = indicator_texts(indicator, starts, blocks)
    items = [list(indicator[s:e]) for s, e in zip(starts, [*starts[1:], len(indicator)])]
    return list(zip(texts, items, blocks))


def is_noise(text: str) -> bool:
    """A line of specks OCR read from a rule or a stamp ('ae ie', '=', '—— an'): no digit, no
    word of three letters, and more than one short word or a sign."""
    tokens = text.split()
    return bool(tokens) and not any(ch.isdigit() for ch in text) and all(len(t) <= 2 for t in tokens) and (len(tokens) > 1 or not tokens[0].isalpha())


def without_noise_below(cell: Cell) -> Cell:
    """The cell without the lines of specks below its text."""
    keep = len(cell.lines)
    while keep > 1 and is_noise(cell.lines[keep - 1]):
        keep -= 1
    if keep == len(cell.lines):
        return cell
    lines = cell.lines[:keep]
    return replace(cell, text=join_wrapped(lines), lines=lines, line_boxes=cell.line_boxes[:keep])


def cell_lines(cells: Sequence[Cell]) -> list[Line] | None:
    """The lines of a row's cells of one role, top to bottom; None when a cell does not know
    where its lines are (a borderless table's) or starts on another row."""
    out: list[Line] = []
    for cell in cells:
        if len(cell.line_boxes) != len(cell.lines):
            return None
        out += [Line(text, box) for text, box in zip(cell.lines, cell.line_boxes)]
    return sorted(out, key=lambda line: line.top)


def stacked_records(record: RawRecord, indicator_cells: Sequence[Cell], target_cells: Sequence[Cell]) -> list[RawRecord]:
    """The row `record` read from these cells, as one record per target its target cell
    prints one under another, and a finding that says so; [record] for a row of one target."""
    indicator, targets = cell_lines(indicator_cells), cell_lines(target_cells)
    parts = split_stacked_row(indicator, targets) if indicator and targets and len(targets) > 1 else None
    if parts is None:
        return [record]
    out: list[RawRecord] = []
    for text, item, block in parts:
        fields = {**record.fields, "indicator": text, "target": join_wrapped([l.text for l in block])}
        value_box = union(l.box for l in block)
        out.append(record.model_copy(update={"fields": fields, "bbox": union(l.box for l in [*item, *block]), "value_bbox": value_box}))
    first = record.fields.get("indicator") or ""
    subject = (f"{record.kind.replace('_', ' ')} row '{first[:60]}': its target cell prints {len(parts)} targets one under another, "
               f"read as {len(parts)} rows, the indicator cell's lines cut beside them: check the indicators against the page")  # fmt: skip
    return [*out, finding("extraction_rows_split", subject, record.page, bbox=record.bbox, stated=len(parts))]
