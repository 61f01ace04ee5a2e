"""A writer process for the crash and backup tests.

``python -m tests.storage.writer_process DB_PATH [START]`` adds answers (every fifth with a
peer review, a multi-statement transaction) until killed, printing each answer's message
id on stdout only after its write has committed.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.storage import Database
from tests.storage.factories import new_answer

REVIEWER = 7


async def main(path: Path, start: int) -> None:
    """Write forever."""
    db = await Database.open(path)
    n = start
    while True:
        new = new_answer(
            user_id=1000 + n % 50, message_id=n, principle_ids=["ownership", "frugality"]
        )
        answer, _ = await db.add_answer(new)
        if n % 5 == 0:
            await db.upsert_review(answer.id, REVIEWER, 3, 4, 5, 2, f"review {n}")
        sys.stdout.write(f"{n}\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1))
