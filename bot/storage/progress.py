"""Read models for progress: coverage rows, answer history, daily dates, leaderboard."""

from __future__ import annotations

import json
from datetime import date

import aiosqlite

from bot.coach.streaks import rank_leaderboard
from bot.storage.base import Repository, id_tuple, load_ids
from bot.storage.models import AnswerSummary, CoverageRow, LeaderboardEntry


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
        sql = "SELECT DISTINCT day FROM daily_days WHERE user_id = ?"
        params: tuple = (user_id,)
        if guild_id is not None:
            sql += " AND guild_key = ?"
            params = (user_id, guild_id)
        async with self._locked() as conn:
            rows = await self._all(conn, sql + " ORDER BY day", params)
        return [date.fromordinal(r[0]) for r in rows]

    async def guild_leaderboard(
        self, guild_id: int, today: date, limit: int = 10
    ) -> list[LeaderboardEntry]:
        """Top members of a guild by current daily streak, then principles covered.

        ``today`` is the guild's local date. "Principles covered" counts the principles
        with at least one answer in this guild. Reads only the ``daily_days`` rows of
        today and yesterday (nobody else has a streak) and the top of ``member_coverage``;
        the streak there is the run length that :func:`bot.coach.streaks.current_streak`
        defines (a test holds them to agree).
        """
        async with self._locked() as conn:
            streaks = await self._current_streaks(conn, guild_id, today)
            streakers = sorted((u for u, s in streaks.items() if s > 0), key=streaks.__getitem__)
            streakers.reverse()  # longest streak first
            if len(streakers) >= limit > 0:
                # Only ties with the limit-th longest streak can still be reordered by
                # principles covered; nobody without a streak can make the board.
                cutoff = streaks[streakers[limit - 1]]
                streakers = [u for u in streakers if streaks[u] >= cutoff]
                others = 0
            else:
                # Streakers rank above everyone else, so the rest of the board is among
                # the ``limit + len(streakers)`` members who covered the most principles.
                others = limit + len(streakers)
            covered: dict[int, int] = {}
            if streakers:
                rows = await self._all(
                    conn,
                    "SELECT user_id, principles_covered FROM member_coverage"
                    " WHERE guild_key = ? AND user_id IN (SELECT value FROM json_each(?))",
                    (guild_id, json.dumps(streakers)),
                )
                covered.update((r[0], r[1]) for r in rows)
            if others:
                rows = await self._all(
                    conn,
                    "SELECT user_id, principles_covered FROM member_coverage"
                    " WHERE guild_key = ? ORDER BY principles_covered DESC, user_id LIMIT ?",
                    (guild_id, others),
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

        ``daily_days`` keeps, for each day with a daily answer, the length of the run of
        consecutive days ending on it, so this reads at most two rows per member.
        """
        today_ord = today.toordinal()
        rows = await self._all(
            conn,
            "SELECT user_id, day, streak FROM daily_days"
            " WHERE guild_key = ? AND day BETWEEN ? AND ?",
            (guild_id, today_ord - 1, today_ord),
        )
        latest: dict[int, tuple[int, int]] = {}
        for user_id, day, streak in rows:
            if user_id not in latest or day > latest[user_id][0]:
                latest[user_id] = (day, streak)
        return {user_id: streak for user_id, (_day, streak) in latest.items()}
