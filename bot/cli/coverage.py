"""``python -m bot coverage [--user NAME]``: the 16-principle table in the terminal."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from bot.coach.coverage import PrincipleCoverage, compute_coverage, principles_covered
from bot.coach.principle_ids import PRINCIPLE_NAMES
from bot.coach.recommend import PrincipleSchedule, recommend, schedule
from bot.storage import Database, StorageError, default_local_name

EXIT_OK = 0
EXIT_STORAGE_ERROR = 2
BAR_WIDTH = 10


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``coverage [--user NAME] [--user-id ID] [--db PATH]``."""
    parser = subparsers.add_parser(
        "coverage",
        help="show how well you have covered the 16 Leadership Principles",
        description="Print one row per Leadership Principle: attempts, best score, mean of "
        "the last 3, when last practised, status and when it is next due.",
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--user",
        metavar="NAME",
        help="terminal user name (default: your login name)",
    )
    who.add_argument("--user-id", metavar="ID", type=int, help="a Discord user id instead")
    parser.add_argument(
        "--db",
        dest="db_path",
        metavar="PATH",
        type=Path,
        default=None,
        help="database file (default: $STARCOACH_DB or the per-user data folder)",
    )
    parser.set_defaults(func=run_coverage)


def run_coverage(args: argparse.Namespace) -> int:
    """Print the coverage table; exit status."""
    try:
        text = asyncio.run(
            _coverage(
                getattr(args, "db_path", None),
                getattr(args, "user", None),
                getattr(args, "user_id", None),
            )
        )
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    print(text)
    return EXIT_OK


async def _coverage(db_path: Path | None, name: str | None, user_id: int | None) -> str:
    db = await Database.open(db_path)
    try:
        if user_id is None:
            name = name or default_local_name()
            user_id = await db.local_user_id(name)
            who = f"{name} (terminal)"
        else:
            who = f"Discord user {user_id}"
        prefs = await db.get_preferences(user_id)
        rows = await db.coverage_rows(user_id)
    finally:
        await db.close()
    now = datetime.now(UTC)
    if user_id < 0 and prefs.timezone == "UTC":
        today = now.astimezone().date()  # a terminal user without a set zone: this machine's
    else:
        today = now.astimezone(prefs.zone).date()
    coverage = compute_coverage(rows)
    sched = schedule(rows)
    rec = recommend(rows, [], today)
    lines = [f"Leadership Principle coverage for {who} on {today.isoformat()}", ""]
    lines.append(render_table(coverage, sched, today, unicode=_can_draw()))
    lines.append("")
    lines.append(
        f"{principles_covered(coverage)}/16 principles practised, {len(rows)} answer(s). "
        f"Next: {rec.reason}."
    )
    return "\n".join(lines)


def _can_draw() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "█░".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def bar(value: float | None, *, unicode: bool = True, width: int = BAR_WIDTH) -> str:
    """A text bar for a 0-100 value (empty when there is no value)."""
    full, empty = ("█", "░") if unicode else ("#", ".")
    if value is None:
        return empty * width
    filled = round(max(0.0, min(100.0, value)) / 100 * width)
    return full * filled + empty * (width - filled)


def _due_text(sched: PrincipleSchedule, today: date) -> str:
    if sched.due is None:
        return "now"
    if sched.due <= today:
        late = (today - sched.due).days
        return "today" if late == 0 else f"{late}d overdue"
    return sched.due.isoformat()


def render_table(
    coverage: Sequence[PrincipleCoverage],
    schedules: dict[str, PrincipleSchedule],
    today: date,
    *,
    unicode: bool = True,
) -> str:
    """The 16-row table: principle, a bar of the last-3 mean, tries, best, last-3 mean,
    last practised, status, next due."""
    headers = ("Principle", "Progress", "Tries", "Best", "Last 3", "Last practised", "Status",
               "Next due")
    rows = []
    for cov in coverage:
        rows.append(
            (
                PRINCIPLE_NAMES.get(cov.principle_id, cov.principle_id),
                bar(cov.last3_mean, unicode=unicode),
                str(cov.attempts),
                "-" if cov.best_score is None else str(cov.best_score),
                "-" if cov.last3_mean is None else f"{cov.last3_mean:.0f}",
                "-" if cov.last_practised is None else cov.last_practised.isoformat(),
                cov.status.value,
                _due_text(schedules[cov.principle_id], today),
            )
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = {2, 3, 4}

    def fmt(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in pairs).rstrip()

    out = [fmt(headers), fmt(["-" * w for w in widths])]
    out.extend(fmt(r) for r in rows)
    return "\n".join(out)
