"""`python -m bot practice`: a question, your answer, the coach's report, then up to 3 probes."""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections.abc import Callable

from bot.analysis import Analysis, analyze
from bot.analysis.report import render_report
from bot.bank import Bank, Question, default_bank

MAX_FOLLOW_UP_ROUNDS = 3
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
    parser.set_defaults(func=run)


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
    question: Question,
    read_line: Callable[[], str] = _read_line,
    write: Callable[[str], None] = print,
    on_answer: Callable[[str, Analysis, str | None], None] | None = None,
) -> Analysis | None:
    """Run one practice session; returns the analysis of the whole story, if any."""
    names = ", ".join(bank.principle(p).name for p in question.principles)
    write(textwrap.fill(f"Q [{question.id}] {question.text}", 88))
    write(f"({names})")
    write("Your answer (end with a line containing only '.', or Ctrl-D):")
    answer = read_answer(read_line)
    if answer is None:
        write("No answer given. Come back any time.")
        return None
    analysis = analyze(answer, question.text, target_principles=list(question.principles))
    if on_answer:
        on_answer(answer, analysis, None)
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
        analysis = analyze(story, question.text, target_principles=list(question.principles))
        if on_answer:
            on_answer(reply, analysis, probe)
        write("")
        write(f"With that added, the story scores {analysis.score}/100 (was {before}).")
        gaps = [name for name, part in analysis.star.parts().items() if not part.present]
        if not analysis.metrics.present:
            gaps.append("metrics")
        if not analysis.learning.present:
            gaps.append("a lesson")
        write("Still missing: " + ", ".join(gaps) if gaps else "Every STAR part, a metric and a "
              "lesson are now in the story.")
    return analysis


def run(args: argparse.Namespace) -> int:
    bank = default_bank()
    try:
        question = choose_question(bank, args.principle, args.question, random.Random())
    except LookupError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        coach_session(bank, question)
    except KeyboardInterrupt:
        print("\nStopped. Nothing was lost: run `python -m bot practice` again any time.")
        return 130
    return 0
