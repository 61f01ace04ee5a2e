"""Export everything about one user; delete everything about one user.

What counts as "about the user" (see docs/privacy.md for the reasoning):

* their answers, with their message parts, the follow-ups, the reviews and the peer
  comments on those answers (and the bot's feedback cards about them);
* the peer reviews and peer comments they wrote on other people's answers;
* their preferences, story bank and (for terminal users) their local name;
* the custom questions they added to a guild.

Deleting removes all of it, with two deliberate choices:

* **Reviews and comments they wrote on other people's answers are deleted**, not kept
  anonymously. A rating is the reviewer's opinion and the comment their words; keeping
  either would keep their data. The answer's author loses that review, and their mean peer
  rating is recomputed from the reviews that remain.
* **Custom questions they added stay with the guild, without their name** (``added_by``
  becomes NULL): the question belongs to the guild's question list and past daily posts
  refer to it, and the only personal data in it, the author, is removed.

An export lists reviews and comments *received* without the other members' user ids (those
are the other members' data); it includes the ratings, texts and times.
"""

from __future__ import annotations

import json
from typing import Any

from bot.storage.answers import ANSWER_COLUMNS, answer_from_row
from bot.storage.base import Repository, now_utc
from bot.storage.guilds import QUESTION_COLUMNS, question_from_row
from bot.storage.users import STORY_COLUMNS, story_from_row

EXPORT_FORMAT = "star-coach-user-export/1"


