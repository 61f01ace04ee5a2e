"""Did the speaker state their own lesson, or what they would do differently?"""

from __future__ import annotations

from functools import lru_cache

from bot.analysis.cues import phrases
from bot.analysis.models import Learning
from bot.analysis.text import Document, Sentence

_LESSON = phrases(
    r"(?:i|we) (?:have |'ve )?(?:learned|learnt|learnd|realised|realized|understood) (?:that|to|"
    r"how|"
    r"the|a|from|two|three|something|not|it|what|when|early|quickly|never|always)",
    r"(?:what|thing|things|point) i(?:'ve| have)? (?:learned|learnt|learnd|took away|"
    r"take away|took from (?:it|this|that)|took|take from)",
    r"learned (?:that one |it |this |that )?the hard way", r"ever since",
    r"(?:the|my|a|big|biggest|key|main|real|important|valuable|hard|main) "
    r"(?:lesson|learning|takeaway|take-away)s?\s?(?:here |for me |i (?:took|learned|learnt|drew) "
    r"(?:away |from (?:it|this|that) )?)?(?:was|is|were|are|:|-|that|here|for me|i)",
    r"lessons? (?:for me|i|learned|learnt)", r"(?:my |the )?takeaway", r"learning for me",
    r"taught me", r"(?:showed|reminded|convinced) me (?:that|how|to|the)",
    r"if i (?:did|had|could|were to) (?:do )?(?:it|this|that|them) (?:again|over)",
    r"(?:next time|in future|in the future|going forward|from now on),? i(?:'d| would| will|'ll)",
    r"i(?:'d| would) (?:do|have done) (?:it |things |that |some things )?differently",
    r"(?:what|something) i(?:'d| would) (?:do|change) differently",
    r"i would have (?:\w{1,30} ){0,3}(?:earlier|sooner|first|instead|differently|from the start)",
    r"i(?:'d| would)(?: have)? (?:push|start|involve|bring|ask|set|measure|check|build|"
    r"test|talk|raise|plan|escalate|insist|spend|do|include)\b(?:\w| ){0,60}"
    r"(?:earlier|sooner|first|from the start|from day one|next time|again|before)",
    r"in hindsight", r"with hindsight", r"looking back,? (?:i|what|the|my)",
    r"(?:since then|now|these days|ever since|today),? i (?:always|never|make|check|ask|"
    r"budget|start|plan|build|look|add|test|read|keep|write|set|run|involve|insist|break|"
    r"tell|try|do|put|get|bring|spend|walk|use|share|review|replay|treat|flag|assume|"
    r"schedule|block|prioriti[sz]e|go)",
    r"i now (?:always |make sure|check|ask|add|budget|start|plan|build|look|test|"
    r"read|keep|write|set|involve|insist|break|tell|try|use|share|review|treat|flag|"
    r"schedule|put|get|bring|spend|walk|go)",
    r"(?:my|the) (?:advice|rule of thumb|principle) (?:now )?(?:is|was)",
    r"that's what i(?:'d| would) tell", r"i(?:'m| am) (?:much )?more careful",
    r"i carry (?:that|this|it) ", r"stuck with me", r"i still (?:use|apply|do|think about)",
    r"i'd (?:never|always) (?!have |been |had |[a-z]+ed\b|done |seen |known |written |heard |met "
    r"|run |taken |given |made |got |gone |built |led |held |kept |felt |thought |spoken |"
    r"worn |won |lost |sold |taught )", r"would have (?:saved|avoided|caught|prevented)",
    r"i should have", r"i wish i had", r"i underestimated", r"my mistake was",
    # A lesson labelled inline ("... Lesson: say it first."), or stated without "I".
    r"^(?:(?:the |my |a )?(?:key |main |big |biggest |real )?(?:lesson|lessons|learning|learnings|"
    r"takeaway|takeaways)(?: (?:learned|learnt|i took|i learned|i learnt|for (?:me|next time|"
    r"next year)))?) ?[:-]",
    r"^(?:and )?(?:learned|learnt) (?:that|to|how|a lot|the)", r"(?:was|were) a (?:good|useful|"
    r"valuable|hard|big|real) lesson", r"looking back,? we",
    r"i(?:'ve| have) since", r"since then,? (?:i|nothing|every|we|my|no)",
    r"i(?:'ve| have) (?:\S{1,40} ){1,8}since(?=[.!]?$)",
)
# A lesson for someone else, or praise of oneself, is not the speaker's lesson.
_NOT_OWN_LESSON = phrases(
    r"lesson for (?:her|him|them|the team|everyone|the others)", r"good lesson for",
    r"showed (?:that )?i (?:know|am|was|can)", r"showed (?:them|everyone|my manager)",
    r"taught (?:her|him|them)",
)


def is_lesson(sentence: Sentence) -> bool:
    return lesson_start(sentence) is not None


def lesson_start(sentence: Sentence) -> int | None:
    """Where the speaker's own lesson begins in the sentence, if it states one."""
    return _lesson_start(sentence.low)


@lru_cache(maxsize=8192)  # asked of a sentence by the STAR checks, the lesson and the detectors
def _lesson_start(low: str) -> int | None:
    if _NOT_OWN_LESSON.search(low):
        return None
    match = _LESSON.search(low)
    return match.start() if match else None


def forget_lessons() -> None:
    _lesson_start.cache_clear()


def find_learning(document: Document) -> Learning:
    evidence = [s.text for s in document.sentences if is_lesson(s)]
    if not evidence:
        evidence = [
            s.text for s in document.sentences
            if s.section == "learning" and len(s.low.split()) >= 4
        ]
    return Learning(present=bool(evidence), evidence=evidence[:2])
