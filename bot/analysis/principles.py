"""Which Leadership Principles the story demonstrates, from each principle's signals."""

from __future__ import annotations

import re

from bot.analysis.cues import phrases
from bot.analysis.indexed import IndexedPattern
from bot.analysis.models import PrincipleScore
from bot.analysis.text import Document
from bot.bank import Principle

# Three distinct signals make a principle clearly shown; one is a hint.
SIGNALS_FOR_FULL_SCORE = 3
MIN_REPORTED_SCORE = 0.34


Signals = tuple[IndexedPattern, dict[str, tuple[str, ...]]]
# Keyed by identity: the bank's principles are loaded once, and hashing sixteen pydantic models
# on every answer cost more than scoring them.
_SIGNALS: dict[int, tuple[tuple[Principle, ...], Signals]] = {}


def _all_signals(principles: tuple[Principle, ...]) -> Signals:
    known = _SIGNALS.get(id(principles))
    if known is None or known[0] is not principles:
        known = _SIGNALS[id(principles)] = (principles, _signals_of(principles))
    return known[1]


def _signals_of(principles: tuple[Principle, ...]) -> Signals:
    """One pattern for every principle's signals, and which principles each signal shows."""
    owners: dict[str, list[str]] = {}
    for principle in principles:
        for signal in principle.signals:
            owners.setdefault(signal, []).append(principle.id)
    ordered = sorted(owners, key=len, reverse=True)
    pattern = phrases(*(re.escape(signal) for signal in ordered))
    return pattern, {signal: tuple(ids) for signal, ids in owners.items()}


def score_principles(
    document: Document, principles: tuple[Principle, ...]
) -> list[PrincipleScore]:
    pattern, owners = _all_signals(principles)
    shown: dict[str, set[str]] = {}
    for sentence in document.sentences:
        for match in pattern.finditer(sentence.low):
            for principle_id in owners.get(match.group(0), ()):
                shown.setdefault(principle_id, set()).add(match.group(0))
    scores: list[PrincipleScore] = []
    for principle in principles:
        distinct = shown.get(principle.id, set())
        score = min(1.0, len(distinct) / SIGNALS_FOR_FULL_SCORE)
        if score >= MIN_REPORTED_SCORE:
            scores.append(PrincipleScore(id=principle.id, score=round(score, 2)))
    scores.sort(key=lambda p: -p.score)
    return scores[:5]
