"""Self-tests of the fake Discord harness, driven by a minimal bot defined here."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from .fake_discord import Channel, FakeDiscord, Guild, Member, Role, run_bot

# -- the minimal bot ------------------------------------------------------------------------------


class ClassicModal(discord.ui.Modal, title="Your STAR answer"):
    situation = discord.ui.TextInput(label="Situation", custom_id="situation")
    result = discord.ui.TextInput(label="Result", custom_id="result", required=False, default="tbd")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        text = f"classic: {self.situation.value} / {self.result.value}"
        await interaction.response.send_message(text, ephemeral=True)


class LabelModal(discord.ui.Modal, title="Your STAR answer (v2)"):
    action = discord.ui.Label(
        text="Action",
        description="What did you do?",
        component=discord.ui.TextInput(custom_id="action", style=discord.TextStyle.paragraph),
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        assert isinstance(self.action.component, discord.ui.TextInput)
        await interaction.response.send_message(f"label: {self.action.component.value}")


class PracticeView(discord.ui.View):
    @discord.ui.button(label="Answer", custom_id="answer")
    async def answer(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_modal(ClassicModal())

    @discord.ui.button(label="Answer v2", custom_id="answer-v2")
    async def answer_v2(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_modal(LabelModal())

    @discord.ui.select(
        custom_id="principle",
        options=[discord.SelectOption(label="Ownership"), discord.SelectOption(label="Dive Deep")],
    )
    async def principle(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.send_message(f"picked {select.values}", ephemeral=True)

    @discord.ui.button(label="Finish", custom_id="finish")
    async def finish(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content="Finished", embed=None, view=None)


PRINCIPLES = ["Customer Obsession", "Ownership", "Invent and Simplify", "Bias for Action"]


class MiniBot(commands.Bot):
    def __init__(self, *, intents: discord.Intents | None = None, **kw) -> None:
        if intents is None:
            intents = discord.Intents.default()
            intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, help_command=None, **kw)
        self.seen: list[discord.Message] = []
        self.edits: list[tuple[str, str]] = []
        self.deleted: list[int] = []
        self.errors: list[Exception] = []
        self.resumed = 0

        daily = app_commands.Group(name="daily", description="Daily question")

        @daily.command(name="setup", description="Configure the daily question")
        async def setup(
            interaction: discord.Interaction,
            channel: discord.TextChannel,
            hour: int,
            principle: str,
            ping: bool = False,
            role: discord.Role | None = None,
            member: discord.Member | None = None,
        ) -> None:
            who = member.display_name if member else "-"
            text = f"#{channel.name} {hour}h {principle} ping={ping} role={role} member={who}"
            await interaction.response.send_message(text, ephemeral=True)

        @setup.autocomplete("principle")
        async def principle_ac(interaction: discord.Interaction, current: str):
            matching = [p for p in PRINCIPLES if current.lower() in p.lower()]
            return [app_commands.Choice(name=p, value=p) for p in matching]

        admin = app_commands.Group(name="admin", description="Admin", parent=daily)

        @admin.command(name="reset", description="Reset")
        async def reset(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send("reset done")

        self.tree.add_command(daily)

        @self.tree.command(name="practice", description="Practice an answer")
        async def practice(interaction: discord.Interaction) -> None:
            embed = discord.Embed(title="Tell me about a time you disagreed")
            await interaction.response.send_message("Ready?", embed=embed, view=PracticeView())

        @self.tree.context_menu(name="Review answer")
        async def review(interaction: discord.Interaction, message: discord.Message) -> None:
            text = f"review of: {message.content}"
            await interaction.response.send_message(text, ephemeral=True)

    async def setup_hook(self) -> None:
        await self.tree.sync()

    async def on_resumed(self) -> None:
        self.resumed += 1

    async def on_message_edit(self, before: discord.Message, after: discord.Message) -> None:
        self.edits.append((before.content, after.content))

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self.deleted.append(payload.message_id)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        self.seen.append(message)
        if message.content == "!file":
            data = io.BytesIO(json.dumps({"score": 4}).encode())
            await message.channel.send("export", file=discord.File(data, "answer.json"))
        elif message.content == "!dm":
            await message.author.send("psst")
        elif isinstance(message.channel, discord.Thread):
            await message.channel.send(f"in thread {message.channel.name}: {message.content}")
        elif message.content.startswith("answer"):
            text = f"Thanks {message.author.mention}!"
            await message.reply(text, allowed_mentions=discord.AllowedMentions.none())
            try:
                await message.create_thread(name=f"feedback-{message.author.name}")
            except discord.Forbidden as exc:
                self.errors.append(exc)


# -- fixtures -------------------------------------------------------------------------------------


@dataclass
class World:
    fake: FakeDiscord
    guild: Guild
    general: Channel
    answers: Channel
    coach: Role
    alice: Member
    bob: Member


@pytest.fixture
def w(fake_discord: FakeDiscord) -> World:
    fake = fake_discord
    guild = fake.add_guild("STAR Study")
    general = fake.add_text_channel(guild, "general")
    answers = fake.add_text_channel(guild, "answers")
    coach = fake.add_role(guild, "Coach", mentionable=True)
    alice = fake.add_member(guild, "alice", roles=[coach])
    bob = fake.add_member(guild, "bob")
    return World(fake, guild, general, answers, coach, alice, bob)


@pytest.fixture
async def bot(fake_discord: FakeDiscord) -> MiniBot:
    return MiniBot(connector=fake_discord.connector())


# -- login, cache, intents ----------------------------------------------------------------------


async def test_login_ready_and_guild_cache(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        assert bot.user.id == fake.bot_user.id
        g = bot.get_guild(w.guild.id)
        assert g is not None and g.name == "STAR Study"
        assert {c.name for c in g.text_channels} == {"general", "answers"}
        assert g.get_role(w.coach.id).name == "Coach"
        assert g.me is not None
        await fake.wait_for_call("GET", "/users/@me")
        await fake.wait_for_call("GET", "/oauth2/applications/@me")
        sync = await fake.wait_for_call("PUT", rf"/applications/{fake.application_id}/commands")
        assert {c["name"] for c in sync.json} == {"daily", "practice", "Review answer"}
    assert fake.identify_count == 1


async def test_wrong_token_surfaces_login_failure(fake_discord: FakeDiscord):
    bot = MiniBot(connector=fake_discord.connector())
    with pytest.raises(discord.LoginFailure):
        async with run_bot(fake_discord, bot, token="wrong"):
            pass


async def test_privileged_intent_not_allowed_closes_4014(fake_discord: FakeDiscord):
    fake_discord.add_guild()
    intents = discord.Intents.default()
    intents.members = True
    bot = MiniBot(intents=intents, connector=fake_discord.connector())
    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with run_bot(fake_discord, bot):
            pass


async def test_members_intent_when_allowed(fake_discord: FakeDiscord):
    fake = fake_discord
    fake.allowed_intents.add("members")
    guild = fake.add_guild()
    fake.add_member(guild, "carol")
    intents = discord.Intents.default()
    intents.members = True
    async with run_bot(fake, MiniBot(intents=intents, connector=fake.connector())) as bot:
        g = bot.get_guild(guild.id)
        assert g.chunked and {m.name for m in g.members} == {"owner", "STAR Coach", "carol"}
        found = await g.query_members("car")  # gateway op 8 -> GUILD_MEMBERS_CHUNK
        assert [m.name for m in found] == ["carol"]


async def test_content_is_blank_without_message_content_intent(w: World):
    fake = w.fake
    bot = MiniBot(intents=discord.Intents.default(), connector=fake.connector())
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "secret")
        await fake.user_message(w.alice, w.general, f"hey {fake.bot_user.mention}")
        await fake.wait_until(lambda: len(bot.seen) == 2)
        assert [m.content for m in bot.seen] == ["", f"hey {fake.bot_user.mention}"]


# -- application commands and components ----------------------------------------------------------


async def test_slash_subcommand_with_all_option_types_replies_ephemerally(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        options = {
            "channel": w.answers,
            "hour": 9,
            "principle": "Ownership",
            "ping": True,
            "role": w.coach,
            "member": w.bob,
        }
        resp = await fake.slash(
            w.alice, w.guild, w.general, "daily", subcommand="setup", options=options
        )
        body = await resp.response()
        assert body["type"] == 4
        expected = "#answers 9h Ownership ping=True role=Coach member=bob"
        assert body["data"]["content"] == expected
        assert resp.ephemeral and body["data"]["flags"] & 64
        msg = await resp.message()
        assert msg.ephemeral and msg.content == expected
        # the synced schema is enforced, like Discord's client would
        with pytest.raises(ValueError, match="missing"):
            await fake.slash(w.alice, w.guild, w.general, "daily setup", options={"hour": 9})


async def test_subcommand_group_defer_then_followup(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        resp = await fake.slash(w.alice, w.guild, w.general, "daily admin reset")
        assert (await resp.response())["type"] == 5
        msg = await resp.message()  # waits until the "thinking" message is completed
        assert msg.content == "reset done" and not msg.loading and not msg.ephemeral
        assert [m.content for m in await resp.followups()] == ["reset done"]
        await fake.wait_for_call("POST", rf"/webhooks/{fake.application_id}/[^/]+")


async def test_autocomplete(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        resp = await fake.autocomplete(
            w.alice, w.guild, w.general, "daily setup", focused="principle", value="own"
        )
        assert await resp.choices() == [{"name": "Ownership", "value": "Ownership"}]


@pytest.mark.parametrize(
    ("button", "values", "expected", "ephemeral"),
    [
        ("Answer", {"situation": "On-call outage"}, "classic: On-call outage / tbd", True),
        ("Answer", {"Situation": "by label", "result": "fixed"}, "classic: by label / fixed", True),
        ("Answer v2", {"action": "I paged the team"}, "label: I paged the team", False),
    ],
)
async def test_button_opens_modal_and_submit_replies(
    w: World, bot: MiniBot, button, values, expected, ephemeral
):
    fake = w.fake
    async with run_bot(fake, bot):
        practice = await fake.slash(w.alice, w.guild, w.general, "practice")
        prompt = await practice.message()
        assert prompt.content == "Ready?" and not prompt.ephemeral
        assert prompt.embeds[0]["title"] == "Tell me about a time you disagreed"
        click = await fake.click(w.alice, prompt, label=button)
        modal = await click.modal()
        kinds = {c["type"] for c in modal["components"]}
        assert kinds == ({18} if button == "Answer v2" else {1})  # Label vs. action rows
        submitted = await fake.submit_modal(w.alice, modal["custom_id"], values)
        reply = await submitted.response()
        assert reply["data"]["content"] == expected
        assert submitted.ephemeral is ephemeral


async def test_modal_checks_required_and_unknown_inputs(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        prompt = await (await fake.slash(w.alice, w.guild, w.general, "practice")).message()
        await (await fake.click(w.alice, prompt, "answer")).modal()
        with pytest.raises(ValueError, match="required"):
            await fake.submit_modal(w.alice, values={})
        with pytest.raises(KeyError, match="nope"):
            await fake.submit_modal(w.alice, values={"situation": "x", "nope": "y"})


async def test_button_updates_its_message(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        prompt = await (await fake.slash(w.alice, w.guild, w.general, "practice")).message()
        click = await fake.click(w.bob, prompt, "finish")
        assert (await click.response())["type"] == 7
        assert (prompt.content, prompt.embeds, prompt.components) == ("Finished", [], [])
        await fake.wait_until(lambda: bot.edits)  # MESSAGE_UPDATE reached the bot
        assert bot.edits == [("Ready?", "Finished")]


async def test_select_menu(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        prompt = await (await fake.slash(w.alice, w.guild, w.general, "practice")).message()
        picked = await fake.select(w.alice, prompt, "principle", ["Dive Deep"])
        assert (await picked.response())["data"]["content"] == "picked ['Dive Deep']"


async def test_message_context_menu(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        target = await fake.user_message(w.bob, w.general, "S: outage, T: fix, A: rollback")
        resp = await fake.message_context_menu(w.alice, "Review answer", target)
        body = await resp.response()
        assert body["data"]["content"] == f"review of: {target.content}"
        assert resp.ephemeral


# -- messages, threads, DMs -----------------------------------------------------------------------


async def test_message_reply_thread_and_thread_message(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        msg = await fake.user_message(w.alice, w.general, "answer: I owned the migration")
        reply = await fake.wait_for_message(w.general)
        assert reply.content == f"Thanks {w.alice.mention}!"
        assert reply.reference is msg
        assert reply.mentions == []  # AllowedMentions.none(): nobody pinged, not even on reply
        call = await fake.wait_for_call("POST", rf"/channels/{w.general.id}/messages")
        assert call.json["allowed_mentions"] == {"parse": []}
        await fake.wait_for_call("POST", rf"/channels/{w.general.id}/messages/{msg.id}/threads")
        thread = msg.thread
        assert thread is not None and thread.id == msg.id and thread.name == "feedback-alice"

        await fake.user_message(w.alice, thread, "more detail")
        in_thread = await fake.wait_for_message(thread)
        assert in_thread.content == "in thread feedback-alice: more detail"
        seen = bot.seen[-1]
        assert isinstance(seen.channel, discord.Thread) and seen.channel.parent_id == w.general.id
        assert [m.content for m in bot.seen] == ["answer: I owned the migration", "more detail"]


async def test_user_edits_and_deletes_reach_the_bot(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        msg = await fake.user_message(w.bob, w.general, "draft")
        await fake.edit_message(msg, "final")
        await fake.delete_message(msg)
        await fake.wait_until(lambda: bot.deleted)
        assert bot.edits == [("draft", "final")] and bot.deleted == [msg.id]


async def test_direct_messages(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "!dm")
        await fake.wait_for_call("POST", "/users/@me/channels")
        dm = fake.dm_channel(w.alice)
        assert (await fake.wait_for_message(dm)).content == "psst"
        await fake.user_message(w.alice, dm, "hello in private")
        await fake.wait_until(lambda: len(bot.seen) == 2)
        assert isinstance(bot.seen[-1].channel, discord.DMChannel)
        resp = await fake.slash(w.alice, None, dm, "practice")
        assert (await resp.message()).content == "Ready?"


async def test_multipart_file_upload(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "!file")
        call = await fake.wait_for_call("POST", rf"/channels/{w.general.id}/messages")
        assert call.json["content"] == "export"
        assert call.files[0].filename == "answer.json" and call.files[0].json() == {"score": 4}
        msg = await fake.wait_for_message(w.general)
        assert msg.attachments[0].text() == '{"score": 4}'
        # the attachment URL is served by the fake too
        fetched = await bot.get_channel(w.general.id).fetch_message(msg.id)
        assert await fetched.attachments[0].read() == b'{"score": 4}'


# -- faults ---------------------------------------------------------------------------------------


async def test_forbidden_thread_creation_injected(w: World, bot: MiniBot):
    fake = w.fake
    fault = fake.fail_next("POST", r"/channels/\d+/messages/\d+/threads")
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "answer: A")
        await fake.wait_for_call("POST", r"/channels/\d+/messages/\d+/threads")
        await fake.wait_until(lambda: bot.errors, 2, "the bot to see Forbidden")
        assert isinstance(bot.errors[0], discord.Forbidden) and bot.errors[0].code == 50013
        assert len(fault.hits) == 1


async def test_forbidden_by_permission_overwrite(w: World, bot: MiniBot):
    fake = w.fake
    fake.deny_bot(w.general, "create_public_threads")
    async with run_bot(fake, bot):
        channel = bot.get_channel(w.general.id)
        assert not channel.permissions_for(channel.guild.me).create_public_threads
        await fake.user_message(w.alice, w.general, "answer: B")
        await fake.wait_until(lambda: bot.errors, 2, "the bot to see Forbidden")
        assert bot.errors[0].status == 403
        assert len(fake.bot_messages(w.general)) == 1  # the reply itself was allowed


async def test_rate_limit_is_retried_and_delivered_once(w: World, bot: MiniBot):
    fake = w.fake
    fake.fail_next("POST", rf"/channels/{w.general.id}/messages", 429, retry_after=0.05)
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "answer: C")
        first = await fake.wait_for_call("POST", rf"/channels/{w.general.id}/messages")
        second = await fake.wait_for_call("POST", rf"/channels/{w.general.id}/messages")
        assert (first.status, second.status) == (429, 200)
        assert second.time - first.time >= 0.04
        await fake.wait_for_call("POST", r"/channels/\d+/messages/\d+/threads")
        assert [m.content for m in fake.bot_messages(w.general)] == [f"Thanks {w.alice.mention}!"]


async def test_deleted_channel_is_404_unknown_channel(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        fake.delete_channel(w.answers)
        params = discord.http.handle_message_parameters("x")
        with pytest.raises(discord.NotFound) as err:
            await bot.http.send_message(w.answers.id, params=params)
        assert err.value.code == 10003


async def test_reconnect_and_drop_resume_without_lost_or_doubled_events(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        await fake.user_message(w.alice, w.general, "one")
        await fake.send_reconnect(wait=False)
        await fake.user_message(w.alice, w.general, "two")  # while the client reconnects
        await fake.wait_resumed(1)
        await fake.user_message(w.alice, w.general, "three")
        await fake.drop_connection(wait=False)
        await fake.user_message(w.alice, w.general, "four")  # while the socket is down
        await fake.wait_resumed(2)
        await fake.user_message(w.alice, w.general, "five")
        await fake.wait_until(lambda: len(bot.seen) >= 5)
        assert [m.content for m in bot.seen] == ["one", "two", "three", "four", "five"]
        assert (fake.identify_count, fake.resume_count, bot.resumed) == (1, 2, 2)


# -- the harness itself ---------------------------------------------------------------------------


async def test_unmodelled_endpoint_is_reported(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        route = discord.http.Route("GET", "/guilds/{guild_id}/bans", guild_id=w.guild.id)
        with pytest.raises(discord.NotFound):
            await bot.http.request(route)
    with pytest.raises(AssertionError, match=r"GET /guilds/\d+/bans"):
        fake.assert_all_modelled()
    fake.unhandled.clear()


async def test_wait_for_call_returns_earlier_calls_once(w: World, bot: MiniBot):
    fake = w.fake
    async with run_bot(fake, bot):
        await bot.get_channel(w.general.id).send("a")
        await bot.get_channel(w.general.id).send("b")
        first = await fake.wait_for_call("POST", r"/channels/\d+/messages")
        second = await fake.wait_for_call("POST", r"/channels/\d+/messages")
        assert (first.json["content"], second.json["content"]) == ("a", "b")
        with pytest.raises(AssertionError, match="timed out"):
            await fake.wait_for_call("POST", r"/channels/\d+/messages", timeout=0.05)


async def test_responses_have_exact_json_content_type(fake_discord: FakeDiscord):
    async with (
        aiohttp.ClientSession(connector=fake_discord.connector()) as session,
        session.get(fake_discord.api_base + "/gateway") as resp,
    ):
        assert resp.headers["Content-Type"] == "application/json"
        assert (await resp.json())["url"] == fake_discord.gateway_url


async def test_connector_refuses_every_hostname(fake_discord: FakeDiscord):
    async with aiohttp.ClientSession(connector=fake_discord.connector()) as session:
        with pytest.raises(aiohttp.ClientConnectorError) as err:
            await session.get("http://discord.com/api/v10/gateway")
        assert "DNS lookup of 'discord.com' refused" in str(err.value.os_error)
        with pytest.raises(aiohttp.ClientConnectorError):
            await session.get("http://localhost:9/")


async def test_urls_are_patched_and_restored():
    def current() -> tuple[str, str, str]:
        gateway = str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
        return discord.http.Route.BASE, gateway, discord.asset.Asset.BASE

    before = current()
    async with FakeDiscord() as fake:
        assert current() == (fake.api_base, fake.gateway_url, f"{fake.http_base}/cdn")
    assert current() == before
