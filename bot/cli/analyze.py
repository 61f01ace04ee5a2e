"""`python -m bot analyze`: analyse answers from a file or stdin."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.analysis import analyze
from bot.analysis.report import render_report

EXIT_BAD_INPUT = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse an answer (text) or a batch (JSON lines)",
        description="Analyse an answer. Reads PATH, or stdin when PATH is '-' or missing.",
    )
    parser.add_argument("path", nargs="?", default="-", help="file to read, or - for stdin")
    parser.add_argument("--question", help="the question the answer responds to")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print one JSON object")
    form.add_argument(
        "--jsonl", action="store_true",
        help="read JSON lines with 'id', 'answer' and optional 'question'; print one result "
             "per line",
    )
    parser.set_defaults(func=run)


def _open_input(path: str) -> TextIO:
    if path == "-":
        return sys.stdin
    return Path(path).open(encoding="utf-8", errors="replace")


def _batch(lines: Iterator[str]) -> int:
    status = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"line {number}: not valid JSON ({exc.msg})", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        if not isinstance(row, dict) or not isinstance(row.get("answer"), str):
            print(f"line {number}: missing the text field 'answer'", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        question = row.get("question") if isinstance(row.get("question"), str) else None
        principles = row.get("principles") if isinstance(row.get("principles"), list) else None
        result = analyze(
            row["answer"],
            question,
            target_principles=[p for p in principles or [] if isinstance(p, str)],
            answer_id=str(row["id"]) if "id" in row else None,
        )
        print(result.model_dump_json(), flush=False)
    sys.stdout.flush()
    return status


def run(args: argparse.Namespace) -> int:
    try:
        source = _open_input(args.path)
    except OSError as exc:
        print(f"cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    with source:
        if args.jsonl:
            return _batch(iter(source))
        text = source.read()
    result = analyze(text, args.question)
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(render_report(result))
    return 0
