"""Peer reviews: one per reviewer per answer, editable, never of one's own answer."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from bot.storage import AnswerNotFoundError, Database, SelfReviewError
from tests.storage.factories import ALICE, BOB, CAROL, T0, new_answer


async def test_a_second_review_by_the_same_reviewer_edits_the_first(db: Database) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    first, created = await db.upsert_review(answer.id, BOB, 2, 3, 4, 5, "ok", now=T0)
    assert created and first.mean == 3.5
    later = T0 + timedelta(hours=1)
    edited, created_again = await db.upsert_review(answer.id, BOB, 5, 5, 5, 4, "better", now=later)
    assert not created_again
    assert edited.id == first.id
    assert (edited.situation, edited.task, edited.action, edited.result) == (5, 5, 5, 4)
    assert edited.comment == "better"
    assert edited.created_at == T0 and edited.updated_at == later
    assert await db.list_reviews(answer.id) == [edited]
    assert await db.get_review(answer.id, BOB) == edited


async def test_different_reviewers_each_get_one_review(db: Database) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    await db.upsert_review(answer.id, BOB, 3, 3, 3, 3)
    await db.upsert_review(answer.id, CAROL, 5, 5, 5, 5)
    await db.upsert_review(answer.id, BOB, 4, 4, 4, 4)
    reviews = await db.list_reviews(answer.id)
    assert sorted((r.reviewer_id, r.mean) for r in reviews) == [(BOB, 4.0), (CAROL, 5.0)]
    rows = await db.coverage_rows(ALICE)
    assert (rows[0].review_count, rows[0].review_total) == (2, 16 + 20)
    assert rows[0].peer_rating_mean == 4.5


async def test_the_schema_forbids_two_reviews_by_one_reviewer(db: Database) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    await db.upsert_review(answer.id, BOB, 3, 3, 3, 3)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await db._conn.execute(
            "INSERT INTO reviews (answer_id, reviewer_id, situation, task, action, result,"
            " created_at, updated_at) VALUES (?, ?, 1, 1, 1, 1, 'x', 'x')",
            (answer.id, BOB),
        )


async def test_reviewing_your_own_answer_is_refused(db: Database) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    with pytest.raises(SelfReviewError):
        await db.upsert_review(answer.id, ALICE, 5, 5, 5, 5)
    assert await db.list_reviews(answer.id) == []


@pytest.mark.parametrize("bad", [0, 6, -1, True, 2.5])
async def test_ratings_must_be_1_to_5(db: Database, bad: object) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    with pytest.raises(ValueError, match="1 to 5"):
        await db.upsert_review(answer.id, BOB, 3, bad, 3, 3)  # type: ignore[arg-type]
    assert await db.list_reviews(answer.id) == []


async def test_reviewing_a_missing_answer_is_refused(db: Database) -> None:
    with pytest.raises(AnswerNotFoundError):
        await db.upsert_review(12345, BOB, 3, 3, 3, 3)


async def test_a_review_can_be_withdrawn(db: Database) -> None:
    answer, _ = await db.add_answer(new_answer(user_id=ALICE))
    await db.upsert_review(answer.id, BOB, 3, 3, 3, 3)
    await db.upsert_review(answer.id, CAROL, 5, 5, 5, 5)
    assert await db.delete_review(answer.id, BOB)
    assert not await db.delete_review(answer.id, BOB)
    assert await db.get_review(answer.id, BOB) is None
    [row] = await db.coverage_rows(ALICE)
    assert (row.review_count, row.review_total, row.peer_rating_mean) == (1, 20, 5.0)
