"""Migrations: an empty database and a database at every earlier version end up with
the same schema, keep their data, and a failed migration changes nothing."""

from __future__ import annotations

import asyncio
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import aiosqlite
import pytest

from bot.storage import Database, StorageError
from bot.storage.migrate import apply_migrations, latest_version, load_migrations

#: The migration that added daily_days (and back-fills it).
DAILY_DAYS_VERSION = 6

EXPECTED_TABLES = {
    "guild_settings",
    "daily_posts",
    "answers",
    "follow_ups",
    "reviews",
    "local_users",
    "user_preferences",
    "stories",
    "peer_comments",
    "guild_questions",
    "member_principles",
    "member_coverage",
    "daily_days",
}


def schema_of(path: Path) -> dict[str, object]:
    """Everything that defines the schema: sqlite_master and each table's pragmas.

    ``sqlite_stat*`` (planner statistics written by ``PRAGMA optimize``) are not schema.
    """
    conn = sqlite3.connect(path)
    try:
        master = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"
        ).fetchall()
        tables = [r[1] for r in master if r[0] == "table"]
        details = {
            t: (
                conn.execute(f"PRAGMA table_xinfo({t})").fetchall(),
                conn.execute(f"PRAGMA index_list({t})").fetchall(),
                conn.execute(f"PRAGMA foreign_key_list({t})").fetchall(),
            )
            for t in tables
        }
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return {"master": master, "details": details, "version": version}


async def build_at(path: Path, version: int) -> None:
    """A database migrated to ``version`` only, with some data in it."""
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await conn.execute("PRAGMA foreign_keys = ON")
        await apply_migrations(conn, target=version)
        await seed(conn, version)
    finally:
        await conn.close()


async def seed(conn: aiosqlite.Connection, version: int) -> None:
    """Insert rows that are valid at ``version``."""
    if version >= 1:
        await conn.executescript(
            """
            INSERT INTO guild_settings (guild_id, channel_id, timezone, updated_at)
                VALUES (1, 10, 'Europe/Berlin', '2024-05-01T00:00:00.000000+00:00');
            INSERT INTO daily_posts (guild_id, local_date, question_id, channel_id, created_at)
                VALUES (1, '2024-05-01', 'q1', 10, '2024-05-01T07:00:00.000000+00:00');
            INSERT INTO answers (id, guild_id, user_id, question_id, source, principle_ids,
                    score, star_complete, message_id, local_date, created_at, text,
                    analysis_json)
                VALUES (1, 1, 42, 'q1', 'daily', '["ownership","dive-deep"]', 80, 1, 500,
                        '2024-05-01', '2024-05-01T08:00:00.000000+00:00', 'old answer', '{}'),
                       (2, NULL, -1, 'q2', 'terminal', '["ownership"]', 40, 0, NULL,
                        '2024-05-02', '2024-05-02T08:00:00.000000+00:00', 'terminal', '{}');
            INSERT INTO follow_ups (answer_id, probe, score, created_at, text, analysis_json)
                VALUES (1, 'And then?', 60, '2024-05-01T09:00:00.000000+00:00', 'more', '{}');
            INSERT INTO reviews (answer_id, reviewer_id, situation, task, action, result,
                    created_at, updated_at)
                VALUES (1, 43, 4, 4, 5, 3, '2024-05-01T10:00:00.000000+00:00',
                        '2024-05-01T10:00:00.000000+00:00');
            INSERT INTO local_users (name, created_at)
                VALUES ('alice', '2024-05-01T00:00:00.000000+00:00');
            """
        )
    if version >= 2:
        await conn.executescript(
            """
            INSERT INTO user_preferences (user_id, feedback_mode, timezone, updated_at)
                VALUES (42, 'dm', 'Asia/Tokyo', '2024-05-01T00:00:00.000000+00:00');
            INSERT INTO stories (user_id, title, principle_ids, summary, created_at)
                VALUES (42, 'Outage', '["ownership"]', 'I fixed it.',
                        '2024-05-01T00:00:00.000000+00:00');
            """
        )
    if version >= 3:
        await conn.executescript(
            """
            UPDATE answers SET feedback_message_id = 501 WHERE id = 1;
            INSERT INTO peer_comments (answer_id, author_id, message_id, created_at, text)
                VALUES (1, 43, 502, '2024-05-01T11:00:00.000000+00:00', 'Nice');
            INSERT INTO guild_questions (guild_id, text, principle_ids, added_by, created_at)
                VALUES (1, 'Tell me about a time...', '["frugality"]', 42,
                        '2024-05-01T00:00:00.000000+00:00');
            """
        )


def test_migration_files_are_numbered_without_gaps() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert latest_version() == len(migrations) >= 2
    # the trigger bodies (with their inner semicolons) stay single statements
    last = next(m for m in migrations if m.name == "member_principles").statements()
    assert sum(s.upper().startswith("CREATE TRIGGER") for s in last) == 5


async def test_empty_database_gets_the_full_schema(db_path: Path) -> None:
    database = await Database.open(db_path)
    await database.close()
    schema = schema_of(db_path)
    assert schema["version"] == latest_version()
    tables = {name for kind, name, _, _ in schema["master"] if kind == "table"}
    assert tables >= EXPECTED_TABLES


