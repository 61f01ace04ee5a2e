"""What to practise next: spaced repetition over the 16 principles.

Pure functions of ``(history, questions, today)``; no clock, no I/O.

The schedule of one principle is replayed from its answers, oldest first. Each principle
sits on a rung of :data:`REVIEW_INTERVALS_DAYS` (1, 3, 7, 14, 30 days):

* a **strong** answer (score ``>= STRONG_FROM``) climbs one rung and the principle is due
  again after that rung's interval (1 day, then 3, 7, 14, 30, 30, ...);
* a **weak** answer (score ``< WEAK_BELOW``) drops it off the ladder and brings it back
  after :data:`WEAK_RETRY_DAYS` (tomorrow);
* anything in between stays on its rung and is due after that rung's interval again.

The recommendation ranks principles in tiers, first tier first:

0. never practised (canonical order);
1. weak and due (lowest recent mean first);
2. any other principle that is due (most overdue first, then developing before strong);
3. weak but not yet due (e.g. practised today);
4. everything else, soonest due first.

Within the first principle that has one, the question chosen is one the user has not
answered in the last :data:`QUESTION_COOLDOWN_DAYS` days: never answered before the least
recently answered, then bank order. If every question of every principle was answered
recently, the least recently answered question of the top principle is offered.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bot.coach.coverage import (
    STRONG_FROM,
    WEAK_BELOW,
    CoverageStatus,
    PracticeRecord,
    PrincipleCoverage,
    canonical_index,
    principle_coverage,
    records_by_principle,
)
from bot.coach.principle_ids import PRINCIPLE_IDS, PRINCIPLE_NAMES

#: Days until a principle is due again after 1, 2, 3, ... consecutive strong answers.
REVIEW_INTERVALS_DAYS: tuple[int, ...] = (1, 3, 7, 14, 30)
#: Days until a principle is due again after a weak answer.
WEAK_RETRY_DAYS = 1
#: A question answered within this many days is not offered again.
QUESTION_COOLDOWN_DAYS = 30


class QuestionLike(Protocol):
    """Anything with a question id and the principles it tests (bank or guild question)."""

    @property
    def id(self) -> str: ...
    @property
    def principles(self) -> Sequence[str]: ...


class PrincipleSchedule(BaseModel):
    """Where one principle stands in the spaced-repetition schedule."""

    model_config = ConfigDict(frozen=True)

    principle_id: str
    #: Rung on the ladder: -1 = not on it (never strong, or reset by a weak answer).
    step: int = -1
    #: None = never practised (due now).
    due: date | None = None
    last_practised: date | None = None


class Recommendation(BaseModel):
    """The next principle (and question) to practise, and why."""

    model_config = ConfigDict(frozen=True)

    principle_id: str
    question_id: str | None
    reason: str
    status: CoverageStatus
    #: Next due date per principle (None = never practised, due now).
    due: dict[str, date | None]
    #: Every principle, most urgent first.
    ranking: list[str]


def schedule_principle(principle_id: str, records: Sequence[PracticeRecord]) -> PrincipleSchedule:
    """Replay one principle's answers (oldest first) into its schedule."""
    step = -1
    due: date | None = None
    last: date | None = None
    for record in records:
        day = record.local_date
        if record.score >= STRONG_FROM:
            step = min(step + 1, len(REVIEW_INTERVALS_DAYS) - 1)
            interval = REVIEW_INTERVALS_DAYS[step]
        elif record.score < WEAK_BELOW:
            step = -1
            interval = WEAK_RETRY_DAYS
        else:
            interval = REVIEW_INTERVALS_DAYS[max(step, 0)]
        due = day + timedelta(days=interval)
        last = day if last is None or day > last else last
    return PrincipleSchedule(principle_id=principle_id, step=step, due=due, last_practised=last)


def schedule(history: Iterable[PracticeRecord]) -> dict[str, PrincipleSchedule]:
    """The schedule of all 16 principles, replayed from the user's answers."""
    grouped = records_by_principle(history)
    return {pid: schedule_principle(pid, grouped[pid]) for pid in PRINCIPLE_IDS}


