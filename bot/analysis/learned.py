"""A second opinion on the anti-patterns and the STAR checks: a linear model that weighs the
answer as a whole.

The cue rules (bot/analysis/antipatterns/, star.py, metrics.py, learning.py) know how an
anti-pattern or a STAR part is phrased in the answers they were tuned on, and over-learn
them: on a labelled set written after the tuning they reached 0.65 anti-pattern macro-F1,
against 0.85 on the sets they were tuned on. A logistic regression over the answer's words
and word pairs, trained on every labelled answer we have (tools/train_answer_model.py),
spreads its evidence over hundreds of small signals and held up better on answers it had
not seen (0.87 on that set, trained without it). It cannot quote a sentence as precisely as a
cue, so the two decide together: `detect()` for the anti-patterns, `_second_look()` in
analyzer.py for the checks, where the rules were too quick to call a part missing.

Features are those of scikit-learn's TfidfVectorizer with sublinear tf, smoothed idf and L2
norm; the training tool feeds it these very terms, so training and scoring cannot drift.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise, repeat

import numpy as np

from bot.analysis.text import Sentence, ascii_stand_in
from bot.bank import AnswerModelWeights

# Runs of two or more word characters; the same as r"\b\w\w+\b", but a pattern that starts
# with a character class lets the regex engine skip ahead (~3x faster).
_WORD = re.compile(r"\w\w+")

# In a shorter answer the model cannot overrule the rules. It learned from answers of 150-350
# words, and a short blunt one ("it was their fault, not mine") gives it too few words to be
# sure of anything (0.16 for one such); nor should one sentence about a reply policy earn a
# metric. Leaving each labelled file out, this changed nothing pooled.
MIN_WORDS_TO_OVERRULE = 100


def sentence_terms(low: str) -> list[str]:
    """The words of a sentence (two letters or more) and each pair of neighbouring words."""
    words = _WORD.findall(low)
    return words + [f"{first} {second}" for first, second in pairwise(words)]


# The words of a whole answer, its sentences joined by line breaks: a pair of words that spans
# a line break holds one, and so is a pair no model knows. Terms come as sentence_terms() gives
# them sentence by sentence.
_WORD_OR_BREAK = re.compile(r"\w\w+|\n")
# The same words of an ASCII answer, read ~4x faster as bytes: every byte that is not a word
# character becomes a space, and each line break a token of its own, b"\x01\x01", so
# that the answer splits at the spaces.
_ASCII_WORD_CHARS = frozenset(c for c in range(128) if re.fullmatch(r"\w", chr(c)))
_ASCII_BREAK = b"\x01\x01"
_ASCII_WORDS_ONLY = bytes(
    c if c in _ASCII_WORD_CHARS else 1 if c == ord("\n") else ord(" ") for c in range(256)
)


@dataclass(frozen=True)
class Judgement:
    """The model's view of one answer: a probability per label (anti-pattern, or a check
    being missing), and what it needs to find the sentence that weighed most (asked only when
    the model overrules the rules)."""

    probabilities: dict[str, float]
    _rows: np.ndarray  # the model's rows of the answer's known terms, ascending
    _values: np.ndarray  # each known term's tf-idf value in the answer, before the L2 norm
    _ids: np.ndarray  # the answer's word ids, its sentences parted by a break id
    _term_rows: np.ndarray  # the row of each word, then of each pair of words, in order
    _scorer: Scorer

    def strongest_sentence(
        self,
        label: str,
        sentences: list[Sentence],
        *,
        against: bool = False,
        among: Callable[[Sentence], bool] | None = None,
    ) -> Sentence | None:
        """The sentence whose terms push hardest towards `label` (or, `against`, away from
        it), of those `among` accepts; None when none pushes that way. `sentences` are the
        ones judged."""
        weights = self._scorer.column_of(label)
        if weights is None:
            return None
        sentence_of, rows, values = self._distinct_terms
        pushes = np.bincount(
            sentence_of, weights=values * weights[rows], minlength=len(sentences)
        ).tolist()
        sign = -1.0 if against else 1.0
        best, best_push = None, 0.0
        for sentence, push in zip(sentences, pushes, strict=False):
            if among is not None and not among(sentence):
                continue
            if sign * push > best_push:
                best, best_push = sentence, sign * push
        return best

    @cached_property
    def _distinct_terms(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each known term once per sentence it is in (a sentence that says a word twice is
        not pushed twice by it): the sentence, the term's row and its value in the answer."""
        known = self._term_rows > 0  # a pair across a break is row 0, as is an unknown term
        stride = len(self._scorer.terms)
        sentence_of = self._scorer.sentence_of_terms(self._ids)
        # Sorted, then each key that differs from the one before: np.unique, without the
        # hashing it does first (~60 us on an answer's ~600 keys, against ~10).
        keys = np.sort(sentence_of[known] * stride + self._term_rows[known])
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        keys = keys[first]
        rows = keys % stride
        return keys // stride, rows, self._values[self._rows.searchsorted(rows)]


