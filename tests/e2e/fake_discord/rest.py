"""The fake REST API: request recording, fault injection, routing and the core endpoints."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .models import (
    PRIVATE_THREAD,
    PUBLIC_THREAD,
    Attachment,
    Channel,
    Guild,
    Message,
    compute_permissions,
    perm_value,
)

API_PREFIX = "/api/v10"
JSON = "application/json"  # exactly: discord.py treats "...; charset=utf-8" as text


@dataclass
class UploadedFile:
    field: str
    filename: str
    content_type: str | None
    data: bytes

    def text(self) -> str:
        return self.data.decode()

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass
class Call:
    """One REST request the bot made (recorded after the fake answered it)."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/123/messages"
    query: dict[str, str]
    json: Any  # parsed JSON body, or payload_json of a multipart body
    files: list[UploadedFile]
    time: float
    status: int = 0
    response: Any = None
    consumed: bool = False

    def __repr__(self) -> str:
        return f"<Call {self.method} {self.path} -> {self.status}>"


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    body: Any
    headers: dict[str, str]
    times: int
    hits: list[Call] = field(default_factory=list)


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(f"{status} {message} ({code})")
        self.status, self.code, self.message = status, code, message


Handler = Callable[..., Awaitable[Any]]
ROUTES: list[tuple[str, re.Pattern[str], Handler, bool]] = []


def route(method: str, pattern: str, *, auth: bool = True) -> Callable[[Handler], Handler]:
    """Register an endpoint; named groups of ``pattern`` become keyword arguments."""

    def deco(fn: Handler) -> Handler:
        ROUTES.append((method, re.compile(pattern), fn, auth))
        return fn

    return deco


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    if body is None and status == 204:
        return web.Response(status=204, headers=headers)
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        headers={"Content-Type": JSON, **(headers or {})},
    )


