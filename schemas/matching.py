"""Match indicator texts across sections (SKP IKI -> PK IKU) despite spelling drift.

Texts are tokenised with spaCy's Indonesian tokenizer (``spacy.blank("id")``) and each token
normalised: case and accents folded, punctuation dropped, a short letter code glued to the
number split from it ('BA 015' -> 'ba015', as 'BA015'), numbers such as '999.03' kept whole.

Scoring. rapidfuzz's whole-string scorers leave too little room between a drifted spelling
of the same indicator and a different indicator that shares all but one word. On the seed,
'Tingkat kualitas pengelolaan SDM' scores 90.6 against '... TIK' with token_sort_ratio and
WRatio, while the same indicator spelt 'penyelanggaraan' scores 97.3: a 6.7 point gap to put
a threshold in. token_set_ratio is worse: a text whose words are a subset of another's scores
100. So the score is a token alignment instead: every token of each side is paired with its
most similar token of the other side (rapidfuzz ``fuzz.ratio`` over ``process.cdist``); a pair
counts with its similarity when that is at least TOKEN_THRESHOLD (a typo such as
'penyelanggaraan' is 93), otherwise 0; tokens holding digits ('ba015', '999.03') must be
equal. The score is the mean over the tokens of both sides, 0..100. A drifted spelling keeps
~98; one different word in four ('SDM' / 'TIK') drops to 75; a different indicator of the
seed never exceeds 75.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from spacy.language import Language

# Below this no candidate is taken. Chosen from the seed: every drifted pair scores >= 98,
# the best wrong candidate <= 75 ('... pengelolaan SDM' vs '... TIK'); 85 allows about one
# changed word in seven, or a typo in each of several words.
MATCH_THRESHOLD = 85.0
TOKEN_THRESHOLD = 85.0

# Pieces of a token: letters/digits, with '999.03' or '3,25' kept as one number.
_PIECE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])")
# Punctuation that may stand between a code and its number ('BA-015', 'K/L').
_JOINERS = frozenset("-\u2010\u2011\u2013/")
_MAX_GLUED_PREFIX = 3  # 'BA 015', 'TW 3': short codes split from their number


class IndonesianTokenizer:
    """spaCy's Indonesian tokenizer (``spacy.blank("id")``), its exceptions added as texts
    need them. There are about 16,000 ('anak-anak', 'a.n.', 'dll.'): adding them all takes
    about 2 s in every process that tokenizes, and an exception can change the tokens of a
    text only where its own text occurs in it. So before a text is tokenized every exception
    occurring in it is added, and the tokens are those of the eager tokenizer
    (tests/test_indonesian_tokenizer.py compares the two)."""

    def __init__(self) -> None:
        from spacy.lang.id import Indonesian  # imported on first use: loading spaCy takes about a second

        class _WithoutExceptions(Indonesian):
            class Defaults(Indonesian.Defaults):
                tokenizer_exceptions: dict = {}

        self._exceptions: dict[str, list] = Indonesian.Defaults.tokenizer_exceptions
        self._lengths = sorted({len(text) for text in self._exceptions})
        self._added: set[str] = set()
        self._nlp: Language = _WithoutExceptions()

    def __call__(self, text: str):
        for exception in self._occurring(text):
            self._nlp.tokenizer.add_special_case(exception, self._exceptions[exception])
            self._added.add(exception)
        return self._nlp.tokenizer(text)

    def _occurring(self, text: str) -> set[str]:
        return {
            text[start:start + length]
            for start in range(len(text))
            for length in self._lengths
            if start + length <= len(text) and text[start:start + length] in self._exceptions
        } - self._added


@lru_cache(maxsize=1)
def _tokenizer() -> IndonesianTokenizer:
    return IndonesianTokenizer()


def load_tokenizer() -> None:
    """Load spaCy's Indonesian tokenizer now (about 0.7 s of imports), e.g. while the run waits for something else."""
    _tokenizer()


