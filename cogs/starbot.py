"""The bot: intents, mentions, one error path for app commands, extensions, wiring."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.analysis import warm_up
from bot.bank import Bank
from bot.errors import UserFacingError
from bot.settings import Settings
from bot.storage import Database, StorageError

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.daily",
    "cogs.answers",
    "cogs.feedback",
    "cogs.drills",
    "cogs.progress",
    "cogs.stories",
    "cogs.questions",
    "cogs.privacy",
    "cogs.preferences",
    "cogs.admin",
)

APOLOGY = "Sorry, something went wrong on my side. It has been logged; please try again."


def utcnow() -> datetime:
    return datetime.now(UTC)


def intents() -> discord.Intents:
    """Guilds, guild messages and message content; no members intent."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.message_content = True
    return wanted


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py at DISCORD_API_BASE / DISCORD_GATEWAY_URL (proxies, loopback tests)."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


async def send_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user what went wrong, ephemerally; log anything unexpected."""
    original = getattr(error, "original", error)
    if isinstance(original, UserFacingError):
        message = str(original)
    elif isinstance(error, app_commands.MissingPermissions):
        missing = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        message = f"You need the {missing} permission for this."
    elif isinstance(error, app_commands.NoPrivateMessage):
        message = "This command only works in a server."
    elif isinstance(error, app_commands.CheckFailure):
        message = "You can't use this command here."
    elif isinstance(original, StorageError):
        log.error("storage error in %s: %s", _where(interaction), original)
        message = "My database is unavailable right now. Please try again in a minute."
    else:
        log.error("unexpected error in %s", _where(interaction), exc_info=original)
        message = APOLOGY
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about an error in %s", _where(interaction))


def _where(interaction: discord.Interaction) -> str:
    command = interaction.command.qualified_name if interaction.command else "a component"
    return f"/{command}" if interaction.command else command


Callback = TypeVar("Callback", bound=Callable[..., Awaitable[Any]])


def guarded(callback: Callback) -> Callback:
    """Route a component callback's errors to the same path as commands."""

    @functools.wraps(callback)
    async def wrapper(self: Any, interaction: discord.Interaction) -> None:
        try:
            await callback(self, interaction)
        except Exception as error:
            await send_error(interaction, error)

    return wrapper  # type: ignore[return-value]


class StarTree(app_commands.CommandTree):
    """The one error path for every slash command and context menu."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        await send_error(interaction, error)


class StarView(discord.ui.View):
    """A view whose callback errors take the same path as commands."""

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item
    ) -> None:
        await send_error(interaction, error)


class StarModal(discord.ui.Modal):
    """A modal whose submit errors take the same path as commands."""

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await send_error(interaction, error)


class StarBot(commands.Bot):
    """STAR Coach on Discord. Dependencies are passed in; nothing is global."""

    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        bank: Bank,
        clock: Callable[[], datetime] = utcnow,
        connector: aiohttp.BaseConnector | None = None,
        extensions: tuple[str, ...] = EXTENSIONS,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=StarTree,
            help_command=None,
            owner_ids=set(settings.owner_ids) or None,
            connector=connector,
        )
        self.settings = settings
        self.db = db
        self.bank = bank
        self.clock = clock
        self._extensions_to_load = extensions

    async def setup_hook(self) -> None:
        # Before the gateway connects, so the first answers after a restart are not slow.
        warm_up()
        for extension in self._extensions_to_load:
            await self.load_extension(extension)
        if self.settings.dev_guild_id:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
            log.info("copied commands to the dev guild %s", self.settings.dev_guild_id)

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))
