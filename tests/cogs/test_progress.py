"""/coverage, /next, /history, /streak and /leaderboard as the member sees them."""

from __future__ import annotations

from datetime import date, datetime, time
from unittest.mock import MagicMock

import pytest

from bot.coach.principle_ids import PRINCIPLE_IDS
from bot.storage import Database
from cogs import progress
from cogs.progress import Progress
from cogs.starbot import StarBot
from tests.cogs.conftest import (
    NOW,
    embed_fits,
    invoke,
    make_interaction,
    make_user,
    sent,
)
from tests.storage.factories import ALICE, BOB, CAROL, GUILD, new_answer


@pytest.fixture
async def cog(bot: StarBot) -> Progress:
    await progress.setup(bot)
    loaded = bot.get_cog("Progress")
    assert isinstance(loaded, Progress)
    return loaded


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=NOW.tzinfo)


async def answer(db: Database, day: date, score: int, principle: str = "ownership",
                 **extra: object) -> None:
    fields = {"principle_ids": [principle], "score": score, "created_at": at(day),
              "question_id": None, **extra}
    await db.add_answer(new_answer(**fields))


def field(embed, prefix: str):
    """The embed field whose name contains ``prefix``."""
    [match] = [f for f in embed.fields if prefix in f.name]
    return match


# --- /coverage ----------------------------------------------------------------------------


