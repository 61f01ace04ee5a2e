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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise, repeat

import numpy as np

from bot.analysis.text import Sentence
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


Term = str | tuple[str, str]  # a word, or a pair of neighbouring words


def answer_term_counts(sentences: list[Sentence]) -> Counter[Term]:
    """How often each term of sentence_terms() occurs in the answer, a pair of words kept as a
    tuple (no string to build for each), read in one pass: the sentences are joined by line
    breaks, and a pair that spans one holds a line break, a term no model knows. Terms come as
    they do sentence by sentence; only those extra pairs differ."""
    words = _WORD_OR_BREAK.findall("\n".join([sentence.low for sentence in sentences]))
    counts: Counter[Term] = Counter(words)
    counts.update(pairwise(words))
    return counts


def _as_text(term: Term) -> str:
    return term if isinstance(term, str) else " ".join(term)


_WORD_OR_BREAK = re.compile(r"\w\w+|\n")


@dataclass(frozen=True)
class Judgement:
    """The model's view of one answer: a probability per label (anti-pattern, or a check
    being missing), and what it needs to find the sentence that weighed most (asked only when
    the model overrules the rules)."""

    probabilities: dict[str, float]
    _terms: Counter[Term]  # every term of the answer, known to the model or not
    _known: np.ndarray  # where in _terms the known ones are
    _values: np.ndarray  # each known term's tf-idf value in the answer, before the L2 norm
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
        it), of those `among` accepts; None when none pushes that way."""
        weights = self._scorer.weights_of(label)
        sign = -1.0 if against else 1.0
        value_of = self._value_of
        best, best_push = None, 0.0
        for sentence in sentences:
            if among is not None and not among(sentence):
                continue
            push = sign * sum(
                value_of.get(term, 0.0) * weights.get(term, 0.0)
                for term in set(sentence_terms(sentence.low))
            )
            if push > best_push:
                best, best_push = sentence, push
        return best

    @cached_property
    def _value_of(self) -> dict[str, float]:
        terms = list(self._terms)
        return dict(zip([_as_text(terms[at]) for at in self._known.tolist()],
                        self._values.tolist(), strict=True))


class Scorer:
    """Scores answers with validated weights; built once per set of weights."""

    def __init__(self, weights: AnswerModelWeights) -> None:
        self._labels = list(weights.labels)
        self._intercepts = np.array([label.intercept for label in weights.labels.values()])
        self._weights = {name: label.weights for name, label in weights.labels.items()}
        # Row 0 stands for every term the model does not know: idf 0, no weight. The terms
        # are then looked up in one map() call, with no Python loop over them.
        row_of_text = {term: row for row, term in enumerate(weights.idf, start=1)}
        self._row: dict[Term, int] = {_as_term(term): row for term, row in row_of_text.items()}
        self._idf = np.array([0.0, *weights.idf.values()])
        # One row a term, one column a label: an answer's ~300 terms weigh on ~1,000
        # (term, label) pairs, a product numpy does in microseconds and Python in ~0.5 ms.
        self._matrix = np.zeros((len(self._row) + 1, len(self._labels)))
        for column, label in enumerate(weights.labels.values()):
            for term, weight in label.weights.items():
                self._matrix[row_of_text[term], column] = weight

    def weights_of(self, label: str) -> dict[str, float]:
        return self._weights.get(label, {})

    def judge(self, sentences: list[Sentence]) -> Judgement:
        counts = answer_term_counts(sentences)
        rows = np.fromiter(map(self._row.get, counts, repeat(0)), dtype=np.intp,
                           count=len(counts))
        known = rows.nonzero()[0]
        at = rows[known]
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))[known]
        values = (1.0 + np.log(tf)) * self._idf[at]
        norm = math.sqrt(values @ values) or 1.0
        scores = (self._intercepts + (values @ self._matrix[at]) / norm).tolist()
        probabilities = {
            label: _sigmoid(score) for label, score in zip(self._labels, scores, strict=True)
        }
        return Judgement(probabilities, counts, known, values, self)


def _as_term(text: str) -> Term:
    first, space, second = text.partition(" ")
    return (first, second) if space else text


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
