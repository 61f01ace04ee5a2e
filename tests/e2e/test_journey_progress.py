"""Journey 6: what a member did shows in /coverage, comes back in /privacy export, and is
gone after /privacy delete."""

from __future__ import annotations

import json
from pathlib import Path

from .fake_discord import FakeDiscord
from .journeys import Clock, eventually, running_bot, study_server
from .test_journey_daily import GOOD_ANSWER, post_today


async def test_coverage_export_and_delete(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock) as bot:
        thread = await post_today(server, bot, clock)
        await fake.user_message(server.alice, thread, GOOD_ANSWER)
        await fake.wait_for_message(thread)
        stories = await fake.slash(server.alice, server.guild, server.channel, "story",
                                   subcommand="add")
        modal = await stories.modal()
        labels = [c["label"] for c in modal["components"]]
        await fake.submit_modal(server.alice, modal["custom_id"], {
            labels[0]: "Checkout rollback", labels[1]: "bias-for-action",
            labels[2]: "I rolled back a bad deploy in 10 minutes and added a canary.",
        })
        await eventually(lambda: bot.db.list_stories(server.alice.id))

        coverage = await fake.slash(server.alice, server.guild, server.channel, "coverage")
        embed = (await coverage.response())["data"]["embeds"][0]
        assert coverage.ephemeral
        text = json.dumps(embed)
        principle = bot.bank.question(
            (await bot.db.user_answer_history(server.alice.id))[0].question_id).principles[0]
        name = bot.bank.principle(principle).name
        practised = next(f for f in embed["fields"] if name in f["name"])
        assert "1" in practised["value"]  # one attempt
        assert "Story bank" in text

        export = await fake.slash(server.alice, server.guild, server.channel, "privacy",
                                  subcommand="export")
        message = await export.message()
        assert export.ephemeral
        call = await fake.wait_for_call("POST", rf"/webhooks/{fake.application_id}/.+",
                                        predicate=lambda c: c.files)
        data = json.loads(call.files[0].data)
        assert [a["text"] for a in data["answers"]] == [GOOD_ANSWER]
        assert [s["title"] for s in data["stories"]] == ["Checkout rollback"]
        assert message is not None

        delete = await fake.slash(server.alice, server.guild, server.channel, "privacy",
                                  subcommand="delete")
        prompt = await delete.message()
        confirmed = await fake.click(server.alice, prompt, label="Delete my data")
        await confirmed.response()
        assert await bot.db.user_answer_history(server.alice.id) == []
        assert await bot.db.list_stories(server.alice.id) == []
        after = await fake.slash(server.alice, server.guild, server.channel, "privacy",
                                 subcommand="export")
        await after.message()
        call = await fake.wait_for_call("POST", rf"/webhooks/{fake.application_id}/.+",
                                        predicate=lambda c: c.files)
        assert json.loads(call.files[0].data)["answers"] == []
