"""/drill and /mock as the member sees them: the question, the Answer button, the modal,
the scorecard, up to three follow-up rounds, and the mock interview's summary."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from unittest.mock import MagicMock

import discord
import pytest

from bot.storage import Database
from cogs import drills
from cogs.answers import DetailsButton
from cogs.drills import DrillAnswerButton, DrillFollowUpButton, Drills, MockAnswerButton
from cogs.starbot import StarBot
from tests.cogs.conftest import bank, invoke, make_interaction, opened_modal, sent, submit
from tests.storage.factories import ALICE, BOB, GUILD

ANSWER = (
    "At my last company I was the on-call lead for checkout. Orders were failing for 8% of "
    "customers after a deploy. I rolled the deploy back within 10 minutes, then I wrote a "
    "canary check so bad configs stop at 1% of traffic. Failed orders dropped from 8% to "
    "0.1% and we have had no config outage since. I learned to make rollbacks the default.")
WEAK = "We did a thing and it was fine."
MORE = "Because I owned the rollout, I also ran the review and shared the checklist."
PROBE_FIELD = "A bar raiser would ask (reply to this message)"


@pytest.fixture
async def cog(bot: StarBot) -> Drills:
    await drills.setup(bot)
    loaded = bot.get_cog("Drills")
    assert isinstance(loaded, Drills)
    return loaded


def items(view: discord.ui.View) -> dict[type, Any]:
    """The view's dynamic buttons by class (one of each)."""
    found = {type(child): child for child in view.children}
    assert len(found) == len(view.children)
    return found


def fields(embed: discord.Embed) -> dict[str, str]:
    return {f.name: f.value for f in embed.fields}


def question_id_of(embed: discord.Embed) -> str:
    return embed.footer.text.split(" · ")[0]


async def drill(cog: Drills, bot: StarBot, **options: str) -> discord.Embed:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, **options)
    message = sent(interaction)
    assert message.ephemeral
    return message.embed


async def answer_drill(bot: StarBot, button: DrillAnswerButton, text: str
                       ) -> tuple[discord.Embed, discord.ui.View]:
    """Click Answer, type `text` into the modal, submit; the ephemeral result."""
    clicking = make_interaction(bot)
    await button.callback(clicking)
    modal = opened_modal(clicking)
    assert modal.title == "Your answer"
    submitting = make_interaction(bot)
    await submit(modal, submitting, answer=text)
    result = sent(submitting)
    assert result.ephemeral
    return result.embed, result.view


# --- /drill -------------------------------------------------------------------------------


async def test_drill_on_a_principle_asks_one_of_its_questions(
    cog: Drills, bot: StarBot
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, principle="frugality")
    message = sent(interaction)
    assert message.ephemeral
    embed = message.embed
    question = bank().question(question_id_of(embed))
    assert question is not None and "frugality" in question.principles
    assert embed.title == "Drill" and embed.description == question.text
    assert "Frugality" in fields(embed)["Leadership Principles"]
    assert embed.footer.text.startswith(f"{question.id} · picked because: ")
    button = items(message.view)[DrillAnswerButton]
    assert button.custom_id == f"drill:answer:{question.id}" and button.item.label == "Answer"


async def test_drill_on_a_question_asks_exactly_that(cog: Drills, bot: StarBot) -> None:
    question = bank().questions_for("dive-deep")[1]
    embed = await drill(cog, bot, question=question.id)
    assert embed.description == question.text
    assert embed.footer.text == f"{question.id} · picked because: the question you asked for"


async def test_drill_with_neither_picks_what_you_need_most(cog: Drills, bot: StarBot) -> None:
    embed = await drill(cog, bot)
    question = bank().question(question_id_of(embed))
    assert question is not None and "customer-obsession" in question.principles
    assert "Customer Obsession" in fields(embed)["Leadership Principles"]
    assert "never practised" in embed.footer.text


