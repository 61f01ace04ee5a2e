"""How the story is told: "we" instead of "I", and what one would do instead of what one did."""

from __future__ import annotations

from bot.analysis.antipatterns.base import Context, Hit
from bot.analysis.narrative import HABIT, SPECIFIC_PAST, i_actions, team_actions

# "We" answers: at most this share of the actions are the speaker's own.
MAX_OWN_ACTION_SHARE = 0.25
MIN_TEAM_ACTIONS = 3
# Hypothetical answers: this share of story sentences talk in habits and conditionals.
MIN_HABIT_SHARE = 0.4


def we_not_i(context: Context) -> list[Hit]:
    own = sum(len(i_actions(s)) for s in context.story)
    team_sentences = [s for s in context.story if team_actions(s)]
    team = sum(len(team_actions(s)) for s in team_sentences)
    if team < MIN_TEAM_ACTIONS:
        return []
    if own / (own + team) > MAX_OWN_ACTION_SHARE:
        return []
    return [Hit(team_sentences[0], 1.0, "we")]


def is_hypothetical(context: Context) -> bool:
    story = context.story
    if not story:
        return False
    habits = [s for s in story if HABIT.search(s.low)]
    specific = sum(1 for s in story if SPECIFIC_PAST.search(s.low))
    own_actions = sum(len(i_actions(s)) for s in story)
    if len(habits) < 1 or len(habits) / len(story) < MIN_HABIT_SHARE:
        return False
    return (specific == 0 and own_actions <= 2) or (len(habits) / len(story) >= 0.7 and not specific)


def hypothetical(context: Context) -> list[Hit]:
    if not is_hypothetical(context):
        return []
    first = next(s for s in context.story if HABIT.search(s.low))
    return [Hit(first, 1.0, "would")]
