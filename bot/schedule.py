"""Pure date/time maths for the daily question: when is the next post, is one due now.

A guild posts at most once per *local* date. The slot for a local date is the post time on
that date in the guild's zone: on a spring-forward day a slot inside the skipped hour is
taken with the pre-transition offset (02:30 becomes 03:30 local); on a fall-back day the
first of the two 01:30s is used. If the bot was down at the slot, the post is due late,
once, for the rest of that local day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Slot:
    """When one guild's daily question is due."""

    post_time: time
    timezone: str
    days: tuple[int, ...]
    paused: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")


def local_date(slot: Slot, now: datetime) -> date:
    """The guild's calendar date at the instant `now`."""
    _require_aware(now)
    return now.astimezone(slot.zone).date()


def slot_instant(slot: Slot, day: date) -> datetime:
    """The UTC instant of the post on local date `day` (DST-safe, see module docstring)."""
    local = datetime.combine(day, slot.post_time, tzinfo=slot.zone)
    # Round-tripping through UTC resolves a non-existent local time to a real instant.
    return local.astimezone(UTC)


def due_date(slot: Slot, now: datetime, last_posted: date | None) -> date | None:
    """The local date a post is due for right now, or None.

    Due when: not paused, today is a posting day, the slot has passed, and nothing was
    posted for today yet. The caller claims the date in storage before posting.
    """
    if slot.paused or not slot.days:
        return None
    today = local_date(slot, now)
    if today.weekday() not in slot.days or last_posted == today:
        return None
    return today if now >= slot_instant(slot, today) else None


def next_post_at(slot: Slot, now: datetime, last_posted: date | None = None) -> datetime | None:
    """The next instant a post will go out (now, if one is overdue today); None if paused."""
    if slot.paused or not slot.days:
        return None
    if due_date(slot, now, last_posted) is not None:
        return now
    today = local_date(slot, now)
    for offset in range(0, 8):
        day = today + timedelta(days=offset)
        if day.weekday() not in slot.days or day == last_posted:
            continue
        instant = slot_instant(slot, day)
        if instant > now:
            return instant
    return None


def describe_days(days: tuple[int, ...]) -> str:
    if tuple(sorted(days)) == tuple(range(7)):
        return "every day"
    if tuple(sorted(days)) == tuple(range(5)):
        return "weekdays"
    return ", ".join(WEEKDAY_NAMES[d] for d in sorted(days))


def parse_days(text: str) -> tuple[int, ...]:
    """'mon-fri', 'weekdays', 'mon,wed,fri', 'every day' → weekday numbers (0 = Monday)."""
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned in ("", "everyday", "daily", "all", "mon-sun"):
        return tuple(range(7))
    if cleaned in ("weekdays", "mon-fri"):
        return tuple(range(5))
    if cleaned in ("weekends", "sat-sun"):
        return (5, 6)
    names = [n.lower() for n in WEEKDAY_NAMES]
    days: set[int] = set()
    for part in cleaned.split(","):
        if "-" in part:
            start, _, end = part.partition("-")
            if start[:3] not in names or end[:3] not in names:
                raise ValueError(f"unknown day range '{part}'")
            a, b = names.index(start[:3]), names.index(end[:3])
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        elif part[:3] in names and part:
            days.add(names.index(part[:3]))
        else:
            raise ValueError(f"unknown day '{part}': use mon, tue, … or weekdays")
    return tuple(sorted(days))


def parse_time(text: str) -> time:
    """'09:00', '9:30', '7pm', '19.45' → a wall-clock time."""
    cleaned = text.strip().lower().replace(".", ":").replace(" ", "")
    suffix = ""
    if cleaned.endswith(("am", "pm")):
        cleaned, suffix = cleaned[:-2], cleaned[-2:]
    hours_text, _, minutes_text = cleaned.partition(":")
    if not hours_text.isdigit() or (minutes_text and not minutes_text.isdigit()):
        raise ValueError(f"'{text}' is not a time: use HH:MM, e.g. 09:00 or 18:30")
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if suffix:
        if not 1 <= hours <= 12:
            raise ValueError(f"'{text}' is not a time")
        hours = hours % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise ValueError(f"'{text}' is not a time: hours 0-23, minutes 0-59")
    return time(hours, minutes)
