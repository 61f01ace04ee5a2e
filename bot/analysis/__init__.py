"""Answer analysis: STAR parts, metrics, ownership, lessons, anti-patterns, follow-ups."""

from bot.analysis.analyzer import analyze
from bot.analysis.indexed import build, build_held, candidates, forget_candidates
from bot.analysis.learning import forget_lessons
from bot.analysis.models import Analysis, AntiPatternFinding
from bot.analysis.narrative import forget_sentences

# The pattern database is built (or loaded from the disk cache) and each alternative's regex
# compiled on first use: doing both at start-up means the first members after a restart do
# not wait for it.
_WARM_UP_ANSWER = (
    "At my last job I was the lead on a small team, and we had a problem with late orders that "
    "customers kept complaining about. My manager asked me to fix it, so I looked at the data "
    "and found that it was not the vendor's fault: our own process had a gap. I told the team "
    "what I would change, we tried it for a week, and then I rolled it out to everyone. "
    "Honestly it was good enough at first, but I wanted to be sure, so I checked with the "
    "customers who had been affected. In the end late orders fell from 12% to 3% and "
    "complaints dropped by half. I learned that if you don't measure it, you can't improve it, "
    "and next time I would ask earlier. They were happy, it was my call, and I owned it."
)


def warm_up() -> None:
    """Read one ordinary answer (which also makes the patterns built on first use), then build
    the pattern databases and compile every alternative."""
    with build_held():
        analyze(_WARM_UP_ANSWER)
    build()


def clear_caches() -> None:
    """Forget what was worked out per sentence, so the next analysis starts cold (benchmarks)."""
    forget_candidates()
    forget_sentences()
    forget_lessons()


__all__ = [
    "Analysis", "AntiPatternFinding", "analyze", "build", "build_held", "candidates",
    "clear_caches", "warm_up",
]
