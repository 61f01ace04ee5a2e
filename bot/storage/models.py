"""Pydantic models the repository takes and returns (never raw rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from bot.coach.principle_ids import PRINCIPLE_INDEX

Source = Literal["daily", "drill", "mock", "terminal"]
FeedbackMode = Literal["thread", "dm", "off"]

#: Days of the week as ``date.weekday()`` numbers: 0 = Monday ... 6 = Sunday.
ALL_DAYS: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)


def check_principle_ids(values: list[str]) -> list[str]:
    """Reject unknown principle ids and drop duplicates, keeping the order."""
    unknown = [v for v in values if v not in PRINCIPLE_INDEX]
    if unknown:
        raise ValueError(f"unknown principle id(s): {', '.join(unknown)}")
    return list(dict.fromkeys(values))


def check_timezone(value: str) -> str:
    """Accept only IANA time-zone names that this system knows."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown IANA time zone: {value!r}") from exc
    return value


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class GuildSettings(_Model):
    """One guild's daily-question settings."""

    guild_id: int
    channel_id: int | None = None
    post_time: time = time(9, 0)
    timezone: str = "UTC"
    days: tuple[int, ...] = ALL_DAYS
    paused: bool = False
    ping_role_id: int | None = None
    last_failure: str | None = None
    last_failure_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("days")
    @classmethod
    def _days(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(d not in ALL_DAYS for d in value):
            raise ValueError("days must be weekday numbers 0 (Monday) to 6 (Sunday)")
        return tuple(sorted(set(value)))

    @field_validator("post_time")
    @classmethod
    def _minute(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError("post_time is a local wall-clock time without a zone")
        return value.replace(second=0, microsecond=0)

    @property
    def zone(self) -> ZoneInfo:
        """The guild's time zone."""
        return ZoneInfo(self.timezone)


class DailyPost(_Model):
    """The daily question posted (or being posted) in one guild on one local date."""

    id: int
    guild_id: int
    local_date: date
    question_id: str
    channel_id: int
    message_id: int | None = None
    thread_id: int | None = None
    created_at: AwareDatetime


class QuestionHistoryEntry(_Model):
    """A question a guild was posted, and the local date of the post."""

    question_id: str
    local_date: date


class NewAnswer(_Model):
    """An answer to store. ``local_date`` defaults to created_at in the guild's zone
    (else the user's preferred zone, else UTC)."""

    guild_id: int | None
    user_id: int
    question_id: str | None
    principle_ids: list[str] = Field(default_factory=list)
    source: Source
    text: str
    analysis_json: str
    score: int = Field(ge=0, le=100)
    star_complete: bool
    message_id: int | None = None
    channel_id: int | None = None
    created_at: AwareDatetime
    local_date: date | None = None

    @field_validator("principle_ids")
    @classmethod
    def _principles(cls, value: list[str]) -> list[str]:
        return check_principle_ids(value)


class StoredAnswer(_Model):
    """An answer as stored."""

    id: int
    guild_id: int | None
    user_id: int
    question_id: str | None
    principle_ids: list[str]
    source: Source
    text: str
    analysis_json: str
    score: int
    star_complete: bool
    message_id: int | None
    channel_id: int | None
    feedback_message_id: int | None = None
    local_date: date
    created_at: AwareDatetime
    edited_at: AwareDatetime | None = None


class AnswerSummary(_Model):
    """One line of a user's answer history (no text)."""

    id: int
    guild_id: int | None
    question_id: str | None
    principle_ids: list[str]
    source: Source
    score: int
    star_complete: bool
    local_date: date
    created_at: AwareDatetime


class CoverageRow(_Model):
    """One answer as coverage and spaced repetition need it."""

    answer_id: int
    question_id: str | None
    source: Source
    principle_ids: tuple[str, ...]
    score: int
    star_complete: bool
    local_date: date
    created_at: AwareDatetime
    #: number of peer reviews of this answer and the sum of all their S/T/A/R ratings
    review_count: int = 0
    review_total: int = 0

    @property
    def peer_rating_mean(self) -> float | None:
        """Mean peer rating (1-5) over all reviews and parts, or None without reviews."""
        return self.review_total / (4 * self.review_count) if self.review_count else None


class FollowUp(_Model):
    """An answer to a follow-up probe, linked to the original answer."""

    id: int
    answer_id: int
    probe: str
    text: str
    analysis_json: str
    score: int
    message_id: int | None
    created_at: AwareDatetime


class Review(_Model):
    """A peer review: S/T/A/R ratings 1-5 and a comment."""

    id: int
    answer_id: int
    reviewer_id: int
    situation: int = Field(ge=1, le=5)
    task: int = Field(ge=1, le=5)
    action: int = Field(ge=1, le=5)
    result: int = Field(ge=1, le=5)
    comment: str
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @property
    def mean(self) -> float:
        """Mean of the four ratings."""
        return (self.situation + self.task + self.action + self.result) / 4


class PeerComment(_Model):
    """A member's reply to someone else's answer."""

    id: int
    answer_id: int
    author_id: int
    text: str
    message_id: int | None
    created_at: AwareDatetime
    edited_at: AwareDatetime | None = None


class UserPreferences(_Model):
    """Per-user preferences (defaults when the user never set any)."""

    user_id: int
    feedback_mode: FeedbackMode = "thread"
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_timezone(value)

    @property
    def zone(self) -> ZoneInfo:
        """The user's time zone."""
        return ZoneInfo(self.timezone)


class Story(_Model):
    """A story in a user's story bank."""

    id: int
    user_id: int
    title: str
    principle_ids: list[str]
    summary: str
    created_at: AwareDatetime


class GuildQuestion(_Model):
    """A guild's own question; ``id`` is ``custom-<n>``, never reused."""

    id: str
    guild_id: int
    text: str
    principle_ids: list[str]
    added_by: int | None
    created_at: AwareDatetime

    @property
    def principles(self) -> list[str]:
        """The principles this question tests (same shape as bank questions)."""
        return self.principle_ids


class LeaderboardEntry(_Model):
    """One member on a guild leaderboard."""

    rank: int
    user_id: int
    current_streak: int
    principles_covered: int


def utc_text(value: datetime) -> str:
    """Aware datetime -> fixed-width UTC ISO text (sorts as text)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: pass a timezone-aware datetime")
    return value.astimezone(UTC).isoformat(timespec="microseconds")
