"""Terminal users, per-user preferences and the personal story bank."""

from __future__ import annotations

import getpass
import sqlite3
from datetime import datetime

from bot.storage.base import Repository, dump_ids, load_ids, now_utc, ts
from bot.storage.models import (
    FeedbackMode,
    Story,
    UserPreferences,
    check_principle_ids,
    check_timezone,
)

STORY_COLUMNS = "id, user_id, title, principle_ids, summary, created_at"
_FEEDBACK_MODES = ("thread", "dm", "off")


def story_from_row(row: sqlite3.Row) -> Story:
    """A story from a row selected with :data:`STORY_COLUMNS`."""
    return Story(
        id=row["id"],
        user_id=row["user_id"],
        title=row["title"],
        principle_ids=load_ids(row["principle_ids"]),
        summary=row["summary"],
        created_at=row["created_at"],
    )


def default_local_name() -> str:
    """The terminal user name used when none is given: the login name, else ``me``."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):
        name = ""
    return " ".join(name.split()) or "me"


class UserRepository(Repository):
    """Everything keyed by one user that is not an answer."""

    async def local_user_id(self, name: str) -> int:
        """A stable negative user id for a terminal user name (case-insensitive).

        Negative, so it can never collide with a Discord snowflake.
        """
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("a terminal user needs a non-empty name")
        async with self._locked() as conn:
            await self._run(
                conn,
                "INSERT INTO local_users (name, created_at) VALUES (?, ?)"
                " ON CONFLICT (name) DO NOTHING",
                (clean, ts(now_utc())),
            )
            row = await self._one(conn, "SELECT id FROM local_users WHERE name = ?", (clean,))
        assert row is not None
        return -int(row[0])

    async def local_user_name(self, user_id: int) -> str | None:
        """The name behind a terminal user id, or None."""
        if user_id >= 0:
            return None
        async with self._locked() as conn:
            row = await self._one(conn, "SELECT name FROM local_users WHERE id = ?", (-user_id,))
        return row[0] if row else None

    # --------------------------------------------------------------- preferences

    async def get_preferences(self, user_id: int) -> UserPreferences:
        """The user's preferences (defaults: feedback in a thread, UTC)."""
        async with self._locked() as conn:
            row = await self._one(
                conn,
                "SELECT feedback_mode, timezone FROM user_preferences WHERE user_id = ?",
                (user_id,),
            )
        if row is None:
            return UserPreferences(user_id=user_id)
        return UserPreferences(user_id=user_id, feedback_mode=row[0], timezone=row[1])

    async def set_preferences(
        self,
        user_id: int,
        *,
        feedback_mode: FeedbackMode | None = None,
        timezone: str | None = None,
    ) -> UserPreferences:
        """Change the given preferences, keeping the others; returns the result."""
        if feedback_mode is not None and feedback_mode not in _FEEDBACK_MODES:
            raise ValueError(f"feedback mode must be one of {', '.join(_FEEDBACK_MODES)}")
        if timezone is not None:
            check_timezone(timezone)
        async with self._locked() as conn:
            row = await self._one(
                conn,
                """
                INSERT INTO user_preferences (user_id, feedback_mode, timezone, updated_at)
                VALUES (?, coalesce(?, 'thread'), coalesce(?, 'UTC'), ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    feedback_mode = coalesce(?, feedback_mode),
                    timezone = coalesce(?, timezone),
                    updated_at = excluded.updated_at
                RETURNING feedback_mode, timezone
                """,
                (user_id, feedback_mode, timezone, ts(now_utc()), feedback_mode, timezone),
            )
        assert row is not None
        return UserPreferences(user_id=user_id, feedback_mode=row[0], timezone=row[1])

    # ---------------------------------------------------------------- story bank

    async def add_story(
        self,
        user_id: int,
        title: str,
        principle_ids: list[str],
        summary: str,
        *,
        created_at: datetime | None = None,
    ) -> Story:
        """Add a story to the user's bank."""
        ids = check_principle_ids(principle_ids)
        if not title.strip():
            raise ValueError("a story needs a title")
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"""
                INSERT INTO stories (user_id, title, principle_ids, summary, created_at)
                VALUES (?, ?, ?, ?, ?)
                RETURNING {STORY_COLUMNS}
                """,
                (user_id, title.strip(), dump_ids(ids), summary.strip(),
                 ts(created_at or now_utc())),
            )
        assert row is not None
        return story_from_row(row)

    async def list_stories(self, user_id: int, principle_id: str | None = None) -> list[Story]:
        """The user's stories, oldest first; optionally only those for one principle."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                f"SELECT {STORY_COLUMNS} FROM stories WHERE user_id = ? ORDER BY id",
                (user_id,),
            )
        stories = [story_from_row(r) for r in rows]
        if principle_id is not None:
            stories = [s for s in stories if principle_id in s.principle_ids]
        return stories

    async def remove_story(self, user_id: int, story_id: int) -> bool:
        """Remove one of the user's own stories; False if it is not theirs."""
        async with self._locked() as conn:
            changed = await self._run(
                conn, "DELETE FROM stories WHERE id = ? AND user_id = ?", (story_id, user_id)
            )
        return changed > 0
