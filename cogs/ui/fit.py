"""Lists that always fit Discord's embed limits: whole lines, then "…and N more"."""

from __future__ import annotations

from collections.abc import Sequence

from cogs.ui.text import clip

#: Discord's limit for all text in one message's embeds, and for fields per embed.
EMBED_TOTAL = 6000
EMBED_FIELDS = 25


def lines_within(lines: Sequence[str], limit: int, *, sep: str = "\n") -> str:
    """Join as many whole lines as fit in ``limit`` characters; say how many were left."""
    whole = sep.join(lines)
    if len(whole) <= limit:
        return whole
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        left = len(lines) - index - 1
        tail = len(sep) + len(f"…and {left} more") if left else 0
        cost = len(line) + (len(sep) if kept else 0)
        if used + cost + tail > limit:
            break
        kept.append(line)
        used += cost
    if not kept:  # even the first line is too long: cut it short
        if len(lines) == 1:
            return clip(lines[0], limit)
        more = f"…and {len(lines) - 1} more"
        return sep.join([clip(lines[0], max(limit - len(sep) - len(more), 1)), more])
    return sep.join([*kept, f"…and {len(lines) - len(kept)} more"])
