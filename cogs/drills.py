"""/drill and /mock: practice on demand, answered in modals, analysed ephemerally."""

from __future__ import annotations

import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.analysis import Analysis
from bot.coach.answering import (
    MAX_FOLLOW_UP_ROUNDS,
    answer_probe,
    current_probe,
    find_question,
    stored_analysis,
    submit_answer,
)
from bot.coach.drills import MOCK_QUESTIONS, choose_drill, mock_summary, plan_mock
from bot.errors import UserFacingError
from cogs.answers import DetailsButton
from cogs.starbot import StarBot, StarModal, guarded
from cogs.ui.analysis import scorecard_embed
from cogs.ui.drills import drill_embed, summary_embed
from cogs.ui.text import clip

ANSWER_MAX = 4000


def _bot(interaction: discord.Interaction) -> StarBot:
    return interaction.client  # type: ignore[return-value]


class AnswerModal(StarModal):
    """One paragraph answer; `on_answer(interaction, text)` does the rest."""

    def __init__(self, *, title: str, custom_id: str, on_answer,
                 label: str = "Your answer (STAR)", hint: str | None = None) -> None:
        super().__init__(title=clip(title, 45), custom_id=custom_id)
        self._on_answer = on_answer
        self.answer = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, max_length=ANSWER_MAX, min_length=1,
            placeholder="Situation → Task → Action → Result, with numbers and a lesson.")
        if hint:
            # Above the field, in full: a Label's description stops at 100 characters, and a
            # bar raiser's probe is often longer.
            self.add_item(discord.ui.TextDisplay(clip(hint, 4000)))
        self.add_item(discord.ui.Label(text=clip(label, 45), component=self.answer))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self._on_answer(interaction, self.answer.value)


# --- /drill -------------------------------------------------------------------------------


class DrillAnswerButton(discord.ui.DynamicItem[discord.ui.Button],
                        template=r"drill:answer:(?P<q>[a-z0-9-]+)"):
    def __init__(self, question_id: str) -> None:
        super().__init__(discord.ui.Button(label="Answer", style=discord.ButtonStyle.primary,
                                           emoji="✍️", custom_id=f"drill:answer:{question_id}"))
        self.question_id = question_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["q"])

    @guarded
    async def callback(self, interaction: discord.Interaction) -> None:
        async def on_answer(modal_interaction: discord.Interaction, text: str) -> None:
            bot = _bot(modal_interaction)
            outcome = await submit_answer(
                bot.db, bot.bank, user_id=modal_interaction.user.id, text=text, source="drill",
                now=bot.clock(), guild_id=modal_interaction.guild_id,
                question_id=self.question_id)
            await modal_interaction.response.send_message(
                embed=scorecard_embed(outcome.analysis),
                view=drill_result_view(outcome.answer.id, outcome.analysis, rounds_done=0),
                ephemeral=True)

        await interaction.response.send_modal(AnswerModal(
            title="Your answer", custom_id=f"drill:submit:{self.question_id}",
            on_answer=on_answer))


