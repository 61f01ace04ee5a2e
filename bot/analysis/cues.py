"""Small building blocks shared by the detectors: phrase sets, negation and contrast.

Cue sets describe ideas (who acted, who is blamed, what was decided), not phrases seen in
one answer. Every pattern is an alternation of literals with bounded gaps, so matching is
linear in the sentence length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.analysis.text import Sentence

_ENDS_OPEN = re.compile(r"(?: |\(\?[!=][^()]*\))$")


def phrases(*items: str) -> re.Pattern[str]:
    """Compile whole-word alternatives; items may contain small regex pieces.

    An item ending in a space or a lookahead already ends where it should.
    """
    parts = [
        f"(?:{item})" + ("" if _ENDS_OPEN.search(item) else r"(?![\w'])") for item in items
    ]
    return re.compile(r"(?<!\w)(?<!\w')(?:" + "|".join(parts) + r")")


def near(first: str, second: str, words: int = 6) -> str:
    """A regex piece: `first`, then up to `words` words, then `second`."""
    return rf"(?:{first})(?:\s+\S+){{0,{words}}}?\s+(?:{second})"


def any_match(pattern: re.Pattern[str], sentences: Iterable[Sentence]) -> list[Sentence]:
    return [s for s in sentences if pattern.search(s.low)]


GAP = r"(?:[\w'-]+\s+){0,%d}"  # up to N words in between: use GAP % n


def gap(n: int) -> str:
    return GAP % n


I_SUBJECT = r"(?:i|i've|i'd|i'm|myself)"
WE_SUBJECT = r"(?:we|we've|we'd|we're|the team|our team|the group|the committee)"
SENIOR = (
    r"(?:my |the |our |her |his |their )?(?:\w+ )?(?:manager|lead|boss|director|supervisor|"
    r"controller|head|vp|ceo|cto|chief|dean|principal|senior|team lead|tech lead|"
    r"charge nurse|physician|doctor|partner|owner|superior|leadership|management)s?"
)

# "My first instinct was to wait", "it would have been easy to blame", "I was tempted":
# the clause that follows describes the road not taken.
ROAD_NOT_TAKEN = phrases(
    r"(?:first|initial|gut) (?:instinct|reaction|thought|impulse)",
    r"(?:i was|i felt|honestly i was) (?:\w+ )?tempted",
    r"it was tempting", r"tempting to",
    r"it would (?:have been|be) (?:very |so |really )?(?:easy|easier|tempting|simpler)",
    r"the easy (?:path|win|way|option|thing|answer|route|fix|choice)",
    r"(?:i|we) could (?:easily )?have (?:just )?", r"could have (?:just )?",
    r"instead of", r"rather than", r"without (?:just )?", r"not just", r"didn't want to just",
    r"refused to", r"didn't want it to be",
)

CONTRAST_OPENERS = re.compile(
    r"^(?:but|however|yet|instead|still|that said|even so|in the end|then again|"
    r"on the other hand|so instead|rather)\b"
)
# A turn back to the speaker acting well: ", but I checked…", "But I had the access, so…".
_TURN = r"(?:i|we)\b(?! (?:didn't|did not|wasn't|couldn't|figured|thought|just|still didn't))"
_CLAUSE_CONTRAST = re.compile(
    r"(?:,|;| -)\s*(?:but|yet|however|instead),? " + _TURN + r"|\bbut then " + _TURN
)
_TURN_OPENERS = re.compile(
    r"^(?:but|however|yet|instead|still|that said|even so|so instead|rather),? "
    r"(?:(?:\w+ ){0,6}?)" + _TURN
)

NEGATION = re.compile(r"\b(?:not|never|no|didn't|don't|doesn't|wasn't|weren't|isn't|won't|"
                      r"wouldn't|couldn't|hadn't|haven't|nobody|none|neither|nor|without)\b")


def clause_before(sentence: Sentence, start: int) -> str:
    """The part of the sentence before `start`, back to the last clause boundary."""
    head = sentence.low[:start]
    cut = max(head.rfind(", but"), head.rfind("; "), head.rfind(" but "), head.rfind(". "))
    return head[cut + 1:] if cut >= 0 else head


def is_road_not_taken(sentence: Sentence, start: int) -> bool:
    """True when the cue at `start` sits inside a rejected alternative."""
    return bool(ROAD_NOT_TAKEN.search(clause_before(sentence, start)))


def reversed_after(sentence: Sentence, start: int, sentences: list[Sentence]) -> bool:
    """True when the cue is followed by a turn: ", but I …" or a next sentence "But …"."""
    tail = sentence.low[start:]
    if _CLAUSE_CONTRAST.search(tail):
        return True
    nxt = sentence.index + 1
    if nxt < len(sentences):
        return bool(_TURN_OPENERS.match(sentences[nxt].low))
    return False


def negated_near(sentence: Sentence, start: int, window: int = 25) -> bool:
    before = sentence.low[max(0, start - window):start]
    return bool(NEGATION.search(before))
