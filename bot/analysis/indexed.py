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


Clause = frozenset  # any one of these words


def _bounds_next(items: list, index: int, bounded_right: bool) -> bool:
    """Whether a word ending just before items[index] ends at a word boundary."""
    if index >= len(items):
        return bounded_right
    op, arg = items[index]
    if op is sre_c.LITERAL:
        char = chr(arg)
        return char not in _WORD_CHARS and char != "'"
    if op is sre_c.AT:
        return arg is sre_c.AT_BOUNDARY or arg is sre_c.AT_END
    if op is sre_c.ASSERT_NOT:
        return _no_word_follows(arg)
    return _separates(op, arg)


def _no_word_follows(arg) -> bool:
    """A lookahead such as (?!\\w) or (?!\\w|'\\w): no word character comes next."""
    direction, sub = arg
    first = next(iter(sub), None)
    if direction != 1 or first is None:
        return False
    if first[0] is sre_c.BRANCH:
        first = next(iter(first[1][1][0]), None) if first[1][1] else None
    return first is not None and first[0] is sre_c.IN and (
        sre_c.CATEGORY, sre_c.CATEGORY_WORD) in first[1]


def _required(items: list, bounded_left: bool, bounded_right: bool) -> list[Clause]:
    """Clauses of whole words every match of `items` contains: each clause lists words one of
    which occurs, as the tokenizer of a text would see them (a literal word with a word
    boundary on both sides, worked out from the pattern around it)."""
    found: list[Clause] = []
    run = ""
    for index, (op, arg) in enumerate(items):
        if op is sre_c.LITERAL:
            char = chr(arg)
            if char in _WORD_CHARS or (char == "'" and run):
                run += char
                if bounded_left and run[0] != "'" and _bounds_next(items, index + 1, bounded_right):
                    found.append(Clause({run}))
                continue
            # A word may run on through an apostrophe ("manager's"), so it bounds nothing.
            run, bounded_left = "", char != "'"
            continue
        if run:  # the item carries on the word ("le" + (ave|ft) is how sre_parse reads leave|left)
            run, bounded_left = "", False
        if _separates(op, arg):
            bounded_left = True
            continue
        if op is sre_c.AT:
            bounded_left = bounded_left or arg is sre_c.AT_BOUNDARY
            continue
        if op in _ZERO_WIDTH:
            continue
        right = _bounds_next(items, index + 1, bounded_right)
        if op is sre_c.SUBPATTERN:
            found += _required(list(arg[-1]), bounded_left, right)
        elif op is sre_c.BRANCH:
            per_branch = [_required(list(branch), bounded_left, right) for branch in arg[1]]
            if all(per_branch):
                found.append(Clause().union(*(_best(clauses) for clauses in per_branch)))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and arg[0] >= 1:
            found += _required(list(arg[2]), False, False)
        bounded_left = False
    return found


def _best(clauses: list[Clause]) -> Clause:
    """The most telling clause: fewest alternatives, then the longest shortest word."""
    return min(clauses, key=lambda c: (len(c), -min(len(w) for w in c), sorted(c)))


def _separates(op, arg) -> bool:
    """A class of white space (\\s, \\s+): it always ends one word and starts the next."""
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, sub = arg
        return low >= 1 and len(sub) == 1 and _separates(*sub[0])
    return op is sre_c.IN and all(
        item_op is sre_c.CATEGORY and item_arg is sre_c.CATEGORY_SPACE for item_op, item_arg in arg
    )


def key_words(source: str, *, bounded: bool) -> Clause | None:
    """Words one of which every match of `source` contains, or None if none is known.

    `bounded` says the pattern starts and ends at word boundaries (as `phrases()` items do)."""
    try:
        clauses = _required(list(sre_parse.parse(source)), bounded, bounded)
    except (RecursionError, re.error):
        return None
    return _best(clauses) if clauses else None


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
_MATCHERS_OF_WORD: dict[str, tuple[StartGroup, ...]] = {}
# Bounded so a long-running bot keeps a modest footprint: about 1.3 KB a word (measured on our
# labelled answers), so at most ~26 MB; past the bound the table is rebuilt as words recur.
_MAX_WORDS_REMEMBERED = 20_000

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


class StartGroup:
    """The alternatives of one pattern that can start with one word.

    When every one of them contains a key word ("enough" in "good enough") and the text holds
    none of those words, no match can start here and the start is skipped: `needs` holds those
    words, or is None when some alternative has no key word."""

    __slots__ = ("matcher", "needs", "slot")

    def __init__(self, pattern: IndexedPattern, slot: int, alternatives: frozenset[int]) -> None:
        self.slot = slot
        self.matcher: Matcher = pattern.matcher(alternatives)
        keys = [pattern.key_words_of(i) for i in alternatives]
        self.needs: frozenset[str] | None = (
            None if None in keys else frozenset().union(*keys)  # type: ignore[arg-type]
        )


