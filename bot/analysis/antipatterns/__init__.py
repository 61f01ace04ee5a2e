"""Detect the answers interviewers reject, each with the sentence that triggered it."""

from __future__ import annotations

from collections.abc import Callable

from bot.analysis.antipatterns.accountability import blame_shifting, passing_the_buck
from bot.analysis.antipatterns.base import Context, Hit, strongest
from bot.analysis.antipatterns.customers import good_enough, ignored_defect, profit_over_customer
from bot.analysis.antipatterns.people import unhelpful_to_peers, uniform_management
from bot.analysis.antipatterns.transparency import hiding_information
from bot.analysis.antipatterns.voice import hypothetical, is_hypothetical, we_not_i

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


def detect(context: Context) -> dict[str, Hit]:
    """The strongest hit of every anti-pattern that fires, by rule id."""
    found: dict[str, Hit] = {}
    for rule_id, detector in DETECTORS.items():
        best = strongest(detector(context))
        if best is not None:
            found[rule_id] = best
    return found


__all__ = ["DETECTORS", "Context", "Hit", "detect", "is_hypothetical"]
