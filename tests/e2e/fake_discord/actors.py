"""Humans acting on the fake Discord: messages, slash commands, buttons, modals...

Interaction actors return an :class:`InteractionHandle` from which a test reads what
the bot answered (initial callback, the message it created, followups, a modal).
"""

from __future__ import annotations

import asyncio
from typing import Any

from .models import (
    EPHEMERAL,
    LOADING,
    Attachment,
    Channel,
    Guild,
    Member,
    Message,
    Role,
    User,
    compute_permissions,
)
from .rest import ApiError, Call, route

OPTION_TYPES = {str: 3, bool: 5, int: 4, float: 10, Member: 6, User: 6, Channel: 7, Role: 8}
SUBCOMMAND, GROUP, USER, CHANNEL, ROLE, MENTIONABLE = 1, 2, 6, 7, 8, 9
PING, COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5


class InteractionHandle:
    """One interaction sent to the bot, and everything the bot answered to it."""

    def __init__(
        self,
        fake: Any,
        iid: int,
        itype: int,
        user: User,
        channel: Channel,
        payload: dict[str, Any],
        message: Message | None,
    ) -> None:
        self.fake = fake
        self.id, self.token, self.type = iid, payload["token"], itype
        self.user, self.channel, self.payload = user, channel, payload
        self.message_source = message  # the message whose component was used, if any
        self.callback: dict[str, Any] | None = None  # body of the interaction callback
        self.original: Message | None = None
        self.followup_messages: list[Message] = []

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.type} callback={self.callback}>"

    @property
    def guild(self) -> Guild | None:
        return self.channel.guild

    @property
    def ephemeral(self) -> bool:
        return bool(((self.callback or {}).get("data") or {}).get("flags", 0) & EPHEMERAL)

    async def response(self, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """The callback body: {"type": 4, "data": {"content", "embeds", "components", "flags"}}."""
        await self.fake.wait_until(lambda: self.callback, timeout, f"a response to {self!r}")
        assert self.callback is not None
        return self.callback

    async def message(self, timeout: float = 5.0) -> Message:  # noqa: ASYNC109
        """The response message, once complete (after a defer: once edited or followed up)."""

        def ready() -> Message | None:
            return self.original if self.original and not self.original.loading else None

        return await self.fake.wait_until(ready, timeout, f"the response message of {self!r}")

    async def followups(self, count: int = 1, timeout: float = 5.0) -> list[Message]:  # noqa: ASYNC109
        """Wait until the bot sent at least ``count`` followup messages; returns all of them."""
        await self.fake.wait_until(
            lambda: len(self.followup_messages) >= count,
            timeout,
            f"{count} followup(s) to {self!r}",
        )
        return list(self.followup_messages)

    async def modal(self, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """The modal the bot opened (type-9 callback data: custom_id, title, components)."""
        body = await self.response(timeout)
        assert body["type"] == 9, f"expected a modal, the bot answered {body}"
        return body["data"]

    async def choices(self, timeout: float = 5.0) -> list[dict[str, Any]]:  # noqa: ASYNC109
        """Autocomplete choices (type-8 callback)."""
        body = await self.response(timeout)
        assert body["type"] == 8, f"expected autocomplete choices, the bot answered {body}"
        return body["data"]["choices"]


class ActorsMixin:
    def _init_actors(self) -> None:
        self.interactions: dict[int, InteractionHandle] = {}
        self.modals: dict[str, tuple[InteractionHandle, dict[str, Any]]] = {}
        self._last_modal: str | None = None
        self._consumed_bot_messages: set[int] = set()

    # -- plain messages ---------------------------------------------------------------------------

    async def user_message(
        self,
        author: Member | User,
        channel: Channel,
        content: str = "",
        reference: Message | None = None,
        *,
        embeds: list[dict] | None = None,
        files: dict[str, bytes] | None = None,
    ) -> Message:
        """A human posts a message (dispatched as MESSAGE_CREATE); returns it."""
        user = self._user_in(author, channel.guild)
        if channel.deleted:
            raise ValueError(f"{channel!r} was deleted")
        attachments = []
        for name, data in (files or {}).items():
            aid = self.snowflake()
            url = f"{self.http_base}/attachments/{channel.id}/{aid}/{name}"
            attachments.append(Attachment(aid, name, data, None, url))
        msg = self._new_message(
            channel,
            user,
            content=content,
            embeds=embeds or [],
            reference=reference,
            type=19 if reference else 0,
            attachments=attachments,
        )
        self.dispatch("MESSAGE_CREATE", msg.payload())
        await asyncio.sleep(0)
        return msg

    async def edit_message(self, message: Message, content: str) -> Message:
        self._edit(message, {"content": content})
        self.dispatch("MESSAGE_UPDATE", message.payload())
        await asyncio.sleep(0)
        return message

    async def delete_message(self, message: Message) -> None:
        self._delete(message)
        await asyncio.sleep(0)

    async def react(self, member: Member | User, message: Message, emoji: str) -> None:
        user = self._user_in(member, message.guild)
        message.reactions.setdefault(emoji, set()).add(user.id)
        data: dict[str, Any] = {
            "user_id": str(user.id),
            "channel_id": str(message.channel.id),
            "message_id": str(message.id),
            "emoji": {"id": None, "name": emoji},
            "burst": False,
            "type": 0,
        }
        if message.guild is not None:
            data["guild_id"] = str(message.guild.id)
            data["member"] = message.guild.members[user.id].payload()
        self.dispatch("MESSAGE_REACTION_ADD", data)
        await asyncio.sleep(0)

    async def wait_for_message(
        self,
        channel: Channel | None = None,
        *,
        predicate: Any = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> Message:
        """The next message the bot created (in ``channel``) that no earlier wait returned."""

        def find() -> Message | None:
            for msg in self.bot_messages(channel):
                if msg.id not in self._consumed_bot_messages and (
                    predicate is None or predicate(msg)
                ):
                    self._consumed_bot_messages.add(msg.id)
                    return msg
            return None

        return await self.wait_until(find, timeout, f"a bot message in {channel}")

    # -- application commands ----------------------------------------------------------------------

    async def slash(
        self,
        member: Member | User,
        guild: Guild | None,
        channel: Channel,
        name: str,
        *,
        subcommand: str | None = None,
        group: str | None = None,
        options: dict[str, Any] | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Run ``/name [group] [subcommand] options...`` ("daily setup" also works as name).

        Options whose value is None are left out (an optional option the user skipped).
        """
        _check_guild(guild, channel)
        data = self._command_payload(guild, channel, name, subcommand, group, options or {}, None)
        return self._interact(COMMAND, member, channel, data, locale=locale)

    async def autocomplete(
        self,
        member: Member | User,
        guild: Guild | None,
        channel: Channel,
        name: str,
        *,
        focused: str,
        value: str = "",
        subcommand: str | None = None,
        group: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> InteractionHandle:
        """The user is typing ``value`` into option ``focused``; await handle.choices()."""
        _check_guild(guild, channel)
        opts = {**(options or {}), focused: value}
        data = self._command_payload(guild, channel, name, subcommand, group, opts, focused)
        return self._interact(AUTOCOMPLETE, member, channel, data)

    async def message_context_menu(
        self, member: Member | User, name: str, target: Message
    ) -> InteractionHandle:
        data = self._command_data(target.guild, name, 3)
        data.update(
            target_id=str(target.id), resolved={"messages": {str(target.id): target.payload()}}
        )
        return self._interact(COMMAND, member, target.channel, data)

    async def user_context_menu(
        self, member: Member, name: str, target: Member, channel: Channel
    ) -> InteractionHandle:
        data = self._command_data(channel.guild, name, 2)
        resolved: dict[str, Any] = {}
        self._resolve(USER, target, channel, resolved)
        data.update(target_id=str(target.id), resolved=resolved)
        return self._interact(COMMAND, member, channel, data)

    def _find_command(self, guild: Guild | None, name: str, kind: int) -> dict[str, Any] | None:
        for gid in ([guild.id] if guild else []) + [None]:
            for cmd in self.commands.get(gid, []):
                if cmd["name"] == name and cmd.get("type", 1) == kind:
                    return cmd
        return None

    def _command_data(self, guild: Guild | None, name: str, kind: int) -> dict[str, Any]:
        cmd = self._find_command(guild, name, kind)
        data: dict[str, Any] = {
            "id": cmd["id"] if cmd else str(self.snowflake()),
            "name": name,
            "type": kind,
        }
        if cmd and cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data

    def _command_payload(self, guild, channel, name, subcommand, group, options, focused) -> dict:
        parts = name.split()
        root, path = parts[0], parts[1:] or [p for p in (group, subcommand) if p]
        data = self._command_data(guild, root, 1)
        cmd = self._find_command(guild, root, 1)
        schema = cmd.get("options", []) if cmd else None
        for step in path:  # walk the registered schema down to the subcommand
            if schema is not None:
                found = [
                    o for o in schema if o["name"] == step and o["type"] in (SUBCOMMAND, GROUP)
                ]
                if not found:
                    raise LookupError(
                        f"/{root} has no subcommand {step!r}: {[o['name'] for o in schema]}"
                    )
                schema = found[0].get("options", [])
        resolved: dict[str, Any] = {}
        leaf = self._build_options(channel, schema, options, resolved, focused)
        for i, step in reversed(list(enumerate(path))):
            kind = GROUP if len(path) == 2 and i == 0 else SUBCOMMAND
            leaf = [{"type": kind, "name": step, "options": leaf}]
        data["options"] = leaf
        if resolved:
            data["resolved"] = resolved
        return data

    def _build_options(self, channel, schema, values, resolved, focused) -> list[dict[str, Any]]:
        by_name = {o["name"]: o for o in schema} if schema is not None else None
        if by_name is not None:
            unknown = set(values) - set(by_name)
            missing = [n for n, o in by_name.items() if o.get("required") and n not in values]
            if unknown or (missing and focused is None):
                raise ValueError(
                    f"options {sorted(unknown)} unknown / {missing} missing; "
                    f"command has {list(by_name)}"
                )
        values = {k: v for k, v in values.items() if v is not None}
        out = []
        for name, value in values.items():
            spec = by_name[name] if by_name is not None else {"type": _infer_type(value)}
            otype = spec["type"]
            opt: dict[str, Any] = {"name": name, "type": otype}
            if name == focused:
                opt.update(value=str(value), focused=True)
            else:
                choices = [c["value"] for c in spec.get("choices") or []]
                if choices and value not in choices:
                    raise ValueError(f"{value!r} is not a choice of option {name!r}: {choices}")
                opt["value"] = self._resolve(otype, value, channel, resolved)
            out.append(opt)
        return out

    def _resolve(self, otype: int, value: Any, channel: Channel, resolved: dict[str, Any]) -> Any:
        """Convert an option value to its wire form, filling ``resolved`` for entities."""
        guild = channel.guild
        if isinstance(value, (Member, User)) and otype in (USER, MENTIONABLE):
            user = self.users[value.id]
            resolved.setdefault("users", {})[str(user.id)] = user.payload()
            member = guild.member(user) if guild else None
            if member is not None:
                perms = compute_permissions(guild, member, channel)
                resolved.setdefault("members", {})[str(user.id)] = member.payload(
                    with_user=False, permissions=perms
                )
            return str(user.id)
        if isinstance(value, Role) and otype in (ROLE, MENTIONABLE):
            resolved.setdefault("roles", {})[str(value.id)] = value.payload()
            return str(value.id)
        if isinstance(value, Channel) and otype == CHANNEL:
            bot_perms = (
                compute_permissions(guild, guild.member(self.bot_user), value) if guild else 0
            )
            resolved.setdefault("channels", {})[str(value.id)] = {
                **value.payload(),
                "permissions": str(bot_perms),
            }
            return str(value.id)
        if otype == 4:
            return int(value)
        if otype == 10:
            return float(value)
        if otype == 5:
            return bool(value)
        return str(value)

    # -- components and modals -----------------------------------------------------------------

    async def click(
        self,
        member: Member | User,
        message: Message,
        custom_id: str | None = None,
        *,
        label: str | None = None,
    ) -> InteractionHandle:
        """Press a button (by custom_id or label) on a message."""
        comp = message.component(custom_id, label=label)
        if comp.get("type") != 2 or comp.get("disabled"):
            raise ValueError(f"cannot click {comp}")
        data = {"custom_id": comp["custom_id"], "component_type": 2}
        return self._interact(COMPONENT, member, message.channel, data, message=message)

    async def select(
        self, member: Member | User, message: Message, custom_id: str, values: list[Any]
    ) -> InteractionHandle:
        """Pick ``values`` in a select menu (strings; Members/Roles/Channels in entity selects)."""
        comp = message.component(custom_id)
        resolved: dict[str, Any] = {}
        kind = {5: USER, 6: ROLE, 7: MENTIONABLE, 8: CHANNEL}.get(comp["type"], 3)
        picked = [self._resolve(kind, v, message.channel, resolved) for v in values]
        data: dict[str, Any] = {
            "custom_id": custom_id,
            "component_type": comp["type"],
            "values": picked,
        }
        if resolved:
            data["resolved"] = resolved
        return self._interact(COMPONENT, member, message.channel, data, message=message)

    async def submit_modal(
        self,
        member: Member | User,
        custom_id: str | None = None,
        values: dict[str, Any] | None = None,
        *,
        channel: Channel | None = None,
    ) -> InteractionHandle:
        """Submit the modal the bot opened (``custom_id`` None: the last one).

        ``values`` are keyed by the inputs' custom_id (or their label text). Works for
        classic action rows (type 1) and Label (type 18) components; unfilled inputs keep
        their default, and required/length rules are checked like Discord's client does.
        """
        key = custom_id if custom_id is not None else self._last_modal
        if key not in self.modals:
            raise LookupError(
                f"the bot did not open modal {custom_id!r}; opened: {list(self.modals)}"
            )
        origin, modal = self.modals[key]
        todo = dict(values or {})
        components = [_fill(c, todo, None) for c in modal["components"]]
        if todo:
            raise KeyError(f"modal {modal.get('title')!r} has no inputs {list(todo)}")
        data = {"custom_id": modal["custom_id"], "components": components}
        return self._interact(
            MODAL_SUBMIT, member, channel or origin.channel, data, message=origin.message_source
        )

    # -- building and sending INTERACTION_CREATE ---------------------------------------------

    def _user_in(self, who: Member | User, guild: Guild | None) -> User:
        user = self.users[who.id]
        if guild is not None and guild.member(user) is None:
            raise ValueError(f"{user.name} is not a member of {guild.name}")
        return user

    def _interact(
        self,
        itype: int,
        who: Member | User,
        channel: Channel,
        data: dict[str, Any],
        *,
        message: Message | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        guild = channel.guild
        user = self._user_in(who, guild)
        iid = self.snowflake()
        bot_perms = compute_permissions(guild, guild.member(self.bot_user), channel) if guild else 0
        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "data": data,
            "token": f"fake-interaction-token-{iid}",
            "version": 1,
            "channel_id": str(channel.id),
            "channel": channel.payload(),
            "app_permissions": str(bot_perms),
            "locale": locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "context": 0 if guild else 1,
            "authorizing_integration_owners": {"0": str(guild.id) if guild else "0"},
        }
        if guild is not None:
            member = guild.members[user.id]
            perms = compute_permissions(guild, member, channel)
            payload.update(
                guild_id=str(guild.id),
                guild_locale="en-US",
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                member=member.payload(permissions=perms),
            )
            payload["channel"]["permissions"] = str(perms)
        else:
            payload["user"] = user.payload()
        if message is not None:
            payload["message"] = message.payload()
        handle = InteractionHandle(self, iid, itype, user, channel, payload, message)
        self.interactions[iid] = handle
        self.dispatch("INTERACTION_CREATE", payload)
        return handle

    def _interaction_by_token(self, app_id: str, token: str) -> InteractionHandle:
        for handle in self.interactions.values():
            if handle.token == token and int(app_id) == self.application_id:
                return handle
        raise ApiError(404, 10015, "Unknown Webhook")

    def _response_message(
        self, handle: InteractionHandle, call: Call, data: dict, flags: int
    ) -> Message:
        itype = handle.type
        command_type = (handle.payload.get("data") or {}).get("type", 1)
        mtype = (20 if command_type == 1 else 23) if itype == COMMAND else 0
        meta = {
            "id": str(handle.id),
            "type": itype,
            "user": handle.user.payload(),
            "authorizing_integration_owners": handle.payload["authorizing_integration_owners"],
        }
        if handle.message_source is not None:
            meta["interacted_message_id"] = str(handle.message_source.id)
        fields = self._message_fields(data, call, handle.channel)
        fields.update(
            flags=flags, type=mtype, webhook_id=self.application_id, interaction_metadata=meta
        )
        msg = self._new_message(handle.channel, self.bot_user, **fields)
        if not msg.ephemeral:
            self.dispatch("MESSAGE_CREATE", msg.payload())
        return msg

    # -- interaction REST endpoints ---------------------------------------------------------------

    @route("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", auth=False)
    async def _callback(self, call: Call, iid: str, token: str) -> Any:
        handle = self.interactions.get(int(iid))
        if handle is None or handle.token != token:
            raise ApiError(404, 10062, "Unknown interaction")
        if handle.callback is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        body = call.json or {}
        ctype, data = body["type"], body.get("data") or {}
        msg: Message | None = None
        if ctype in (4, 5):
            flags = int(data.get("flags") or 0) | (LOADING if ctype == 5 else 0)
            msg = handle.original = self._response_message(handle, call, data, flags)
        elif ctype in (6, 7):
            if handle.message_source is None:
                raise ApiError(400, 40000, "This interaction has no message to update")
            msg = handle.original = handle.message_source
            if ctype == 7:
                self._edit(msg, data)
                if not msg.ephemeral:
                    self.dispatch("MESSAGE_UPDATE", msg.payload())
        elif ctype == 9:
            self.modals[data["custom_id"]] = (handle, data)
            self._last_modal = data["custom_id"]
        handle.callback = body
        ephemeral = bool(msg and msg.ephemeral)
        answer: dict[str, Any] = {
            "interaction": {
                "id": str(handle.id),
                "type": handle.type,
                "response_message_id": str(msg.id) if msg else None,
                "response_message_loading": ctype == 5,
                "response_message_ephemeral": ephemeral,
            }
        }
        if msg is not None and ctype in (4, 5, 7):
            answer["resource"] = {"type": ctype, "message": msg.payload()}
        return answer

    @route("POST", r"/webhooks/(?P<app_id>\d+)/(?P<token>[^/]+)", auth=False)
    async def _followup(self, call: Call, app_id: str, token: str) -> Any:
        handle = self._interaction_by_token(app_id, token)
        if handle.callback is None:
            raise ApiError(404, 10015, "Unknown Webhook")
        data = call.json or {}
        orig = handle.original
        if orig is not None and orig.loading:  # the first followup after a defer edits it
            self._edit(orig, data)
            msg = orig
            if not msg.ephemeral:
                self.dispatch("MESSAGE_UPDATE", msg.payload())
        else:
            msg = self._response_message(handle, call, data, int(data.get("flags") or 0))
        handle.followup_messages.append(msg)
        return msg.payload() if call.query.get("wait") in ("1", "true", "True") else None

    def _webhook_message(self, app_id: str, token: str, message_id: str) -> Message:
        handle = self._interaction_by_token(app_id, token)
        if message_id == "@original":
            msg = handle.original
        else:
            msg = next(
                (
                    m
                    for m in [handle.original, *handle.followup_messages]
                    if m is not None and m.id == int(message_id)
                ),
                None,
            )
        if msg is None or msg.deleted:
            raise ApiError(404, 10008, "Unknown Message")
        return msg

    @route(
        "GET",
        r"/webhooks/(?P<app_id>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
        auth=False,
    )
    async def _get_webhook_message(self, call: Call, app_id: str, token: str, mid: str) -> Any:
        return self._webhook_message(app_id, token, mid).payload()

    @route(
        "PATCH",
        r"/webhooks/(?P<app_id>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
        auth=False,
    )
    async def _edit_webhook_message(self, call: Call, app_id: str, token: str, mid: str) -> Any:
        msg = self._webhook_message(app_id, token, mid)
        self._edit(msg, call.json or {})
        msg.attachments += self._attachments(call, msg.channel)
        if not msg.ephemeral:
            self.dispatch("MESSAGE_UPDATE", msg.payload())
        return msg.payload()

    @route(
        "DELETE",
        r"/webhooks/(?P<app_id>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
        auth=False,
    )
    async def _delete_webhook_message(self, call: Call, app_id: str, token: str, mid: str) -> Any:
        self._delete(self._webhook_message(app_id, token, mid))
        return None


def _check_guild(guild: Guild | None, channel: Channel) -> None:
    if guild is not channel.guild:
        raise ValueError(f"{channel!r} is not in {guild!r}")


def _infer_type(value: Any) -> int:
    for cls, otype in OPTION_TYPES.items():
        if type(value) is cls or (cls in (Member, User, Channel, Role) and isinstance(value, cls)):
            return otype
    raise TypeError(f"cannot infer the option type of {value!r}")


def _fill(comp: dict[str, Any], values: dict[str, Any], label: str | None) -> dict[str, Any]:
    """Answer one modal component like Discord's client does."""
    kind = comp["type"]
    out: dict[str, Any] = {"type": kind}
    if "id" in comp:
        out["id"] = comp["id"]
    if kind == 1:
        out["components"] = [_fill(c, values, None) for c in comp.get("components", [])]
        return out
    if kind == 18:
        out["component"] = _fill(comp["component"], values, comp.get("label"))
        return out
    cid = comp.get("custom_id")
    if cid is None:
        return out  # text display and other non-interactive parts
    out["custom_id"] = cid
    name = label or comp.get("label")
    for key in (cid, name):
        if key in values:
            value = values.pop(key)
            break
    else:
        value = comp.get("value", "" if kind == 4 else None)
    if kind == 4:
        value = str(value)
        if comp.get("required", True) and not value:
            raise ValueError(f"modal input {name or cid!r} is required")
        if len(value) > comp.get("max_length", 4000) or len(value) < comp.get("min_length", 0):
            raise ValueError(f"modal input {name or cid!r}: length {len(value)} out of bounds")
        out["value"] = value
    elif isinstance(value, (list, tuple)):
        out["values"] = [str(getattr(v, "id", v)) for v in value]
    elif value is not None:
        out["value"] = value
    else:
        out["values"] = []
    return out
