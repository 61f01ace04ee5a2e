"""A member's progress, gathered for display: coverage, what next, history, streaks, and
the guild leaderboard.

Each function reads what it needs from storage and hands it to the pure maths in
:mod:`bot.coach.coverage`, :mod:`bot.coach.recommend` and :mod:`bot.coach.streaks`; the
Discord cogs only render the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.bank import Bank
from bot.coach.answering import QuestionInfo, find_question
from bot.coach.coverage import PrincipleCoverage, compute_coverage, principles_covered
from bot.coach.daily import all_questions
from bot.coach.recommend import PrincipleSchedule, Recommendation, recommend, schedule
from bot.coach.streaks import current_streak, longest_streak, streak_start
from bot.storage import AnswerSummary, Database, LeaderboardEntry

#: Interview guides advise at least this many prepared stories per principle.
STORIES_PER_PRINCIPLE = 2
LEADERBOARD_SIZE = 10


@dataclass(frozen=True)
class Progress:
    """Everything /coverage shows about one member."""

    user_id: int
    today: date
    coverage: list[PrincipleCoverage]
    schedules: dict[str, PrincipleSchedule]
    recommendation: Recommendation
    answers: int
    #: Stories in the member's bank per principle id (every principle present).
    story_counts: dict[str, int]

    @property
    def covered(self) -> int:
        """How many principles have at least one answer."""
        return principles_covered(self.coverage)

    @property
    def without_story(self) -> list[str]:
        """Principle ids with no story in the bank yet, canonical order."""
        return [pid for pid, n in self.story_counts.items() if n == 0]

    @property
    def one_story(self) -> list[str]:
        """Principle ids with a story, but fewer than :data:`STORIES_PER_PRINCIPLE`."""
        return [pid for pid, n in self.story_counts.items() if 0 < n < STORIES_PER_PRINCIPLE]


@dataclass(frozen=True)
class NextPractice:
    """What /next suggests: the principle, a question for it, and why."""

    recommendation: Recommendation
    question: QuestionInfo | None


@dataclass(frozen=True)
class HistoryLine:
    """One past answer and the text of the question it answered (None when free-form or
    the question no longer exists)."""

    answer: AnswerSummary
    question_text: str | None


@dataclass(frozen=True)
class StreakInfo:
    """A member's daily-answer streaks, counted in their own time zone."""

    today: date
    timezone: str
    current: int
    longest: int
    started: date | None
    answered_today: bool


@dataclass(frozen=True)
class Leaderboard:
    """A guild's top members on its local date."""

    today: date
    timezone: str
    entries: list[LeaderboardEntry]


async def user_today(db: Database, user_id: int, now: datetime) -> date:
    """The member's calendar date at ``now`` in their preferred time zone."""
    prefs = await db.get_preferences(user_id)
    return now.astimezone(prefs.zone).date()


async def user_progress(
    db: Database, bank: Bank, user_id: int, today: date, *, guild_id: int | None = None
) -> Progress:
    """Coverage of the 16 principles, their due dates, the next recommendation and the
    story bank counts for one member (``guild_id`` adds that guild's own questions)."""
    rows = await db.coverage_rows(user_id)
    questions = await all_questions(db, bank, guild_id)
    counts = dict.fromkeys(bank.principle_ids, 0)
    for story in await db.list_stories(user_id):
        for pid in story.principle_ids:
            if pid in counts:
                counts[pid] += 1
    return Progress(
        user_id=user_id,
        today=today,
        coverage=compute_coverage(rows),
        schedules=schedule(rows),
        recommendation=recommend(rows, questions, today),
        answers=len(rows),
        story_counts=counts,
    )


async def next_practice(
    db: Database, bank: Bank, user_id: int, today: date, *, guild_id: int | None = None
) -> NextPractice:
    """The recommended principle and question for the member (bank questions, plus the
    guild's own questions when asked in a guild)."""
    rows = await db.coverage_rows(user_id)
    questions = await all_questions(db, bank, guild_id)
    rec = recommend(rows, questions, today)
    question = next((q for q in questions if q.id == rec.question_id), None)
    return NextPractice(recommendation=rec, question=question)


async def answer_history(
    db: Database, bank: Bank, user_id: int, count: int
) -> list[HistoryLine]:
    """The member's latest ``count`` answers, newest first, with their question texts."""
    lines = []
    for answer in await db.user_answer_history(user_id, limit=count):
        question = await find_question(db, bank, answer.question_id, answer.guild_id)
        lines.append(HistoryLine(answer, question.text if question else None))
    return lines


async def user_streak(db: Database, user_id: int, now: datetime) -> StreakInfo:
    """Current and longest daily-answer streaks, with "today" in the member's zone."""
    prefs = await db.get_preferences(user_id)
    today = now.astimezone(prefs.zone).date()
    days = [d for d in await db.daily_answer_dates(user_id) if d <= today]
    return StreakInfo(
        today=today,
        timezone=prefs.timezone,
        current=current_streak(days, today),
        longest=longest_streak(days),
        started=streak_start(days, today),
        answered_today=today in days,
    )


async def guild_leaderboard(
    db: Database, guild_id: int, now: datetime, limit: int = LEADERBOARD_SIZE
) -> Leaderboard:
    """The guild's top members by current streak, then principles covered, on the
    guild's local date (its daily-question time zone, UTC when none is set)."""
    settings = await db.get_guild_settings(guild_id)
    zone = settings.zone if settings else ZoneInfo("UTC")
    today = now.astimezone(zone).date()
    entries = await db.guild_leaderboard(guild_id, today, limit=limit)
    return Leaderboard(today=today, timezone=zone.key, entries=entries)

