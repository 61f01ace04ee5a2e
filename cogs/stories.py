"""/story add · list · remove: the member's personal story bank."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.stories import SUMMARY_MAX, TITLE_MAX, add_story, remove_story, story_bank
from cogs.starbot import StarBot, StarModal
from cogs.ui.stories import saved_message, story_choice_name, story_list_embed


class StoryModal(StarModal, title="Add a story"):
    def __init__(self, bot: StarBot) -> None:
        super().__init__()
        self.bot = bot
        self.story_title = discord.ui.TextInput(placeholder="e.g. Saved the Q3 launch",
                                                max_length=TITLE_MAX)
        self.principles = discord.ui.TextInput(
            placeholder="e.g. ownership, dive deep, deliver results", max_length=300)
        self.summary = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, max_length=SUMMARY_MAX,
            placeholder="Situation, task, what you did, the result in numbers, the lesson.")
        self.add_item(discord.ui.Label(text="Title", component=self.story_title))
        self.add_item(discord.ui.Label(
            text="Principles it shows", description="Ids or names, separated by commas",
            component=self.principles))
        self.add_item(discord.ui.Label(text="Summary", description="One paragraph",
                                       component=self.summary))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        story, stories = await add_story(
            self.bot.db, self.bot.bank, interaction.user.id, title=self.story_title.value,
            principles=self.principles.value, summary=self.summary.value,
            now=self.bot.clock())
        await interaction.response.send_message(
            saved_message(self.bot.bank, story, stories), ephemeral=True)


class Stories(commands.Cog):
    story = app_commands.Group(name="story", description="Your bank of interview stories")

    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @story.command(name="add")
    async def add(self, interaction: discord.Interaction) -> None:
        """Add a story to your bank: a title, the principles it shows, a summary."""
        await interaction.response.send_modal(StoryModal(self.bot))

    @story.command(name="list")
    async def list_(self, interaction: discord.Interaction) -> None:
        """Your stories, grouped by principle, and which principles have none."""
        stories = await story_bank(self.bot.db, self.bot.bank, interaction.user.id)
        await interaction.response.send_message(
            embed=story_list_embed(self.bot.bank, stories), ephemeral=True)

    @story.command(name="remove")
    @app_commands.describe(story_id="The story to remove (start typing its title)")
    async def remove(self, interaction: discord.Interaction, story_id: int) -> None:
        """Remove one of your stories."""
        await remove_story(self.bot.db, interaction.user.id, story_id)
        await interaction.response.send_message(f"🗑️ Story #{story_id} removed.",
                                                ephemeral=True)

    @remove.autocomplete("story_id")
    async def _story_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        needle = current.strip().lower().lstrip("#")
        stories = await self.bot.db.list_stories(interaction.user.id)
        matches = [s for s in reversed(stories)
                   if not needle or needle in f"{s.id} {s.title}".lower()]
        return [app_commands.Choice(name=story_choice_name(s), value=s.id) for s in matches[:25]]


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Stories(bot))
