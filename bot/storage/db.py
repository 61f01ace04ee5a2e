"""The database: one SQLite file, one long-lived aiosqlite connection, WAL.

``Database.open`` creates the folder, connects, sets WAL, ``synchronous=NORMAL`` (a
committed transaction survives the process being killed), foreign keys and a busy
timeout, then applies the pending migrations in one transaction. Every failure to do so
becomes one :class:`StorageError` line that names the path and what to do.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import sys
from contextlib import suppress
from pathlib import Path
from types import TracebackType

import aiosqlite

from bot.storage.answers import AnswerRepository, register_functions
from bot.storage.base import describe_error
from bot.storage.daily import DailyPostRepository
from bot.storage.errors import StorageError
from bot.storage.guilds import GuildRepository
from bot.storage.migrate import apply_migrations, latest_version, schema_version
from bot.storage.privacy import PrivacyRepository
from bot.storage.progress import ProgressRepository
from bot.storage.reviews import ReviewRepository
from bot.storage.threads import ThreadRepository
from bot.storage.users import UserRepository

log = logging.getLogger(__name__)

ENV_VAR = "STARCOACH_DB"
APP_DIR = "star-coach"
FILE_NAME = "star-coach.db"
DEFAULT_BUSY_TIMEOUT_MS = 5000
#: Page cache per connection, in KiB (negative PRAGMA cache_size means KiB).
CACHE_KIB = 32 * 1024
#: WAL pages between automatic checkpoints (SQLite's default is 1,000). Checkpointing
#: less often rewrites hot pages (counters, index roots) less often and fsyncs the main
#: file less often: ~10-15% more answers/s. The WAL may grow to ~40 MB before a
#: checkpoint and is truncated back to WAL_SIZE_LIMIT after it.
WAL_AUTOCHECKPOINT_PAGES = 10_000
WAL_SIZE_LIMIT = 64 * 1024 * 1024


class Database(
    AnswerRepository,
    ReviewRepository,
    DailyPostRepository,
    GuildRepository,
    UserRepository,
    ProgressRepository,
    PrivacyRepository,
    ThreadRepository,
):
    """STAR Coach's storage. Create with :meth:`open`, finish with :meth:`close`."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._lock = asyncio.Lock()
        self._closed = False
        self._answer_queue = []
        self._answer_flush = None

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @staticmethod
    def default_path() -> Path:
        """``$STARCOACH_DB``, else the per-user data folder's ``star-coach/star-coach.db``.

        Linux and others: ``$XDG_DATA_HOME`` or ``~/.local/share``; macOS:
        ``~/Library/Application Support``; Windows: ``%LOCALAPPDATA%``.
        """
        env = os.environ.get(ENV_VAR, "").strip()
        if env:
            return Path(env).expanduser()
        home = Path.home()
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            base = Path(local) if local else home / "AppData" / "Local"
        elif sys.platform == "darwin":
            base = home / "Library" / "Application Support"
        else:
            xdg = os.environ.get("XDG_DATA_HOME", "")
            base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
        return base / APP_DIR / FILE_NAME

    @classmethod
    async def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        migrate: bool = True,
        create: bool = True,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> Database:
        """Open (and by default create and migrate) the database at ``path``.

        ``path`` defaults to :meth:`default_path`. With ``create=False`` a missing file is
        an error; with ``migrate=False`` the schema is left as found (``db check``).
        Raises :class:`StorageError` (one line) when the file cannot be used.
        """
        target = await asyncio.to_thread(_prepare_path, path, create)
        conn: aiosqlite.Connection | None = None
        try:
            conn = await aiosqlite.connect(
                target, isolation_level=None, timeout=busy_timeout_ms / 1000
            )
            conn.row_factory = sqlite3.Row
            mode = await _enable_wal(conn, busy_timeout_ms)
            if mode is None or str(mode[0]).lower() != "wal":
                log.warning("database %s: WAL not available, journal mode is %s", target, mode)
            await conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            await conn.execute("PRAGMA synchronous = NORMAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            await conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            await conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
            await register_functions(conn)
            if migrate:
                await apply_migrations(conn, label=str(target))
        except StorageError:
            await _close_quietly(conn)
            raise
        except (sqlite3.Error, OSError) as exc:
            await _close_quietly(conn)
            raise StorageError(describe_error(target, exc)) from exc
        except BaseException:
            await _close_quietly(conn)
            raise
        log.debug("opened database %s", target)
        return cls(conn, target)

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._answer_flush is not None and not self._answer_flush.done():
            await asyncio.wait([self._answer_flush])  # let queued answers finish
        async with self._lock:
            with suppress(sqlite3.Error):
                await self._conn.execute("PRAGMA analysis_limit = 400")
                await self._conn.execute("PRAGMA optimize")
            await self._conn.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def schema_version(self) -> int:
        """The database's schema version (``PRAGMA user_version``)."""
        async with self._locked() as conn:
            return await schema_version(conn)

    @staticmethod
    def latest_schema_version() -> int:
        """The schema version this program creates."""
        return latest_version()

    async def backup(self, dest_path: str | os.PathLike[str]) -> Path:
        """Copy the database to ``dest_path`` with SQLite's online backup API.

        The copy is one consistent snapshot even while other connections or processes keep
        writing (WAL readers see a fixed snapshot); it is written beside the destination
        and renamed into place, so ``dest_path`` is never half-written.
        """
        dest, partial, copy = await asyncio.to_thread(_prepare_backup, self._path, dest_path)
        try:
            async with self._lock:
                await self._conn.backup(copy)
            await asyncio.to_thread(_finish_backup, copy, partial, dest)
        except (sqlite3.Error, OSError) as exc:
            await asyncio.to_thread(_discard_backup, copy, partial)
            raise StorageError(describe_error(dest, exc)) from exc
        log.info("backed up %s to %s", self._path, dest)
        return dest

    async def check(self) -> tuple[int, str]:
        """``(schema version, integrity)``; integrity is ``"ok"`` or what is wrong."""
        async with self._locked() as conn:
            version = await schema_version(conn)
            problems = [str(r[0]) for r in await self._all(conn, "PRAGMA integrity_check")]
            violations = await self._all(conn, "PRAGMA foreign_key_check")
        result = "; ".join(problems[:10]) if problems != ["ok"] else "ok"
        if violations:
            extra = f"{len(violations)} foreign key violation(s)"
            result = extra if result == "ok" else f"{result}; {extra}"
        return version, result


async def _enable_wal(conn: aiosqlite.Connection, busy_timeout_ms: int) -> sqlite3.Row | None:
    """Switch to WAL. Changing the journal mode can report "locked" at once, without the
    busy handler, while another connection opens the same new file: retry until the
    busy timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + busy_timeout_ms / 1000
    while True:
        try:
            async with conn.execute("PRAGMA journal_mode = WAL") as cursor:
                return await cursor.fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or loop.time() >= deadline:
                raise
            await asyncio.sleep(0.02)


async def _close_quietly(conn: aiosqlite.Connection | None) -> None:
    if conn is not None:
        with suppress(Exception):
            await conn.close()


def _prepare_path(path: str | os.PathLike[str] | None, create: bool) -> Path:
    """Resolve the database path; create its folder unless told not to."""
    target = Path(path).expanduser() if path is not None else Database.default_path()
    if target.is_dir():
        raise StorageError(
            f"database path {target} is a directory; point STARCOACH_DB at a file path"
        )
    if not target.exists():
        if not create:
            raise StorageError(
                f"no database at {target}; check the path (or STARCOACH_DB) and try again"
            )
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(describe_error(target, exc)) from exc
    return target


def _prepare_backup(
    source: Path, dest_path: str | os.PathLike[str]
) -> tuple[Path, Path, sqlite3.Connection]:
    """Check the destination and open the partial copy beside it."""
    dest = Path(dest_path).expanduser()
    if dest.exists() and dest.resolve() == source.resolve():
        raise StorageError(f"backup destination {dest} is the database itself")
    if dest.is_dir():
        raise StorageError(f"backup destination {dest} is a directory; give a file path")
    partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # used from aiosqlite's thread by the backup, then from a worker thread
        copy = sqlite3.connect(partial, check_same_thread=False)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(describe_error(dest, exc)) from exc
    return dest, partial, copy


def _finish_backup(copy: sqlite3.Connection, partial: Path, dest: Path) -> None:
    """Make the copy one self-contained file, flush it, move it into place."""
    copy.execute("PRAGMA journal_mode = DELETE")
    copy.close()
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, dest)


def _discard_backup(copy: sqlite3.Connection, partial: Path) -> None:
    with suppress(sqlite3.Error):
        copy.close()
    partial.unlink(missing_ok=True)
