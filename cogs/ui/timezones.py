"""IANA time-zone names for autocomplete (the same list and matching as /daily setup)."""

from __future__ import annotations

import zoneinfo

from discord import app_commands

ZONES = frozenset(zoneinfo.available_timezones())
_SORTED = sorted(ZONES)
COMMON = (
    "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
    "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney",
)


def timezone_choices(current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 zones containing what was typed (spaces count as ``_``); common ones first
    when nothing is typed."""
    needle = current.strip().lower().replace(" ", "_")
    matches = [z for z in _SORTED if needle in z.lower()] if needle else list(COMMON)
    return [app_commands.Choice(name=z, value=z) for z in matches[:25]]
