"""Export everything about one user; delete everything about one user."""

from __future__ import annotations

import json

from bot.storage import Database
from tests.storage.factories import ALICE, BOB, CAROL, GUILD, T0, new_answer


async def populate(db: Database) -> dict[str, int]:
    """Alice and Bob answer and review each other; Carol comments."""
    alice_answer, _ = await db.add_answer(
        new_answer(user_id=ALICE, analysis_json='{"score": 71, "star": {"s": true}}')
    )
    bob_answer, _ = await db.add_answer(new_answer(user_id=BOB))
    await db.add_follow_up(alice_answer.id, "Result?", "Saved 3 days", "{}", 60, message_id=1)
    await db.add_answer_part(alice_answer.id, 9001, "and the second message", T0)
    await db.upsert_review(alice_answer.id, BOB, 4, 4, 4, 4, "solid")
    await db.upsert_review(bob_answer.id, ALICE, 2, 2, 2, 2, "thin on results")
    await db.upsert_review(bob_answer.id, CAROL, 4, 4, 4, 4)
    await db.add_peer_comment(alice_answer.id, CAROL, "Nice", message_id=2)
    await db.add_peer_comment(bob_answer.id, ALICE, "Add numbers", message_id=3)
    await db.set_preferences(ALICE, feedback_mode="dm", timezone="Europe/Paris")
    await db.add_story(ALICE, "Outage", ["ownership"], "I fixed it.")
    await db.add_guild_question(GUILD, "Alice's question", ["frugality"], ALICE)
    return {"alice_answer": alice_answer.id, "bob_answer": bob_answer.id}


async def test_export_has_everything_about_the_user_and_is_json(db: Database) -> None:
    ids = await populate(db)
    export = await db.export_user(ALICE)
    text = json.dumps(export)  # JSON-serialisable
    assert export["user_id"] == ALICE
    [answer] = export["answers"]
    assert answer["id"] == ids["alice_answer"]
    assert answer["analysis"] == {"score": 71, "star": {"s": True}}
    assert [f["text"] for f in answer["follow_ups"]] == ["Saved 3 days"]
    assert [(p["message_id"], p["text"]) for p in answer["parts"]] == [
        (9001, "and the second message")
    ]
    assert [r["comment"] for r in answer["reviews_received"]] == ["solid"]
    assert [c["text"] for c in answer["comments_received"]] == ["Nice"]
    # other members' ids are not part of Alice's export
    assert str(BOB) not in text and str(CAROL) not in text
    assert [r["comment"] for r in export["reviews_written"]] == ["thin on results"]
    assert [c["text"] for c in export["comments_written"]] == ["Add numbers"]
    assert export["preferences"]["timezone"] == "Europe/Paris"
    assert [s["title"] for s in export["stories"]] == ["Outage"]
    assert [q["text"] for q in export["guild_questions_added"]] == ["Alice's question"]


async def test_export_of_a_terminal_user_includes_the_name(db: Database) -> None:
    uid = await db.local_user_id("zoe")
    await db.add_answer(new_answer(user_id=uid, guild_id=None, source="terminal"))
    export = await db.export_user(uid)
    assert export["terminal_user"]["name"] == "zoe" and len(export["answers"]) == 1


async def test_delete_user_removes_everything_about_them_and_nothing_else(db: Database) -> None:
    ids = await populate(db)
    counts = await db.delete_user(ALICE)
    assert counts == {
        "answer_parts": 1,
        "follow_ups": 1,
        "reviews_received": 1,
        "comments_received": 1,
        "reviews_written": 1,
        "comments_written": 1,
        "answers": 1,
        "stories": 1,
        "preferences": 1,
        "guild_questions_anonymised": 1,
        "terminal_user": 0,
    }
    after = await db.export_user(ALICE)
    assert after["answers"] == after["reviews_written"] == after["comments_written"] == []
    assert after["stories"] == after["guild_questions_added"] == []
    assert after["preferences"] is None
    assert str(ALICE) not in json.dumps(await db.export_user(BOB))
    # Bob keeps his answer, Carol's review of it; Alice's review of it is gone, so
    # Bob's peer mean is now Carol's alone.
    assert await db.get_answer(ids["bob_answer"]) is not None
    [row] = await db.coverage_rows(BOB)
    assert row.peer_rating_mean == 4.0
    assert [r.reviewer_id for r in await db.list_reviews(ids["bob_answer"])] == [CAROL]
    assert await db.list_peer_comments(ids["bob_answer"]) == []
    # The guild keeps the question, without its author.
    [question] = await db.list_guild_questions(GUILD)
    assert question.text == "Alice's question" and question.added_by is None
    assert [e.user_id for e in await db.guild_leaderboard(GUILD, row.local_date)] == [BOB]
    # Deleting again is harmless.
    assert set((await db.delete_user(ALICE)).values()) == {0}


async def test_deleting_a_terminal_user_forgets_the_name(db: Database) -> None:
    uid = await db.local_user_id("zoe")
    await db.add_answer(new_answer(user_id=uid, guild_id=None, source="terminal"))
    counts = await db.delete_user(uid)
    assert counts["terminal_user"] == 1 and counts["answers"] == 1
    assert await db.local_user_name(uid) is None
    fresh = await db.local_user_id("zoe")
    assert fresh != uid  # ids are never handed out again
    assert await db.coverage_rows(fresh) == []
