"""Fakes for cog tests: a real StarBot around a temporary database and the real bank,
spec'd interactions, and helpers that read what the member would see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

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
    response = create_autospec(discord.InteractionResponse, instance=True)
    response.is_done.return_value = False

    def done(*args: Any, **kwargs: Any) -> None:
        response.is_done.return_value = True

    for name_ in ("send_message", "send_modal", "defer", "edit_message"):
        getattr(response, name_).side_effect = done
    interaction.response = response
    interaction.followup = create_autospec(discord.Webhook, instance=True)
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

