"""Fakes for cog tests: a real StarBot around a temporary database and the real bank,
spec'd interactions, and helpers that read what the member would see."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import aiohttp
import discord
import pytest
from discord import app_commands

from bot.bank import Bank, default_bank
from bot.errors import UserFacingError
from bot.settings import Settings
from bot.storage import Database
from cogs.starbot import StarBot, send_error
from tests.storage.factories import ALICE, BOB, GUILD

#: The bot's clock in every cog test: Friday 10 May 2024, 12:00 UTC.
NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves: assign it to `bot.clock`."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@cache
def bank() -> Bank:
    """The real question bank, loaded once."""
    return default_bank()


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "t.db")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def bot(db: Database) -> AsyncIterator[StarBot]:
    """The real bot class with no extensions loaded and a fixed clock."""
    star = StarBot(settings=Settings(DISCORD_TOKEN=None), db=db, bank=bank(), extensions=(),
                   clock=lambda: NOW)
    try:
        yield star
    finally:
        await star.close()


def spec_of(cls: type, *methods: str) -> MagicMock:
    """A `MagicMock(spec=cls)` (a wrong attribute fails; isinstance works) whose `methods`
    are autospec'd, so a call with arguments the real method refuses fails too. (Autospec
    of the whole class is ~25 ms per object, too slow for the hundreds a run needs.)"""
    fake = MagicMock(spec=cls)
    for name in methods:
        # Autospec the method bound to a stand-in, so `self` is not part of the signature.
        setattr(fake, name, create_autospec(getattr(cls, name).__get__(object(), cls)))
    return fake


def make_user(user_id: int = ALICE, name: str = "Alice", *, is_bot: bool = False) -> MagicMock:
    user = MagicMock(spec=discord.Member)
    user.id = user_id
    user.bot = is_bot
    user.name = user.display_name = name
    user.mention = f"<@{user_id}>"
    return user


def make_interaction(
    bot: StarBot, user_id: int = ALICE, *, guild_id: int | None = GUILD, name: str = "Alice"
) -> MagicMock:
    """A spec'd interaction whose response and followup record what was sent."""
    interaction = MagicMock(spec=discord.Interaction)
    interaction.client = bot
    interaction.user = make_user(user_id, name)
    interaction.guild_id = guild_id
    if guild_id is None:
        interaction.guild = None
    else:
        interaction.guild = MagicMock(spec=discord.Guild)
        interaction.guild.id = guild_id
    interaction.command = None
    response = spec_of(discord.InteractionResponse, "is_done", "send_message", "send_modal",
                       "defer", "edit_message")
    response.is_done.return_value = False

    def done(*args: Any, **kwargs: Any) -> None:
        response.is_done.return_value = True

    for name_ in ("send_message", "send_modal", "defer", "edit_message"):
        getattr(response, name_).side_effect = done
    interaction.response = response
    interaction.followup = spec_of(discord.Webhook, "send")
    interaction.edit_original_response = AsyncMock()
    return interaction


@pytest.fixture
def interaction(bot: StarBot) -> MagicMock:
    """Alice, in the test guild."""
    return make_interaction(bot)


@pytest.fixture
def bob(bot: StarBot) -> MagicMock:
    """Bob, in the test guild."""
    return make_interaction(bot, BOB, name="Bob")


@dataclass
class Sent:
    """One message as the member would see it."""

    content: str | None
    embed: discord.Embed | None
    ephemeral: bool
    view: discord.ui.View | None
    file: discord.File | None

    @property
    def text(self) -> str:
        """Content and every embed text, for simple "does it say X" checks."""
        parts = [self.content or ""]
        if self.embed is not None:
            parts += [self.embed.title or "", self.embed.description or ""]
            for field in self.embed.fields:
                parts += [field.name or "", field.value or ""]
            parts.append(self.embed.footer.text or "")
        return "\n".join(parts)


