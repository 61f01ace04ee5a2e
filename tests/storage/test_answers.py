"""Answers: idempotent re-delivery, edits, cascading deletes, follow-ups, peer comments."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from bot.storage import AnswerNotFoundError, ConstraintError, Database, StorageError
from tests.storage.factories import ALICE, BOB, CAROL, GUILD, T0, new_answer


async def count(db: Database, table: str) -> int:
    """Rows in a table (tests only)."""
    async with db._conn.execute(f"SELECT count(*) FROM {table}") as cursor:
        return (await cursor.fetchone())[0]


async def test_add_answer_round_trips_every_field(db: Database) -> None:
    new = new_answer(principle_ids=["dive-deep", "ownership"], score=83, star_complete=False)
    stored, created = await db.add_answer(new)
    assert created
    again = await db.get_answer(stored.id)
    assert again == stored
    assert again.principle_ids == ["dive-deep", "ownership"]  # order kept
    assert (again.score, again.star_complete, again.source) == (83, False, "daily")
    assert again.created_at == T0 and again.created_at.tzinfo is not None
    assert again.message_id == new.message_id
    assert await db.get_answer_by_message(new.message_id) == stored


async def test_a_redelivered_message_never_creates_a_second_answer(db: Database) -> None:
    first, created = await db.add_answer(new_answer(message_id=77, text="original"))
    assert created
    second, created_again = await db.add_answer(new_answer(message_id=77, text="replayed"))
    assert not created_again
    assert second.id == first.id and second.text == "original"
    assert await count(db, "answers") == 1


async def test_answers_without_message_id_are_all_kept(db: Database) -> None:
    for _ in range(3):
        _, created = await db.add_answer(
            new_answer(message_id=None, guild_id=None, source="terminal")
        )
        assert created
    assert await count(db, "answers") == 3


async def test_an_edit_updates_text_analysis_score_and_edit_time(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer(message_id=10, score=40, star_complete=False))
    edited_at = T0 + timedelta(minutes=5)
    updated = await db.update_answer_by_message(
        10,
        text="better text",
        analysis_json='{"score": 90}',
        score=90,
        star_complete=True,
        edited_at=edited_at,
    )
    assert updated is not None and updated.id == stored.id
    assert (updated.text, updated.analysis_json, updated.score) == (
        "better text",
        '{"score": 90}',
        90,
    )
    assert updated.star_complete and updated.edited_at == edited_at
    assert updated.created_at == stored.created_at
    assert await db.get_answer(stored.id) == updated
    rows = await db.coverage_rows(ALICE)
    assert [r.score for r in rows] == [90]


async def test_editing_an_unknown_message_returns_none(db: Database) -> None:
    result = await db.update_answer_by_message(
        999, text="x", analysis_json="{}", score=1, star_complete=False, edited_at=T0
    )
    assert result is None


async def test_an_edit_can_change_the_principles(db: Database) -> None:
    await db.add_answer(new_answer(message_id=10, principle_ids=["ownership"]))
    await db.update_answer_by_message(
        10,
        text="x",
        analysis_json="{}",
        score=50,
        star_complete=True,
        edited_at=T0,
        principle_ids=["frugality", "think-big"],
    )
    board = await db.guild_leaderboard(GUILD, T0.date())
    assert board[0].principles_covered == 2
    assert (await db.get_answer_by_message(10)).principle_ids == ["frugality", "think-big"]


async def test_deleting_an_answer_removes_what_hangs_off_it(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer(message_id=10))
    other, _ = await db.add_answer(new_answer(message_id=11, user_id=BOB))
    await db.add_follow_up(stored.id, "What was the result?", "We saved 20%", "{}", 60, 12)
    await db.upsert_review(stored.id, BOB, 4, 4, 4, 4, "good")
    await db.add_peer_comment(stored.id, CAROL, "Nice one", message_id=13)
    await db.upsert_review(other.id, ALICE, 3, 3, 3, 3)  # on someone else's answer: stays

    assert await db.delete_answer_by_message(10)
    assert await db.get_answer(stored.id) is None
    assert await db.list_follow_ups(stored.id) == []
    assert await db.list_reviews(stored.id) == []
    assert await db.list_peer_comments(stored.id) == []
    assert await count(db, "follow_ups") == 0
    assert await count(db, "peer_comments") == 0
    assert await count(db, "reviews") == 1
    assert await db.get_answer(other.id) is not None
    assert not await db.delete_answer_by_message(10)  # already gone
    board = await db.guild_leaderboard(GUILD, T0.date())
    assert [e.user_id for e in board] == [BOB]


async def test_feedback_message_finds_the_answer(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer())
    assert await db.answer_by_feedback_message(4242) is None
    assert await db.set_feedback_message(stored.id, 4242)
    found = await db.answer_by_feedback_message(4242)
    assert found is not None and found.id == stored.id and found.feedback_message_id == 4242
    assert not await db.set_feedback_message(12345, 1)  # unknown answer


async def test_follow_ups_are_idempotent_on_message_id(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer())
    first = await db.add_follow_up(stored.id, "And?", "It worked", '{"a": 1}', 65, message_id=7)
    again = await db.add_follow_up(stored.id, "And?", "Replayed", "{}", 10, message_id=7)
    assert again == first and again.text == "It worked"
    no_id = await db.add_follow_up(stored.id, "Why?", "Because", "{}", 50)
    assert no_id.message_id is None
    assert [f.id for f in await db.list_follow_ups(stored.id)] == [first.id, no_id.id]
    assert (await db.follow_up_by_message(7)).answer_id == stored.id
    assert await db.delete_follow_up_by_message(7)
    assert await db.follow_up_by_message(7) is None


async def test_follow_up_for_a_missing_answer_is_refused(db: Database) -> None:
    with pytest.raises(AnswerNotFoundError):
        await db.add_follow_up(999, "probe", "text", "{}", 50)


async def test_peer_comments_are_idempotent_and_editable(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer())
    comment, created = await db.add_peer_comment(stored.id, BOB, "Great metrics", message_id=5)
    assert created and comment.author_id == BOB
    again, created_again = await db.add_peer_comment(stored.id, BOB, "dupe", message_id=5)
    assert not created_again and again == comment
    edited = await db.update_peer_comment_by_message(5, "Great metrics!", T0)
    assert edited is not None and edited.text == "Great metrics!" and edited.edited_at == T0
    assert [c.text for c in await db.list_peer_comments(stored.id)] == ["Great metrics!"]
    assert await db.delete_peer_comment_by_message(5)
    assert await db.list_peer_comments(stored.id) == []
    with pytest.raises(AnswerNotFoundError):
        await db.add_peer_comment(999, BOB, "x", message_id=6)


async def test_local_date_follows_the_guild_time_zone(db: Database) -> None:
    await db.update_guild_settings(GUILD, timezone="America/Los_Angeles")
    late_evening_la = datetime(2024, 5, 2, 3, 0, tzinfo=UTC)  # 20:00 on May 1 in LA
    stored, _ = await db.add_answer(new_answer(created_at=late_evening_la))
    assert stored.local_date == date(2024, 5, 1)


async def test_local_date_follows_the_user_zone_outside_a_guild(db: Database) -> None:
    await db.set_preferences(ALICE, timezone="Asia/Tokyo")
    stored, _ = await db.add_answer(
        new_answer(guild_id=None, source="drill", created_at=datetime(2024, 5, 1, 20, tzinfo=UTC))
    )
    assert stored.local_date == date(2024, 5, 2)  # 05:00 next day in Tokyo


async def test_local_date_defaults_to_the_given_zone_and_can_be_explicit(db: Database) -> None:
    berlin = datetime(2024, 5, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    stored, _ = await db.add_answer(new_answer(guild_id=None, user_id=-1, created_at=berlin))
    assert stored.local_date == date(2024, 5, 1)
    explicit, _ = await db.add_answer(new_answer(local_date=date(2020, 1, 1)))
    assert explicit.local_date == date(2020, 1, 1)


def test_new_answer_validation() -> None:
    with pytest.raises(ValidationError, match="timezone"):
        new_answer(created_at=datetime(2024, 5, 1, 12))  # noqa: DTZ001 - naive on purpose
    with pytest.raises(ValidationError, match="unknown principle"):
        new_answer(principle_ids=["synergy"])
    with pytest.raises(ValidationError):
        new_answer(score=101)
    with pytest.raises(ValidationError):
        new_answer(source="email")
    assert new_answer(principle_ids=["ownership", "ownership"]).principle_ids == ["ownership"]


async def test_invalid_edits_are_refused(db: Database) -> None:
    await db.add_answer(new_answer(message_id=10))
    with pytest.raises(ValueError, match="0-100"):
        await db.update_answer_by_message(
            10, text="x", analysis_json="{}", score=150, star_complete=True, edited_at=T0
        )
    with pytest.raises(ValueError, match="naive"):
        await db.update_answer_by_message(
            10,
            text="x",
            analysis_json="{}",
            score=50,
            star_complete=True,
            edited_at=datetime(2024, 1, 1),  # noqa: DTZ001 - naive on purpose
        )


async def test_schema_rejects_bad_rows_even_bypassing_the_models(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        await db._conn.execute(
            "INSERT INTO answers (user_id, source, score, star_complete, local_date, created_at,"
            " text, analysis_json) VALUES (1, 'daily', 101, 1, '2024-01-01', 'x', 't', '{}')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        await db._conn.execute(
            "INSERT INTO answers (user_id, source, principle_ids, score, star_complete,"
            " local_date, created_at, text, analysis_json)"
            " VALUES (1, 'daily', 'not json', 50, 1, '2024-01-01', 'x', 't', '{}')"
        )


async def test_constraint_errors_surface_as_storage_errors(db: Database) -> None:
    a, _ = await db.add_answer(new_answer())
    b, _ = await db.add_answer(new_answer())
    await db.set_feedback_message(a.id, 1)
    with pytest.raises(ConstraintError):
        await db.set_feedback_message(b.id, 1)  # feedback message ids are unique


async def test_bulk_add_follows_the_same_rules(db: Database) -> None:
    await db.update_guild_settings(GUILD, timezone="America/Los_Angeles")
    existing, _ = await db.add_answer(new_answer(message_id=1, text="first"))
    answers = [
        new_answer(message_id=i, created_at=datetime(2024, 5, 2, 3, tzinfo=UTC), text=f"n{i}")
        for i in range(1, 26)
    ]
    stored = await db.add_answers_bulk([*answers, new_answer(message_id=2)], batch_size=7)
    assert stored == 24  # message 1 was already there, message 2 came twice
    assert (await db.get_answer_by_message(1)).text == "first"
    assert (await db.get_answer_by_message(25)).local_date == date(2024, 5, 1)  # LA evening
    assert await count(db, "answers") == 25
    board = await db.guild_leaderboard(GUILD, date(2024, 5, 1))
    assert board[0].principles_covered == 1
    assert existing.id == (await db.get_answer_by_message(1)).id


# ------------------------------------------------------------------ group commit


async def _queued(db: Database, news: list) -> list[asyncio.Task]:
    """Start add_answer calls while the connection is busy, so that they queue up."""
    tasks = [asyncio.create_task(db.add_answer(n)) for n in news]
    for _ in range(3):
        await asyncio.sleep(0)
    assert not any(t.done() for t in tasks)
    assert len(db._answer_queue) == len(news)
    return tasks


async def test_answers_arriving_while_busy_are_written_together(db: Database) -> None:
    async with db._locked():
        tasks = await _queued(
            db, [new_answer(message_id=500 + i % 10, text=f"copy {i}") for i in range(30)]
        )
    results = await asyncio.gather(*tasks)
    assert sum(created for _, created in results) == 10  # one per distinct message id
    for i, (answer, _) in enumerate(results):
        assert answer.message_id == 500 + i % 10
        assert answer.text == f"copy {i % 10}"  # the first copy won
    assert await count(db, "answers") == 10
    again, created = await db.add_answer(new_answer(message_id=505))
    assert not created and again.text == "copy 5"


async def test_a_failed_batch_is_retried_answer_by_answer(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(batch: list) -> list:
        async with db._writing():  # take the queue, then fail the transaction
            batch.extend(db._answer_queue)
            db._answer_queue.clear()
            raise ConstraintError("simulated")

    monkeypatch.setattr(db, "_write_answer_batch", broken)
    async with db._locked():
        tasks = await _queued(db, [new_answer(message_id=600 + i) for i in range(5)])
    results = await asyncio.gather(*tasks)
    assert [created for _, created in results] == [True] * 5
    assert await count(db, "answers") == 5


async def test_queued_answers_fail_cleanly_when_the_writer_is_cancelled(db: Database) -> None:
    async with db._locked():
        tasks = await _queued(db, [new_answer() for _ in range(3)])
        db._answer_flush.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, StorageError) for r in results)
    assert db._answer_queue == []
    _, created = await db.add_answer(new_answer())  # and the next one works
    assert created


async def test_close_waits_for_queued_answers(db_path: Path) -> None:
    database = await Database.open(db_path)
    async with database._locked():
        tasks = await _queued(database, [new_answer(message_id=700 + i) for i in range(4)])
    await database.close()
    assert all(created for _, created in await asyncio.gather(*tasks))
    reopened = await Database.open(db_path)
    try:
        assert await count(reopened, "answers") == 4
    finally:
        await reopened.close()


async def test_what_an_answer_counts_for_cannot_be_rewritten(db: Database) -> None:
    stored, _ = await db.add_answer(new_answer())
    for column, value in (("local_date", "2020-01-01"), ("user_id", BOB), ("source", "drill")):
        with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
            await db._conn.execute(
                f"UPDATE answers SET {column} = ? WHERE id = ?", (value, stored.id)
            )
    assert await db.get_answer(stored.id) == stored
