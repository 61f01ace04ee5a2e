"""/settings feedback · timezone · show as the member sees them."""

from __future__ import annotations

from unittest.mock import MagicMock

import pytest
from discord import app_commands

from bot.storage import Database
from cogs import preferences
from cogs.preferences import Preferences
from cogs.starbot import StarBot
from tests.cogs.conftest import invoke, make_interaction, sent
from tests.storage.factories import ALICE


@pytest.fixture
async def cog(bot: StarBot) -> Preferences:
    await preferences.setup(bot)
    loaded = bot.get_cog("Preferences")
    assert isinstance(loaded, Preferences)
    return loaded


def test_feedback_offers_exactly_thread_dm_and_off(cog: Preferences) -> None:
    [mode] = cog.feedback.parameters
    assert [c.value for c in mode.choices] == ["thread", "dm", "off"]
    assert all(len(c.name) <= 100 for c in mode.choices)
    assert mode.description == "Where your scorecards go"


async def test_feedback_mode_is_saved(
    cog: Preferences, interaction: MagicMock, db: Database
) -> None:
    await invoke(cog.feedback, cog, interaction, mode=app_commands.Choice(name="dm", value="dm"))
    message = sent(interaction)
    assert message.ephemeral and "**dm**" in message.content and "DM" in message.content
    prefs = await db.get_preferences(ALICE)
    assert prefs.feedback_mode == "dm" and prefs.timezone == "UTC"


async def test_timezone_is_checked_and_saved_keeping_the_feedback_mode(
    cog: Preferences, bot: StarBot, db: Database
) -> None:
    await db.set_preferences(ALICE, feedback_mode="off")
    wrong = make_interaction(bot)
    await invoke(cog.timezone, cog, wrong, zone="Mars/Olympus")
    assert sent(wrong).ephemeral and "not a time zone I know" in sent(wrong).content
    assert (await db.get_preferences(ALICE)).timezone == "UTC"

    right = make_interaction(bot)
    await invoke(cog.timezone, cog, right, zone="Asia/Tokyo")
    message = sent(right)
    assert message.ephemeral and "**Asia/Tokyo**" in message.content
    assert "Fri 21:00" in message.content  # the bot's clock is 12:00 UTC
    prefs = await db.get_preferences(ALICE)
    assert (prefs.timezone, prefs.feedback_mode) == ("Asia/Tokyo", "off")


async def test_timezone_autocomplete_matches_cities_and_suggests_common_zones(
    cog: Preferences, interaction: MagicMock
) -> None:
    common = await cog._zones(interaction, "")
    assert common[0].value == "UTC" and "Europe/London" in [c.value for c in common]
    matches = [c.value for c in await cog._zones(interaction, "new york")]
    assert matches == ["America/New_York"]
    assert len(await cog._zones(interaction, "a")) == 25
    assert cog.timezone.parameters[0].description.startswith("IANA time zone")


async def test_show_lists_both_settings(
    cog: Preferences, interaction: MagicMock, db: Database
) -> None:
    await db.set_preferences(ALICE, feedback_mode="thread", timezone="Europe/London")
    await invoke(cog.show, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    names = [f.name for f in message.embed.fields]
    assert names == ["Feedback · thread", "Time zone · Europe/London"]
    assert "13:00" in message.embed.fields[1].value  # BST in May
