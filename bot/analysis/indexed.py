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
from collections.abc import Callable, Iterator
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_TOKEN = re.compile(r"\w[\w']*")
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
    if op is sre_c.IN or op is sre_c.CATEGORY:
        # A character class such as [$\d] or \w: its word characters start a word; any
        # other character it allows means the match may start off a word.
        return {(char, True) for char in _class_chars(arg if op is sre_c.IN else [(op, arg)])}
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


_CATEGORY_CHARS = {
    sre_c.CATEGORY_DIGIT: "0123456789",
    # \w is left out: a class that can start any word would be tried at every word.
}


def _class_chars(items: list) -> set[str]:
    """The word characters a character class can match, or _Unknown if it allows others."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_c.LITERAL:
            chars.add(chr(arg))
        elif op is sre_c.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is sre_c.CATEGORY and arg in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[arg])
        else:
            raise _Unknown(f"class with {op}")
    if not chars or not chars <= _WORD_CHARS:
        raise _Unknown("class allows a non-word character")
    return chars


def first_words(source: str) -> set[tuple[str, bool]] | None:
    """The possible first words of a match of `source`, or None if unknown."""
    try:
        return _firsts(list(sre_parse.parse(source)), 0, [_MAX_BRANCHING])
    except (_Unknown, RecursionError):
        return None


# Every pattern registers, for each of its alternatives, the first words a match of that
# alternative can start with. A text is read once: each word is looked up in one table of
# word -> (pattern, alternatives that can start with it), so finding where ~70 patterns may
# start costs one pass over the words; and at each start only the alternatives that can
# begin with that word are tried, not the whole alternation.
_EXACT: dict[str, dict[int, set[int]]] = {}
_PREFIX: dict[str, dict[int, set[int]]] = {}
_PREFIX_LENGTHS: list[int] = []
_PATTERNS: list[IndexedPattern] = []
_MATCHERS_OF_WORD: dict[str, tuple[tuple[int, Matcher], ...]] = {}
_MAX_WORDS_REMEMBERED = 200_000

Matcher = Callable[[str, int], "re.Match[str] | None"]


def _register(pattern: IndexedPattern, firsts: list[set[tuple[str, bool]]]) -> int:
    slot = len(_PATTERNS)
    _PATTERNS.append(pattern)
    for alternative, words in enumerate(firsts):
        for text, is_prefix in words:
            table = _PREFIX if is_prefix else _EXACT
            table.setdefault(text, {}).setdefault(slot, set()).add(alternative)
    _PREFIX_LENGTHS[:] = sorted({len(prefix) for prefix in _PREFIX})
    _MATCHERS_OF_WORD.clear()  # words seen before this pattern existed must be looked up again
    start_table.cache_clear()
    return slot


def _matchers_of(word: str) -> tuple[tuple[int, Matcher], ...]:
    """(pattern slot, matcher) for every pattern a match of which can start with `word`."""
    matchers = _MATCHERS_OF_WORD.get(word)
    if matchers is None:
        found: dict[int, set[int]] = {}
        for slot, alternatives in _EXACT.get(word, {}).items():
            found.setdefault(slot, set()).update(alternatives)
        for length in _PREFIX_LENGTHS:
            if length > len(word):
                break
            for slot, alternatives in _PREFIX.get(word[:length], {}).items():
                found.setdefault(slot, set()).update(alternatives)
        matchers = tuple(
            (slot, _PATTERNS[slot].matcher(frozenset(alternatives)))
            for slot, alternatives in sorted(found.items())
        )
        if len(_MATCHERS_OF_WORD) >= _MAX_WORDS_REMEMBERED:
            _MATCHERS_OF_WORD.clear()
        _MATCHERS_OF_WORD[word] = matchers
    return matchers


@lru_cache(maxsize=8192)
def start_table(text: str) -> dict[int, list[tuple[int, Matcher]]]:
    """For each pattern slot, the ascending offsets in `text` where a match may start, each
    with the matcher for the alternatives that can start there."""
    table: dict[int, list[tuple[int, Matcher]]] = {}
    known = _MATCHERS_OF_WORD
    for token in _TOKEN.finditer(text):
        word = token.group()
        matchers = known.get(word)
        if matchers is None:
            matchers = _matchers_of(word)
        if matchers:
            start = token.start()
            for slot, matcher in matchers:
                entries = table.get(slot)
                if entries is None:
                    table[slot] = [(start, matcher)]
                else:
                    entries.append((start, matcher))
    return table


_NO_STARTS: list[tuple[int, Matcher]] = []


class IndexedPattern:
    """A compiled alternation that only tries positions where a match can start.

    Behaves like a compiled pattern for `search` and `finditer` (non-overlapping matches,
    leftmost first; at one position the first alternative that matches wins, as in `re`)."""

    def __init__(self, lead: str, items: list[str]) -> None:
        self._lead = lead
        self._indexed: list[str] = []
        scanned: list[str] = []
        firsts: list[set[tuple[str, bool]]] = []
        for item in items:
            words = first_words(item)
            if words is None:
                scanned.append(item)
            else:
                self._indexed.append(item)
                firsts.append(words)
        self._matchers: dict[frozenset[int], Matcher] = {}
        self._scanned = re.compile(self._join(scanned)) if scanned else None
        self._slot = _register(self, firsts)
        self.pattern = self._join(items)

    def _join(self, parts: list[str]) -> str:
        return self._lead + "(?:" + "|".join(parts) + ")"

    def matcher(self, alternatives: frozenset[int]) -> Matcher:
        """`match` of a regex made of only these alternatives, kept in their order."""
        found = self._matchers.get(alternatives)
        if found is None:
            chosen = [self._indexed[i] for i in sorted(alternatives)]
            found = self._matchers[alternatives] = re.compile(self._join(chosen)).match
        return found

    def may_match(self, text: str) -> bool:
        """False only when no match can start anywhere in `text`."""
        return self._scanned is not None or self._slot in start_table(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        starts = start_table(text).get(self._slot, _NO_STARTS)
        if self._scanned is None:
            end = -1
            for start, match_at in starts:
                if start < end:
                    continue
                match = match_at(text, start)
                if match:
                    end = match.end() if match.end() > start else start + 1
                    yield match
            return
        found = [match for match in (match_at(text, start) for start, match_at in starts)
                 if match]
        found.extend(self._scanned.finditer(text))
        found.sort(key=lambda m: m.start())
        end = -1
        for match in found:
            if match.start() >= end:
                end = match.end() if match.end() > match.start() else match.start() + 1
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def indexed(source: str) -> IndexedPattern:
    """`source` as an IndexedPattern. Its matches must start where a word starts (a leading
    \\b or a lookbehind that rules out a word character), as they do for every pattern here."""
    return IndexedPattern("", [source])
