"""Daily-answer streaks and the guild leaderboard order (pure functions, no clock).

A streak counts consecutive local dates with at least one daily answer. The *current*
streak ends today, or yesterday when the user has not answered yet today (the streak is
still alive until the day is over). Dates after ``today`` are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta

_ONE_DAY = timedelta(days=1)


def current_streak(local_dates: Iterable[date], today: date) -> int:
    """Consecutive days with an answer ending today (or yesterday if none today yet)."""
    return current_streak_ordinals({d.toordinal() for d in local_dates}, today.toordinal())


def current_streak_ordinals(days: Collection[int], today: int) -> int:
    """:func:`current_streak` over ``date.toordinal()`` numbers (what storage reads)."""
    day = today if today in days else today - 1
    streak = 0
    while day in days:
        streak += 1
        day -= 1
    return streak


def streak_start(local_dates: Iterable[date], today: date) -> date | None:
    """First day of the current streak, or None when there is no current streak."""
    start = streak_start_ordinal({d.toordinal() for d in local_dates}, today.toordinal())
    return None if start is None else date.fromordinal(start)


def streak_start_ordinal(days: Collection[int], today: int) -> int | None:
    """:func:`streak_start` over ``date.toordinal()`` numbers."""
    length = current_streak_ordinals(days, today)
    if length == 0:
        return None
    end = today if today in days else today - 1
    return end - length + 1


def longest_streak(local_dates: Iterable[date]) -> int:
    """The longest run of consecutive days with an answer, ever."""
    days = sorted(set(local_dates))
    best = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == _ONE_DAY else 1
        best = max(best, run)
        previous = day
    return best


def rank_leaderboard(
    streaks: Mapping[int, int], covered: Mapping[int, int], limit: int
) -> list[tuple[int, int, int]]:
    """Top ``limit`` members as ``(user_id, current_streak, principles_covered)``.

    Ordered by current streak, then principles covered (both descending), then user id so
    the order is stable. Members with neither a streak nor a covered principle are left out.
    """
    users = {u for u, s in streaks.items() if s > 0} | {u for u, c in covered.items() if c > 0}
    rows = [(u, streaks.get(u, 0), covered.get(u, 0)) for u in users]
    rows.sort(key=lambda row: (-row[1], -row[2], row[0]))
    return rows[: max(limit, 0)]
