"""What the daily question looks like in the channel, and /daily status."""

from __future__ import annotations

from datetime import date, datetime

import discord

from bot.bank import Bank
from bot.coach.answering import QuestionInfo
from bot.coach.daily import DailyStatus
from bot.schedule import describe_days
from cogs.ui.text import clip

STAR_REMINDER = (
    "Answer in the thread with one real story: **S**ituation → **T**ask → **A**ction → "
    "**R**esult. Put numbers on the result, say “I” for what you did, and end with what you "
    "learned. Reply to someone's answer to give feedback, or use *Apps → Review answer*."
)


def principle_names(bank: Bank, question: QuestionInfo) -> str:
    names = []
    for principle_id in question.principles:
        if principle_id in bank.principle_ids:
            principle = bank.principle(principle_id)
            names.append(f"{principle.emoji} {principle.name}".strip())
    return " · ".join(names) or "—"


def question_embed(bank: Bank, question: QuestionInfo, day: date) -> discord.Embed:
    embed = discord.Embed(
        title=f"Daily question · {day:%a %d %b %Y}",
        description=clip(question.text, 4000),
        colour=discord.Colour.blurple(),
    )
    embed.add_field(name="Leadership Principles", value=principle_names(bank, question),
                    inline=False)
    embed.add_field(name="How to answer", value=STAR_REMINDER, inline=False)
    embed.set_footer(text=f"Question {question.id}")
    return embed


def thread_name(bank: Bank, question: QuestionInfo, day: date) -> str:
    main = question.principles[0] if question.principles else None
    label = bank.principle(main).name if main in bank.principle_ids else "Behavioral question"
    return clip(f"{day:%d %b} · {label}", 100)


def status_embed(status: DailyStatus, channel_mention: str | None) -> discord.Embed:
    settings = status.settings
    state = "⏸️ Paused" if settings.paused else "▶️ Active"
    embed = discord.Embed(title="Daily question", colour=discord.Colour.blurple())
    where = channel_mention or "no channel set — run `/daily setup`"
    embed.add_field(
        name=state,
        value=f"{where} at **{settings.post_time:%H:%M} {settings.timezone}**, "
              f"{describe_days(tuple(settings.days))}",
        inline=False,
    )
    if status.next_post is not None:
        embed.add_field(name="Next post", value=_when(status.next_post, settings.zone),
                        inline=False)
    if status.last_post is not None:
        last = status.last_post
        text = f"{last.local_date:%a %d %b}"
        if status.last_question is not None:
            text += f" — {clip(status.last_question.text, 200)}"
        if last.thread_id:
            text += f"\nThread: <#{last.thread_id}>"
        embed.add_field(name="Last post", value=text, inline=False)
    if settings.last_failure:
        when = f" ({_when(settings.last_failure_at, settings.zone)})" \
            if settings.last_failure_at else ""
        embed.add_field(name="⚠️ Last failure", value=clip(settings.last_failure + when, 1000),
                        inline=False)
    return embed


def _when(instant: datetime, zone) -> str:
    local = instant.astimezone(zone)
    return f"{local:%a %d %b %H:%M} {zone.key} (<t:{int(instant.timestamp())}:R>)"
