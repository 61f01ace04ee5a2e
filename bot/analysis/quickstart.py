"""The same regex, written so that Python's engine can skip ahead to where a match may start.

Most cue patterns open with a look-behind, `(?<!\\w)(?<!\\w')` or `\\b`, so that a cue starts a
word. Python's engine (re) skips quickly only to a literal or a character it knows a match
must open with; an assertion first hides that, and the engine runs the whole pattern at every
position of the sentence: ~3.4 us for a sentence where a phrase that opens with its first
letter takes ~0.4 us.

`quick_start()` moves each opening assertion to just after the first character of every
branch: `(?<!\\w)(?:instead of|rather than)` becomes
`(?:i(?<!\\w[\\s\\S])nstead of|r(?<!\\w[\\s\\S])ather than)`. One character on, the
look-behind is one character wider and reads the same characters, so the regex matches the
same texts at the same places with the same groups. A first repeat gives up one character
(`\\d{1,3}` becomes `\\d` and then `\\d{0,2}`). A regex this cannot rewrite (a branch that may
open with nothing, with an optional or possessive repeat, or with an anchor) is returned as
it is.
"""

from __future__ import annotations

import re

# Read after the first character: that character, whatever it is.
_ONE_CHAR = r"[\s\S]"
_QUANTIFIERS = "?*+{"
_ESCAPED_ASSERTIONS = "bBAZ"
_WORD_CHARS = re.compile(r"[0-9A-Za-z_]")


class _CannotRewrite(Exception):
    pass


def quick_start(source: str) -> str:
    """`source` with its opening assertions moved after each branch's first character, or
    `source` itself when it has none or cannot be rewritten."""
    try:
        return _alternation(source, [])
    except _CannotRewrite:
        return source


def _alternation(source: str, guards: list[str]) -> str:
    return "|".join(_branch(branch, guards) for branch in _branches(source))


# Stands in the guards for a \b until the character after it is known.
_WORD_BOUNDARY = r"\b"


def _branch(branch: str, guards: list[str]) -> str:
    guards = list(guards)
    index = 0
    # The branch's own opening assertions join those of the branches it sits in.
    while True:
        if branch.startswith(("(?<!", "(?<="), index):
            end = _element_end(branch, index)
            kind, inner = branch[index:index + 4], branch[index + 4:end - 1]
            if len(_branches(inner)) > 1:
                inner = f"(?:{inner})"  # the character read after must follow every branch
            guards.append(f"{kind}{inner}{_ONE_CHAR})")
            index = end
        elif branch.startswith(_WORD_BOUNDARY, index):
            guards.append(_WORD_BOUNDARY)
            index += 2
        else:
            break
        if index < len(branch) and branch[index] in _QUANTIFIERS:
            raise _CannotRewrite
    if index >= len(branch):
        if guards:
            raise _CannotRewrite  # nothing to read after the assertions
        return branch
    end = _element_end(branch, index)
    first, rest = branch[index:end], branch[end:]
    if not guards:
        # Nothing to move here, but a group first may open with assertions of its own:
        # rewritten inside the group, they read the same whether the group repeats or not.
        if not _is_a_group(first):
            return branch
        try:
            inside = _alternation(first[len(_opening(first)):-1], [])
        except _CannotRewrite:
            return branch
        return _opening(first) + inside + ")" + rest
    if end < len(branch) and branch[end] in _QUANTIFIERS:
        if first.startswith("("):
            raise _CannotRewrite  # a group that may be missing or repeated
        # One character read at least: "\\d{1,3}" is "\\d" and then "\\d{0,2}".
        rest = first + _one_less(branch[end:])
    if first.startswith("("):
        if not _is_a_group(first):
            raise _CannotRewrite  # a look-around or inline flags
        opening = _opening(first)
        return opening + _alternation(first[len(opening):-1], guards) + ")" + rest
    if first in ("^", "$") or (
        first.startswith("\\") and (first[1] in _ESCAPED_ASSERTIONS or first[1].isdigit())
    ):
        raise _CannotRewrite
    return first + "".join(_resolved(guard, first) for guard in guards) + rest