class DrillFollowUpButton(discord.ui.DynamicItem[discord.ui.Button],
                          template=r"drill:follow:(?P<a>\d+)"):
    def __init__(self, answer_id: int) -> None:
        super().__init__(discord.ui.Button(label="Follow-up", style=discord.ButtonStyle.success,
                                           emoji="🔁", custom_id=f"drill:follow:{answer_id}"))
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(int(match["a"]))

    @guarded
    async def callback(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        answer = await bot.db.get_answer(self.answer_id)
        if answer is None or answer.user_id != interaction.user.id:
            raise UserFacingError("That drill isn't yours, or it was deleted.")
        follow_ups = await bot.db.list_follow_ups(answer.id)
        if len(follow_ups) >= MAX_FOLLOW_UP_ROUNDS:
            raise UserFacingError("That's the 5 whys for this story — start a new `/drill`.")
        probe = current_probe(answer, follow_ups)

        async def on_answer(modal_interaction: discord.Interaction, text: str) -> None:
            played = await answer_probe(bot.db, bot.bank, answer, text, bot.clock())
            if played is None:
                raise UserFacingError("That's the 5 whys for this story — start a new `/drill`.")
            embed = scorecard_embed(
                played.analysis, probe=played.next_probe,
                title=f"Follow-up {played.round}/{MAX_FOLLOW_UP_ROUNDS} · whole story")
            await modal_interaction.response.send_message(
                embed=embed,
                view=drill_result_view(answer.id, played.analysis, rounds_done=played.round),
                ephemeral=True)

        await interaction.response.send_modal(AnswerModal(
            title="Follow-up", custom_id=f"drill:reply:{answer.id}", on_answer=on_answer,
            label="Your answer to the follow-up", hint=probe))


def drill_result_view(answer_id: int, analysis: Analysis, rounds_done: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(DetailsButton(answer_id))
    if rounds_done < MAX_FOLLOW_UP_ROUNDS and analysis.follow_ups:
        view.add_item(DrillFollowUpButton(answer_id))
    return view


# --- /mock --------------------------------------------------------------------------------


class MockAnswerButton(discord.ui.DynamicItem[discord.ui.Button],
                       template=r"mock:(?P<qs>[a-z0-9,-]+):(?P<i>\d):(?P<ids>[\d,]*)"):
    def __init__(self, question_ids: list[str], index: int, answer_ids: list[int]) -> None:
        custom_id = f"mock:{','.join(question_ids)}:{index}:{','.join(map(str, answer_ids))}"
        super().__init__(discord.ui.Button(
            label=f"Answer question {index + 1}/{len(question_ids)}",
            style=discord.ButtonStyle.primary, emoji="✍️", custom_id=custom_id))
        self.question_ids, self.index, self.answer_ids = question_ids, index, answer_ids

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        ids = [int(x) for x in match["ids"].split(",") if x]
        return cls(match["qs"].split(","), int(match["i"]), ids)

    @guarded
    async def callback(self, interaction: discord.Interaction) -> None:
        async def on_answer(modal_interaction: discord.Interaction, text: str) -> None:
            await self._answered(modal_interaction, text)

        await interaction.response.send_modal(AnswerModal(
            title=f"Question {self.index + 1} of {len(self.question_ids)}",
            custom_id=f"mocksubmit:{self.index}:{interaction.id}", on_answer=on_answer))

    async def _answered(self, interaction: discord.Interaction, text: str) -> None:
        bot = _bot(interaction)
        question_id = self.question_ids[self.index]
        outcome = await submit_answer(
            bot.db, bot.bank, user_id=interaction.user.id, text=text, source="mock",
            now=bot.clock(), guild_id=interaction.guild_id, question_id=question_id)
        answer_ids = [*self.answer_ids, outcome.answer.id]
        next_index = self.index + 1
        if next_index < len(self.question_ids):
            question = await find_question(bot.db, bot.bank, self.question_ids[next_index],
                                           interaction.guild_id)
            if question is None:
                raise UserFacingError("That question was removed; start a new `/mock`.")
            view = discord.ui.View(timeout=None)
            view.add_item(MockAnswerButton(self.question_ids, next_index, answer_ids))
            await interaction.response.send_message(
                embeds=[scorecard_embed(outcome.analysis, title=f"Answer {next_index}", probe=None),
                        drill_embed(bot.bank, question, "mock interview",
                                    title=f"Mock interview · question {next_index + 1}/"
                                          f"{len(self.question_ids)}")],
                view=view, ephemeral=True)
            return
        results = []
        for question_id, answer_id in zip(self.question_ids, answer_ids, strict=True):
            answer = await bot.db.get_answer(answer_id)
            question = await find_question(bot.db, bot.bank, question_id, interaction.guild_id)
            if answer is not None and question is not None:
                results.append((question, stored_analysis(answer)))
        await interaction.response.send_message(
            embed=summary_embed(bot.bank, mock_summary(results)), ephemeral=True)


# --- the cog ------------------------------------------------------------------------------


class Drills(commands.Cog):
    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(DrillAnswerButton, DrillFollowUpButton, MockAnswerButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(DrillAnswerButton, DrillFollowUpButton, MockAnswerButton)

    async def _today(self, user_id: int):
        prefs = await self.bot.db.get_preferences(user_id)
        return self.bot.clock().astimezone(prefs.zone).date()

    @app_commands.command(name="drill")
    @app_commands.describe(principle="Practise this Leadership Principle (default: what you "
                                     "need most)", question="A specific question id")
    async def drill(self, interaction: discord.Interaction, principle: str | None = None,
                    question: str | None = None) -> None:
        """Practise one behavioral question now, with a follow-up after your answer."""
        chosen, reason = await choose_drill(
            self.bot.db, self.bot.bank, interaction.user.id,
            await self._today(interaction.user.id), guild_id=interaction.guild_id,
            principle_id=principle, question_id=question)
        view = discord.ui.View(timeout=None)
        view.add_item(DrillAnswerButton(chosen.id))
        await interaction.response.send_message(
            embed=drill_embed(self.bot.bank, chosen, reason), view=view, ephemeral=True)

    @drill.autocomplete("principle")
    async def _principles(self, interaction: discord.Interaction, current: str
                          ) -> list[app_commands.Choice[str]]:
        needle = current.lower()
        return [app_commands.Choice(name=p.name, value=p.id) for p in self.bot.bank.principles
                if needle in p.name.lower() or needle in p.id][:25]

    @drill.autocomplete("question")
    async def _questions(self, interaction: discord.Interaction, current: str
                         ) -> list[app_commands.Choice[str]]:
        needle = current.lower()
        principle = getattr(interaction.namespace, "principle", None)
        choices = []
        for q in self.bot.bank.questions:
            if principle and principle not in q.principles:
                continue
            if needle in q.id or needle in q.text.lower():
                choices.append(app_commands.Choice(name=clip(f"{q.id}: {q.text}", 100),
                                                   value=q.id))
            if len(choices) == 25:
                break
        return choices

    @app_commands.command(name="mock")
    async def mock(self, interaction: discord.Interaction) -> None:
        """A three-question mock interview on your weakest principles, with a summary."""
        questions = await plan_mock(self.bot.db, self.bot.bank, interaction.user.id,
                                    await self._today(interaction.user.id),
                                    interaction.guild_id)
        if len(questions) < MOCK_QUESTIONS:
            raise UserFacingError("I couldn't find three questions on different principles.")
        view = discord.ui.View(timeout=None)
        view.add_item(MockAnswerButton([q.id for q in questions], 0, []))
        await interaction.response.send_message(
            content="Three questions on three principles, one after another. Answer each "
                    "as you would in the room: one real story, STAR, with numbers.",
            embed=drill_embed(self.bot.bank, questions[0], "mock interview",
                              title=f"Mock interview · question 1/{len(questions)}"),
            view=view, ephemeral=True)


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Drills(bot))