@lru_cache(maxsize=4096)
def indicator_tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens two spellings of one indicator share."""
    tokens: list[str] = []
    glueable = False
    for token in _tokenizer()(text):
        if token.is_space:
            continue
        if token.is_punct:
            glueable = glueable and token.text in _JOINERS
            continue
        folded = _INNER_HYPHEN.sub("", _fold_token(token.text))
        for piece in _PIECE.findall(folded):
            if glueable and piece[0].isdigit():
                tokens[-1] += piece
                glueable = False
                continue
            tokens.append(piece)
            glueable = len(piece) <= _MAX_GLUED_PREFIX and _LETTERS.fullmatch(piece) is not None
    return tuple(tokens)


def indicator_key(text: str) -> str:
    return " ".join(indicator_tokens(text))


def indicator_score(a: str, b: str) -> float:
    """Token-alignment similarity of two indicator texts, 0..100 (see the module notes)."""
    return _token_score(indicator_tokens(a), indicator_tokens(b))


def match_indicator(text: str, candidates: Mapping[str, str]) -> tuple[str | None, float]:
    """The key of the candidate text that best matches `text`, and its score.

    The key is None when the best score is under MATCH_THRESHOLD; the score is still the
    best one, so a caller can report how close it came. Ties go to the first candidate.
    """
    best_key: str | None = None
    best = 0.0
    for key, candidate in candidates.items():
        score = indicator_score(text, candidate)
        if score > best:
            best_key, best = key, score
    return (best_key if best >= MATCH_THRESHOLD else None), best


def match_all(texts: Sequence[str], candidates: Mapping[str, str]) -> list[tuple[str | None, float]]:
    """Match every text to a different candidate key (one-to-one, greedy_pairs), ignoring
    pairs under MATCH_THRESHOLD. A text left without a candidate gets (None, its best score
    against any candidate)."""
    keys = list(candidates)
    columns = [indicator_tokens(candidates[key]) for key in keys]
    scores = [[_token_score(tokens, column) for column in columns] for tokens in map(indicator_tokens, texts)]
    chosen = greedy_pairs(scores, MATCH_THRESHOLD)
    return [
        (keys[j], row[j]) if j is not None else (None, max(row, default=0.0))
        for row, j in zip(scores, chosen)
    ]


def greedy_pairs(scores: Sequence[Sequence[float]], threshold: float) -> list[int | None]:
    """One-to-one pairing of rows with columns by score: the best-scoring pair is fixed
    first, then the best pair among the rows and columns left, and so on, ignoring pairs
    under ``threshold``; each row's column, or None. Ties go to the earlier row and column."""
    pairs = sorted(
        ((score, i, j) for i, row in enumerate(scores) for j, score in enumerate(row)),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    chosen: list[int | None] = [None] * len(scores)
    taken: set[int] = set()
    for score, i, j in pairs:
        if score < threshold:
            break
        if chosen[i] is None and j not in taken:
            chosen[i] = j
            taken.add(j)
    return chosen


def _token_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 100.0 if a == b else 0.0
    matrix = _token_matrix(a, b)
    total = float(matrix.max(axis=1).sum() + matrix.max(axis=0).sum())
    return round(total / (len(a) + len(b)), 2)


def _token_matrix(a: tuple[str, ...], b: tuple[str, ...]):
    """Similarity of every token pair, 0 under TOKEN_THRESHOLD or where digits differ."""
    matrix = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=TOKEN_THRESHOLD, dtype="float64")
    for i in (i for i, x in enumerate(a) if _has_digit(x)):
        for j, y in enumerate(b):
            if a[i] != y:
                matrix[i, j] = 0.0
    for j in (j for j, y in enumerate(b) if _has_digit(y)):
        for i, x in enumerate(a):
            if x != b[j]:
                matrix[i, j] = 0.0
    return matrix


def words_substituted(a: str, b: str) -> bool:
    """Does each text have a word the other lacks ('... pengelolaan SDM' / '... pengelolaan
    TIK')? Words only added or only removed ('layanan KPPN' / 'layanan perbendaharaan pada
    KPPN Malang') are not a substitution."""
    x, y = indicator_tokens(a), indicator_tokens(b)
    if not x or not y:
        return False
    matrix = _token_matrix(x, y)
    return bool((matrix.max(axis=1) == 0).any() and (matrix.max(axis=0) == 0).any())


def _has_digit(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def _fold_token(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
