"""The 0-100 answer score. The weights are the product's opinion, kept in one place.

    STAR parts        40  (10 per part, scaled by the part's 0-1 score)
    metrics           15  (any quantified outcome or scale)
    ownership         10  (share of "I" in I+we; full marks from 60% "I")
    lesson learned    10
    length            15  (full marks for 1.5-3.5 minutes of speech, i.e. ~225-525 words;
                           scaled down linearly towards 0 and 900 words)
    anti-patterns     -15 per major, -7 per minor
    too short (< 40 words): capped at 30
"""

from __future__ import annotations

from bot.analysis.models import AntiPatternFinding, Learning, Metrics, Ownership, Star

STAR_WEIGHT = 10
METRICS_WEIGHT = 15
OWNERSHIP_WEIGHT = 10
OWNERSHIP_FULL_RATIO = 0.6
LEARNING_WEIGHT = 10
LENGTH_WEIGHT = 15
IDEAL_WORDS = (225, 525)
MAX_WORDS = 900
PENALTY = {"major": 15, "minor": 7}
TOO_SHORT_WORDS = 40
TOO_SHORT_CAP = 30
WORDS_PER_MINUTE = 150


def words_spoken(word_count: int) -> str:
    """"1 word", "42 words": how a count reads in a report."""
    return f"{word_count} word" if word_count == 1 else f"{word_count:,} words"


def speaking_seconds(word_count: int) -> int:
    return round(word_count * 60 / WORDS_PER_MINUTE)


def _length_points(words: int) -> float:
    low, high = IDEAL_WORDS
    if low <= words <= high:
        return LENGTH_WEIGHT
    if words < low:
        return LENGTH_WEIGHT * words / low
    return LENGTH_WEIGHT * max(0.0, (MAX_WORDS - words) / (MAX_WORDS - high))


def answer_score(
    star: Star,
    metrics: Metrics,
    ownership: Ownership,
    learning: Learning,
    anti_patterns: list[AntiPatternFinding],
    word_count: int,
) -> int:
    points = sum(STAR_WEIGHT * part.score for part in star.parts().values())
    points += METRICS_WEIGHT if metrics.present else 0
    points += OWNERSHIP_WEIGHT * min(1.0, ownership.ratio / OWNERSHIP_FULL_RATIO)
    points += LEARNING_WEIGHT if learning.present else 0
    points += _length_points(word_count)
    points -= sum(PENALTY[finding.severity] for finding in anti_patterns)
    if word_count < TOO_SHORT_WORDS:
        points = min(points, TOO_SHORT_CAP)
    return round(max(0.0, min(100.0, points)))
