"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY, RESUME with replay, intents."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from .models import Guild

GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
GUILD_MESSAGE_REACTIONS = 1 << 10
DIRECT_MESSAGES = 1 << 12
DIRECT_MESSAGE_REACTIONS = 1 << 13
MESSAGE_CONTENT = 1 << 15
PRIVILEGED = {
    "members": GUILD_MEMBERS,
    "presences": GUILD_PRESENCES,
    "message_content": MESSAGE_CONTENT,
}
# application flags "GATEWAY_*_LIMITED" that say an intent is enabled in the portal
_APP_FLAG = {"presences": 1 << 13, "members": 1 << 15, "message_content": 1 << 19}


def required_intent(event: str, data: dict[str, Any]) -> int | None:
    """The intent a client needs to receive ``event`` (None: always sent)."""
    in_guild = "guild_id" in data
    if event.startswith("MESSAGE_REACTION"):
        return GUILD_MESSAGE_REACTIONS if in_guild else DIRECT_MESSAGE_REACTIONS
    if event.startswith("MESSAGE_"):
        return GUILD_MESSAGES if in_guild else DIRECT_MESSAGES
    if event.startswith("GUILD_MEMBER_") or event == "THREAD_MEMBERS_UPDATE":
        return GUILD_MEMBERS
    if event.startswith(("CHANNEL_", "THREAD_", "GUILD_ROLE_")) or event in (
        "GUILD_CREATE",
        "GUILD_UPDATE",
        "GUILD_DELETE",
    ):
        return GUILDS
    return None


@dataclass(eq=False)
class Session:
    id: str
    intents: int
    shard: list[int] | None = None
    seq: int = 0
    history: list[tuple[int, str]] = field(default_factory=list)
    conn: Connection | None = None


class Connection:
    """One websocket. Frames go through a queue so their order is the dispatch order."""

    def __init__(self, ws: web.WebSocketResponse, transport: asyncio.BaseTransport | None):
        self.ws = ws
        self.transport = transport
        self.session: Session | None = None
        self.queue: asyncio.Queue[str | tuple[int, bytes]] = asyncio.Queue()

    def send(self, frame: str | dict[str, Any]) -> None:
        self.queue.put_nowait(frame if isinstance(frame, str) else json.dumps(frame))

    def close(self, code: int, message: bytes = b"") -> None:
        self.queue.put_nowait((code, message))

    async def pump(self) -> None:
        while True:
            frame = await self.queue.get()
            try:
                if isinstance(frame, tuple):
                    await self.ws.close(code=frame[0], message=frame[1])
                    return
                await self.ws.send_str(frame)
            except (ConnectionError, RuntimeError):
                return


