"""Safe, bounded text for Discord: quotes never ping and never break an embed."""

from __future__ import annotations

import discord

# Discord's limits.
EMBED_DESCRIPTION = 4096
EMBED_FIELD_VALUE = 1024
EMBED_TITLE = 256
MESSAGE_CONTENT = 2000


def clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int = 300) -> str:
    """A member's sentence, shown literally: no markdown, no mentions, bounded."""
    flat = " ".join(text.split())
    safe = discord.utils.escape_mentions(discord.utils.escape_markdown(flat))
    return f"“{clip(safe, limit)}”"


def check(present: bool) -> str:
    return "✅" if present else "❌"


def bar(fraction: float, width: int = 10) -> str:
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "░" * (width - filled)
