"""The "Review answer" message menu and its S/T/A/R modal, as reviewer and author see them."""

from __future__ import annotations

from unittest.mock import MagicMock

import discord
import pytest

from bot.errors import UserFacingError
from bot.storage import Database, StoredAnswer
from cogs import feedback
from cogs.feedback import Feedback
from cogs.starbot import APOLOGY, StarBot, send_error
from tests.cogs.conftest import (
    http_error,
    make_guild,
    make_interaction,
    make_message,
    make_thread,
    opened_modal,
    sent,
    snowflake,
    submit,
)
from tests.storage.factories import ALICE, BOB, GUILD, new_answer

LABELS = ["Situation (1-5)", "Task (1-5)", "Action (1-5)", "Result (1-5)",
          "What would make it stronger?"]


@pytest.fixture
async def cog(bot: StarBot) -> Feedback:
    await feedback.setup(bot)
    loaded = bot.get_cog("Feedback")
    assert isinstance(loaded, Feedback)
    return loaded


@pytest.fixture
def thread() -> MagicMock:
    return make_thread(guild=make_guild(GUILD))


@pytest.fixture
async def answer(db: Database, thread: MagicMock) -> StoredAnswer:
    """Alice's answer in the thread, with its scorecard and a second (merged) message."""
    stored, _ = await db.add_answer(new_answer(user_id=ALICE, channel_id=thread.id))
    assert stored.message_id is not None
    await db.add_answer_part(stored.id, stored.message_id, stored.text, stored.created_at)
    await db.set_feedback_message(stored.id, SCORECARD)
    await db.add_answer_part(stored.id, PART, "and more", stored.created_at)
    return stored


SCORECARD = snowflake()
PART = snowflake()


def member(bot: StarBot, user_id: int, name: str, thread: MagicMock) -> MagicMock:
    interaction = make_interaction(bot, user_id, name=name)
    interaction.channel = thread
    interaction.channel_id = thread.id
    return interaction


async def review(cog: Feedback, interaction: MagicMock, message: MagicMock) -> None:
    """Use the menu on `message`, as the command tree would (errors take its error path)."""
    try:
        await cog.menu.callback(interaction, message)
    except UserFacingError as error:
        await send_error(interaction, error)


def target(thread: MagicMock, message_id: int) -> MagicMock:
    return make_message(message_id=message_id, channel=thread)


async def test_the_menu_is_registered_for_messages_in_servers_only(
    cog: Feedback, bot: StarBot
) -> None:
    menu = bot.tree.get_command("Review answer", type=discord.AppCommandType.message)
    assert menu is cog.menu and menu.guild_only


async def test_a_message_that_is_not_an_answer_is_refused(
    cog: Feedback, bot: StarBot, thread: MagicMock
) -> None:
    interaction = member(bot, BOB, "Bob", thread)
    await review(cog, interaction, target(thread, snowflake()))
    message = sent(interaction)
    assert message.ephemeral
    assert message.content == ("That message isn't an answer I know. Use *Review answer* on "
                               "a member's answer in a daily thread.")
    interaction.response.send_modal.assert_not_awaited()


async def test_you_cannot_review_your_own_answer(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer
) -> None:
    interaction = member(bot, ALICE, "Alice", thread)
    await review(cog, interaction, target(thread, answer.message_id))
    message = sent(interaction)
    assert message.ephemeral
    assert message.content == "You can't review your own answer — ask a peer to."
    interaction.response.send_modal.assert_not_awaited()


@pytest.mark.parametrize("which", ["answer", "scorecard", "second part"])
async def test_a_review_is_stored_and_the_author_is_told(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer, db: Database,
    which: str
) -> None:
    message_id = {"answer": answer.message_id, "scorecard": SCORECARD, "second part": PART}
    opening = member(bot, BOB, "Bob", thread)
    await review(cog, opening, target(thread, message_id[which]))
    modal = opened_modal(opening)
    assert modal.title == "Review this answer"
    assert [c.text for c in modal.children] == LABELS
    assert modal.situation.default is None and modal.comment.default is None

    submitting = member(bot, BOB, "Bob", thread)
    await submit(modal, submitting, situation="4", task="3", action="5", result="2",
                 comment="Add what the canary cost. @everyone")
    thanks = sent(submitting)
    assert thanks.ephemeral
    assert thanks.content == "Thanks — your review is saved (S4 T3 A5 R2)."

    stored = await db.get_review(answer.id, BOB)
    assert stored is not None
    assert (stored.situation, stored.task, stored.action, stored.result, stored.comment) == (
        4, 3, 5, 2, "Add what the canary cost. @everyone")

    thread.send.assert_awaited_once()
    told = thread.send.await_args
    assert told.args[0] == (f"<@{ALICE}>, <@{BOB}> reviewed your answer: **3.5/5** on "
                            "average.\n> “Add what the canary cost. @\u200beveryone”")
    mentions = told.kwargs["allowed_mentions"]
    assert [u.id for u in mentions.users] == [ALICE]
    assert not discord.AllowedMentions.none().merge(mentions).everyone


