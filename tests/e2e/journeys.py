"""The project's real bot, built by its own factory, against the fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.bank import default_bank
from bot.settings import Settings
from bot.storage import Database
from cogs.starbot import EXTENSIONS, StarBot

from .fake_discord import Channel, FakeDiscord, Guild, Member, run_bot


@dataclass
class Clock:
    """The bot's clock, driven by the test: no sleeping until a slot comes."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 8, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Server:
    fake: FakeDiscord
    guild: Guild
    channel: Channel
    admin: Member
    alice: Member
    bob: Member
    carol: Member


def study_server(fake: FakeDiscord) -> Server:
    guild = fake.add_guild("Interview Prep")
    channel = fake.add_text_channel(guild, "daily-question")
    admin = guild.member(guild.owner)
    return Server(fake, guild, channel, admin, fake.add_member(guild, "alice"),
                  fake.add_member(guild, "bob"), fake.add_member(guild, "carol"))


@asynccontextmanager
async def running_bot(
    fake: FakeDiscord, db_path: Path, clock: Clock, *, extensions: tuple[str, ...] = EXTENSIONS,
    merge_seconds: int = 120,
) -> AsyncIterator[StarBot]:
    db = await Database.open(db_path)
    settings = Settings(DISCORD_TOKEN="fake-token", ANSWER_MERGE_SECONDS=merge_seconds)
    bot = StarBot(settings=settings, db=db, bank=default_bank(), clock=clock,
                  connector=fake.connector(), extensions=extensions)
    try:
        async with run_bot(fake, bot):
            await bot.tree.sync()
            yield bot
    finally:
        await db.close()


async def eventually(read, *, timeout: float = 5.0):  # noqa: ASYNC109
    """Poll an async read of the bot's state until it returns something truthy."""
    import asyncio

    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await read()
        if value or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.01)