async def test_drill_can_ask_the_servers_own_question_only_in_that_server(
    cog: Drills, bot: StarBot, db: Database
) -> None:
    custom = await db.add_guild_question(GUILD, "Tell me about a frugal fix.", ["frugality"],
                                         BOB)
    embed = await drill(cog, bot, question=custom.id)
    assert embed.description == "Tell me about a frugal fix."
    in_dm = make_interaction(bot, guild_id=None)
    await invoke(cog.drill, cog, in_dm, question=custom.id)
    assert sent(in_dm).content.startswith(f"There is no question '{custom.id}'")


@pytest.mark.parametrize(("options", "says"), [
    ({"principle": "teamwork"}, "'teamwork' is not a Leadership Principle. Pick one from the "
                                "list."),
    ({"question": "q-nope"}, "There is no question 'q-nope'. Start typing to pick one from "
                             "the list."),
])
async def test_drill_refuses_an_unknown_principle_or_question(
    cog: Drills, bot: StarBot, options: dict[str, str], says: str
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, **options)
    message = sent(interaction)
    assert message.ephemeral and message.content == says and message.view is None


async def test_drill_autocomplete_offers_principles_and_their_questions(
    cog: Drills, bot: StarBot
) -> None:
    interaction = make_interaction(bot)
    principles = await cog._principles(interaction, "own")
    assert [(c.name, c.value) for c in principles] == [("Ownership", "ownership")]

    interaction.namespace = SimpleNamespace(principle="frugality")
    questions = await cog._questions(interaction, "")
    assert questions and len(questions) <= 25
    for choice in questions:
        question = bank().question(choice.value)
        assert question is not None and "frugality" in question.principles
        assert choice.name.startswith(f"{question.id}: ") and len(choice.name) <= 100


async def test_answering_a_drill_shows_the_scorecard_and_stores_the_answer(
    cog: Drills, bot: StarBot, db: Database
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, principle="ownership")
    question_id = question_id_of(sent(interaction).embed)
    embed, view = await answer_drill(bot, items(sent(interaction).view)[DrillAnswerButton],
                                     ANSWER)
    [stored] = await db.user_answer_history(ALICE)
    answer = await db.get_answer(stored.id)
    assert answer is not None
    assert (answer.source, answer.question_id, answer.guild_id, answer.text) == (
        "drill", question_id, GUILD, ANSWER)
    assert embed.title == f"Scorecard · {answer.score}/100"
    assert PROBE_FIELD in fields(embed)
    buttons = items(view)
    assert buttons[DetailsButton].custom_id == f"star:details:{answer.id}"
    assert buttons[DrillFollowUpButton].custom_id == f"drill:follow:{answer.id}"


async def test_the_answer_button_works_after_a_restart(cog: Drills, bot: StarBot) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, principle="ownership")
    button = items(sent(interaction).view)[DrillAnswerButton]
    rebuilt = await DrillAnswerButton.from_custom_id(
        interaction, button.item, button.template.fullmatch(button.custom_id))
    embed, _ = await answer_drill(bot, rebuilt, WEAK)
    assert embed.title.startswith("Scorecard · ")


async def test_follow_ups_go_three_rounds_then_stop(
    cog: Drills, bot: StarBot, db: Database
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction, principle="ownership")
    embed, view = await answer_drill(bot, items(sent(interaction).view)[DrillAnswerButton],
                                     WEAK)
    [stored] = await db.user_answer_history(ALICE)
    probe = fields(embed)[PROBE_FIELD]
    first_button = items(view)[DrillFollowUpButton]

    for number in (1, 2, 3):
        clicking = make_interaction(bot)
        await items(view)[DrillFollowUpButton].callback(clicking)
        modal = opened_modal(clicking)
        assert modal.title == "Follow-up"
        shown, label = modal.children
        assert label.text == "Your answer to the follow-up"
        # The question the last card asked, whole, above the answer field.
        assert shown.content == probe
        submitting = make_interaction(bot)
        await submit(modal, submitting, answer=MORE)
        result = sent(submitting)
        assert result.ephemeral
        embed, view = result.embed, result.view
        follow_ups = await db.list_follow_ups(stored.id)
        assert len(follow_ups) == number and follow_ups[-1].probe == probe
        assert embed.title == f"Follow-up {number}/3 · whole story · {follow_ups[-1].score}/100"
        probe = fields(embed).get(PROBE_FIELD, "")

    assert probe == ""  # no fourth question asked
    assert set(items(view)) == {DetailsButton}  # and no Follow-up button
    late = make_interaction(bot)
    await first_button.callback(late)  # an old button from round 0
    message = sent(late)
    assert message.ephemeral
    assert message.content == "That's the 5 whys for this story — start a new `/drill`."
    late.response.send_modal.assert_not_awaited()


