"""Run the bot as its own process (`python -m bot`) against the fake Discord."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from contextlib import suppress
from pathlib import Path

from .fake_discord import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]


class BotProcess:
    """`python -m bot` with DISCORD_API_BASE / DISCORD_GATEWAY_URL pointing at the fake."""

    def __init__(self, fake: FakeDiscord, db_path: Path, **env: str) -> None:
        self.fake = fake
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")},
            "DISCORD_TOKEN": "fake-token",
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
            "STARCOACH_DB": str(db_path),
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 20.0) -> None:  # noqa: ASYNC109
        identified = self.fake.identify_count
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, env=self.env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        try:
            await self.fake.wait_until(
                lambda: self.fake.identify_count > identified or self.exited, timeout,
                "the bot process to connect")
        except AssertionError:
            await self.kill()
            raise
        if self.exited:
            raise AssertionError(f"the bot exited: {await self.output()}")

    @property
    def exited(self) -> bool:
        return self.process is not None and self.process.returncode is not None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    async def output(self) -> str:
        assert self.process is not None
        out, err = await self.process.communicate()
        return (out + err).decode(errors="replace")

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs, like a crash or an OOM kill."""
        if self.process is not None and self.process.returncode is None:
            with suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGKILL)
            await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                await self.kill()

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024