def _analysis(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


class PrivacyRepository(Repository):
    """User data export and erasure."""

    async def export_user(self, user_id: int) -> dict[str, Any]:
        """Everything stored about one user, as a JSON-serialisable dict."""
        async with self._locked() as conn:
            answers = await self._all(
                conn,
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE user_id = ? ORDER BY created_at, id",
                (user_id,),
            )
            follow_ups = await self._all(
                conn,
                "SELECT f.answer_id, f.probe, f.text, f.analysis_json, f.score, f.message_id,"
                " f.created_at FROM follow_ups AS f JOIN answers AS a ON a.id = f.answer_id"
                " WHERE a.user_id = ? ORDER BY f.id",
                (user_id,),
            )
            parts = await self._all(
                conn,
                "SELECT p.answer_id, p.position, p.message_id, p.text, p.created_at"
                " FROM answer_parts AS p JOIN answers AS a ON a.id = p.answer_id"
                " WHERE a.user_id = ? ORDER BY p.answer_id, p.position",
                (user_id,),
            )
            reviews_received = await self._all(
                conn,
                "SELECT r.answer_id, r.situation, r.task, r.action, r.result, r.comment,"
                " r.created_at, r.updated_at FROM reviews AS r"
                " JOIN answers AS a ON a.id = r.answer_id WHERE a.user_id = ? ORDER BY r.id",
                (user_id,),
            )
            comments_received = await self._all(
                conn,
                "SELECT c.answer_id, c.text, c.created_at, c.edited_at FROM peer_comments AS c"
                " JOIN answers AS a ON a.id = c.answer_id WHERE a.user_id = ? ORDER BY c.id",
                (user_id,),
            )
            reviews_written = await self._all(
                conn,
                "SELECT answer_id, situation, task, action, result, comment, created_at,"
                " updated_at FROM reviews WHERE reviewer_id = ? ORDER BY id",
                (user_id,),
            )
            comments_written = await self._all(
                conn,
                "SELECT answer_id, text, message_id, created_at, edited_at FROM peer_comments"
                " WHERE author_id = ? ORDER BY id",
                (user_id,),
            )
            prefs = await self._one(
                conn,
                "SELECT feedback_mode, timezone, updated_at FROM user_preferences"
                " WHERE user_id = ?",
                (user_id,),
            )
            stories = await self._all(
                conn, f"SELECT {STORY_COLUMNS} FROM stories WHERE user_id = ? ORDER BY id",
                (user_id,),
            )
            questions = await self._all(
                conn,
                f"SELECT {QUESTION_COLUMNS} FROM guild_questions WHERE added_by = ? ORDER BY id",
                (user_id,),
            )
            local = None
            if user_id < 0:
                local = await self._one(
                    conn, "SELECT name, created_at FROM local_users WHERE id = ?", (-user_id,)
                )

        by_answer: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for row in follow_ups:
            item = dict(row)
            item["analysis"] = _analysis(item.pop("analysis_json"))
            answer_id = item.pop("answer_id")
            by_answer.setdefault(answer_id, {}).setdefault("follow_ups", []).append(item)
        for key, rows in (
            ("parts", parts),
            ("reviews_received", reviews_received),
            ("comments_received", comments_received),
        ):
            for row in rows:
                item = dict(row)
                answer_id = item.pop("answer_id")
                by_answer.setdefault(answer_id, {}).setdefault(key, []).append(item)

        exported_answers = []
        for row in answers:
            answer = answer_from_row(row).model_dump(mode="json")
            answer["analysis"] = _analysis(answer.pop("analysis_json"))
            extra = by_answer.get(answer["id"], {})
            for key in ("parts", "follow_ups", "reviews_received", "comments_received"):
                answer[key] = extra.get(key, [])
            exported_answers.append(answer)

        return {
            "format": EXPORT_FORMAT,
            "user_id": user_id,
            "exported_at": now_utc().isoformat(),
            "terminal_user": dict(local) if local else None,
            "preferences": dict(prefs) if prefs else None,
            "answers": exported_answers,
            "reviews_written": [dict(r) for r in reviews_written],
            "comments_written": [dict(r) for r in comments_written],
            "stories": [story_from_row(r).model_dump(mode="json") for r in stories],
            "guild_questions_added": [
                question_from_row(r).model_dump(mode="json") for r in questions
            ],
        }

    async def delete_user(self, user_id: int) -> dict[str, int]:
        """Delete everything about one user in one transaction; returns counts removed.

        Reviews and comments the user wrote on other people's answers are deleted too;
        custom questions they added stay with the guild without their name (the count
        ``guild_questions_anonymised``). See the module docstring and docs/privacy.md.
        """
        counts: dict[str, int] = {}
        async with self._writing() as conn:

            async def count(key: str, sql: str) -> None:
                row = await self._one(conn, sql, (user_id,))
                counts[key] = int(row[0]) if row else 0

            # What hangs off their answers goes with them (ON DELETE CASCADE); count it first.
            await count(
                "answer_parts",
                "SELECT count(*) FROM answer_parts WHERE answer_id IN"
                " (SELECT id FROM answers WHERE user_id = ?)",
            )
            await count(
                "follow_ups",
                "SELECT count(*) FROM follow_ups WHERE answer_id IN"
                " (SELECT id FROM answers WHERE user_id = ?)",
            )
            await count(
                "reviews_received",
                "SELECT count(*) FROM reviews WHERE answer_id IN"
                " (SELECT id FROM answers WHERE user_id = ?)",
            )
            await count(
                "comments_received",
                "SELECT count(*) FROM peer_comments WHERE answer_id IN"
                " (SELECT id FROM answers WHERE user_id = ?)",
            )
            counts["reviews_written"] = await self._run(
                conn, "DELETE FROM reviews WHERE reviewer_id = ?", (user_id,)
            )
            counts["comments_written"] = await self._run(
                conn, "DELETE FROM peer_comments WHERE author_id = ?", (user_id,)
            )
            counts["answers"] = await self._run(
                conn, "DELETE FROM answers WHERE user_id = ?", (user_id,)
            )
            counts["stories"] = await self._run(
                conn, "DELETE FROM stories WHERE user_id = ?", (user_id,)
            )
            counts["preferences"] = await self._run(
                conn, "DELETE FROM user_preferences WHERE user_id = ?", (user_id,)
            )
            counts["guild_questions_anonymised"] = await self._run(
                conn, "UPDATE guild_questions SET added_by = NULL WHERE added_by = ?", (user_id,)
            )
            counts["terminal_user"] = (
                await self._run(conn, "DELETE FROM local_users WHERE id = ?", (-user_id,))
                if user_id < 0
                else 0
            )
        return counts

