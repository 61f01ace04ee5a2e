"""Answers, follow-up answers and peer comments."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiosqlite

from bot.storage.base import Repository, dump_ids, load_ids, now_utc, ts
from bot.storage.errors import AnswerNotFoundError, StorageError
from bot.storage.models import (
    FollowUp,
    NewAnswer,
    PeerComment,
    StoredAnswer,
    check_principle_ids,
)

ANSWER_COLUMNS = (
    "id, guild_id, user_id, question_id, principle_ids, source, text, analysis_json, score, "
    "star_complete, message_id, channel_id, feedback_message_id, local_date, created_at, "
    "edited_at"
)
FOLLOW_UP_COLUMNS = "id, answer_id, probe, text, analysis_json, score, message_id, created_at"
COMMENT_COLUMNS = "id, answer_id, author_id, text, message_id, created_at, edited_at"


def answer_from_row(row: sqlite3.Row) -> StoredAnswer:
    """A stored answer from a row selected with :data:`ANSWER_COLUMNS`."""
    return StoredAnswer(
        id=row["id"],
        guild_id=row["guild_id"],
        user_id=row["user_id"],
        question_id=row["question_id"],
        principle_ids=load_ids(row["principle_ids"]),
        source=row["source"],
        text=row["text"],
        analysis_json=row["analysis_json"],
        score=row["score"],
        star_complete=bool(row["star_complete"]),
        message_id=row["message_id"],
        channel_id=row["channel_id"],
        feedback_message_id=row["feedback_message_id"],
        local_date=row["local_date"],
        created_at=row["created_at"],
        edited_at=row["edited_at"],
    )


def follow_up_from_row(row: sqlite3.Row) -> FollowUp:
    """A follow-up from a row selected with :data:`FOLLOW_UP_COLUMNS`."""
    return FollowUp(**dict(row))


def comment_from_row(row: sqlite3.Row) -> PeerComment:
    """A peer comment from a row selected with :data:`COMMENT_COLUMNS`."""
    return PeerComment(**dict(row))


#: Name of the SQL function registered on the connection by :func:`register_functions`.
LOCAL_DATE_FUNCTION = "starcoach_local_date"


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_date_sql(created_at: str, guild_tz: str | None, user_tz: str | None) -> str | None:
    """SQL function: the date of UTC ``created_at`` in the guild's zone, else the user's;
    NULL when neither is known (the caller then falls back)."""
    try:
        zone = (_zone(guild_tz) if guild_tz else None) or (_zone(user_tz) if user_tz else None)
        if zone is None:
            return None
        return datetime.fromisoformat(created_at).astimezone(zone).date().isoformat()
    except (ValueError, TypeError, OverflowError):
        return None


async def register_functions(conn: aiosqlite.Connection) -> None:
    """Register the SQL functions the repository's statements use."""
    await conn.create_function(LOCAL_DATE_FUNCTION, 3, local_date_sql, deterministic=True)


def _check_score(score: int) -> int:
    if not 0 <= score <= 100:
        raise ValueError(f"score must be 0-100, got {score}")
    return score


#: Insert one answer. The local date is worked out inside SQLite (by
#: LOCAL_DATE_FUNCTION) from the guild's zone, else the user's, else the date of
#: created_at in the zone the caller gave it in; a given local_date wins.
INSERT_ANSWER = f"""
    INSERT INTO answers (guild_id, user_id, question_id, principle_ids, source, score,
        star_complete, message_id, channel_id, local_date, created_at, text, analysis_json)
    VALUES (:guild_id, :user_id, :question_id, :principle_ids, :source, :score,
        :star_complete, :message_id, :channel_id,
        coalesce(:local_date,
                 {LOCAL_DATE_FUNCTION}(:created_at,
                     (SELECT timezone FROM guild_settings WHERE guild_id = :guild_id),
                     (SELECT timezone FROM user_preferences WHERE user_id = :user_id)),
                 :own_date),
        :created_at, :text, :analysis_json)
    ON CONFLICT (message_id) DO NOTHING
"""


#: The same insert with the local date already worked out (bulk path, positional).
INSERT_ANSWER_ROW = """
    INSERT INTO answers (guild_id, user_id, question_id, principle_ids, source, score,
        star_complete, message_id, channel_id, local_date, created_at, text, analysis_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (message_id) DO NOTHING
"""


def local_date_of(new: NewAnswer, guild_tz: str | None, user_tz: str | None) -> date:
    """The rule of LOCAL_DATE_FUNCTION, in Python."""
    if new.local_date is not None:
        return new.local_date
    zone = (_zone(guild_tz) if guild_tz else None) or (_zone(user_tz) if user_tz else None)
    return (new.created_at.astimezone(zone) if zone else new.created_at).date()


