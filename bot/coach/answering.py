"""Answers, follow-ups and peer reviews: analyse, store, and return what the member sees.

The Discord cogs and the terminal both go through these functions, so an answer is
analysed and recorded the same way wherever it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.analysis import Analysis, analyze
from bot.bank import Bank
from bot.errors import UserFacingError
from bot.storage import (
    Database,
    FollowUp,
    GuildQuestion,
    NewAnswer,
    Review,
    SelfReviewError,
    Source,
    StoredAnswer,
)

# The 5 whys: a story gets at most this many follow-up rounds.
MAX_FOLLOW_UP_ROUNDS = 3

# Discord's limit for one message is 2,000 characters and a modal field 4,000; an answer
# stitched from several messages is kept whole up to this size.
MAX_STORED_CHARS = 20_000


@dataclass(frozen=True)
class QuestionInfo:
    """What an answer responds to: a bank question or a guild's own question."""

    id: str
    text: str
    principles: tuple[str, ...]


@dataclass(frozen=True)
class AnswerOutcome:
    answer: StoredAnswer
    analysis: Analysis
    created: bool


async def find_question(
    db: Database, bank: Bank, question_id: str | None, guild_id: int | None = None
) -> QuestionInfo | None:
    if not question_id:
        return None
    question = bank.question(question_id)
    if question is not None:
        return QuestionInfo(question.id, question.text, tuple(question.principles))
    if guild_id is not None:
        custom: GuildQuestion | None = await db.get_guild_question(guild_id, question_id)
        if custom is not None:
            return QuestionInfo(custom.id, custom.text, tuple(custom.principle_ids))
    return None


def principles_counted(question: QuestionInfo | None, analysis: Analysis) -> list[str]:
    """The principles an answer counts for: the question's, else the strongest one shown."""
    if question is not None and question.principles:
        return list(question.principles)
    return [analysis.principles[0].id] if analysis.principles else []


def analyse_for(question: QuestionInfo | None, text: str) -> Analysis:
    return analyze(
        text,
        question.text if question else None,
        target_principles=list(question.principles) if question else None,
    )


async def submit_answer(
    db: Database,
    bank: Bank,
    *,
    user_id: int,
    text: str,
    source: Source,
    now: datetime,
    guild_id: int | None = None,
    question_id: str | None = None,
    message_id: int | None = None,
    channel_id: int | None = None,
) -> AnswerOutcome:
    """Analyse and store one answer. A re-delivered message id returns the stored one."""
    if message_id is not None:
        existing = await db.get_answer_by_message(message_id)
        if existing is not None:
            return AnswerOutcome(existing, stored_analysis(existing), created=False)
    question = await find_question(db, bank, question_id, guild_id)
    text = text[:MAX_STORED_CHARS]
    analysis = analyse_for(question, text)
    stored, created = await db.add_answer(
        NewAnswer(
            guild_id=guild_id,
            user_id=user_id,
            question_id=question_id,
            principle_ids=principles_counted(question, analysis),
            source=source,
            text=text,
            analysis_json=analysis.model_dump_json(),
            score=analysis.score,
            star_complete=analysis.star_complete,
            message_id=message_id,
            channel_id=channel_id,
            created_at=now,
        )
    )
    if not created:
        analysis = stored_analysis(stored)
    return AnswerOutcome(stored, analysis, created)


def stored_analysis(answer: StoredAnswer) -> Analysis:
    return Analysis.model_validate_json(answer.analysis_json)


def latest_analysis(answer: StoredAnswer, follow_ups: list[FollowUp]) -> Analysis:
    """The analysis of the whole story so far (the answer plus its follow-ups)."""
    return (Analysis.model_validate_json(follow_ups[-1].analysis_json)
            if follow_ups else stored_analysis(answer))


def current_probe(answer: StoredAnswer, follow_ups: list[FollowUp]) -> str:
    """The probe the member is answering now: the first one not asked yet."""
    analysis = latest_analysis(answer, follow_ups)
    asked = {f.probe for f in follow_ups}
    return next((p for p in analysis.follow_ups if p not in asked),
                analysis.follow_ups[0] if analysis.follow_ups else "Tell me more.")


@dataclass(frozen=True)
class FollowUpRound:
    follow_up: FollowUp
    analysis: Analysis
    round: int
    next_probe: str | None


async def answer_probe(
    db: Database, bank: Bank, answer: StoredAnswer, reply: str, now: datetime,
    message_id: int | None = None,
) -> FollowUpRound | None:
    """Store the member's reply to the current probe; None when the rounds are used up."""
    earlier = await db.list_follow_ups(answer.id)
    if len(earlier) >= MAX_FOLLOW_UP_ROUNDS:
        return None
    probe = current_probe(answer, earlier)
    follow_up, analysis = await submit_follow_up(db, bank, answer, probe, reply, now,
                                                 message_id)
    round_number = len(earlier) + 1
    asked = {f.probe for f in earlier} | {probe}
    upcoming = next((p for p in analysis.follow_ups if p not in asked), None)
    return FollowUpRound(follow_up, analysis, round_number,
                         upcoming if round_number < MAX_FOLLOW_UP_ROUNDS else None)


async def revise_answer(
    db: Database, bank: Bank, answer: StoredAnswer, new_text: str, now: datetime
) -> AnswerOutcome:
    """Re-analyse an answer whose text changed (an edit, or a merged next message)."""
    question = await find_question(db, bank, answer.question_id, answer.guild_id)
    text = new_text[:MAX_STORED_CHARS]
    analysis = analyse_for(question, text)
    if answer.message_id is None:
        raise ValueError("only answers given as messages can be revised")
    updated = await db.update_answer_by_message(
        answer.message_id,
        text=text,
        analysis_json=analysis.model_dump_json(),
        score=analysis.score,
        star_complete=analysis.star_complete,
        edited_at=now,
        principle_ids=principles_counted(question, analysis),
    )
    return AnswerOutcome(updated or answer, analysis, created=False)


async def submit_follow_up(
    db: Database,
    bank: Bank,
    answer: StoredAnswer,
    probe: str,
    reply: str,
    now: datetime,
    message_id: int | None = None,
) -> tuple[FollowUp, Analysis]:
    """Store a reply to a probe; the analysis is of the whole story told so far."""
    question = await find_question(db, bank, answer.question_id, answer.guild_id)
    earlier = [f.text for f in await db.list_follow_ups(answer.id)]
    story = "\n".join([answer.text, *earlier, reply])
    analysis = analyse_for(question, story)
    follow_up = await db.add_follow_up(
        answer.id, probe, reply[:MAX_STORED_CHARS], analysis.model_dump_json(), analysis.score,
        message_id, created_at=now,
    )
    return follow_up, analysis


async def review_answer(
    db: Database,
    answer_id: int,
    reviewer_id: int,
    ratings: tuple[int, int, int, int],
    comment: str,
    now: datetime,
) -> tuple[Review, bool]:
    """A peer's S/T/A/R ratings (1-5) and comment; re-submitting edits the review."""
    if any(not 1 <= r <= 5 for r in ratings):
        raise UserFacingError("Ratings are whole numbers from 1 to 5.")
    try:
        return await db.upsert_review(answer_id, reviewer_id, *ratings, comment.strip(), now=now)
    except SelfReviewError as exc:
        raise UserFacingError("You can't review your own answer — ask a peer to.") from exc
