"""Daily posts: one per guild per local date, claimed before the message is sent."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from bot.storage.base import Repository, now_utc, ts
from bot.storage.models import DailyPost, QuestionHistoryEntry

POST_COLUMNS = (
    "id, guild_id, local_date, question_id, channel_id, message_id, thread_id, created_at"
)


def post_from_row(row: sqlite3.Row) -> DailyPost:
    """A daily post from a row selected with :data:`POST_COLUMNS`."""
    return DailyPost(**dict(row))


class DailyPostRepository(Repository):
    """The UNIQUE (guild, local date) claim that keeps restarts from double-posting."""

    async def claim_daily_post(
        self,
        guild_id: int,
        local_date: date,
        question_id: str,
        channel_id: int,
        *,
        now: datetime | None = None,
    ) -> bool:
        """Claim the guild's post for ``local_date``; False if it was already claimed.

        Call this *before* sending the message, then :meth:`set_daily_post_ids`; if sending
        fails for good, :meth:`release_daily_post` gives the slot back.
        """
        async with self._locked() as conn:
            row = await self._one(
                conn,
                """
                INSERT INTO daily_posts (guild_id, local_date, question_id, channel_id,
                                         created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, local_date) DO NOTHING
                RETURNING id
                """,
                (guild_id, local_date.isoformat(), question_id, channel_id, ts(now or now_utc())),
            )
        return row is not None

    async def set_daily_post_ids(
        self, guild_id: int, local_date: date, message_id: int, thread_id: int | None = None
    ) -> bool:
        """Record the posted message (and its thread) for a claimed day."""
        async with self._locked() as conn:
            changed = await self._run(
                conn,
                "UPDATE daily_posts SET message_id = ?, thread_id = ?"
                " WHERE guild_id = ? AND local_date = ?",
                (message_id, thread_id, guild_id, local_date.isoformat()),
            )
        return changed > 0

    async def release_daily_post(self, guild_id: int, local_date: date) -> bool:
        """Give back a claim whose message was never sent (no message id yet)."""
        async with self._locked() as conn:
            changed = await self._run(
                conn,
                "DELETE FROM daily_posts WHERE guild_id = ? AND local_date = ?"
                " AND message_id IS NULL",
                (guild_id, local_date.isoformat()),
            )
        return changed > 0

    async def get_daily_post(self, guild_id: int, local_date: date) -> DailyPost | None:
        """The guild's post for that local date, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {POST_COLUMNS} FROM daily_posts WHERE guild_id = ? AND local_date = ?",
                (guild_id, local_date.isoformat()),
            )
        return post_from_row(row) if row else None

    async def daily_post_by_thread(self, thread_id: int) -> DailyPost | None:
        """The daily post whose answer thread this is, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn, f"SELECT {POST_COLUMNS} FROM daily_posts WHERE thread_id = ?", (thread_id,)
            )
        return post_from_row(row) if row else None

    async def daily_post_by_message(self, message_id: int) -> DailyPost | None:
        """The daily post sent as this message, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn, f"SELECT {POST_COLUMNS} FROM daily_posts WHERE message_id = ?",
                (message_id,),
            )
        return post_from_row(row) if row else None

    async def last_daily_post(self, guild_id: int) -> DailyPost | None:
        """The guild's most recent daily post (latest local date), or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {POST_COLUMNS} FROM daily_posts WHERE guild_id = ?"
                " ORDER BY local_date DESC LIMIT 1",
                (guild_id,),
            )
        return post_from_row(row) if row else None

    async def guild_question_history(
        self, guild_id: int, limit: int | None = None
    ) -> list[QuestionHistoryEntry]:
        """Questions the guild was posted, newest first (for the daily question choice)."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                "SELECT question_id, local_date FROM daily_posts WHERE guild_id = ?"
                " ORDER BY local_date DESC LIMIT ?",
                (guild_id, -1 if limit is None else limit),
            )
        return [QuestionHistoryEntry(question_id=r[0], local_date=r[1]) for r in rows]
