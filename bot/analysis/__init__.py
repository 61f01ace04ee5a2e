"""Answer analysis: STAR parts, metrics, ownership, lessons, anti-patterns, follow-ups."""

from bot.analysis.analyzer import analyze
from bot.analysis.models import Analysis, AntiPatternFinding

__all__ = ["Analysis", "AntiPatternFinding", "analyze"]
