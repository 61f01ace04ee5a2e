"""Answers in a daily thread as the member sees them: the scorecard reply, a second message
merged into it, follow-ups, peer comments, edits, deletes and the Details button."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from unittest.mock import MagicMock

import discord
import pytest

from bot.storage import Database, StoredAnswer
from cogs import answers
from cogs.answers import Answers, DetailsButton
from cogs.starbot import StarBot
from tests.cogs.conftest import (
    BOT_ID,
    CHANNEL,
    NOW,
    Clock,
    bank,
    http_error,
    make_guild,
    make_interaction,
    make_message,
    make_text_channel,
    make_thread,
    make_user,
    sent,
    spec_of,
)
from tests.storage.factories import ALICE, BOB, GUILD

QUESTION = bank().questions_for("ownership")[0]

FIRST = ("At my last company I was the on-call lead for checkout. Orders were failing for 8% "
         "of customers after a deploy.")
SECOND = ("I rolled the deploy back within 10 minutes, then I wrote a canary check so bad "
          "configs stop at 1% of traffic. Failed orders dropped from 8% to 0.1% and we have had "
          "no config outage since. I learned to make rollbacks the default.")
MORE = "Because I owned the rollout, I also ran the review and shared the checklist."


@pytest.fixture
def clock(bot: StarBot) -> Clock:
    clock = Clock(NOW)
    bot.clock = clock
    return clock


@pytest.fixture
async def cog(bot: StarBot, clock: Clock) -> Answers:
    await answers.setup(bot)
    loaded = bot.get_cog("Answers")
    assert isinstance(loaded, Answers)
    return loaded


@pytest.fixture
async def thread(db: Database, channels: dict[int, Any]) -> MagicMock:
    """Today's daily thread, under the question posted in #daily."""
    thread = make_thread(guild=make_guild(GUILD))
    day = date(2024, 5, 10)
    assert await db.claim_daily_post(GUILD, day, QUESTION.id, CHANNEL, now=NOW)
    await db.set_daily_post_ids(GUILD, day, thread.id, thread.id)
    channels[thread.id] = thread
    return thread


def alice() -> MagicMock:
    return make_user(ALICE, "Alice")


def bob() -> MagicMock:
    return make_user(BOB, "Bob")


async def say(cog: Answers, channel: MagicMock, text: str, *, author: MagicMock | None = None,
              reply_to: int | None = None) -> MagicMock:
    """Post a message (optionally as a reply) and let the cog handle it. The bot's reply to
    it, if any, is `message.reply.return_value`."""
    message = make_message(text, author=author or alice(), channel=channel, reply_to=reply_to)
    message.reply.side_effect = None
    message.reply.return_value = make_message(
        author=make_user(BOT_ID, "STAR Coach", is_bot=True), channel=channel)
    await cog.on_message(message)
    return message


def card_of(message: MagicMock) -> MagicMock:
    """The bot's reply to `message` (fails if there was none)."""
    message.reply.assert_awaited_once()
    return message.reply.return_value


def reply_embed(message: MagicMock) -> discord.Embed:
    message.reply.assert_awaited_once()
    kwargs = message.reply.await_args.kwargs
    assert kwargs["mention_author"] is False
    return kwargs["embed"]


def details_button(view: discord.ui.View) -> DetailsButton:
    [button] = [c for c in view.children if isinstance(c, DetailsButton)]
    return button


def field_names(embed: discord.Embed) -> list[str]:
    return [f.name for f in embed.fields]


async def answer_of(db: Database, message: MagicMock) -> StoredAnswer:
    answer = await db.get_answer_by_message(message.id)
    assert answer is not None
    return answer


def edit_of(thread: MagicMock, message_id: int) -> dict[str, Any]:
    """The keyword arguments of the one edit of the bot's message `message_id`."""
    partial = thread.get_partial_message(message_id)
    partial.edit.assert_awaited_once()
    return partial.edit.await_args.kwargs


def edited_payload(message: MagicMock, content: str | None, *, is_bot: bool = False
                   ) -> discord.RawMessageUpdateEvent:
    data: dict[str, Any] = {"id": str(message.id), "channel_id": str(message.channel.id),
                            "author": {"id": str(message.author.id), "bot": is_bot}}
    if message.guild is not None:
        data["guild_id"] = str(message.guild.id)
    if content is not None:
        data["content"] = content
    return discord.RawMessageUpdateEvent(data, message)  # type: ignore[arg-type]


