"""Storage benchmark: seed a temporary database and time the hot queries.

    python bench/storage.py                  # 100,000 answers, then 1,000,000
    python bench/storage.py --users 2000     # a quicker run (200,000 answers)

Seeds ``users x per-user`` answers (default 10,000 x 100 = 1,000,000) across the 16
principles, four guilds (each with its own time zone) and the terminal, a year of dates,
5% of users answering the daily question every day for the last 100 days (long streaks),
and some peer reviews. Then it measures, through the real repository and coach code:

* insert rate: bulk (``add_answers_bulk``: executemany in one transaction per batch) and
  one by one through ``add_answer`` (the bot's path), sequential and 20 tasks at once;
* coverage for one user (``coverage_rows`` + ``compute_coverage``) p50/p99;
* recommendation (``coverage_rows`` + ``recommend`` over a 160-question bank) p50/p99;
* guild leaderboard (``guild_leaderboard``, top 10) p50/p99;
* bytes per answer (database file size after close / answers).

The same figures at ``--small-users`` (default 1,000 -> 100,000 answers) come first so the
growth is visible. Targets: >= 2,000 answers/s inserted, coverage and recommendation p99
<= 5 ms, leaderboard p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.coach.coverage import compute_coverage
from bot.coach.principle_ids import PRINCIPLE_IDS
from bot.coach.recommend import recommend
from bot.storage import Database, NewAnswer

TODAY = date(2025, 6, 30)
DAYS = 365
GUILDS = {
    900_000_000_000_000_001: "America/New_York",
    900_000_000_000_000_002: "Europe/Berlin",
    900_000_000_000_000_003: "Asia/Kolkata",
    900_000_000_000_000_004: "UTC",
}
USER_BASE = 100_000_000_000_000_000
MESSAGE_BASE = 1_000_000_000_000_000_000
SOURCES = ("daily", "drill", "mock", "terminal")
SOURCE_WEIGHTS = (40, 30, 10, 20)
REGULAR_SHARE = 0.05
CHUNK = 20_000


@dataclass(frozen=True)
class BankQuestion:
    """A question as the recommender sees it."""

    id: str
    principles: list[str]


BANK = [BankQuestion(f"{pid}-{n}", [pid]) for pid in PRINCIPLE_IDS for n in range(1, 11)]


@dataclass
class Figures:
    """Everything measured at one scale."""

    answers: int = 0
    bulk_rate: float = 0.0
    add_rate: float = 0.0
    add_rate_concurrent: float = 0.0
    coverage_ms: list[float] = field(default_factory=list)
    recommend_ms: list[float] = field(default_factory=list)
    leaderboard_ms: list[float] = field(default_factory=list)
    bytes_per_answer: float = 0.0
    seed_seconds: float = 0.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def make_texts(rng: random.Random) -> tuple[list[str], list[str]]:
    """A few realistic-size answer texts (~800 chars) and analysis JSON (~500 chars)."""
    words = [
        "situation", "customer", "latency", "outage", "team", "deadline", "migration",
        "budget", "metric", "owned", "decided", "measured", "reduced", "improved",
        "escalated", "result", "percent", "weeks", "stakeholders", "learned", "root",
        "cause", "dashboard", "rollback", "launched",
    ]
    texts = []
    for _ in range(16):
        text = " ".join(rng.choice(words) for _ in range(110))
        texts.append(text[:800])
    analyses = []
    for i in range(16):
        analyses.append(
            json.dumps(
                {
                    "score": 40 + i * 3,
                    "star": {
                        "situation": True,
                        "task": i % 3 > 0,
                        "action": True,
                        "result": i % 2 == 0,
                    },
                    "metrics": ["reduced p99 latency by 40%", "saved 3 weeks"][: i % 3],
                    "ownership": {"i_count": 12 + i, "we_count": 3},
                    "anti_patterns": [{"kind": "vague", "evidence": "we kind of fixed it"}],
                    "follow_ups": ["What would you do differently?", "How did you measure it?"],
                    "principles": ["ownership", "dive-deep"],
                    "notes": "x" * 150,
                }
            )
        )
    return texts, analyses


def plan_days(rng: random.Random, users: list[int], per_user: int) -> list[list[int]]:
    """For each of the DAYS days (oldest first), the users who answer that day."""
    by_day: list[list[int]] = [[] for _ in range(DAYS)]
    regulars = int(len(users) * REGULAR_SHARE)
    for index, user in enumerate(users):
        if index < regulars:
            days = range(DAYS - per_user, DAYS)  # every day for the last `per_user` days
        else:
            days = rng.sample(range(DAYS), per_user)
        for day in days:
            by_day[day].append(user)
    for bucket in by_day:
        rng.shuffle(bucket)
    return by_day


def generate(
    rng: random.Random, users: list[int], per_user: int
) -> Iterator[list[NewAnswer]]:
    """Answers in time order (all users interleaved), in chunks."""
    texts, analyses = make_texts(rng)
    regulars = set(users[: int(len(users) * REGULAR_SHARE)])
    guild_ids = list(GUILDS)
    start = TODAY - timedelta(days=DAYS - 1)
    message = MESSAGE_BASE
    chunk: list[NewAnswer] = []
    for offset, bucket in enumerate(plan_days(rng, users, per_user)):
        day = start + timedelta(days=offset)
        for user in bucket:
            source = (
                "daily" if user in regulars else rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
            )
            terminal = source == "terminal"
            count = 1 if rng.random() < 0.7 else 2
            principles = rng.sample(PRINCIPLE_IDS, count)
            score = max(0, min(100, int(rng.gauss(62, 18))))
            hour = 15 if user in regulars else rng.randint(8, 20)
            message += 1
            chunk.append(
                NewAnswer(
                    guild_id=None if terminal else guild_ids[user % len(guild_ids)],
                    user_id=user,
                    question_id=f"{principles[0]}-{rng.randint(1, 10)}",
                    principle_ids=principles,
                    source=source,
                    text=texts[rng.randrange(len(texts))],
                    analysis_json=analyses[rng.randrange(len(analyses))],
                    score=score,
                    star_complete=score >= 55,
                    message_id=None if terminal else message,
                    channel_id=None if terminal else 42,
                    created_at=datetime(
                        day.year, day.month, day.day, hour, rng.randint(0, 59), tzinfo=UTC
                    ),
                )
            )
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def progress(message: str) -> None:
    """Progress on stderr (the figures go to stdout)."""
    print(message, file=sys.stderr, flush=True)


async def run_scale(n_users: int, per_user: int, samples: int, folder: Path, seed: int) -> Figures:
    """Seed a fresh database at this scale and measure."""
    rng = random.Random(seed)
    figures = Figures()
    path = folder / f"bench-{n_users}x{per_user}.db"
    db = await Database.open(path)
    for guild_id, zone in GUILDS.items():
        await db.update_guild_settings(guild_id, channel_id=42, timezone=zone)
    users = [USER_BASE + i for i in range(n_users)]

    progress(f"seeding {n_users:,} users x {per_user} answers ...")
    seed_start = time.perf_counter()
    insert_seconds = 0.0
    for chunk in generate(rng, users, per_user):
        t0 = time.perf_counter()
        figures.answers += await db.add_answers_bulk(chunk, batch_size=10_000)
        insert_seconds += time.perf_counter() - t0
        if figures.answers % 200_000 < CHUNK:
            progress(f"  {figures.answers:,} answers")
    figures.bulk_rate = figures.answers / insert_seconds
    figures.seed_seconds = time.perf_counter() - seed_start

    # some peer reviews, through the real path
    total = figures.answers
    for _ in range(min(2_000, total // 50)):
        answer = await db.get_answer(rng.randint(1, total))
        reviewer = rng.choice(users)
        if answer is not None and answer.user_id != reviewer:
            await db.upsert_review(answer.id, reviewer, *(rng.randint(1, 5) for _ in range(4)))

    # add_answer, one by one (the bot's path), sequential then 20 tasks at once
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 18, tzinfo=UTC)
    guild_ids = list(GUILDS)

    def fresh(i: int) -> NewAnswer:
        user = rng.choice(users)
        return NewAnswer(
            guild_id=guild_ids[user % len(guild_ids)],
            user_id=user,
            question_id="ownership-1",
            principle_ids=["ownership"],
            source="drill",
            text="fresh answer " * 60,
            analysis_json='{"score": 70}',
            score=70,
            star_complete=True,
            message_id=MESSAGE_BASE * 2 + i,
            channel_id=42,
            created_at=now,
        )

    batch = [fresh(i) for i in range(3_000)]
    t0 = time.perf_counter()
    for new in batch:
        await db.add_answer(new)
    figures.add_rate = len(batch) / (time.perf_counter() - t0)
    batch = [fresh(10_000 + i) for i in range(3_000)]

    async def worker(part: list[NewAnswer]) -> None:
        for new in part:
            await db.add_answer(new)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(batch[k::20]) for k in range(20)))
    figures.add_rate_concurrent = len(batch) / (time.perf_counter() - t0)
    figures.answers += 6_000

    progress("measuring queries ...")
    sample_users = [rng.choice(users) for _ in range(samples)]
    for user in sample_users[:50]:  # warm-up
        compute_coverage(await db.coverage_rows(user))
    for user in sample_users:
        t0 = time.perf_counter()
        compute_coverage(await db.coverage_rows(user))
        figures.coverage_ms.append((time.perf_counter() - t0) * 1000)
    for user in reversed(sample_users):
        t0 = time.perf_counter()
        recommend(await db.coverage_rows(user), BANK, TODAY)
        figures.recommend_ms.append((time.perf_counter() - t0) * 1000)
    for i in range(max(100, samples // 5)):
        guild = guild_ids[i % len(guild_ids)]
        t0 = time.perf_counter()
        board = await db.guild_leaderboard(guild, TODAY, 10)
        figures.leaderboard_ms.append((time.perf_counter() - t0) * 1000)
    assert board and board[0].current_streak >= per_user, "regulars should lead"

    await db.close()
    size = await asyncio.to_thread(lambda: path.stat().st_size)
    figures.bytes_per_answer = size / figures.answers
    await asyncio.to_thread(_remove, folder, path.name)
    return figures


def _remove(folder: Path, name: str) -> None:
    for leftover in folder.glob(f"{name}*"):
        leftover.unlink()


def report(small: Figures | None, big: Figures) -> str:
    """The figures side by side, with growth and targets."""
    scales = [f for f in (small, big) if f is not None]
    header = f"{'':38}" + "".join(f"{f.answers:>16,}" for f in scales)
    if small is not None:
        header += f"{'growth':>10}"
    lines = [header + "   (answers)", "-" * len(header)]

    def row(label: str, values: list[float], fmt: str, target: str = "") -> None:
        cells = "".join(f"{v:>16{fmt}}" for v in values)
        growth = f"{values[-1] / values[0]:>9.2f}x" if len(values) == 2 and values[0] else ""
        lines.append(f"{label:38}{cells}{growth}  {target}".rstrip())

    row("insert, bulk (answers/s)", [f.bulk_rate for f in scales], ",.0f", ">= 2,000")
    row("insert, add_answer (answers/s)", [f.add_rate for f in scales], ",.0f", ">= 2,000")
    row("insert, add_answer x20 tasks (ans/s)", [f.add_rate_concurrent for f in scales], ",.0f")
    for name, attr, target in (
        ("coverage", "coverage_ms", "<= 5 ms"),
        ("recommendation", "recommend_ms", "<= 5 ms"),
        ("leaderboard (top 10)", "leaderboard_ms", "<= 50 ms"),
    ):
        row(f"{name} p50 (ms)", [statistics.median(getattr(f, attr)) for f in scales], ".2f")
        row(f"{name} p99 (ms)", [percentile(getattr(f, attr), 99) for f in scales], ".2f", target)
    row("bytes per answer", [f.bytes_per_answer for f in scales], ",.0f")
    row("seeding wall time (s)", [f.seed_seconds for f in scales], ",.1f")
    return "\n".join(lines)


async def main() -> int:
    """Parse options, run both scales, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--per-user", type=int, default=100)
    parser.add_argument("--small-users", type=int, default=1_000, help="0 to skip")
    parser.add_argument("--samples", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--dir", type=Path, default=None, help="where to put the databases")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        small = None
        if args.small_users:
            small = await run_scale(
                args.small_users, args.per_user, args.samples, folder, args.seed
            )
        big = await run_scale(args.users, args.per_user, args.samples, folder, args.seed)
    print(report(small, big))
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