@pytest.mark.parametrize(("field", "value", "says"), [
    ("situation", "0", "Situation: give a whole number from 1 to 5 (you wrote '0')."),
    ("task", "6", "Task: give a whole number from 1 to 5 (you wrote '6')."),
    ("action", "x", "Action: give a whole number from 1 to 5 (you wrote 'x')."),
    ("result", " ", "Result: give a whole number from 1 to 5 (you wrote '')."),
])
async def test_a_bad_rating_is_refused_with_a_clear_message(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer, db: Database,
    field: str, value: str, says: str
) -> None:
    opening = member(bot, BOB, "Bob", thread)
    await review(cog, opening, target(thread, answer.message_id))
    values = {"situation": "3", "task": "3", "action": "3", "result": "3", field: value}
    submitting = member(bot, BOB, "Bob", thread)
    await submit(opened_modal(opening), submitting, **values)
    message = sent(submitting)
    assert message.ephemeral and message.content == says
    assert await db.get_review(answer.id, BOB) is None
    thread.send.assert_not_awaited()


async def test_a_superscript_digit_is_refused_with_the_same_clear_message(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer
) -> None:
    opening = member(bot, BOB, "Bob", thread)
    await review(cog, opening, target(thread, answer.message_id))
    modal = opened_modal(opening)
    submitting = member(bot, BOB, "Bob", thread)
    try:
        await submit(modal, submitting, situation="²", task="3", action="3", result="3")
    except Exception as error:
        await modal.on_error(submitting, error)
    message = sent(submitting)
    assert message.content != APOLOGY
    assert "give a whole number from 1 to 5" in message.content


async def test_reviewing_again_opens_your_review_and_updates_it(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer, db: Database
) -> None:
    first = member(bot, BOB, "Bob", thread)
    await review(cog, first, target(thread, answer.message_id))
    await submit(opened_modal(first), member(bot, BOB, "Bob", thread), situation="2",
                 task="2", action="2", result="2", comment="Needs numbers.")
    thread.send.reset_mock()

    again = member(bot, BOB, "Bob", thread)
    await review(cog, again, target(thread, SCORECARD))
    modal = opened_modal(again)
    assert [modal.situation.default, modal.task.default, modal.action.default,
            modal.result.default, modal.comment.default] == ["2", "2", "2", "2", "Needs numbers."]
    submitting = member(bot, BOB, "Bob", thread)
    await submit(modal, submitting, situation="5", task="4", action="4", result="3",
                 comment="Much better with the 8% → 0.1%.")
    assert sent(submitting).content == "Thanks — your review is updated (S5 T4 A4 R3)."
    thread.send.assert_not_awaited()  # the author was told once, the first time
    [stored] = await db.list_reviews(answer.id)
    assert (stored.reviewer_id, stored.situation, stored.result, stored.comment) == (
        BOB, 5, 3, "Much better with the 8% → 0.1%.")


async def test_the_review_is_saved_even_if_the_author_cannot_be_told(
    cog: Feedback, bot: StarBot, thread: MagicMock, answer: StoredAnswer, db: Database
) -> None:
    thread.send.side_effect = http_error()
    opening = member(bot, BOB, "Bob", thread)
    await review(cog, opening, target(thread, answer.message_id))
    submitting = member(bot, BOB, "Bob", thread)
    await submit(opened_modal(opening), submitting, situation="3", task="3", action="3",
                 result="3")
    assert sent(submitting).content == "Thanks — your review is saved (S3 T3 A3 R3)."
    assert await db.get_review(answer.id, BOB) is not None
