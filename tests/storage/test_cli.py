"""The ``db`` and ``coverage`` command-line pieces (called in-process; sync tests because
the commands run their own event loop)."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import aiosqlite
import pytest

from bot.cli import coverage as coverage_cli
from bot.cli import db as db_cli
from bot.coach.coverage import compute_coverage
from bot.coach.principle_ids import PRINCIPLE_NAMES
from bot.coach.recommend import schedule
from bot.storage import Database
from bot.storage.migrate import apply_migrations
from tests.coach.records import rec
from tests.storage.factories import new_answer


def parser() -> argparse.ArgumentParser:
    """The commands wired the way ``python -m bot`` wires them."""
    top = argparse.ArgumentParser(prog="bot")
    sub = top.add_subparsers(required=True)
    db_cli.add_parser(sub)
    coverage_cli.add_parser(sub)
    return top


def run(argv: list[str]) -> int:
    """Parse and run like the entry point."""
    args = parser().parse_args(argv)
    return args.func(args)


def make_db(path: Path, name: str = "alice", scores: tuple[int, ...] = (80, 90)) -> int:
    """A database with a terminal user who answered Ownership questions."""

    async def go() -> int:
        db = await Database.open(path)
        try:
            uid = await db.local_user_id(name)
            for i, score in enumerate(scores):
                await db.add_answer(
                    new_answer(
                        user_id=uid,
                        guild_id=None,
                        source="terminal",
                        message_id=None,
                        score=score,
                        local_date=date(2024, 5, 1) + timedelta(days=i),
                    )
                )
            return uid
        finally:
            await db.close()

    return asyncio.run(go())


def test_parsers_register_the_documented_commands(tmp_path: Path) -> None:
    args = parser().parse_args(["db", "backup", str(tmp_path / "b.db")])
    assert args.func is db_cli.run_backup and args.path == tmp_path / "b.db"
    args = parser().parse_args(["db", "--db", "x.db", "check"])
    assert args.func is db_cli.run_check and args.db_path == Path("x.db")
    args = parser().parse_args(["db", "check", "--db", "y.db"])
    assert args.db_path == Path("y.db")
    args = parser().parse_args(["coverage", "--user", "bob"])
    assert args.func is coverage_cli.run_coverage and args.user == "bob"
    with pytest.raises(SystemExit):
        parser().parse_args(["coverage", "--user", "bob", "--user-id", "5"])


def test_check_reports_version_and_integrity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    make_db(path)
    assert run(["db", "check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    latest = Database.latest_schema_version()
    assert f"schema version: {latest} (current)" in out and "integrity: ok" in out


def test_check_does_not_migrate_an_old_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"

    async def build() -> None:
        conn = await aiosqlite.connect(path, isolation_level=None)
        await apply_migrations(conn, target=1)
        await conn.close()

    asyncio.run(build())
    assert run(["db", "check", "--db", str(path)]) == 0
    assert "schema version: 1 (older" in capsys.readouterr().out
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_backup_command_writes_a_verified_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    uid = make_db(path)
    dest = tmp_path / "backups" / "copy.db"
    assert run(["db", "--db", str(path), "backup", str(dest)]) == 0
    assert "check of the copy: ok" in capsys.readouterr().out
    conn = sqlite3.connect(dest)
    sql = "SELECT count(*) FROM answers WHERE user_id = ?"
    assert conn.execute(sql, (uid,)).fetchone()[0] == 2
    conn.close()


def test_coverage_prints_sixteen_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.db"
    make_db(path, "alice", (80, 90))
    assert run(["coverage", "--db", str(path), "--user", "alice"]) == 0
    out = capsys.readouterr().out
    names = set(PRINCIPLE_NAMES.values())
    rows = [line for line in out.splitlines() if line.split("  ")[0] in names]
    assert len(rows) == 16
    ownership = next(r for r in rows if r.startswith("Ownership"))
    assert "2024-05-02" in ownership and "strong" in ownership  # last practised, status
    assert " 2 " in ownership and " 90 " in ownership and " 85 " in ownership
    assert ownership.endswith("d overdue")  # due 2024-05-05; the CLI uses the real clock
    assert "not started" in next(r for r in rows if r.startswith("Frugality"))
    assert "alice" in out and "1/16 principles practised" in out


def test_coverage_for_a_user_without_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    assert run(["coverage", "--db", str(path), "--user-id", "123"]) == 0
    out = capsys.readouterr().out
    assert "Discord user 123" in out and "0/16 principles practised" in out


def test_render_table_without_unicode() -> None:
    records = [rec("ownership", 50, date(2024, 5, 1))]
    text = coverage_cli.render_table(
        compute_coverage(records), schedule(records), date(2024, 5, 10), unicode=False
    )
    lines = text.splitlines()
    assert len(lines) == 18  # header, rule, 16 principles
    ownership = next(line for line in lines if line.startswith("Ownership"))
    assert "#####....." in ownership and "8d overdue" in ownership
    assert all(ord(ch) < 128 for ch in text)
    assert coverage_cli.bar(None, unicode=False) == ".........."
    assert coverage_cli.bar(100) == "█" * 10
