"""/question add · list · remove: a server's own questions (moderators)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.guild_questions import (
    TEXT_MAX,
    TEXT_MIN,
    add_guild_question,
    remove_guild_question,
)
from cogs.starbot import StarBot, StarModal
from cogs.ui.questions import added_message, question_choice_name, question_list_embed


class QuestionModal(StarModal, title="Add a question"):
    def __init__(self, bot: StarBot, guild_id: int) -> None:
        super().__init__()
        self.bot = bot
        self.guild_id = guild_id
        self.text = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, min_length=TEXT_MIN, max_length=TEXT_MAX,
            placeholder="Tell me about a time when you…")
        self.principles = discord.ui.TextInput(placeholder="e.g. ownership, dive deep",
                                               max_length=200)
        self.add_item(discord.ui.Label(text="Question", component=self.text))
        self.add_item(discord.ui.Label(
            text="Principles it tests",
            description="1 to 3 ids or names, separated by commas", component=self.principles))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        question = await add_guild_question(
            self.bot.db, self.bot.bank, self.guild_id, text=self.text.value,
            principles=self.principles.value, added_by=interaction.user.id,
            now=self.bot.clock())
        await interaction.response.send_message(added_message(self.bot.bank, question),
                                                ephemeral=True)


class Questions(commands.Cog):
    question = app_commands.Group(
        name="question",
        description="This server's own interview questions",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @question.command(name="add")
    async def add(self, interaction: discord.Interaction) -> None:
        """Add a question of this server's own, with the principles it tests."""
        assert interaction.guild_id is not None
        await interaction.response.send_modal(QuestionModal(self.bot, interaction.guild_id))

    @question.command(name="list")
    async def list_(self, interaction: discord.Interaction) -> None:
        """This server's own questions and their ids."""
        assert interaction.guild_id is not None
        questions = await self.bot.db.list_guild_questions(interaction.guild_id)
        await interaction.response.send_message(
            embed=question_list_embed(self.bot.bank, questions), ephemeral=True)

    @question.command(name="remove")
    @app_commands.describe(question_id="The question to remove (start typing its text)")
    async def remove(self, interaction: discord.Interaction, question_id: str) -> None:
        """Remove one of this server's questions (past answers to it are kept)."""
        assert interaction.guild_id is not None
        await remove_guild_question(self.bot.db, interaction.guild_id, question_id)
        await interaction.response.send_message(f"🗑️ Question `{question_id.strip()}` removed.",
                                                ephemeral=True)

    @remove.autocomplete("question_id")
    async def _question_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        needle = current.strip().lower()
        questions = await self.bot.db.list_guild_questions(interaction.guild_id)
        matches = [q for q in reversed(questions)
                   if not needle or needle in f"{q.id} {q.text}".lower()]
        return [app_commands.Choice(name=question_choice_name(q), value=q.id)
                for q in matches[:25]]


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Questions(bot))
