"""Drill and mock-interview screens."""

from __future__ import annotations

import discord

from bot.bank import Bank
from bot.coach.answering import QuestionInfo
from bot.coach.drills import MockSummary
from cogs.ui.daily import principle_names
from cogs.ui.text import clip

VERDICT_ICONS = {"strong": "🟢", "mixed": "🟡", "weak": "🔴"}


def drill_embed(bank: Bank, question: QuestionInfo, reason: str, *, title: str = "Drill"
                ) -> discord.Embed:
    embed = discord.Embed(title=title, description=clip(question.text, 4000),
                          colour=discord.Colour.blurple())
    embed.add_field(name="Leadership Principles", value=principle_names(bank, question),
                    inline=False)
    embed.set_footer(text=clip(f"{question.id} · picked because: {reason}", 2000))
    return embed


def summary_embed(bank: Bank, summary: MockSummary) -> discord.Embed:
    embed = discord.Embed(
        title=f"Mock interview · overall {VERDICT_ICONS[summary.overall]} {summary.overall}",
        description="How a bar raiser would read your three answers.",
        colour=discord.Colour.dark_teal(),
    )
    for verdict in summary.verdicts:
        name = bank.principle(verdict.principle_id).name \
            if verdict.principle_id in bank.principle_ids else verdict.principle_id
        embed.add_field(
            name=f"{VERDICT_ICONS[verdict.verdict]} {name} — {verdict.verdict} ({verdict.score})",
            value=clip(verdict.reason, 1024), inline=False)
    if summary.fix_first:
        embed.add_field(name="Fix these first",
                        value=clip("\n".join(f"{i}. {fix}" for i, fix in
                                             enumerate(summary.fix_first, 1)), 1024),
                        inline=False)
    return embed
