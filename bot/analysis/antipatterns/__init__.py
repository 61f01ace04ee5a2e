"""Detect the answers interviewers reject, each with the sentence that triggered it."""

from __future__ import annotations

from collections.abc import Callable

from bot.analysis.antipatterns.accountability import blame_shifting, passing_the_buck
from bot.analysis.antipatterns.base import Context, Hit, strongest
from bot.analysis.antipatterns.customers import good_enough, ignored_defect, profit_over_customer
from bot.analysis.antipatterns.people import unhelpful_to_peers, uniform_management
from bot.analysis.antipatterns.transparency import hiding_information
from bot.analysis.antipatterns.voice import hypothetical, is_hypothetical, we_not_i
from bot.analysis.learned import Judgement

DETECTORS: dict[str, Callable[[Context], list[Hit]]] = {
    "passing_the_buck": passing_the_buck,
    "blame_shifting": blame_shifting,
    "profit_over_customer": profit_over_customer,
    "good_enough": good_enough,
    "ignored_defect": ignored_defect,
    "unhelpful_to_peers": unhelpful_to_peers,
    "hiding_information": hiding_information,
    "uniform_management": uniform_management,
    "we_not_i": we_not_i,
    "hypothetical": hypothetical,
}


# How the cue rules and the model (bot/analysis/learned.py) decide together. Chosen by leaving
# each of our 21 labelled files out in turn, training on the rest and scoring the left-out
# file, taking the pair with the best macro-F1 plus clean pass: pooled, the rules alone 0.80
# macro-F1 and 0.962 clean (flattered: they were tuned on most of those files), with this
# pair 0.875 / 0.967; on the eight sets the rules never saw, 0.58-0.72 -> 0.83-0.90 each.
RULE_STANDS_ABOVE = 0.2  # a cue hit stands unless the model finds the idea this unlikely
MODEL_ALONE_ABOVE = 0.6  # the model alone reports an anti-pattern when at least this sure
# Below this many words the model cannot overrule a cue: a short blunt answer ("it was their
# fault, not mine") gives it too few words to be sure of anything (0.16 for one such), and it
# learned from answers of 150-350 words. Leaving each file out, this changed nothing pooled.
MODEL_VETO_MIN_WORDS = 100


def detect(context: Context, judgement: Judgement | None = None) -> dict[str, Hit]:
    """The strongest hit of every anti-pattern that fires, by rule id. With a `judgement`,
    the model can overrule a cue it finds very unlikely and report what the cues missed,
    quoting the sentence that weighed most."""
    found: dict[str, Hit] = {}
    for rule_id, detector in DETECTORS.items():
        best = strongest(detector(context))
        probability = judgement.probabilities.get(rule_id) if judgement else None
        if best is not None and (
            probability is None
            or probability > RULE_STANDS_ABOVE
            or context.document.word_count < MODEL_VETO_MIN_WORDS
        ):
            found[rule_id] = best
        elif probability is not None and probability > MODEL_ALONE_ABOVE:
            sentence = judgement.strongest_sentence(rule_id, context.sentences)
            if sentence is not None:
                found[rule_id] = Hit(sentence, probability, "")
    return found


__all__ = ["DETECTORS", "Context", "Hit", "detect", "is_hypothetical"]
