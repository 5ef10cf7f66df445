"""Geometry of the report's inline SVG charts: horizontal bars and small line charts.

Only positions and texts are computed here; `report.html.j2` draws them (escaped by
Jinja2), so every label stays text in the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from schemas.numbers import format_number, format_rupiah

BAR_ROW = 20  # px per bar
BAR_GAP = 8  # px before a program row (a new group)
LABEL_W = 380  # px of the label column left of the bars
BAR_W = 380  # px of the longest bar
VALUE_W = 190  # px right of the longest bar for its amount
LABEL_CHARS = {"program": 46, "activity": 54, "total": 54}  # what fits in LABEL_W at the chart's font size (programs are bold)
PERIODS = ("Q1", "Q2", "S1", "Q3", "YTD_Q3", "Q4", "Y")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
TO_DATE = {"S1": 1, "YTD_Q3": 2, "Y": 3}  # a cumulative target, at the x of the quarter it ends with


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    value_text: str
    kind: str  # the CSS class: 'program', 'activity', 'total'
    note: str | None = None  # drawn after the amount (e.g. activities that do not add up)


@dataclass(frozen=True)
class Series:
    name: str
    kind: str  # the CSS class of its line and dots
    points: Sequence[tuple[int, float | None, str]]  # (x index, value, label)


def clip(text: str, chars: int) -> str:
    """A label cut to ``chars`` characters with an ellipsis; the full text goes in the SVG <title>."""
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def bars(items: Sequence[Bar]) -> dict:
    """A horizontal bar chart: a row per item, lengths in proportion to the largest value."""
    top = max((b.value for b in items if b.value is not None and b.value > 0), default=Decimal(0))
    rows, y = [], 4
    for i, item in enumerate(items):
        if item.kind == "program" and i:
            y += BAR_GAP
        length = float(item.value / top) * BAR_W if top and item.value is not None and item.value > 0 else 0.0
        rows.append({
            "y": y, "label": clip(item.label, LABEL_CHARS[item.kind]), "title": item.label, "kind": item.kind,
            "w": round(max(length, 1.0 if item.value else 0.0), 1), "value": item.value_text, "text_x": round(LABEL_W + length + 6, 1),
            "note": item.note, "note_y": y + BAR_ROW + 12,
        })
        y += BAR_ROW * (2 if item.note else 1)  # a note gets a line of its own under the bar
    return {"width": LABEL_W + BAR_W + VALUE_W, "height": y + 4, "label_w": LABEL_W, "rows": rows}


def lines(x_labels: Sequence[str], series: Sequence[Series], *, width: int = 300, height: int = 130, percent: bool = False,
          dot_labels: bool = False) -> dict:
    """A small line chart over ``x_labels``: a polyline per series (broken where a value is
    missing), a dot per value, the y axis from 0 (or the lowest value) to the highest."""
    left, right, top_pad, bottom = (56, 40, 20, 22) if dot_labels else (44, 14, 16, 22)  # room for a label centred on a dot
    values = [v for s in series for _, v, _ in s.points if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    step = (width - left - right) / max(len(x_labels) - 1, 1)

    def x_of(i: int) -> float:
        return round(left + i * step, 1) if len(x_labels) > 1 else round(left + (width - left - right) / 2, 1)

    def y_of(v: float) -> float:
        return round(top_pad + (high - v) / span * (height - top_pad - bottom), 1)

    drawn = []
    for s in series:
        segments, current, dots = [], [], []
        for i, v, label in sorted(s.points, key=lambda p: p[0]):
            if v is None:
                segments, current = segments + ([current] if len(current) > 1 else []), []
                continue
            current.append(f"{x_of(i)},{y_of(v)}")
            dots.append({"x": x_of(i), "y": y_of(v), "label": clip(label, 14) if dot_labels else None, "title": label})
        segments += [current] if len(current) > 1 else []
        drawn.append({"name": s.name, "kind": s.kind, "segments": [" ".join(seg) for seg in segments], "dots": dots})
    unit = "%" if percent else ""
    return {
        "width": width, "height": height, "left": left, "right": width - right, "base": height - bottom, "top": top_pad,
        "x_ticks": [{"x": x_of(i), "label": label} for i, label in enumerate(x_labels)],
        "y_ticks": [{"y": y_of(v), "label": axis_number(v) + unit} for v in sorted({low} if dot_labels else {low, high})],  # labelled dots say the rest
        "series": drawn,
    }


def axis_number(value: float) -> str:
    """4.25 -> '4,25'; 100.0 -> '100' (Indonesian decimal comma, no trailing zeros)."""
    return format_number(Decimal(repr(value)).normalize())


# ---------------------------------------------------------------- the report's figures


def rupiah(value: Decimal | None) -> str:
    """Decimal('1234567000.00') -> 'Rp 1.234.567.000'; None -> '-'."""
    return "-" if value is None else format_rupiah(Decimal(value))


def budget_chart(budget: dict) -> dict:
    """A bar per program (its amount as printed; the sum of its activities noted when it differs) and per activity."""
    items = []
    for p in budget["programs"]:
        note = f"its activities sum to {rupiah(p['activity_sum'])} (difference {rupiah(p['activity_sum'] - p['amount'])})" if p["differs"] else None
        items.append(Bar(f"{p['no'] or ''}. {p['name'] or '(activities before any program)'}", p["amount"], rupiah(p["amount"]), "program", note))
        items += [Bar(f"  {a['code'] or '-'}. {a['name'] or ''}", a["amount"], rupiah(a["amount"]), "activity") for a in p["activities"]]
    return budget | {"chart": bars(items)}


def profile_chart(profile: dict) -> dict:
    """The quarters' targets as one line, the cumulative ones (S1, YTD_Q3, Y) as another at the quarter they end with."""
    values = profile["values"]
    quarterly = [(i, *values.get(q, (None, ""))) for i, q in enumerate(QUARTERS)]
    to_date = [(i, *values.get(p, (None, ""))) for p, i in TO_DATE.items()]
    chart = lines(QUARTERS, [Series("quarter", "quarter", quarterly), Series("to date", "todate", to_date)], percent=profile["percent"])
    return profile | {"chart": chart, "periods": PERIODS}


def series_chart(series: dict) -> dict:
    """A line over the fiscal years (a gap year keeps its place); per year the first target
    (a PK's before an SKP's) is drawn and every distinct one printed goes in the table."""
    years = sorted(series["years"])
    span = list(range(years[0], years[-1] + 1))
    points, table = [], []
    for year in years:
        first, *others = series["years"][year]
        raws = list(dict.fromkeys(r["target_raw"] for r in [first, *others]))
        points.append((span.index(year), first["target_value"], first["target_raw"] or ""))
        table.append({"year": year, "indicator": first["indicator"], "targets": raws})
    percent = all(r["is_percent"] for rows in series["years"].values() for r in rows if r["target_value"] is not None)
    chart = lines([str(y) for y in span], [Series("target", "target", points)], percent=percent, dot_labels=True)
    texts = list(dict.fromkeys(t["indicator"] for t in table))
    return {"unit": series["unit"], "indicator": texts[-1], "reworded": len(texts) > 1, "table": table, "chart": chart}
