"""Progress: /coverage, /next, /history, /streak and /leaderboard."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.progress import (
    answer_history,
    guild_leaderboard,
    next_practice,
    user_progress,
    user_streak,
    user_today,
)
from bot.errors import UserFacingError
from cogs.starbot import StarBot
from cogs.ui.progress import (
    coverage_embed,
    history_embed,
    leaderboard_embed,
    next_embed,
    streak_embed,
)


class Progress(commands.Cog):
    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @app_commands.command(name="coverage")
    @app_commands.describe(member="Whose coverage to show (default: yours)")
    async def coverage(
        self, interaction: discord.Interaction, member: discord.User | None = None
    ) -> None:
        """Your progress on the 16 Leadership Principles, and what is due."""
        target = member or interaction.user
        if target.bot:
            raise UserFacingError("Bots don't practise interviews. Pick a member.")
        today = await user_today(self.bot.db, target.id, self.bot.clock())
        progress = await user_progress(self.bot.db, self.bot.bank, target.id, today,
                                       guild_id=interaction.guild_id)
        own = target.id == interaction.user.id
        who = discord.utils.escape_markdown(target.display_name)
        await interaction.response.send_message(
            embed=coverage_embed(self.bot.bank, progress, who, own=own), ephemeral=True)

    @app_commands.command(name="next")
    async def next_(self, interaction: discord.Interaction) -> None:
        """The principle and question to practise next, and why."""
        today = await user_today(self.bot.db, interaction.user.id, self.bot.clock())
        practice = await next_practice(self.bot.db, self.bot.bank, interaction.user.id, today,
                                       guild_id=interaction.guild_id)
        await interaction.response.send_message(
            embed=next_embed(self.bot.bank, practice), ephemeral=True)

    @app_commands.command(name="history")
    @app_commands.describe(count="How many answers to show, newest first (1-25, default 10)")
    async def history(
        self, interaction: discord.Interaction, count: app_commands.Range[int, 1, 25] = 10
    ) -> None:
        """Your latest answers: date, source, question and score."""
        lines = await answer_history(self.bot.db, self.bot.bank, interaction.user.id, count)
        if not lines:
            raise UserFacingError("You have no answers yet. `/next` suggests a question to "
                                  "start with.")
        today = await user_today(self.bot.db, interaction.user.id, self.bot.clock())
        await interaction.response.send_message(embed=history_embed(lines, today),
                                                ephemeral=True)

    @app_commands.command(name="streak")
    async def streak(self, interaction: discord.Interaction) -> None:
        """Your current and longest daily-answer streak, in your time zone."""
        info = await user_streak(self.bot.db, interaction.user.id, self.bot.clock())
        await interaction.response.send_message(embed=streak_embed(info), ephemeral=True)

    @app_commands.command(name="leaderboard")
    @app_commands.guild_only()
    async def leaderboard(self, interaction: discord.Interaction) -> None:
        """This server's top members by daily streak and principles practised."""
        assert interaction.guild_id is not None
        board = await guild_leaderboard(self.bot.db, interaction.guild_id, self.bot.clock())
        await interaction.response.send_message(embed=leaderboard_embed(board))


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Progress(bot))