def deleted_payload(message: MagicMock, *, in_guild: bool = True
                    ) -> discord.RawMessageDeleteEvent:
    data = {"id": str(message.id), "channel_id": str(message.channel.id)}
    if in_guild:
        data["guild_id"] = str(GUILD)
    return discord.RawMessageDeleteEvent(data)  # type: ignore[arg-type]


# --- a new answer -------------------------------------------------------------------------


async def test_an_answer_gets_a_scorecard_reply_with_a_details_button(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST + " " + SECOND)
    embed = reply_embed(message)
    answer = await answer_of(db, message)
    assert embed.title == f"Scorecard · {answer.score}/100"
    assert "S ✅ T ✅ A ✅ R ✅" in embed.description
    assert "A bar raiser would ask (reply to this message)" in field_names(embed)
    button = details_button(message.reply.await_args.kwargs["view"])
    assert button.custom_id == f"star:details:{answer.id}"
    assert (answer.user_id, answer.guild_id, answer.question_id, answer.source,
            answer.channel_id) == (ALICE, GUILD, QUESTION.id, "daily", thread.id)
    assert answer.text == FIRST + " " + SECOND
    assert answer.feedback_message_id == card_of(message).id


async def test_the_same_message_delivered_twice_is_scored_once(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    await cog.on_message(message)  # e.g. replayed after a gateway resume
    message.reply.assert_awaited_once()
    assert len(await db.user_answer_history(ALICE)) == 1


async def test_a_second_message_within_the_merge_window_updates_the_scorecard(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST)
    card = card_of(first)
    partial_score = (await answer_of(db, first)).score

    clock.now += timedelta(seconds=90)
    second = await say(cog, thread, SECOND)
    second.reply.assert_not_awaited()
    answer = await answer_of(db, first)
    assert answer.text == f"{FIRST}\n{SECOND}" and answer.score > partial_score
    edit = edit_of(thread, card.id)
    assert edit["embed"].title == f"Scorecard · {answer.score}/100"
    assert details_button(edit["view"]).custom_id == f"star:details:{answer.id}"
    assert len(await db.user_answer_history(ALICE)) == 1


async def test_a_message_after_the_merge_window_is_a_new_answer(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    await say(cog, thread, FIRST)
    clock.now += timedelta(seconds=cog.bot.settings.answer_merge_seconds + 1)
    second = await say(cog, thread, SECOND)
    assert reply_embed(second).title.startswith("Scorecard · ")
    assert len(await db.user_answer_history(ALICE)) == 2


async def test_a_merged_message_whose_scorecard_was_deleted_gets_a_new_one(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST)
    thread.get_partial_message(card_of(first).id).edit.side_effect = http_error(
        discord.NotFound, 404, "Unknown Message")
    clock.now += timedelta(seconds=30)
    second = await say(cog, thread, SECOND)
    answer = await answer_of(db, first)
    assert reply_embed(second).title == f"Scorecard · {answer.score}/100"
    assert answer.feedback_message_id == card_of(second).id


# --- follow-ups and peer comments ---------------------------------------------------------


async def test_replies_to_the_scorecard_are_three_rounds_of_follow_ups(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    answer = await answer_of(db, first)
    probe = reply_embed(first).fields[-1].value
    card = card_of(first)

    rounds = []
    for number in (1, 2, 3):
        clock.now += timedelta(minutes=5)
        reply = await say(cog, thread, MORE, reply_to=card.id)
        embed = reply_embed(reply)
        rounds.append(embed)
        follow_ups = await db.list_follow_ups(answer.id)
        assert len(follow_ups) == number
        assert embed.title == f"Follow-up {number}/3 · the whole story · " \
                              f"{follow_ups[-1].score}/100"
        assert details_button(reply.reply.await_args.kwargs["view"]).custom_id == \
            f"star:details:{answer.id}"
        card = card_of(reply)

    assert (await db.list_follow_ups(answer.id))[0].probe == probe
    assert all("A bar raiser would ask (reply to this message)" in field_names(e)
               for e in rounds[:2])
    last = {f.name: f.value for f in rounds[2].fields}
    assert "A bar raiser would ask (reply to this message)" not in last
    assert last["Done"] == "That's the 5 whys for this story. Try `/drill` for another one."
    assert len(await db.user_answer_history(ALICE)) == 1  # still one answer


async def test_a_fourth_reply_to_the_last_probe_is_ignored(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    card = card_of(first)
    for _ in range(2):
        card = card_of(await say(cog, thread, MORE, reply_to=card.id))
    await say(cog, thread, MORE, reply_to=card.id)  # round 3, "Done"
    fourth = await say(cog, thread, MORE, reply_to=card.id)
    fourth.reply.assert_not_awaited()
    assert len(await db.list_follow_ups((await answer_of(db, first)).id)) == 3


@pytest.mark.parametrize("target", ["answer", "scorecard"])
async def test_a_reply_to_someone_elses_answer_is_a_peer_comment(
    cog: Answers, thread: MagicMock, db: Database, target: str
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    before = await answer_of(db, first)
    replied = first.id if target == "answer" else card_of(first).id
    comment = await say(cog, thread, "Great story — what did the canary cost?", author=bob(),
                        reply_to=replied)
    comment.reply.assert_not_awaited()
    [stored] = await db.list_peer_comments(before.id)
    assert (stored.author_id, stored.text, stored.message_id) == (
        BOB, "Great story — what did the canary cost?", comment.id)
    assert await db.user_answer_history(BOB) == []
    assert await answer_of(db, first) == before


async def test_a_reply_to_your_own_answer_is_more_of_it(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST)
    clock.now += timedelta(hours=2)  # long after the merge window
    more = await say(cog, thread, SECOND, reply_to=first.id)
    more.reply.assert_not_awaited()
    answer = await answer_of(db, first)
    assert answer.text == f"{FIRST}\n{SECOND}"
    assert edit_of(thread, card_of(first).id)["embed"].title == f"Scorecard · {answer.score}/100"


async def test_after_a_peer_replied_the_authors_next_message_is_not_merged(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    await say(cog, thread, "Nice — what did it cost?", author=bob(), reply_to=first.id)
    clock.now += timedelta(seconds=60)
    answer_to_bob = await say(cog, thread, "It cost two days of my time.")
    assert (await answer_of(db, first)).text == FIRST + " " + SECOND
    answer_to_bob.reply.assert_awaited_once()


async def test_a_peer_reply_to_the_first_scorecard_after_a_follow_up_is_a_comment(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    scorecard = card_of(first)
    await say(cog, thread, MORE, reply_to=scorecard.id)  # Alice's follow-up
    comment = await say(cog, thread, "What did the canary cost?", author=bob(),
                        reply_to=scorecard.id)
    comment.reply.assert_not_awaited()
    assert await db.user_answer_history(BOB) == []
    assert len(await db.list_peer_comments((await answer_of(db, first)).id)) == 1


# --- what is ignored ----------------------------------------------------------------------


def in_dm() -> MagicMock:
    channel = spec_of(discord.DMChannel)
    channel.id = 12345
    return channel


@pytest.mark.parametrize("where", ["bot author", "plain channel", "other thread", "dm",
                                   "attachment only"])
async def test_messages_outside_daily_threads_and_from_bots_are_ignored(
    cog: Answers, thread: MagicMock, db: Database, where: str
) -> None:
    author, channel, text = alice(), thread, FIRST
    if where == "bot author":
        author = make_user(BOB, "OtherBot", is_bot=True)
    elif where == "plain channel":
        channel = make_text_channel(guild=thread.guild)
    elif where == "other thread":
        channel = make_thread(guild=thread.guild)
    elif where == "attachment only":
        text = ""
    message = make_message(text, author=author, channel=channel)
    if where == "dm":
        message.channel, message.guild = in_dm(), None
    await cog.on_message(message)
    message.reply.assert_not_awaited()
    author.send.assert_not_awaited()
    assert await db.user_answer_history(author.id) == []


# --- feedback preference ------------------------------------------------------------------


async def test_feedback_by_dm_sends_the_scorecard_privately(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    await db.set_preferences(ALICE, feedback_mode="dm")
    author = make_user(ALICE, "Alice")
    message = await say(cog, thread, FIRST + " " + SECOND, author=author)
    message.reply.assert_not_awaited()
    author.send.assert_awaited_once()
    kwargs = author.send.await_args.kwargs
    answer = await answer_of(db, message)
    assert kwargs["content"] == f"Your answer in {message.jump_url}"
    assert kwargs["embed"].title == f"Scorecard · {answer.score}/100"
    assert details_button(kwargs["view"]).custom_id == f"star:details:{answer.id}"


async def test_feedback_by_dm_falls_back_to_the_thread_when_dms_are_closed(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    await db.set_preferences(ALICE, feedback_mode="dm")
    author = make_user(ALICE, "Alice")
    author.send.side_effect = http_error(text="Cannot send messages to this user")
    message = await say(cog, thread, FIRST, author=author)
    assert reply_embed(message).title.startswith("Scorecard · ")
    assert (await answer_of(db, message)).feedback_message_id == card_of(message).id


async def test_feedback_off_stores_the_answer_silently(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    await db.set_preferences(ALICE, feedback_mode="off")
    author = make_user(ALICE, "Alice")
    message = await say(cog, thread, FIRST, author=author)
    message.reply.assert_not_awaited()
    author.send.assert_not_awaited()
    assert (await answer_of(db, message)).text == FIRST


# --- edits --------------------------------------------------------------------------------


async def test_editing_an_answer_rescores_it_and_edits_the_scorecard(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    card = card_of(message)
    await cog.on_raw_message_edit(edited_payload(message, FIRST + " " + SECOND))
    answer = await answer_of(db, message)
    assert answer.text == FIRST + " " + SECOND and answer.edited_at == NOW
    edit = edit_of(thread, card.id)
    assert edit["embed"].title == f"Scorecard (edited) · {answer.score}/100"
    assert details_button(edit["view"]).custom_id == f"star:details:{answer.id}"


async def test_editing_one_part_of_a_merged_answer_keeps_the_other(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first = await say(cog, thread, FIRST)
    clock.now += timedelta(seconds=30)
    second = await say(cog, thread, "typo")
    await cog.on_raw_message_edit(edited_payload(second, SECOND))
    assert (await answer_of(db, first)).text == f"{FIRST}\n{SECOND}"


@pytest.mark.parametrize("case", ["bot", "no content", "dm", "not an answer"])
async def test_edits_that_are_not_answer_text_are_ignored(
    cog: Answers, thread: MagicMock, db: Database, case: str
) -> None:
    message = await say(cog, thread, FIRST)
    before = await answer_of(db, message)
    if case == "bot":
        payload = edited_payload(message, SECOND, is_bot=True)
    elif case == "no content":  # e.g. an embed was added
        payload = edited_payload(message, None)
    elif case == "dm":
        message.guild = None
        payload = edited_payload(message, SECOND)
    else:
        payload = edited_payload(make_message(channel=thread), SECOND)
    await cog.on_raw_message_edit(payload)
    assert await answer_of(db, message) == before
    thread.get_partial_message(card_of(message).id).edit.assert_not_awaited()


async def test_editing_a_peer_comment_updates_it(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST)
    comment = await say(cog, thread, "Nice", author=bob(), reply_to=first.id)
    await cog.on_raw_message_edit(edited_payload(comment, "Nice — add a number?"))
    [stored] = await db.list_peer_comments((await answer_of(db, first)).id)
    assert stored.text == "Nice — add a number?" and stored.edited_at == NOW


async def test_editing_an_answer_after_a_follow_up_edits_its_scorecard(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    scorecard = card_of(first)
    follow_up = await say(cog, thread, MORE, reply_to=scorecard.id)
    await cog.on_raw_message_edit(edited_payload(first, SECOND))
    thread.get_partial_message(card_of(follow_up).id).edit.assert_not_awaited()
    thread.get_partial_message(scorecard.id).edit.assert_awaited_once()


# --- deletes ------------------------------------------------------------------------------


async def test_deleting_an_answer_removes_it_and_its_scorecard(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    card = card_of(message)
    await cog.on_raw_message_delete(deleted_payload(message))
    assert await db.get_answer_by_message(message.id) is None
    assert await db.user_answer_history(ALICE) == []
    thread.get_partial_message(card.id).delete.assert_awaited_once()


async def test_deleting_an_answer_whose_scorecard_is_gone_is_quiet(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    thread.get_partial_message(card_of(message).id).delete.side_effect = http_error(
        discord.NotFound, 404, "Unknown Message")
    await cog.on_raw_message_delete(deleted_payload(message))
    assert await db.user_answer_history(ALICE) == []


async def _answer_in_two_messages(
    cog: Answers, thread: MagicMock, clock: Clock
) -> tuple[MagicMock, MagicMock]:
    """FIRST, then SECOND merged into it; the scorecard's edits so far are forgotten."""
    first = await say(cog, thread, FIRST)
    clock.now += timedelta(seconds=30)
    second = await say(cog, thread, SECOND)
    thread.get_partial_message(card_of(first).id).edit.reset_mock()
    return first, second


async def test_deleting_one_part_of_a_merged_answer_rescores_the_rest(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first, second = await _answer_in_two_messages(cog, thread, clock)
    await cog.on_raw_message_delete(deleted_payload(second))
    answer = await answer_of(db, first)
    assert answer.text == FIRST
    edit = edit_of(thread, card_of(first).id)
    assert edit["embed"].title == f"Scorecard (edited) · {answer.score}/100"


async def test_deleting_the_first_part_of_a_merged_answer_keeps_the_rest(
    cog: Answers, thread: MagicMock, db: Database, clock: Clock
) -> None:
    first, second = await _answer_in_two_messages(cog, thread, clock)
    scorecard = card_of(first)
    await cog.on_raw_message_delete(deleted_payload(first))
    answer = await answer_of(db, second)
    assert answer.text == SECOND
    assert [a.id for a in await db.user_answer_history(ALICE)] == [answer.id]
    thread.get_partial_message(scorecard.id).delete.assert_not_awaited()
    edit = edit_of(thread, scorecard.id)
    assert edit["embed"].title == f"Scorecard (edited) · {answer.score}/100"
    # The rest is now the answer's message: deleting it removes the answer and its card.
    await cog.on_raw_message_delete(deleted_payload(second))
    assert await db.user_answer_history(ALICE) == []
    thread.get_partial_message(scorecard.id).delete.assert_awaited_once()


async def test_deleting_a_comment_or_follow_up_removes_it(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST + " " + SECOND)
    answer = await answer_of(db, first)
    comment = await say(cog, thread, "Nice", author=bob(), reply_to=first.id)
    follow_up = await say(cog, thread, MORE, reply_to=card_of(first).id)
    await cog.on_raw_message_delete(deleted_payload(comment))
    await cog.on_raw_message_delete(deleted_payload(follow_up))
    assert await db.list_peer_comments(answer.id) == []
    assert await db.list_follow_ups(answer.id) == []
    after = await answer_of(db, first)
    assert (after.text, after.score) == (answer.text, answer.score)


async def test_deletes_outside_a_guild_are_ignored(
    cog: Answers, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    await cog.on_raw_message_delete(deleted_payload(message, in_guild=False))
    assert await db.get_answer_by_message(message.id) is not None


# --- the Details button -------------------------------------------------------------------


async def test_details_shows_the_full_analysis_only_to_whoever_clicks(
    cog: Answers, bot: StarBot, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST + " " + SECOND)
    button = details_button(message.reply.await_args.kwargs["view"])
    answer = await answer_of(db, message)
    clicker = make_interaction(bot, BOB, name="Bob")
    await button.callback(clicker)
    shown = sent(clicker)
    assert shown.ephemeral
    assert shown.embed.title == f"Full analysis · {answer.score}/100"
    assert field_names(shown.embed)[:4] == ["STAR", "Metrics", "Ownership", "Lesson"]
    assert "8%" in shown.text


async def test_details_survives_a_restart_through_its_custom_id(
    cog: Answers, bot: StarBot, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    button = details_button(message.reply.await_args.kwargs["view"])
    interaction = make_interaction(bot)
    rebuilt = await DetailsButton.from_custom_id(
        interaction, button.item, button.template.fullmatch(button.custom_id))
    await rebuilt.callback(interaction)
    assert sent(interaction).embed.title.startswith("Full analysis · ")


async def test_details_after_a_follow_up_shows_the_whole_story(
    cog: Answers, bot: StarBot, thread: MagicMock, db: Database
) -> None:
    first = await say(cog, thread, FIRST)
    await say(cog, thread, SECOND, reply_to=card_of(first).id)
    [follow_up] = await db.list_follow_ups((await answer_of(db, first)).id)
    interaction = make_interaction(bot)
    await details_button(first.reply.await_args.kwargs["view"]).callback(interaction)
    assert sent(interaction).embed.title == f"Full analysis · {follow_up.score}/100"


async def test_details_of_a_deleted_answer_says_so(
    cog: Answers, bot: StarBot, thread: MagicMock, db: Database
) -> None:
    message = await say(cog, thread, FIRST)
    button = details_button(message.reply.await_args.kwargs["view"])
    await db.delete_answer((await answer_of(db, message)).id)
    interaction = make_interaction(bot)
    await button.callback(interaction)
    shown = sent(interaction)
    assert shown.ephemeral and shown.content == "That answer was deleted."
