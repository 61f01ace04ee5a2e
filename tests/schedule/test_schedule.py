"""Daily-post timing: restarts, DST days, pauses, changed times — without a clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.schedule import Slot, due_date, next_post_at, parse_days, parse_time, slot_instant

NY = Slot(post_time=time(9, 0), timezone="America/New_York", days=tuple(range(7)))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_not_due_before_the_slot_and_due_after_it():
    # 09:00 New York in winter is 14:00 UTC.
    assert due_date(NY, utc(2026, 1, 15, 13, 59), None) is None
    assert due_date(NY, utc(2026, 1, 15, 14, 0), None) == date(2026, 1, 15)


def test_restart_after_the_slot_posts_late_once():
    late = utc(2026, 1, 15, 20, 0)
    assert due_date(NY, late, last_posted=None) == date(2026, 1, 15)
    assert due_date(NY, late, last_posted=date(2026, 1, 15)) is None


def test_restart_before_the_slot_waits_for_it():
    early = utc(2026, 1, 15, 10, 0)
    assert due_date(NY, early, None) is None
    assert next_post_at(NY, early) == utc(2026, 1, 15, 14, 0)


def test_local_date_not_utc_date_decides():
    # 03:00 UTC on the 16th is still the 15th in New York: the 15th's post counts.
    assert due_date(NY, utc(2026, 1, 16, 3, 0), last_posted=date(2026, 1, 15)) is None


def test_spring_forward_slot_in_the_skipped_hour_still_posts_once():
    slot = Slot(post_time=time(2, 30), timezone="America/New_York", days=tuple(range(7)))
    day = date(2026, 3, 8)  # clocks go 02:00 -> 03:00
    instant = slot_instant(slot, day)
    assert instant == utc(2026, 3, 8, 7, 30)  # 03:30 EDT
    assert due_date(slot, utc(2026, 3, 8, 7, 29), None) is None
    assert due_date(slot, utc(2026, 3, 8, 7, 30), None) == day
    assert due_date(slot, utc(2026, 3, 8, 23, 0), day) is None


def test_fall_back_repeated_hour_posts_at_the_first_occurrence_only():
    slot = Slot(post_time=time(1, 30), timezone="America/New_York", days=tuple(range(7)))
    day = date(2026, 11, 1)  # 01:00-02:00 happens twice
    assert slot_instant(slot, day) == utc(2026, 11, 1, 5, 30)  # first 01:30, EDT
    assert due_date(slot, utc(2026, 11, 1, 6, 30), day) is None  # second 01:30: already posted


def test_paused_guild_is_never_due():
    paused = Slot(post_time=time(9, 0), timezone="UTC", days=tuple(range(7)), paused=True)
    assert due_date(paused, utc(2026, 1, 15, 12), None) is None
    assert next_post_at(paused, utc(2026, 1, 15, 12)) is None


def test_changed_time_moves_the_next_post():
    now = utc(2026, 1, 15, 12, 0)
    morning = Slot(post_time=time(9, 0), timezone="UTC", days=tuple(range(7)))
    evening = Slot(post_time=time(18, 0), timezone="UTC", days=tuple(range(7)))
    assert due_date(morning, now, None) == date(2026, 1, 15)
    assert due_date(evening, now, None) is None
    assert next_post_at(evening, now) == utc(2026, 1, 15, 18, 0)


def test_off_days_are_skipped():
    weekdays = Slot(post_time=time(9, 0), timezone="UTC", days=tuple(range(5)))
    saturday = utc(2026, 1, 17, 12, 0)
    assert due_date(weekdays, saturday, None) is None
    assert next_post_at(weekdays, saturday) == utc(2026, 1, 19, 9, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        due_date(NY, datetime(2026, 1, 15, 12), None)  # noqa: DTZ001


@pytest.mark.parametrize(("text", "expected"), [
    ("09:00", time(9)), ("9:30", time(9, 30)), ("7pm", time(19)), ("12am", time(0)),
    ("18.45", time(18, 45)),
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "noon", "9:75", "13pm", ""])
def test_parse_time_rejects(text):
    with pytest.raises(ValueError):
        parse_time(text)


def test_parse_days():
    assert parse_days("weekdays") == (0, 1, 2, 3, 4)
    assert parse_days("mon,wed,fri") == (0, 2, 4)
    assert parse_days("fri-mon") == (0, 4, 5, 6)
    with pytest.raises(ValueError):
        parse_days("funday")
