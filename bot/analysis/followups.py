"""Choose the 1-3 probes a bar raiser would ask next, for the biggest gaps first."""

from __future__ import annotations

import zlib

from bot.analysis.models import AntiPatternFinding, Learning, Metrics, Ownership, Star
from bot.bank import Bank

MAX_FOLLOW_UPS = 3
LOW_OWNERSHIP_RATIO = 0.4


def _gaps(
    star: Star, metrics: Metrics, ownership: Ownership, learning: Learning
) -> list[tuple[str, bool]]:
    """(gap, missing) pairs, biggest first: missing parts, then deeper probes."""
    gaps = [(name, True) for name, part in star.parts().items() if not part.present]
    if star.action.present and ownership.ratio < LOW_OWNERSHIP_RATIO:
        gaps.insert(0, ("ownership", True))
    if not metrics.present:
        gaps.append(("metrics", True))
    if not learning.present:
        gaps.append(("learning", True))
    # A complete answer still gets the 5-whys treatment.
    gaps.extend([("why", False), ("tradeoffs", False), ("obstacle", False), ("result", False)])
    return gaps


def choose_follow_ups(
    bank: Bank,
    text: str,
    star: Star,
    metrics: Metrics,
    ownership: Ownership,
    learning: Learning,
    anti_patterns: list[AntiPatternFinding],
    principle_name: str | None = None,
) -> list[str]:
    """Anti-pattern probes first, then one probe per gap; stable for the same answer.

    "this principle" in a probe becomes the name of the principle being practised."""
    seed = zlib.crc32(text.encode("utf-8", "replace"))
    chosen: list[str] = [finding.probe for finding in anti_patterns if finding.probe]
    for gap, missing in _gaps(star, metrics, ownership, learning):
        if len(chosen) >= MAX_FOLLOW_UPS:
            break
        unwanted = "present" if missing else "missing"
        probes = [p for p in bank.probes_for(gap) if p.when != unwanted]
        if probes:
            probe = probes[seed % len(probes)].text
            if probe not in chosen:
                chosen.append(probe)
    if principle_name:
        chosen = [probe.replace("this principle", principle_name) for probe in chosen]
    return chosen[:MAX_FOLLOW_UPS]