def _tier(cov: PrincipleCoverage, sched: PrincipleSchedule, today: date) -> tuple:
    """Sort key: lower is more urgent (see the module docstring)."""
    index = canonical_index(cov.principle_id)
    if sched.due is None or cov.attempts == 0:
        return (0, 0, 0, index)
    due_ord = sched.due.toordinal()
    mean = cov.last3_mean if cov.last3_mean is not None else 0.0
    is_due = sched.due <= today
    if cov.status is CoverageStatus.WEAK:
        return (1, mean, due_ord, index) if is_due else (3, due_ord, mean, index)
    status_rank = 0 if cov.status is CoverageStatus.DEVELOPING else 1
    if is_due:
        return (2, due_ord, status_rank, mean, index)
    return (4, due_ord, status_rank, mean, index)


def rank_principles(
    history: Iterable[PracticeRecord], today: date
) -> tuple[list[str], dict[str, PrincipleCoverage], dict[str, PrincipleSchedule]]:
    """All 16 principle ids, most urgent first, with their coverage and schedule."""
    grouped = records_by_principle(history)
    cov = {pid: principle_coverage(pid, grouped[pid]) for pid in PRINCIPLE_IDS}
    sched = {pid: schedule_principle(pid, grouped[pid]) for pid in PRINCIPLE_IDS}
    ranking = sorted(PRINCIPLE_IDS, key=lambda pid: _tier(cov[pid], sched[pid], today))
    return ranking, cov, sched


def last_answered(history: Iterable[PracticeRecord]) -> dict[str, date]:
    """The most recent local date on which each question id was answered."""
    seen: dict[str, date] = {}
    for record in history:
        qid = record.question_id
        if qid is not None and (qid not in seen or record.local_date > seen[qid]):
            seen[qid] = record.local_date
    return seen


def _reason(cov: PrincipleCoverage, sched: PrincipleSchedule, today: date) -> str:
    name = PRINCIPLE_NAMES.get(cov.principle_id, cov.principle_id)
    if cov.attempts == 0 or sched.due is None:
        return f"{name}: never practised yet"
    mean = f"{cov.last3_mean:.0f}" if cov.last3_mean is not None else "-"
    if sched.due <= today:
        overdue = (today - sched.due).days
        when = "due today" if overdue == 0 else f"due for {overdue} day(s)"
        return f"{name}: {cov.status.value} (recent mean {mean}), {when}"
    return f"{name}: {cov.status.value} (recent mean {mean}), next due {sched.due.isoformat()}"


def recommend(
    history: Sequence[PracticeRecord],
    questions: Sequence[QuestionLike],
    today: date,
    *,
    only: Collection[str] | None = None,
) -> Recommendation:
    """Choose the next principle and a question for it.

    ``history`` is every answer of one user (any order); ``questions`` the questions that
    may be offered; ``only`` optionally restricts the principles considered. With no
    question for any principle, ``question_id`` is None and the top principle is returned.
    """
    ranking, cov, sched = rank_principles(history, today)
    if only is not None:
        ranking = [pid for pid in ranking if pid in only] or ranking
    answered = last_answered(history)
    cutoff = today - timedelta(days=QUESTION_COOLDOWN_DAYS)

    by_principle: dict[str, list[tuple[int, QuestionLike]]] = {pid: [] for pid in PRINCIPLE_IDS}
    for order, question in enumerate(questions):
        for pid in question.principles:
            if pid in by_principle:
                by_principle[pid].append((order, question))

    def fresh_key(item: tuple[int, QuestionLike]) -> tuple:
        order, question = item
        last = answered.get(question.id)
        return (last is not None, last.toordinal() if last else 0, order)

    chosen_pid: str | None = None
    chosen_qid: str | None = None
    for pid in ranking:
        fresh = [
            item
            for item in by_principle[pid]
            if (last := answered.get(item[1].id)) is None or last <= cutoff
        ]
        if fresh:
            chosen_pid = pid
            chosen_qid = min(fresh, key=fresh_key)[1].id
            break
    if chosen_pid is None:
        # Nothing fresh anywhere: repeat the least recently answered question of the
        # most urgent principle that has questions at all.
        for pid in ranking:
            if by_principle[pid]:
                chosen_pid = pid
                chosen_qid = min(by_principle[pid], key=fresh_key)[1].id
                break
    if chosen_pid is None:
        chosen_pid = ranking[0]

    reason = _reason(cov[chosen_pid], sched[chosen_pid], today)
    if chosen_pid != ranking[0] and chosen_qid is not None:
        reason += " (more urgent principles have no question you have not answered recently)"
    return Recommendation(
        principle_id=chosen_pid,
        question_id=chosen_qid,
        reason=reason,
        status=cov[chosen_pid].status,
        due={pid: sched[pid].due for pid in PRINCIPLE_IDS},
        ranking=ranking,
    )