def _sent(call: Any) -> Sent:
    args, kwargs = call.args, call.kwargs
    content = kwargs.get("content", args[0] if args else None)
    return Sent(content=content, embed=kwargs.get("embed"),
                ephemeral=bool(kwargs.get("ephemeral", False)), view=kwargs.get("view"),
                file=kwargs.get("file"))


def sent(interaction: MagicMock) -> Sent:
    """The one message the interaction's response sent (fails if there was none)."""
    interaction.response.send_message.assert_awaited_once()
    return _sent(interaction.response.send_message.await_args)


def followed_up(interaction: MagicMock) -> Sent:
    """The one follow-up message the interaction sent."""
    interaction.followup.send.assert_awaited_once()
    return _sent(interaction.followup.send.await_args)


def edited(interaction: MagicMock) -> Sent:
    """The one edit of the component's message."""
    interaction.response.edit_message.assert_awaited_once()
    return _sent(interaction.response.edit_message.await_args)


async def invoke(command: app_commands.Command, cog: Any, interaction: MagicMock,
                 **options: Any) -> None:
    """Run a command callback; a user-facing error takes the bot's real error path.
    Anything else propagates, so a bug fails the test instead of becoming an apology."""
    try:
        await command.callback(cog, interaction, **options)
    except (UserFacingError, app_commands.AppCommandError) as error:
        await send_error(interaction, error)


async def submit(modal: discord.ui.Modal, interaction: MagicMock, **values: str) -> None:
    """Submit a modal with these values, as Discord would: a user-facing error takes the
    modal's own error path."""
    inputs = list(modal.walk_children())
    for name, value in values.items():
        field = getattr(modal, name)
        assert isinstance(field, discord.ui.TextInput) and field in inputs, name
        too_long = field.max_length is not None and len(value) > field.max_length
        too_short = len(value) < (field.min_length or (1 if field.required else 0))
        assert not (too_long or too_short), f"{name}: Discord refuses this value"
        filled = MagicMock(spec=discord.ui.TextInput)
        filled.value = value
        setattr(modal, name, filled)
    try:
        await modal.on_submit(interaction)
    except UserFacingError as error:
        await modal.on_error(interaction, error)


def opened_modal(interaction: MagicMock) -> discord.ui.Modal:
    """The modal the command opened."""
    interaction.response.send_modal.assert_awaited_once()
    return interaction.response.send_modal.await_args.args[0]


def embed_fits(embed: discord.Embed) -> bool:
    """Within Discord's embed limits (total, fields, field values, description)."""
    return (len(embed) <= 6000 and len(embed.fields) <= 25
            and all(len(f.value or "") <= 1024 and len(f.name or "") <= 256
                    for f in embed.fields)
            and len(embed.description or "") <= 4096 and len(embed.title or "") <= 256)


# --- fake Discord objects for channels, threads and messages ------------------------------

#: The bot's own user id (its scorecards and posts are authored by it).
BOT_ID = 999_999_999_999_999_999
#: The daily question's channel in the test guild.
CHANNEL = 666_666_666_666_666_666

_snowflakes = itertools.count(800_000_000_000_000_000)


def snowflake() -> int:
    """A fresh Discord id."""
    return next(_snowflakes)


def http_error(cls: type[discord.HTTPException] = discord.Forbidden, status: int = 403,
               text: str = "Missing Permissions") -> discord.HTTPException:
    """An HTTP error as discord.py raises it for a refused request."""
    response = MagicMock(spec=aiohttp.ClientResponse)
    response.status = status
    response.reason = text
    return cls(response, {"code": 50013 if status == 403 else 0, "message": text})


def make_guild(guild_id: int = GUILD) -> MagicMock:
    """A guild whose `me` is the bot's member."""
    guild = MagicMock(spec=discord.Guild)
    guild.id = guild_id
    guild.me = make_user(BOT_ID, "STAR Coach", is_bot=True)
    return guild


