"""The validated contents of data/: principles, questions, probes, anti-pattern rules, hints
and the answer model's weights."""

from bot.bank.loader import (
    ANTI_PATTERN_IDS,
    MISSING_CHECK_IDS,
    Bank,
    DataError,
    default_bank,
    load_bank,
)
from bot.bank.models import AnswerModelWeights, AntiPatternRule, Hint, Principle, Probe, Question

__all__ = [
    "ANTI_PATTERN_IDS", "MISSING_CHECK_IDS", "AnswerModelWeights", "AntiPatternRule", "Bank",
    "DataError", "Hint", "Principle", "Probe", "Question", "default_bank", "load_bank",
]
