"""Embeds for an analysed answer: the compact scorecard and the full details."""

from __future__ import annotations

import discord

from bot.analysis import Analysis
from bot.analysis.scoring import words_spoken
from bot.bank import Bank
from cogs.ui.text import EMBED_FIELD_VALUE, check, clip, quote

MAX_ISSUES_ON_SCORECARD = 2


def _colour(score: int) -> discord.Colour:
    if score >= 75:
        return discord.Colour.green()
    if score >= 50:
        return discord.Colour.gold()
    return discord.Colour.red()


def star_line(analysis: Analysis) -> str:
    parts = analysis.star.parts()
    return " ".join(f"{name[0].upper()} {check(part.present)}" for name, part in parts.items())


def summary_line(analysis: Analysis) -> str:
    metrics = analysis.metrics
    metric_text = (
        f"Metrics {check(True)} ({clip(', '.join(metrics.found[:3]), 80)})"
        if metrics.present else f"Metrics {check(False)}"
    )
    own = analysis.ownership
    return (
        f"{star_line(analysis)}\n{metric_text} · “I” {own.i} vs “we” {own.we} · "
        f"Lesson {check(analysis.learning.present)}"
    )


_DEFAULT = object()


def scorecard_embed(
    analysis: Analysis, *, title: str = "Scorecard", probe: str | object | None = _DEFAULT
) -> discord.Embed:
    """The compact reply under an answer: checks, score, top issues, one probe.

    `probe` defaults to the analysis's first follow-up; None leaves the probe out."""
    embed = discord.Embed(
        title=f"{title} · {analysis.score}/100",
        description=summary_line(analysis),
        colour=_colour(analysis.score),
    )
    for finding in analysis.anti_patterns[:MAX_ISSUES_ON_SCORECARD]:
        embed.add_field(
            name=f"⚠️ {finding.id.replace('_', ' ').capitalize()}",
            value=clip(f"{quote(finding.evidence, 220)}\n{finding.why}", EMBED_FIELD_VALUE),
            inline=False,
        )
    missing = [name for name, part in analysis.star.parts().items() if not part.present]
    if missing and len(analysis.anti_patterns) < MAX_ISSUES_ON_SCORECARD:
        embed.add_field(
            name="Missing",
            value=", ".join(name.capitalize() for name in missing),
            inline=False,
        )
    if probe is _DEFAULT:
        probe = analysis.follow_ups[0] if analysis.follow_ups else None
    if isinstance(probe, str):
        embed.add_field(name="A bar raiser would ask (reply to this message)",
                        value=clip(probe, 300), inline=False)
    footer = f"{words_spoken(analysis.word_count)} · ~{analysis.speaking_seconds // 60}m" \
             f"{analysis.speaking_seconds % 60:02d}s spoken"
    if analysis.notices:
        footer += f" · {analysis.notices[0]}"
    embed.set_footer(text=clip(footer, 2000))
    return embed


def details_embed(analysis: Analysis, bank: Bank) -> discord.Embed:
    """Everything the analyzer found, with the sentences that show it."""
    embed = discord.Embed(title=f"Full analysis · {analysis.score}/100",
                          colour=_colour(analysis.score))
    lines = []
    for name, part in analysis.star.parts().items():
        evidence = f" — {quote(part.evidence[0], 160)}" if part.present and part.evidence else ""
        lines.append(f"{check(part.present)} **{name.capitalize()}** {part.score:.2f}{evidence}")
    embed.add_field(name="STAR", value=clip("\n".join(lines), EMBED_FIELD_VALUE), inline=False)
    metrics = analysis.metrics
    embed.add_field(
        name="Metrics",
        value=clip(", ".join(metrics.found) if metrics.present else
                   "None found. Metrics or die: a %, an amount, time saved, how many customers.",
                   EMBED_FIELD_VALUE),
        inline=False,
    )
    own = analysis.ownership
    embed.add_field(name="Ownership",
                    value=f"“I” {own.i} · “we” {own.we} · I-share {own.ratio:.0%}", inline=True)
    embed.add_field(
        name="Lesson",
        value=quote(analysis.learning.evidence[0], 200) if analysis.learning.present
        else "None stated: what did you learn, or what would you do differently?",
        inline=True,
    )
    for finding in analysis.anti_patterns[:6]:
        embed.add_field(
            name=f"⚠️ {finding.id.replace('_', ' ').capitalize()} ({finding.severity})",
            value=clip(f"{quote(finding.evidence, 250)}\n**Why:** {finding.why}\n"
                       f"**Instead:** {finding.advice}", EMBED_FIELD_VALUE),
            inline=False,
        )
    if analysis.principles:
        shown = ", ".join(
            f"{bank.principle(p.id).name} {p.score:.0%}" for p in analysis.principles
            if p.id in bank.principle_ids
        )
        embed.add_field(name="Principles shown", value=clip(shown, EMBED_FIELD_VALUE),
                        inline=False)
    if analysis.follow_ups:
        embed.add_field(name="Follow-up questions",
                        value=clip("\n".join(f"→ {p}" for p in analysis.follow_ups),
                                   EMBED_FIELD_VALUE), inline=False)
    if analysis.notices:
        embed.set_footer(text=clip(" ".join(analysis.notices), 2000))
    return embed
