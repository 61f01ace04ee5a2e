"""``python -m bot db backup PATH`` and ``python -m bot db check``."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from pathlib import Path

from bot.storage import Database, StorageError

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_STORAGE_ERROR = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``db`` with its ``backup`` and ``check`` subcommands."""
    parser = subparsers.add_parser(
        "db",
        help="back up or check the database",
        description="Database maintenance. Safe to run while the bot is running.",
    )
    _db_option(parser, default=None)
    commands = parser.add_subparsers(dest="db_command", metavar="COMMAND", required=True)

    backup = commands.add_parser(
        "backup",
        help="write a consistent copy of the database to PATH",
        description="Copy the database with SQLite's online backup (consistent while the "
        "bot writes), then verify the copy.",
    )
    backup.add_argument("path", metavar="PATH", type=Path, help="file to write the copy to")
    _db_option(backup, default=argparse.SUPPRESS)
    backup.set_defaults(func=run_backup)

    check = commands.add_parser(
        "check",
        help="report the schema version and run an integrity check",
        description="Print the schema version and the result of PRAGMA integrity_check. "
        "Exit status 0 when healthy, 1 when damaged, 2 when it cannot be opened.",
    )
    _db_option(check, default=argparse.SUPPRESS)
    check.set_defaults(func=run_check)


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        dest="db_path",
        metavar="PATH",
        type=Path,
        default=default,
        help="database file (default: $STARCOACH_DB or the per-user data folder)",
    )


def run_backup(args: argparse.Namespace) -> int:
    """Back up the database to ``args.path``; exit status."""
    try:
        dest, size, quick = asyncio.run(_backup(getattr(args, "db_path", None), args.path))
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    print(f"backup written to {dest} ({size:,} bytes); check of the copy: {quick}")
    return EXIT_OK if quick == "ok" else EXIT_PROBLEM


async def _backup(db_path: Path | None, dest: Path) -> tuple[Path, int, str]:
    db = await Database.open(db_path, migrate=False, create=False)
    try:
        written = await db.backup(dest)
    finally:
        await db.close()
    quick = await asyncio.to_thread(_quick_check, written)
    size = await asyncio.to_thread(lambda: written.stat().st_size)
    return written, size, quick


def _quick_check(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"failed ({exc})"
    return "ok" if rows == ["ok"] else "; ".join(rows[:5])


def run_check(args: argparse.Namespace) -> int:
    """Report schema version and integrity; exit status."""
    db_path = getattr(args, "db_path", None)
    try:
        path, version, integrity = asyncio.run(_check(db_path))
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    latest = Database.latest_schema_version()
    if version == latest:
        note = "current"
    elif version < latest:
        note = f"older than this program's {latest}; it is migrated at the next start"
    else:
        note = f"newer than this program's {latest}; upgrade STAR Coach"
    print(f"database: {path}")
    print(f"schema version: {version} ({note})")
    print(f"integrity: {integrity}")
    return EXIT_OK if integrity == "ok" else EXIT_PROBLEM


async def _check(db_path: Path | None) -> tuple[Path, int, str]:
    db = await Database.open(db_path, migrate=False, create=False)
    try:
        version, integrity = await db.check()
    finally:
        await db.close()
    return db.path, version, integrity