class GatewayMixin:
    heartbeat_interval_ms = 41250

    def _init_gateway(self, allowed_intents: set[str]) -> None:
        self.allowed_intents = set(allowed_intents)
        self.sessions: dict[str, Session] = {}
        self.connections: set[Connection] = set()
        self.gateway_received: list[dict[str, Any]] = []  # every op the client sent
        self.identify_count = 0
        self.resume_count = 0

    # -- websocket endpoint ---------------------------------------------------------------------

    async def _ws_handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = Connection(ws, request.transport)
        self.connections.add(conn)
        conn.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        pump = asyncio.create_task(conn.pump())
        try:
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.TEXT:
                    await self._on_gateway_op(conn, json.loads(msg.data))
        finally:
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if ws.close_code in (1000, 1001):  # a clean close ends the session
                    self.sessions.pop(session.id, None)
            self.connections.discard(conn)
            if not pump.done():
                pump.cancel()
            self._bump()
        return ws

    async def _on_gateway_op(self, conn: Connection, msg: dict[str, Any]) -> None:
        self.gateway_received.append(msg)
        op, d = msg.get("op"), msg.get("d") or {}
        if op == 1:
            conn.send({"op": 11, "d": None})
        elif op == 2:
            self._identify(conn, d)
        elif op == 6:
            self._resume(conn, d)
        elif op == 8 and conn.session is not None:
            self._request_members(conn.session, d)
        self._bump()

    def _identify(self, conn: Connection, d: dict[str, Any]) -> None:
        if d.get("token") != self.token:
            conn.close(4004, b"Authentication failed.")
            return
        intents = int(d.get("intents", 0))
        if any(intents & bit and n not in self.allowed_intents for n, bit in PRIVILEGED.items()):
            conn.close(4014, b"Disallowed intent(s).")
            return
        self.identify_count += 1
        session = Session(uuid.uuid4().hex, intents, d.get("shard"))
        self.sessions[session.id] = session
        conn.session, session.conn = session, conn
        guilds = [g for g in self.guilds.values() if self.bot_user.id in g.members]
        app_flags = sum(_APP_FLAG[name] for name in self.allowed_intents if name in _APP_FLAG)
        ready = {
            "v": 10,
            "user": {**self.bot_user.payload(), "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": app_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ["fake-discord"],
        }
        if session.shard is not None:
            ready["shard"] = session.shard
        self._send_event(session, "READY", ready)
        for guild in guilds:
            self._send_event(session, "GUILD_CREATE", self._guild_create_payload(session, guild))

    def _resume(self, conn: Connection, d: dict[str, Any]) -> None:
        session = self.sessions.get(d.get("session_id", ""))
        if session is None or d.get("token") != self.token:
            conn.send({"op": 9, "d": False})
            return
        if session.conn is not None and session.conn is not conn and session.conn.transport:
            session.conn.transport.abort()  # superseded connection
        seq = d.get("seq") or 0
        for event_seq, frame in session.history:
            if event_seq > seq:
                conn.send(frame)
        conn.session, session.conn = session, conn
        self.resume_count += 1
        self._send_event(session, "RESUMED", {"_trace": ["fake-discord"]})

    def _request_members(self, session: Session, d: dict[str, Any]) -> None:
        guild = self.guilds.get(int(d["guild_id"]))
        if guild is None:
            return
        members = list(guild.members.values())
        if d.get("user_ids"):
            ids = {int(i) for i in d["user_ids"]}
            members = [m for m in members if m.id in ids]
        elif d.get("query"):
            members = [m for m in members if m.name.lower().startswith(d["query"].lower())]
        if d.get("limit"):
            members = members[: d["limit"]]
        chunk = {
            "guild_id": str(guild.id),
            "members": [m.payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if d.get("nonce") is not None:
            chunk["nonce"] = d["nonce"]
        self._send_event(session, "GUILD_MEMBERS_CHUNK", chunk)

    def _guild_create_payload(self, session: Session, guild: Guild) -> dict[str, Any]:
        # Without the members intent Discord only sends the bot's own member.
        members = bool(session.intents & GUILD_MEMBERS)
        return guild.payload(include_members=members, bot_user_id=self.bot_user.id)

    # -- dispatching --------------------------------------------------------------------------

    def _send_event(self, session: Session, event: str, data: dict[str, Any]) -> None:
        session.seq += 1
        frame = json.dumps({"op": 0, "t": event, "s": session.seq, "d": data})
        session.history.append((session.seq, frame))
        if session.conn is not None:
            session.conn.send(frame)

    def dispatch(self, event: str, data: Any) -> None:
        """Send a dispatch event to every session that wants it (buffered while disconnected).

        ``data`` may be a callable taking the Session, for per-session payloads.
        """
        for session in list(self.sessions.values()):
            payload = data(session) if callable(data) else copy.deepcopy(data)
            needed = required_intent(event, payload)
            if needed is not None and not session.intents & needed:
                continue
            if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
                self._strip_content(session, payload)
            self._send_event(session, event, payload)

    def _strip_content(self, session: Session, payload: dict[str, Any]) -> None:
        if session.intents & MESSAGE_CONTENT or "guild_id" not in payload:
            return
        bot_id = str(self.bot_user.id)
        author = payload.get("author", {}).get("id")
        mentioned = any(u.get("id") == bot_id for u in payload.get("mentions", []))
        if author == bot_id or mentioned:
            return
        for key, empty in (
            ("content", ""),
            ("embeds", []),
            ("attachments", []),
            ("components", []),
        ):
            if key in payload:
                payload[key] = empty

    # -- connection faults ----------------------------------------------------------------------

    async def send_reconnect(self, *, wait: bool = True, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Send op 7 RECONNECT; the client must RESUME. Events meanwhile are replayed."""
        expected = self.resume_count + self._attach_count()
        for session in self.sessions.values():
            if session.conn is not None:
                session.conn.send({"op": 7, "d": None})
                session.conn = None  # later events are buffered and replayed on RESUME
        if wait:
            await self.wait_resumed(expected, timeout=timeout)

    async def drop_connection(self, *, wait: bool = True, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Abort every gateway TCP connection without a close frame (the client resumes)."""
        expected = self.resume_count + self._attach_count()
        for conn in list(self.connections):
            if conn.session is not None and conn.session.conn is conn:
                conn.session.conn = None
            if conn.transport is not None:
                conn.transport.abort()
        if wait:
            await self.wait_resumed(expected, timeout=timeout)

    def _attach_count(self) -> int:
        return sum(1 for s in self.sessions.values() if s.conn is not None)

    async def wait_resumed(self, count: int | None = None, *, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until ``resume_count`` reaches ``count`` (default: one more than now)."""
        target = self.resume_count + 1 if count is None else count
        await self.wait_until(lambda: self.resume_count >= target, timeout, f"{target} RESUMEs")

    async def _close_gateway(self) -> None:
        for conn in list(self.connections):
            await conn.ws.close(code=1001)
