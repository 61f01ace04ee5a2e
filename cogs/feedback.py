"""Peer feedback: the "Review answer" message menu and its S/T/A/R modal."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.answering import review_answer
from bot.errors import UserFacingError
from bot.storage import StoredAnswer
from cogs.starbot import StarBot, StarModal
from cogs.ui.text import clip, quote

log = logging.getLogger(__name__)

RATING_HINT = "1 (missing) to 5 (excellent)"


def _rating(field: discord.ui.TextInput, part: str) -> int:
    text = field.value.strip()
    if text not in ("1", "2", "3", "4", "5"):
        raise UserFacingError(f"{part}: give a whole number from 1 to 5 (you wrote '{text}').")
    return int(text)


class ReviewModal(StarModal, title="Review this answer"):
    def __init__(self, bot: StarBot, answer: StoredAnswer, defaults: tuple | None = None) -> None:
        super().__init__(custom_id=f"star:review:{answer.id}")
        self.bot = bot
        self.answer = answer
        values = defaults or (None, None, None, None, None)
        self.situation, self.task, self.action, self.result = (
            discord.ui.TextInput(placeholder=RATING_HINT, max_length=1, min_length=1,
                                 default=str(value) if value is not None else None)
            for value in values[:4]
        )
        self.comment = discord.ui.TextInput(style=discord.TextStyle.paragraph, required=False,
                                            max_length=1000, default=values[4] or None)
        for label, field in (("Situation (1-5)", self.situation), ("Task (1-5)", self.task),
                             ("Action (1-5)", self.action), ("Result (1-5)", self.result),
                             ("What would make it stronger?", self.comment)):
            self.add_item(discord.ui.Label(text=label, component=field))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        ratings = (_rating(self.situation, "Situation"), _rating(self.task, "Task"),
                   _rating(self.action, "Action"), _rating(self.result, "Result"))
        review, created = await review_answer(
            self.bot.db, self.answer.id, interaction.user.id, ratings, self.comment.value,
            self.bot.clock())
        verb = "saved" if created else "updated"
        await interaction.response.send_message(
            f"Thanks — your review is {verb} (S{review.situation} T{review.task} "
            f"A{review.action} R{review.result}).", ephemeral=True)
        await self._tell_author(interaction, review.mean, created)

    async def _tell_author(self, interaction: discord.Interaction, mean: float,
                           created: bool) -> None:
        if not created or interaction.channel is None:
            return
        text = (f"<@{self.answer.user_id}>, {interaction.user.mention} reviewed your answer: "
                f"**{mean:.1f}/5** on average.")
        if self.comment.value.strip():
            text += f"\n> {quote(self.comment.value, 500)}"
        try:
            await interaction.channel.send(
                clip(text, 2000),
                allowed_mentions=discord.AllowedMentions(
                    users=[discord.Object(self.answer.user_id)]),
            )
        except discord.HTTPException:
            log.info("could not tell the author about a review in %s", interaction.channel_id)


class Feedback(commands.Cog):
    def __init__(self, bot: StarBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Review answer", callback=self.review)
        self.menu.guild_only = True

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def review(self, interaction: discord.Interaction, message: discord.Message) -> None:
        db = self.bot.db
        answer = (await db.get_answer_by_message(message.id)
                  or await db.answer_by_part_message(message.id)
                  or await db.answer_by_card(message.id))
        if answer is None:
            raise UserFacingError("That message isn't an answer I know. Use *Review answer* on "
                                  "a member's answer in a daily thread.")
        if answer.user_id == interaction.user.id:
            raise UserFacingError("You can't review your own answer — ask a peer to.")
        existing = await db.get_review(answer.id, interaction.user.id)
        defaults = (existing.situation, existing.task, existing.action, existing.result,
                    existing.comment) if existing else None
        await interaction.response.send_modal(ReviewModal(self.bot, answer, defaults))


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Feedback(bot))