def _matchers_of(word: str) -> tuple[StartGroup, ...]:
    """The start group of every pattern a match of which can start with `word`."""
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
            StartGroup(_PATTERNS[slot], slot, frozenset(alternatives))
            for slot, alternatives in sorted(found.items())
        )
        if len(_MATCHERS_OF_WORD) >= _MAX_WORDS_REMEMBERED:
            _MATCHERS_OF_WORD.clear()
        _MATCHERS_OF_WORD[word] = matchers
    return matchers


class TextTable:
    """A text's words, and for each pattern slot the ascending offsets where a match may
    start, each with the matcher for the alternatives that can start there."""

    __slots__ = ("starts", "words")

    def __init__(self, starts: dict[int, list[tuple[int, Matcher]]], words: set[str]) -> None:
        self.starts = starts
        self.words = words


@lru_cache(maxsize=8192)
def start_table(text: str) -> TextTable:
    tokens = [(token.group(), token.start()) for token in _TOKEN.finditer(text)]
    words = {word for word, _ in tokens}
    # "the customers' money": a closing quote or plural possessive is not part of the word.
    words.update([word.rstrip("'") for word in words if word.endswith("'")])
    table: dict[int, list[tuple[int, Matcher]]] = {}
    starts_of_word: dict[str, list[tuple[int, Matcher]]] = {}
    for word, start in tokens:
        resolved = starts_of_word.get(word)
        if resolved is None:
            resolved = starts_of_word[word] = _resolve(_matchers_of(word), words)
        for slot, matcher in resolved:
            entries = table.get(slot)
            if entries is None:
                table[slot] = [(start, matcher)]
            else:
                entries.append((start, matcher))
    return TextTable(table, words)


def _resolve(groups: tuple[StartGroup, ...], words: set[str]) -> list[tuple[int, Matcher]]:
    """(slot, matcher) for each group that can still match in a text of `words`."""
    resolved: list[tuple[int, Matcher]] = []
    for group in groups:
        if group.needs is not None and group.needs.isdisjoint(words):
            continue
        resolved.append((group.slot, group.matcher))
    return resolved


_NO_STARTS: list[tuple[int, Matcher]] = []


class IndexedPattern:
    """A compiled alternation that only tries positions where a match can start.

    Behaves like a compiled pattern for `search` and `finditer` (non-overlapping matches,
    leftmost first; at one position the first alternative that matches wins, as in `re`)."""

    def __init__(self, lead: str, items: list[str], *, bounded: bool = True) -> None:
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
        self._key_words = [key_words(item, bounded=bounded) for item in self._indexed]
        self._matchers: dict[frozenset[int], Matcher] = {}
        self._scanned = re.compile(self._join(scanned)) if scanned else None
        scanned_keys = [key_words(item, bounded=bounded) for item in scanned]
        # The scanned alternatives need not be run on a text holding none of their key words.
        self._scanned_keys = (
            None if None in scanned_keys else frozenset().union(*scanned_keys)  # type: ignore[arg-type]
        )
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

    def key_words_of(self, alternative: int) -> frozenset[str] | None:
        """Words one of which every match of this alternative contains; None if unknown."""
        return self._key_words[alternative]

    def may_match(self, text: str) -> bool:
        """False only when no match can start anywhere in `text`."""
        table = start_table(text)
        return self._slot in table.starts or self._scans(table)

    def _scans(self, table: TextTable) -> bool:
        return self._scanned is not None and (
            self._scanned_keys is None or not self._scanned_keys.isdisjoint(table.words)
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        table = start_table(text)
        starts = table.starts.get(self._slot, _NO_STARTS)
        if not self._scans(table):
            end = -1
            for start, match_at in starts:
                if start < end:
                    continue
                match = match_at(text, start)
                if match:
                    end = match.end() if match.end() > start else start + 1
                    yield match
            return
        # Some alternatives are scanned by the regex engine: take whichever match starts first,
        # then carry on after it, as a single regex would.
        scan = self._scanned.search  # type: ignore[union-attr]
        pos = index = 0
        while True:
            scanned = scan(text, pos)
            limit = scanned.start() if scanned else len(text)
            found = None
            while index < len(starts) and starts[index][0] <= limit:
                start, match_at = starts[index]
                index += 1
                if start >= pos:
                    found = match_at(text, start)
                    if found:
                        break
            match = found or scanned
            if match is None:
                return
            yield match
            pos = match.end() if match.end() > match.start() else match.start() + 1

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def indexed(source: str) -> IndexedPattern:
    """`source` as an IndexedPattern. Its matches must start where a word starts (a leading
    \\b or a lookbehind that rules out a word character), as they do for every pattern here."""
    return IndexedPattern("", [source], bounded=False)


def prepare_known_words() -> None:
    """Build the matchers of every word a pattern names as its first word, ahead of use."""
    for word in list(_EXACT):
        _matchers_of(word)
