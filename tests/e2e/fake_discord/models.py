"""Server-side state of the fake Discord and the JSON payloads built from it.

Objects here are plain dataclasses owned by the fake (not discord.py models). Their
``payload()`` methods produce what Discord's API / gateway would send.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from typing import Any

import discord

DISCORD_EPOCH_MS = 1420070400000

# Permissions @everyone gets in a new guild (close to Discord's real default).
DEFAULT_EVERYONE = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    create_private_threads=True,
    embed_links=True,
    attach_files=True,
    add_reactions=True,
    use_external_emojis=True,
    read_message_history=True,
    use_application_commands=True,
    change_nickname=True,
    connect=True,
    speak=True,
).value
ALL_PERMISSIONS = discord.Permissions.all().value
ADMINISTRATOR = discord.Permissions(administrator=True).value
VIEW_CHANNEL = discord.Permissions(view_channel=True).value

EPHEMERAL = 1 << 6
LOADING = 1 << 7


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def perm_value(perms: Any) -> int:
    """Accept an int, a discord.Permissions, a permission name or an iterable of names."""
    if perms is None:
        return 0
    if isinstance(perms, int):
        return perms
    if isinstance(perms, discord.Permissions):
        return perms.value
    if isinstance(perms, str):
        perms = [perms]
    return discord.Permissions(**dict.fromkeys(perms, True)).value


class Snowflakes:
    """Monotonic snowflakes whose timestamp part is the current time."""

    def __init__(self) -> None:
        self._last = 0

    def __call__(self) -> int:
        now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(self._last + 1, now)
        return self._last


@dataclass(eq=False, repr=False)
class User:
    id: int
    name: str
    bot: bool = False
    global_name: str | None = None

    def __repr__(self) -> str:
        return f"<User {self.name} id={self.id}>"

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }


@dataclass(eq=False, repr=False)
class Role:
    id: int
    guild: Guild
    name: str
    permissions: int = 0
    position: int = 0
    mentionable: bool = False

    def __repr__(self) -> str:
        return f"<Role {self.name} id={self.id}>"

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": False,
            "mentionable": self.mentionable,
            "flags": 0,
        }


@dataclass(eq=False, repr=False)
class Member:
    user: User
    guild: Guild
    roles: list[Role] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=now_iso)

    def __repr__(self) -> str:
        return f"<Member {self.user.name} of {self.guild.name}>"

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def mention(self) -> str:
        return self.user.mention

    def payload(self, *, with_user: bool = True, permissions: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "roles": [str(r.id) for r in self.roles],
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class Overwrite:
    target_id: int
    type: int  # 0 = role, 1 = member
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.target_id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


TEXT, DM, CATEGORY, PUBLIC_THREAD, PRIVATE_THREAD = 0, 1, 4, 11, 12


@dataclass(eq=False, repr=False)
class Channel:
    id: int
    type: int
    name: str | None = None
    guild: Guild | None = None
    parent: Channel | None = None  # category for text channels, text channel for threads
    position: int = 0
    topic: str | None = None
    overwrites: dict[int, Overwrite] = field(default_factory=dict)
    owner: User | None = None  # thread creator
    recipient: User | None = None  # DM partner
    archived: bool = False
    locked: bool = False
    auto_archive_duration: int = 1440
    created_at: str = field(default_factory=now_iso)
    deleted: bool = False
    last_message_id: int | None = None
    message_count: int = 0

    def __repr__(self) -> str:
        return f"<Channel {self.name or 'DM'} type={self.type} id={self.id}>"

    @property
    def is_thread(self) -> bool:
        return self.type in (PUBLIC_THREAD, PRIVATE_THREAD)

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(self.id), "type": self.type, "flags": 0}
        data["last_message_id"] = str(self.last_message_id) if self.last_message_id else None
        if self.type == DM:
            assert self.recipient is not None
            data["recipients"] = [self.recipient.payload()]
            return data
        assert self.guild is not None
        data.update(guild_id=str(self.guild.id), name=self.name)
        data["parent_id"] = str(self.parent.id) if self.parent else None
        if self.is_thread:
            assert self.owner is not None
            data.update(
                owner_id=str(self.owner.id),
                message_count=self.message_count,
                total_message_sent=self.message_count,
                member_count=1,
                rate_limit_per_user=0,
                thread_metadata={
                    "archived": self.archived,
                    "locked": self.locked,
                    "auto_archive_duration": self.auto_archive_duration,
                    "archive_timestamp": self.created_at,
                    "create_timestamp": self.created_at,
                    "invitable": True,
                },
            )
            return data
        data.update(
            position=self.position,
            permission_overwrites=[o.payload() for o in self.overwrites.values()],
            nsfw=False,
        )
        if self.type == TEXT:
            data.update(topic=self.topic, rate_limit_per_user=0, default_auto_archive_duration=1440)
        return data


@dataclass(eq=False, repr=False)
class Guild:
    id: int
    name: str
    owner: User
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)  # includes threads
    members: dict[int, Member] = field(default_factory=dict)
    joined_at: str = field(default_factory=now_iso)

    def __repr__(self) -> str:
        return f"<Guild {self.name} id={self.id}>"

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def member(self, user: User | Member) -> Member | None:
        return self.members.get(user.id)

    def payload(self, *, include_members: bool = True, bot_user_id: int | None = None) -> dict:
        alive = [c for c in self.channels.values() if not c.deleted]
        members = [
            m.payload() for m in self.members.values() if include_members or m.id == bot_user_id
        ]
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": str(self.owner.id),
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "features": [],
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_progress_bar_enabled": False,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "preferred_locale": "en-US",
            "application_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "joined_at": self.joined_at,
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "roles": [r.payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "channels": [c.payload() for c in alive if not c.is_thread],
            "threads": [c.payload() for c in alive if c.is_thread],
            "members": members,
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


@dataclass
class Attachment:
    id: int
    filename: str
    data: bytes
    content_type: str | None
    url: str

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": self.url,
            "proxy_url": self.url,
            "content_type": self.content_type,
        }

    def text(self) -> str:
        return self.data.decode()


_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


@dataclass(eq=False, repr=False)
class Message:
    id: int
    channel: Channel
    author: User
    content: str = ""
    embeds: list[dict] = field(default_factory=list)
    components: list[dict] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    type: int = 0
    reference: Message | None = None
    mentions: list[User] = field(default_factory=list)
    mention_roles: list[Role] = field(default_factory=list)
    mention_everyone: bool = False
    allowed_mentions: dict | None = None
    webhook_id: int | None = None
    interaction_metadata: dict | None = None
    timestamp: str = field(default_factory=now_iso)
    edited_timestamp: str | None = None
    thread: Channel | None = None  # thread started from this message
    reactions: dict[str, set[int]] = field(default_factory=dict)
    deleted: bool = False

    def __repr__(self) -> str:
        where = self.channel.name or "DM"
        return f"<Message id={self.id} by {self.author.name} in {where}: {self.content!r:.60}>"

    @property
    def guild(self) -> Guild | None:
        return self.channel.guild

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        return bool(self.flags & LOADING)

    def walk_components(self) -> list[dict]:
        return list(walk_components(self.components))

    def component(self, custom_id: str | None = None, *, label: str | None = None) -> dict:
        """Find an interactive component by custom_id or by its label."""
        for comp in self.walk_components():
            if custom_id is not None and comp.get("custom_id") == custom_id:
                return comp
            if label is not None and comp.get("label") == label and "custom_id" in comp:
                return comp
        found = [(c.get("label"), c.get("custom_id")) for c in self.walk_components()]
        raise LookupError(f"no component {custom_id or label!r} on message; has {found}")

    def resolve_mentions(self, guild: Guild | None, users: dict[int, User]) -> None:
        """Compute mentions from the content honouring allowed_mentions, as Discord does."""
        am = self.allowed_mentions
        parse = set(am.get("parse", [])) if am is not None else {"users", "roles", "everyone"}
        allow_users = {int(u) for u in am.get("users", [])} if am else set()
        allow_roles = {int(r) for r in am.get("roles", [])} if am else set()
        self.mentions, self.mention_roles = [], []
        for uid in map(int, _USER_MENTION.findall(self.content)):
            user = users.get(uid)
            if user and ("users" in parse or uid in allow_users) and user not in self.mentions:
                self.mentions.append(user)
        if guild is not None:
            for rid in map(int, _ROLE_MENTION.findall(self.content)):
                role = guild.roles.get(rid)
                if role and ("roles" in parse or rid in allow_roles):
                    self.mention_roles.append(role)
        self.mention_everyone = "everyone" in parse and (
            "@everyone" in self.content or "@here" in self.content
        )
        replied = am.get("replied_user", False) if am is not None else True
        if self.reference is not None and replied and self.reference.author not in self.mentions:
            self.mentions.append(self.reference.author)

    def payload(self, *, nested: bool = False) -> dict[str, Any]:
        guild = self.guild
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel.id),
            "author": self.author.payload(),
            "content": self.content,
            "timestamp": self.timestamp,
            "edited_timestamp": self.edited_timestamp,
            "tts": False,
            "mention_everyone": self.mention_everyone,
            "mentions": [],
            "mention_roles": [str(r.id) for r in self.mention_roles],
            "attachments": [a.payload() for a in self.attachments],
            "embeds": self.embeds,
            "components": self.components,
            "pinned": False,
            "type": self.type,
            "flags": self.flags,
        }
        for user in self.mentions:
            mention = user.payload()
            member = guild.member(user) if guild else None
            if member is not None:
                mention["member"] = member.payload(with_user=False)
            data["mentions"].append(mention)
        if self.reactions:
            data["reactions"] = [
                {"emoji": {"id": None, "name": e}, "count": len(u), "me": False, "burst_count": 0}
                for e, u in self.reactions.items()
            ]
        if guild is not None:
            data["guild_id"] = str(guild.id)
            member = guild.member(self.author)
            if member is not None:
                data["member"] = member.payload(with_user=False)
        if self.webhook_id:
            data["webhook_id"] = str(self.webhook_id)
            data["application_id"] = str(self.webhook_id)
        if self.interaction_metadata:
            data["interaction_metadata"] = self.interaction_metadata
        if self.thread is not None and not self.thread.deleted:
            data["thread"] = self.thread.payload()
        if self.reference is not None:
            ref = self.reference
            data["message_reference"] = {
                "type": 0,
                "message_id": str(ref.id),
                "channel_id": str(ref.channel.id),
                **({"guild_id": str(ref.guild.id)} if ref.guild else {}),
            }
            if not nested:
                data["referenced_message"] = None if ref.deleted else ref.payload(nested=True)
        return data


def walk_components(components: list[dict]):
    """Yield every component of a (possibly nested) component tree."""
    for comp in components:
        yield comp
        yield from walk_components(comp.get("components", []))
        for key in ("component", "accessory"):
            if isinstance(comp.get(key), dict):
                yield from walk_components([comp[key]])


def compute_permissions(guild: Guild, member: Member | None, channel: Channel | None) -> int:
    """Discord's permission algorithm: base role permissions, then channel overwrites."""
    if member is None:
        return 0
    if member.id == guild.owner.id:
        return ALL_PERMISSIONS
    perms = guild.everyone.permissions
    for role in member.roles:
        perms |= role.permissions
    if perms & ADMINISTRATOR:
        return ALL_PERMISSIONS
    target = channel.parent if channel is not None and channel.is_thread else channel
    if target is None:
        return perms
    ows = target.overwrites
    if (ow := ows.get(guild.id)) is not None:
        perms = (perms & ~ow.deny) | ow.allow
    allow = deny = 0
    for role in member.roles:
        if (ow := ows.get(role.id)) is not None:
            allow |= ow.allow
            deny |= ow.deny
    perms = (perms & ~deny) | allow
    if (ow := ows.get(member.id)) is not None:
        perms = (perms & ~ow.deny) | ow.allow
    if not perms & VIEW_CHANNEL:
        return 0
    return perms
