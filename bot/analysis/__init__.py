"""Answer analysis: STAR parts, metrics, ownership, lessons, anti-patterns, follow-ups."""

from bot.analysis.analyzer import analyze
from bot.analysis.indexed import start_table
from bot.analysis.models import Analysis, AntiPatternFinding
from bot.analysis.narrative import forget_sentences


def clear_caches() -> None:
    """Forget what was worked out per sentence, so the next analysis starts cold (benchmarks)."""
    start_table.cache_clear()
    forget_sentences()


__all__ = ["Analysis", "AntiPatternFinding", "analyze", "clear_caches"]
