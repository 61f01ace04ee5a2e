"""Guild settings (daily-question schedule, last failure) and guild custom questions."""

from __future__ import annotations

import sqlite3
from datetime import datetime, time
from enum import Enum
from typing import Any

from bot.storage.base import Repository, dump_ids, load_ids, now_utc, ts
from bot.storage.models import GuildQuestion, GuildSettings, check_principle_ids

SETTINGS_COLUMNS = (
    "guild_id, channel_id, post_time, timezone, days, paused, ping_role_id, last_failure, "
    "last_failure_at, updated_at"
)
QUESTION_COLUMNS = "id, guild_id, text, principle_ids, added_by, created_at"
CUSTOM_PREFIX = "custom-"
#: Longest failure text kept (it is shown in /daily status).
MAX_FAILURE_CHARS = 500


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET


def days_to_mask(days: tuple[int, ...]) -> int:
    """Weekday numbers (0 = Monday) -> bit mask (bit 0 = Monday)."""
    mask = 0
    for day in days:
        mask |= 1 << day
    return mask


def mask_to_days(mask: int) -> tuple[int, ...]:
    """Bit mask (bit 0 = Monday) -> weekday numbers."""
    return tuple(day for day in range(7) if mask & (1 << day))


def settings_from_row(row: sqlite3.Row) -> GuildSettings:
    """Guild settings from a row selected with :data:`SETTINGS_COLUMNS`."""
    hour, minute = (int(part) for part in row["post_time"].split(":"))
    return GuildSettings(
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        post_time=time(hour, minute),
        timezone=row["timezone"],
        days=mask_to_days(row["days"]),
        paused=bool(row["paused"]),
        ping_role_id=row["ping_role_id"],
        last_failure=row["last_failure"],
        last_failure_at=row["last_failure_at"],
        updated_at=row["updated_at"],
    )


def question_from_row(row: sqlite3.Row) -> GuildQuestion:
    """A guild question from a row selected with :data:`QUESTION_COLUMNS`."""
    return GuildQuestion(
        id=f"{CUSTOM_PREFIX}{row['id']}",
        guild_id=row["guild_id"],
        text=row["text"],
        principle_ids=load_ids(row["principle_ids"]),
        added_by=row["added_by"],
        created_at=row["created_at"],
    )


def parse_custom_id(question_id: str) -> int | None:
    """``custom-17`` -> 17; None for anything else."""
    if not question_id.startswith(CUSTOM_PREFIX):
        return None
    number = question_id[len(CUSTOM_PREFIX) :]
    return int(number) if number.isdigit() else None


