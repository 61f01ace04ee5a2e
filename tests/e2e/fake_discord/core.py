"""FakeDiscord: server lifecycle, URL patching, waiting helpers and the no-DNS connector."""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
from collections.abc import Callable
from typing import Any, TypeVar

import aiohttp
import discord
import discord.asset
import discord.gateway
import discord.http
import yarl
from aiohttp import web
from aiohttp.abc import AbstractResolver

from .actors import ActorsMixin
from .gateway import GatewayMixin
from .rest import API_PREFIX, Call, RestMixin
from .state import StateMixin

T = TypeVar("T")


class NoDNSResolver(AbstractResolver):
    """Refuses every hostname lookup, so nothing can leave the machine by name."""

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list:
        raise OSError(
            f"fake_discord: DNS lookup of {host!r} refused (tests must stay on 127.0.0.1)"
        )

    async def close(self) -> None:
        pass


def no_dns_connector() -> aiohttp.TCPConnector:
    """A connector for the bot under test: IP literals work, any hostname fails with OSError."""
    return aiohttp.TCPConnector(resolver=NoDNSResolver(), limit=0)


class FakeDiscord(StateMixin, RestMixin, GatewayMixin, ActorsMixin):
    """A fake Discord (REST + gateway) on 127.0.0.1, for a real discord.py client.

    Use ``async with FakeDiscord() as fake:`` (or start()/stop()); while started,
    discord.py's REST, gateway and CDN base URLs point at it.
    """

    def __init__(
        self,
        *,
        token: str = "fake-token",
        bot_name: str = "STAR Coach",
        allowed_intents: set[str] | frozenset[str] = frozenset({"message_content"}),
        patch_urls: bool = True,
    ) -> None:
        self.token = token
        self.patch_urls = patch_urls
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # guild id (None: global)
        self._command_ids: dict[tuple, int] = {}
        self.bot_errors: list[str] = []  # filled by run_bot from discord.py's error logs
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._saved_urls: tuple[Any, Any, Any] | None = None
        self.port = 0
        self._init_state(bot_name)
        self._init_rest()
        self._init_gateway(set(allowed_intents))
        self._init_actors()

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """For the bot's DISCORD_API_BASE override, e.g. http://127.0.0.1:PORT/api/v10."""
        return self.http_base + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """For the bot's DISCORD_GATEWAY_URL override: ws://127.0.0.1:PORT/gateway."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> FakeDiscord:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._ws_handler)
        app.router.add_route("*", "/{tail:.*}", self._http_handler)
        self._runner = web.AppRunner(app, shutdown_timeout=0.1, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        if self.patch_urls:
            self._saved_urls = (
                discord.http.Route.BASE,
                discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
                discord.asset.Asset.BASE,
            )
            discord.http.Route.BASE = self.api_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
            discord.asset.Asset.BASE = f"{self.http_base}/cdn"
        return self

    async def stop(self) -> None:
        if self._saved_urls is not None:
            (
                discord.http.Route.BASE,
                discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
                discord.asset.Asset.BASE,
            ) = self._saved_urls
            self._saved_urls = None
        if self._runner is not None:
            await self._close_gateway()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def connector(self) -> aiohttp.TCPConnector:
        """A no-DNS connector to create the bot with (``connector=fake.connector()``)."""
        return no_dns_connector()

    def assert_all_modelled(self) -> None:
        """Fail if the bot called an endpoint the fake does not model (or could not handle)."""
        lines = [f"  {c.method} {c.path} {c.json!r:.200}" for c in self.unhandled]
        lines += [f"  {e}" for e in self.internal_errors]
        if lines:
            raise AssertionError(
                "the bot called endpoints the fake does not model:\n" + "\n".join(lines)
            )

    # -- waiting ----------------------------------------------------------------------------------

    def _bump(self) -> None:
        """Wake every waiter: something changed (a call, an op, a resume...)."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, check: Callable[[], T], timeout: float = 5.0, what: str = "") -> T:  # noqa: ASYNC109
        """Wait until ``check()`` is truthy (checked on every fake event and every 10 ms)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}\n{self.describe()}"
                )
            # wake on any change in the fake, and poll for state that lives in the bot
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.01))

    async def wait_for_call(
        self,
        method: str,
        path_regex: str,
        timeout: float = 5.0,  # noqa: ASYNC109
        predicate: Callable[[Call], bool] | None = None,
    ) -> Call:
        """The first not-yet-returned REST call matching method and path (re.fullmatch).

        Calls made before you started waiting count too; each call is returned once.
        """
        pattern = re.compile(path_regex)

        def find() -> Call | None:
            for call in self.calls:
                if (
                    not call.consumed
                    and call.method == method.upper()
                    and pattern.fullmatch(call.path)
                    and (predicate is None or predicate(call))
                ):
                    call.consumed = True
                    return call
            return None

        return await self.wait_until(find, timeout, f"{method} {path_regex}")

    def calls_to(self, method: str, path_regex: str) -> list[Call]:
        """All recorded calls matching (consumed or not)."""
        pattern = re.compile(path_regex)
        return [c for c in self.calls if c.method == method.upper() and pattern.fullmatch(c.path)]

    def describe(self) -> str:
        """Recent activity, for failure messages."""
        lines = ["recent REST calls:"]
        lines += [f"  {c.method} {c.path} -> {c.status}" for c in self.calls[-15:]]
        if self.unhandled:
            lines.append(f"unmodelled endpoints: {[(c.method, c.path) for c in self.unhandled]}")
        if self.bot_errors:
            lines.append("errors logged by the bot:")
            lines += [f"  {e}" for e in self.bot_errors[-5:]]
        return "\n".join(lines)


__all__ = ["FakeDiscord", "NoDNSResolver", "no_dns_connector"]
