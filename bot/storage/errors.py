"""Errors raised by the storage layer."""

from __future__ import annotations


class StorageError(Exception):
    """The database cannot be used; the message is one line naming the path and a fix."""


class ConstraintError(StorageError):
    """A write broke a schema rule that the caller should have prevented (a bug)."""


class AnswerNotFoundError(LookupError):
    """The answer referred to does not exist (any more)."""


class SelfReviewError(ValueError):
    """A member tried to peer-review their own answer."""
