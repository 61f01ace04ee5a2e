"""/daily: the server's daily question, posted at its local time with a thread under it."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.coach.daily import (
    DailyPlan,
    claim_due_post,
    claim_now,
    daily_status,
    mark_failed,
    mark_posted,
)
from bot.errors import UserFacingError
from bot.schedule import describe_days, parse_days, parse_time
from cogs.starbot import StarBot
from cogs.ui.daily import question_embed, status_embed, thread_name
from cogs.ui.timezones import ZONES, timezone_choices

log = logging.getLogger(__name__)

TICK_SECONDS = 30
# After a failed post (nothing reached Discord), wait this long before trying again.
RETRY_AFTER = timedelta(minutes=10)
# Failures of the connection itself, as opposed to Discord refusing the request.
NETWORK_ERRORS = (OSError, aiohttp.ClientError, asyncio.TimeoutError)
NEEDED_PERMISSIONS = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
    ("read_message_history", "Read Message History"),
    ("create_public_threads", "Create Public Threads"),
    ("send_messages_in_threads", "Send Messages in Threads"),
)


def missing_permissions(channel: discord.abc.GuildChannel, me: discord.Member) -> list[str]:
    granted = channel.permissions_for(me)
    return [label for name, label in NEEDED_PERMISSIONS if not getattr(granted, name)]


class DailyPublishError(Exception):
    """Posting failed; `nothing_posted` says whether the date can be retried."""

    def __init__(self, reason: str, *, nothing_posted: bool) -> None:
        super().__init__(reason)
        self.nothing_posted = nothing_posted


class Daily(commands.Cog):
    daily = app_commands.Group(
        name="daily",
        description="The server's daily behavioral question",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: StarBot) -> None:
        self.bot = bot
        self._retry_at: dict[int, datetime] = {}

    async def cog_load(self) -> None:
        self.ticker.start()

    async def cog_unload(self) -> None:
        self.ticker.cancel()

    # --- the loop ---------------------------------------------------------------------------

    @tasks.loop(seconds=TICK_SECONDS)
    async def ticker(self) -> None:
        await self.tick(self.bot.clock())

    @ticker.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def tick(self, now: datetime) -> None:
        """Post every guild's question that is due at `now`. One guild's failure never
        stops the others."""
        try:
            all_settings = await self.bot.db.list_guild_settings()
        except Exception:
            log.exception("could not read guild settings; will retry next tick")
            return
        for settings in all_settings:
            if self._retry_at.get(settings.guild_id, now) > now:
                continue
            try:
                plan = await claim_due_post(self.bot.db, self.bot.bank, settings, now)
                if plan is not None:
                    await self.publish(plan, now)
            except DailyPublishError:
                pass  # recorded and shown in /daily status
            except Exception:
                log.exception("daily post for guild %s failed", settings.guild_id)

    async def publish(self, plan: DailyPlan, now: datetime) -> discord.Message:
        """Post the question and open its thread; record ids or the failure."""
        try:
            message, thread = await self._send(plan)
        except DailyPublishError as failure:
            log.warning("daily post in guild %s: %s", plan.guild_id, failure)
            await mark_failed(self.bot.db, plan, str(failure), now,
                              nothing_posted=failure.nothing_posted)
            if failure.nothing_posted:
                self._retry_at[plan.guild_id] = now + RETRY_AFTER
            raise
        self._retry_at.pop(plan.guild_id, None)
        await mark_posted(self.bot.db, plan, message.id, thread.id if thread else None)
        return message

    async def _send(
        self, plan: DailyPlan
    ) -> tuple[discord.Message, discord.Thread | None]:
        channel = self.bot.get_channel(plan.channel_id)
        label = f"<#{plan.channel_id}>"
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(plan.channel_id)
            except discord.NotFound as exc:
                raise DailyPublishError(
                    f"the channel {label} no longer exists: run /daily setup again",
                    nothing_posted=True) from exc
            except discord.HTTPException as exc:
                raise DailyPublishError(f"could not open {label}: {exc.text or exc.status}",
                                        nothing_posted=True) from exc
            except NETWORK_ERRORS as exc:
                raise DailyPublishError(f"could not reach Discord to open {label}",
                                        nothing_posted=True) from exc
        if not isinstance(channel, discord.TextChannel):
            raise DailyPublishError(f"{label} is not a text channel", nothing_posted=True)
        me = channel.guild.me
        if me is not None:
            # Without thread permissions the question is still worth posting.
            blocking = [m for m in missing_permissions(channel, me) if "Thread" not in m]
            if blocking:
                raise DailyPublishError(
                    f"missing {', '.join(blocking)} in #{channel.name}", nothing_posted=True)
        content = None
        mentions = discord.AllowedMentions.none()
        if plan.ping_role_id:
            content = f"<@&{plan.ping_role_id}>"
            mentions = discord.AllowedMentions(roles=[discord.Object(plan.ping_role_id)])
        try:
            message = await channel.send(
                content=content,
                embed=question_embed(self.bot.bank, plan.question, plan.local_date),
                allowed_mentions=mentions,
            )
        except discord.Forbidden as exc:
            raise DailyPublishError(f"missing permission to post in #{channel.name}",
                                    nothing_posted=True) from exc
        except discord.HTTPException as exc:
            raise DailyPublishError(f"Discord refused the post in #{channel.name}: "
                                    f"{exc.text or exc.status}", nothing_posted=True) from exc
        except NETWORK_ERRORS as exc:
            raise DailyPublishError(f"could not reach Discord to post in #{channel.name} "
                                    f"({type(exc).__name__}); will retry", nothing_posted=True
                                    ) from exc
        try:
            thread = await message.create_thread(
                name=thread_name(self.bot.bank, plan.question, plan.local_date),
                auto_archive_duration=1440,
            )
        except discord.Forbidden:
            await mark_posted(self.bot.db, plan, message.id, None)
            raise DailyPublishError(
                f"missing Create Public Threads in #{channel.name}: the question was posted "
                "without a thread", nothing_posted=False) from None
        except discord.HTTPException as exc:
            await mark_posted(self.bot.db, plan, message.id, None)
            raise DailyPublishError(f"could not open the thread in #{channel.name}: "
                                    f"{exc.text or exc.status}", nothing_posted=False) from exc
        except NETWORK_ERRORS as exc:
            await mark_posted(self.bot.db, plan, message.id, None)
            raise DailyPublishError(f"could not reach Discord to open the thread in "
                                    f"#{channel.name} ({type(exc).__name__})",
                                    nothing_posted=False) from exc
        return message, thread

    # --- commands ---------------------------------------------------------------------------

    @daily.command(name="setup")
    @app_commands.describe(
        channel="Where the question is posted",
        time="Local posting time, e.g. 09:00 or 7pm",
        timezone="IANA time zone, e.g. Europe/London",
        days="Which days: every day (default), weekdays, or e.g. mon,wed,fri",
        ping_role="A role to ping with each question (optional)",
    )
    async def setup(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: str,
        timezone: str,
        days: str | None = None,
        ping_role: discord.Role | None = None,
    ) -> None:
        """Choose the channel, local time and days for the daily question."""
        assert interaction.guild is not None
        try:
            post_time = parse_time(time)
            weekdays = parse_days(days or "every day")
        except ValueError as exc:
            raise UserFacingError(str(exc)) from exc
        if timezone not in ZONES:
            raise UserFacingError(f"'{timezone}' is not a time zone I know. Start typing a city "
                                  "and pick from the list, e.g. Europe/London.")
        if not weekdays:
            raise UserFacingError("Pick at least one day.")
        me = interaction.guild.me
        missing = missing_permissions(channel, me) if me else []
        if missing:
            raise UserFacingError(
                f"I can't post in {channel.mention} yet. Give me these permissions there: "
                f"**{', '.join(missing)}**, then run /daily setup again.")
        await self.bot.db.update_guild_settings(
            interaction.guild.id, channel_id=channel.id, post_time=post_time, timezone=timezone,
            days=weekdays, paused=False, ping_role_id=ping_role.id if ping_role else None,
            now=self.bot.clock(),
        )
        # A new set-up starts clean: no stale failure, no retry wait.
        await self.bot.db.clear_guild_failure(interaction.guild.id)
        self._retry_at.pop(interaction.guild.id, None)
        ping = f", pinging {ping_role.mention}" if ping_role else ""
        await interaction.response.send_message(
            f"✅ The daily question will be posted in {channel.mention} at "
            f"**{post_time:%H:%M} {timezone}**, {describe_days(weekdays)}{ping}. "
            "Use `/daily now` to post today's right away, `/daily status` to check.",
            ephemeral=True,
        )

    @setup.autocomplete("timezone")
    async def _timezones(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return timezone_choices(current)

    @daily.command(name="now")
    async def now(self, interaction: discord.Interaction) -> None:
        """Post today's question right away (once per day)."""
        assert interaction.guild is not None
        settings = await self.bot.db.get_guild_settings(interaction.guild.id)
        if settings is None or settings.channel_id is None:
            raise UserFacingError("Run `/daily setup` first to choose a channel and a time.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.bot.clock()
        plan = await claim_now(self.bot.db, self.bot.bank, settings, now)
        if plan is None:
            await interaction.followup.send("Today's question is already posted — see "
                                            "`/daily status`.", ephemeral=True)
            return
        try:
            message = await self.publish(plan, now)
        except DailyPublishError as failure:
            await interaction.followup.send(f"⚠️ I couldn't post it: {failure}", ephemeral=True)
            return
        await interaction.followup.send(f"Posted: {message.jump_url}", ephemeral=True)

    @daily.command(name="pause")
    async def pause(self, interaction: discord.Interaction) -> None:
        """Stop posting the daily question until /daily resume."""
        await self._set_paused(interaction, True)

    @daily.command(name="resume")
    async def resume(self, interaction: discord.Interaction) -> None:
        """Start posting the daily question again."""
        await self._set_paused(interaction, False)

    async def _set_paused(self, interaction: discord.Interaction, paused: bool) -> None:
        assert interaction.guild is not None
        settings = await self.bot.db.get_guild_settings(interaction.guild.id)
        if settings is None:
            raise UserFacingError("Run `/daily setup` first.")
        await self.bot.db.update_guild_settings(interaction.guild.id, paused=paused,
                                                now=self.bot.clock())
        text = "⏸️ Paused. `/daily resume` to start again." if paused else \
            "▶️ Resumed. `/daily status` shows the next post."
        await interaction.response.send_message(text, ephemeral=True)

    @daily.command(name="status")
    async def status(self, interaction: discord.Interaction) -> None:
        """When the next question is posted, the last one, and any failure."""
        assert interaction.guild is not None
        status = await daily_status(self.bot.db, self.bot.bank, interaction.guild.id,
                                    self.bot.clock())
        if status is None:
            raise UserFacingError("The daily question isn't set up yet: run `/daily setup`.")
        channel = status.settings.channel_id
        await interaction.response.send_message(
            embed=status_embed(status, f"<#{channel}>" if channel else None), ephemeral=True)


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Daily(bot))
