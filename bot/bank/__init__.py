"""The validated contents of data/: principles, questions, probes, anti-pattern rules, hints."""

from bot.bank.loader import ANTI_PATTERN_IDS, Bank, DataError, default_bank, load_bank
from bot.bank.models import (
    AntiPatternRule,
    AntiPatternWeights,
    Hint,
    Principle,
    Probe,
    Question,
)

__all__ = [
    "ANTI_PATTERN_IDS", "AntiPatternRule", "AntiPatternWeights", "Bank", "DataError", "Hint",
    "Principle", "Probe", "Question", "default_bank", "load_bank",
]
