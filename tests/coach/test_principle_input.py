"""Principles typed by a member, resolved leniently against the bank."""

from __future__ import annotations

import pytest

from bot.bank import default_bank
from bot.coach.principle_input import resolve_principles, slug
from bot.errors import UserFacingError

BANK = default_bank()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ownership", ["ownership"]),
        ("Dive Deep", ["dive-deep"]),
        ("customers", ["customer-obsession"]),  # short name
        ("Invent & Simplify", ["invent-and-simplify"]),
        ("Are Right, A Lot", ["are-right-a-lot"]),  # a name with a comma in it
        ("Have Backbone; Disagree and Commit", ["have-backbone-disagree-and-commit"]),
        ("disagree and commit", ["have-backbone-disagree-and-commit"]),  # whole words
        ("Earth's Best Employer", ["strive-to-be-earths-best-employer"]),
        ("frugality\nthink big, frugality", ["frugality", "think-big"]),  # lines, duplicates
    ],
)
def test_ids_names_and_short_names_resolve(typed: str, expected: list[str]) -> None:
    assert resolve_principles(BANK, typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("teamwork", "I don't know 'teamwork'"),
        ("rust", "I don't know 'rust'"),  # part of a word is not enough
        ("big", "I don't know 'big'"),  # too short to guess from
        ("best", "could be hire-and-develop-the-best or strive-to-be-earths-best-employer"),
        ("", "at least 1"),
    ],
)
def test_unknown_ambiguous_or_missing_principles_explain_themselves(
    typed: str, says: str
) -> None:
    with pytest.raises(UserFacingError, match=says) as caught:
        resolve_principles(BANK, typed)
    if typed:
        assert "Valid ids: customer-obsession, ownership," in str(caught.value)


def test_at_most() -> None:
    with pytest.raises(UserFacingError, match="at most 2"):
        resolve_principles(BANK, "ownership, frugality, dive deep", at_most=2)


def test_slug() -> None:
    assert slug("  Invent & Simplify ") == "invent-and-simplify"
    assert slug("Earth’s Best") == "earths-best"
