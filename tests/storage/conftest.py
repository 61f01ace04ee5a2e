"""Fixtures for storage tests: a fresh database per test and an answer factory."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.storage import Database, NewAnswer
from tests.storage.factories import new_answer


@pytest.fixture
def make_answer() -> Callable[..., NewAnswer]:
    """The :func:`new_answer` factory."""
    return new_answer


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test database lives."""
    return tmp_path / "data" / "star-coach.db"


@pytest.fixture
async def db(db_path: Path) -> AsyncIterator[Database]:
    """A freshly migrated database, closed after the test."""
    database = await Database.open(db_path)
    try:
        yield database
    finally:
        await database.close()
