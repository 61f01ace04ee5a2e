"""What every anti-pattern detector shares: the context it reads and the hits it returns.

A detector looks for the *idea* behind an anti-pattern in cue families (who is blamed, who
acted, what was known and not said) and scores each hit. A cue inside a rejected
alternative ("my first instinct was to wait…", "instead of blaming…") or followed by a turn
(", but I…", next sentence "But…") does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from bot.analysis.cues import is_road_not_taken, reversed_after
from bot.analysis.learning import lesson_start
from bot.analysis.narrative import i_actions, team_actions
from bot.analysis.text import Document, Sentence

FIRES_AT = 1.0


@dataclass
class Hit:
    sentence: Sentence
    weight: float
    cue: str
    family: int = 0


@dataclass
class Context:
    document: Document
    question: str | None = None
    _cache: dict[str, object] = field(default_factory=dict)

    @property
    def sentences(self) -> list[Sentence]:
        return self.document.sentences

    @cached_property
    def story(self) -> list[Sentence]:
        """Sentences that tell the story, without the closing lesson.

        A lesson cue early in the answer ("halfway through I realised the key was wrong") is
        a discovery inside the story, not the closing lesson; so is a sentence that only turns
        to its lesson at the end ("I never mentioned it, and since then I double-check…").
        """
        return [s for s in self.sentences if s.section != "learning" and not _closing_lesson(s)]

    @cached_property
    def i_action_counts(self) -> list[int]:
        return [len(i_actions(s)) for s in self.sentences]

    @cached_property
    def team_action_counts(self) -> list[int]:
        return [len(team_actions(s)) for s in self.sentences]

    def after(self, sentence: Sentence) -> list[Sentence]:
        return self.sentences[sentence.index + 1:]


def _closing_lesson(sentence: Sentence) -> bool:
    start = lesson_start(sentence)
    # The lesson opens the sentence: at most a few words ("And looking back, …") come first.
    return (
        start is not None and sentence.position >= 0.5
        and len(sentence.low[:start].split()) <= 4
    )


def discounted(context: Context, sentence: Sentence, start: int) -> bool:
    """The cue at `start` is a road not taken, or the speaker turns away from it."""
    return is_road_not_taken(sentence, start) or reversed_after(
        sentence, start, context.sentences
    )


def hits(
    context: Context,
    pattern: re.Pattern[str],
    weight: float,
    *,
    sentences: Iterable[Sentence] | None = None,
    keep_discounted: bool = False,
) -> list[Hit]:
    """One hit per sentence where `pattern` matches outside a rejected alternative."""
    found: list[Hit] = []
    # An indexed pattern's finditer() is itself the quick "no match possible here".
    for sentence in context.story if sentences is None else sentences:
        for match in pattern.finditer(sentence.low):
            if keep_discounted or not discounted(context, sentence, match.start()):
                found.append(Hit(sentence, weight, match.group(0), id(pattern)))
                break
    return found


def total(found: Iterable[Hit]) -> float:
    """Sum weights; a cue family counts once per sentence."""
    best: dict[tuple[int, int], float] = {}
    for hit in found:
        key = (hit.sentence.index, hit.family)
        best[key] = max(best.get(key, 0.0), hit.weight)
    return sum(best.values())


def strongest(found: Iterable[Hit]) -> Hit | None:
    ordered = sorted(found, key=lambda h: (-h.weight, h.sentence.index))
    return ordered[0] if ordered else None


def present(pattern: re.Pattern[str], sentences: Iterable[Sentence]) -> bool:
    return any(pattern.search(s.low) for s in sentences)