async def test_someone_elses_follow_up_button_is_refused(
    cog: Drills, bot: StarBot
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.drill, cog, interaction)
    _, view = await answer_drill(bot, items(sent(interaction).view)[DrillAnswerButton], WEAK)
    stranger = make_interaction(bot, BOB, name="Bob")
    await items(view)[DrillFollowUpButton].callback(stranger)
    message = sent(stranger)
    assert message.ephemeral
    assert message.content == "That drill isn't yours, or it was deleted."


# --- /mock --------------------------------------------------------------------------------


async def test_mock_asks_three_questions_on_three_principles_then_sums_up(
    cog: Drills, bot: StarBot, db: Database
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.mock, cog, interaction)
    start = sent(interaction)
    assert start.ephemeral
    assert start.content.startswith("Three questions on three principles")
    assert start.embed.title == "Mock interview · question 1/3"
    asked = [question_id_of(start.embed)]
    button = items(start.view)[MockAnswerButton]
    assert button.item.label == "Answer question 1/3"

    for number, text in ((1, ANSWER), (2, WEAK)):
        clicking = make_interaction(bot)
        clicking.id = 1000 + number
        await button.callback(clicking)
        modal = opened_modal(clicking)
        assert modal.title == f"Question {number} of 3"
        submitting = make_interaction(bot)
        await submit(modal, submitting, answer=text)
        submitting.response.send_message.assert_awaited_once()
        kwargs = submitting.response.send_message.await_args.kwargs
        assert kwargs["ephemeral"]
        scorecard, next_question = kwargs["embeds"]
        assert scorecard.title.startswith(f"Answer {number} · ")
        assert PROBE_FIELD not in fields(scorecard)  # no probing mid-interview
        assert next_question.title == f"Mock interview · question {number + 1}/3"
        asked.append(question_id_of(next_question))
        button = items(kwargs["view"])[MockAnswerButton]
        assert button.item.label == f"Answer question {number + 1}/3"

    clicking = make_interaction(bot)
    await button.callback(clicking)
    submitting = make_interaction(bot)
    await submit(opened_modal(clicking), submitting, answer=MORE)
    summary = sent(submitting)
    assert summary.ephemeral and summary.view is None
    assert summary.embed.title.startswith("Mock interview · overall ")
    verdicts = [f for f in summary.embed.fields if f.name != "Fix these first"]
    assert len(verdicts) == 3
    principles = [bank().principle(bank().question(q).principles[0]).name for q in asked]
    assert len(set(principles)) == 3
    for field, name in zip(verdicts, principles, strict=True):
        assert name in field.name
    assert "Fix these first" in fields(summary.embed)

    history = await db.user_answer_history(ALICE)
    assert sorted(a.question_id for a in history) == sorted(asked)
    assert {a.source for a in history} == {"mock"}


async def test_a_mock_button_works_after_a_restart(
    cog: Drills, bot: StarBot
) -> None:
    interaction = make_interaction(bot)
    await invoke(cog.mock, cog, interaction)
    button = items(sent(interaction).view)[MockAnswerButton]
    rebuilt = await MockAnswerButton.from_custom_id(
        interaction, button.item, button.template.fullmatch(button.custom_id))
    assert (rebuilt.question_ids, rebuilt.index, rebuilt.answer_ids) == (
        button.question_ids, 0, [])
    assert len(button.custom_id) <= 100  # Discord's limit for a custom id
    clicking: MagicMock = make_interaction(bot)
    await rebuilt.callback(clicking)
    assert opened_modal(clicking).title == "Question 1 of 3"
