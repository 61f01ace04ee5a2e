"""/daily setup · now · pause · resume · status, and the ticker's schedule, as the admin and
the channel see them. The scheduler runs against the real database; Discord is a cache of
spec'd channel fakes behind `bot.get_channel`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import aiohttp
import discord
import pytest

from bot.settings import Settings
from bot.storage import Database, StorageError
from cogs import daily
from cogs.daily import RETRY_AFTER, Daily
from cogs.starbot import StarBot
from tests.cogs.conftest import (
    CHANNEL,
    Clock,
    bank,
    followed_up,
    http_error,
    invoke,
    make_guild,
    make_interaction,
    make_message,
    make_text_channel,
    sent,
)
from tests.storage.factories import GUILD

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
OTHER_GUILD = GUILD + 1
OTHER_CHANNEL = CHANNEL + 1
ROLE = 777_777_777_777_777_777
#: Friday 10 May 2024, 07:00 UTC = 08:00 in London (BST): an hour before a 09:00 slot.
MORNING = datetime(2024, 5, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def clock(bot: StarBot) -> Clock:
    clock = Clock(MORNING)
    bot.clock = clock
    return clock


@contextlib.asynccontextmanager
async def loaded(bot: StarBot) -> AsyncIterator[Daily]:
    """The Daily cog loaded on `bot` (its ticker waits for a `ready` that never comes, so
    only the test drives `tick`), unloaded at the end."""
    async with bot:
        await daily.setup(bot)
        cog = bot.get_cog("Daily")
        assert isinstance(cog, Daily)
        try:
            yield cog
        finally:
            await bot.remove_cog("Daily")


@pytest.fixture
async def cog(bot: StarBot, clock: Clock, channels: dict[int, Any]) -> AsyncIterator[Daily]:
    async with loaded(bot) as cog:
        yield cog


@pytest.fixture
def channel(channels: dict[int, Any]) -> MagicMock:
    """#daily in the test guild, where the bot has every permission."""
    channel = make_text_channel(CHANNEL, guild=make_guild(GUILD))
    channels[channel.id] = channel
    return channel


def admin(bot: StarBot, channel: MagicMock) -> MagicMock:
    """An interaction from an admin of the channel's guild."""
    interaction = make_interaction(bot, guild_id=channel.guild.id)
    interaction.guild = channel.guild
    return interaction


async def set_up(cog: Daily, bot: StarBot, channel: MagicMock, *, time: str = "09:00",
                 timezone: str = LONDON, days: str | None = None,
                 ping_role: Any = None) -> MagicMock:
    interaction = admin(bot, channel)
    await invoke(cog.setup, cog, interaction, channel=channel, time=time, timezone=timezone,
                 days=days, ping_role=ping_role)
    assert "✅" in sent(interaction).content
    return interaction


def posts(channel: MagicMock) -> list[discord.Embed]:
    """The daily-question embeds posted in the channel, oldest first."""
    return [call.kwargs["embed"] for call in channel.send.await_args_list]


