"""Errors whose message is written for the member who caused them."""


class UserFacingError(Exception):
    """Something the user can fix; the message says what to do. Shown ephemerally."""
