"""A loose copy of a Python regex that Hyperscan can compile: every text the original matches,
the copy matches too (it may match more).

Hyperscan scans a text for thousands of patterns in one pass of C, but it has no lookarounds,
reads bytes, and refuses large bounded repeats. So the copy drops every zero-width assertion,
turns a bounded repeat into an unbounded one, and spells each character class as bytes that
also admit any non-ASCII character. A looser pattern can only report a text as a candidate
that the real regex then turns down; it can never hide a match.
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Python's \w, \d and \s take Unicode characters, which are several bytes in UTF-8: any byte
# of a non-ASCII character is let in, so the copy is never stricter than the original.
_NON_ASCII = r"\x80-\xff"
_CATEGORIES = {
    sre_c.CATEGORY_WORD: r"0-9A-Za-z_" + _NON_ASCII,
    sre_c.CATEGORY_DIGIT: r"0-9" + _NON_ASCII,
    sre_c.CATEGORY_SPACE: r"\t\n\v\f\r\x1c-\x1f\x20" + _NON_ASCII,
}
# A negated category (\W, \D, \S) keeps the ASCII characters outside the category and, like
# every class here, any non-ASCII byte.
_NOT_CATEGORIES = {
    sre_c.CATEGORY_NOT_WORD: sre_c.CATEGORY_WORD,
    sre_c.CATEGORY_NOT_DIGIT: sre_c.CATEGORY_DIGIT,
    sre_c.CATEGORY_NOT_SPACE: sre_c.CATEGORY_SPACE,
}
# A character is one byte, or a lead byte and its continuation bytes.
_CONTINUATION = r"[\x80-\xbf]*"
_ANY_CHAR = r"[^\n]" + _CONTINUATION


class Unsupported(ValueError):
    """The regex uses a construct the loose copy cannot stand for."""


def loose_copy(source: str) -> bytes:
    """Hyperscan source matching (at least) every text `source` matches."""
    return _sequence(sre_parse.parse(source)).encode("ascii")


def _sequence(items) -> str:
    items = list(items)
    return "".join(
        _zero_width(op, arg, items[:index], items[index + 1:]) if op in _ZERO_WIDTH
        else _item(op, arg)
        for index, (op, arg) in enumerate(items)
    )


_ZERO_WIDTH = (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT)


def _zero_width(op, arg, before, after) -> str:
    """What the copy keeps of an assertion: a start or end of text as it is, and a word
    boundary where it cannot be stricter than the original; everything else is left out
    (which only lets more texts through).

    Hyperscan's \\b is ASCII: a non-ASCII letter is not a word character to it. Next to a
    character that can only be an ASCII letter, digit or "_", both engines agree that side is
    a word, and any character Python calls non-word is a non-word byte to Hyperscan: so there
    its boundary is found wherever Python's is ("café" next to a space is where they differ,
    and there the pattern's own side is not an ASCII word character)."""
    if op is sre_c.AT:
        if arg in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
            return "^"  # the start of the text in both engines (no multi-line mode here)
        if arg is sre_c.AT_END:
            return "$"  # the end, or before a final newline, in both engines
        if arg is sre_c.AT_BOUNDARY and (_ascii_word(_edge(after)) or
                                         _ascii_word(_edge(before, from_end=True))):
            return r"\b"
        return ""
    direction, sub = arg
    if op is sre_c.ASSERT_NOT and _is_a_word_character(sub):
        # (?<!\w) before an ASCII word character, or (?!\w) after one, is a word boundary.
        if direction < 0 and _ascii_word(_edge(after)):
            return r"\b"
        if direction > 0 and _ascii_word(_edge(before, from_end=True)):
            return r"\b"
    return ""


def _is_a_word_character(sub) -> bool:
    """True when `sub` (an assertion's body) matches every single word character: "\\w",
    "[\\w'-]", or such an alternative among others ("\\w|'\\w")."""
    def one_class_with_words(items) -> bool:
        if len(items) != 1 or items[0][0] is not sre_c.IN:
            return False
        members = items[0][1]
        return (sre_c.CATEGORY, sre_c.CATEGORY_WORD) in members and not any(
            op is sre_c.NEGATE for op, _ in members)

    items = list(sub)
    if one_class_with_words(items):
        return True
    return (len(items) == 1 and items[0][0] is sre_c.BRANCH
            and any(one_class_with_words(list(branch)) for branch in items[0][1][1]))


def _ascii_word(chars: set[int] | None) -> bool:
    return bool(chars) and all(
        code < 0x80 and (chr(code).isalnum() or code == ord("_")) for code in chars)


def _edge(items, from_end: bool = False) -> set[int] | None:
    """The characters a match of `items` can start with (or end with), None when that is not
    known here: a category, a negated class, or a sequence that may match the empty string."""
    chars, nullable = _edge_of_sequence(list(items), from_end)
    return None if chars is None or nullable else chars