async def status_text(cog: Daily, bot: StarBot, channel: MagicMock) -> str:
    interaction = admin(bot, channel)
    await invoke(cog.status, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    return message.text


def refuse_posts(channel: MagicMock, error: BaseException) -> None:
    channel.send.side_effect = error


# --- /daily setup -------------------------------------------------------------------------


async def test_setup_saves_the_schedule_and_confirms_only_to_the_admin(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database
) -> None:
    role = MagicMock(spec=discord.Role)
    role.id, role.mention = ROLE, f"<@&{ROLE}>"
    interaction = admin(bot, channel)
    await invoke(cog.setup, cog, interaction, channel=channel, time="7pm", timezone=LONDON,
                 days="weekdays", ping_role=role)
    message = sent(interaction)
    assert message.ephemeral
    assert message.content == (
        f"✅ The daily question will be posted in <#{CHANNEL}> at **19:00 Europe/London**, "
        f"weekdays, pinging <@&{ROLE}>. Use `/daily now` to post today's right away, "
        "`/daily status` to check.")
    channel.permissions_for.assert_called_with(channel.guild.me)
    settings = await db.get_guild_settings(GUILD)
    assert settings is not None
    assert (settings.channel_id, settings.post_time, settings.timezone, settings.days,
            settings.paused, settings.ping_role_id) == (
        CHANNEL, time(19, 0), LONDON, (0, 1, 2, 3, 4), False, ROLE)


async def test_setup_lists_every_missing_permission_and_saves_nothing(
    cog: Daily, bot: StarBot, channels: dict[int, Any], db: Database
) -> None:
    channel = make_text_channel(guild=make_guild(), permissions=discord.Permissions(
        view_channel=True, send_messages=True))
    channels[channel.id] = channel
    interaction = admin(bot, channel)
    await invoke(cog.setup, cog, interaction, channel=channel, time="09:00", timezone=LONDON)
    message = sent(interaction)
    assert message.ephemeral
    assert message.content == (
        f"I can't post in <#{CHANNEL}> yet. Give me these permissions there: **Embed Links, "
        "Read Message History, Create Public Threads, Send Messages in Threads**, then run "
        "/daily setup again.")
    assert await db.get_guild_settings(GUILD) is None


@pytest.mark.parametrize(("options", "says"), [
    ({"time": "25:00"}, "'25:00' is not a time: hours 0-23, minutes 0-59"),
    ({"time": "soon"}, "'soon' is not a time: use HH:MM, e.g. 09:00 or 18:30"),
    ({"time": "13pm"}, "'13pm' is not a time"),
    ({"timezone": "Mars/Olympus_Mons"}, "'Mars/Olympus_Mons' is not a time zone I know. "
                                        "Start typing a city and pick from the list"),
    ({"timezone": "london"}, "'london' is not a time zone I know"),
    ({"days": "funday"}, "unknown day 'funday': use mon, tue, … or weekdays"),
    ({"days": "mon-xyz"}, "unknown day range 'mon-xyz'"),
])
async def test_setup_refuses_bad_time_zone_or_days_saying_what_is_wrong(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database, options: dict[str, str],
    says: str
) -> None:
    interaction = admin(bot, channel)
    await invoke(cog.setup, cog, interaction,
                 **{"channel": channel, "time": "09:00", "timezone": LONDON, **options})
    message = sent(interaction)
    assert message.ephemeral and says in message.content
    assert await db.get_guild_settings(GUILD) is None


async def test_setup_is_for_server_managers_only(cog: Daily) -> None:
    group = cog.daily
    assert group.guild_only
    assert group.default_permissions == discord.Permissions(manage_guild=True)
    assert {c.name for c in group.commands} == {"setup", "now", "pause", "resume", "status"}


async def test_timezone_autocomplete_offers_common_zones_then_matches_what_is_typed(
    cog: Daily, bot: StarBot
) -> None:
    assert cog.setup.get_parameter("timezone").autocomplete
    interaction = make_interaction(bot)
    common = await cog._timezones(interaction, "")
    assert common[0].name == "UTC" and "Europe/London" in [c.value for c in common]

    typed = await cog._timezones(interaction, "new york")
    assert [(c.name, c.value) for c in typed] == [(NEW_YORK, NEW_YORK)]

    many = await cog._timezones(interaction, "america")
    assert len(many) == 25 and all("America" in c.value for c in many)
    assert await cog._timezones(interaction, "atlantis") == []


# --- /daily now ---------------------------------------------------------------------------


async def test_now_before_setup_says_to_run_setup(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral and "Run `/daily setup` first" in message.content
    channel.send.assert_not_awaited()


async def test_now_posts_the_question_opens_a_thread_and_links_it_once_a_day(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database
) -> None:
    await set_up(cog, bot, channel)
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)

    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    [embed] = posts(channel)
    post = await db.get_daily_post(GUILD, date(2024, 5, 10))
    assert post is not None and post.message_id is not None
    question = bank().question(post.question_id)
    assert question is not None
    assert embed.title == "Daily question · Fri 10 May 2024"
    assert embed.description == question.text
    assert embed.footer.text == f"Question {question.id}"
    assert [f.name for f in embed.fields] == ["Leadership Principles", "How to answer"]
    assert channel.send.await_args.kwargs["content"] is None  # no ping without a role
    reply = followed_up(interaction)
    assert reply.ephemeral
    assert reply.content == (f"Posted: https://discord.com/channels/{GUILD}/{CHANNEL}/"
                             f"{post.message_id}")
    assert post.thread_id == post.message_id  # the thread hangs off the posted message

    again = admin(bot, channel)
    await invoke(cog.now, cog, again)
    assert "already posted" in followed_up(again).content
    assert len(posts(channel)) == 1


async def test_now_names_the_thread_after_the_day_and_principle(
    cog: Daily, bot: StarBot, channels: dict[int, Any], db: Database
) -> None:
    created: list[MagicMock] = []
    channel = make_text_channel(guild=make_guild())
    channels[channel.id] = channel

    def send(*args: Any, **kwargs: Any) -> MagicMock:
        message = make_message(channel=channel)
        created.append(message)
        return message

    channel.send.side_effect = send
    await set_up(cog, bot, channel)
    await invoke(cog.now, cog, admin(bot, channel))
    [message] = created
    post = await db.get_daily_post(GUILD, date(2024, 5, 10))
    assert post is not None
    question = bank().question(post.question_id)
    assert question is not None
    message.create_thread.assert_awaited_once_with(
        name=f"10 May · {bank().principle(question.principles[0]).name}",
        auto_archive_duration=1440)


async def test_now_pings_only_the_chosen_role(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    role = MagicMock(spec=discord.Role)
    role.id, role.mention = ROLE, f"<@&{ROLE}>"
    await set_up(cog, bot, channel, ping_role=role)
    await invoke(cog.now, cog, admin(bot, channel))
    kwargs = channel.send.await_args.kwargs
    assert kwargs["content"] == f"<@&{ROLE}>"
    mentions = kwargs["allowed_mentions"]
    assert [r.id for r in mentions.roles] == [ROLE]
    merged = discord.AllowedMentions.none().merge(mentions)  # the bot's default underneath
    assert not merged.everyone and not merged.users


async def test_now_tells_the_admin_when_discord_refuses_and_frees_the_day(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database
) -> None:
    await set_up(cog, bot, channel)
    working = channel.send.side_effect
    refuse_posts(channel, http_error())
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)
    message = followed_up(interaction)
    assert message.ephemeral
    assert message.content == "⚠️ I couldn't post it: missing permission to post in #daily"
    assert await db.get_daily_post(GUILD, date(2024, 5, 10)) is None
    assert "missing permission to post in #daily" in await status_text(cog, bot, channel)

    channel.send.side_effect = working  # permission fixed
    retry = admin(bot, channel)
    await invoke(cog.now, cog, retry)
    assert followed_up(retry).content.startswith("Posted: ")
    assert "Last failure" not in await status_text(cog, bot, channel)


async def test_now_without_thread_permission_posts_the_question_and_says_so(
    cog: Daily, bot: StarBot, channels: dict[int, Any], db: Database
) -> None:
    channel = make_text_channel(guild=make_guild())
    channels[channel.id] = channel

    def send(*args: Any, **kwargs: Any) -> MagicMock:
        message = make_message(channel=channel)
        message.create_thread.side_effect = http_error()
        return message

    channel.send.side_effect = send
    await set_up(cog, bot, channel)
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)
    assert followed_up(interaction).content == (
        "⚠️ I couldn't post it: missing Create Public Threads in #daily: the question was "
        "posted without a thread")
    post = await db.get_daily_post(GUILD, date(2024, 5, 10))
    assert post is not None and post.message_id is not None and post.thread_id is None
    status = await status_text(cog, bot, channel)
    assert "posted without a thread" in status and "Thread:" not in status

    again = admin(bot, channel)
    await invoke(cog.now, cog, again)  # the question is out: no second post
    assert "already posted" in followed_up(again).content
    assert len(posts(channel)) == 1


