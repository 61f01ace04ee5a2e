"""How the story is told: "we" instead of "I", and what one would do instead of what one did."""

from __future__ import annotations

from bot.analysis.antipatterns.base import Context, Hit
from bot.analysis.narrative import HABIT, IRREGULAR_PAST, SPECIFIC_PAST, i_actions, team_actions
from bot.analysis.quickstart import compiled
from bot.analysis.text import Sentence

# "We" answers: at most this share of the actions are the speaker's own.
MAX_OWN_ACTION_SHARE = 0.25
MIN_TEAM_ACTIONS = 3
# Hypothetical answers: this share of story sentences talk in habits and conditionals.
MIN_HABIT_SHARE = 0.4


# Who is the subject of the doing, in any tense ("we'd map the process", "the team rebuilt
# it", "I called"): being, having and feeling are not doing.
_ADVERBS = (
    r"(?: (?:would|usually|normally|typically|always|then|also|all|just|quickly|eventually|"
    r"finally|generally|often|will|can|could|first|really|actually|basically|together|both))*"
)
_NOT_DOING = (
    r"(?!(?:were|was|am|'m|had|have|are|is|been|being|do not|don't|didn't|never|not|got|get|"
    r"felt|feel|think|thought|knew|know|wanted|want|needed|need|lost|ended|managed)\b)"
)
_WE_CLAUSE = compiled(
    r"(?<![\w'])(?:we|we'd|we'll|the team|our team|the group|everyone)" + _ADVERBS + " "
    + _NOT_DOING + r"[a-z][a-z'-]+"
)
_I_CLAUSE = compiled(r"(?<![\w'])(?:i|i'd|i'll|myself)" + _ADVERBS + " " + _NOT_DOING + r"[a-z]")
MIN_WE_CLAUSES = 3
MAX_OWN_CLAUSE_SHARE = 0.2


def we_not_i(context: Context) -> list[Hit]:
    own = sum(len(i_actions(s)) for s in context.story)
    team_sentences = [s for s in context.story if team_actions(s)]
    team = sum(len(team_actions(s)) for s in team_sentences)
    if team >= MIN_TEAM_ACTIONS and own / (own + team) <= MAX_OWN_ACTION_SHARE:
        return [Hit(team_sentences[0], 1.0, "we")]
    # The same test on every clause, whatever its tense: "we'd map it, we'd trial a fix".
    we_sentences = [s for s in context.story if _WE_CLAUSE.search(s.low)]
    we = sum(len(_WE_CLAUSE.findall(s.low)) for s in we_sentences)
    mine = sum(len(_I_CLAUSE.findall(s.low)) for s in context.story)
    if we >= MIN_WE_CLAUSES and mine / (we + mine) <= MAX_OWN_CLAUSE_SHARE:
        return [Hit(we_sentences[0], 1.0, "we")]
    return []


# A sentence that also narrates what the speaker did ("I did the tutorials … so I'd
# understand it") tells the story; a wish ("I'd love to") is not a habit.
_PAST_NARRATIVE = compiled(
    r"(?<![\w'])(?:i|we)(?: \w+)?? (?:" + IRREGULAR_PAST + r"|[a-z]{2,}ed)\b"
)
_WISH = compiled(r"\b(?:i'd|i would) (?:really )?(?:love|like|prefer|hope|want)\b")
# A routine told in the present: "I start by…", "then I score them", "the first thing I do is".
# Being, knowing and feeling are not routines, nor is a job held ("I teach maths").
_ROUTINE = compiled(
    r"(?:^|, |; |\band |\bthen |\bso )(?:i|i'll|we|we'll)(?: (?:then|also|first|just|always|"
    r"usually|often|really|still|normally|typically|generally|quickly))? "
    r"(?!(?:am|have|had|was|were|did|do not|don't|didn't|can't|think|believe|know|feel|want|need|"
    r"like|love|hope|guess|mean|remember|work|teach|manage|run|lead|own|live|joined|say|said|"
    r"wasn't|couldn't|wouldn't|got|get|could|would|can|should|might|must|will|may)\b)"
    r"(?!" + IRREGULAR_PAST + r"\b)[a-z]{2,}(?<!ed)(?<!'d)\b"
    r"|\bwhat (?:i|we) (?:usually |normally |typically |generally )?do is\b"
    r"|\bthe first thing (?:i|we) do\b"
)


def _is_habit(sentence: Sentence, routines: bool = False) -> bool:
    low = sentence.low
    if _PAST_NARRATIVE.search(low):
        return False
    if routines and _ROUTINE.search(low):
        return True
    return bool(HABIT.search(low) and HABIT.search(_WISH.sub(" ", low)))


# Present-tense routines ("I start by…") read as habits only in an answer that also says so
# more than once ("usually", "in those situations", "I'd…"): otherwise they are a story told
# in the present ("so I radio the shift manager").
MIN_HABIT_MARKERS_FOR_ROUTINES = 2


def _habits(story: list[Sentence]) -> list[Sentence]:
    routines = sum(_is_habit(s) for s in story) >= MIN_HABIT_MARKERS_FOR_ROUTINES
    return [s for s in story if _is_habit(s, routines)]


def _hypothetical_habits(context: Context) -> list[Sentence]:
    """The habit sentences of an answer told as habits rather than one story; else none."""
    story = context.story
    if not story:
        return []
    habits = _habits(story)
    habit_ids = {s.index for s in habits}
    # An example inside the habit talk ("someone who gave three years ago") is not a story.
    specific = sum(
        1 for s in story if SPECIFIC_PAST.search(s.low) and s.index not in habit_ids
    )
    own_actions = sum(len(i_actions(s)) for s in story)
    if len(habits) < 1 or len(habits) / len(story) < MIN_HABIT_SHARE:
        return []
    mostly_habits = len(habits) / len(story) >= 0.7
    told_as_habits = (specific == 0 and own_actions <= 2) or (mostly_habits and not specific)
    return habits if told_as_habits else []


def hypothetical(context: Context) -> list[Hit]:
    habits = _hypothetical_habits(context)
    return [Hit(habits[0], 1.0, "would")] if habits else []
