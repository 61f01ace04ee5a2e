"""/story add · list · remove as the member sees them."""

from __future__ import annotations

from unittest.mock import MagicMock

import pytest

from bot.coach.principle_ids import PRINCIPLE_IDS
from bot.storage import Database
from cogs import stories
from cogs.starbot import StarBot
from cogs.stories import Stories
from tests.cogs.conftest import (
    embed_fits,
    invoke,
    make_interaction,
    opened_modal,
    sent,
    submit,
)
from tests.storage.factories import ALICE, BOB


@pytest.fixture
async def cog(bot: StarBot) -> Stories:
    await stories.setup(bot)
    loaded = bot.get_cog("Stories")
    assert isinstance(loaded, Stories)
    return loaded


async def add_via_modal(cog: Stories, bot: StarBot, **values: str) -> MagicMock:
    """Run /story add, fill the modal, submit it; returns the submitting interaction."""
    opening = make_interaction(bot)
    await invoke(cog.add, cog, opening)
    modal = opened_modal(opening)
    submitting = make_interaction(bot)
    await submit(modal, submitting, **values)
    return submitting


async def test_add_opens_a_modal_with_title_principles_and_a_bounded_summary(
    cog: Stories, interaction: MagicMock
) -> None:
    await invoke(cog.add, cog, interaction)
    modal = opened_modal(interaction)
    assert modal.title == "Add a story"
    assert modal.summary.max_length == 1000
    assert {c.text for c in modal.children} == {"Title", "Principles it shows", "Summary"}


async def test_add_resolves_principles_by_id_name_or_short_name(
    cog: Stories, bot: StarBot, db: Database
) -> None:
    submitting = await add_via_modal(
        cog, bot, story_title="Saved the *launch*",
        principles="ownership, Dive Deep, customers, Are Right, A Lot",
        summary="We were two weeks late; I re-planned and shipped on time.")
    message = sent(submitting)
    assert message.ephemeral
    assert r"“Saved the \*launch\*”" in message.content  # markdown shown literally
    assert "Ownership, 🔍 Dive Deep" in message.content
    [story] = await db.list_stories(ALICE)
    assert story.principle_ids == ["ownership", "dive-deep", "customer-obsession",
                                   "are-right-a-lot"]
    assert story.summary.startswith("We were two weeks late")
    assert "No story yet for 12 principle(s)" in message.content


async def test_add_rejects_unknown_principles_listing_the_valid_ids(
    cog: Stories, bot: StarBot, db: Database
) -> None:
    submitting = await add_via_modal(cog, bot, story_title="Outage",
                                     principles="ownership, teamwork", summary="I fixed it.")
    message = sent(submitting)
    assert message.ephemeral
    assert "'teamwork'" in message.content
    assert all(pid in message.content for pid in PRINCIPLE_IDS)
    assert await db.list_stories(ALICE) == []


async def test_add_says_when_a_principle_name_is_ambiguous(
    cog: Stories, bot: StarBot
) -> None:
    submitting = await add_via_modal(cog, bot, story_title="Hiring", principles="best",
                                     summary="I hired two engineers.")
    content = sent(submitting).content
    assert "could be hire-and-develop-the-best or strive-to-be-earths-best-employer" in content


async def test_list_groups_stories_by_principle_and_names_the_gaps(
    cog: Stories, interaction: MagicMock, db: Database
) -> None:
    first = await db.add_story(ALICE, "Outage", ["ownership", "dive-deep"], "I fixed it.")
    second = await db.add_story(ALICE, "Budget cut", ["frugality"], "Saved 20%.")
    await db.add_story(BOB, "Bob's story", ["ownership"], "Not Alice's.")

    await invoke(cog.list_, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    embed = message.embed
    names = [f.name for f in embed.fields]
    assert names[:3] == ["🔑 Ownership (1) ⚠️", "💰 Frugality (1) ⚠️", "🔍 Dive Deep (1) ⚠️"]
    assert embed.fields[0].value == f"`#{first.id}` Outage"
    assert embed.fields[1].value == f"`#{second.id}` Budget cut"
    assert "Bob's story" not in message.text
    assert "No story yet for 13 principle(s)" in embed.fields[-1].value


async def test_list_fits_discord_limits_with_a_huge_story_bank(
    cog: Stories, interaction: MagicMock, db: Database
) -> None:
    for i in range(120):
        await db.add_story(ALICE, f"Story {i} " + "x" * 90, list(PRINCIPLE_IDS), "s")
    await invoke(cog.list_, cog, interaction)
    embed = sent(interaction).embed
    assert embed_fits(embed)
    assert len(embed.fields) == 16 and "more" in embed.fields[0].value


async def test_remove_deletes_only_your_own_story(
    cog: Stories, bot: StarBot, db: Database
) -> None:
    mine = await db.add_story(ALICE, "Outage", ["ownership"], "I fixed it.")
    theirs = await db.add_story(BOB, "Bob's", ["ownership"], "Bob's.")

    attempt = make_interaction(bot)
    await invoke(cog.remove, cog, attempt, story_id=theirs.id)
    assert sent(attempt).ephemeral and f"no story #{theirs.id}" in sent(attempt).content
    assert len(await db.list_stories(BOB)) == 1

    removal = make_interaction(bot)
    await invoke(cog.remove, cog, removal, story_id=mine.id)
    assert sent(removal).content == f"🗑️ Story #{mine.id} removed."
    assert await db.list_stories(ALICE) == []


async def test_remove_autocompletes_your_stories_newest_first(
    cog: Stories, interaction: MagicMock, db: Database
) -> None:
    old = await db.add_story(ALICE, "Outage at peak", ["ownership"], "s")
    new = await db.add_story(ALICE, "Budget cut", ["frugality"], "s")
    await db.add_story(BOB, "Outage for Bob", ["ownership"], "s")

    everything = await cog._story_choices(interaction, "")
    assert [(c.name, c.value) for c in everything] == [(f"#{new.id} Budget cut", new.id),
                                                       (f"#{old.id} Outage at peak", old.id)]
    assert [c.value for c in await cog._story_choices(interaction, "outage")] == [old.id]
    assert [c.value for c in await cog._story_choices(interaction, f"#{new.id}")] == [new.id]
    assert cog.remove.parameters[0].description.startswith("The story to remove")
