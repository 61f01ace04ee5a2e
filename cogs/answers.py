"""Answers in daily threads: scorecards, merged messages, edits, deletes, follow-ups,
peer comments, and the "Details" button."""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import timedelta

import discord
from discord.ext import commands

from bot.analysis import Analysis
from bot.coach.answering import MAX_FOLLOW_UP_ROUNDS, latest_analysis
from bot.coach.threads import (
    ThreadEvent,
    handle_thread_delete,
    handle_thread_edit,
    handle_thread_message,
    record_card,
)
from bot.errors import UserFacingError
from bot.storage import StoredAnswer
from cogs.starbot import StarBot, guarded
from cogs.ui.analysis import details_embed, scorecard_embed

log = logging.getLogger(__name__)


class DetailsButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"star:details:(?P<id>\d+)"
):
    """Shows the full analysis of an answer, only to whoever clicks."""

    def __init__(self, answer_id: int) -> None:
        super().__init__(discord.ui.Button(
            label="Details", style=discord.ButtonStyle.secondary, emoji="🔎",
            custom_id=f"star:details:{answer_id}",
        ))
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> DetailsButton:
        return cls(int(match["id"]))

    @guarded
    async def callback(self, interaction: discord.Interaction) -> None:
        bot: StarBot = interaction.client  # type: ignore[assignment]
        answer = await bot.db.get_answer(self.answer_id)
        if answer is None:
            raise UserFacingError("That answer was deleted.")
        analysis = latest_analysis(answer, await bot.db.list_follow_ups(answer.id))
        await interaction.response.send_message(
            embed=details_embed(analysis, bot.bank), ephemeral=True)


def scorecard_view(answer_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(DetailsButton(answer_id))
    return view


class Answers(commands.Cog):
    def __init__(self, bot: StarBot) -> None:
        self.bot = bot
        self.merge_window = timedelta(seconds=bot.settings.answer_merge_seconds)

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(DetailsButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(DetailsButton)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None:
            return
        if not isinstance(message.channel, discord.Thread):
            return
        post = await self.bot.db.daily_post_by_thread(message.channel.id)
        if post is None:
            return
        reply_to = message.reference.message_id if message.reference else None
        event = await handle_thread_message(
            self.bot.db, self.bot.bank, post,
            author_id=message.author.id, message_id=message.id, channel_id=message.channel.id,
            text=message.content, reply_to=reply_to, now=self.bot.clock(),
            merge_window=self.merge_window,
        )
        await self._deliver(event, message)

    async def _deliver(self, event: ThreadEvent, message: discord.Message) -> None:
        if event.answer is None or event.analysis is None:
            return
        if event.kind == "answer":
            await self._send_scorecard(event.answer, event.analysis, message)
        elif event.kind == "merged":
            await self._refresh_scorecard(event, message)
        elif event.kind == "follow_up":
            title = f"Follow-up {event.round}/{MAX_FOLLOW_UP_ROUNDS} · the whole story"
            embed = scorecard_embed(event.analysis, title=title, probe=event.next_probe)
            if event.next_probe is None:
                embed.add_field(name="Done", value="That's the 5 whys for this story. "
                                "Try `/drill` for another one.", inline=False)
            reply = await self._reply(message, embed, event.answer.id)
            if reply is not None:
                await record_card(self.bot.db, event.answer, reply.id)

    async def _send_scorecard(
        self, answer: StoredAnswer, analysis: Analysis, message: discord.Message
    ) -> None:
        answer_id = answer.id
        prefs = await self.bot.db.get_preferences(message.author.id)
        embed = scorecard_embed(analysis)
        if prefs.feedback_mode == "off":
            return
        if prefs.feedback_mode == "dm":
            try:
                await message.author.send(
                    content=f"Your answer in {message.jump_url}", embed=embed,
                    view=scorecard_view(answer_id))
            except discord.HTTPException:
                log.info("could not DM user %s; falling back to the thread", message.author.id)
            else:
                return
        reply = await self._reply(message, embed, answer_id)
        if reply is not None:
            await record_card(self.bot.db, answer, reply.id)

    async def _refresh_scorecard(self, event: ThreadEvent, message: discord.Message) -> None:
        assert event.answer is not None and event.analysis is not None
        feedback_id = event.answer.feedback_message_id
        if feedback_id is None:
            await self._send_scorecard(event.answer, event.analysis, message)
            return
        try:
            await message.channel.get_partial_message(feedback_id).edit(
                embed=scorecard_embed(event.analysis), view=scorecard_view(event.answer.id))
        except discord.NotFound:
            unscored = event.answer.model_copy(update={"feedback_message_id": None})
            await self._send_scorecard(unscored, event.analysis, message)
        except discord.HTTPException:
            log.warning("could not update the scorecard %s", feedback_id)

    async def _reply(
        self, message: discord.Message, embed: discord.Embed, answer_id: int
    ) -> discord.Message | None:
        try:
            return await message.reply(embed=embed, view=scorecard_view(answer_id),
                                       mention_author=False)
        except discord.HTTPException as exc:
            log.warning("could not reply in %s: %s", message.channel.id, exc)
            return None

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        content = payload.data.get("content")
        if content is None or payload.guild_id is None:
            return
        author = payload.data.get("author") or {}
        if author.get("bot"):
            return
        event = await handle_thread_edit(self.bot.db, self.bot.bank, payload.message_id,
                                         content, self.bot.clock())
        if event.answer is not None and event.analysis is not None:
            await self._update_feedback(event)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        if payload.guild_id is None:
            return
        event = await handle_thread_delete(self.bot.db, self.bot.bank, payload.message_id,
                                           self.bot.clock())
        if event.kind == "answer" and event.cards:
            channel = self.bot.get_channel(payload.channel_id)
            if isinstance(channel, discord.Thread):
                for card in event.cards:
                    with contextlib.suppress(discord.HTTPException):
                        await channel.get_partial_message(card).delete()
        elif event.kind == "merged" and event.answer is not None and event.analysis is not None:
            await self._update_feedback(event)

    async def _update_feedback(self, event: ThreadEvent) -> None:
        assert event.answer is not None and event.analysis is not None
        if event.answer.feedback_message_id is None or event.answer.channel_id is None:
            return
        channel = self.bot.get_channel(event.answer.channel_id)
        if not isinstance(channel, discord.Thread):
            return
        try:
            await channel.get_partial_message(event.answer.feedback_message_id).edit(
                embed=scorecard_embed(event.analysis, title="Scorecard (edited)"),
                view=scorecard_view(event.answer.id))
        except discord.HTTPException:
            log.info("could not update the scorecard of answer %s", event.answer.id)


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Answers(bot))
