"""Small building blocks shared by the detectors: phrase sets, negation and contrast.

Cue sets describe ideas (who acted, who is blamed, what was decided), not phrases seen in
one answer. Every pattern is an alternation of literals with bounded gaps, so matching is
linear in the sentence length.
"""

from __future__ import annotations

import re

from bot.analysis.indexed import IndexedPattern, caller_module
from bot.analysis.quickstart import compiled
from bot.analysis.text import Sentence

_ENDS_OPEN = re.compile(r"(?: |\(\?[!=][^()]*\))$")


def phrases(*items: str) -> IndexedPattern:
    """Compile whole-word alternatives; items may contain small regex pieces.

    An item ending in a space or a lookahead already ends where it should. The result is
    indexed by the words a match can start with (see bot/analysis/indexed.py), so a text is
    only tried where a cue can begin.
    """
    parts = [
        f"(?:{item})" + ("" if _ENDS_OPEN.search(item) else r"(?!\w|'\w)") for item in items
    ]
    return IndexedPattern(r"(?<!\w)(?<!\w')", parts, module=caller_module())


def near(first: str, second: str, words: int = 6) -> str:
    """A regex piece: `first`, then up to `words` words, then `second`.

    A comma or colon may follow `first` ("the carrier, who had been slow").
    """
    return rf"(?:{first})[,;:]?(?:\s+\S{{1,40}}){{0,{words}}}?\s+(?:{second})"


SENIOR = (
    r"(?:my |the |our |her |his |their )?(?:\w{1,30} )?(?:manager|lead|boss|director|supervisor|"
    r"controller|head|vp|ceo|cto|chief|dean|principal|senior|team lead|tech lead|"
    r"charge nurse|physician|doctor|partner|owner|superior|leadership|management)s?"
)

# "My first instinct was to wait", "it would have been easy to blame", "I was tempted":
# the clause that follows describes the road not taken.
ROAD_NOT_TAKEN = phrases(
    r"(?:first|initial|gut) (?:instinct|reaction|thought|impulse)",
    r"(?:i was|i felt|honestly i was) (?:\w{1,30} )?tempted",
    r"it was tempting", r"tempting to",
    r"it would (?:have been|be) (?:very |so |really )?(?:easy|easier|tempting|simpler)",
    r"the (?:easy|easiest|quick|quickest|obvious|cheap|cheapest|lazy) (?:path|win|way|option|"
    r"thing|answer|route|fix|choice)",
    r"(?:i|we) could (?:easily )?have (?:just )?", r"could have (?:just )?",
    r"instead of", r"rather than", r"without (?:just )?", r"not just", r"didn't want to just",
    r"refused to", r"didn't want it to be", r"even if", r"even though",
)

# A turn back to the speaker acting well: ", but I checked…", "But I had the access, so…".
# Thinking, feeling or waiting is not a turn: "But I felt it was the consultant's call".
_TURN = (
    r"(?:i|we)\b(?! (?:didn't|did not|wasn't|couldn't|wouldn't|figured|thought|felt|"
    r"assumed|believed|guessed|hoped|worried|knew|preferred|wanted|needed|decided to wait|just|"
    r"still|'d|would|had to|got|hit|made (?:sure|it clear) (?:that )?(?:the|they|it)))"
)
_CLAUSE_CONTRAST = compiled(
    r"(?:,|;| -)\s*(?:but|yet|however|instead),? " + _TURN + r"|\bbut then " + _TURN
)
_TURN_OPENERS = re.compile(
    r"^(?:but|however|yet|instead|still|that said|even so|so instead|rather),? "
    r"(?:(?:\w{1,30} ){0,6}?)" + _TURN
)

NEGATION = compiled(r"\b(?:not|never|no|didn't|don't|doesn't|wasn't|weren't|isn't|won't|"
                      r"wouldn't|couldn't|hadn't|haven't|nobody|none|neither|nor|without)\b")


def clause_before(sentence: Sentence, start: int) -> str:
    """The part of the sentence before `start`, back to the last clause boundary."""
    head = sentence.low[max(0, start - 300):start]  # a clause is never longer than this
    cut = max(head.rfind(", but"), head.rfind("; "), head.rfind(" but "), head.rfind(". "))
    return head[cut + 1:] if cut >= 0 else head


# "Instead of X, I did Y": these alternatives end at the next comma, so Y is what was done.
_SHORT_SCOPE = re.compile(r"(?:instead of|rather than|without|not just)\b")


def is_road_not_taken(sentence: Sentence, start: int) -> bool:
    """True when the cue at `start` sits inside a rejected alternative."""
    clause = clause_before(sentence, start)
    found = list(ROAD_NOT_TAKEN.finditer(clause))
    if not found:
        return False
    last = found[-1]
    return not (_SHORT_SCOPE.match(last.group(0)) and "," in clause[last.end():])


# The next sentence turns the option down: "I didn't do that.", "I refused."
_REJECTED_NEXT = re.compile(
    r"^(?:but )?(?:i|we) (?:didn't|did not|wouldn't|would not|refused to|chose not to|decided "
    r"not to|declined to)(?: (?:do|go with|take|want|accept|agree to))? (?:that|it|this|them)\b"
    r"|^(?:but )?(?:i|we) (?:refused|said no|pushed back|declined)\b"
)


def reversed_after(sentence: Sentence, start: int, sentences: list[Sentence]) -> bool:
    """True when the cue is followed by a turn: ", but I …" or a next sentence "But …"."""
    tail = sentence.low[start:]
    if _CLAUSE_CONTRAST.search(tail):
        return True
    nxt = sentence.index + 1
    if nxt < len(sentences):
        low = sentences[nxt].low
        return bool(_TURN_OPENERS.match(low) or _REJECTED_NEXT.match(low))
    return False


def negated_near(sentence: Sentence, start: int, window: int = 25) -> bool:
    before = sentence.low[max(0, start - window):start]
    return bool(NEGATION.search(before))
