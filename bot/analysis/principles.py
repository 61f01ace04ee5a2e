"""Which Leadership Principles the story demonstrates, from each principle's signals."""

from __future__ import annotations

import re
from functools import cache

from bot.analysis.models import PrincipleScore
from bot.analysis.text import Document
from bot.bank import Principle

# Three distinct signals make a principle clearly shown; one is a hint.
SIGNALS_FOR_FULL_SCORE = 3
MIN_REPORTED_SCORE = 0.34


@cache
def _signal_pattern(signals: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(signals, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(" + "|".join(re.escape(s) for s in ordered) + r")(?![\w'])")


def score_principles(document: Document, principles: tuple[Principle, ...]) -> list[PrincipleScore]:
    text = document.low
    scores: list[PrincipleScore] = []
    for principle in principles:
        distinct = {m.group(1) for m in _signal_pattern(principle.signals).finditer(text)}
        score = min(1.0, len(distinct) / SIGNALS_FOR_FULL_SCORE)
        if score >= MIN_REPORTED_SCORE:
            scores.append(PrincipleScore(id=principle.id, score=round(score, 2)))
    scores.sort(key=lambda p: -p.score)
    return scores[:5]
