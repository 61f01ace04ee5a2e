"""`python -m bot practice`: a question, your answer, the coach's report, then up to 3 probes.

Answers are recorded in the database (the same one the bot uses, or --db) under your
terminal name, so `python -m bot coverage` shows your progress. If the database can't be
used, practice still works and says that nothing is being recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.analysis import Analysis, analyze, warm_up
from bot.analysis.report import render_report
from bot.bank import Bank, Question, default_bank
from bot.coach.answering import (
    MAX_FOLLOW_UP_ROUNDS,
    QuestionInfo,
    submit_answer,
    submit_follow_up,
)
from bot.coach.drills import choose_drill
from bot.errors import UserFacingError
from bot.storage import Database, StorageError, StoredAnswer, default_local_name

END_OF_ANSWER = "."


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="answer a question in the terminal and get coached",
        description="Answer a behavioral question; finish with a line containing only '.' "
                    "or with Ctrl-D. Ctrl-C quits.",
    )
    parser.add_argument("--principle", help="practise this principle, e.g. frugality")
    parser.add_argument("--question", help="answer this question id, e.g. seed-7")
    parser.add_argument("--user", help="your name for progress (default: your login name)")
    parser.add_argument("--db", type=Path, help="database file (default: $STARCOACH_DB or "
                                                "the per-user data folder)")
    parser.set_defaults(func=run)


class Recorder:
    """Analyses answers the same way the bot does, and stores them when it can."""

    def __init__(self, bank: Bank, db_path: Path | None, user: str) -> None:
        self.bank = bank
        self.db_path = db_path
        self.user = user
        self.recording = db_path is not None
        self.answer: StoredAnswer | None = None
        self.question: QuestionInfo | None = None

    def _with_db(self, work):
        async def go():
            db = await Database.open(self.db_path)
            try:
                user_id = await db.local_user_id(self.user)
                return await work(db, user_id)
            finally:
                await db.close()

        try:
            return asyncio.run(go())
        except StorageError as exc:
            print(f"(not recording: {exc})", file=sys.stderr)
            self.recording = False
            return None

    def pick(self, principle: str | None, question_id: str | None) -> QuestionInfo | None:
        if not self.recording:
            return None

        async def work(db, user_id):
            question, _ = await choose_drill(db, self.bank, user_id, datetime.now(UTC).date(),
                                             principle_id=principle, question_id=question_id)
            return question

        return self._with_db(work)

    def first_answer(self, question: QuestionInfo, text: str) -> Analysis:
        self.question = question
        if self.recording:
            async def work(db, user_id):
                outcome = await submit_answer(db, self.bank, user_id=user_id, text=text,
                                              source="terminal", now=datetime.now(UTC),
                                              question_id=question.id)
                self.answer = outcome.answer
                return outcome.analysis

            analysis = self._with_db(work)
            if analysis is not None:
                return analysis
        return analyze(text, question.text, target_principles=list(question.principles))

    def follow_up(self, story: str, probe: str, reply: str) -> Analysis:
        if self.recording and self.answer is not None:
            answer = self.answer

            async def work(db, user_id):
                _, analysis = await submit_follow_up(db, self.bank, answer, probe, reply,
                                                     datetime.now(UTC))
                return analysis

            analysis = self._with_db(work)
            if analysis is not None:
                return analysis
        question = self.question
        return analyze(story, question.text if question else None,
                       target_principles=list(question.principles) if question else None)


def choose_question(
    bank: Bank, principle_id: str | None, question_id: str | None, rng: random.Random
) -> Question:
    """The question asked for, or one for the principle, or any question."""
    if question_id:
        question = bank.question(question_id)
        if question is None:
            raise LookupError(f"no question with id '{question_id}' (see data/questions.toml)")
        return question
    if principle_id:
        if principle_id not in bank.principle_ids:
            known = ", ".join(bank.principle_ids)
            raise LookupError(f"unknown principle '{principle_id}'; one of: {known}")
        return rng.choice(bank.questions_for(principle_id))
    return rng.choice(bank.questions)


def read_answer(read_line: Callable[[], str]) -> str | None:
    """Lines until EOF or a lone '.'; None when the input ended before any text."""
    lines: list[str] = []
    while True:
        try:
            line = read_line()
        except EOFError:
            break
        if line == "":  # EOF from a file-like reader
            break
        if line.rstrip("\r\n").strip() == END_OF_ANSWER:
            break
        lines.append(line.rstrip("\r\n"))
    text = "\n".join(lines).strip()
    return text or None


def _read_line() -> str:
    return sys.stdin.readline()


def coach_session(
    bank: Bank,
    question: QuestionInfo,
    recorder: Recorder,
    read_line: Callable[[], str] = _read_line,
    write: Callable[[str], None] = print,
) -> Analysis | None:
    """Run one practice session; returns the analysis of the whole story, if any."""
    names = ", ".join(bank.principle(p).name for p in question.principles
                      if p in bank.principle_ids)
    write(textwrap.fill(f"Q [{question.id}] {question.text}", 88))
    write(f"({names})")
    write("Your answer (end with a line containing only '.', or Ctrl-D):")
    answer = read_answer(read_line)
    if answer is None:
        write("No answer given. Come back any time.")
        return None
    analysis = recorder.first_answer(question, answer)
    write("")
    write(render_report(analysis))

    story = answer
    asked: set[str] = set()
    for _ in range(MAX_FOLLOW_UP_ROUNDS):
        probe = next((p for p in analysis.follow_ups if p not in asked), None)
        if probe is None:
            break
        asked.add(probe)
        write("")
        write(textwrap.fill(f"Follow-up: {probe}", 88))
        write("(answer, or just '.' to finish)")
        reply = read_answer(read_line)
        if reply is None:
            break
        story = f"{story}\n{reply}"
        before = analysis.score
        analysis = recorder.follow_up(story, probe, reply)
        write("")
        write(f"With that added, the story scores {analysis.score}/100 (was {before}).")
        gaps = [name for name, part in analysis.star.parts().items() if not part.present]
        if not analysis.metrics.present:
            gaps.append("metrics")
        if not analysis.learning.present:
            gaps.append("a lesson")
        write("Still missing: " + ", ".join(gaps) if gaps else "Every STAR part, a metric and a "
              "lesson are now in the story.")
    if recorder.recording and recorder.answer is not None:
        write("\nSaved. `python -m bot coverage` shows your progress.")
    return analysis


def run(args: argparse.Namespace) -> int:
    bank = default_bank()
    db_path = args.db or Database.default_path()
    recorder = Recorder(bank, db_path, args.user or default_local_name())
    try:
        picked = recorder.pick(args.principle, args.question)
    except UserFacingError as exc:
        print(exc, file=sys.stderr)
        return 2
    if picked is None:
        try:
            chosen = choose_question(bank, args.principle, args.question, random.Random())
        except LookupError as exc:
            print(exc, file=sys.stderr)
            return 2
        picked = QuestionInfo(chosen.id, chosen.text, tuple(chosen.principles))
    try:
        # Ready before the member types: the first start builds the pattern database (seconds).
        print("Getting the coach ready…", file=sys.stderr)
        warm_up()
        coach_session(bank, picked, recorder)
    except KeyboardInterrupt:
        print("\nStopped. Run `python -m bot practice` again any time.")
        return 130
    return 0
