"""Helpers that build the fake's world (guilds, roles, members, channels, threads).

Changes made while a bot is connected are dispatched over the gateway like Discord does.
"""

from __future__ import annotations

from typing import Any

import discord

from .models import (
    CATEGORY,
    DEFAULT_EVERYONE,
    DM,
    EPHEMERAL,
    LOADING,
    PUBLIC_THREAD,
    TEXT,
    Channel,
    Guild,
    Member,
    Message,
    Overwrite,
    Role,
    Snowflakes,
    User,
    compute_permissions,
    now_iso,
    perm_value,
)


class StateMixin:
    def _init_state(self, bot_name: str) -> None:
        self.snowflake = Snowflakes()
        self.application_id: int = self.snowflake()
        # Modern bots: the bot user id equals the application id.
        self.bot_user = User(self.application_id, bot_name, bot=True)
        self.app_owner = User(self.snowflake(), "app-owner")
        self.users: dict[int, User] = {u.id: u for u in (self.bot_user, self.app_owner)}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}

    # -- users, guilds, roles, members -------------------------------------------------------

    def add_user(self, name: str, *, bot: bool = False) -> User:
        user = User(self.snowflake(), name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(
        self,
        name: str = "Test Guild",
        *,
        owner: User | str = "owner",
        everyone_permissions: Any = DEFAULT_EVERYONE,
        bot_permissions: Any = None,
    ) -> Guild:
        """A guild with @everyone, an owner member and the bot as a member.

        ``bot_permissions`` (names, int or discord.Permissions) puts the bot in an extra role.
        """
        owner_user = self.add_user(owner) if isinstance(owner, str) else owner
        guild = Guild(self.snowflake(), name, owner_user)
        guild.roles[guild.id] = Role(guild.id, guild, "@everyone", perm_value(everyone_permissions))
        self.guilds[guild.id] = guild
        guild.members[owner_user.id] = Member(owner_user, guild)
        bot_member = guild.members[self.bot_user.id] = Member(self.bot_user, guild)
        if bot_permissions is not None:
            role = Role(self.snowflake(), guild, self.bot_user.name, perm_value(bot_permissions), 1)
            guild.roles[role.id] = role
            bot_member.roles.append(role)
        self.dispatch("GUILD_CREATE", lambda session: self._guild_create_payload(session, guild))
        return guild

    def add_role(
        self,
        guild: Guild,
        name: str,
        *,
        permissions: Any = 0,
        members: tuple[Member, ...] | list[Member] = (),
        mentionable: bool = False,
    ) -> Role:
        role = Role(self.snowflake(), guild, name, perm_value(permissions), len(guild.roles))
        role.mentionable = mentionable
        guild.roles[role.id] = role
        self.dispatch("GUILD_ROLE_CREATE", {"guild_id": str(guild.id), "role": role.payload()})
        for member in members:
            self.give_role(member, role)
        return role

    def give_role(self, member: Member, role: Role) -> None:
        member.roles.append(role)
        self._member_update(member)

    def add_member(
        self,
        guild: Guild,
        name: str | User,
        *,
        roles: tuple[Role, ...] | list[Role] = (),
        nick: str | None = None,
        bot: bool = False,
    ) -> Member:
        """Add a human (or bot) member; pass an existing User to share it across guilds."""
        user = self.add_user(name, bot=bot) if isinstance(name, str) else name
        member = guild.members[user.id] = Member(user, guild, list(roles), nick)
        self.dispatch("GUILD_MEMBER_ADD", {"guild_id": str(guild.id), **member.payload()})
        return member

    def _member_update(self, member: Member) -> None:
        self.dispatch("GUILD_MEMBER_UPDATE", {"guild_id": str(member.guild.id), **member.payload()})

    def bot_member(self, guild: Guild) -> Member:
        return guild.members[self.bot_user.id]

    # -- channels and threads -----------------------------------------------------------------

    def _add_channel(self, channel: Channel) -> Channel:
        self.channels[channel.id] = channel
        if channel.guild is not None:
            channel.guild.channels[channel.id] = channel
        return channel

    def add_category(self, guild: Guild, name: str) -> Channel:
        cat = self._add_channel(Channel(self.snowflake(), CATEGORY, name, guild))
        self.dispatch("CHANNEL_CREATE", cat.payload())
        return cat

    def add_text_channel(
        self,
        guild: Guild,
        name: str,
        *,
        category: Channel | None = None,
        topic: str | None = None,
    ) -> Channel:
        position = sum(1 for c in guild.channels.values() if c.type == TEXT)
        channel = Channel(self.snowflake(), TEXT, name, guild, category, position, topic)
        self._add_channel(channel)
        self.dispatch("CHANNEL_CREATE", channel.payload())
        return channel

    def add_thread(
        self,
        channel: Channel,
        name: str,
        *,
        owner: User | Member | None = None,
        message: Message | None = None,
        type: int = PUBLIC_THREAD,
        auto_archive_duration: int = 1440,
    ) -> Channel:
        """Create a thread (from ``message`` if given: it then shares the message's id)."""
        if message is not None and message.thread is not None:
            raise ValueError("a thread was already created from this message")
        owner_user = self.users[owner.id] if owner is not None else self.bot_user
        thread_id = message.id if message is not None else self.snowflake()
        thread = Channel(thread_id, type, name, channel.guild, channel, owner=owner_user)
        thread.auto_archive_duration = auto_archive_duration
        self._add_channel(thread)
        if message is not None:
            message.thread = thread
        self.dispatch("THREAD_CREATE", {**thread.payload(), "newly_created": True})
        return thread

    def dm_channel(self, user: User | Member) -> Channel:
        """The DM channel between the bot and ``user`` (created on first use)."""
        user = self.users[user.id]
        for ch in self.channels.values():
            if ch.type == DM and ch.recipient is user:
                return ch
        return self._add_channel(Channel(self.snowflake(), DM, recipient=user))

    def set_permissions(
        self,
        channel: Channel,
        target: Role | Member | User,
        *,
        allow: Any = None,
        deny: Any = None,
    ) -> None:
        """Set a channel permission overwrite (names like "send_messages", int or Permissions)."""
        assert channel.guild is not None and not channel.is_thread, "overwrites live on channels"
        kind = 0 if isinstance(target, Role) else 1
        channel.overwrites[target.id] = Overwrite(
            target.id, kind, perm_value(allow), perm_value(deny)
        )
        self.dispatch("CHANNEL_UPDATE", channel.payload())

    def deny_bot(self, channel: Channel, *permissions: str) -> None:
        """Deny permissions to the bot in one channel (a member overwrite)."""
        current = channel.overwrites.get(self.bot_user.id)
        allow = current.allow if current else 0
        deny = (current.deny if current else 0) | perm_value(list(permissions))
        self.set_permissions(channel, self.bot_user, allow=allow & ~deny, deny=deny)

    def delete_channel(self, channel: Channel) -> None:
        """Delete a channel or thread: later REST calls on it get 404 Unknown Channel (10003)."""
        channel.deleted = True
        event = "THREAD_DELETE" if channel.is_thread else "CHANNEL_DELETE"
        data = channel.payload()
        if channel.is_thread:
            data = {k: data[k] for k in ("id", "guild_id", "parent_id", "type")}
        self.dispatch(event, data)

    def permissions_for(self, who: Member | User, channel: Channel) -> discord.Permissions:
        """Effective permissions of ``who`` in ``channel``, computed server-side."""
        if channel.guild is None:
            return discord.Permissions(discord.Permissions.text().value)
        member = channel.guild.member(who)
        return discord.Permissions(compute_permissions(channel.guild, member, channel))

    # -- messages -----------------------------------------------------------------------------

    def _new_message(self, channel: Channel, author: User, **fields: Any) -> Message:
        msg = Message(self.snowflake(), channel, author, **fields)
        msg.resolve_mentions(channel.guild, self.users)
        self.messages[msg.id] = msg
        channel.last_message_id = msg.id
        if channel.is_thread:
            channel.message_count += 1
        return msg

    def _edit(self, msg: Message, data: dict[str, Any]) -> None:
        for key in ("content", "embeds", "components", "allowed_mentions"):
            if key in data:
                setattr(msg, key, data[key] if data[key] is not None else _EMPTY[key]())
        if "flags" in data:  # the ephemeral flag cannot be changed by an edit
            msg.flags = int(data["flags"] or 0) & ~EPHEMERAL | (msg.flags & EPHEMERAL)
        msg.flags &= ~LOADING  # a deferred ("thinking") message is complete once edited
        if "attachments" in data and data["attachments"] is not None:
            keep = {str(a.get("id")) for a in data["attachments"]}
            msg.attachments = [a for a in msg.attachments if str(a.id) in keep]
        msg.edited_timestamp = now_iso()
        msg.resolve_mentions(msg.guild, self.users)

    def messages_in(self, channel: Channel) -> list[Message]:
        """Non-deleted messages of a channel, oldest first."""
        return [m for m in self.messages.values() if m.channel is channel and not m.deleted]

    def bot_messages(self, channel: Channel | None = None) -> list[Message]:
        return [
            m
            for m in self.messages.values()
            if m.author is self.bot_user and not m.deleted and channel in (None, m.channel)
        ]


_EMPTY = {"content": str, "embeds": list, "components": list, "allowed_mentions": lambda: None}
