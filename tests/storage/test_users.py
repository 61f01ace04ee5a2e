"""Terminal users, preferences and the story bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage import Database
from tests.storage.factories import ALICE, BOB


async def test_local_user_ids_are_negative_stable_and_distinct(db: Database) -> None:
    alice = await db.local_user_id("alice")
    assert alice < 0
    assert await db.local_user_id("alice") == alice
    assert await db.local_user_id("  ALICE ") == alice  # case and spaces do not matter
    bob = await db.local_user_id("bob")
    assert bob < 0 and bob != alice
    assert await db.local_user_name(alice) == "alice"
    assert await db.local_user_name(ALICE) is None
    with pytest.raises(ValueError):
        await db.local_user_id("   ")


async def test_local_user_ids_survive_a_restart(db_path: Path) -> None:
    first = await Database.open(db_path)
    uid = await first.local_user_id("dana")
    await first.close()
    second = await Database.open(db_path)
    try:
        assert await second.local_user_id("dana") == uid
    finally:
        await second.close()


async def test_preferences_default_and_partial_updates(db: Database) -> None:
    prefs = await db.get_preferences(ALICE)
    assert (prefs.feedback_mode, prefs.timezone) == ("thread", "UTC")
    prefs = await db.set_preferences(ALICE, feedback_mode="dm")
    assert (prefs.feedback_mode, prefs.timezone) == ("dm", "UTC")
    prefs = await db.set_preferences(ALICE, timezone="America/New_York")
    assert (prefs.feedback_mode, prefs.timezone) == ("dm", "America/New_York")
    assert await db.get_preferences(ALICE) == prefs
    assert (await db.get_preferences(BOB)).feedback_mode == "thread"
    with pytest.raises(ValueError, match="time zone"):
        await db.set_preferences(ALICE, timezone="Nowhere/Land")
    with pytest.raises(ValueError, match="feedback mode"):
        await db.set_preferences(ALICE, feedback_mode="email")  # type: ignore[arg-type]
    assert await db.get_preferences(ALICE) == prefs


async def test_story_bank_add_list_remove(db: Database) -> None:
    outage = await db.add_story(ALICE, "The outage", ["ownership", "dive-deep"], "I fixed it.")
    budget = await db.add_story(ALICE, "The budget", ["frugality"], "I cut costs.")
    await db.add_story(BOB, "Bob's", ["ownership"], "His.")
    assert [s.title for s in await db.list_stories(ALICE)] == ["The outage", "The budget"]
    assert [s.id for s in await db.list_stories(ALICE, "ownership")] == [outage.id]
    assert not await db.remove_story(BOB, outage.id)  # only your own
    assert await db.remove_story(ALICE, outage.id)
    assert await db.list_stories(ALICE) == [budget]
    with pytest.raises(ValueError):
        await db.add_story(ALICE, "x", ["synergy"], "y")
    with pytest.raises(ValueError):
        await db.add_story(ALICE, "  ", ["ownership"], "y")