def _edge_of_sequence(items, from_end: bool) -> tuple[set[int] | None, bool]:
    found: set[int] = set()
    for op, arg in reversed(items) if from_end else items:
        chars, nullable = _edge_of_item(op, arg, from_end)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _edge_of_item(op, arg, from_end: bool) -> tuple[set[int] | None, bool]:
    if op is sre_c.LITERAL:
        return {arg}, False
    if op is sre_c.IN:
        chars: set[int] = set()
        for member, value in arg:
            if member is sre_c.LITERAL:
                chars.add(value)
            elif member is sre_c.RANGE:
                chars.update(range(value[0], value[1] + 1))
            else:
                return None, False
        return chars, False
    if op is sre_c.AT and arg in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
        # Unknown: Hyperscan refuses a start anchor with anything, even a \b, before it.
        return None, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is sre_c.SUBPATTERN:
        return _edge_of_sequence(list(arg[-1]), from_end)
    if op is sre_c.BRANCH:
        union: set[int] = set()
        any_nullable = False
        for branch in arg[1]:
            chars, nullable = _edge_of_sequence(list(branch), from_end)
            if chars is None:
                return None, False
            union |= chars
            any_nullable = any_nullable or nullable
        return union, any_nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, sub = arg
        chars, nullable = _edge_of_sequence(list(sub), from_end)
        return chars, nullable or low == 0
    return None, False


def _byte(code: int) -> str:
    # Letters and digits stand for themselves (shorter patterns: Hyperscan limits length).
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{code:02x}"


def _char(code: int) -> str:
    """One character as the byte sequence of its UTF-8 form."""
    return "".join(_byte(b) for b in chr(code).encode("utf-8"))


def _ascii_set(code: int) -> set[int]:
    return {code} if code < 0x80 else set()


def _class(items, negated: bool = False) -> str:
    """A character class: ASCII members as one byte class, non-ASCII members as any
    non-ASCII byte (a superset, since their UTF-8 bytes are all >= 0x80)."""
    ascii_codes: set[int] = set()
    spelled: list[str] = []
    for op, arg in items:
        if op is sre_c.NEGATE:
            negated = True
        elif op is sre_c.LITERAL:
            ascii_codes |= _ascii_set(arg)
        elif op is sre_c.RANGE:
            low, high = arg
            ascii_codes.update(range(low, min(high, 0x7F) + 1))
        elif op is sre_c.CATEGORY and arg in _CATEGORIES:
            spelled.append(_CATEGORIES[arg])
        elif op is sre_c.CATEGORY and arg in _NOT_CATEGORIES:
            if len(items) == 1:  # \S, \W, \D: every byte but the category's ASCII members
                kept = _CATEGORIES[_NOT_CATEGORIES[arg]].replace(_NON_ASCII, "")
                return f"[^{kept}]{_CONTINUATION}"
            return _ANY_CHAR  # rare inside a larger class: stay loose
        else:
            raise Unsupported(f"class item {op}")
    if negated:
        # Everything but the ASCII members; non-ASCII characters may always pass.
        excluded = "".join(_byte(code) for code in sorted(ascii_codes))
        if spelled:  # a negated class holding a category is rare: stay loose
            return _ANY_CHAR
        return f"[^{excluded}\\n]{_CONTINUATION}" if excluded else _ANY_CHAR
    members = "".join(_byte(code) for code in sorted(ascii_codes)) + "".join(spelled)
    return f"[{members}\\x80-\\xff]{_CONTINUATION}"


def _item(op, arg) -> str:
    if op is sre_c.LITERAL:
        return _char(arg)
    if op is sre_c.NOT_LITERAL:
        return f"[^{_byte(arg)}\\n]{_CONTINUATION}" if arg < 0x80 else _ANY_CHAR
    if op is sre_c.ANY:
        return _ANY_CHAR
    if op is sre_c.IN:
        return _class(arg)
    if op is sre_c.CATEGORY:
        return _class([(op, arg)])
    if op is sre_c.SUBPATTERN:
        return "(?:" + _sequence(arg[-1]) + ")"
    if op is sre_c.BRANCH:
        return "(?:" + "|".join(_sequence(branch) for branch in arg[1]) + ")"
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, sub = arg
        body = "(?:" + _sequence(sub) + ")"
        if high == 1:
            return body + ("?" if low == 0 else "")
        single = _sequence(sub)
        if single.endswith(_CONTINUATION) and single.count("[") == 2:
            # One character class, repeated: the repeat takes the continuation bytes too.
            body = single[:-len(_CONTINUATION)]
        # A bounded repeat ({1,30}) becomes unbounded: Hyperscan refuses large counted
        # repeats, and "more" is always allowed here.
        return body + ("*" if low == 0 else "+")
    raise Unsupported(f"regex construct {op}")
