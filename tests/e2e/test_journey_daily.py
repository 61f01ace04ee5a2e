"""Journeys 1-3: an admin sets up the daily question, members answer in the thread, get
scorecards, edit, see details, and answer the bar raiser's probe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from .fake_discord import FakeDiscord
from .journeys import Clock, Server, eventually, running_bot, study_server

CORE = ("cogs.daily", "cogs.answers", "cogs.feedback", "cogs.drills", "cogs.admin")

GOOD_ANSWER = (
    "At my last company I was the on-call lead for checkout. Orders were failing for 8% of "
    "customers after a deploy. I rolled the deploy back within 10 minutes, then I wrote a "
    "canary check so bad configs stop at 1% of traffic. Failed orders dropped from 8% to "
    "0.1% and we have had no config outage since. I learned to make rollbacks the default."
)


async def setup_daily(server: Server, bot) -> None:
    fake = server.fake
    reply = await fake.slash(
        server.admin, server.guild, server.channel, "daily", subcommand="setup",
        options={"channel": server.channel, "time": "09:00", "timezone": "Europe/London"},
    )
    body = await reply.response()
    assert reply.ephemeral
    assert "09:00 Europe/London" in body["data"]["content"]


async def test_daily_post_thread_answers_scorecards_and_probe(
    fake_discord: FakeDiscord, tmp_path: Path
):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock(datetime(2026, 3, 2, 8, 59, tzinfo=UTC))  # 08:59 in London (GMT)
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        await setup_daily(server, bot)
        daily = bot.get_cog("Daily")

        await daily.tick(clock())
        assert fake.calls_to("POST", rf"/channels/{server.channel.id}/messages") == []

        clock.now += timedelta(minutes=1)
        await daily.tick(clock())
        post = await fake.wait_for_call("POST", rf"/channels/{server.channel.id}/messages")
        embed = post.json["embeds"][0]
        assert embed["title"].startswith("Daily question")
        assert "numbers on the result" in embed["fields"][-1]["value"]
        thread_call = await fake.wait_for_call(
            "POST", rf"/channels/{server.channel.id}/messages/\d+/threads")
        thread = fake.channels[int(thread_call.response["id"])]

        # A second tick the same day posts nothing more.
        await daily.tick(clock())
        assert len(fake.calls_to("POST", rf"/channels/{server.channel.id}/messages")) == 1

        # Alice answers in two messages; Bob answers with a mention that must not ping.
        first = await fake.user_message(server.alice, thread, GOOD_ANSWER[:150])
        scorecard = await fake.wait_for_call("POST", rf"/channels/{thread.id}/messages")
        assert scorecard.json["message_reference"]["message_id"] == first.id
        assert scorecard.json["allowed_mentions"]["parse"] == []
        await fake.user_message(server.alice, thread, GOOD_ANSWER[150:])
        edited = await fake.wait_for_call("PATCH", rf"/channels/{thread.id}/messages/\d+")
        assert "Scorecard" in edited.json["embeds"][0]["title"]

        await fake.user_message(server.bob, thread,
                                "@everyone <@&1234> we did a thing and it was fine")
        bob_card = await fake.wait_for_call(
            "POST", rf"/channels/{thread.id}/messages",
            predicate=lambda c: c.json["message_reference"]["message_id"] != first.id)
        assert bob_card.json["allowed_mentions"]["parse"] == []

        answers = await bot.db.user_answer_history(server.alice.id)
        assert len(answers) == 1


async def post_today(server: Server, bot, clock: Clock):
    """Set up and drive the clock to the slot; returns the thread."""
    await setup_daily(server, bot)
    clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    await bot.get_cog("Daily").tick(clock())
    call = await server.fake.wait_for_call(
        "POST", rf"/channels/{server.channel.id}/messages/\d+/threads")
    return server.fake.channels[int(call.response["id"])]


async def test_edit_details_follow_up_and_peer_review(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE,
                           merge_seconds=0) as bot:
        thread = await post_today(server, bot, clock)
        answer = await fake.user_message(server.alice, thread, "We fixed checkout. It was fine.")
        card = await fake.wait_for_message(thread)
        assert card.reference.id == answer.id
        weak_title = card.embeds[0]["title"]

        # An edit re-analyses the answer and updates the scorecard in place.
        await fake.edit_message(answer, GOOD_ANSWER)
        patch = await fake.wait_for_call("PATCH", rf"/channels/{thread.id}/messages/{card.id}")
        assert patch.json["embeds"][0]["title"] != weak_title
        stored = await bot.db.get_answer_by_message(answer.id)
        assert stored.text == GOOD_ANSWER

        # "Details" shows the full analysis to whoever clicks, ephemerally.
        details = await fake.click(server.bob, card, label="Details")
        body = await details.response()
        assert details.ephemeral
        assert body["data"]["embeds"][0]["title"].startswith("Full analysis")

        # Replying to the bot's probe is a follow-up of that answer.
        reply = await fake.user_message(
            server.alice, thread, "I owned the rollback decision; revenue loss stopped at $2k.",
            reference=card)
        follow_card = await fake.wait_for_message(
            thread, predicate=lambda m: m.reference is not None and m.reference.id == reply.id)
        assert follow_card.embeds[0]["title"].startswith("Follow-up 1/3")
        follow_ups = await bot.db.list_follow_ups(stored.id)
        assert [f.text for f in follow_ups] == [reply.content]

        # Bob replies to Alice's answer: a peer comment, no scorecard for Bob.
        await fake.user_message(server.bob, thread, "Nice! What did the canary cost?",
                                reference=answer)
        comments = await eventually(lambda: bot.db.list_peer_comments(stored.id))
        assert [c.author_id for c in comments] == [server.bob.id]

        # Bob reviews Alice's answer; Alice cannot review her own.
        menu = await fake.message_context_menu(server.bob, "Review answer", answer)
        modal = await menu.modal()
        submitted = await fake.submit_modal(server.bob, modal["custom_id"], {
            "Situation (1-5)": "4", "Task (1-5)": "3", "Action (1-5)": "5",
            "Result (1-5)": "4", "What would make it stronger?": "Say what you learned.",
        })
        assert "saved" in (await submitted.response())["data"]["content"]
        reviews = await eventually(lambda: bot.db.list_reviews(stored.id))
        assert [(r.reviewer_id, r.action) for r in reviews] == [(server.bob.id, 5)]
        told = await fake.wait_for_message(thread, predicate=lambda m: "reviewed" in m.content)
        assert told.allowed_mentions["parse"] == []

        own = await fake.message_context_menu(server.alice, "Review answer", answer)
        refusal = await own.response()
        assert own.ephemeral and "own answer" in refusal["data"]["content"]


async def test_deleting_an_answer_removes_it_and_its_scorecard(
    fake_discord: FakeDiscord, tmp_path: Path
):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        thread = await post_today(server, bot, clock)
        answer = await fake.user_message(server.alice, thread, GOOD_ANSWER)
        card = await fake.wait_for_message(thread)
        await fake.delete_message(answer)
        await fake.wait_for_call("DELETE", rf"/channels/{thread.id}/messages/{card.id}")
        assert await bot.db.get_answer_by_message(answer.id) is None
        assert await bot.db.user_answer_history(server.alice.id) == []


async def test_restart_mid_day_and_down_across_the_slot(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    db_path = tmp_path / "star.db"
    posts = rf"/channels/{server.channel.id}/messages"
    async with running_bot(fake, db_path, clock, extensions=CORE) as bot:
        await post_today(server, bot, clock)
    # Restart on the same database later the same day: no second post.
    clock.now = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    async with running_bot(fake, db_path, clock, extensions=CORE) as bot:
        await bot.get_cog("Daily").tick(clock())
        assert len(fake.calls_to("POST", posts)) == 1
    # Down across the next day's slot, back at 13:00: exactly one late post.
    clock.now = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    async with running_bot(fake, db_path, clock, extensions=CORE) as bot:
        daily = bot.get_cog("Daily")
        await daily.tick(clock())
        await daily.tick(clock())
        await fake.wait_until(lambda: len(fake.calls_to("POST", posts)) == 2)
        clock.now += timedelta(minutes=5)
        await daily.tick(clock())
        assert len(fake.calls_to("POST", posts)) == 2


async def test_reconnect_and_resume_lose_and_double_nothing(
    fake_discord: FakeDiscord, tmp_path: Path
):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE,
                           merge_seconds=0) as bot:
        thread = await post_today(server, bot, clock)
        await fake.user_message(server.alice, thread, GOOD_ANSWER)
        await fake.send_reconnect()
        await fake.user_message(server.bob, thread, GOOD_ANSWER.replace("I ", "I really "))
        await fake.drop_connection()
        await fake.user_message(server.carol, thread, GOOD_ANSWER + " Carol here.")
        await fake.wait_until(lambda: len(fake.bot_messages(thread)) >= 3)
        for member in (server.alice, server.bob, server.carol):
            assert len(await bot.db.user_answer_history(member.id)) == 1
        assert len(fake.bot_messages(thread)) == 3
        assert len(fake.calls_to("POST", rf"/channels/{thread.id}/messages")) == 3


async def test_thread_permission_denied_is_reported_and_other_guilds_still_post(
    fake_discord: FakeDiscord, tmp_path: Path
):
    fake = fake_discord
    blocked = study_server(fake)
    fine = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        await setup_daily(blocked, bot)
        await setup_daily(fine, bot)
        fake.deny_bot(blocked.channel, "create_public_threads")
        clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        await bot.get_cog("Daily").tick(clock())
        await fake.wait_for_call("POST", rf"/channels/{fine.channel.id}/messages/\d+/threads")
        status = await fake.slash(blocked.admin, blocked.guild, blocked.channel, "daily",
                                  subcommand="status")
        body = await status.response()
        fields = {f["name"]: f["value"] for f in body["data"]["embeds"][0]["fields"]}
        assert "Create Public Threads" in fields["⚠️ Last failure"]
        assert blocked.channel.name in fields["⚠️ Last failure"]


async def test_rate_limited_reply_is_delivered_once(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        thread = await post_today(server, bot, clock)
        fake.rate_limit_next("POST", rf"/channels/{thread.id}/messages", retry_after=0.05)
        await fake.user_message(server.alice, thread, GOOD_ANSWER)
        await fake.wait_until(lambda: len(fake.bot_messages(thread)) == 1)
        delivered = [c for c in fake.calls_to("POST", rf"/channels/{thread.id}/messages")
                     if c.status == 200]
        assert len(delivered) == 1
        assert len(fake.bot_messages(thread)) == 1