async def test_coverage_lists_all_16_principles_and_every_missing_story(
    cog: Progress, interaction: MagicMock
) -> None:
    await invoke(cog.coverage, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    embed = message.embed
    assert len(embed.fields) == 17 and embed_fits(embed)
    assert "0/16" in embed.description and "Alice" in embed.title
    assert all("not started" in f.name for f in embed.fields[:16])
    assert embed.fields[0].value == "`░░░░░░░░░░` not practised yet · due now"
    stories = field(embed, "Story bank").value
    assert "16 principle(s) without a story" in stories and "/story add" in stories


async def test_coverage_shows_bar_attempts_best_last_due_and_status(
    cog: Progress, interaction: MagicMock, db: Database
) -> None:
    await answer(db, date(2024, 5, 8), 80)
    await answer(db, date(2024, 5, 9), 100)
    await answer(db, date(2024, 5, 9), 30, principle="frugality")
    await db.add_story(ALICE, "Outage", ["ownership"], "I fixed it.")

    await invoke(cog.coverage, cog, interaction)
    embed = sent(interaction).embed

    ownership = field(embed, "Ownership")
    assert "🟢" in ownership.name and "strong" in ownership.name
    # mean 90 -> 9 of 10 blocks; strong twice -> due 3 days after the last answer
    assert ownership.value == ("`█████████░` 90 · 2 tries · best 100 · last 09 May · "
                               "due 12 May")
    frugality = field(embed, "Frugality")
    assert "weak" in frugality.name and "due today" in frugality.value
    assert "2/16" in embed.description and "3 answer(s)" in embed.description
    stories = field(embed, "Story bank").value
    assert "15 principle(s) without a story" in stories
    assert "Ownership" not in stories and "Frugality" in stories


async def test_coverage_of_another_member_uses_their_data(
    cog: Progress, interaction: MagicMock, db: Database
) -> None:
    await answer(db, date(2024, 5, 9), 70, user_id=BOB)
    await invoke(cog.coverage, cog, interaction, member=make_user(BOB, "Bob_*the*_builder"))
    embed = sent(interaction).embed
    assert "1/16" in embed.description and "/next" not in embed.description
    assert r"Bob\_\*the\*\_builder" in embed.title  # markdown in a name shown literally
    assert "their story bank" in field(embed, "Story bank").value


async def test_coverage_of_a_bot_is_refused_ephemerally(
    cog: Progress, interaction: MagicMock
) -> None:
    await invoke(cog.coverage, cog, interaction, member=make_user(99, "Helper", is_bot=True))
    message = sent(interaction)
    assert message.ephemeral and "Bots don't practise" in message.content


async def test_coverage_fits_discord_limits_when_everything_is_practised(
    cog: Progress, interaction: MagicMock, db: Database
) -> None:
    for i, pid in enumerate(PRINCIPLE_IDS):
        for day in (date(2023, 12, 30), date(2024, 4, 1 + i)):
            await answer(db, day, 40 + 3 * i, principle=pid)
    await invoke(cog.coverage, cog, interaction)
    embed = sent(interaction).embed
    assert embed_fits(embed)
    assert "16/16" in embed.description


# --- /next --------------------------------------------------------------------------------


async def test_next_recommends_a_never_practised_principle_with_a_drill_hint(
    cog: Progress, interaction: MagicMock, bot: StarBot
) -> None:
    await invoke(cog.next_, cog, interaction)
    message = sent(interaction)
    embed = message.embed
    assert message.ephemeral
    assert "Customer Obsession" in embed.title
    question_id = embed.footer.text.removeprefix("Question ")
    question = bot.bank.question(question_id)
    assert question is not None and "customer-obsession" in question.principles
    assert embed.description == question.text
    assert "never practised" in field(embed, "Why").value
    assert "`/drill principle:customer-obsession`" in field(embed, "Practise it").value


async def test_next_offers_the_guilds_own_questions_only_in_that_guild(
    cog: Progress, bot: StarBot, db: Database
) -> None:
    # Every bank question was answered yesterday: only the guild's question is fresh.
    await db.add_answers_bulk(
        new_answer(question_id=q.id, principle_ids=list(q.principles), score=60,
                   created_at=at(date(2024, 5, 9)))
        for q in bot.bank.questions
    )
    custom = await db.add_guild_question(GUILD, "Tell me about a time you saved money "
                                                "for a customer.", ["frugality"], BOB)
    in_guild = make_interaction(bot)
    await invoke(cog.next_, cog, in_guild)
    embed = sent(in_guild).embed
    assert embed.footer.text == f"Question {custom.id}"
    assert "Frugality" in embed.title and "saved money" in embed.description

    in_dm = make_interaction(bot, guild_id=None)
    await invoke(cog.next_, cog, in_dm)
    assert sent(in_dm).embed.footer.text != f"Question {custom.id}"


# --- /history -----------------------------------------------------------------------------


async def test_history_without_answers_says_how_to_start(
    cog: Progress, interaction: MagicMock
) -> None:
    await invoke(cog.history, cog, interaction, count=10)
    message = sent(interaction)
    assert message.ephemeral and "no answers yet" in message.content


async def test_history_shows_newest_first_with_date_source_question_and_score(
    cog: Progress, interaction: MagicMock, db: Database, bot: StarBot
) -> None:
    question = bot.bank.questions[0]
    await answer(db, date(2024, 5, 7), 55, question_id=question.id,
                 principle=question.principles[0])
    await answer(db, date(2024, 5, 8), 66, source="drill", guild_id=None)
    await answer(db, date(2024, 5, 9), 77, question_id="custom-404")
    await answer(db, date(2024, 5, 9), 10, user_id=BOB)  # someone else's

    await invoke(cog.history, cog, interaction, count=10)
    embed = sent(interaction).embed
    lines = embed.description.splitlines()
    assert len(lines) == 3 and "3 answer(s)" in embed.title
    assert lines[0].startswith("`09 May` · daily ·") and "*question removed*" in lines[0]
    assert "**77**/100" in lines[0]
    assert "drill" in lines[1] and "*free answer*" in lines[1]
    assert question.text[:30] in lines[2] and "**55**/100" in lines[2]

    fewer = make_interaction(bot)
    await invoke(cog.history, cog, fewer, count=1)
    assert len(sent(fewer).embed.description.splitlines()) == 1


async def test_history_count_is_limited_to_25(cog: Progress) -> None:
    [option] = cog.history.parameters
    assert (option.min_value, option.max_value, option.default) == (1, 25, 10)
    assert option.description.startswith("How many answers")


# --- /streak ------------------------------------------------------------------------------


async def test_streak_counts_days_in_the_members_own_time_zone(
    cog: Progress, interaction: MagicMock, db: Database, bot: StarBot
) -> None:
    for day in (date(2024, 5, 2), date(2024, 5, 3), date(2024, 5, 8), date(2024, 5, 9)):
        await answer(db, day, 70)
    await answer(db, date(2024, 5, 9), 70, source="drill")  # drills don't count

    await invoke(cog.streak, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    assert "Current: **2 days** (since 08 May)" in message.embed.description
    assert "Longest: **2 days**" in message.embed.description
    assert "keep it going" in message.embed.description
    assert "UTC" in message.embed.footer.text

    # At 12:00 UTC it is already Saturday 11 May in Kiritimati: Friday had no answer.
    await db.set_preferences(ALICE, timezone="Pacific/Kiritimati")
    later = make_interaction(bot)
    await invoke(cog.streak, cog, later)
    embed = sent(later).embed
    assert "Current: **0 days**" in embed.description and "start one" in embed.description
    assert "Pacific/Kiritimati" in embed.footer.text


# --- /leaderboard -------------------------------------------------------------------------


async def test_leaderboard_ranks_members_as_mentions_without_fetching_them(
    cog: Progress, interaction: MagicMock, db: Database
) -> None:
    await answer(db, date(2024, 5, 9), 70, user_id=ALICE)
    await answer(db, date(2024, 5, 10), 70, user_id=ALICE)
    await answer(db, date(2024, 5, 10), 70, user_id=BOB, principle="frugality")
    await answer(db, date(2024, 5, 10), 70, user_id=BOB, principle="dive-deep")
    await answer(db, date(2024, 5, 10), 70, user_id=CAROL, guild_id=GUILD + 1)  # elsewhere

    await invoke(cog.leaderboard, cog, interaction)
    message = sent(interaction)
    assert not message.ephemeral
    lines = message.embed.description.splitlines()
    assert lines == [f"**1.** <@{ALICE}> · 🔥 2 days · 1/16 principles",
                     f"**2.** <@{BOB}> · 🔥 1 day · 2/16 principles"]
    assert "10 May 2024" in message.embed.title
    assert not interaction.guild.fetch_member.called
    assert not interaction.guild.get_member.called


async def test_leaderboard_is_guild_only_and_says_when_empty(
    cog: Progress, interaction: MagicMock
) -> None:
    assert cog.leaderboard.guild_only
    await invoke(cog.leaderboard, cog, interaction)
    assert "Nobody yet" in sent(interaction).embed.description


async def test_every_option_is_described(cog: Progress) -> None:
    for command in cog.walk_app_commands():
        assert command.description
        for parameter in getattr(command, "parameters", []):
            assert parameter.description and parameter.description != "…", parameter.name
