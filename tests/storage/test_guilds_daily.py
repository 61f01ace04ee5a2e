"""Guild settings, the once-per-local-date daily post claim, guild custom questions."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date, time, timedelta

import pytest
from pydantic import ValidationError

from bot.storage import Database
from tests.storage.factories import ALICE, GUILD, T0

D1 = date(2024, 5, 1)


async def test_settings_start_with_defaults_and_change_only_what_is_given(db: Database) -> None:
    assert await db.get_guild_settings(GUILD) is None
    created = await db.update_guild_settings(GUILD, channel_id=10, now=T0)
    assert created.channel_id == 10
    assert (created.post_time, created.timezone) == (time(9, 0), "UTC")
    assert created.days == tuple(range(7))
    assert not created.paused and created.ping_role_id is None

    changed = await db.update_guild_settings(
        GUILD, post_time="18:30", timezone="Europe/Berlin", days=[4, 0, 2], ping_role_id=77
    )
    assert (changed.channel_id, changed.post_time) == (10, time(18, 30))
    assert changed.days == (0, 2, 4) and changed.timezone == "Europe/Berlin"
    paused = await db.update_guild_settings(GUILD, paused=True, ping_role_id=None)
    assert paused.paused and paused.ping_role_id is None and paused.post_time == time(18, 30)
    stored = await db.get_guild_settings(GUILD)
    assert stored.model_dump(exclude={"updated_at"}) == paused.model_dump(exclude={"updated_at"})
    assert [s.guild_id for s in await db.list_guild_settings()] == [GUILD]


@pytest.mark.parametrize(
    "change",
    [{"timezone": "Mars/Olympus"}, {"post_time": "25:00"}, {"days": [7]}],
)
async def test_bad_settings_are_refused_and_nothing_changes(db: Database, change: dict) -> None:
    await db.update_guild_settings(GUILD, channel_id=10)
    with pytest.raises(ValidationError):
        await db.update_guild_settings(GUILD, **change)
    assert (await db.get_guild_settings(GUILD)).timezone == "UTC"


async def test_last_failure_is_recorded_and_cleared(db: Database) -> None:
    await db.record_guild_failure(GUILD, "Missing Access:\n cannot post in #daily", at=T0)
    settings = await db.get_guild_settings(GUILD)
    assert settings.last_failure == "Missing Access: cannot post in #daily"
    assert settings.last_failure_at == T0
    await db.update_guild_settings(GUILD, channel_id=3)  # keeps the failure
    assert (await db.get_guild_settings(GUILD)).last_failure is not None
    await db.clear_guild_failure(GUILD)
    settings = await db.get_guild_settings(GUILD)
    assert settings.last_failure is None and settings.last_failure_at is None
    assert settings.channel_id == 3


async def test_a_guild_gets_at_most_one_post_per_local_date(db: Database) -> None:
    results = await asyncio.gather(
        *(db.claim_daily_post(GUILD, D1, f"q{i}", 10) for i in range(20))
    )
    assert sorted(results) == [False] * 19 + [True]
    assert await db.claim_daily_post(GUILD, D1 + timedelta(days=1), "q-next", 10)
    assert await db.claim_daily_post(GUILD + 1, D1, "q-other-guild", 20)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await db._conn.execute(
            "INSERT INTO daily_posts (guild_id, local_date, question_id, channel_id, created_at)"
            " VALUES (?, ?, 'q', 1, 'x')",
            (GUILD, D1.isoformat()),
        )


async def test_daily_post_ids_and_lookups(db: Database) -> None:
    assert await db.claim_daily_post(GUILD, D1, "q1", 10, now=T0)
    assert await db.set_daily_post_ids(GUILD, D1, message_id=1000, thread_id=2000)
    post = await db.get_daily_post(GUILD, D1)
    assert (post.question_id, post.message_id, post.thread_id, post.created_at) == (
        "q1", 1000, 2000, T0,
    )
    assert await db.daily_post_by_thread(2000) == post
    assert await db.daily_post_by_message(1000) == post
    assert await db.daily_post_by_thread(1) is None
    await db.claim_daily_post(GUILD, D1 + timedelta(days=2), "q3", 10)
    await db.claim_daily_post(GUILD, D1 + timedelta(days=1), "q2", 10)
    assert (await db.last_daily_post(GUILD)).question_id == "q3"
    history = await db.guild_question_history(GUILD)
    assert [(h.question_id, h.local_date) for h in history] == [
        ("q3", D1 + timedelta(days=2)),
        ("q2", D1 + timedelta(days=1)),
        ("q1", D1),
    ]
    assert len(await db.guild_question_history(GUILD, limit=2)) == 2
    assert await db.guild_question_history(GUILD + 1) == []
    assert await db.last_daily_post(GUILD + 1) is None


async def test_a_failed_post_can_release_its_claim_but_a_sent_one_cannot(db: Database) -> None:
    await db.claim_daily_post(GUILD, D1, "q1", 10)
    assert await db.release_daily_post(GUILD, D1)
    assert await db.claim_daily_post(GUILD, D1, "q1-again", 10)
    await db.set_daily_post_ids(GUILD, D1, 5, None)
    assert not await db.release_daily_post(GUILD, D1)
    assert not await db.claim_daily_post(GUILD, D1, "q1-third", 10)


async def test_guild_questions_add_list_remove_and_ids_are_never_reused(db: Database) -> None:
    first = await db.add_guild_question(
        GUILD, "  Tell me about a cost cut.  ", ["frugality"], ALICE
    )
    assert first.id.startswith("custom-") and first.text == "Tell me about a cost cut."
    assert first.principles == ["frugality"] and first.added_by == ALICE
    second = await db.add_guild_question(GUILD, "A big bet?", ["think-big", "ownership"], None)
    await db.add_guild_question(GUILD + 1, "Elsewhere", ["dive-deep"], ALICE)
    assert [q.id for q in await db.list_guild_questions(GUILD)] == [first.id, second.id]
    assert await db.get_guild_question(GUILD, first.id) == first
    assert await db.get_guild_question(GUILD + 1, first.id) is None
    assert not await db.remove_guild_question(GUILD + 1, first.id)  # not that guild's
    assert not await db.remove_guild_question(GUILD, "q-ownership-1")  # not a custom id
    assert await db.remove_guild_question(GUILD, second.id)
    third = await db.add_guild_question(GUILD, "Another", ["earn-trust"], ALICE)
    assert third.id not in {first.id, second.id}
    assert [q.id for q in await db.list_guild_questions(GUILD)] == [first.id, third.id]
    with pytest.raises(ValueError, match="unknown principle"):
        await db.add_guild_question(GUILD, "x", ["synergy"], ALICE)
    with pytest.raises(ValueError, match="text"):
        await db.add_guild_question(GUILD, "   ", ["frugality"], ALICE)
