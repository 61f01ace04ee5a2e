"""Per-principle coverage: how well one user has practised each Leadership Principle.

Pure functions over the answer rows the repository returns
(:meth:`bot.storage.Database.coverage_rows`); no clock, no I/O.

Status thresholds live here and nowhere else (the recommender and the terminal table use
these constants):

=============  ==========================================================================
status         rule (``last3`` = mean score of the user's 3 most recent answers for it)
=============  ==========================================================================
not started    no answer counts for the principle yet
weak           ``last3 < WEAK_BELOW`` (50)
strong         ``last3 >= STRONG_FROM`` (75) **and** at least ``STRONG_MIN_ATTEMPTS`` (2)
               answers **and** peers do not disagree (mean peer rating, when there is one,
               is at least ``PEER_DOUBT_BELOW`` = 2.5 out of 5)
developing     everything else
=============  ==========================================================================

A single answer is called *strong* when its score is ``>= STRONG_FROM`` and *weak* when it
is ``< WEAK_BELOW``; the spaced-repetition schedule in :mod:`bot.coach.recommend` uses the
same two numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bot.coach.principle_ids import PRINCIPLE_IDS, PRINCIPLE_INDEX

#: A principle whose recent mean score is below this is "weak"; an answer below it is weak.
WEAK_BELOW = 50
#: A recent mean score at or above this (with enough attempts) is "strong".
STRONG_FROM = 75
#: "Strong" needs at least this many answers: one lucky answer is only "developing".
STRONG_MIN_ATTEMPTS = 2
#: How many of the most recent answers make up the "recent" mean.
RECENT_WINDOW = 3
#: A mean peer rating (1-5) below this keeps an otherwise strong principle at "developing".
PEER_DOUBT_BELOW = 2.5


class CoverageStatus(StrEnum):
    """Where a user stands on one principle."""

    NOT_STARTED = "not started"
    WEAK = "weak"
    DEVELOPING = "developing"
    STRONG = "strong"


class PracticeRecord(Protocol):
    """One stored answer as coverage needs it (``bot.storage.CoverageRow`` fits)."""

    @property
    def principle_ids(self) -> Sequence[str]: ...
    @property
    def score(self) -> int: ...
    @property
    def star_complete(self) -> bool: ...
    @property
    def local_date(self) -> date: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def question_id(self) -> str | None: ...
    @property
    def review_count(self) -> int: ...
    @property
    def review_total(self) -> int: ...


class PrincipleCoverage(BaseModel):
    """One user's standing on one principle."""

    model_config = ConfigDict(frozen=True)

    principle_id: str
    attempts: int = 0
    best_score: int | None = None
    last3_mean: float | None = None
    last_practised: date | None = None
    star_complete_share: float | None = None
    peer_rating_mean: float | None = None
    peer_reviews: int = 0
    status: CoverageStatus = CoverageStatus.NOT_STARTED


def classify(
    attempts: int, last3_mean: float | None, peer_rating_mean: float | None = None
) -> CoverageStatus:
    """Return the status for the given figures (see the module docstring for the rules)."""
    if attempts == 0 or last3_mean is None:
        return CoverageStatus.NOT_STARTED
    if last3_mean < WEAK_BELOW:
        return CoverageStatus.WEAK
    if (
        last3_mean >= STRONG_FROM
        and attempts >= STRONG_MIN_ATTEMPTS
        and (peer_rating_mean is None or peer_rating_mean >= PEER_DOUBT_BELOW)
    ):
        return CoverageStatus.STRONG
    return CoverageStatus.DEVELOPING


def sort_records(records: Iterable[PracticeRecord]) -> list[PracticeRecord]:
    """Return the records oldest first (by creation time; stable for equal times)."""
    return sorted(records, key=lambda r: r.created_at)


def records_by_principle(
    records: Iterable[PracticeRecord],
) -> dict[str, list[PracticeRecord]]:
    """Group records by principle (oldest first); unknown principle ids are ignored."""
    grouped: dict[str, list[PracticeRecord]] = {pid: [] for pid in PRINCIPLE_IDS}
    for record in sort_records(records):
        for pid in record.principle_ids:
            bucket = grouped.get(pid)
            if bucket is not None and (not bucket or bucket[-1] is not record):
                bucket.append(record)
    return grouped


def principle_coverage(principle_id: str, records: Sequence[PracticeRecord]) -> PrincipleCoverage:
    """Coverage for one principle from its records, oldest first."""
    if not records:
        return PrincipleCoverage(principle_id=principle_id)
    scores = [r.score for r in records]
    recent = scores[-RECENT_WINDOW:]
    last3 = sum(recent) / len(recent)
    reviews = sum(r.review_count for r in records)
    peer_mean = sum(r.review_total for r in records) / (4 * reviews) if reviews else None
    return PrincipleCoverage(
        principle_id=principle_id,
        attempts=len(records),
        best_score=max(scores),
        last3_mean=last3,
        last_practised=max(r.local_date for r in records),
        star_complete_share=sum(1 for r in records if r.star_complete) / len(records),
        peer_rating_mean=peer_mean,
        peer_reviews=reviews,
        status=classify(len(records), last3, peer_mean),
    )


def compute_coverage(records: Iterable[PracticeRecord]) -> list[PrincipleCoverage]:
    """Coverage for all 16 principles, in canonical order.

    An answer that counts for several principles counts once for each of them.
    """
    grouped = records_by_principle(records)
    return [principle_coverage(pid, grouped[pid]) for pid in PRINCIPLE_IDS]


def coverage_by_id(coverage: Iterable[PrincipleCoverage]) -> dict[str, PrincipleCoverage]:
    """Index a coverage list by principle id."""
    return {c.principle_id: c for c in coverage}


def principles_covered(coverage: Iterable[PrincipleCoverage]) -> int:
    """How many principles have been practised at least once."""
    return sum(1 for c in coverage if c.attempts > 0)


def canonical_index(principle_id: str) -> int:
    """Position of a principle in the canonical order (unknown ids sort last)."""
    return PRINCIPLE_INDEX.get(principle_id, len(PRINCIPLE_IDS))
