"""Progress read models: coverage rows, answer history, daily dates, guild leaderboard."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from bot.coach.coverage import CoverageStatus, compute_coverage
from bot.coach.principle_ids import PRINCIPLE_IDS
from bot.coach.streaks import current_streak, rank_leaderboard
from bot.storage import Database
from tests.storage.factories import ALICE, BOB, CAROL, GUILD, T0, new_answer

TODAY = date(2024, 6, 30)


def at(day: date) -> datetime:
    """Noon UTC on ``day``."""
    return T0.replace(year=day.year, month=day.month, day=day.day)


async def test_coverage_rows_are_the_users_answers_oldest_first(db: Database) -> None:
    later, _ = await db.add_answer(new_answer(created_at=T0 + timedelta(days=1), score=90))
    earlier, _ = await db.add_answer(
        new_answer(created_at=T0, score=40, principle_ids=["ownership", "dive-deep"])
    )
    await db.add_answer(new_answer(user_id=BOB))
    await db.upsert_review(later.id, BOB, 5, 4, 4, 3)
    rows = await db.coverage_rows(ALICE)
    assert [r.answer_id for r in rows] == [earlier.id, later.id]
    assert rows[0].principle_ids == ("ownership", "dive-deep")
    assert (rows[1].review_count, rows[1].review_total) == (1, 16)
    assert rows[0].peer_rating_mean is None
    coverage = {c.principle_id: c for c in compute_coverage(rows)}
    assert coverage["ownership"].attempts == 2 and coverage["ownership"].best_score == 90
    assert coverage["dive-deep"].status is CoverageStatus.WEAK
    assert await db.coverage_rows(CAROL) == []


async def test_user_answer_history_is_the_latest_n(db: Database) -> None:
    for i in range(5):
        await db.add_answer(
            new_answer(created_at=T0 + timedelta(hours=i), question_id=f"q{i}", score=10 * i)
        )
    history = await db.user_answer_history(ALICE, limit=3)
    assert [(h.question_id, h.score) for h in history] == [("q4", 40), ("q3", 30), ("q2", 20)]
    assert history[0].local_date == T0.date()


async def test_daily_answer_dates_are_distinct_and_only_daily(db: Database) -> None:
    d1, d2 = date(2024, 5, 1), date(2024, 5, 3)
    await db.add_answer(new_answer(local_date=d1))
    await db.add_answer(new_answer(local_date=d1))
    await db.add_answer(new_answer(local_date=d2, guild_id=GUILD + 1))
    await db.add_answer(new_answer(local_date=date(2024, 5, 2), source="drill"))
    assert await db.daily_answer_dates(ALICE) == [d1, d2]
    assert await db.daily_answer_dates(ALICE, GUILD) == [d1]


async def test_leaderboard_orders_by_streak_then_principles(db: Database) -> None:
    # Alice: 3-day streak ending today, 1 principle. Bob: 2 days ending yesterday, 3
    # principles. Carol: answered a week ago (no streak), 4 principles.
    for offset in range(3):
        await db.add_answer(new_answer(user_id=ALICE, local_date=TODAY - timedelta(days=offset)))
    for offset in (1, 2):
        await db.add_answer(
            new_answer(
                user_id=BOB,
                local_date=TODAY - timedelta(days=offset),
                principle_ids=["ownership", "frugality", "think-big"],
            )
        )
    await db.add_answer(
        new_answer(
            user_id=CAROL,
            local_date=TODAY - timedelta(days=7),
            principle_ids=["ownership", "frugality", "think-big", "dive-deep"],
        )
    )
    # Answers elsewhere do not count in this guild.
    await db.add_answer(new_answer(user_id=CAROL, guild_id=GUILD + 1, local_date=TODAY))
    board = await db.guild_leaderboard(GUILD, TODAY)
    assert [(e.rank, e.user_id, e.current_streak, e.principles_covered) for e in board] == [
        (1, ALICE, 3, 1),
        (2, BOB, 2, 3),
        (3, CAROL, 0, 4),
    ]
    assert [e.user_id for e in await db.guild_leaderboard(GUILD, TODAY, limit=2)] == [ALICE, BOB]
    # Tomorrow Alice's streak is still alive; the day after it is over.
    assert (await db.guild_leaderboard(GUILD, TODAY + timedelta(days=1)))[0].current_streak == 3
    after = await db.guild_leaderboard(GUILD, TODAY + timedelta(days=2))
    assert {e.current_streak for e in after} == {0}


async def test_long_streaks_in_any_insert_order_are_exact(db: Database) -> None:
    length = 100
    days = [TODAY - timedelta(days=offset) for offset in range(length)]
    random.Random(1).shuffle(days)  # out of order: runs must join up
    for day in days:
        await db.add_answer(new_answer(local_date=day))
    board = await db.guild_leaderboard(GUILD, TODAY)
    assert board[0].current_streak == length
    # removing a day in the middle splits the run
    middle = (await db.coverage_rows(ALICE))[0]
    gap = TODAY - timedelta(days=10)
    victim = next(r for r in await db.coverage_rows(ALICE) if r.local_date == gap)
    assert middle is not None
    await db.delete_answer(victim.answer_id)
    assert (await db.guild_leaderboard(GUILD, TODAY))[0].current_streak == 10
    await db.add_answer(new_answer(local_date=gap))
    assert (await db.guild_leaderboard(GUILD, TODAY))[0].current_streak == length


async def test_leaderboard_streaks_match_the_pure_function(db: Database) -> None:
    rng = random.Random(7)
    users = [1000 + i for i in range(12)]
    dates: dict[int, set[date]] = {u: set() for u in users}
    for user in users:
        for _ in range(rng.randint(0, 40)):
            day = TODAY - timedelta(days=rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 20, 40]))
            dates[user].add(day)
            await db.add_answer(new_answer(user_id=user, local_date=day))
    board = {e.user_id: e.current_streak for e in await db.guild_leaderboard(GUILD, TODAY, 100)}
    for user in users:
        assert board.get(user, 0) == current_streak(dates[user], TODAY), user


async def test_leaderboard_top_n_matches_a_full_computation(db: Database) -> None:
    rng = random.Random(11)
    principles = list(PRINCIPLE_IDS)
    dates: dict[int, set[date]] = {}
    covered: dict[int, set[str]] = {}
    answers = []
    for i in range(40):
        user = 5000 + i
        dates[user], covered[user] = set(), set()
        for _ in range(rng.randint(1, 12)):
            day = TODAY - timedelta(days=rng.choice([0, 1, 1, 2, 3, 9, 30]))
            picked = rng.sample(principles, rng.randint(1, 2))
            source = rng.choice(["daily", "daily", "drill"])
            if source == "daily":
                dates[user].add(day)
            covered[user].update(picked)
            answers.append(
                new_answer(user_id=user, local_date=day, principle_ids=picked, source=source)
            )
    assert await db.add_answers_bulk(answers) == len(answers)
    expected = rank_leaderboard(
        {u: current_streak(d, TODAY) for u, d in dates.items()},
        {u: len(c) for u, c in covered.items()},
        5,
    )
    board = await db.guild_leaderboard(GUILD, TODAY, limit=5)
    assert [(e.user_id, e.current_streak, e.principles_covered) for e in board] == expected
    # and after deleting a leader's answers, the board follows
    leader = board[0].user_id
    await db.delete_user(leader)
    again = await db.guild_leaderboard(GUILD, TODAY, limit=5)
    assert leader not in [e.user_id for e in again]


async def test_leaderboard_ties_at_the_cutoff_are_broken_by_principles(db: Database) -> None:
    many = list(PRINCIPLE_IDS)
    layout = {  # user: (streak length, principles covered)
        1: (5, 1),
        2: (3, 1),
        3: (3, 5),
        4: (3, 3),
        5: (0, 16),
    }
    for user, (streak, count) in layout.items():
        days = [TODAY - timedelta(days=o) for o in range(streak)] or [TODAY - timedelta(days=9)]
        for i, day in enumerate(days):
            ids = many[:count] if i == 0 else many[:1]
            await db.add_answer(new_answer(user_id=user, local_date=day, principle_ids=ids))
    board = await db.guild_leaderboard(GUILD, TODAY, limit=3)
    assert [(e.user_id, e.current_streak, e.principles_covered) for e in board] == [
        (1, 5, 1),
        (3, 3, 5),
        (4, 3, 3),
    ]
    wide = await db.guild_leaderboard(GUILD, TODAY, limit=10)
    assert [e.user_id for e in wide] == [1, 3, 4, 2, 5]
