"""/settings on Discord: what each feedback mode means, and the current settings."""

from __future__ import annotations

from datetime import datetime

import discord

from bot.storage import UserPreferences

FEEDBACK_MODES = {
    "thread": "Scorecards reply under your answer in the daily thread",
    "dm": "Scorecards come by DM (in the thread if your DMs are closed)",
    "off": "No scorecards; your answers still count for coverage and streaks",
}


def feedback_saved(prefs: UserPreferences) -> str:
    return f"✅ Feedback: **{prefs.feedback_mode}** — {FEEDBACK_MODES[prefs.feedback_mode]}."


def timezone_saved(prefs: UserPreferences, now: datetime) -> str:
    local = now.astimezone(prefs.zone)
    return (f"✅ Time zone: **{prefs.timezone}** (it is {local:%a %H:%M} there). "
            "Your streak days and due dates now follow it.")


def settings_embed(prefs: UserPreferences, now: datetime) -> discord.Embed:
    """The member's settings and how to change them."""
    embed = discord.Embed(title="⚙️ Your settings", colour=discord.Colour.blurple())
    embed.add_field(name=f"Feedback · {prefs.feedback_mode}",
                    value=f"{FEEDBACK_MODES[prefs.feedback_mode]}.\n"
                          "Change: `/settings feedback`", inline=False)
    local = now.astimezone(prefs.zone)
    embed.add_field(name=f"Time zone · {prefs.timezone}",
                    value=f"It is {local:%a %d %b %H:%M} there. Streaks and due dates use "
                          "it.\nChange: `/settings timezone`", inline=False)
    return embed
