"""The OCRmyPDF plugin that erases table rules from the image Tesseract reads
(extractors/data/erase_rules_plugin.py): long straight runs of ink go, letters stay."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.data.erase_rules_plugin import DARK_LEVEL, MARGIN_PX, RULE_ACROSS_IN, RULE_DOWN_IN, _runs, erase_rules

DPI = 100.0


def _runs_by_hand(row: list[bool], length: int) -> list[bool]:
    out = [False] * len(row)
    i = 0
    while i < len(row):
        j = i
        while j < len(row) and row[j]:
            j += 1
        if j - i >= max(length, 1) and j > i:
            out[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return out


@given(st.lists(st.booleans(), min_size=1, max_size=60), st.integers(1, 12))
def test_runs_are_the_runs_at_least_that_long(row: list[bool], length: int) -> None:
    got = _runs(np.array([row]), length)[0].tolist()
    assert got == (_runs_by_hand(row, length) if len(row) >= length else [False] * len(row))


@st.composite
def ruled_pages(draw):
    """A white page with table rules (full width or height, 1-3 px thick) and letter-sized
    blots (shorter than the rules' minimum lengths) away from them."""
    h, w = draw(st.integers(120, 200)), draw(st.integers(120, 200))
    page = np.full((h, w), 255, dtype=np.uint8)
    rules = np.zeros((h, w), dtype=bool)
    for _ in range(draw(st.integers(0, 4))):
        y, t = draw(st.integers(0, h - 4)), draw(st.integers(1, 3))
        rules[y : y + t, :] = True
    for _ in range(draw(st.integers(0, 4))):
        x, t = draw(st.integers(0, w - 4)), draw(st.integers(1, 3))
        rules[:, x : x + t] = True
    letters = np.zeros((h, w), dtype=bool)
    across, down = round(RULE_ACROSS_IN * DPI) - 1, round(RULE_DOWN_IN * DPI) - 1
    for top in range(0, h - down - 1, down + 2):  # one blot per slot, slots apart: blots never join
        for left in range(0, w - across - 1, across + 2):
            if draw(st.booleans()):
                letters[top : top + draw(st.integers(1, down)), left : left + draw(st.integers(1, across))] = True
    near_rule = np.zeros_like(rules)
    pad = MARGIN_PX + 1
    for dy in range(-pad, pad + 1):
        for dx in range(-pad, pad + 1):
            near_rule |= np.roll(np.roll(rules, dy, axis=0), dx, axis=1)
    letters &= ~near_rule  # a letter touching a rule may lose its edge: not what is checked
    page[rules | letters] = draw(st.integers(0, DARK_LEVEL - 1))
    return page, rules, letters


@settings(max_examples=60, deadline=None)
@given(ruled_pages())
def test_rules_are_erased_and_letters_kept(drawn) -> None:
    page, rules, letters = drawn
    out = erase_rules(page, DPI)
    assert out.shape == page.shape
    assert (out[rules] == 255).all()
    assert (out[letters] == page[letters]).all()
