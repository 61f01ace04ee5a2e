"""Fast phrase matching: only try a pattern where one of its possible first words occurs.

`phrases()` builds alternations of many phrases; Python's regex engine tries every
alternative at every position, which is slow on long answers. Most alternatives start with
a known word ("good enough", "(?:i|we) didn't ..."), so each pattern is indexed by the
first words its matches can start with (worked out from the regex itself with sre_parse),
and a text is only tried at the tokens that can start a match. Alternatives whose first
word can't be known are kept in a second regex that scans the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_TOKEN = re.compile(r"[a-z0-9_][a-z0-9_']*")
_ZERO_WIDTH = {sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT}
_MAX_BRANCHING = 4096


class _Unknown(Exception):
    """The first word of a match cannot be worked out statically."""


def _firsts(items: list, index: int, budget: list[int]) -> set[tuple[str, bool]]:
    """(text, is_prefix) pairs one of which every match of items[index:] starts with."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _Unknown("too many branches")
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        index += 1
    if index >= len(items):
        raise _Unknown("can match empty")
    op, arg = items[index]
    if op is sre_c.LITERAL:
        char = chr(arg)
        if char not in _WORD_CHARS:
            raise _Unknown("starts with a non-word character")
        text, end = char, index + 1
        while end < len(items) and items[end][0] is sre_c.LITERAL and (
            chr(items[end][1]) in _WORD_CHARS or chr(items[end][1]) == "'"
        ):
            text += chr(items[end][1])
            end += 1
        complete = end < len(items) and items[end][0] is sre_c.LITERAL
        return {(text, not complete)}
    if op is sre_c.SUBPATTERN:
        return _firsts(list(arg[-1]) + items[index + 1:], 0, budget)
    if op is sre_c.BRANCH:
        found: set[tuple[str, bool]] = set()
        for branch in arg[1]:
            found |= _firsts(list(branch) + items[index + 1:], 0, budget)
        return found
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, sub = arg
        found = _firsts(list(sub) + items[index + 1:], 0, budget)
        if low == 0:
            found |= _firsts(items, index + 1, budget)
        return found
    raise _Unknown(f"starts with {op}")


def first_words(source: str) -> set[tuple[str, bool]] | None:
    """The possible first words of a match of `source`, or None if unknown."""
    try:
        return _firsts(list(sre_parse.parse(source)), 0, [_MAX_BRANCHING])
    except (_Unknown, RecursionError):
        return None


class TextIndex:
    """Where each word of a text starts, and its words by prefix (built lazily per length)."""

    __slots__ = ("_by_prefix", "words")

    def __init__(self, text: str) -> None:
        self.words: dict[str, list[int]] = {}
        for match in _TOKEN.finditer(text):
            self.words.setdefault(match.group(0), []).append(match.start())
        self._by_prefix: dict[int, dict[str, list[str]]] = {}

    def by_prefix(self, length: int) -> dict[str, list[str]]:
        table = self._by_prefix.get(length)
        if table is None:
            table = {}
            for word in self.words:
                if len(word) >= length:
                    table.setdefault(word[:length], []).append(word)
            self._by_prefix[length] = table
        return table


@lru_cache(maxsize=8192)
def text_index(text: str) -> TextIndex:
    return TextIndex(text)


class IndexedPattern:
    """A compiled alternation that only tries positions where a match can start.

    Behaves like a compiled pattern for `search` and `finditer` (non-overlapping matches,
    leftmost first)."""

    def __init__(self, lead: str, items: list[str]) -> None:
        indexed: list[str] = []
        scanned: list[str] = []
        exact: set[str] = set()
        prefixes: set[str] = set()
        for item in items:
            words = first_words(item)
            if words is None:
                scanned.append(item)
                continue
            indexed.append(item)
            for text, is_prefix in words:
                (prefixes if is_prefix else exact).add(text)
        self._exact = frozenset(exact)
        by_length: dict[int, set[str]] = {}
        for start in prefixes:
            by_length.setdefault(len(start), set()).add(start)
        self._prefixes = {length: frozenset(group) for length, group in by_length.items()}
        def join(parts: list[str]) -> str:
            return lead + "(?:" + "|".join(parts) + ")"

        self._indexed = re.compile(join(indexed)) if indexed else None
        self._scanned = re.compile(join(scanned)) if scanned else None
        self.pattern = join(items)

    def may_match(self, text: str) -> bool:
        """False only when no match can start anywhere in `text`."""
        if self._scanned is not None:
            return True
        index = text_index(text)
        if not self._exact.isdisjoint(index.words):
            return True
        return any(not group.isdisjoint(index.by_prefix(length))
                   for length, group in self._prefixes.items())

    def _starts(self, text: str) -> list[int]:
        index = text_index(text)
        words = index.words
        starts: list[int] = []
        for word in self._exact.intersection(words):
            starts.extend(words[word])
        for length, group in self._prefixes.items():
            table = index.by_prefix(length)
            for prefix in group.intersection(table):
                for word in table[prefix]:
                    starts.extend(words[word])
        return sorted(set(starts)) if len(starts) > 1 else starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        found = []
        if self._indexed is not None:
            for start in self._starts(text):
                match = self._indexed.match(text, start)
                if match:
                    found.append(match)
        if self._scanned is not None:
            found.extend(self._scanned.finditer(text))
        found.sort(key=lambda m: m.start())
        end = -1
        for match in found:
            if match.start() >= end:
                end = match.end() if match.end() > match.start() else match.start() + 1
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)
