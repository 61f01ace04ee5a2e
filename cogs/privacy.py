"""/privacy export · delete: a member's copy of their data, and its erasure.

What deletion removes is decided in ``bot/storage/privacy.py``: reviews and comments the
member wrote on other people's answers are deleted too; questions they added to a server
stay with it, without their name.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from cogs.starbot import StarBot, StarView
from cogs.ui.privacy import DELETE_WARNING, deleted_message, export_file, export_message

log = logging.getLogger(__name__)

CONFIRM_SECONDS = 60


class ConfirmDelete(StarView):
    """Confirm / Cancel for /privacy delete; only the member who asked can press them."""

    def __init__(self, bot: StarBot, user_id: int, origin: discord.Interaction) -> None:
        super().__init__(timeout=CONFIRM_SECONDS)
        self.bot = bot
        self.user_id = user_id
        self.origin = origin
        self.counts: dict[str, int] | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.user_id:
            return True
        await interaction.response.send_message("Only the member who asked can confirm this.",
                                                ephemeral=True)
        return False

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger, emoji="🗑️")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        self.counts = await self.bot.db.delete_user(self.user_id)
        log.info("deleted the data of a user on request")
        await interaction.response.edit_message(content=deleted_message(self.counts), view=None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await interaction.response.edit_message(content="Cancelled: nothing was deleted.",
                                                view=None)

    async def on_timeout(self) -> None:
        try:
            await self.origin.edit_original_response(
                content="Timed out: nothing was deleted. Run `/privacy delete` again.",
                view=None)
        except discord.HTTPException:
            log.info("could not mark a /privacy delete prompt as timed out")


class Privacy(commands.Cog):
    privacy = app_commands.Group(name="privacy",
                                 description="Your data: get a copy, or delete it")

    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @privacy.command(name="export")
    async def export(self, interaction: discord.Interaction) -> None:
        """Get a JSON file of everything STAR Coach stores about you."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await self.bot.db.export_user(interaction.user.id)
        await interaction.followup.send(export_message(data),
                                        file=export_file(data, interaction.user.id),
                                        ephemeral=True)

    @privacy.command(name="delete")
    async def delete(self, interaction: discord.Interaction) -> None:
        """Delete your answers, stories, settings and the reviews you wrote (asks first)."""
        view = ConfirmDelete(self.bot, interaction.user.id, interaction)
        await interaction.response.send_message(DELETE_WARNING, view=view, ephemeral=True)


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Privacy(bot))
