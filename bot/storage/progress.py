"""Read models for progress: coverage rows, answer history, daily dates, leaderboard."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime

import aiosqlite

from bot.coach.streaks import current_streak_ordinals, rank_leaderboard, streak_start_ordinal
from bot.storage.base import Repository, id_tuple, load_ids
from bot.storage.models import AnswerSummary, CoverageRow, LeaderboardEntry

#: Days of daily answers read at first for the leaderboard; members whose streak reaches
#: back that far get all their daily dates read, so the result is always exact.
LEADERBOARD_WINDOW_DAYS = 8
#: SQL for a stored local date as ``date.toordinal()`` (julianday of 0001-01-01 is 1721425.5).
_ORDINAL = "CAST(julianday(local_date) AS INTEGER) - 1721424"


class ProgressRepository(Repository):
    """Queries behind coverage, recommendations, streaks and the leaderboard."""

    async def coverage_rows(self, user_id: int) -> list[CoverageRow]:
        """Every answer of the user, oldest first, with its peer-review totals.

        Feed these to :func:`bot.coach.coverage.compute_coverage` and
        :func:`bot.coach.recommend.recommend`. Read from the covering index
        ``answers_user_created`` alone.
        """
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                """
                SELECT id, question_id, source, principle_ids, score, star_complete,
                       local_date, created_at, review_count, review_total
                  FROM answers
                 WHERE user_id = ?
                 ORDER BY created_at
                """,
                (user_id,),
            )
        return [
            CoverageRow(
                answer_id=r[0],
                question_id=r[1],
                source=r[2],
                principle_ids=id_tuple(r[3]),
                score=r[4],
                star_complete=r[5],
                local_date=r[6],
                created_at=r[7],
                review_count=r[8],
                review_total=r[9],
            )
            for r in rows
        ]

    async def user_answer_history(self, user_id: int, limit: int = 10) -> list[AnswerSummary]:
        """The user's latest answers, newest first (question, score, date; no text)."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                """
                SELECT id, guild_id, question_id, principle_ids, source, score, star_complete,
                       local_date, created_at
                  FROM answers WHERE user_id = ?
                 ORDER BY created_at DESC LIMIT ?
                """,
                (user_id, limit),
            )
        return [
            AnswerSummary(
                id=r[0],
                guild_id=r[1],
                question_id=r[2],
                principle_ids=load_ids(r[3]),
                source=r[4],
                score=r[5],
                star_complete=bool(r[6]),
                local_date=r[7],
                created_at=r[8],
            )
            for r in rows
        ]

    async def daily_answer_dates(self, user_id: int, guild_id: int | None = None) -> list[date]:
        """Distinct local dates of the user's daily answers (in one guild, or anywhere)."""
        sql = "SELECT DISTINCT local_date FROM answers WHERE source = 'daily' AND user_id = ?"
        params: tuple = (user_id,)
        if guild_id is not None:
            sql += " AND guild_id = ?"
            params = (user_id, guild_id)
        async with self._locked() as conn:
            rows = await self._all(conn, sql + " ORDER BY local_date", params)
        return [date.fromisoformat(r[0]) for r in rows]

    async def guild_leaderboard(
        self, guild_id: int, today: date, limit: int = 10
    ) -> list[LeaderboardEntry]:
        """Top members of a guild by current daily streak, then principles covered.

        ``today`` is the guild's local date. "Principles covered" counts the principles
        with at least one answer in this guild. Reads only: the members who answered today
        or yesterday (nobody else has a streak), their recent daily dates (more only for
        the few whose streak reaches further back), and the top of ``member_coverage``.
        """
        async with self._locked() as conn:
            streaks = await self._current_streaks(conn, guild_id, today)
            streakers = [u for u, s in streaks.items() if s > 0]
            covered: dict[int, int] = {}
            if streakers:
                rows = await self._all(
                    conn,
                    "SELECT user_id, principles_covered FROM member_coverage"
                    " WHERE guild_key = ? AND user_id IN (SELECT value FROM json_each(?))",
                    (guild_id, json.dumps(streakers)),
                )
                covered.update((r[0], r[1]) for r in rows)
            # Streakers rank above everyone else, so the rest of the top ``limit`` is among
            # the ``limit + len(streakers)`` members who covered the most principles.
            rows = await self._all(
                conn,
                "SELECT user_id, principles_covered FROM member_coverage WHERE guild_key = ?"
                " ORDER BY principles_covered DESC, user_id LIMIT ?",
                (guild_id, limit + len(streakers)),
            )
            covered.update((r[0], r[1]) for r in rows)
        ranked = rank_leaderboard(streaks, covered, limit)
        return [
            LeaderboardEntry(
                rank=i, user_id=user_id, current_streak=streak, principles_covered=count
            )
            for i, (user_id, streak, count) in enumerate(ranked, start=1)
        ]

    async def _current_streaks(
        self, conn: aiosqlite.Connection, guild_id: int, today: date
    ) -> dict[int, int]:
        """Current daily streak of every member who answered today or yesterday.

        Reads the last :data:`LEADERBOARD_WINDOW_DAYS` days of their daily dates; the few
        members whose streak reaches the start of that window get all their daily dates
        read. Dates come back as ``date.toordinal()`` numbers (no parsing).
        """
        today_ord = today.toordinal()
        start_ord = today_ord - LEADERBOARD_WINDOW_DAYS + 1
        rows = await self._all(
            conn,
            f"""
            SELECT user_id, {_ORDINAL} FROM answers
             WHERE source = 'daily' AND guild_id = :guild AND local_date BETWEEN :start AND :today
               AND user_id IN (
                   SELECT user_id FROM answers
                    WHERE source = 'daily' AND guild_id = :guild
                      AND local_date BETWEEN :yesterday AND :today)
            """,
            {
                "guild": guild_id,
                "start": date.fromordinal(start_ord).isoformat(),
                "today": today.isoformat(),
                "yesterday": date.fromordinal(today_ord - 1).isoformat(),
            },
        )
        days: dict[int, set[int]] = defaultdict(set)
        for user_id, day in rows:
            days[user_id].add(day)
        streaks: dict[int, int] = {}
        longer: list[int] = []
        for user_id, ordinals in days.items():
            first = streak_start_ordinal(ordinals, today_ord)
            if first is not None and first <= start_ord:
                longer.append(user_id)  # may go back further than we read
            else:
                streaks[user_id] = current_streak_ordinals(ordinals, today_ord)
        if longer:
            rows = await self._all(
                conn,
                f"""
                SELECT user_id, {_ORDINAL} FROM answers
                 WHERE source = 'daily' AND guild_id = ? AND local_date <= ?
                   AND user_id IN (SELECT value FROM json_each(?))
                """,
                (guild_id, today.isoformat(), json.dumps(longer)),
            )
            days = defaultdict(set)
            for user_id, day in rows:
                days[user_id].add(day)
            for user_id in longer:
                streaks[user_id] = current_streak_ordinals(days[user_id], today_ord)
        return streaks
