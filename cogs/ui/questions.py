"""A server's own questions on Discord: the add reply and /question list."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.bank import Bank
from bot.storage import GuildQuestion
from cogs.ui.fit import lines_within
from cogs.ui.progress import principle_label
from cogs.ui.text import EMBED_DESCRIPTION, clip, quote


def principles_text(bank: Bank, question: GuildQuestion) -> str:
    return ", ".join(principle_label(bank, pid, short=True) for pid in question.principle_ids)


def added_message(bank: Bank, question: GuildQuestion) -> str:
    """What the moderator sees after adding a question."""
    return clip(f"✅ Added `{question.id}` for {principles_text(bank, question)}:\n"
                f"> {quote(question.text, 400)}\nIt can now be the daily question and show "
                "up in `/next`.", 2000)


def question_list_embed(bank: Bank, questions: Sequence[GuildQuestion]) -> discord.Embed:
    """The guild's questions, oldest first, with their ids and principles."""
    lines = [f"`{q.id}` {quote(q.text, 160)} — {principles_text(bank, q)}" for q in questions]
    embed = discord.Embed(
        title=f"This server's questions · {len(questions)}",
        description=lines_within(lines, EMBED_DESCRIPTION) if lines
        else "None yet. Add one with `/question add`.",
        colour=discord.Colour.blurple(),
    )
    embed.set_footer(text="They are used next to the built-in questions. "
                          "Remove one with /question remove.")
    return embed


def question_choice_name(question: GuildQuestion) -> str:
    """How a question appears in the /question remove autocomplete (at most 100 chars)."""
    return clip(f"{question.id} · {' '.join(question.text.split())}", 100)
