"""The bot as its own process: started with URL overrides, SIGKILLed during a burst of
answers, started again. Nothing committed is lost, nothing answered twice, the daily post
is not doubled, and the database is intact."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections import Counter
from datetime import time
from pathlib import Path

from bot.storage import Database

from .fake_discord import FakeDiscord
from .journeys import study_server
from .process import ROOT, BotProcess

ANSWER = ("I was the on-call lead at a payments startup. Settlement stalled after a deploy. "
          "I rolled back within 10 minutes and added a canary; failed payouts fell from 300 "
          "to 0. I learned to make rollback the default.")


async def configure_daily(db_path: Path, guild_id: int, channel_id: int) -> None:
    """The admin ran /daily setup earlier: the slot (00:00 UTC) has passed today."""
    db = await Database.open(db_path)
    await db.update_guild_settings(guild_id, channel_id=channel_id, post_time=time(0, 0),
                                   timezone="UTC")
    await db.close()


async def test_sigkill_during_a_burst_loses_and_doubles_nothing(
    fake_discord: FakeDiscord, tmp_path: Path
):
    fake = fake_discord
    server = study_server(fake)
    members = [fake.add_member(server.guild, f"member{i}") for i in range(30)]
    db_path = tmp_path / "star.db"
    await configure_daily(db_path, server.guild.id, server.channel.id)
    bot = BotProcess(fake, db_path, ANSWER_MERGE_SECONDS="0")
    await bot.start()
    try:
        thread_call = await fake.wait_for_call(
            "POST", rf"/channels/{server.channel.id}/messages/\d+/threads", timeout=20)
        thread = fake.channels[int(thread_call.response["id"])]

        sent = []
        for index, member in enumerate(members):
            sent.append(await fake.user_message(member, thread, f"{ANSWER} ({index})"))
            if index == 15:
                await fake.wait_until(lambda: len(fake.bot_messages(thread)) >= 5, 10)
                await bot.kill()
            await asyncio.sleep(0.01)

        await bot.start()
        after = [await fake.user_message(m, thread, f"{ANSWER} (after)") for m in members[:3]]
        await fake.wait_until(lambda: all(
            any(r.reference and r.reference.id == m.id for r in fake.bot_messages(thread))
            for m in after), 20)
    finally:
        await bot.stop()

    posts = fake.calls_to("POST", rf"/channels/{server.channel.id}/messages")
    assert len(posts) == 1, "the daily question was posted twice"
    replies = Counter(r.reference.id for r in fake.bot_messages(thread) if r.reference)
    assert replies and max(replies.values()) == 1, "an answer got two scorecards"

    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [row[0] for row in conn.execute("SELECT message_id FROM answers")]
    assert len(stored) == len(set(stored))
    sent_ids = {m.id for m in sent + after}
    assert set(stored) <= sent_ids
    # Every answer that got a scorecard was committed before it was answered.
    assert set(replies) <= set(stored)
    assert {m.id for m in after} <= set(stored)


async def test_rejected_token_is_one_readable_line(fake_discord: FakeDiscord, tmp_path: Path):
    bot = BotProcess(fake_discord, tmp_path / "star.db", DISCORD_TOKEN="not-the-token")
    assert bot.env["DISCORD_TOKEN"] == "not-the-token"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=ROOT, env=bot.env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert "DISCORD_TOKEN" in err.decode() and "Traceback" not in err.decode()


async def test_missing_token_says_where_to_get_one(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 30)
    text = err.decode()
    assert process.returncode == 2
    assert "DISCORD_TOKEN" in text and "discord.com/developers" in text
    assert text.count("\n") == 1
