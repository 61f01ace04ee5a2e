"""Practice on demand: which question a drill asks, which three a mock interview asks,
and the bar-raiser summary at the end of a mock. Pure functions plus one read of history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.analysis import Analysis
from bot.bank import Bank
from bot.coach.answering import QuestionInfo, find_question
from bot.coach.daily import all_questions
from bot.coach.recommend import rank_principles, recommend
from bot.errors import UserFacingError
from bot.storage import Database

MOCK_QUESTIONS = 3
# A mock answer at or above this score is "strong"; below MIXED_FROM it is "weak".
STRONG_FROM = 75
MIXED_FROM = 50

Verdict = Literal["strong", "mixed", "weak"]


async def choose_drill(
    db: Database,
    bank: Bank,
    user_id: int,
    today: date,
    *,
    guild_id: int | None = None,
    principle_id: str | None = None,
    question_id: str | None = None,
) -> tuple[QuestionInfo, str]:
    """The question for a drill and why it was picked."""
    if question_id:
        question = await find_question(db, bank, question_id, guild_id)
        if question is None:
            raise UserFacingError(f"There is no question '{question_id}'. Start typing to pick "
                                  "one from the list.")
        return question, "the question you asked for"
    if principle_id and principle_id not in bank.principle_ids:
        raise UserFacingError(f"'{principle_id}' is not a Leadership Principle. Pick one from "
                              "the list.")
    questions = await all_questions(db, bank, guild_id)
    history = await db.coverage_rows(user_id)
    pick = recommend(history, questions, today, only=[principle_id] if principle_id else None)
    by_id = {q.id: q for q in questions}
    if pick.question_id is None or pick.question_id not in by_id:
        raise UserFacingError("I have no question for that principle yet.")
    return by_id[pick.question_id], pick.reason


async def plan_mock(
    db: Database, bank: Bank, user_id: int, today: date, guild_id: int | None = None
) -> list[QuestionInfo]:
    """Three questions on three different principles, from the user's biggest gaps."""
    questions = await all_questions(db, bank, guild_id)
    history = await db.coverage_rows(user_id)
    ranking, _, _ = rank_principles(history, today)
    chosen: list[QuestionInfo] = []
    used_principles: set[str] = set()
    by_id = {q.id: q for q in questions}
    for principle_id in ranking:
        if len(chosen) == MOCK_QUESTIONS:
            break
        if principle_id in used_principles:
            continue
        pick = recommend(history, [q for q in questions if q not in chosen], today,
                         only=[principle_id])
        question = by_id.get(pick.question_id or "")
        if question is None or pick.principle_id != principle_id:
            continue
        chosen.append(question)
        used_principles.add(principle_id)
    return chosen


@dataclass(frozen=True)
class PrincipleVerdict:
    principle_id: str
    verdict: Verdict
    score: int
    reason: str


@dataclass(frozen=True)
class MockSummary:
    verdicts: list[PrincipleVerdict]
    fix_first: list[str]
    overall: Verdict


def _reason(analysis: Analysis) -> str:
    missing = [name for name, part in analysis.star.parts().items() if not part.present]
    if analysis.anti_patterns:
        finding = analysis.anti_patterns[0]
        return f"{finding.id.replace('_', ' ')} — {finding.why}"
    if missing:
        return "missing " + ", ".join(missing)
    if not analysis.metrics.present:
        return "no numbers on the result"
    if not analysis.learning.present:
        return "complete story, but no lesson learned"
    return "complete STAR story with numbers and a lesson"


def _verdict(score: int) -> Verdict:
    if score >= STRONG_FROM:
        return "strong"
    return "mixed" if score >= MIXED_FROM else "weak"


def mock_summary(results: list[tuple[QuestionInfo, Analysis]]) -> MockSummary:
    """Per principle strong / mixed / weak with the reason, and the three fixes that matter
    most (anti-patterns first, then missing STAR parts, metrics, ownership, lessons)."""
    verdicts = [
        PrincipleVerdict(
            question.principles[0] if question.principles else "unknown",
            _verdict(analysis.score), analysis.score, _reason(analysis),
        )
        for question, analysis in results
    ]
    fixes: list[str] = []

    def add(fix: str) -> None:
        if fix not in fixes:
            fixes.append(fix)

    for _, analysis in results:
        for finding in analysis.anti_patterns:
            add(finding.advice)
    for _, analysis in results:
        for name, part in analysis.star.parts().items():
            if not part.present:
                add(f"Always cover the {name}: "
                    + {"situation": "where, when and what was at stake.",
                       "task": "your own role and goal, in one sentence.",
                       "action": "the steps you personally took, with “I”.",
                       "result": "what changed because of you."}[name])
    if any(not analysis.metrics.present for _, analysis in results):
        add("Put a number on every result: %, time saved, money, how many customers.")
    if any(analysis.ownership.ratio < 0.4 for _, analysis in results):
        add("Say “I” for what you decided and did; keep “we” for the team's result.")
    if any(not analysis.learning.present for _, analysis in results):
        add("Close with what you learned or would do differently.")
    scores = [analysis.score for _, analysis in results]
    overall = _verdict(round(sum(scores) / len(scores))) if scores else "weak"
    return MockSummary(verdicts, fixes[:3], overall)
