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
(`\\d{1,3}` becomes `\\d` and then `\\d{0,2}`). Branches that all open with the same
character get it read once before them (`_shared_first()`). A regex this cannot rewrite (a
branch that may open with nothing, with an optional or possessive repeat, or with an anchor)
is returned as it is.
"""

from __future__ import annotations

import contextlib
import re
from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
from re import _constants as _sre_constants  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]

# Read after the first character: that character, whatever it is.
_ONE_CHAR = r"[\s\S]"
_QUANTIFIERS = "?*+{"
_ESCAPED_ASSERTIONS = "bBAZ"
_WORD_CHARS = re.compile(r"[0-9A-Za-z_]")


class _CannotRewrite(Exception):
    pass


def quick_start(source: str) -> str:
    """`source` with its opening assertions moved after each branch's first character, and a
    first character its opening branches share read once before them; `source` itself when
    it has neither or cannot be rewritten."""
    rewritten = source
    with contextlib.suppress(_CannotRewrite):
        rewritten = _alternation(rewritten, [])
    with contextlib.suppress(_CannotRewrite):
        rewritten = _shared_first(rewritten)
    # Rewritten, a regex whose branches open with different kinds of character (a digit in one,
    # a letter in another) still gives the engine nothing to skip to, and without the opening
    # assertion it runs further at every position: ~2x slower. Such a regex stays as written.
    return rewritten if _starts_quickly(rewritten) else source


def _starts_quickly(source: str) -> bool:
    """The regex engine can skip ahead to where a match of `source` may start: to a literal,
    or to a character of a set every match opens with (what re's compiler looks for)."""
    try:
        parsed = _sre_parser.parse(source)
        prefix = _sre_compiler._get_literal_prefix(parsed, 0)[0]
        return bool(prefix) or _sre_compiler._get_charset_prefix(parsed, 0) is not None
    except (AttributeError, re.error):  # another Python's internals: trust the rewrite
        return True


def _shared_first(source: str) -> str:
    """"(\\d{1,3}(?:,\\d{3})+|\\d+)" -> "(\\d(?:\\d{0,2}(?:,\\d{3})+|\\d*))": the engine skips
    ahead to a character only when the pattern opens with it, and branches that each open with
    a digit do not say so (~14 us a sentence for the percent metric, against ~2). Read once
    before the branches, the character is read at the same place, inside the same groups."""
    branches = top_level_branches(source)
    if len(branches) == 1:
        branch = branches[0]
        if not branch.startswith("("):
            return source
        end = element_end(branch, 0)
        first = branch[:end]
        if not _is_a_group(first) or _quantified(branch[end:]):
            return source
        opening = _opening(first)
        return opening + _shared_first(first[len(opening):-1]) + ")" + branch[end:]
    firsts, rests = set(), []
    for branch in branches:
        if not branch or branch[0] in "(^$":
            return source
        end = element_end(branch, 0)
        first, rest = branch[:end], branch[end:]
        if first.startswith("\\") and (first[1] in _ESCAPED_ASSERTIONS or first[1].isdigit()):
            return source
        if _quantified(rest):
            rest = first + _one_less(rest)
        firsts.add(first)
        rests.append(rest)
    if len(firsts) != 1 or not _is_a_class(shared := firsts.pop()):
        # Branches that open with the same letter already let the engine skip to it, and each
        # still checks its letter before its look-behind: left as they are.
        return source
    return shared + "(?:" + "|".join(rests) + ")"


def _is_a_class(element: str) -> bool:
    """`element` is a character class: "[...]", or an escape such as "\\d"."""
    return element.startswith("[") or (element.startswith("\\") and element[1:2].isalpha()
                                       and element[1] not in "xuUN")


def _alternation(source: str, guards: list[str]) -> str:
    return "|".join(_branch(branch, guards) for branch in top_level_branches(source))


# Stands in the guards for a \b until the character after it is known.
_WORD_BOUNDARY = r"\b"


def _branch(branch: str, guards: list[str]) -> str:
    guards = list(guards)
    index = 0
    # The branch's own opening assertions join those of the branches it sits in.
    while True:
        if branch.startswith(("(?<!", "(?<="), index):
            end = element_end(branch, index)
            kind, inner = branch[index:index + 4], branch[index + 4:end - 1]
            if len(top_level_branches(inner)) > 1:
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
    end = element_end(branch, index)
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


def _quantified(after: str) -> bool:
    """What comes after an element opens with a quantifier."""
    return after[:1] != "" and after[0] in _QUANTIFIERS


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
    if (len(first) == 1 and _WORD_CHARS.fullmatch(first)) or first in (r"\d", r"\w"):
        return rf"(?<!\w{_ONE_CHAR})"
    if len(first) == 1 and first.isascii() and not first.isalnum() and first not in ".\\":
        return rf"(?<=\w{_ONE_CHAR})"
    raise _CannotRewrite  # a class or an escape: which kind it is is not known here


def top_level_branches(source: str) -> list[str]:
    """The top-level branches of `source`: split at the bars outside any group or class
    ("a|b(?:c|d)|[|]" -> ["a", "b(?:c|d)", "[|]"])."""
    branches, start, index = [], 0, 0
    while index < len(source):
        char = source[index]
        if char == "|":
            branches.append(source[start:index])
            start = index + 1
            index += 1
        elif char in "\\[(":
            index = element_end(source, index)
        else:  # a run of plain characters at once: this runs on every regex at warm-up
            run = _PLAIN_RUN.match(source, index)
            index = run.end() if run else index + 1
    branches.append(source[start:])
    return branches


_PLAIN_RUN = re.compile(r"[^\\\[()|]+")
_CLASS_BODY = re.compile(r"(?:\\.|[^\]\\])*", re.DOTALL)


def element_end(source: str, index: int) -> int:
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
                index = element_end(source, index)
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


def single_spaced_reach(pattern: re.Pattern[str]) -> int:
    """The longest match `pattern` can make in single-spaced text, where no two whitespace
    characters stand in a row (prepare() leaves every sentence so): a repeat of whitespace
    reads one character at most. An unbounded pattern reaches further than any text."""
    return _reach(_sre_parser.parse(pattern.pattern))


_UNBOUNDED = int(_sre_constants.MAXREPEAT)


def _reach(items) -> int:
    total = 0
    for op, arg in items:
        if op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT,
                  _sre_constants.POSSESSIVE_REPEAT):
            _low, high, sub = arg
            total += (min(high, 1) if _whitespace_only(sub) else high) * _reach(sub)
        elif op is _sre_constants.SUBPATTERN:
            total += _reach(arg[-1])
        elif op is _sre_constants.ATOMIC_GROUP:
            total += _reach(arg)
        elif op is _sre_constants.BRANCH:
            total += max(_reach(branch) for branch in arg[1])
        elif op in (_sre_constants.LITERAL, _sre_constants.NOT_LITERAL, _sre_constants.IN,
                    _sre_constants.ANY, _sre_constants.CATEGORY):
            total += 1
        elif op not in (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            return _UNBOUNDED  # a back-reference, say: its width is not known here
    return total


def _whitespace_only(sub) -> bool:
    """`sub` is one character that is always whitespace: a space, or \\s."""
    items = list(sub)
    if len(items) != 1:
        return False
    op, arg = items[0]
    if op is _sre_constants.LITERAL:
        return chr(arg).isspace()
    if op is _sre_constants.IN:
        return all(
            (member_op is _sre_constants.CATEGORY and value is _sre_constants.CATEGORY_SPACE)
            or (member_op is _sre_constants.LITERAL and chr(value).isspace())
            for member_op, value in arg
        )
    return False
