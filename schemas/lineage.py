"""One indicator across years: each indicator of a unit's PK linked to its counterpart in the
unit's previous PK, by meaning.

From one year to the next indicators are dropped, added and reworded, and codes are
renumbered for the same indicator or handed to a different one, so a code never links two
indicators: it is not part of the score. The score (0-100) weighs the indicator's text
(schemas.matching's token alignment), its objective's text and its relative position in the
table. Each previous indicator links to at most one current one (greedy, best first).

Status: 'same' when the texts are the same after folding; 'reworded' at REWORDED_AT or more
when words were only added or only removed; 'review' (a candidate for a person to confirm,
not a fact) at REVIEW_AT or more, or when each text has a word the other lacks: 'Tingkat
kualitas pengelolaan SDM' and '... TIK' share three words of four and their objective, and
are two indicators; 'new' below REVIEW_AT, with no previous indicator. Calibrated on the samples: a rewording that adds three words to
five ('Indeks kepuasan pengguna layanan KPPN' -> '... layanan perbendaharaan pada KPPN Malang')
scores about 83; a different indicator of the same objective sharing 'Persentase satuan kerja'
about 50.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from schemas.matching import greedy_pairs, indicator_key, indicator_score, words_substituted

TEXT_WEIGHT, OBJECTIVE_WEIGHT, POSITION_WEIGHT = 0.75, 0.15, 0.10
REWORDED_AT = 80.0
REVIEW_AT = 60.0
LinkStatus = Literal["same", "reworded", "review", "new"]


@dataclass(frozen=True)
class LinkedIndicator:
    """An indicator row of a PK as the linker sees it."""

    row_no: int
    indicator: str
    objective: str | None


@dataclass(frozen=True)
class IndicatorLink:
    row_no: int
    previous_row_no: int | None
    match_score: float
    status: LinkStatus


def link_score(a: LinkedIndicator, b: LinkedIndicator, position_a: float, position_b: float) -> float:
    """0-100: text, objective and relative position (0..1 in its table) weighed together."""
    objective = indicator_score(a.objective, b.objective) if a.objective and b.objective else 0.0
    position = 100.0 * (1.0 - abs(position_a - position_b))
    return TEXT_WEIGHT * indicator_score(a.indicator, b.indicator) + OBJECTIVE_WEIGHT * objective + POSITION_WEIGHT * position


def link_indicators(current: Sequence[LinkedIndicator], previous: Sequence[LinkedIndicator]) -> list[IndicatorLink]:
    """Each current indicator with its previous counterpart (or none), its score and status."""
    def positions(rows: Sequence[LinkedIndicator]) -> list[float]:
        return [i / (len(rows) - 1) if len(rows) > 1 else 0.0 for i in range(len(rows))]

    here, before = positions(current), positions(previous)
    scores = [[link_score(a, b, here[i], before[j]) for j, b in enumerate(previous)] for i, a in enumerate(current)]
    chosen = greedy_pairs(scores, REVIEW_AT)
    links = []
    for i, (a, j) in enumerate(zip(current, chosen)):
        if j is None:
            links.append(IndicatorLink(a.row_no, None, round(max(scores[i], default=0.0), 1), "new"))
            continue
        b, score = previous[j], scores[i][j]
        status: LinkStatus = (
            "same" if indicator_key(a.indicator) == indicator_key(b.indicator)
            else "reworded" if score >= REWORDED_AT and not words_substituted(a.indicator, b.indicator) else "review"
        )
        links.append(IndicatorLink(a.row_no, b.row_no, round(score, 1), status))
    return links
