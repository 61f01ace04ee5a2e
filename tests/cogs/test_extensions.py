"""Meta-tests: every extension loads (and unloads) on the real bot, command names are
unique, and every slash command and option has a description users can read."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.bank import default_bank
from bot.settings import Settings
from bot.storage import Database
from cogs.starbot import EXTENSIONS, StarBot

COGS_DIR = Path(__file__).resolve().parents[2] / "cogs"


@pytest.fixture
async def bot(tmp_path: Path):
    db = await Database.open(tmp_path / "meta.db")
    star = StarBot(settings=Settings(DISCORD_TOKEN=None), db=db, bank=default_bank(),
                   extensions=())
    async with star:  # sets up the client's loop state without logging in
        yield star
    await db.close()


def test_every_cog_module_is_listed():
    modules = {f"cogs.{p.stem}" for p in COGS_DIR.glob("*.py")
               if p.stem not in ("__init__", "starbot")}
    assert modules == set(EXTENSIONS)


async def test_every_extension_loads_and_unloads(bot: StarBot):
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    assert len(bot.cogs) == len(EXTENSIONS)
    for extension in EXTENSIONS:
        await bot.unload_extension(extension)
    assert not bot.cogs
    assert not bot.tree.get_commands()
    assert not bot.tree.get_commands(type=discord.AppCommandType.message)


async def test_command_names_are_unique_and_described(bot: StarBot):
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    seen: set[tuple[str, discord.AppCommandType]] = set()
    for command in bot.tree.walk_commands():
        key = (command.qualified_name, discord.AppCommandType.chat_input)
        assert key not in seen, f"duplicate command /{command.qualified_name}"
        seen.add(key)
        assert command.description and command.description != "…", command.qualified_name
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                assert parameter.description not in ("", "…"), (
                    f"/{command.qualified_name} option {parameter.name} has no description")
    top_level = [c.name for c in bot.tree.get_commands()]
    assert len(top_level) == len(set(top_level))
    menus = [c.name for c in bot.tree.get_commands(type=discord.AppCommandType.message)]
    assert "Review answer" in menus
