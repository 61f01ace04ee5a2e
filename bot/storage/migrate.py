"""Numbered SQL migrations, applied in one transaction, tracked with ``PRAGMA user_version``.

Files live in ``bot/storage/migrations/`` and are named ``NNNN_description.sql``; the
numbers must run 1, 2, 3, ... without gaps. A database at version *v* gets every file
numbered above *v*, in order, inside a single ``BEGIN IMMEDIATE`` transaction that also
sets ``user_version``; if any statement fails, nothing is applied. Never edit a migration
that has shipped: add the next number instead.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import aiosqlite

from bot.storage.errors import StorageError

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered migration file."""

    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file split into complete SQL statements (triggers stay whole)."""
        statements: list[str] = []
        buffer = ""
        for line in self.sql.splitlines(keepends=True):
            buffer += line
            if sqlite3.complete_statement(buffer):
                statement = buffer.strip()
                if _has_code(statement):
                    statements.append(statement)
                buffer = ""
        if _has_code(buffer):
            raise ValueError(f"migration {self.version:04d}_{self.name}: unterminated statement")
        return statements


def _has_code(text: str) -> bool:
    """True if ``text`` has anything besides whitespace and ``--`` comments."""
    return any(
        line.strip() and not line.strip().startswith("--") for line in text.splitlines()
    )


def load_migrations(directory: Path | None = None) -> list[Migration]:
    """Read the migration files, checking that they are numbered 1..N without gaps."""
    if directory is None:
        return list(_packaged_migrations())
    return _read_dir(directory)


@cache
def _packaged_migrations() -> tuple[Migration, ...]:
    folder = resources.files("bot.storage").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return tuple(_checked(found))


def _read_dir(directory: Path) -> list[Migration]:
    found = []
    for entry in directory.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return _checked(found)


def _checked(found: list[Migration]) -> list[Migration]:
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError(
            f"migration files must be numbered 1..{len(found)} without gaps, "
            f"found {[m.version for m in found]}"
        )
    return found


def latest_version() -> int:
    """The schema version this program creates."""
    return len(_packaged_migrations())


async def schema_version(conn: aiosqlite.Connection) -> int:
    """The database's ``PRAGMA user_version``."""
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def apply_migrations(
    conn: aiosqlite.Connection,
    *,
    migrations: list[Migration] | None = None,
    target: int | None = None,
    label: str = "database",
) -> tuple[int, int]:
    """Bring the database up to ``target`` (default: the newest) in one transaction.

    Returns ``(version before, version after)``. The connection must be in autocommit
    mode (``isolation_level=None``). Raises :class:`StorageError` when the database is
    newer than this program.
    """
    if migrations is None:
        migrations = load_migrations()
    newest = len(migrations)
    target = newest if target is None else target
    if not 0 <= target <= newest:
        raise ValueError(f"target version {target} outside 0..{newest}")

    await conn.execute("BEGIN IMMEDIATE")
    try:
        current = await schema_version(conn)
        if current > newest:
            raise StorageError(
                f"{label} has schema version {current} but this STAR Coach knows only up to "
                f"{newest}; upgrade STAR Coach or point STARCOACH_DB at another file"
            )
        pending = [m for m in migrations if current < m.version <= target]
        for migration in pending:
            for statement in migration.statements():
                await conn.execute(statement)
        if pending:
            await conn.execute(f"PRAGMA user_version = {int(target)}")
        await conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            await conn.execute("ROLLBACK")
        raise
    if pending:
        log.info(
            "migrated %s from schema version %d to %d (%s)",
            label,
            current,
            target,
            ", ".join(f"{m.version:04d}_{m.name}" for m in pending),
        )
    after = target if pending else current
    return current, after
