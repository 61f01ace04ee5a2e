"""Embeds for /coverage, /next, /history, /streak and /leaderboard."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import discord

from bot.bank import Bank
from bot.coach.coverage import CoverageStatus, PrincipleCoverage
from bot.coach.progress import (
    STORIES_PER_PRINCIPLE,
    HistoryLine,
    Leaderboard,
    NextPractice,
    Progress,
    StreakInfo,
)
from bot.coach.recommend import PrincipleSchedule
from cogs.ui.fit import lines_within
from cogs.ui.text import EMBED_DESCRIPTION, EMBED_FIELD_VALUE, bar, clip, quote

STATUS_ICONS = {
    CoverageStatus.NOT_STARTED: "⚪",
    CoverageStatus.WEAK: "🔴",
    CoverageStatus.DEVELOPING: "🟡",
    CoverageStatus.STRONG: "🟢",
}


def principle_label(bank: Bank, principle_id: str, *, short: bool = False) -> str:
    """``🔑 Ownership`` (the short name with ``short``); the id when the bank lacks it."""
    if principle_id not in bank.principle_ids:
        return principle_id
    principle = bank.principle(principle_id)
    return f"{principle.emoji} {principle.short if short else principle.name}".strip()


def day_text(day: date, today: date) -> str:
    """``03 May``, with the year when it is not this year."""
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %Y}"


def due_text(sched: PrincipleSchedule, today: date) -> str:
    """When a principle is due again, relative to ``today``: "due 12 May", "3d overdue"."""
    if sched.due is None:
        return "due now"
    if sched.due <= today:
        late = (today - sched.due).days
        return "due today" if late == 0 else f"{late}d overdue"
    return f"due {day_text(sched.due, today)}"


def coverage_line(cov: PrincipleCoverage, sched: PrincipleSchedule, today: date) -> str:
    """One compact line: bar of the recent mean, tries, best, last practised, next due."""
    mean = cov.last3_mean or 0.0
    recent = "–" if cov.last3_mean is None else f"{cov.last3_mean:.0f}"
    if cov.attempts == 0:
        return f"`{bar(0)}` not practised yet · due now"
    last = day_text(cov.last_practised, today) if cov.last_practised else "–"
    tries = "1 try" if cov.attempts == 1 else f"{cov.attempts} tries"
    return (f"`{bar(mean / 100)}` {recent} · {tries} · best {cov.best_score} · "
            f"last {last} · {due_text(sched, today)}")


def coverage_embed(bank: Bank, progress: Progress, who: str, *, own: bool) -> discord.Embed:
    """The 16 principles, one field each, and which principles have no story yet."""
    today = progress.today
    rec = progress.recommendation
    whose = "your" if own else "their"
    embed = discord.Embed(
        title=clip(f"Leadership Principle coverage · {who}", 256),
        description=(
            f"**{progress.covered}/16** principles practised · {progress.answers} answer(s) · "
            f"{today:%d %b %Y}\nBar: mean of the last 3 scores. "
            f"**Next:** {rec.reason}" + (" → `/next`" if own else "")
        ),
        colour=discord.Colour.blurple(),
    )
    for cov in progress.coverage:
        sched = progress.schedules[cov.principle_id]
        embed.add_field(
            name=f"{STATUS_ICONS[cov.status]} {principle_label(bank, cov.principle_id)} · "
                 f"{cov.status.value}",
            value=clip(coverage_line(cov, sched, today), EMBED_FIELD_VALUE),
            inline=False,
        )
    missing = progress.without_story
    if missing:
        names = ", ".join(principle_label(bank, pid, short=True) for pid in missing)
        text = (f"{len(missing)} principle(s) without a story in {whose} story bank: {names}. "
                f"Guides advise {STORIES_PER_PRINCIPLE} stories per principle")
        text += " — add one with `/story add`." if own else "."
    else:
        text = f"Every principle has a story in {whose} story bank."
        thin = progress.one_story
        if thin:
            names = ", ".join(principle_label(bank, pid, short=True) for pid in thin)
            text += f" Only one so far for: {names}."
    embed.add_field(name="📖 Story bank", value=clip(text, EMBED_FIELD_VALUE), inline=False)
    return embed


def next_embed(bank: Bank, practice: NextPractice) -> discord.Embed:
    """The recommended principle, its question, the reason and how to practise it."""
    rec = practice.recommendation
    embed = discord.Embed(
        title=clip(f"Next: {principle_label(bank, rec.principle_id)}", 256),
        description=clip(practice.question.text, EMBED_DESCRIPTION) if practice.question
        else "No question for this principle yet: tell a story of your own that shows it.",
        colour=discord.Colour.blurple(),
    )
    embed.add_field(name="Why this one", value=clip(rec.reason, EMBED_FIELD_VALUE), inline=False)
    embed.add_field(
        name="Practise it",
        value=f"`/drill principle:{rec.principle_id}` — answer with one real story: "
              "Situation → Task → Action → Result, with numbers.",
        inline=False,
    )
    if practice.question is not None:
        embed.set_footer(text=f"Question {practice.question.id}")
    return embed


def history_line(line: HistoryLine, today: date) -> str:
    answer = line.answer
    if line.question_text is not None:
        about = quote(line.question_text, 70)
    elif answer.question_id is None:
        about = "*free answer*"
    else:
        about = "*question removed*"
    star = " · STAR ✅" if answer.star_complete else ""
    return (f"`{day_text(answer.local_date, today)}` · {answer.source} · "
            f"{about} · **{answer.score}**/100{star}")


def history_embed(lines: Sequence[HistoryLine], today: date) -> discord.Embed:
    """The member's latest answers, newest first."""
    return discord.Embed(
        title=f"Your latest {len(lines)} answer(s)",
        description=lines_within([history_line(line, today) for line in lines],
                                 EMBED_DESCRIPTION),
        colour=discord.Colour.blurple(),
    )


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def streak_embed(info: StreakInfo) -> discord.Embed:
    """Current and longest streak, and what keeps it going."""
    lines = [f"Current: **{_days(info.current)}**"
             + (f" (since {day_text(info.started, info.today)})" if info.started else ""),
             f"Longest: **{_days(info.longest)}**"]
    if info.current and not info.answered_today:
        lines.append("Answer today's daily question to keep it going.")
    elif not info.current:
        lines.append("Answer today's daily question in its thread to start one.")
    embed = discord.Embed(title="🔥 Daily streak", description="\n".join(lines),
                          colour=discord.Colour.orange())
    embed.set_footer(text=f"Days counted in {info.timezone} · change it with /settings timezone")
    return embed


def leaderboard_embed(board: Leaderboard) -> discord.Embed:
    """Top members as mentions (embeds never ping) with their streak and principles."""
    lines = [
        f"**{e.rank}.** <@{e.user_id}> · 🔥 {_days(e.current_streak)} · "
        f"{e.principles_covered}/16 principles"
        for e in board.entries
    ]
    embed = discord.Embed(
        title=f"🏆 Leaderboard · {board.today:%d %b %Y}",
        description=lines_within(lines, EMBED_DESCRIPTION) if lines
        else "Nobody yet: answer today's daily question to get on the board.",
        colour=discord.Colour.gold(),
    )
    embed.set_footer(text=f"Streak: consecutive days with a daily answer ({board.timezone}). "
                          "Principles: practised at least once in this server.")
    return embed