class GuildRepository(Repository):
    """Per-guild settings and custom questions."""

    async def get_guild_settings(self, guild_id: int) -> GuildSettings | None:
        """The guild's settings, or None if it never configured anything."""
        async with self._locked() as conn:
            row = await self._one(
                conn, f"SELECT {SETTINGS_COLUMNS} FROM guild_settings WHERE guild_id = ?",
                (guild_id,),
            )
        return settings_from_row(row) if row else None

    async def list_guild_settings(self) -> list[GuildSettings]:
        """Every configured guild (the scheduler asks which of them are due)."""
        async with self._locked() as conn:
            rows = await self._all(
                conn, f"SELECT {SETTINGS_COLUMNS} FROM guild_settings ORDER BY guild_id"
            )
        return [settings_from_row(r) for r in rows]

    async def update_guild_settings(
        self,
        guild_id: int,
        *,
        channel_id: int | _Unset | None = UNSET,
        post_time: time | str | _Unset = UNSET,
        timezone: str | _Unset = UNSET,
        days: tuple[int, ...] | list[int] | _Unset = UNSET,
        paused: bool | _Unset = UNSET,
        ping_role_id: int | _Unset | None = UNSET,
        now: datetime | None = None,
    ) -> GuildSettings:
        """Change some settings (create the row with defaults first if needed).

        Only the arguments given change; pass ``None`` to clear the channel or ping role.
        Raises ``ValueError`` for an unknown time zone, a bad time or bad weekdays.
        """
        changes: dict[str, Any] = {
            name: value
            for name, value in (
                ("channel_id", channel_id),
                ("post_time", post_time),
                ("timezone", timezone),
                ("days", days),
                ("paused", paused),
                ("ping_role_id", ping_role_id),
            )
            if value is not UNSET
        }
        stamp = now or now_utc()
        async with self._writing() as conn:
            row = await self._one(
                conn, f"SELECT {SETTINGS_COLUMNS} FROM guild_settings WHERE guild_id = ?",
                (guild_id,),
            )
            current = settings_from_row(row) if row else GuildSettings(guild_id=guild_id)
            new = GuildSettings.model_validate(
                {**current.model_dump(), **changes, "updated_at": stamp}
            )
            await self._run(
                conn,
                """
                INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, days,
                                            paused, ping_role_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (guild_id) DO UPDATE SET
                    channel_id = excluded.channel_id, post_time = excluded.post_time,
                    timezone = excluded.timezone, days = excluded.days,
                    paused = excluded.paused, ping_role_id = excluded.ping_role_id,
                    updated_at = excluded.updated_at
                """,
                (
                    guild_id,
                    new.channel_id,
                    new.post_time.strftime("%H:%M"),
                    new.timezone,
                    days_to_mask(new.days),
                    int(new.paused),
                    new.ping_role_id,
                    ts(stamp),
                ),
            )
        return new

    async def record_guild_failure(
        self, guild_id: int, message: str, *, at: datetime | None = None
    ) -> None:
        """Remember why the last daily post failed (shown in /daily status)."""
        text = " ".join(message.split())[:MAX_FAILURE_CHARS]
        stamp = ts(at or now_utc())
        async with self._locked() as conn:
            await self._run(
                conn,
                """
                INSERT INTO guild_settings (guild_id, last_failure, last_failure_at, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (guild_id) DO UPDATE SET
                    last_failure = excluded.last_failure,
                    last_failure_at = excluded.last_failure_at
                """,
                (guild_id, text, stamp, stamp),
            )

    async def clear_guild_failure(self, guild_id: int) -> None:
        """Forget the last failure (after a successful post)."""
        async with self._locked() as conn:
            await self._run(
                conn,
                "UPDATE guild_settings SET last_failure = NULL, last_failure_at = NULL"
                " WHERE guild_id = ?",
                (guild_id,),
            )

    async def delete_guild_settings(self, guild_id: int) -> bool:
        """Forget a guild's settings (e.g. when the bot leaves it)."""
        async with self._locked() as conn:
            sql = "DELETE FROM guild_settings WHERE guild_id = ?"
            return await self._run(conn, sql, (guild_id,)) > 0

    # ---------------------------------------------------------- custom questions

    async def add_guild_question(
        self,
        guild_id: int,
        text: str,
        principle_ids: list[str],
        added_by: int | None,
        *,
        created_at: datetime | None = None,
    ) -> GuildQuestion:
        """Add a guild's own question; its id is ``custom-<n>`` and is never reused."""
        ids = check_principle_ids(principle_ids)
        if not text.strip():
            raise ValueError("a question needs some text")
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"""
                INSERT INTO guild_questions (guild_id, text, principle_ids, added_by, created_at)
                VALUES (?, ?, ?, ?, ?)
                RETURNING {QUESTION_COLUMNS}
                """,
                (guild_id, text.strip(), dump_ids(ids), added_by, ts(created_at or now_utc())),
            )
        assert row is not None
        return question_from_row(row)

    async def list_guild_questions(self, guild_id: int) -> list[GuildQuestion]:
        """The guild's own questions, oldest first."""
        async with self._locked() as conn:
            rows = await self._all(
                conn,
                f"SELECT {QUESTION_COLUMNS} FROM guild_questions WHERE guild_id = ? ORDER BY id",
                (guild_id,),
            )
        return [question_from_row(r) for r in rows]

    async def get_guild_question(self, guild_id: int, question_id: str) -> GuildQuestion | None:
        """One of the guild's questions by its ``custom-<n>`` id, or None."""
        number = parse_custom_id(question_id)
        if number is None:
            return None
        async with self._locked() as conn:
            row = await self._one(
                conn,
                f"SELECT {QUESTION_COLUMNS} FROM guild_questions WHERE guild_id = ? AND id = ?",
                (guild_id, number),
            )
        return question_from_row(row) if row else None

    async def remove_guild_question(self, guild_id: int, question_id: str) -> bool:
        """Remove one of the guild's questions; False if it is not the guild's."""
        number = parse_custom_id(question_id)
        if number is None:
            return False
        async with self._locked() as conn:
            changed = await self._run(
                conn,
                "DELETE FROM guild_questions WHERE guild_id = ? AND id = ?",
                (guild_id, number),
            )
        return changed > 0