def _answer_row(new: NewAnswer, guild_tz: str | None, user_tz: str | None) -> tuple:
    return (
        new.guild_id,
        new.user_id,
        new.question_id,
        dump_ids(new.principle_ids),
        new.source,
        new.score,
        int(new.star_complete),
        new.message_id,
        new.channel_id,
        local_date_of(new, guild_tz, user_tz).isoformat(),
        ts(new.created_at),
        new.text,
        new.analysis_json,
    )


def _answer_params(new: NewAnswer) -> dict[str, object]:
    return {
        "guild_id": new.guild_id,
        "user_id": new.user_id,
        "question_id": new.question_id,
        "principle_ids": dump_ids(new.principle_ids),
        "source": new.source,
        "score": new.score,
        "star_complete": int(new.star_complete),
        "message_id": new.message_id,
        "channel_id": new.channel_id,
        "local_date": new.local_date.isoformat() if new.local_date else None,
        "created_at": ts(new.created_at),
        "own_date": new.created_at.date().isoformat(),
        "text": new.text,
        "analysis_json": new.analysis_json,
    }


#: Most answers written in one group-commit transaction.
MAX_GROUP_COMMIT = 200


class AnswerRepository(Repository):
    """Answers (idempotent on the Discord message id), follow-ups and peer comments."""

    _answer_queue: list[tuple[NewAnswer, asyncio.Future[tuple[StoredAnswer, bool]]]]
    _answer_flush: asyncio.Task[None] | None

    async def add_answer(self, new: NewAnswer) -> tuple[StoredAnswer, bool]:
        """Store an answer; ``created`` is False when its message id was already stored
        (a re-delivered event), and the existing answer is returned unchanged.

        When the connection is free this is one statement. When other work holds it,
        answers that arrive meanwhile are queued and written together in one transaction
        (group commit): many members answering at once cost one commit, not one each.
        """
        if new.message_id is None or not self._busy:
            return await self._add_answer_now(new)
        future: asyncio.Future[tuple[StoredAnswer, bool]] = (
            asyncio.get_running_loop().create_future()
        )
        self._answer_queue.append((new, future))
        if self._answer_flush is None or self._answer_flush.done():
            self._answer_flush = asyncio.create_task(self._flush_answers())
        return await future

    async def _add_answer_now(self, new: NewAnswer) -> tuple[StoredAnswer, bool]:
        async with self._locked() as conn:
            # One statement, one trip to the connection thread.
            row = await self._one(
                conn, f"{INSERT_ANSWER} RETURNING {ANSWER_COLUMNS}", _answer_params(new)
            )
            if row is not None:
                return answer_from_row(row), True
            existing = await self._one(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE message_id = ?",
                (new.message_id,),
            )
        if existing is None:  # pragma: no cover - the conflict row cannot vanish under the lock
            raise AnswerNotFoundError(f"answer for message {new.message_id} vanished")
        return answer_from_row(existing), False

    async def _flush_answers(self) -> None:
        """Write queued answers, a batch per transaction, until the queue is empty.

        If a batch fails as a whole, each of its answers is retried on its own so that
        one bad answer only fails its own caller.
        """
        batch: list[tuple[NewAnswer, asyncio.Future[tuple[StoredAnswer, bool]]]] = []
        try:
            while self._answer_queue:
                batch = []
                try:
                    results = await self._write_answer_batch(batch)
                except (StorageError, ValueError):
                    for new, future in batch:
                        if future.done():
                            continue
                        try:
                            result = await self._add_answer_now(new)
                        except Exception as exc:
                            future.set_exception(exc)
                        else:
                            future.set_result(result)
                else:
                    for (_new, future), result in zip(batch, results, strict=True):
                        if not future.done():
                            future.set_result(result)
                batch = []
        except BaseException as exc:
            # Cancelled (e.g. shutting down) or a bug: nobody may wait forever.
            failure = StorageError(f"database {self._path}: answer not stored ({exc!r})")
            for _new, future in [*batch, *self._answer_queue]:
                if not future.done():
                    future.set_exception(failure)
            self._answer_queue.clear()
            raise

    async def _write_answer_batch(
        self, batch: list[tuple[NewAnswer, asyncio.Future[tuple[StoredAnswer, bool]]]]
    ) -> list[tuple[StoredAnswer, bool]]:
        """Once the connection is ours, move what is queued into ``batch`` and write it in
        one transaction."""
        async with self._writing() as conn:
            batch.extend(self._answer_queue[:MAX_GROUP_COMMIT])
            del self._answer_queue[: len(batch)]
            ids = [new.message_id for new, _ in batch]
            earlier = {
                row[0]
                for row in await self._all(
                    conn,
                    "SELECT message_id FROM answers"
                    " WHERE message_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(ids),),
                )
            }
            async with conn.executemany(
                INSERT_ANSWER, [_answer_params(new) for new, _ in batch]
            ):
                pass
            rows = await self._all(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers"
                " WHERE message_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        stored = {row["message_id"]: answer_from_row(row) for row in rows}
        results = []
        for message_id in ids:
            created = message_id not in earlier
            earlier.add(message_id)  # a second copy in the same batch is a re-delivery
            results.append((stored[message_id], created))
        return results

    async def add_answers_bulk(
        self, answers: Iterable[NewAnswer], *, batch_size: int = 10_000
    ) -> int:
        """Store many answers (imports, benchmarks): one transaction per batch.

        Same rules as :meth:`add_answer` (local date from the guild's zone, else the
        user's; answers whose message id is already stored are skipped); returns how many
        were stored.
        """
        stored = 0
        batch: list[NewAnswer] = []
        for new in answers:
            batch.append(new)
            if len(batch) >= batch_size:
                stored += await self._insert_batch(batch)
                batch = []
        if batch:
            stored += await self._insert_batch(batch)
        return stored

    async def _insert_batch(self, batch: list[NewAnswer]) -> int:
        guilds = sorted({n.guild_id for n in batch if n.guild_id is not None})
        users = sorted({n.user_id for n in batch})
        async with self._writing() as conn:
            guild_zones = dict(
                await self._all(
                    conn,
                    "SELECT guild_id, timezone FROM guild_settings"
                    " WHERE guild_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(guilds),),
                )
            )
            user_zones = dict(
                await self._all(
                    conn,
                    "SELECT user_id, timezone FROM user_preferences"
                    " WHERE user_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(users),),
                )
            )
            rows = [
                _answer_row(n, guild_zones.get(n.guild_id), user_zones.get(n.user_id))
                for n in batch
            ]
            async with conn.executemany(INSERT_ANSWER_ROW, rows) as cursor:
                return max(cursor.rowcount, 0)

    async def get_answer(self, answer_id: int) -> StoredAnswer | None:
        """The answer with this id, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn, f"SELECT {ANSWER_COLUMNS} FROM answers WHERE id = ?", (answer_id,)
            )
        return answer_from_row(row) if row else None

    async def get_answer_by_message(self, message_id: int) -> StoredAnswer | None:
        """The answer stored for this Discord message, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn, f"SELECT {ANSWER_COLUMNS} FROM answers WHERE message_id = ?", (message_id,)
            )
        return answer_from_row(row) if row else None

    async def update_answer_by_message(
        self,
        message_id: int,
        *,
        text: str,
        analysis_json: str,
        score: int,
        star_complete: bool,
        edited_at: datetime,
        principle_ids: list[str] | None = None,
    ) -> StoredAnswer | None:
        """Apply an edit of the answer's message (new text and analysis); None if unknown.

        ``principle_ids`` replaces the principles the answer counts for when given.
        """
        _check_score(score)
        ids = None if principle_ids is None else dump_ids(check_principle_ids(principle_ids))
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"""
                UPDATE answers SET text = ?, analysis_json = ?, score = ?, star_complete = ?,
                       edited_at = ?, principle_ids = coalesce(?, principle_ids)
                 WHERE message_id = ?
                RETURNING {ANSWER_COLUMNS}
                """,
                (text, analysis_json, score, int(star_complete), ts(edited_at), ids, message_id),
            )
        return answer_from_row(row) if row else None

    async def delete_answer_by_message(self, message_id: int) -> bool:
        """Delete the answer of a deleted message and everything hanging off it."""
        async with self._locked() as conn:
            sql = "DELETE FROM answers WHERE message_id = ?"
            return await self._run(conn, sql, (message_id,)) > 0

    async def delete_answer(self, answer_id: int) -> bool:
        """Delete one answer (and its follow-ups, reviews and comments)."""
        async with self._locked() as conn:
            return await self._run(conn, "DELETE FROM answers WHERE id = ?", (answer_id,)) > 0

    async def set_feedback_message(self, answer_id: int, message_id: int) -> bool:
        """Remember the bot's feedback (scorecard) message for an answer."""
        async with self._locked() as conn:
            changed = await self._run(
                conn,
                "UPDATE answers SET feedback_message_id = ? WHERE id = ?",
                (message_id, answer_id),
            )
        return changed > 0

    async def answer_by_feedback_message(self, message_id: int) -> StoredAnswer | None:
        """The answer whose feedback message has this id (a reply to it is a follow-up)."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE feedback_message_id = ?",
                (message_id,),
            )
        return answer_from_row(row) if row else None

    # ---------------------------------------------------------------- follow-ups

    async def add_follow_up(
        self,
        answer_id: int,
        probe: str,
        text: str,
        analysis_json: str,
        score: int,
        message_id: int | None = None,
        *,
        created_at: datetime | None = None,
    ) -> FollowUp:
        """Store an answer to a follow-up probe; the same message id returns the stored one.

        Raises :class:`AnswerNotFoundError` when the answer does not exist.
        """
        _check_score(score)
        async with self._locked() as conn:
            try:
                row = await self._one(
                    conn,
                    f"""
                    INSERT INTO follow_ups (answer_id, probe, score, message_id, created_at,
                                            text, analysis_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (message_id) DO NOTHING
                    RETURNING {FOLLOW_UP_COLUMNS}
                    """,
                    (
                        answer_id,
                        probe,
                        score,
                        message_id,
                        ts(created_at or now_utc()),
                        text,
                        analysis_json,
                    ),
                )
            except sqlite3.IntegrityError as exc:
                raise AnswerNotFoundError(f"no answer with id {answer_id}") from exc
            if row is None:
                row = await self._one(
                    conn,
                    f"SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups WHERE message_id = ?",
                    (message_id,),
                )
        assert row is not None
        return follow_up_from_row(row)

    async def list_follow_ups(self, answer_id: int) -> list[FollowUp]:
        """The follow-ups of an answer, oldest first."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                f"SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups WHERE answer_id = ? ORDER BY id",
                (answer_id,),
            )
        return [follow_up_from_row(r) for r in rows]

    async def follow_up_by_message(self, message_id: int) -> FollowUp | None:
        """The follow-up stored for this Discord message, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups WHERE message_id = ?",
                (message_id,),
            )
        return follow_up_from_row(row) if row else None

    async def delete_follow_up_by_message(self, message_id: int) -> bool:
        """Delete the follow-up of a deleted message."""
        async with self._locked() as conn:
            sql = "DELETE FROM follow_ups WHERE message_id = ?"
            return await self._run(conn, sql, (message_id,)) > 0

    # ------------------------------------------------------------- peer comments

    async def add_peer_comment(
        self,
        answer_id: int,
        author_id: int,
        text: str,
        message_id: int | None = None,
        *,
        created_at: datetime | None = None,
    ) -> tuple[PeerComment, bool]:
        """Store a member's reply to someone's answer; idempotent on the message id."""
        async with self._locked() as conn:
            try:
                row = await self._one(
                    conn,
                    f"""
                    INSERT INTO peer_comments (answer_id, author_id, message_id, created_at, text)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (message_id) DO NOTHING
                    RETURNING {COMMENT_COLUMNS}
                    """,
                    (answer_id, author_id, message_id, ts(created_at or now_utc()), text),
                )
            except sqlite3.IntegrityError as exc:
                raise AnswerNotFoundError(f"no answer with id {answer_id}") from exc
            created = row is not None
            if row is None:
                row = await self._one(
                    conn,
                    f"SELECT {COMMENT_COLUMNS} FROM peer_comments WHERE message_id = ?",
                    (message_id,),
                )
        assert row is not None
        return comment_from_row(row), created

    async def update_peer_comment_by_message(
        self, message_id: int, text: str, edited_at: datetime
    ) -> PeerComment | None:
        """Apply an edit of a peer comment's message; None if unknown."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"UPDATE peer_comments SET text = ?, edited_at = ? WHERE message_id = ?"
                f" RETURNING {COMMENT_COLUMNS}",
                (text, ts(edited_at), message_id),
            )
        return comment_from_row(row) if row else None

    async def delete_peer_comment_by_message(self, message_id: int) -> bool:
        """Delete the peer comment of a deleted message."""
        async with self._locked() as conn:
            sql = "DELETE FROM peer_comments WHERE message_id = ?"
            return await self._run(conn, sql, (message_id,)) > 0

    async def list_peer_comments(self, answer_id: int) -> list[PeerComment]:
        """Peer comments on an answer, oldest first."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                f"SELECT {COMMENT_COLUMNS} FROM peer_comments WHERE answer_id = ? ORDER BY id",
                (answer_id,),
            )
        return [comment_from_row(r) for r in rows]
