"""Storage: SQLite through aiosqlite. All SQL of the program lives in this package.

Everything above it gets pydantic models from :class:`Database` methods; see
``bot/storage/migrations/`` for the schema.
"""

from bot.storage.db import Database
from bot.storage.errors import (
    AnswerNotFoundError,
    ConstraintError,
    SelfReviewError,
    StorageError,
)
from bot.storage.guilds import UNSET
from bot.storage.models import (
    AnswerSummary,
    CoverageRow,
    DailyPost,
    FeedbackMode,
    FollowUp,
    GuildQuestion,
    GuildSettings,
    LeaderboardEntry,
    NewAnswer,
    PeerComment,
    QuestionHistoryEntry,
    Review,
    Source,
    StoredAnswer,
    Story,
    UserPreferences,
)
from bot.storage.users import default_local_name

__all__ = [
    "UNSET",
    "AnswerNotFoundError",
    "AnswerSummary",
    "ConstraintError",
    "CoverageRow",
    "DailyPost",
    "Database",
    "FeedbackMode",
    "FollowUp",
    "GuildQuestion",
    "GuildSettings",
    "LeaderboardEntry",
    "NewAnswer",
    "PeerComment",
    "QuestionHistoryEntry",
    "Review",
    "SelfReviewError",
    "Source",
    "StorageError",
    "StoredAnswer",
    "Story",
    "UserPreferences",
    "default_local_name",
]
