"""What a message in a daily thread means: a new answer, more of one, a follow-up or a
peer comment. Pure routing over storage; the Discord cog only renders the outcome.

- A member's message is their answer to the day's question.
- Their next message within `merge_window` (and before anyone replied to it) is more of
  the same answer: it is appended and the answer re-analysed.
- A reply to the bot's scorecard from the answer's author is a follow-up (the 5 whys).
- A reply to someone else's answer (or its scorecard) is a peer comment on that answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.analysis import Analysis
from bot.bank import Bank
from bot.coach.answering import (
    AnswerOutcome,
    answer_probe,
    revise_answer,
    stored_analysis,
    submit_answer,
)
from bot.storage import DailyPost, Database, FollowUp, PeerComment, StoredAnswer

PART_SEPARATOR = "\n"

Kind = Literal["answer", "merged", "duplicate", "follow_up", "comment", "ignored"]


@dataclass(frozen=True)
class ThreadEvent:
    kind: Kind
    answer: StoredAnswer | None = None
    analysis: Analysis | None = None
    follow_up: FollowUp | None = None
    comment: PeerComment | None = None
    round: int = 0
    next_probe: str | None = None
    cards: tuple[int, ...] = ()


async def _answer_for_message(db: Database, message_id: int) -> StoredAnswer | None:
    return await db.get_answer_by_message(message_id) or await db.answer_by_part_message(
        message_id
    )


async def _rebuild(db: Database, bank: Bank, answer: StoredAnswer, now: datetime) -> AnswerOutcome:
    parts = await db.answer_parts(answer.id)
    text = PART_SEPARATOR.join(part for _, part in parts) if parts else answer.text
    return await revise_answer(db, bank, answer, text, now)


async def handle_thread_message(
    db: Database,
    bank: Bank,
    post: DailyPost,
    *,
    author_id: int,
    message_id: int,
    channel_id: int,
    text: str,
    reply_to: int | None,
    now: datetime,
    merge_window: timedelta,
) -> ThreadEvent:
    """Route and store one member message posted in a daily thread."""
    if not text.strip():
        return ThreadEvent("ignored")
    known = await _answer_for_message(db, message_id)
    if known is not None:  # the same event delivered twice
        return ThreadEvent("duplicate", known, stored_analysis(known))

    if reply_to is not None:
        scored = await db.answer_by_card(reply_to)
        if scored is not None and scored.user_id == author_id:
            played = await answer_probe(db, bank, scored, text, now, message_id)
            if played is None:
                return ThreadEvent("ignored", scored)
            return ThreadEvent("follow_up", scored, played.analysis, follow_up=played.follow_up,
                               round=played.round, next_probe=played.next_probe)
        target = scored or await _answer_for_message(db, reply_to)
        if target is not None and target.user_id != author_id:
            comment, _ = await db.add_peer_comment(
                target.id, author_id, text, message_id, created_at=now
            )
            return ThreadEvent("comment", target, comment=comment)
        if target is not None:  # replying to their own answer: more of it
            return await _merge(db, bank, target, message_id, text, now)

    latest = await db.latest_answer_in_channel(author_id, channel_id)
    if (
        latest is not None
        and latest.source == "daily"
        and now - (latest.edited_at or latest.created_at) <= merge_window
        and not await db.list_follow_ups(latest.id)
        and not await db.list_peer_comments(latest.id)
    ):
        return await _merge(db, bank, latest, message_id, text, now)

    outcome = await submit_answer(
        db, bank, user_id=author_id, text=text, source="daily", now=now,
        guild_id=post.guild_id, question_id=post.question_id, message_id=message_id,
        channel_id=channel_id,
    )
    if outcome.created:
        await db.add_answer_part(outcome.answer.id, message_id, text, now)
    return ThreadEvent("answer" if outcome.created else "duplicate", outcome.answer,
                       outcome.analysis, next_probe=_first_probe(outcome.analysis))


def _first_probe(analysis: Analysis) -> str | None:
    return analysis.follow_ups[0] if analysis.follow_ups else None


async def _merge(
    db: Database, bank: Bank, answer: StoredAnswer, message_id: int, text: str, now: datetime
) -> ThreadEvent:
    await db.add_answer_part(answer.id, message_id, text, now)
    outcome = await _rebuild(db, bank, answer, now)
    return ThreadEvent("merged", outcome.answer, outcome.analysis,
                       next_probe=_first_probe(outcome.analysis))


async def record_card(db: Database, answer: StoredAnswer, message_id: int) -> None:
    """The bot posted a card about `answer`; the first one is its scorecard."""
    if answer.feedback_message_id is None:
        await db.set_feedback_message(answer.id, message_id)
    await db.add_feedback_card(answer.id, message_id)


async def handle_thread_edit(
    db: Database, bank: Bank, message_id: int, text: str, now: datetime
) -> ThreadEvent:
    """A member edited a message: re-analyse the answer it belongs to, or update a comment."""
    answer = await _answer_for_message(db, message_id)
    if answer is not None:
        if answer.message_id is None or not text.strip():
            return ThreadEvent("ignored", answer)
        await db.set_answer_part_text(message_id, text)
        outcome = await _rebuild(db, bank, answer, now)
        return ThreadEvent("answer", outcome.answer, outcome.analysis,
                           next_probe=_first_probe(outcome.analysis))
    comment = await db.update_peer_comment_by_message(message_id, text, edited_at=now)
    if comment is not None:
        return ThreadEvent("comment", comment=comment)
    return ThreadEvent("ignored")


async def handle_thread_delete(
    db: Database, bank: Bank, message_id: int, now: datetime
) -> ThreadEvent:
    """A message was deleted: remove the answer (or the part), follow-up or comment. Deleting
    the first message of an answer in several messages removes that part only."""
    answer = await db.get_answer_by_message(message_id)
    if answer is not None:
        # An answer told in several messages keeps the rest of its parts.
        rest = await db.hand_answer_to_next_part(answer.id, message_id)
        if rest is not None:
            outcome = await _rebuild(db, bank, rest, now)
            return ThreadEvent("merged", outcome.answer, outcome.analysis,
                               next_probe=_first_probe(outcome.analysis))
        cards = tuple(await db.feedback_cards(answer.id))
        await db.delete_answer(answer.id)
        return ThreadEvent("answer", answer, cards=cards)
    part_of = await db.answer_by_part_message(message_id)
    if part_of is not None:
        await db.delete_answer_part(message_id)
        outcome = await _rebuild(db, bank, part_of, now)
        return ThreadEvent("merged", outcome.answer, outcome.analysis,
                           next_probe=_first_probe(outcome.analysis))
    if await db.delete_follow_up_by_message(message_id):
        return ThreadEvent("follow_up")
    if await db.delete_peer_comment_by_message(message_id):
        return ThreadEvent("comment")
    return ThreadEvent("ignored")
