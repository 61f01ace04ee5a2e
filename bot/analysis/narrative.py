"""Who did what, and when: first-person actions, intentions and habits in a sentence.

These are the grammatical signals the STAR parts and several anti-patterns share.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis.cues import phrases
from bot.analysis.quickstart import compiled, single_spaced_reach
from bot.analysis.text import Sentence

_IRREGULAR_PAST = (
    "took|made|wrote|rewrote|built|rebuilt|ran|reran|set|reset|put|sat|went|got|gave|told|"
    "brought|bought|drove|led|met|found|spent|sent|began|kept|chose|drew|caught|held|paid|"
    "sold|taught|shut|cut|read|split|spun|won|rode|flew|dug|fed|hung|lit|left|lent|laid|"
    "overhauled|redid|did|undertook|oversaw|stood|struck|swept|threw|understood|upheld|"
    "withdrew|wound|broke|forgot|hid|shot|sought|fought|let|quit|rang|sang|stuck|took over|"
    "set up|ran through|sat down|went back|went through|dove|dived|spoke|woke|rethought"
)
IRREGULAR_PAST = _IRREGULAR_PAST  # shared with the detectors
# Verbs of thinking, feeling or being are not actions a bar raiser can probe.
_NOT_ACTIONS = {
    "was", "were", "had", "thought", "felt", "knew", "figured", "believed", "wanted",
    "hoped", "guessed", "wondered", "liked", "loved", "hated", "needed", "seemed",
    "assumed", "expected", "learned", "learnt", "realised", "realized", "imagined",
    "supposed", "worried", "feared", "preferred", "enjoyed", "used", "tended", "noticed",
    "saw", "heard", "got", "did", "stuck", "guess", "suspected", "considered", "forgot",
    "understood", "ended", "happened", "didn't", "wished", "regretted", "cared", "trusted",
    "managed", "owned", "annoyed", "frustrated", "surprised", "tempted",
    "interested", "excited", "scared", "allowed", "asked to", "based",
}
_ADVERB = (
    r"(?:then |also |first |quickly |personally |immediately |finally |just |actually |"
    r"eventually |myself |instead |even |later |next |basically |still |initially |"
    r"literally |carefully |directly |deliberately |once |already |alone |simply |"
    r"proactively |only |soon |afterwards |right away |and )?"
)
# These patterns start with the literal "i " and look behind it afterwards: the same matches as
# a leading (?<![\w']), but a pattern that starts with a literal lets the regex engine jump from
# one "i " to the next instead of trying every position (~4x faster on a sentence).
_I_START = r"i (?<![\w']i )"
_I_PAST = re.compile(
    _I_START + _ADVERB + r"(" + _IRREGULAR_PAST + r"|[a-z][a-z-]+ed)(?![\w'])"
)
# Stories told in the present: "so I radio the shift manager", "I check, and…".
_I_PRESENT_NARRATIVE = re.compile(
    _I_START + r"(?:just |then |also |first |quickly )?(?:go|ask|tell|call|start|grab|pull|sit|"
    r"write|check|message|email|build|fix|run|set|put|take|bring|look|find|send|say|give|"
    r"radio|walk|explain|offer|print|open|flag|escalate|refund|reset|restart|roll|pick|"
    r"phone|ring|book|move|swap|show|stop|test|rewrite|draft|pull up|sort|chase|get)\b"
    r"(?! to\b)"
)
_WE_PAST = re.compile(
    r"(?:w(?<![\w']w)e|t(?<![\w']t)he (?:team|group)|o(?<![\w']o)ur team|t(?<![\w']t)hey) "
    + _ADVERB
    + r"(" + _IRREGULAR_PAST + r"|[a-z]{2,}ed)(?![\w'])"
)
_LEADING_PAST_VERB = re.compile(r"^(" + _IRREGULAR_PAST + r"|[a-z][a-z-]{2,}ed)\b")
_MODAL_BEFORE = re.compile(
    r"(?:would|'d|will|'ll|could|should|might|must|can|going to|plan to|planning to|want to|"
    r"hope to|like to|need to|try to|tend to|usually|normally|typically|always)\s*$"
)

INTENTION = phrases(
    r"i'm planning", r"i am planning", r"i plan to", r"i'm going to", r"i am going to",
    r"i'd like to", r"i would like to", r"i want to", r"i hope to", r"i'm hoping",
    r"i am hoping", r"hopefully", r"the plan is", r"my plan is", r"next quarter",
    r"next month", r"next year", r"i intend", r"we'll", r"we will", r"i'll",
)
HABIT = phrases(
    r"i would", r"i'd (?!have\b|been\b|had\b|only\b|just\b|never\b|already\b|"
    r"\w+ed\b|done\b|gone\b|seen\b|taken\b|written\b|made\b|given\b|known\b|"
    r"found\b|built\b|told\b|sent\b|spent\b|kept\b|left\b|put\b|set\b|run\b|"
    r"read\b|heard\b|got\b|come\b|become\b|begun\b|brought\b|bought\b|caught\b|"
    r"taught\b|thought\b|felt\b|lost\b|met\b|paid\b|said\b|sold\b|won\b)",
    r"i usually",
    r"i normally", r"i typically", r"i generally", r"i tend to", r"i always", r"i try to",
    r"we usually", r"we normally", r"we typically", r"we tend to", r"we always", r"we would",
    r"we'd (?!have\b|been\b|had\b)", r"my approach", r"my philosophy", r"i believe",
    r"in general", r"generally", r"as a rule", r"whenever", r"every time",
    r"if (?:a|an|someone|somebody|the|my|one|i|they|we) ", r"that's (?:just )?how i",
    r"in (?:that|this|those|these) (?:kind of |sort of |type of )?(?:situation|case)s?",
    r"my style", r"i make sure", r"i'm the (?:kind|type|first)",
)
SPECIFIC_PAST = phrases(
    r"one (?:day|night|morning|evening|afternoon|weekend|time|week|month|year|shift|cycle|"
    r"spring|summer|autumn|fall|winter|quarter|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)",
    r"last (?:year|month|week|spring|summer|autumn|fall|winter|quarter|term|semester|"
    r"january|february|march|april|june|july|august|september|october|november|december)",
    r"in (?:19|20)\d\d", r"(?:a|two|three|few|couple of) (?:years|months|weeks) ago",
    r"at my (?:last|previous|former|old|first|current|second) (?:job|company|role|employer|"
    r"school|team|workplace|position)",
    r"when i was", r"this was (?:at|in|when|during|back)", r"i was (?:a|an|the) ",
    r"there was (?:a|an|one) (?:time|case|moment|day|night|incident)",
    r"let me give you", r"a specific", r"one specific", r"for example, (?:last|in|at|when)",
    r"during my", r"in my (?:first|second|third|last|previous|current) (?:job|role|year)",
)


_COORDINATED = re.compile(
    r"(?:, (?:and )?|a(?<!\wa)nd |t(?<!\wt)hen |; )(?:then |also |finally |just |later |i )?("
    + _IRREGULAR_PAST + r"|[a-z]{3,}ed)(?![\w'])"
)
_ONE_WHO = re.compile(
    r"i (?<!\wi )(?:was|am) the (?:one|person|only one) (?:who|that) (" + _IRREGULAR_PAST
    + r"|[a-z]{3,}ed)\b"
)
_PASSIVE_BEFORE = re.compile(r"(?:was|were|been|be|being|is|are|had|has|have|get|got) *$")


_OTHER_SUBJECT_BEFORE = compiled(r"\b(?:we|they|he|she|it)\s+$")


def _said_just_before(pattern: re.Pattern[str], low: str, end: int) -> bool:
    """`pattern`, one of the end-anchored checks above, matches the words just before `end`.
    The search starts only as far back as its longest match reaches in a single-spaced sentence:
    no position further back can start a match, and a 20,000-character run-on sentence stays
    linear. It reads the sentence itself, so a look-behind there sees the character before."""
    return pattern.search(low, max(0, end - _REACH[pattern]), end) is not None


_REACH = {
    pattern: single_spaced_reach(pattern)
    for pattern in (_MODAL_BEFORE, _PASSIVE_BEFORE, _OTHER_SUBJECT_BEFORE)
}


def i_actions(sentence: Sentence) -> list[str]:
    """Past-tense (or narrative-present) actions whose subject is the speaker."""
    return list(_i_actions(sentence.low))


@lru_cache(maxsize=8192)
def _i_actions(low: str) -> tuple[str, ...]:
    return tuple(_find_i_actions(low))


def _find_i_actions(low: str) -> list[str]:
    # All but the leading verb open with "i ": without one (~40% of sentences) none can match.
    verbs = _told_with_i(low) if "i " in low else []
    # A sentence told as "I ..." or "we ..." has its subject already (~30%): no leading verb.
    leading = None if low.startswith(("i ", "we ")) else _LEADING_PAST_VERB.match(low)
    if leading and leading.group(1) not in _NOT_ACTIONS:
        verbs.append(leading.group(1))
    return verbs


def _told_with_i(low: str) -> list[str]:
    """The actions told with "I" as their subject."""
    verbs: list[str] = []
    for match in _I_PAST.finditer(low):
        verb = match.group(1)
        if verb.split()[0] in _NOT_ACTIONS or verb.startswith("worked as"):
            continue
        if _said_just_before(_MODAL_BEFORE, low, match.start()):
            continue
        verbs.append(verb)
    if "the one " in low or "the person " in low or "the only one " in low:  # rare: skip the scan
        verbs.extend(m.group(1) for m in _ONE_WHO.finditer(low))
    if verbs and not low.startswith(("we ", "they ")):
        # "I paged my lead, posted the graphs and kept refreshing": one subject, three steps.
        first = low.find(" " + verbs[0]) if low.find(" " + verbs[0]) >= 0 else 0
        for match in _COORDINATED.finditer(low, first):
            verb = match.group(1)
            if verb in _NOT_ACTIONS or _said_just_before(_PASSIVE_BEFORE, low, match.start(1)):
                continue
            if _said_just_before(_OTHER_SUBJECT_BEFORE, low, match.start(1)):
                continue
            verbs.append(verb)
    verbs.extend(
        m.group(0) for m in _I_PRESENT_NARRATIVE.finditer(low)
        if not _said_just_before(_MODAL_BEFORE, low, m.start())
    )
    return verbs


def team_actions(sentence: Sentence) -> list[str]:
    """Past-tense actions whose subject is 'we', 'the team' or 'they'."""
    return list(_team_actions(sentence.low))


@lru_cache(maxsize=8192)
def _team_actions(low: str) -> tuple[str, ...]:
    return tuple(_find_team_actions(low))


def _find_team_actions(low: str) -> list[str]:
    return [
        m.group(1) for m in _WE_PAST.finditer(low)
        if m.group(1).split()[0] not in _NOT_ACTIONS and not m.group(0).startswith("they")
    ]


def forget_sentences() -> None:
    _i_actions.cache_clear()
    _team_actions.cache_clear()
