"""End-to-end load: 50 members answering concurrently at ~20 answers/s for 60 s through the
fake Discord, against the real bot in its own process. Prints answers stored, replies sent,
event-to-reply latency p50/p99, and the bot's idle memory (RSS).

    python bench/e2e_load.py [--seconds 60] [--rate 20] [--members 50]

Targets: every answer stored exactly once and answered; p99 <= 100 ms; idle RSS <= 80 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.storage import Database  # noqa: E402
from tests.e2e.fake_discord import FakeDiscord  # noqa: E402
from tests.e2e.process import BotProcess  # noqa: E402

ANSWER = ("At my last company I was the on-call lead for checkout. Orders failed for 8% of "
          "customers after a deploy. I rolled back within 10 minutes and added a canary, so "
          "failed orders fell from 8% to 0.1%. I learned to make rollback the default.")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(seconds: float, rate: float, member_count: int) -> int:
    async with FakeDiscord() as fake:
        guild = fake.add_guild("Load Test")
        channel = fake.add_text_channel(guild, "daily")
        members = [fake.add_member(guild, f"m{i}") for i in range(member_count)]
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "load.db"
            db = await Database.open(db_path)
            await db.update_guild_settings(guild.id, channel_id=channel.id,
                                           post_time=clock_time(0, 0), timezone="UTC")
            await db.close()
            bot = BotProcess(fake, db_path, ANSWER_MERGE_SECONDS="0")
            await bot.start()
            try:
                call = await fake.wait_for_call(
                    "POST", rf"/channels/{channel.id}/messages/\d+/threads", timeout=30)
                thread = fake.channels[int(call.response["id"])]
                await asyncio.sleep(3)
                idle_rss = bot.rss_mb()

                sent_at: dict[int, float] = {}
                replied_at: dict[int, float] = {}
                seen_replies: set[int] = set()

                async def watch() -> None:
                    while True:
                        for reply in fake.bot_messages(thread):
                            if reply.id in seen_replies or reply.reference is None:
                                continue
                            seen_replies.add(reply.id)
                            replied_at.setdefault(reply.reference.id, time.perf_counter())
                        await asyncio.sleep(0.002)

                async def member(index: int, per_member_rate: float) -> None:
                    await asyncio.sleep(index / rate)
                    deadline = start + seconds
                    n = 0
                    while time.perf_counter() < deadline:
                        message = await fake.user_message(members[index], thread,
                                                          f"{ANSWER} #{index}-{n}")
                        sent_at[message.id] = time.perf_counter()
                        n += 1
                        await asyncio.sleep(1 / per_member_rate)

                watcher = asyncio.create_task(watch())
                start = time.perf_counter()
                await asyncio.gather(*(member(i, rate / member_count)
                                       for i in range(member_count)))
                drain = time.perf_counter() + 10
                while len(replied_at) < len(sent_at) and time.perf_counter() < drain:  # noqa: ASYNC110 - polling the fake's state
                    await asyncio.sleep(0.05)
                watcher.cancel()
                busy_rss = bot.rss_mb()
            finally:
                await bot.stop()
            with sqlite3.connect(db_path) as conn:
                stored = [r[0] for r in conn.execute("SELECT message_id FROM answers")]

    latencies = [(replied_at[m] - sent_at[m]) * 1000 for m in sent_at if m in replied_at]
    print(f"answers sent:    {len(sent_at)} in {seconds:.0f} s "
          f"({len(sent_at) / seconds:.1f}/s, {member_count} members)")
    print(f"answers stored:  {len(stored)} (distinct {len(set(stored))}, "
          f"missing {len(set(sent_at) - set(stored))})")
    print(f"replies sent:    {len(replied_at)} (unanswered {len(set(sent_at) - set(replied_at))})")
    if latencies:
        print(f"event→reply:     p50 {statistics.median(latencies):.1f} ms   "
              f"p99 {percentile(latencies, 0.99):.1f} ms   max {max(latencies):.1f} ms")
    print(f"bot RSS:         idle {idle_rss:.1f} MB, after load {busy_rss:.1f} MB")
    ok = len(stored) == len(set(stored)) == len(sent_at) == len(replied_at)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--members", type=int, default=50)
    args = parser.parse_args()
    return asyncio.run(run(args.seconds, args.rate, args.members))


if __name__ == "__main__":
    sys.exit(main())
