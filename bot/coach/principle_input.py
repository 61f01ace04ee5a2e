"""Principles typed by a member: ids, names or short names, matched leniently.

``"ownership, Dive Deep, customers"`` -> ``["ownership", "dive-deep", "customer-obsession"]``.
Matching ignores case, punctuation and ``&``/``and``; whole words of at least
:data:`MIN_FRAGMENT` letters that fit exactly one principle (``"backbone"``,
``"disagree and commit"``) are accepted too. Anything unknown or ambiguous is a
:class:`~bot.errors.UserFacingError` that lists the valid ids.
"""

from __future__ import annotations

import re

from bot.bank import Bank
from bot.errors import UserFacingError

#: A fragment shorter than this must match an id, name or short name exactly.
MIN_FRAGMENT = 4
_WORDS = re.compile(r"[a-z0-9]+")


def slug(text: str) -> str:
    """``"Invent & Simplify"`` -> ``"invent-and-simplify"``; ``"Earth's"`` -> ``"earths"``."""
    flat = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return "-".join(_WORDS.findall(flat))


def _aliases(bank: Bank) -> dict[str, str]:
    """Every exact spelling (as a slug) -> principle id."""
    aliases: dict[str, str] = {}
    for principle in bank.principles:
        for spelling in (principle.id, principle.name, principle.short):
            aliases.setdefault(slug(spelling), principle.id)
    return aliases


def _protect_commas(bank: Bank, text: str) -> str:
    """Replace names that contain a comma ("Are Right, A Lot") by their id before splitting."""
    for principle in bank.principles:
        if "," in principle.name:
            text = re.sub(re.escape(principle.name), principle.id, text, flags=re.IGNORECASE)
    return text


def resolve_one(bank: Bank, item: str) -> str | list[str]:
    """The principle id for one item, or the candidates (none or several) when unclear."""
    key = slug(item)
    aliases = _aliases(bank)
    if key in aliases:
        return aliases[key]
    if len(key.replace("-", "")) < MIN_FRAGMENT:
        return []
    candidates = sorted({pid for alias, pid in aliases.items() if f"-{key}-" in f"-{alias}-"},
                        key=bank.principle_ids.index)
    return candidates[0] if len(candidates) == 1 else candidates


def resolve_principles(
    bank: Bank, text: str, *, at_least: int = 1, at_most: int | None = None
) -> list[str]:
    """Principle ids (in the order given, no duplicates) from comma- or line-separated
    ids or names. Raises :class:`UserFacingError` with what to fix."""
    items = [i.strip() for i in re.split(r"[,\n]", _protect_commas(bank, text)) if i.strip()]
    found: list[str] = []
    unknown: list[str] = []
    unclear: list[tuple[str, list[str]]] = []
    for item in items:
        match = resolve_one(bank, item)
        if isinstance(match, str):
            found.append(match)
        elif match:
            unclear.append((item, match))
        else:
            unknown.append(item)
    problems = []
    if unknown:
        problems.append("I don't know " + ", ".join(f"'{u[:60]}'" for u in unknown[:5]) + ".")
    for item, candidates in unclear[:3]:
        problems.append(f"'{item[:60]}' could be {' or '.join(candidates[:4])}.")
    if problems:
        raise UserFacingError(
            " ".join(problems) + " Use ids or names separated by commas. Valid ids: "
            + ", ".join(bank.principle_ids) + "."
        )
    ids = list(dict.fromkeys(found))
    if len(ids) < at_least:
        raise UserFacingError(
            f"Name at least {at_least} principle(s), e.g. `ownership, dive-deep`."
        )
    if at_most is not None and len(ids) > at_most:
        raise UserFacingError(f"Pick at most {at_most} principles (you named {len(ids)}).")
    return ids