def make_partial_message(message_id: int, channel: Any) -> MagicMock:
    partial = spec_of(discord.PartialMessage, "edit", "delete")
    partial.id = message_id
    partial.channel = channel
    return partial


def make_thread(thread_id: int | None = None, *, guild: MagicMock | None = None,
                name: str = "answers") -> MagicMock:
    """A thread; `get_partial_message(id)` returns the same fake for the same id, so a test
    can look at what was edited or deleted."""
    thread = spec_of(discord.Thread, "send", "get_partial_message")
    thread.id = thread_id if thread_id is not None else snowflake()
    thread.name = name
    thread.mention = f"<#{thread.id}>"
    thread.guild = guild if guild is not None else make_guild()
    partials: dict[int, MagicMock] = {}

    def partial(message_id: int) -> MagicMock:
        return partials.setdefault(message_id, make_partial_message(message_id, thread))

    thread.get_partial_message.side_effect = partial
    return thread


def make_message(
    content: str = "",
    *,
    author: MagicMock | None = None,
    channel: MagicMock | None = None,
    reply_to: int | None = None,
    message_id: int | None = None,
) -> MagicMock:
    """A message; `reply` returns a fresh bot message and `create_thread` a fresh thread
    (with the message's id, as Discord does)."""
    message = spec_of(discord.Message, "reply", "create_thread")
    message.id = message_id if message_id is not None else snowflake()
    message.content = content
    message.author = author if author is not None else make_user()
    message.channel = channel if channel is not None else make_thread()
    message.guild = getattr(message.channel, "guild", None)
    message.reference = (discord.MessageReference(message_id=reply_to,
                                                  channel_id=message.channel.id)
                         if reply_to is not None else None)
    guild_part = message.guild.id if message.guild is not None else "@me"
    message.jump_url = f"https://discord.com/channels/{guild_part}/{message.channel.id}/" \
                       f"{message.id}"

    def reply(*args: Any, **kwargs: Any) -> MagicMock:
        return make_message(author=make_user(BOT_ID, "STAR Coach", is_bot=True),
                            channel=message.channel)

    def create_thread(*args: Any, **kwargs: Any) -> MagicMock:
        return make_thread(message.id, guild=message.guild, name=kwargs.get("name", ""))

    message.reply.side_effect = reply
    message.create_thread.side_effect = create_thread
    return message


def make_text_channel(
    channel_id: int = CHANNEL,
    *,
    guild: MagicMock | None = None,
    name: str = "daily",
    permissions: discord.Permissions | None = None,
) -> MagicMock:
    """A text channel where the bot has `permissions` (all by default); `send` returns a
    fresh message authored by the bot."""
    channel = spec_of(discord.TextChannel, "send", "permissions_for")
    channel.id = channel_id
    channel.name = name
    channel.mention = f"<#{channel_id}>"
    channel.guild = guild if guild is not None else make_guild()
    channel.permissions_for.return_value = (
        permissions if permissions is not None else discord.Permissions.all())

    def send(*args: Any, **kwargs: Any) -> MagicMock:
        return make_message(kwargs.get("content") or "", channel=channel,
                            author=make_user(BOT_ID, "STAR Coach", is_bot=True))

    channel.send.side_effect = send
    return channel


@pytest.fixture
def channels(bot: StarBot, monkeypatch: pytest.MonkeyPatch) -> dict[int, Any]:
    """The bot's channel cache: put fakes in this dict. A channel not in it does not exist
    (`fetch_channel` raises NotFound)."""
    cache: dict[int, Any] = {}

    async def fetch_channel(channel_id: int) -> Any:
        if channel_id in cache:
            return cache[channel_id]
        raise http_error(discord.NotFound, 404, "Unknown Channel")

    monkeypatch.setattr(bot, "get_channel", cache.get)
    monkeypatch.setattr(bot, "fetch_channel", fetch_channel)
    return cache