_REPEAT = re.compile(r"(?:\+|\{(\d+)(?:(,)(\d*))?\})(\??)")


def _one_less(repeated: str) -> str:
    """The quantifier at the start of `repeated` (and what follows) for one repeat less; a
    quantifier that allows none cannot give one up."""
    match = _REPEAT.match(repeated)
    if match is None or repeated[match.end():match.end() + 1] == "+":  # none, or possessive
        raise _CannotRewrite
    least, comma, most, lazy = match.groups()
    after = repeated[match.end():]
    if least is None:  # "+"
        return "*" + lazy + after
    if int(least) == 0:
        raise _CannotRewrite
    if not comma:
        return f"{{{int(least) - 1}}}{lazy}{after}"
    most = str(int(most) - 1) if most else ""
    return f"{{{int(least) - 1},{most}}}{lazy}{after}"


def _is_a_group(element: str) -> bool:
    """A plain, named or non-capturing group: not a look-around, nor inline flags."""
    return element.startswith("(") and (
        not element.startswith("(?") or element.startswith(("(?:", "(?P<"))
    )


def _opening(group: str) -> str:
    """"(?:", "(?P<name>" or "(": what opens a group that is not a look-around."""
    if group.startswith("(?:"):
        return "(?:"
    if group.startswith("(?P<"):
        return group[:group.index(">") + 1]
    return "("


def _resolved(guard: str, first: str) -> str:
    if guard != _WORD_BOUNDARY:
        return guard
    # \b before a character: the one before it is of the other kind (word or not).
    if len(first) == 1 and _WORD_CHARS.fullmatch(first):
        return rf"(?<!\w{_ONE_CHAR})"
    if len(first) == 1 and first.isascii() and not first.isalnum() and first not in ".\\":
        return rf"(?<=\w{_ONE_CHAR})"
    raise _CannotRewrite  # a class or an escape: which kind it is is not known here


def _branches(source: str) -> list[str]:
    """The top-level branches of `source`: split at the bars outside any group or class."""
    branches, start, index = [], 0, 0
    while index < len(source):
        char = source[index]
        if char == "|":
            branches.append(source[start:index])
            start = index + 1
            index += 1
        elif char in "\\[(":
            index = _element_end(source, index)
        else:  # a run of plain characters at once: this runs on every regex at warm-up
            run = _PLAIN_RUN.match(source, index)
            index = run.end() if run else index + 1
    branches.append(source[start:])
    return branches


_PLAIN_RUN = re.compile(r"[^\\\[()|]+")
_CLASS_BODY = re.compile(r"(?:\\.|[^\]\\])*", re.DOTALL)


def _element_end(source: str, index: int) -> int:
    """Where the element (a group, a class, an escape or a character) at `index` ends."""
    char = source[index]
    if char == "\\":
        kind = source[index + 1:index + 2]
        if kind == "N":  # \N{NAME}
            close = source.find("}", index)
            if close < 0:
                raise _CannotRewrite
            return close + 1
        return index + {"x": 4, "u": 6, "U": 10}.get(kind, 2)
    if char == "[":
        index += 1
        if source[index:index + 1] == "^":
            index += 1
        if source[index:index + 1] == "]":  # a "]" first is a member
            index += 1
        index = _CLASS_BODY.match(source, index).end()  # type: ignore[union-attr]
        if index >= len(source):
            raise _CannotRewrite
        return index + 1
    if char == "(":
        depth = 0
        while index < len(source):
            char = source[index]
            if char in "\\[":
                index = _element_end(source, index)
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return index + 1
            elif char != "|":
                index = _PLAIN_RUN.match(source, index).end()  # type: ignore[union-attr]
                continue
            index += 1
        raise _CannotRewrite
    return index + 1


def compiled(source: str) -> re.Pattern[str]:
    """re.compile() of `source` as quick_start() writes it."""
    return re.compile(quick_start(source))
