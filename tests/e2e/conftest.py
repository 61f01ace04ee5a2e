"""Fixtures for end-to-end tests against the fake Discord (see fake_discord/)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .fake_discord import FakeDiscord, run_bot

__all__ = ["run_bot"]  # async with run_bot(fake_discord, bot) as bot: ...


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord with discord.py's URLs patched; restored at teardown.

    Teardown fails the test if the bot called an endpoint the fake does not model.
    """
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
    fake.assert_all_modelled()
