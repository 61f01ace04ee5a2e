"""A plain practice record for coach tests (the storage CoverageRow has the same shape)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time


@dataclass(frozen=True)
class Rec:
    """One answer, as the coach functions see it."""

    principle_ids: tuple[str, ...]
    score: int
    local_date: date
    question_id: str | None = None
    star_complete: bool = True
    review_count: int = 0
    review_total: int = 0
    minute: int = 0

    @property
    def created_at(self) -> datetime:
        """Noon UTC of the local date, plus ``minute`` to order same-day answers."""
        base = datetime.combine(self.local_date, time(12), tzinfo=UTC)
        return base.replace(minute=self.minute)


def rec(principle: str | tuple[str, ...], score: int, day: date, **kw: object) -> Rec:
    """Shorthand: ``rec("ownership", 80, D)``."""
    ids = (principle,) if isinstance(principle, str) else principle
    return Rec(principle_ids=ids, score=score, local_date=day, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Q:
    """A question as the recommender sees it."""

    id: str
    principles: list[str]
