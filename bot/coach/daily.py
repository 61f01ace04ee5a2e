"""The daily question for a server: when it is due, which question, and what is claimed.

The claim (a UNIQUE row per guild and local date) is written *before* anything is posted,
so restarts, reconnects and two overlapping ticks can never post twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.bank import Bank
from bot.coach.answering import QuestionInfo, find_question
from bot.coach.daily_choice import choose_daily_question
from bot.schedule import Slot, due_date, local_date, next_post_at
from bot.storage import DailyPost, Database, GuildSettings


@dataclass(frozen=True)
class DailyPlan:
    """A claimed post: everything the Discord side needs to publish it."""

    guild_id: int
    local_date: date
    channel_id: int
    question: QuestionInfo
    ping_role_id: int | None


@dataclass(frozen=True)
class DailyStatus:
    settings: GuildSettings
    next_post: datetime | None
    last_post: DailyPost | None
    last_question: QuestionInfo | None


def slot_of(settings: GuildSettings) -> Slot:
    return Slot(settings.post_time, settings.timezone, tuple(settings.days), settings.paused)


async def all_questions(
    db: Database, bank: Bank, guild_id: int | None
) -> list[QuestionInfo]:
    """The built-in questions, plus the guild's own when there is a guild."""
    questions = [QuestionInfo(q.id, q.text, tuple(q.principles)) for q in bank.questions]
    if guild_id is None:
        return questions
    for custom in await db.list_guild_questions(guild_id):
        if custom.principle_ids:
            questions.append(QuestionInfo(custom.id, custom.text, tuple(custom.principle_ids)))
    return questions


async def choose_for_guild(db: Database, bank: Bank, guild_id: int, today: date) -> QuestionInfo:
    questions = await all_questions(db, bank, guild_id)
    history = [(h.question_id, h.local_date) for h in await db.guild_question_history(guild_id)]
    practice = await db.guild_principle_counts(guild_id)
    return choose_daily_question(questions, history, practice, today)


async def claim_due_post(
    db: Database, bank: Bank, settings: GuildSettings, now: datetime
) -> DailyPlan | None:
    """Claim today's post if it is due now (or overdue today); None otherwise."""
    if settings.channel_id is None:
        return None
    last = await db.last_daily_post(settings.guild_id)
    due = due_date(slot_of(settings), now, last.local_date if last else None)
    if due is None:
        return None
    return await _claim(db, bank, settings, due, now)


async def claim_now(
    db: Database, bank: Bank, settings: GuildSettings, now: datetime
) -> DailyPlan | None:
    """Claim today's post on demand (/daily now); None if today's was already posted."""
    if settings.channel_id is None:
        return None
    today = local_date(slot_of(settings), now)
    return await _claim(db, bank, settings, today, now)


async def _claim(
    db: Database, bank: Bank, settings: GuildSettings, day: date, now: datetime
) -> DailyPlan | None:
    assert settings.channel_id is not None
    question = await choose_for_guild(db, bank, settings.guild_id, day)
    claimed = await db.claim_daily_post(
        settings.guild_id, day, question.id, settings.channel_id, now=now
    )
    if not claimed:
        return None
    return DailyPlan(settings.guild_id, day, settings.channel_id, question, settings.ping_role_id)


async def mark_posted(
    db: Database, plan: DailyPlan, message_id: int, thread_id: int | None
) -> None:
    await db.set_daily_post_ids(plan.guild_id, plan.local_date, message_id, thread_id)
    if thread_id is not None:
        await db.clear_guild_failure(plan.guild_id)


async def mark_failed(
    db: Database, plan: DailyPlan, reason: str, now: datetime, *, nothing_posted: bool
) -> None:
    """Record why a post failed; if nothing reached Discord, free the date for a retry."""
    await db.record_guild_failure(plan.guild_id, reason, at=now)
    if nothing_posted:
        await db.release_daily_post(plan.guild_id, plan.local_date)


async def daily_status(
    db: Database, bank: Bank, guild_id: int, now: datetime
) -> DailyStatus | None:
    settings = await db.get_guild_settings(guild_id)
    if settings is None:
        return None
    last = await db.last_daily_post(guild_id)
    upcoming = (
        next_post_at(slot_of(settings), now, last.local_date if last else None)
        if settings.channel_id else None
    )
    question = await find_question(db, bank, last.question_id, guild_id) if last else None
    return DailyStatus(settings, upcoming, last, question)
