"""Answers told in several messages, and what the daily scheduler reads per guild."""

from __future__ import annotations

from datetime import datetime

from bot.storage.answers import ANSWER_COLUMNS, answer_from_row
from bot.storage.base import Repository, ts
from bot.storage.models import StoredAnswer


class ThreadRepository(Repository):
    """Message parts of an answer, a member's latest answer in a channel, guild practice."""

    async def add_answer_part(
        self, answer_id: int, message_id: int, text: str, created_at: datetime
    ) -> bool:
        """Attach a message to an answer as its next part; False if already attached."""
        async with self._writing() as conn:
            row = await self._one(
                conn,
                "SELECT coalesce(max(position) + 1, 0) FROM answer_parts WHERE answer_id = ?",
                (answer_id,),
            )
            position = row[0] if row else 0
            changed = await self._run(
                conn,
                "INSERT INTO answer_parts (message_id, answer_id, position, created_at, text)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING",
                (message_id, answer_id, position, ts(created_at), text),
            )
        return changed > 0

    async def answer_parts(self, answer_id: int) -> list[tuple[int, str]]:
        """(message id, text) of every part, in order."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                "SELECT message_id, text FROM answer_parts WHERE answer_id = ?"
                " ORDER BY position",
                (answer_id,),
            )
        return [(row[0], row[1]) for row in rows]

    async def answer_by_part_message(self, message_id: int) -> StoredAnswer | None:
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE id ="
                " (SELECT answer_id FROM answer_parts WHERE message_id = ?)",
                (message_id,),
            )
        return answer_from_row(row) if row else None

    async def set_answer_part_text(self, message_id: int, text: str) -> bool:
        async with self._locked() as conn:
            changed = await self._run(
                conn, "UPDATE answer_parts SET text = ? WHERE message_id = ?", (text, message_id)
            )
        return changed > 0

    async def delete_answer_part(self, message_id: int) -> bool:
        async with self._locked() as conn:
            changed = await self._run(
                conn, "DELETE FROM answer_parts WHERE message_id = ?", (message_id,)
            )
        return changed > 0

    async def hand_answer_to_next_part(
        self, answer_id: int, message_id: int
    ) -> StoredAnswer | None:
        """The answer's first message was deleted: its next part becomes the answer's message
        and the deleted part goes. None, and nothing changed, when it has no other part."""
        async with self._writing() as conn:
            row = await self._one(
                conn,
                "SELECT message_id FROM answer_parts WHERE answer_id = ? AND message_id != ?"
                " ORDER BY position LIMIT 1",
                (answer_id, message_id),
            )
            if row is None:
                return None
            await self._run(conn, "DELETE FROM answer_parts WHERE message_id = ?", (message_id,))
            await self._run(
                conn, "UPDATE answers SET message_id = ? WHERE id = ?", (row[0], answer_id)
            )
            answer = await self._one(
                conn, f"SELECT {ANSWER_COLUMNS} FROM answers WHERE id = ?", (answer_id,)
            )
        return answer_from_row(answer) if answer else None

    async def latest_answer_in_channel(
        self, user_id: int, channel_id: int
    ) -> StoredAnswer | None:
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE user_id = ? AND channel_id = ?"
                " ORDER BY created_at DESC, id DESC LIMIT 1",
                (user_id, channel_id),
            )
        return answer_from_row(row) if row else None

    async def add_feedback_card(self, answer_id: int, message_id: int) -> None:
        """Remember a card the bot posted about an answer (scorecard or follow-up card)."""
        async with self._locked() as conn:
            await self._run(
                conn,
                "INSERT INTO feedback_cards (message_id, answer_id) VALUES (?, ?)"
                " ON CONFLICT (message_id) DO NOTHING",
                (message_id, answer_id),
            )

    async def answer_by_card(self, message_id: int) -> StoredAnswer | None:
        """The answer a bot card (any of them) is about."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE feedback_message_id = ? OR id ="
                " (SELECT answer_id FROM feedback_cards WHERE message_id = ?) LIMIT 1",
                (message_id, message_id),
            )
        return answer_from_row(row) if row else None

    async def feedback_cards(self, answer_id: int) -> list[int]:
        async with self._locked() as conn:
            rows = await self._all(
                conn, "SELECT message_id FROM feedback_cards WHERE answer_id = ?"
                " ORDER BY message_id", (answer_id,),
            )
        return [row[0] for row in rows]

    async def guild_principle_counts(self, guild_id: int) -> dict[str, int]:
        """How many answers in the guild count for each principle."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                "SELECT principle_id, sum(attempts) FROM member_principles"
                " WHERE guild_key = ? GROUP BY principle_id",
                (guild_id,),
            )
        return {row[0]: row[1] for row in rows}
