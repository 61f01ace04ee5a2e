"""Test data for storage tests: ids, a fixed time, an answer factory."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from bot.storage import NewAnswer

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
GUILD = 111_111_111_111_111_111
ALICE = 222_222_222_222_222_222
BOB = 333_333_333_333_333_333
CAROL = 444_444_444_444_444_444

_message_ids = itertools.count(900_000_000_000_000_000)


def new_answer(**overrides: Any) -> NewAnswer:
    """A valid NewAnswer; every call gets a fresh Discord message id unless given."""
    fields: dict[str, Any] = {
        "guild_id": GUILD,
        "user_id": ALICE,
        "question_id": "q-ownership-1",
        "principle_ids": ["ownership"],
        "source": "daily",
        "text": "Situation... Task... Action... Result...",
        "analysis_json": '{"score": 70}',
        "score": 70,
        "star_complete": True,
        "message_id": next(_message_ids),
        "channel_id": 555,
        "created_at": T0,
    }
    fields.update(overrides)
    return NewAnswer(**fields)
