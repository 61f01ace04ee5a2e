"""The domain never imports discord: bot/ must stay usable without it."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"
# The CLI command that starts the Discord bot imports it lazily, by design.
ALLOWED = {BOT / "cli" / "run.py", BOT / "cli" / "sync.py"}


def test_domain_does_not_import_discord():
    offenders = []
    for path in BOT.rglob("*.py"):
        if path in ALLOWED:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "discord" or name.startswith(("discord.", "cogs")) for name in names):
                offenders.append(str(path.relative_to(BOT.parent)))
    assert offenders == []
