"""Shared plumbing for the repository mixins: the connection, the lock, transactions."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage.errors import ConstraintError, StorageError
from bot.storage.models import utc_text

Params = Sequence[Any] | dict[str, Any]


def describe_error(path: Path | str, exc: BaseException) -> str:
    """One human-readable line for an error touching the database file at ``path``."""
    text = str(exc).strip() or type(exc).__name__
    low = text.lower()
    if isinstance(exc, IsADirectoryError) or "is a directory" in low:
        return f"database path {path} is a directory; point STARCOACH_DB at a file path"
    if (isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error)) or any(
        key in low
        for key in ("unable to open", "readonly", "read-only", "permission", "not a directory")
    ):
        return (
            f"cannot open database {path} for writing ({text}); make the file and its "
            f"folder writable or set STARCOACH_DB to a writable path"
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return (
            f"database {path} is corrupt or not a STAR Coach database ({text}); move it "
            f"aside or restore a backup made with `python -m bot db backup`"
        )
    if "locked" in low or "busy" in low:
        return (
            f"database {path} is locked by another program ({text}); stop the other "
            f"STAR Coach process or try again"
        )
    if "disk" in low and ("full" in low or "i/o" in low):
        return f"cannot write database {path} ({text}); check free disk space and the device"
    return f"database {path}: {text}"


def now_utc() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


def ts(value: datetime | None) -> str | None:
    """Aware datetime -> stored text (None stays None)."""
    return None if value is None else utc_text(value)


def ds(value: date | None) -> str | None:
    """Date -> stored text (None stays None)."""
    return None if value is None else value.isoformat()


def dump_ids(values: Iterable[str]) -> str:
    """Principle ids -> stored JSON array."""
    return json.dumps(list(values), separators=(",", ":"))


def load_ids(text: str | None) -> list[str]:
    """Stored JSON array -> principle ids."""
    return list(id_tuple(text)) if text else []


@lru_cache(maxsize=4096)
def id_tuple(text: str) -> tuple[str, ...]:
    """Stored JSON array -> principle ids as a tuple (cached: few distinct values)."""
    return tuple(json.loads(text))


class Repository:
    """Base of every repository mixin; :class:`bot.storage.Database` brings them together.

    All statements go through one aiosqlite connection (one thread). ``_lock`` keeps each
    transaction whole when many tasks share that connection: without it, task A's
    ``COMMIT`` could commit half of task B's work.
    """

    _conn: aiosqlite.Connection
    _lock: asyncio.Lock
    _path: Path
    #: Operations that hold or wait for the connection (see ``add_answer``'s group commit).
    _busy: int = 0

    def _storage_error(self, exc: BaseException) -> StorageError:
        if isinstance(exc, sqlite3.IntegrityError):
            return ConstraintError(f"database {self._path}: constraint failed ({exc})")
        return StorageError(describe_error(self._path, exc))

    @asynccontextmanager
    async def _locked(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection to ourselves, no transaction: reads, or one self-contained statement
        (SQLite makes a single statement atomic, triggers included)."""
        self._busy += 1
        try:
            async with self._lock:
                try:
                    yield self._conn
                except sqlite3.Error as exc:
                    raise self._storage_error(exc) from exc
        finally:
            self._busy -= 1

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``); rolled back on error."""
        self._busy += 1
        try:
            async with self._lock:
                try:
                    await self._conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield self._conn
                        await self._conn.execute("COMMIT")
                    except BaseException:
                        # Awaited directly (not shielded): the ROLLBACK is queued on the
                        # connection thread before this coroutine can be interrupted, so it
                        # runs before any later task's BEGIN even if we are cancelled again.
                        with suppress(sqlite3.Error):
                            await self._rollback()
                        raise
                except sqlite3.Error as exc:
                    raise self._storage_error(exc) from exc
        finally:
            self._busy -= 1

    async def _rollback(self) -> None:
        with suppress(sqlite3.OperationalError):  # "no transaction is active"
            await self._conn.execute("ROLLBACK")

    @staticmethod
    async def _all(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await conn.execute_fetchall(sql, params))

    @staticmethod
    async def _one(
        conn: aiosqlite.Connection, sql: str, params: Params = ()
    ) -> sqlite3.Row | None:
        rows = await conn.execute_fetchall(sql, params)
        for row in rows:
            return row
        return None

    @staticmethod
    async def _run(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> int:
        """Execute one statement; return the number of rows it changed."""
        async with conn.execute(sql, params) as cursor:
            return cursor.rowcount
