"""/settings feedback · timezone · show: a member's own preferences."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from cogs.starbot import StarBot
from cogs.ui.preferences import FEEDBACK_MODES, feedback_saved, settings_embed, timezone_saved
from cogs.ui.timezones import ZONES, timezone_choices


class Preferences(commands.Cog):
    settings = app_commands.Group(name="settings", description="Your STAR Coach settings")

    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @settings.command(name="feedback")
    @app_commands.describe(mode="Where your scorecards go")
    @app_commands.choices(mode=[
        app_commands.Choice(name=f"{mode}: {text}"[:100], value=mode)
        for mode, text in FEEDBACK_MODES.items()
    ])
    async def feedback(
        self, interaction: discord.Interaction, mode: app_commands.Choice[str]
    ) -> None:
        """Choose where scorecards for your answers go: thread, DM or off."""
        prefs = await self.bot.db.set_preferences(interaction.user.id,
                                                  feedback_mode=mode.value)
        await interaction.response.send_message(feedback_saved(prefs), ephemeral=True)

    @settings.command(name="timezone")
    @app_commands.describe(zone="IANA time zone, e.g. Europe/London (start typing a city)")
    async def timezone(self, interaction: discord.Interaction, zone: str) -> None:
        """Set your time zone: it decides your streak days and what is due today."""
        zone = zone.strip()
        if zone not in ZONES:
            raise UserFacingError(f"'{zone[:60]}' is not a time zone I know. Start typing a "
                                  "city and pick from the list, e.g. Europe/London.")
        prefs = await self.bot.db.set_preferences(interaction.user.id, timezone=zone)
        await interaction.response.send_message(timezone_saved(prefs, self.bot.clock()),
                                                ephemeral=True)

    @timezone.autocomplete("zone")
    async def _zones(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return timezone_choices(current)

    @settings.command(name="show")
    async def show(self, interaction: discord.Interaction) -> None:
        """Your current settings."""
        prefs = await self.bot.db.get_preferences(interaction.user.id)
        await interaction.response.send_message(embed=settings_embed(prefs, self.bot.clock()),
                                                ephemeral=True)


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Preferences(bot))
