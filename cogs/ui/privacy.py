"""/privacy on Discord: the export file, the delete warning and the deletion summary."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import discord

from bot.errors import UserFacingError

#: Discord's attachment limit for bots in a server without boosts.
FILE_LIMIT_BYTES = 10 * 1024 * 1024

DELETE_WARNING = (
    "⚠️ **Delete everything STAR Coach stores about you?**\n"
    "• your answers, with their follow-ups and the reviews and comments others left on them;\n"
    "• the peer reviews and comments **you wrote** on other members' answers — they are "
    "deleted, not kept anonymously (their authors' mean ratings are recomputed);\n"
    "• your settings and your story bank.\n"
    "Questions you added to a server stay with that server, without your name.\n"
    "This cannot be undone. Run `/privacy export` first if you want a copy."
)

COUNT_LABELS = (
    ("answers", "answer(s)"),
    ("follow_ups", "follow-up(s)"),
    ("reviews_received", "review(s) of your answers"),
    ("comments_received", "comment(s) on your answers"),
    ("reviews_written", "review(s) you wrote"),
    ("comments_written", "comment(s) you wrote"),
    ("stories", "story(ies)"),
    ("preferences", "settings record"),
    ("terminal_user", "terminal user name"),
)


def export_file(data: dict[str, Any], user_id: int,
                limit: int = FILE_LIMIT_BYTES) -> discord.File:
    """The export as ``star-coach-<id>.json``; gzip-compressed (``.json.gz``) when the
    plain file is over ``limit``; a :class:`UserFacingError` when even that is."""
    raw = json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")
    name = f"star-coach-{user_id}.json"
    if len(raw) > limit:
        raw = gzip.compress(raw)
        name += ".gz"
        if len(raw) > limit:
            raise UserFacingError(
                "Your data is too large for one Discord attachment, even compressed. Ask the "
                "bot's owner for a copy.")
    return discord.File(io.BytesIO(raw), filename=name)


def export_message(data: dict[str, Any]) -> str:
    answers = len(data.get("answers", []))
    stories = len(data.get("stories", []))
    return (f"📦 Everything STAR Coach stores about you: {answers} answer(s), "
            f"{stories} story(ies), your reviews, comments and settings. "
            "`/privacy delete` erases it.")


def deleted_message(counts: dict[str, int]) -> str:
    """What was removed, in words; zero counts left out."""
    parts = [f"{counts[key]} {label}" for key, label in COUNT_LABELS if counts.get(key)]
    text = "🗑️ Deleted: " + ", ".join(parts) + "." if parts else \
        "🗑️ There was nothing stored about you."
    kept = counts.get("guild_questions_anonymised", 0)
    if kept:
        text += f" {kept} question(s) you added stay with their server, without your name."
    return text
