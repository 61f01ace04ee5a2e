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
        f"(?:{item})" + ("" if _ENDS_OPEN.search(item) else r"(?!\w|'\w)") for item in items
    ]
    compiled = re.compile(r"(?<!\w)(?<!\w')(?:" + "|".join(parts) + r")")
    _ITEMS[id(compiled)] = items
    _KEEP_ALIVE.append(compiled)
    return compiled


# --- a cheap literal prefilter ----------------------------------------------------------
# Every match of a cue family starts some word with one of a few literal prefixes ("didn't",
# "kept", ...). Checking those against the words of a sentence is far cheaper than running the
# whole alternation, so text without any of them (a wall of repeated words) is skipped.

# Keyed by id(): hashing a compiled pattern re-hashes its (long) source every time. The
# patterns are module constants, kept alive here so that an id is never reused.
_NEEDLES: dict[int, frozenset[str] | None] = {}
_ITEMS: dict[int, tuple[str, ...]] = {}
_KEEP_ALIVE: list[re.Pattern[str]] = []
# Ordinary sentences are cheap to match; only text longer than this is worth prefiltering,
# and the needles are worked out the first time such text turns up.
_FILTER_FROM = 400
_NEEDLE_CHARS = re.compile(r"[\w'-]+")
_MAX_PREFIX = 12
_WORD_STARTS = re.compile(rf"(?<!\w)(?=(\w[\w'-]{{0,{_MAX_PREFIX - 1}}}))")


def _pattern_needles(items: tuple[str, ...]) -> frozenset[str] | None:
    """Word prefixes one of which any match must contain; None when an item has none."""
    try:
        from re import _constants as c
        from re import _parser as parser
    except ImportError:  # pragma: no cover - other Python versions: no prefilter
        return None
    needles: set[str] = set()
    for item in items:
        try:
            found = _item_needles(parser.parse(item), c)
        except (re.error, RecursionError):  # pragma: no cover - defensive
            found = None
        if not found:
            return None
        needles |= found
    return frozenset(needles)


def _zero_width(op, av, c) -> bool:  # type: ignore[no-untyped-def]
    """Anchors and lookarounds, alone or in a group of alternatives ("(?:^|(?<=, ))")."""
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return True
    if op is c.SUBPATTERN:
        return all(_zero_width(o, a, c) for o, a in av[3])
    if op is c.BRANCH:
        return all(all(_zero_width(o, a, c) for o, a in alt) for alt in av[1])
    return False


def _item_needles(seq, c) -> set[str] | None:  # type: ignore[no-untyped-def]
    """Needles at the first point of `seq` that must start a word, if any."""
    at_word_start = True
    nodes = list(seq)
    for i, (op, av) in enumerate(nodes):
        if _zero_width(op, av, c):
            continue
        if at_word_start:
            found = _starts(nodes[i:], c)
            if found:
                return found
        if op is c.LITERAL:
            at_word_start = av == ord(" ")
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            # "(?:\w+ ){0,3}" keeps a word start a word start; other repeats end it.
            at_word_start = at_word_start and _ends_with_space(list(av[2]), c)
        else:
            at_word_start = _ends_with_space([(op, av)], c)
    return None


def _starts(nodes, c) -> set[str] | None:  # type: ignore[no-untyped-def]
    """The literal word prefixes a match of `nodes` must begin with, or None."""
    for i, (op, av) in enumerate(nodes):
        if _zero_width(op, av, c):
            continue
        if op is c.LITERAL:
            text = ""
            for op2, av2 in nodes[i:]:
                if op2 is not c.LITERAL:
                    break
                text += chr(av2)
            word = _NEEDLE_CHARS.match(text)
            return {word.group(0)[:_MAX_PREFIX]} if word else None
        if op is c.SUBPATTERN:
            return _starts(list(av[3]), c)
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                got = _starts(list(alternative), c)
                if not got:
                    return None
                found |= got
            return found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _starts(list(av[2]), c)
            if av[0] >= 1 or not inner:
                return inner
            # An optional start ("(?:so )?i kept"): either it or what follows begins the match.
            rest = _starts(nodes[i + 1:], c)
            return inner | rest if rest else None
        return None
    return None


def _ends_with_space(nodes, c) -> bool:  # type: ignore[no-untyped-def]
    if not nodes:
        return False
    op, av = nodes[-1]
    if op is c.LITERAL:
        return av == ord(" ")
    if op is c.SUBPATTERN:
        return _ends_with_space(list(av[3]), c)
    if op is c.BRANCH:
        return all(_ends_with_space(list(alt), c) for alt in av[1])
    return False


_PREFIXES: dict[str, frozenset[str]] = {}


def _prefixes(low: str) -> frozenset[str]:
    """Every prefix of every word start in `low` ("didn't" gives "d", "di", … "didn't")."""
    cached = _PREFIXES.get(low)
    if cached is None:
        words = set(_WORD_STARTS.findall(low))
        cached = frozenset(w[:n] for w in words for n in range(1, len(w) + 1))
        if len(_PREFIXES) > 4096:
            _PREFIXES.clear()
        _PREFIXES[low] = cached
    return cached


def may_match(pattern: re.Pattern[str], low: str) -> bool:
    """False only when `pattern` cannot match `low` (none of its needles starts a word)."""
    if len(low) < _FILTER_FROM:
        return True
    key = id(pattern)
    if key not in _NEEDLES:
        items = _ITEMS.get(key)
        _NEEDLES[key] = _pattern_needles(items) if items is not None else None
    needles = _NEEDLES[key]
    return needles is None or not needles.isdisjoint(_prefixes(low))


def near(first: str, second: str, words: int = 6) -> str:
    """A regex piece: `first`, then up to `words` words, then `second`.

    A comma or colon may follow `first` ("the carrier, who had been slow").
    """
    return rf"(?:{first})[,;:]?(?:\s+\S+){{0,{words}}}?\s+(?:{second})"


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
    r"the (?:easy|easiest|quick|quickest|obvious|cheap|cheapest|lazy) (?:path|win|way|option|"
    r"thing|answer|route|fix|choice)",
    r"(?:i|we) could (?:easily )?have (?:just )?", r"could have (?:just )?",
    r"instead of", r"rather than", r"without (?:just )?", r"not just", r"didn't want to just",
    r"refused to", r"didn't want it to be", r"even if", r"even though",
)

CONTRAST_OPENERS = re.compile(
    r"^(?:but|however|yet|instead|still|that said|even so|in the end|then again|"
    r"on the other hand|so instead|rather)\b"
)
# A turn back to the speaker acting well: ", but I checked…", "But I had the access, so…".
# Thinking, feeling or waiting is not a turn: "But I felt it was the consultant's call".
_TURN = (
    r"(?:i|we)\b(?! (?:didn't|did not|wasn't|couldn't|wouldn't|figured|thought|felt|"
    r"assumed|believed|guessed|hoped|worried|knew|preferred|wanted|needed|decided to wait|just|"
    r"still|'d|would|had to|got|hit|made (?:sure|it clear) (?:that )?(?:the|they|it)))"
)
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
