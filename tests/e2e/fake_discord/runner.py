"""run_bot: start any discord.py client against a FakeDiscord and stop it afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TypeVar

import discord
from discord.utils import MISSING

from .core import FakeDiscord, no_dns_connector

ClientT = TypeVar("ClientT", bound=discord.Client)


class _ErrorCapture(logging.Handler):
    """Collects ERROR records of the "discord" loggers (unhandled exceptions in handlers)."""

    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if text.startswith("Attempting a reconnect"):  # a dropped connection, not a bug
            return
        if record.exc_info and record.exc_info[1] is not None:
            text += f": {record.exc_info[1]!r}"
        self.sink.append(text)


@contextlib.asynccontextmanager
async def run_bot(
    fake: FakeDiscord,
    bot: ClientT,
    *,
    token: str | None = None,
    ready_timeout: float = 5.0,
    guild_ready_timeout: float | None = 0.05,
    fail_on_bot_errors: bool = True,
) -> AsyncIterator[ClientT]:
    """``async with run_bot(fake, bot) as bot:`` — logged in, connected and ready.

    Login/gateway errors (LoginFailure, PrivilegedIntentsRequired...) are raised here.
    ``guild_ready_timeout`` shortens discord.py's wait for GUILD_CREATEs (2 s by default).
    With ``fail_on_bot_errors`` an exception logged by discord.py (e.g. in a command or
    listener) fails the block at exit.
    """
    if bot.http.connector is MISSING:
        bot.http.connector = no_dns_connector()  # safety net if the test forgot it
    if guild_ready_timeout is not None:
        bot._connection.guild_ready_timeout = guild_ready_timeout
    capture = _ErrorCapture(fake.bot_errors)
    logging.getLogger("discord").addHandler(capture)
    task = asyncio.create_task(bot.start(token or fake.token), name="fake-discord-bot")
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + ready_timeout
        while not bot.is_ready():
            if task.done():
                task.result()  # raises the login / gateway error
                raise AssertionError("bot.start() returned before the bot was ready")
            if loop.time() > deadline:
                raise AssertionError(f"bot not ready after {ready_timeout}s\n{fake.describe()}")
            await asyncio.sleep(0.005)
        yield bot
        if task.done():
            task.result()  # the bot died during the test
        if fail_on_bot_errors and fake.bot_errors:
            raise AssertionError("the bot logged errors:\n" + "\n".join(fake.bot_errors))
    finally:
        logging.getLogger("discord").removeHandler(capture)
        await bot.close()
        try:
            await asyncio.wait_for(task, 5)
        except (Exception, asyncio.CancelledError):
            if not task.done():
                task.cancel()
