"""The text-layer check: known Indonesian words against what a poor OCR layer prints."""

from __future__ import annotations

from pathlib import Path

from extractors.data import __file__ as data_init
from extractors.text_quality import MAX_MISREAD_RATE, MIN_HIT_RATE, PageText, known_words, misread, words_of
from samples.generators.wordlist import HEADER, words

# Printed on page 1 of jabar-desdm__1507019056_pk_jafung_desdm.pdf by its scanner's OCR
# (../shared/realworld), with what the page shows.
MISREADINGS = {"akuntabef": "akuntabel", "kaml": "kami", "dalarn": "dalam", "krnerja": "kinerja",
               "meiakukan": "melakukan", "PlHAK": "PIHAK", "kine~a": "kinerja", "JULiANDI": "JULIANDI"}


def test_the_page_images_words_are_known_and_the_misreadings_are_not():
    known = known_words()
    for wrong, right in MISREADINGS.items():
        assert misread(wrong), wrong
        assert right.lower() in known or right.isupper(), right
        assert not misread(right), right


def test_words_of_skips_numbers_and_codes_and_splits_slashes():
    assert words_of("Kab/Kota 1a-CP 98,75% Rp 1.000 (IKPA), dan") == ["Kab", "Kota", "IKPA", "dan"]


def test_a_scanned_page_is_garbage_below_the_hit_rate_or_above_the_misread_rate():
    assert PageText(1, True, 100, round(100 * MIN_HIT_RATE) - 1, 0).garbage
    assert PageText(1, True, 100, 90, round(100 * MAX_MISREAD_RATE)).garbage
    assert not PageText(1, True, 100, 80, 5).garbage
    assert not PageText(1, False, 100, 10, 50).garbage, "born-digital text is never judged"
    assert PageText(1, True, 0, 0, 0).blank_scan


def test_the_shipped_word_list_is_what_the_generator_writes():
    shipped = (Path(data_init).parent / "indonesian_words.txt").read_text(encoding="utf-8")
    assert shipped == HEADER + "\n".join(words()) + "\n"