class RestMixin:
    def _init_rest(self) -> None:
        self.calls: list[Call] = []
        self.unhandled: list[Call] = []  # requests for endpoints the fake does not model
        self.faults: list[Fault] = []
        self.internal_errors: list[str] = []  # exceptions raised by the fake's handlers

    # -- fault injection ----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int = 403,
        json: Any = None,
        *,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
        headers: dict[str, str] | None = None,
    ) -> Fault:
        """Answer the next ``times`` matching requests with an error instead of handling them.

        status=429 builds a real rate-limit answer (body retry_after, Retry-After,
        X-RateLimit-* and ``Via`` headers) that discord.py retries.
        """
        hdrs = dict(headers or {})
        if status == 429:
            json = json or {
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": is_global,
                "code": 0,
            }
            hdrs = {
                "Retry-After": str(max(1, round(retry_after))),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Bucket": "fake-bucket",
                "X-RateLimit-Scope": "global" if is_global else "user",
                "Via": "1.1 google",
                **hdrs,
            }
            if is_global:
                hdrs["X-RateLimit-Global"] = "true"
        elif json is None:
            json = {"message": "Missing Permissions", "code": 50013}
        fault = Fault(method.upper(), re.compile(path_regex), status, json, hdrs, times)
        self.faults.append(fault)
        return fault

    def rate_limit_next(self, method: str, path_regex: str, retry_after: float = 0.05, **kw: Any):
        return self.fail_next(method, path_regex, 429, retry_after=retry_after, **kw)

    def _take_fault(self, call: Call) -> Fault | None:
        for fault in self.faults:
            if (
                fault.times > 0
                and fault.method == call.method
                and fault.pattern.fullmatch(call.path)
            ):
                fault.times -= 1
                fault.hits.append(call)
                return fault
        return None

    # -- the aiohttp handler ------------------------------------------------------------------

    async def _http_handler(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/attachments/"):
            return self._serve_attachment(path)
        if path.startswith("/cdn/"):
            return web.Response(body=_PNG, content_type="image/png")
        call = Call(
            request.method,
            path.removeprefix(API_PREFIX),
            dict(request.query),
            None,
            [],
            asyncio.get_running_loop().time(),
        )
        await _read_body(request, call)
        status, body, headers = await self._answer(request, call)
        call.status, call.response = status, body
        self.calls.append(call)
        self._bump()
        return json_response(status, body, headers)

    async def _answer(self, request: web.Request, call: Call) -> tuple[int, Any, dict[str, str]]:
        if not request.path.startswith(API_PREFIX):
            self.unhandled.append(call)
            return 404, {"message": "404: Not Found", "code": 0}, {}
        fault = self._take_fault(call)
        if fault is not None:
            return fault.status, fault.body, fault.headers
        for method, pattern, handler, auth in ROUTES:
            m = pattern.fullmatch(call.path)
            if m is None or method != call.method:
                continue
            if auth and request.headers.get("Authorization") != f"Bot {self.token}":
                return 401, {"message": "401: Unauthorized", "code": 0}, {}
            try:
                # looked up by name so that a subclass can override an endpoint
                body = await getattr(self, handler.__name__)(call, **m.groupdict())
            except ApiError as e:
                return e.status, {"message": e.message, "code": e.code}, {}
            except Exception as e:  # a bug in the fake or a payload it cannot take: fail loudly
                self.internal_errors.append(f"{call.method} {call.path}: {e!r}")
                return 400, {"message": f"fake_discord cannot handle this: {e!r}", "code": 0}, {}
            return (204 if body is None else 200), body, {}
        self.unhandled.append(call)
        return 404, {"message": "404: Not Found", "code": 0}, {}

    def _serve_attachment(self, path: str) -> web.Response:
        for msg in self.messages.values():
            for att in msg.attachments:
                if att.url.endswith(path):
                    return web.Response(
                        body=att.data, content_type=att.content_type or "application/octet-stream"
                    )
        return web.Response(status=404)

    # -- lookups that raise Discord's errors ----------------------------------------------------

    def _channel(self, channel_id: str | int) -> Channel:
        ch = self.channels.get(int(channel_id))
        if ch is None or ch.deleted:
            raise ApiError(404, 10003, "Unknown Channel")
        return ch

    def _guild(self, guild_id: str | int) -> Guild:
        guild = self.guilds.get(int(guild_id))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return guild

    def _message(self, channel: Channel, message_id: str | int) -> Message:
        msg = self.messages.get(int(message_id))
        if msg is None or msg.deleted or msg.channel is not channel:
            raise ApiError(404, 10008, "Unknown Message")
        return msg

    def _require(self, channel: Channel, *perms: str) -> None:
        """403 unless the bot has ``perms`` in ``channel`` (DMs always pass)."""
        if channel.guild is None:
            return
        have = compute_permissions(channel.guild, channel.guild.member(self.bot_user), channel)
        if not have & perm_value("view_channel"):
            raise ApiError(403, 50001, "Missing Access")
        if (have & perm_value(list(perms))) != perm_value(list(perms)):
            raise ApiError(403, 50013, "Missing Permissions")

    def _attachments(self, call: Call, channel: Channel) -> list[Attachment]:
        out = []
        for f in call.files:
            aid = self.snowflake()
            url = f"{self.http_base}/attachments/{channel.id}/{aid}/{f.filename}"
            out.append(Attachment(aid, f.filename, f.data, f.content_type, url))
        return out

    def _message_fields(self, body: dict[str, Any], call: Call, channel: Channel) -> dict[str, Any]:
        return {
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "flags": int(body.get("flags") or 0),
            "allowed_mentions": body.get("allowed_mentions"),
            "attachments": self._attachments(call, channel),
        }

    # -- endpoints ------------------------------------------------------------------------------

    @route("GET", "/users/@me")
    async def _get_me(self, call: Call) -> Any:
        return {**self.bot_user.payload(), "verified": True, "mfa_enabled": False}

    @route("GET", r"/users/(?P<user_id>\d+)")
    async def _get_user(self, call: Call, user_id: str) -> Any:
        user = self.users.get(int(user_id))
        if user is None:
            raise ApiError(404, 10013, "Unknown User")
        return user.payload()

    @route("GET", "/oauth2/applications/@me")
    async def _get_app(self, call: Call) -> Any:
        return {
            "id": str(self.application_id),
            "name": self.bot_user.name,
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.app_owner.payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "bot": self.bot_user.payload(),
        }

    @route("GET", "/gateway", auth=False)
    async def _get_gateway(self, call: Call) -> Any:
        return {"url": self.gateway_url}

    @route("GET", "/gateway/bot")
    async def _get_gateway_bot(self, call: Call) -> Any:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}

    @route("POST", "/users/@me/channels")
    async def _open_dm(self, call: Call) -> Any:
        user = self.users.get(int(call.json["recipient_id"]))
        if user is None:
            raise ApiError(404, 10013, "Unknown User")
        return self.dm_channel(user).payload()

    @route("GET", r"/guilds/(?P<guild_id>\d+)")
    async def _get_guild(self, call: Call, guild_id: str) -> Any:
        data = self._guild(guild_id).payload(include_members=False)
        return {k: v for k, v in data.items() if k not in ("channels", "threads", "members")}

    @route("GET", r"/guilds/(?P<guild_id>\d+)/channels")
    async def _get_guild_channels(self, call: Call, guild_id: str) -> Any:
        return [
            c.payload()
            for c in self._guild(guild_id).channels.values()
            if not c.deleted and not c.is_thread
        ]

    @route("GET", r"/guilds/(?P<guild_id>\d+)/roles")
    async def _get_roles(self, call: Call, guild_id: str) -> Any:
        return [r.payload() for r in self._guild(guild_id).roles.values()]

    @route("GET", r"/guilds/(?P<guild_id>\d+)/members/(?P<user_id>\d+)")
    async def _get_member(self, call: Call, guild_id: str, user_id: str) -> Any:
        member = self._guild(guild_id).members.get(int(user_id))
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        return member.payload()

    @route("GET", r"/channels/(?P<channel_id>\d+)")
    async def _get_channel(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        self._require(channel)
        return channel.payload()

    @route("PATCH", r"/channels/(?P<channel_id>\d+)")
    async def _edit_channel(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        body = call.json or {}
        for key in ("name", "topic", "archived", "locked", "auto_archive_duration"):
            if key in body:
                setattr(channel, key, body[key])
        self.dispatch("THREAD_UPDATE" if channel.is_thread else "CHANNEL_UPDATE", channel.payload())
        return channel.payload()

    @route("DELETE", r"/channels/(?P<channel_id>\d+)")
    async def _delete_channel(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        self.delete_channel(channel)
        return channel.payload()

    @route("POST", r"/channels/(?P<channel_id>\d+)/typing")
    async def _typing(self, call: Call, channel_id: str) -> Any:
        self._channel(channel_id)
        return None

    @route("GET", r"/channels/(?P<channel_id>\d+)/messages")
    async def _get_messages(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        self._require(channel, "read_message_history")
        msgs = self.messages_in(channel)
        q = call.query
        if "before" in q:
            msgs = [m for m in msgs if m.id < int(q["before"])]
        if "after" in q:
            msgs = [m for m in msgs if m.id > int(q["after"])]
        msgs = msgs[::-1][: int(q.get("limit", 50))]  # newest first
        return [m.payload() for m in msgs]

    @route("GET", r"/channels/(?P<channel_id>\d+)/messages/(?P<message_id>\d+)")
    async def _get_message(self, call: Call, channel_id: str, message_id: str) -> Any:
        channel = self._channel(channel_id)
        self._require(channel, "read_message_history")
        return self._message(channel, message_id).payload()

    @route("POST", r"/channels/(?P<channel_id>\d+)/messages")
    async def _create_message(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        needed = ["send_messages_in_threads" if channel.is_thread else "send_messages"]
        self._require(channel, *needed, *(["attach_files"] if call.files else []))
        fields = self._message_fields(call.json or {}, call, channel)
        ref = (call.json or {}).get("message_reference")
        if ref:
            target = self.messages.get(int(ref["message_id"]))
            if target is None or target.deleted:
                if ref.get("fail_if_not_exists", True):
                    raise ApiError(400, 50035, "Invalid Form Body (Unknown message)")
            else:
                fields.update(reference=target, type=19)
        msg = self._new_message(channel, self.bot_user, **fields)
        self.dispatch("MESSAGE_CREATE", msg.payload())
        return msg.payload()

    @route("PATCH", r"/channels/(?P<channel_id>\d+)/messages/(?P<message_id>\d+)")
    async def _edit_message(self, call: Call, channel_id: str, message_id: str) -> Any:
        msg = self._message(self._channel(channel_id), message_id)
        if msg.author is not self.bot_user:
            raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        self._edit(msg, call.json or {})
        msg.attachments += self._attachments(call, msg.channel)
        self.dispatch("MESSAGE_UPDATE", msg.payload())
        return msg.payload()

    @route("DELETE", r"/channels/(?P<channel_id>\d+)/messages/(?P<message_id>\d+)")
    async def _delete_message(self, call: Call, channel_id: str, message_id: str) -> Any:
        channel = self._channel(channel_id)
        msg = self._message(channel, message_id)
        if msg.author is not self.bot_user:
            self._require(channel, "manage_messages")
        self._delete(msg)
        return None

    @route(
        "PUT",
        r"/channels/(?P<channel_id>\d+)/messages/(?P<message_id>\d+)/reactions/(?P<emoji>[^/]+)/@me",
    )
    async def _add_reaction(self, call: Call, channel_id: str, message_id: str, emoji: str) -> Any:
        from urllib.parse import unquote

        channel = self._channel(channel_id)
        self._require(channel, "add_reactions", "read_message_history")
        msg = self._message(channel, message_id)
        msg.reactions.setdefault(unquote(emoji), set()).add(self.bot_user.id)
        return None

    @route("POST", r"/channels/(?P<channel_id>\d+)/messages/(?P<message_id>\d+)/threads")
    async def _thread_from_message(self, call: Call, channel_id: str, message_id: str) -> Any:
        channel = self._channel(channel_id)
        self._require(channel, "create_public_threads")
        msg = self._message(channel, message_id)
        if msg.thread is not None:
            raise ApiError(400, 160004, "A thread has already been created for this message")
        body = call.json or {}
        thread = self.add_thread(
            channel,
            body["name"],
            message=msg,
            auto_archive_duration=body.get("auto_archive_duration") or 1440,
        )
        return thread.payload()

    @route("POST", r"/channels/(?P<channel_id>\d+)/threads")
    async def _thread_without_message(self, call: Call, channel_id: str) -> Any:
        channel = self._channel(channel_id)
        body = call.json or {}
        kind = int(body.get("type") or PRIVATE_THREAD)
        self._require(
            channel, "create_public_threads" if kind == PUBLIC_THREAD else "create_private_threads"
        )
        thread = self.add_thread(
            channel,
            body["name"],
            type=kind,
            auto_archive_duration=body.get("auto_archive_duration") or 1440,
        )
        return thread.payload()

    # -- application commands -------------------------------------------------------------------

    @route("PUT", r"/applications/(?P<app_id>\d+)/commands")
    async def _put_global_commands(self, call: Call, app_id: str) -> Any:
        return self._store_commands(app_id, None, call.json or [])

    @route("PUT", r"/applications/(?P<app_id>\d+)/guilds/(?P<guild_id>\d+)/commands")
    async def _put_guild_commands(self, call: Call, app_id: str, guild_id: str) -> Any:
        self._guild(guild_id)
        return self._store_commands(app_id, int(guild_id), call.json or [])

    @route("GET", r"/applications/(?P<app_id>\d+)/commands")
    async def _get_global_commands(self, call: Call, app_id: str) -> Any:
        return self.commands.get(None, [])

    @route("GET", r"/applications/(?P<app_id>\d+)/guilds/(?P<guild_id>\d+)/commands")
    async def _get_guild_commands(self, call: Call, app_id: str, guild_id: str) -> Any:
        return self.commands.get(int(guild_id), [])

    def _store_commands(self, app_id: str, guild_id: int | None, body: list[dict]) -> Any:
        if int(app_id) != self.application_id:
            raise ApiError(404, 10002, "Unknown Application")
        stored = []
        for cmd in body:
            key = (guild_id, cmd.get("type", 1), cmd["name"])
            cid = self._command_ids.setdefault(key, self.snowflake())
            data = {
                "type": 1,
                "description": "",
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **cmd,
            }
            data.update(id=str(cid), application_id=str(self.application_id), version=str(cid))
            if guild_id is not None:
                data["guild_id"] = str(guild_id)
            stored.append(data)
        self.commands[guild_id] = stored
        return stored

    def _delete(self, msg: Message) -> None:
        msg.deleted = True
        data = {"id": str(msg.id), "channel_id": str(msg.channel.id)}
        if msg.guild is not None:
            data["guild_id"] = str(msg.guild.id)
        if not msg.ephemeral:
            self.dispatch("MESSAGE_DELETE", data)


async def _read_body(request: web.Request, call: Call) -> None:
    if not request.can_read_body:
        return
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        for name, value in form.items():
            if name == "payload_json":
                call.json = json.loads(value if isinstance(value, str) else value.file.read())
            elif isinstance(value, web.FileField):
                call.files.append(
                    UploadedFile(name, value.filename, value.content_type, value.file.read())
                )
        return
    raw = await request.read()
    if raw:
        call.json = json.loads(raw)


# 1x1 transparent PNG served for every CDN asset.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