async def test_pragmas_are_set(db: Database) -> None:
    conn = db._conn
    assert (await (await conn.execute("PRAGMA journal_mode")).fetchone())[0] == "wal"
    assert (await (await conn.execute("PRAGMA foreign_keys")).fetchone())[0] == 1
    assert (await (await conn.execute("PRAGMA busy_timeout")).fetchone())[0] > 0
    assert (await (await conn.execute("PRAGMA synchronous")).fetchone())[0] == 1  # NORMAL


@pytest.mark.parametrize("start", range(latest_version()))
async def test_every_earlier_version_migrates_to_the_same_schema(
    tmp_path: Path, start: int
) -> None:
    fresh = tmp_path / "fresh.db"
    database = await Database.open(fresh)
    await database.close()

    old = tmp_path / f"at-{start}.db"
    await build_at(old, start)
    assert schema_of(old)["version"] == start
    database = await Database.open(old)
    try:
        assert await database.schema_version() == latest_version()
        if start >= 1:
            answer = await database.get_answer(1)
            assert answer is not None and answer.text == "old answer"
            assert answer.principle_ids == ["ownership", "dive-deep"]
            assert [r.reviewer_id for r in await database.list_reviews(1)] == [43]
            # member_principles was back-filled from the answers already there
            board = await database.guild_leaderboard(1, answer.local_date)
            assert [(e.user_id, e.current_streak, e.principles_covered) for e in board] == [
                (42, 1, 2)
            ]
            assert await database.local_user_id("ALICE") == -1
        if start >= 2:
            prefs = await database.get_preferences(42)
            assert (prefs.feedback_mode, prefs.timezone) == ("dm", "Asia/Tokyo")
        if start >= 3:
            assert (await database.answer_by_feedback_message(501)).id == 1
    finally:
        await database.close()
    old_schema, fresh_schema = schema_of(old), schema_of(fresh)
    assert old_schema["master"] == fresh_schema["master"]
    assert old_schema["details"] == fresh_schema["details"]
    assert old_schema["version"] == fresh_schema["version"]


async def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE one (x INTEGER);\n")
    (folder / "0002_broken.sql").write_text(
        "CREATE TABLE two (x INTEGER);\nINSERT INTO one VALUES (1);\nTHIS IS NOT SQL;\n"
    )
    path = tmp_path / "x.db"
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await apply_migrations(conn, migrations=load_migrations(folder), target=1)
        with pytest.raises(sqlite3.OperationalError):
            await apply_migrations(conn, migrations=load_migrations(folder))
        assert not conn.in_transaction
    finally:
        await conn.close()
    plain = sqlite3.connect(path)
    assert plain.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in plain.execute("SELECT name FROM sqlite_master")}
    assert names == {"one"}
    assert plain.execute("SELECT count(*) FROM one").fetchone()[0] == 0
    plain.close()


def test_gaps_in_migration_numbers_are_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    (tmp_path / "0003_c.sql").write_text("SELECT 1;")
    with pytest.raises(RuntimeError, match="without gaps"):
        load_migrations(tmp_path)


async def test_a_newer_database_is_refused_in_one_line(db_path: Path) -> None:
    database = await Database.open(db_path)
    await database.close()
    plain = sqlite3.connect(db_path)
    plain.execute(f"PRAGMA user_version = {latest_version() + 1}")
    plain.close()
    with pytest.raises(StorageError) as info:
        await Database.open(db_path)
    message = str(info.value)
    assert "\n" not in message and str(db_path) in message and "upgrade" in message


async def test_two_processes_starting_at_once_both_migrate_safely(db_path: Path) -> None:
    first, second = await asyncio.gather(Database.open(db_path), Database.open(db_path))
    try:
        assert await first.schema_version() == await second.schema_version() == latest_version()
    finally:
        await first.close()
        await second.close()


async def test_back_filled_streak_days_match_what_the_triggers_keep(tmp_path: Path) -> None:
    rng = random.Random(5)
    rows = [
        (
            rng.choice([1, 2]),
            rng.randrange(4),
            rng.choice(["daily", "daily", "drill"]),
            (date(2024, 1, 1) + timedelta(days=rng.randrange(30))).isoformat(),
        )
        for _ in range(300)
    ]
    insert = (
        "INSERT INTO answers (guild_id, user_id, source, score, star_complete, local_date,"
        " created_at, text, analysis_json) VALUES (?, ?, ?, 50, 1, ?, 'x', 't', '{}')"
    )

    def daily_days(path: Path) -> list[tuple]:
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT * FROM daily_days ORDER BY 1, 2, 3").fetchall()
        finally:
            conn.close()

    before = tmp_path / "before.db"  # answers stored before daily_days existed
    conn = await aiosqlite.connect(before, isolation_level=None)
    await apply_migrations(conn, target=DAILY_DAYS_VERSION - 1)
    await conn.executemany(insert, rows)
    await conn.close()
    await (await Database.open(before)).close()

    after = tmp_path / "after.db"  # the same answers, kept by the triggers
    database = await Database.open(after)
    await database._conn.executemany(insert, rows)
    await database.close()

    assert load_migrations()[DAILY_DAYS_VERSION - 1].name == "daily_days"
    assert daily_days(before) == daily_days(after) != []
