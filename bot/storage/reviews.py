"""Peer reviews: S/T/A/R ratings 1-5 and a comment, one per reviewer per answer."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.storage.base import Repository, now_utc, ts
from bot.storage.errors import AnswerNotFoundError, SelfReviewError
from bot.storage.models import Review

REVIEW_COLUMNS = (
    "id, answer_id, reviewer_id, situation, task, action, result, comment, created_at, "
    "updated_at"
)


def review_from_row(row: sqlite3.Row) -> Review:
    """A review from a row selected with :data:`REVIEW_COLUMNS`."""
    return Review(**dict(row))


def _check_rating(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(f"{name} rating must be a whole number from 1 to 5, got {value!r}")
    return value


class ReviewRepository(Repository):
    """Peer reviews."""

    async def upsert_review(
        self,
        answer_id: int,
        reviewer_id: int,
        situation: int,
        task: int,
        action: int,
        result: int,
        comment: str = "",
        *,
        now: datetime | None = None,
    ) -> tuple[Review, bool]:
        """Create or edit ``reviewer_id``'s review of an answer; ``created`` tells which.

        Raises :class:`SelfReviewError` for a review of one's own answer,
        :class:`AnswerNotFoundError` for an unknown answer, ``ValueError`` for a rating
        outside 1-5. The schema allows one review per reviewer per answer.
        """
        ratings = {"situation": situation, "task": task, "action": action, "result": result}
        for name, value in ratings.items():
            _check_rating(name, value)
        stamp = ts(now or now_utc())
        async with self._writing() as conn:
            author = await self._one(conn, "SELECT user_id FROM answers WHERE id = ?", (answer_id,))
            if author is None:
                raise AnswerNotFoundError(f"no answer with id {answer_id}")
            if author[0] == reviewer_id:
                raise SelfReviewError("you cannot review your own answer")
            existing = await self._one(
                conn,
                "SELECT id FROM reviews WHERE answer_id = ? AND reviewer_id = ?",
                (answer_id, reviewer_id),
            )
            if existing is None:
                row = await self._one(
                    conn,
                    f"""
                    INSERT INTO reviews (answer_id, reviewer_id, situation, task, action, result,
                                         comment, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING {REVIEW_COLUMNS}
                    """,
                    (answer_id, reviewer_id, situation, task, action, result, comment, stamp,
                     stamp),
                )
            else:
                row = await self._one(
                    conn,
                    f"""
                    UPDATE reviews SET situation = ?, task = ?, action = ?, result = ?,
                           comment = ?, updated_at = ?
                     WHERE id = ?
                    RETURNING {REVIEW_COLUMNS}
                    """,
                    (situation, task, action, result, comment, stamp, existing[0]),
                )
        assert row is not None
        return review_from_row(row), existing is None

    async def get_review(self, answer_id: int, reviewer_id: int) -> Review | None:
        """``reviewer_id``'s review of the answer, or None."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE answer_id = ? AND reviewer_id = ?",
                (answer_id, reviewer_id),
            )
        return review_from_row(row) if row else None

    async def list_reviews(self, answer_id: int) -> list[Review]:
        """All reviews of an answer, oldest first."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE answer_id = ? ORDER BY id",
                (answer_id,),
            )
        return [review_from_row(r) for r in rows]

    async def delete_review(self, answer_id: int, reviewer_id: int) -> bool:
        """Withdraw a review."""
        async with self._locked() as conn:
            changed = await self._run(
                conn,
                "DELETE FROM reviews WHERE answer_id = ? AND reviewer_id = ?",
                (answer_id, reviewer_id),
            )
        return changed > 0
