"""/question add · list · remove as a server's moderators see them."""

from __future__ import annotations

from unittest.mock import MagicMock

import discord
import pytest

from bot.storage import Database
from cogs import questions
from cogs.questions import Questions
from cogs.starbot import StarBot
from tests.cogs.conftest import embed_fits, invoke, make_interaction, opened_modal, sent, submit
from tests.storage.factories import ALICE, GUILD

TEXT = "Tell me about a time you <@&123456789012345678> @everyone changed a **process**."


@pytest.fixture
async def cog(bot: StarBot) -> Questions:
    await questions.setup(bot)
    loaded = bot.get_cog("Questions")
    assert isinstance(loaded, Questions)
    return loaded


async def add_via_modal(cog: Questions, bot: StarBot, **values: str) -> MagicMock:
    opening = make_interaction(bot)
    await invoke(cog.add, cog, opening)
    submitting = make_interaction(bot)
    await submit(opened_modal(opening), submitting, **values)
    return submitting


def test_the_group_is_guild_only_for_managers(cog: Questions) -> None:
    group = cog.question
    assert group.guild_only
    assert group.default_permissions == discord.Permissions(manage_guild=True)
    assert {c.name for c in group.commands} == {"add", "list", "remove"}


async def test_add_opens_a_modal_with_the_banks_length_limits(
    cog: Questions, interaction: MagicMock
) -> None:
    await invoke(cog.add, cog, interaction)
    modal = opened_modal(interaction)
    assert (modal.text.min_length, modal.text.max_length) == (15, 400)
    assert modal.guild_id == GUILD


async def test_add_saves_the_question_with_one_to_three_principles(
    cog: Questions, bot: StarBot, db: Database
) -> None:
    submitting = await add_via_modal(cog, bot, text=TEXT,
                                     principles="invent and simplify, Dive deep")
    message = sent(submitting)
    assert message.ephemeral
    [question] = await db.list_guild_questions(GUILD)
    assert question.principle_ids == ["invent-and-simplify", "dive-deep"]
    assert question.added_by == ALICE and question.id == "custom-1"
    assert "`custom-1`" in message.content and "Invent & Simplify" in message.content
    # the echo is shown literally: no pings, no markdown
    assert "@\u200beveryone" in message.content and "<@&123456789012345678>" not in message.content
    assert r"\*\*process\*\*" in message.content


async def test_add_refuses_more_than_three_principles(
    cog: Questions, bot: StarBot, db: Database
) -> None:
    submitting = await add_via_modal(cog, bot, text=TEXT,
                                     principles="ownership, frugality, dive deep, think big")
    message = sent(submitting)
    assert message.ephemeral and "at most 3" in message.content
    assert await db.list_guild_questions(GUILD) == []


async def test_add_refuses_unknown_principles(cog: Questions, bot: StarBot) -> None:
    submitting = await add_via_modal(cog, bot, text=TEXT, principles="synergy")
    content = sent(submitting).content
    assert "'synergy'" in content and "customer-obsession" in content


async def test_list_shows_only_this_servers_questions(
    cog: Questions, interaction: MagicMock, db: Database
) -> None:
    await db.add_guild_question(GUILD, "Tell me about a frugal fix.", ["frugality"], ALICE)
    await db.add_guild_question(GUILD + 1, "Another server's question.", ["ownership"], ALICE)
    await invoke(cog.list_, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    assert message.embed.description == "`custom-1` “Tell me about a frugal fix.” — 💰 Frugality"
    assert "1" in message.embed.title


async def test_list_when_empty_and_when_huge(
    cog: Questions, bot: StarBot, db: Database
) -> None:
    empty = make_interaction(bot)
    await invoke(cog.list_, cog, empty)
    assert "None yet" in sent(empty).embed.description

    for i in range(80):
        await db.add_guild_question(GUILD, f"Question {i} " + "y" * 380, ["ownership"], ALICE)
    full = make_interaction(bot)
    await invoke(cog.list_, cog, full)
    embed = sent(full).embed
    assert embed_fits(embed) and embed.description.endswith("more")


async def test_remove_and_its_autocomplete(
    cog: Questions, bot: StarBot, db: Database
) -> None:
    first = await db.add_guild_question(GUILD, "Tell me about a frugal fix.", ["frugality"],
                                        ALICE)
    second = await db.add_guild_question(GUILD, "Tell me about a hard call.", ["ownership"],
                                         ALICE)
    await db.add_guild_question(GUILD + 1, "Another server's frugal question.", ["frugality"],
                                ALICE)
    asking = make_interaction(bot)
    choices = await cog._question_choices(asking, "frugal")
    assert [(c.name, c.value) for c in choices] == [
        ("custom-1 · Tell me about a frugal fix.", first.id)]
    assert [c.value for c in await cog._question_choices(asking, "")] == [second.id, first.id]

    removing = make_interaction(bot)
    await invoke(cog.remove, cog, removing, question_id=first.id)
    assert sent(removing).ephemeral and first.id in sent(removing).content
    assert [q.id for q in await db.list_guild_questions(GUILD)] == [second.id]

    again = make_interaction(bot)
    await invoke(cog.remove, cog, again, question_id=first.id)
    assert "has no question" in sent(again).content
    assert cog.remove.parameters[0].description.startswith("The question to remove")
