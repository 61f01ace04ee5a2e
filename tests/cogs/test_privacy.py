"""/privacy export · delete as the member sees them."""

from __future__ import annotations

import gzip
import json
from unittest.mock import MagicMock

import discord
import pytest

from bot.errors import UserFacingError
from bot.storage import Database
from cogs import privacy
from cogs.privacy import ConfirmDelete, Privacy
from cogs.starbot import StarBot
from cogs.ui.privacy import export_file
from tests.cogs.conftest import edited, followed_up, invoke, make_interaction, sent
from tests.storage.factories import ALICE, BOB, GUILD, new_answer


@pytest.fixture
async def cog(bot: StarBot) -> Privacy:
    await privacy.setup(bot)
    loaded = bot.get_cog("Privacy")
    assert isinstance(loaded, Privacy)
    return loaded


async def populate(db: Database) -> None:
    """Alice answers, reviews Bob, keeps a story, adds a server question."""
    await db.add_answer(new_answer(user_id=ALICE, text="I led the migration."))
    bob_answer, _ = await db.add_answer(new_answer(user_id=BOB))
    await db.upsert_review(bob_answer.id, ALICE, 2, 3, 4, 5, "add numbers")
    await db.add_story(ALICE, "Outage", ["ownership"], "I fixed it.")
    await db.add_guild_question(GUILD, "Tell me about a frugal fix.", ["frugality"], ALICE)


def buttons(view: discord.ui.View) -> dict[str, discord.ui.Button]:
    return {item.label: item for item in view.children if isinstance(item, discord.ui.Button)}


async def test_export_sends_a_json_file_of_everything_about_you(
    cog: Privacy, interaction: MagicMock, db: Database
) -> None:
    await populate(db)
    await invoke(cog.export, cog, interaction)
    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    message = followed_up(interaction)
    assert message.ephemeral
    assert message.file.filename == f"star-coach-{ALICE}.json"
    data = json.loads(message.file.fp.read())
    assert data["user_id"] == ALICE
    assert [a["text"] for a in data["answers"]] == ["I led the migration."]
    assert [r["comment"] for r in data["reviews_written"]] == ["add numbers"]
    assert [s["title"] for s in data["stories"]] == ["Outage"]
    assert "1 answer(s)" in message.content and "/privacy delete" in message.content


def test_a_large_export_is_compressed_and_a_huge_one_refused() -> None:
    data = {"answers": ["x" * 5000] * 10}
    file = export_file(data, ALICE, limit=10_000)
    assert file.filename == f"star-coach-{ALICE}.json.gz"
    assert json.loads(gzip.decompress(file.fp.read())) == data
    with pytest.raises(UserFacingError, match="too large"):
        export_file(data, ALICE, limit=100)


async def test_delete_asks_first_and_says_what_happens_to_reviews_you_wrote(
    cog: Privacy, interaction: MagicMock, db: Database
) -> None:
    await populate(db)
    await invoke(cog.delete, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    assert "reviews and comments **you wrote**" in message.content
    assert "deleted, not kept anonymously" in message.content
    assert "stay with that server, without your name" in message.content
    view = message.view
    assert isinstance(view, ConfirmDelete) and view.timeout == 60
    assert set(buttons(view)) == {"Delete my data", "Cancel"}
    assert len(await db.list_stories(ALICE)) == 1  # nothing deleted yet
    assert "delete" in cog.delete.description.lower()


async def test_confirm_deletes_and_reports_the_counts(
    cog: Privacy, interaction: MagicMock, bot: StarBot, db: Database
) -> None:
    await populate(db)
    await invoke(cog.delete, cog, interaction)
    view = sent(interaction).view
    pressing = make_interaction(bot)
    await buttons(view)["Delete my data"].callback(pressing)

    result = edited(pressing)
    assert result.view is None
    assert result.content.startswith("🗑️ Deleted: 1 answer(s), 1 review(s) you wrote, "
                                     "1 story(ies)")
    assert "1 question(s) you added stay with their server" in result.content
    assert await db.list_stories(ALICE) == []
    assert (await db.export_user(ALICE))["answers"] == []
    assert len((await db.export_user(BOB))["answers"]) == 1  # Bob's data stays
    [question] = await db.list_guild_questions(GUILD)
    assert question.added_by is None
    assert view.is_finished()


async def test_cancel_and_timeout_delete_nothing(
    cog: Privacy, interaction: MagicMock, bot: StarBot, db: Database
) -> None:
    await populate(db)
    await invoke(cog.delete, cog, interaction)
    view = sent(interaction).view
    pressing = make_interaction(bot)
    await buttons(view)["Cancel"].callback(pressing)
    assert edited(pressing).content == "Cancelled: nothing was deleted."
    assert len(await db.list_stories(ALICE)) == 1

    again = make_interaction(bot)
    await invoke(cog.delete, cog, again)
    await sent(again).view.on_timeout()
    again.edit_original_response.assert_awaited_once()
    assert "Timed out" in again.edit_original_response.await_args.kwargs["content"]
    assert len(await db.list_stories(ALICE)) == 1


async def test_only_the_member_who_asked_can_press_the_buttons(
    cog: Privacy, interaction: MagicMock, bot: StarBot
) -> None:
    await invoke(cog.delete, cog, interaction)
    view = sent(interaction).view
    stranger = make_interaction(bot, BOB, name="Bob")
    assert await view.interaction_check(stranger) is False
    assert sent(stranger).ephemeral and "Only the member who asked" in sent(stranger).content
    assert await view.interaction_check(make_interaction(bot)) is True