class Scorer:
    """Scores answers with validated weights; built once per set of weights."""

    def __init__(self, weights: AnswerModelWeights) -> None:
        self._labels = list(weights.labels)
        self._intercepts = [label.intercept for label in weights.labels.values()]
        # Row 0 stands for every term the model does not know: idf 0, no weight.
        self.terms = ["", *weights.idf]
        row_of_term = {term: row for row, term in enumerate(self.terms)}
        self._idf = np.array([0.0, *weights.idf.values()])
        # An answer's ~600 terms are looked up without a Python loop over them: each word the
        # model knows, alone or in a pair, has an id from 1 (0 for any other word, and the last
        # id for the break between two sentences). A word's row is read from an array by its
        # id; a pair's is searched for among the sorted keys of the pairs, first id * _stride +
        # second id (a key with an unknown word or a break matches none; the key past every
        # other one, row 0, ends the array so that no search runs off it). One search over
        # both would read fewer arrays, but a binary search costs by its keys and its steps:
        # twice the keys over three times the array took ~15% longer.
        self._word_id: dict[str, int] = {}
        for term in self.terms[1:]:
            for word in term.split(" "):
                self._word_id.setdefault(word, len(self._word_id) + 1)
        self._break_id = len(self._word_id) + 1
        self._stride = self._break_id + 1
        # The same ids by bytes, for ASCII answers; a one-letter word is -1, left out
        # as the regex leaves it out.
        self._ascii_word_id = {
            word.encode(): word_id for word, word_id in self._word_id.items() if word.isascii()
        } | {bytes([c]): -1 for c in _ASCII_WORD_CHARS} | {_ASCII_BREAK: self._break_id}
        self._word_or_break_id = self._word_id | {"\n": self._break_id}
        # With no "_" and nothing but ASCII in the model's words, any answer is read as ASCII
        # (ascii_stand_in()): ~5x quicker than the regex, which stays for other weights.
        self._all_words_ascii = all(word.isascii() and "_" not in word for word in self._word_id)
        self._row_of_word = np.zeros(self._stride, dtype=np.int64)
        row_of_pair: dict[int, int] = {self._stride * self._stride: 0}
        for term, row in row_of_term.items():
            first, space, second = term.partition(" ")
            if space:
                row_of_pair[self._word_id[first] * self._stride + self._word_id[second]] = row
            elif term:
                self._row_of_word[self._word_id[term]] = row
        keys = sorted(row_of_pair)
        self._pair_keys = np.array(keys, dtype=np.int64)
        self._row_of_pair = np.array([row_of_pair[key] for key in keys], dtype=np.int64)
        # One row a term, one column a label: an answer's ~300 terms weigh on ~1,000
        # (term, label) pairs, a product numpy does in microseconds and Python in ~0.5 ms.
        self._matrix = np.zeros((len(self.terms), len(self._labels)))
        for column, label in enumerate(weights.labels.values()):
            for term, weight in label.weights.items():
                self._matrix[row_of_term[term], column] = weight

    def column_of(self, label: str) -> np.ndarray | None:
        """Each term's weight towards `label`, by row; None for a label the model lacks."""
        if label not in self._labels:
            return None
        return self._matrix[:, self._labels.index(label)]

    def _word_ids(self, text: str) -> np.ndarray:
        """The id of each word of `text` (0 for a word no term holds, the break id for a line
        break)."""
        unknown = repeat(0)
        if self._all_words_ascii or text.isascii():  # an ASCII text stands in for itself
            data = ascii_stand_in(text).replace(b"\n", b" \n\n ")
            words = data.translate(_ASCII_WORDS_ONLY).split()
            ids = np.fromiter(map(self._ascii_word_id.get, words, unknown), dtype=np.int64,
                              count=len(words))
            return ids[ids >= 0]
        words = _WORD_OR_BREAK.findall(text)
        return np.fromiter(map(self._word_or_break_id.get, words, unknown), dtype=np.int64,
                           count=len(words))

    def judge(self, sentences: list[Sentence]) -> Judgement:
        ids = self._word_ids("\n".join([sentence.low for sentence in sentences]))
        keys = ids[:-1] * self._stride + ids[1:]
        at = self._pair_keys.searchsorted(keys)
        pair_rows = np.where(self._pair_keys[at] == keys, self._row_of_pair[at], 0)
        term_rows = np.concatenate((self._row_of_word[ids], pair_rows))
        counts = np.bincount(term_rows, minlength=len(self.terms))
        counts[0] = 0
        rows = counts.nonzero()[0]
        values = (1.0 + np.log(counts[rows])) * self._idf[rows]
        norm = math.sqrt(values @ values) or 1.0
        pushes = (values @ self._matrix[rows]).tolist()
        probabilities = {
            label: _sigmoid(intercept + push / norm)
            for label, intercept, push in zip(self._labels, self._intercepts, pushes, strict=True)
        }
        return Judgement(probabilities, rows, values, ids, term_rows, self)

    def sentence_of_terms(self, ids: np.ndarray) -> np.ndarray:
        """The sentence of each term judge() read from the word `ids`, words then pairs: the
        number of breaks before its (first) word."""
        sentence_of_word = (ids == self._break_id).cumsum()
        return np.concatenate((sentence_of_word, sentence_of_word[:-1]))


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


_SCORERS: dict[int, tuple[AnswerModelWeights, Scorer]] = {}


def scorer_for(weights: AnswerModelWeights) -> Scorer:
    """One Scorer per set of weights (the bank's are loaded once per process)."""
    known = _SCORERS.get(id(weights))
    if known is None or known[0] is not weights:
        known = _SCORERS[id(weights)] = (weights, Scorer(weights))
    return known[1]
