"""Reliability: concurrent writers, a writer killed with SIGKILL, unusable paths, online
backup while writing."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from bot.cli.db import run_backup
from bot.storage import Database, StorageError
from tests.storage.factories import BOB, new_answer
from tests.storage.writer_process import TASKS

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of a file, through a separate plain connection."""
    conn = sqlite3.connect(path)
    try:
        return "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def consistent(path: Path) -> tuple[list[int], list[int]]:
    """Check invariants of a database written by the writers; return (answer message
    ids, reviewed message ids)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        kept = conn.execute("SELECT sum(attempts) FROM member_principles").fetchone()[0] or 0
        actual = conn.execute(
            "SELECT count(*) FROM answers, json_each(answers.principle_ids)"
        ).fetchone()[0]
        assert kept == actual  # the trigger-kept tables agree with the answers
        per_member = conn.execute(
            "SELECT guild_key, user_id, count(*) FROM member_principles GROUP BY 1, 2"
            " EXCEPT SELECT guild_key, user_id, principles_covered FROM member_coverage"
        ).fetchall()
        assert per_member == []
        review_totals = conn.execute(
            "SELECT a.id FROM answers a WHERE a.review_count != (SELECT count(*) FROM reviews r"
            " WHERE r.answer_id = a.id) OR a.review_total != (SELECT total(situation + task"
            " + action + result) FROM reviews r WHERE r.answer_id = a.id)"
        ).fetchall()
        assert review_totals == []
        assert conn.execute("SELECT count(*) FROM member_coverage").fetchone()[0] == (
            conn.execute("SELECT count(DISTINCT guild_key || ':' || user_id)"
                         " FROM member_principles").fetchone()[0]
        )
        ids = [r[0] for r in conn.execute("SELECT message_id FROM answers ORDER BY message_id")]
        reviewed = [
            r[0]
            for r in conn.execute(
                "SELECT a.message_id FROM reviews r JOIN answers a ON a.id = r.answer_id"
                " ORDER BY 1"
            )
        ]
    finally:
        conn.close()
    return ids, reviewed


# ----------------------------------------------------------------- concurrency


async def test_100_concurrent_tasks_writing_100_answers_each(db: Database) -> None:
    tasks, per_task = 100, 100

    async def writer(task: int) -> None:
        for j in range(per_task):
            message_id = task * 1_000 + j
            answer, created = await db.add_answer(
                new_answer(user_id=10_000 + task, message_id=message_id)
            )
            assert created
            if j % 25 == 0:  # some multi-statement transactions in the mix
                await db.upsert_review(answer.id, BOB, 3, 3, 3, 3)
            if j % 20 == 0:  # and some re-delivered events
                again, created = await db.add_answer(
                    new_answer(user_id=10_000 + task, message_id=message_id, text="dupe")
                )
                assert not created and again.id == answer.id

    await asyncio.gather(*(writer(t) for t in range(tasks)))
    assert db._answer_flush is not None  # concurrent answers were group-committed
    await db.close()
    ids, reviewed = consistent(db.path)
    assert ids == sorted(t * 1_000 + j for t in range(tasks) for j in range(per_task))
    assert len(reviewed) == tasks * (per_task // 25)
    conn = sqlite3.connect(db.path)
    per_user = dict(conn.execute("SELECT user_id, count(*) FROM answers GROUP BY user_id"))
    conn.close()
    assert per_user == {10_000 + t: per_task for t in range(tasks)}


# ------------------------------------------------------------------ crash safety


async def _start_writer(path: Path, start: int) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.storage.writer_process",
        str(path),
        str(start),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def _read_until(proc: asyncio.subprocess.Process, count: int) -> list[int]:
    seen: list[int] = []
    assert proc.stdout is not None
    while len(seen) < count:
        line = await asyncio.wait_for(proc.stdout.readline(), timeout=20)
        if not line:
            stderr = await proc.stderr.read() if proc.stderr else b""
            raise AssertionError(f"writer ended early: {stderr.decode()[-2000:]}")
        seen.append(int(line))
    return seen


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
async def test_a_writer_killed_mid_burst_loses_nothing_it_committed(db_path: Path) -> None:
    committed: list[int] = []
    start = 1
    for _round in range(2):
        proc = await _start_writer(db_path, start)
        committed += await _read_until(proc, 250)
        proc.send_signal(signal.SIGKILL)  # in the middle of the next writes
        rest, _ = await proc.communicate()
        committed += [int(x) for x in rest.split()]  # printed before the kill: committed
        assert proc.returncode == -signal.SIGKILL
        assert integrity(db_path) == "ok"
        ids, reviewed = consistent(db_path)
        assert set(committed) <= set(ids)
        assert {n for n in committed if n % 5 == 0} <= set(reviewed)
        # only writes in flight at the kill (one per writer task) can be there unprinted
        assert len(ids) - len(set(committed)) <= TASKS
        start = max(ids) + 1

    # the next start works: migrations are a no-op, writes go on
    database = await Database.open(db_path)
    try:
        assert await database.check() == (Database.latest_schema_version(), "ok")
        _, created = await database.add_answer(new_answer(message_id=start + 10))
        assert created
    finally:
        await database.close()


# --------------------------------------------------------------- unusable paths


def _one_line(exc: StorageError, path: Path | str) -> str:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message
    assert str(path) in message
    return message


async def test_a_path_under_a_regular_file_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = blocker / "star-coach.db"
    with pytest.raises(StorageError) as info:
        await Database.open(path)
    assert "writable" in _one_line(info.value, path)


async def test_an_uncreatable_folder_is_one_clear_error() -> None:
    path = Path("/proc/star-coach-test/star-coach.db")
    with pytest.raises(StorageError) as info:
        await Database.open(path)
    assert "STARCOACH_DB" in _one_line(info.value, path)


async def test_a_directory_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        await Database.open(tmp_path)
    assert "directory" in _one_line(info.value, tmp_path)


@pytest.mark.skipif(IS_ROOT, reason="root can write anywhere")
async def test_a_read_only_folder_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as info:
            await Database.open(folder / "x.db")
        assert "writable" in _one_line(info.value, folder / "x.db")
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(IS_ROOT, reason="root can write anywhere")
async def test_a_read_only_file_is_one_clear_error(db_path: Path) -> None:
    await (await Database.open(db_path)).close()
    os.chmod(db_path, 0o400)
    try:
        with pytest.raises(StorageError) as info:
            await Database.open(db_path)
        _one_line(info.value, db_path)
    finally:
        os.chmod(db_path, 0o600)


def _write_garbage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)


def _damage_pages(path: Path, page: int = 4096) -> None:
    """Overwrite part of every 7th page after the first few with random bytes."""
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        for offset in range(page * 5, size - page, page * 7):
            handle.seek(offset + 100)
            handle.write(os.urandom(600))


async def test_a_file_that_is_not_a_database_is_one_clear_error(db_path: Path) -> None:
    _write_garbage(db_path)
    with pytest.raises(StorageError) as info:
        await Database.open(db_path)
    assert "corrupt" in _one_line(info.value, db_path)


async def test_damaged_pages_are_reported_by_check(db_path: Path) -> None:
    database = await Database.open(db_path)
    for i in range(300):
        await database.add_answer(new_answer(message_id=i, text="x" * 500))
    await database.close()
    _damage_pages(db_path)
    try:
        database = await Database.open(db_path)
    except StorageError as exc:  # damage hit the schema: still one line
        _one_line(exc, db_path)
        return
    try:
        try:
            _version, result = await database.check()
        except StorageError as exc:
            _one_line(exc, db_path)
            return
        assert result != "ok"
    finally:
        await database.close()


async def test_a_locked_database_is_one_clear_error(db_path: Path) -> None:
    await (await Database.open(db_path)).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as info:
            await Database.open(db_path, busy_timeout_ms=200)
        assert "locked" in _one_line(info.value, db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_cli_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    script = (
        "import argparse, sys\n"
        "from bot.cli import coverage, db\n"
        "p = argparse.ArgumentParser(prog='bot')\n"
        "s = p.add_subparsers(required=True)\n"
        "db.add_parser(s); coverage.add_parser(s)\n"
        "a = p.parse_args(sys.argv[1:])\n"
        "sys.exit(a.func(a))\n"
    )
    for argv in (
        ["db", "check", "--db", str(bad)],
        ["db", "--db", str(bad), "backup", str(tmp_path / "copy.db")],
        ["coverage", "--db", str(bad)],
        ["coverage", "--db", str(tmp_path / "file" / "x.db")],
        ["db", "check", "--db", str(tmp_path / "missing.db")],
    ):
        if argv[-1].endswith("file/x.db"):
            (tmp_path / "file").write_text("x")
        done = subprocess.run(
            [sys.executable, "-c", script, *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, (argv, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (argv, done.stderr)
        assert "Traceback" not in done.stderr


# ------------------------------------------------------------------------ backup


def _verify_copy(copy: Path) -> int:
    """Check one backup made while the writer ran; return how many answers it holds."""
    assert integrity(copy) == "ok"
    ids, reviewed = consistent(copy)
    assert ids == list(range(1, len(ids) + 1))  # a prefix of what was written
    # every fifth answer gets a review in the next transaction: only the newest answer
    # may have been copied before its review
    expected = {n for n in ids if n % 5 == 0}
    assert set(reviewed) <= expected and expected - set(reviewed) <= {ids[-1]}
    assert not copy.with_name(copy.name + "-wal").exists()  # one self-contained file
    return len(ids)


async def test_backup_while_writing_gives_consistent_copies(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    live = await Database.open(path)
    other = await Database.open(path)  # like `python -m bot db backup` in another process
    stop = asyncio.Event()
    milestones = {n: asyncio.Event() for n in (150, 300, 450)}
    written = 0

    async def write() -> None:
        nonlocal written
        while not stop.is_set():
            written += 1
            answer, _ = await live.add_answer(
                new_answer(message_id=written, principle_ids=["ownership", "dive-deep"])
            )
            # The milestone is reached once that answer is committed, not before.
            if written in milestones:
                milestones[written].set()
            if written % 5 == 0:
                await live.upsert_review(answer.id, BOB, 2, 3, 4, 5)
            await asyncio.sleep(0)

    writer = asyncio.create_task(write())
    try:
        copies = []
        for i, reached in enumerate(milestones.values()):
            await reached.wait()
            copies.append(await other.backup(tmp_path / "backups" / f"other-{i}.db"))
        copies.append(await live.backup(tmp_path / "backups" / "live.db"))
        # and the real CLI, from another thread, while the writer keeps going
        cli = tmp_path / "backups" / "cli.db"
        status = await asyncio.to_thread(run_backup, Namespace(db_path=path, path=cli))
        assert status == 0
        copies.append(cli)
        before_stop = written
    finally:
        stop.set()
        await writer
        await other.close()
        await live.close()
    assert before_stop > 450
    sizes = [_verify_copy(copy) for copy in copies]
    assert sizes[:3] == sorted(sizes[:3]) and sizes[0] >= 150
    restored = await Database.open(copies[-1])
    try:
        assert (await restored.check())[1] == "ok"
    finally:
        await restored.close()


async def test_backup_refuses_to_overwrite_the_database_itself(db: Database) -> None:
    with pytest.raises(StorageError, match="itself"):
        await db.backup(db.path)
