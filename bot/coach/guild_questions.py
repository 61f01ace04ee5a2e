"""A server's own questions, added by its moderators next to the built-in bank.

They have the same limits as the bank's questions (15-400 characters, 1-3 principles)
and take part in the daily choice and in /next like any other question.
"""

from __future__ import annotations

from datetime import datetime

from bot.bank import Bank
from bot.coach.principle_input import resolve_principles
from bot.errors import UserFacingError
from bot.storage import Database, GuildQuestion

TEXT_MIN = 15
TEXT_MAX = 400
PRINCIPLES_MAX = 3


async def add_guild_question(
    db: Database,
    bank: Bank,
    guild_id: int,
    *,
    text: str,
    principles: str,
    added_by: int,
    now: datetime,
) -> GuildQuestion:
    """Check and save a guild's question; ``principles`` is what the moderator typed."""
    text = " ".join(text.split())
    if not TEXT_MIN <= len(text) <= TEXT_MAX:
        raise UserFacingError(
            f"A question needs {TEXT_MIN} to {TEXT_MAX} characters (yours has {len(text)})."
        )
    ids = resolve_principles(bank, principles, at_least=1, at_most=PRINCIPLES_MAX)
    return await db.add_guild_question(guild_id, text, ids, added_by, created_at=now)


async def remove_guild_question(db: Database, guild_id: int, question_id: str) -> None:
    """Remove one of the guild's questions, or say why not."""
    if not await db.remove_guild_question(guild_id, question_id.strip()):
        raise UserFacingError(
            f"This server has no question `{question_id.strip()[:40]}`. "
            "`/question list` shows its questions and their ids."
        )
