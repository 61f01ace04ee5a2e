"""The `python -m bot` command line: run the bot, practise, analyse, and manage data."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bot.bank import DataError

# Each module registers its own subcommand with add_parser(subparsers).
_SUBCOMMAND_MODULES = (
    "bot.cli.run",
    "bot.cli.analyze",
    "bot.cli.practice",
    "bot.cli.coverage",
    "bot.cli.db",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="STAR Coach: an interview partner for Amazon-style behavioral questions.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in _SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from bot.cli.run import run_bot

        return run_bot(args)
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        print(f"STAR Coach cannot start: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nBye.", file=sys.stderr)
        return 130
