"""Journey 5: /drill → Answer → modal → analysis → Follow-up; /mock in three rounds."""

from __future__ import annotations

from pathlib import Path

from .fake_discord import FakeDiscord
from .journeys import Clock, eventually, running_bot, study_server
from .test_journey_daily import CORE, GOOD_ANSWER


async def test_drill_answer_and_follow_up_rounds(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        drill = await fake.slash(server.alice, server.guild, server.channel, "drill",
                                 options={"principle": "frugality"})
        prompt = await drill.message()
        assert drill.ephemeral
        assert "Frugality" in prompt.embeds[0]["fields"][0]["value"]

        opened = await fake.click(server.alice, prompt, label="Answer")
        modal = await opened.modal()
        submitted = await fake.submit_modal(server.alice, modal["custom_id"],
                                            {"Your answer (STAR)": GOOD_ANSWER})
        result = await submitted.message()
        assert submitted.ephemeral
        assert result.embeds[0]["title"].startswith("Scorecard")
        answers = await bot.db.user_answer_history(server.alice.id)
        assert [a.source for a in answers] == ["drill"]

        for round_number in (1, 2, 3):
            follow = await fake.click(server.alice, result, label="Follow-up")
            probe_modal = await follow.modal()
            # The probe the scorecard asked is shown whole above the answer field.
            asked = next(f["value"] for f in result.embeds[0]["fields"]
                         if f["value"] in str(probe_modal["components"]))
            assert {"type": 10, "content": asked}.items() <= probe_modal["components"][0].items()
            replied = await fake.submit_modal(
                server.alice, probe_modal["custom_id"],
                {"Your answer to the follow-up": f"Round {round_number}: I measured it daily."})
            result = await replied.message()
            assert result.embeds[0]["title"].startswith(f"Follow-up {round_number}/3")
        labels = [c.get("label") for row in result.components for c in row["components"]]
        assert "Follow-up" not in labels
        follow_ups = await bot.db.list_follow_ups(answers[0].id)
        assert len(follow_ups) == 3


async def test_mock_interview_three_rounds_and_summary(fake_discord: FakeDiscord, tmp_path: Path):
    fake = fake_discord
    server = study_server(fake)
    clock = Clock()
    async with running_bot(fake, tmp_path / "star.db", clock, extensions=CORE) as bot:
        mock = await fake.slash(server.bob, server.guild, server.channel, "mock")
        screen = await mock.message()
        principles_seen = set()
        for index in range(3):
            assert screen.embeds[-1]["title"] == f"Mock interview · question {index + 1}/3"
            principles_seen.add(screen.embeds[-1]["fields"][0]["value"])
            opened = await fake.click(server.bob, screen, label=f"Answer question {index + 1}/3")
            modal = await opened.modal()
            sent = await fake.submit_modal(server.bob, modal["custom_id"],
                                           {"Your answer (STAR)": GOOD_ANSWER})
            screen = await sent.message()
        summary = screen.embeds[0]
        assert summary["title"].startswith("Mock interview · overall")
        assert len([f for f in summary["fields"] if f["name"] != "Fix these first"]) == 3
        assert len(principles_seen) == 3
        stored = await eventually(lambda: bot.db.user_answer_history(server.bob.id))
        assert [a.source for a in stored] == ["mock"] * 3
