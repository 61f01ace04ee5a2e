"""Journeys 1-3: an admin sets up the daily question, members answer in the thread, get
scorecards, edit, see details, and answer the bar raiser's probe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from .fake_discord import FakeDiscord
from .journeys import Clock, Server, running_bot, study_server

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
