"""Daily streaks and leaderboard order."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.coach.streaks import current_streak, longest_streak, rank_leaderboard, streak_start

T = date(2024, 6, 30)


def days(*offsets: int) -> list[date]:
    """Dates ``offset`` days before T."""
    return [T - timedelta(days=o) for o in offsets]


def test_current_streak_ending_today() -> None:
    assert current_streak(days(0, 1, 2), T) == 3
    assert streak_start(days(0, 1, 2), T) == T - timedelta(days=2)


def test_a_streak_stays_alive_until_today_is_over() -> None:
    assert current_streak(days(1, 2, 3), T) == 3


def test_a_missed_day_ends_the_streak() -> None:
    assert current_streak(days(2, 3, 4), T) == 0
    assert streak_start(days(2, 3, 4), T) is None
    assert current_streak(days(0, 2, 3), T) == 1


def test_duplicates_order_and_future_dates_do_not_matter() -> None:
    assert current_streak([*days(1, 0, 0, 1), T + timedelta(days=1)], T) == 2
    assert current_streak([], T) == 0


def test_longest_streak() -> None:
    assert longest_streak([]) == 0
    assert longest_streak(days(0, 1, 5, 6, 7, 8, 20)) == 4
    assert longest_streak(days(3, 3, 3)) == 1


def brute_current(dates: set[date], today: date) -> int:
    """Count back from today, else yesterday."""
    for end in (today, today - timedelta(days=1)):
        if end in dates:
            n = 0
            while end - timedelta(days=n) in dates:
                n += 1
            return n
    return 0


@given(st.sets(st.integers(-5, 60)), st.integers(0, 40))
def test_property_matches_brute_force(offsets: set[int], shift: int) -> None:
    today = T + timedelta(days=shift)
    dates = {T - timedelta(days=o) for o in offsets}
    assert current_streak(dates, today) == brute_current({d for d in dates if d <= today}, today)
    assert current_streak(dates, today) <= longest_streak(dates)


def test_leaderboard_order() -> None:
    streaks = {1: 3, 2: 3, 3: 0, 4: 5}
    covered = {1: 2, 2: 9, 3: 16, 4: 1, 5: 0}
    assert rank_leaderboard(streaks, covered, 10) == [
        (4, 5, 1),
        (2, 3, 9),
        (1, 3, 2),
        (3, 0, 16),
    ]
    assert rank_leaderboard(streaks, covered, 2) == [(4, 5, 1), (2, 3, 9)]
    assert rank_leaderboard({}, {}, 5) == []
