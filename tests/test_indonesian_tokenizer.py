"""The tokenizer that adds spaCy's Indonesian exceptions as texts need them gives the tokens
of spaCy's own, which adds all of them when it is built (schemas.matching.IndonesianTokenizer)."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.id import Indonesian

from schemas.matching import IndonesianTokenizer

WORDS = ["Persentase", "capaian", "anak", "IKU", "BA", "015", "2024", "99,5", "1.250", "s.d.", "TW", "Rp", "K/L"]
GLUE = ["", " ", "  ", "\n", "-", "(", ")", ".", ",", "/", ":", "'", '"', "%"]


@lru_cache(maxsize=1)
def eager():
    import spacy

    return spacy.blank("id").tokenizer


@lru_cache(maxsize=1)
def lazy() -> IndonesianTokenizer:
    return IndonesianTokenizer()


def exception_texts() -> list[str]:
    return sorted(Indonesian.Defaults.tokenizer_exceptions)


def pieces():
    return st.one_of(st.sampled_from(exception_texts()), st.sampled_from(WORDS), st.text(alphabet="aAe.-'(:)8o_ ", max_size=4))


def tokens(doc) -> list[tuple[str, bool, bool, str]]:
    return [(t.text, t.is_punct, t.is_space, t.whitespace_) for t in doc]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(pieces(), st.sampled_from(GLUE)), min_size=1, max_size=8))
def test_texts_made_of_exceptions_get_the_eager_tokens(parts):
    text = "".join(piece + glue for piece, glue in parts)
    assert tokens(lazy()(text)) == tokens(eager()(text))


def test_an_exception_changes_the_tokens_only_once_it_occurs():
    fresh = IndonesianTokenizer()
    assert [t.text for t in fresh("anak-anak")] == [t.text for t in eager()("anak-anak")] == ["anak-anak"]
    assert [t.text for t in fresh("kupu - kupu")] == ["kupu", "-", "kupu"]