async def test_now_when_the_channel_was_deleted_says_to_run_setup_again(
    cog: Daily, bot: StarBot, channel: MagicMock, channels: dict[int, Any]
) -> None:
    await set_up(cog, bot, channel)
    del channels[CHANNEL]
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)
    assert followed_up(interaction).content == (
        f"⚠️ I couldn't post it: the channel <#{CHANNEL}> no longer exists: run /daily "
        "setup again")


async def test_now_when_the_bot_lost_send_permission_posts_nothing(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    await set_up(cog, bot, channel)
    channel.permissions_for.return_value = discord.Permissions(view_channel=True)
    interaction = admin(bot, channel)
    await invoke(cog.now, cog, interaction)
    assert followed_up(interaction).content == (
        "⚠️ I couldn't post it: missing Send Messages, Embed Links, Read Message History in "
        "#daily")
    channel.send.assert_not_awaited()


# --- /daily pause · resume · status -------------------------------------------------------


@pytest.mark.parametrize("command", ["pause", "resume"])
async def test_pause_and_resume_need_setup_first(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database, command: str
) -> None:
    interaction = admin(bot, channel)
    await invoke(getattr(cog, command), cog, interaction)
    message = sent(interaction)
    assert message.ephemeral and message.content == "Run `/daily setup` first."
    assert await db.get_guild_settings(GUILD) is None


async def test_pause_and_resume_switch_posting_off_and_on(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database
) -> None:
    await set_up(cog, bot, channel)
    paused = admin(bot, channel)
    await invoke(cog.pause, cog, paused)
    assert sent(paused).content == "⏸️ Paused. `/daily resume` to start again."
    assert sent(paused).ephemeral
    settings = await db.get_guild_settings(GUILD)
    assert settings is not None and settings.paused and settings.channel_id == CHANNEL

    resumed = admin(bot, channel)
    await invoke(cog.resume, cog, resumed)
    assert sent(resumed).content == "▶️ Resumed. `/daily status` shows the next post."
    settings = await db.get_guild_settings(GUILD)
    assert settings is not None and not settings.paused


async def test_status_before_setup_says_how_to_start(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    interaction = admin(bot, channel)
    await invoke(cog.status, cog, interaction)
    message = sent(interaction)
    assert message.ephemeral
    assert message.content == "The daily question isn't set up yet: run `/daily setup`."


async def test_status_shows_schedule_next_post_last_post_and_pause(
    cog: Daily, bot: StarBot, channel: MagicMock, db: Database, clock: Clock
) -> None:
    await set_up(cog, bot, channel, days="mon,wed,fri")
    interaction = admin(bot, channel)
    await invoke(cog.status, cog, interaction)
    embed = sent(interaction).embed
    assert embed.title == "Daily question"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["▶️ Active"] == f"<#{CHANNEL}> at **09:00 Europe/London**, Mon, Wed, Fri"
    slot = datetime(2024, 5, 10, 8, 0, tzinfo=UTC)
    assert fields["Next post"] == f"Fri 10 May 09:00 Europe/London (<t:{int(slot.timestamp())}:R>)"
    assert "Last post" not in fields

    clock.now = slot
    await cog.tick(slot)
    post = await db.get_daily_post(GUILD, date(2024, 5, 10))
    assert post is not None
    question = bank().question(post.question_id)
    assert question is not None
    after = admin(bot, channel)
    await invoke(cog.status, cog, after)
    fields = {f.name: f.value for f in sent(after).embed.fields}
    assert fields["Last post"].startswith(f"Fri 10 May — {question.text[:60]}")
    assert fields["Last post"].endswith(f"\nThread: <#{post.thread_id}>")
    assert fields["Next post"].startswith("Mon 13 May 09:00 Europe/London")

    await invoke(cog.pause, cog, admin(bot, channel))
    paused = admin(bot, channel)
    await invoke(cog.status, cog, paused)
    fields = {f.name: f.value for f in sent(paused).embed.fields}
    assert "⏸️ Paused" in fields and "Next post" not in fields


# --- the ticker ---------------------------------------------------------------------------


async def test_the_ticker_runs_while_loaded_and_stops_when_unloaded(
    bot: StarBot, clock: Clock, channels: dict[int, Any]
) -> None:
    async with loaded(bot) as cog:
        assert cog.ticker.is_running()
        await bot.remove_cog("Daily")
        await asyncio.sleep(0)
        assert not cog.ticker.is_running()
        await daily.setup(bot)  # so that `loaded` can unload it again


async def test_a_storage_error_never_escapes_the_tick(
    cog: Daily, bot: StarBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.db, "list_guild_settings",
                        AsyncMock(side_effect=StorageError("database is locked")))
    await cog.tick(MORNING)  # logged, retried next tick


async def test_tick_posts_at_the_slot_once_a_day(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    await set_up(cog, bot, channel)  # 09:00 London = 08:00 UTC in May
    await cog.tick(datetime(2024, 5, 10, 7, 59, 59, tzinfo=UTC))
    assert posts(channel) == []
    await cog.tick(datetime(2024, 5, 10, 8, 0, tzinfo=UTC))
    await cog.tick(datetime(2024, 5, 10, 8, 0, 30, tzinfo=UTC))
    await cog.tick(datetime(2024, 5, 10, 22, 59, tzinfo=UTC))
    assert [e.title for e in posts(channel)] == ["Daily question · Fri 10 May 2024"]
    await cog.tick(datetime(2024, 5, 11, 8, 0, tzinfo=UTC))
    assert [e.title for e in posts(channel)][1:] == ["Daily question · Sat 11 May 2024"]


async def test_tick_skips_days_that_are_not_chosen(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    await set_up(cog, bot, channel, days="weekdays")
    await cog.tick(datetime(2024, 5, 11, 8, 0, tzinfo=UTC))  # Saturday
    await cog.tick(datetime(2024, 5, 12, 8, 0, tzinfo=UTC))  # Sunday
    await cog.tick(datetime(2024, 5, 13, 8, 0, tzinfo=UTC))  # Monday
    assert [e.title for e in posts(channel)] == ["Daily question · Mon 13 May 2024"]


# --- restarts -----------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def restarted(path: Path, channels: dict[int, Any], now: datetime
                    ) -> AsyncIterator[Daily]:
    """A new process: a fresh database connection, bot and Daily cog, same channels."""
    db = await Database.open(path)
    bot = StarBot(settings=Settings(DISCORD_TOKEN=None), db=db, bank=bank(), extensions=(),
                  clock=lambda: now)
    bot.get_channel = channels.get  # type: ignore[method-assign]
    try:
        async with loaded(bot) as cog:
            yield cog
    finally:
        await db.close()


async def test_restart_after_the_slot_posts_once_late(
    cog: Daily, bot: StarBot, channel: MagicMock, channels: dict[int, Any], db: Database,
    tmp_path: Path
) -> None:
    await set_up(cog, bot, channel)
    await db.close()  # the bot was down from 07:00 to 10:30 UTC; the 08:00 slot passed
    late = datetime(2024, 5, 10, 10, 30, tzinfo=UTC)
    async with restarted(tmp_path / "t.db", channels, late) as fresh:
        await fresh.tick(late)
        await fresh.tick(late + timedelta(seconds=30))
    assert [e.title for e in posts(channel)] == ["Daily question · Fri 10 May 2024"]
    async with restarted(tmp_path / "t.db", channels, late) as again:  # and once more
        await again.tick(late + timedelta(minutes=5))
        post = await again.bot.db.get_daily_post(GUILD, date(2024, 5, 10))
    assert len(posts(channel)) == 1
    assert post is not None and post.created_at == late and post.thread_id is not None


async def test_restart_before_the_slot_waits_for_it(
    cog: Daily, bot: StarBot, channel: MagicMock, channels: dict[int, Any], db: Database,
    tmp_path: Path
) -> None:
    await set_up(cog, bot, channel)
    await db.close()
    early = datetime(2024, 5, 10, 7, 30, tzinfo=UTC)
    async with restarted(tmp_path / "t.db", channels, early) as fresh:
        await fresh.tick(early)
        await fresh.tick(datetime(2024, 5, 10, 7, 59, 30, tzinfo=UTC))
        assert posts(channel) == []
        await fresh.tick(datetime(2024, 5, 10, 8, 0, 10, tzinfo=UTC))
    assert [e.title for e in posts(channel)] == ["Daily question · Fri 10 May 2024"]


# --- daylight saving time in New York -----------------------------------------------------


async def ticks(cog: Daily, channel: MagicMock, *instants: datetime) -> list[str]:
    """Tick at each instant; the titles of what was posted meanwhile."""
    before = len(posts(channel))
    for instant in instants:
        await cog.tick(instant)
    return [e.title.removeprefix("Daily question · ") for e in posts(channel)[before:]]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def test_spring_forward_posts_a_slot_in_the_skipped_hour_an_hour_later(
    cog: Daily, bot: StarBot, channel: MagicMock, clock: Clock
) -> None:
    clock.now = utc(2024, 3, 8, 12)
    await set_up(cog, bot, channel, time="02:30", timezone=NEW_YORK)
    # Sat 9 Mar: 02:30 EST = 07:30 UTC.
    assert await ticks(cog, channel, utc(2024, 3, 9, 7, 29), utc(2024, 3, 9, 7, 30)) == [
        "Sat 09 Mar 2024"]
    # Sun 10 Mar: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist and is taken as
    # 03:30 EDT (07:30 UTC), once.
    assert await ticks(cog, channel, utc(2024, 3, 10, 6, 30), utc(2024, 3, 10, 7, 29)) == []
    assert await ticks(cog, channel, utc(2024, 3, 10, 7, 30), utc(2024, 3, 10, 8, 30),
                       utc(2024, 3, 11, 3, 59)) == ["Sun 10 Mar 2024"]
    # Mon 11 Mar: 02:30 EDT = 06:30 UTC.
    assert await ticks(cog, channel, utc(2024, 3, 11, 6, 29)) == []
    assert await ticks(cog, channel, utc(2024, 3, 11, 6, 30), utc(2024, 3, 11, 7, 30)) == [
        "Mon 11 Mar 2024"]


async def test_fall_back_posts_at_the_first_of_the_two_slots_only(
    cog: Daily, bot: StarBot, channel: MagicMock, clock: Clock
) -> None:
    clock.now = utc(2024, 11, 1, 12)
    await set_up(cog, bot, channel, time="01:30", timezone=NEW_YORK)
    # Sun 3 Nov: 01:30 happens twice, at 05:30 UTC (EDT) and at 06:30 UTC (EST).
    assert await ticks(cog, channel, utc(2024, 11, 3, 5, 29)) == []
    assert await ticks(cog, channel, utc(2024, 11, 3, 5, 30), utc(2024, 11, 3, 6, 30),
                       utc(2024, 11, 3, 6, 31)) == ["Sun 03 Nov 2024"]
    # Mon 4 Nov: 01:30 EST = 06:30 UTC.
    assert await ticks(cog, channel, utc(2024, 11, 4, 5, 30), utc(2024, 11, 4, 6, 29)) == []
    assert await ticks(cog, channel, utc(2024, 11, 4, 6, 30)) == ["Mon 04 Nov 2024"]


# --- pause and changed settings -----------------------------------------------------------


async def test_a_paused_guild_gets_nothing_until_resumed(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    await set_up(cog, bot, channel)
    await invoke(cog.pause, cog, admin(bot, channel))
    assert await ticks(cog, channel, utc(2024, 5, 10, 8), utc(2024, 5, 11, 8),
                       utc(2024, 5, 11, 12)) == []
    await invoke(cog.resume, cog, admin(bot, channel))
    # Resumed after Saturday's slot: Saturday's question goes out late, once.
    assert await ticks(cog, channel, utc(2024, 5, 11, 12, 1), utc(2024, 5, 11, 12, 2)) == [
        "Sat 11 May 2024"]


async def test_a_changed_time_applies_from_the_next_tick(
    cog: Daily, bot: StarBot, channel: MagicMock, clock: Clock
) -> None:
    await set_up(cog, bot, channel)  # 09:00 London
    clock.now = utc(2024, 5, 10, 7, 30)
    await set_up(cog, bot, channel, time="10:00")  # later: 09:00 UTC
    assert await ticks(cog, channel, utc(2024, 5, 10, 8), utc(2024, 5, 10, 8, 59)) == []
    assert await ticks(cog, channel, utc(2024, 5, 10, 9)) == ["Fri 10 May 2024"]

    clock.now = utc(2024, 5, 11, 6, 30)
    await set_up(cog, bot, channel, time="07:00")  # earlier than now (07:30 London)
    assert await ticks(cog, channel, utc(2024, 5, 11, 6, 30, 30)) == ["Sat 11 May 2024"]


# --- failures -----------------------------------------------------------------------------


@pytest.fixture
def other(bot: StarBot, channels: dict[int, Any]) -> MagicMock:
    """#daily in a second guild."""
    channel = make_text_channel(OTHER_CHANNEL, guild=make_guild(OTHER_GUILD))
    channels[channel.id] = channel
    return channel


async def test_one_guilds_failure_does_not_stop_another_and_shows_in_its_status(
    cog: Daily, bot: StarBot, channel: MagicMock, other: MagicMock
) -> None:
    await set_up(cog, bot, channel)
    await set_up(cog, bot, other)
    working = channel.send.side_effect
    refuse_posts(channel, http_error())  # the first guild the tick visits

    slot = utc(2024, 5, 10, 8)
    await cog.tick(slot)
    channel.send.assert_awaited_once()
    assert [e.title for e in posts(other)] == ["Daily question · Fri 10 May 2024"]
    failing = await status_text(cog, bot, channel)
    assert "⚠️ Last failure" in failing
    assert "missing permission to post in #daily (Fri 10 May 09:00 Europe/London" in failing
    assert "Last failure" not in await status_text(cog, bot, other)

    # Not hammered every tick: the next attempt is RETRY_AFTER later.
    channel.send.side_effect = working
    await cog.tick(slot + RETRY_AFTER - timedelta(seconds=30))
    assert channel.send.await_count == 1
    await cog.tick(slot + RETRY_AFTER)
    assert channel.send.await_count == 2
    assert posts(channel)[-1].title == "Daily question · Fri 10 May 2024"
    assert "Last failure" not in await status_text(cog, bot, channel)
    assert len(posts(other)) == 1


async def test_an_unexpected_error_in_one_guild_does_not_stop_another(
    cog: Daily, bot: StarBot, channel: MagicMock, other: MagicMock
) -> None:
    await set_up(cog, bot, channel)
    await set_up(cog, bot, other)
    refuse_posts(channel, RuntimeError("boom"))
    await cog.tick(utc(2024, 5, 10, 8))
    assert len(posts(other)) == 1


async def test_a_network_error_while_posting_is_shown_and_retried(
    cog: Daily, bot: StarBot, channel: MagicMock
) -> None:
    await set_up(cog, bot, channel)
    working = channel.send.side_effect
    refuse_posts(channel, aiohttp.ClientOSError(104, "Connection reset by peer"))
    slot = utc(2024, 5, 10, 8)
    await cog.tick(slot)
    channel.send.side_effect = working
    status = await status_text(cog, bot, channel)
    await cog.tick(slot + RETRY_AFTER)
    assert "⚠️ Last failure" in status
    assert channel.send.await_count == 2  # retried
