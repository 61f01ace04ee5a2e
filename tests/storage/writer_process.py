"""A writer process for the crash test.

``python -m tests.storage.writer_process DB_PATH [START]`` runs :data:`TASKS` concurrent
writers that add answers (every fifth with a peer review, a multi-statement transaction)
until killed, printing each answer's message id on stdout only after its write committed.
Concurrent answers are group-committed, so a kill can land in the middle of a batch.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
from pathlib import Path

from bot.storage import Database
from tests.storage.factories import new_answer

REVIEWER = 7
TASKS = 8


async def main(path: Path, start: int) -> None:
    """Write forever."""
    db = await Database.open(path)
    numbers = itertools.count(start)

    async def writer() -> None:
        for n in numbers:
            new = new_answer(
                user_id=1000 + n % 50, message_id=n, principle_ids=["ownership", "frugality"]
            )
            answer, _ = await db.add_answer(new)
            if n % 5 == 0:
                await db.upsert_review(answer.id, REVIEWER, 3, 4, 5, 2, f"review {n}")
            sys.stdout.write(f"{n}\n")
            sys.stdout.flush()

    await asyncio.gather(*(writer() for _ in range(TASKS)))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1))
