"""Fast phrase matching: one pass of Hyperscan says which alternatives can match a text.

`phrases()` builds alternations of many phrases, and the detectors try ~90 of them on every
sentence. Trying each with Python's regex engine costs ~90 calls and, inside each, every
alternative at every position. Instead, every alternative of every pattern goes into a
Hyperscan database as a loose copy (bot/analysis/prefilter.py: it matches every text the
alternative matches, and maybe more): one database for the checks every answer runs, and one
per anti-pattern module (`scan_apart()`). One scan of a sentence lists the alternatives of a
database that may match it; a pattern with none is skipped at the cost of a dict look-up, and
a pattern with some runs just those alternatives' own regexes and takes the leftmost match (the
first alternative at a tie), as the alternation would. Alternatives that cannot match a text
cannot change what the whole alternation finds in it, so the matches are exactly those of the
plain regex.

Without Hyperscan (a platform with no wheel), every pattern runs its plain regex: the same
results, only slower.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.analysis import prefilter
from bot.analysis.prefilter import Unsupported, loose_copy, sre_parse
from bot.analysis.quickstart import element_end, quick_start, top_level_branches

try:
    import hyperscan
except ImportError:  # pragma: no cover - the package has wheels for the usual platforms
    hyperscan = None

log = logging.getLogger(__name__)

# Which (pattern slot, alternative) each Hyperscan id stands for; ids are never reused.
_OWNERS: list[tuple[int, int]] = []
# Each id's pattern slot and alternative regex once compiled, read on every match of every scan.
_SLOT_AND_REGEX: list[tuple[int, re.Pattern[str]] | None] = []
_PENDING: list[int] = []  # ids registered since the last database was built
# Patterns are scanned in groups, a database each, and a text is scanned for a group only when
# one of its patterns is used on it: most answers run one or two anti-pattern detectors (the
# model spares the rest), so their patterns need not be scanned with everything else.
CORE = "core"
_DATABASES: dict[str, list[object]] = {}
# The bot makes its patterns at import and builds a group in one or two goes (warm-up, then a
# pattern made on first use); a group with this many databases has patterns being made late.
_DATABASES_TO_WARN_AT = 8
# Alternatives Hyperscan cannot take (none so far) are candidates in every text of their group.
_ALWAYS: dict[str, list[int]] = {}
_APART: list[str] = []  # module prefixes whose patterns are scanned apart
_SCRATCH_IN_USE = threading.Lock()
# While True, texts run the plain regexes and nothing is built: warm-up reads an answer first
# so that patterns made on first use are registered, then builds each group's database once
# (two databases for one group would cost two scans of every sentence).
_HOLD_BUILD = False


def _cache_dir() -> Path:
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home directory at all (a bare service account)
        base = Path(tempfile.gettempdir())
    return Path(base) / "star-coach"


def _flags() -> int:
    # PREFILTER lets Hyperscan loosen what it cannot build exactly (the copy is loose anyway);
    # SINGLEMATCH reports each alternative once per scan: "may match" is all that is asked.
    return (
        hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    )


def _build(expressions: list[bytes], ids: list[int], flags: int | None = None) -> object:
    flags = _flags() if flags is None else flags
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=expressions, ids=ids, elements=len(ids), flags=[flags] * len(ids))
    return database


def _compile(expressions: list[bytes], ids: list[int], flags: int | None = None) -> object:
    """A block-mode database of `expressions` (with _flags() unless told otherwise), from the
    disk cache when it was built before."""
    flags = _flags() if flags is None else flags
    cached = _cache_file(expressions, ids, flags)
    loaded = _load(cached)
    if loaded is not None and loaded[0] is not None:
        return loaded[0]
    database = _build(expressions, ids, flags)
    _store(cached, database, [])
    return database


# Which version of the loose copies a cached database holds: the code that writes them. A
# group's database is cached by its alternatives' sources, not by their copies, since working
# out the copies of the analyzer's ~2,150 alternatives took ~1 s of every start (most of a
# one-off `python -m bot analyze`), and a start that finds its databases cached needs none.
_COPIER = hashlib.sha256(Path(prefilter.__file__).read_bytes() + sys.version.encode()).hexdigest()


def _group_database(ids: list[int]) -> tuple[object | None, list[int]]:
    """The database of the alternatives `ids` (of one group), and those of them it leaves out,
    to be tried in every text (a construct the copy cannot stand for, or one Hyperscan
    refuses; none so far)."""
    sources = [_PATTERNS[slot].alternative_source(alternative)
               for slot, alternative in (_OWNERS[hs_id] for hs_id in ids)]
    cached = _cache_file([_COPIER, *sources], ids, _flags())
    loaded = _load(cached)
    if loaded is not None:
        return loaded
    expressions: list[bytes] = []
    copied: list[int] = []
    left_out: list[int] = []
    for hs_id, source in zip(ids, sources, strict=True):
        try:
            expressions.append(loose_copy(source))
            copied.append(hs_id)
        except (Unsupported, re.error):
            left_out.append(hs_id)
    database = None
    if expressions:
        try:
            database = _build(expressions, copied)
        except hyperscan.error:
            database, refused = _build_what_builds(expressions, copied)
            left_out += refused
    _store(cached, database, left_out)
    return database, left_out


# A cached file: this line, the ids left out of the database (comma-separated) on a line, then
# the serialised database (nothing when every id was left out).
_CACHE_FORMAT = b"star-coach patterns 2\n"


def _cache_file(recipe: list[str] | list[bytes], ids: list[int], flags: int) -> Path:
    digest = hashlib.sha256()
    # Every id: a pattern added earlier in the registration order shifts the ids of the
    # patterns after it, and a database loaded with the old ids would report the wrong ones.
    digest.update(f"{_CACHE_FORMAT!r}|{hyperscan.__version__}|{flags}|"
                  f"{','.join(map(str, ids))}".encode())
    for part in recipe:
        digest.update((part.encode() if isinstance(part, str) else part) + b"\0")
    return _cache_dir() / f"patterns-{digest.hexdigest()[:32]}.hsdb"


def _load(cached: Path) -> tuple[object | None, list[int]] | None:
    """The database and left-out ids cached in `cached`; None when it is not there or not
    readable (a build of the whole analyzer takes seconds, a load milliseconds, and a process
    that only loads keeps no compiler memory)."""
    try:
        data = cached.read_bytes()
        if not data.startswith(_CACHE_FORMAT):
            return None
        left_out_line, _, serialised = data[len(_CACHE_FORMAT):].partition(b"\n")
        left_out = [int(hs_id) for hs_id in left_out_line.split(b",") if hs_id]
        database = None
        if serialised:
            database = hyperscan.loadb(serialised, hyperscan.HS_MODE_BLOCK)
            database.scratch = hyperscan.Scratch(database)
        os.utime(cached)  # in use: not stale
        return database, left_out
    except (OSError, hyperscan.error, TypeError, ValueError):
        return None  # not built yet, or a damaged or foreign file: build it again


def _store(cached: Path, database: object | None, left_out: list[int]) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(
            _CACHE_FORMAT + ",".join(map(str, left_out)).encode() + b"\n"
            + (hyperscan.dumpb(database) if database is not None else b"")
        )
        partial.replace(cached)
        _forget_stale(cached.parent)
    except OSError as error:  # a read-only home only costs the build at the next start
        log.debug("pattern cache not written: %s", error)


def _forget_stale(folder: Path) -> None:
    """Databases of earlier versions of the patterns, unused for a month, are deleted."""
    month_ago = time.time() - 30 * 24 * 3600
    for path in folder.glob("patterns-*.hsdb"):
        if path.stat().st_mtime < month_ago:
            path.unlink(missing_ok=True)


def _build_pending() -> None:
    """Put the alternatives registered since the last build into databases of their own, one
    for each group."""
    by_group: dict[str, list[int]] = {}
    for hs_id in _PENDING:
        by_group.setdefault(_PATTERNS[_OWNERS[hs_id][0]].group, []).append(hs_id)
    _PENDING.clear()
    for group, ids in by_group.items():
        database, left_out = _group_database(ids)
        for hs_id in left_out:
            slot, alternative = _OWNERS[hs_id]
            log.warning("pattern %s alternative %s is tried in every text: Hyperscan refused "
                        "it, or no loose copy stands for it", slot, alternative)
        _ALWAYS.setdefault(group, []).extend(left_out)
        if database is not None:
            databases = _DATABASES.setdefault(group, [])
            databases.append(database)
            if len(databases) == _DATABASES_TO_WARN_AT:
                log.warning(
                    "pattern group %s now has %d Hyperscan databases, each scanned on every "
                    "sentence: patterns made after start-up (in a loop, a test, a request) add "
                    "one each. Make patterns once, at import.", group, len(databases))
    forget_candidates()


def scan_apart(module_prefix: str) -> None:
    """Scan the patterns made in each module under `module_prefix` in a database of that
    module's own, from now on. Patterns already built stay where they are."""
    _APART.append(module_prefix)
    pending = {_OWNERS[hs_id][0] for hs_id in _PENDING}
    for pattern in _PATTERNS:
        if pattern.slot in pending:
            pattern.group = _group_of(pattern.module)


def _group_of(module: str) -> str:
    return module if module.startswith(tuple(_APART)) else CORE


def _build_what_builds(
    expressions: list[bytes], ids: list[int]
) -> tuple[object | None, list[int]]:
    """Hyperscan refused an expression (too long, say): a database of the others, and the ids
    of the refused ones. Halving finds the refused ones in a few builds."""
    kept: list[tuple[bytes, int]] = []
    refused: list[int] = []

    def sort_out(group: list[tuple[bytes, int]]) -> None:
        try:
            _build([e for e, _ in group], [i for _, i in group])
            kept.extend(group)
        except hyperscan.error:
            if len(group) > 1:
                sort_out(group[:len(group) // 2])
                sort_out(group[len(group) // 2:])
                return
            refused.append(group[0][1])

    sort_out(list(zip(expressions, ids, strict=True)))
    database = _build([e for e, _ in kept], [i for _, i in kept]) if kept else None
    return database, refused


@contextmanager
def build_held() -> Iterator[None]:
    """Within this block texts run the plain regexes and no database is built; `build()`
    afterwards puts everything registered so far into one database per group."""
    global _HOLD_BUILD
    _HOLD_BUILD = True
    try:
        yield
    finally:
        _HOLD_BUILD = False
        forget_candidates()


def build() -> None:
    """Build the databases and compile every alternative now rather than at first use (the
    bot does this at start-up)."""
    if hyperscan is not None and _PENDING:
        _build_pending()
    for pattern in _PATTERNS:
        pattern.compile_all()


# For each pattern slot, the regexes of its alternatives that may match a text, in order.
Candidates = dict[int, tuple[re.Pattern[str], ...]]


# What the scan found, by group and text: a sentence is tried by ~30 patterns of a group. A
# plain dict per group, kept by every pattern of the group, is the quickest look-up there is.
_SEEN: dict[str, dict[str, Candidates]] = {}
_SEEN_AT_MOST = 16384  # texts per group; then the group starts afresh


def _seen_in(group: str) -> dict[str, Candidates]:
    return _SEEN.setdefault(group, {})


def forget_candidates() -> None:
    """Forget what the scans found (the dicts are emptied in place: patterns hold them)."""
    for seen in _SEEN.values():
        seen.clear()


def candidates(text: str, group: str = CORE) -> Candidates | None:
    """The regexes of `group` that may match `text`, by pattern slot; None without
    Hyperscan."""
    seen = _seen_in(group)
    found = seen.get(text)
    if found is not None:
        return found
    if hyperscan is None or _HOLD_BUILD:
        return None
    if _PENDING:
        _build_pending()
    ids: list[int] = list(_ALWAYS.get(group, ()))
    data = text.encode("utf-8", "surrogatepass")
    with _SCRATCH_IN_USE:  # a database's scratch space serves one scan at a time
        for database in _DATABASES.get(group, ()):
            database.scan(data, match_event_handler=_on_match, context=ids)  # type: ignore[attr-defined]
    # Ids run in registration order, so sorted they come slot by slot, alternatives in order.
    ids.sort()
    found = {}
    slot_and_regex = _SLOT_AND_REGEX
    for hs_id in ids:
        slot, regex = slot_and_regex[hs_id] or _compiled(hs_id)
        known = found.get(slot)
        found[slot] = (regex,) if known is None else (*known, regex)
    if len(seen) >= _SEEN_AT_MOST:
        seen.clear()
    seen[text] = found
    return found


def _on_match(hs_id: int, _start: int, _end: int, _flags: int, ids: list[int]) -> None:
    ids.append(hs_id)


def _compiled(hs_id: int) -> tuple[int, re.Pattern[str]]:
    slot, alternative = _OWNERS[hs_id]
    known = _SLOT_AND_REGEX[hs_id] = (slot, _PATTERNS[slot].regex_of(alternative))
    return known


_PATTERNS: list[IndexedPattern] = []


class IndexedPattern:
    """A compiled alternation that only runs the alternatives that may match a text.

    Behaves like the compiled plain pattern for `search` and `finditer`: non-overlapping
    matches, leftmost first, and at one position the first alternative that matches wins."""

    def __init__(
        self, lead: str, items: list[str], module: str = "", source: str | None = None
    ) -> None:
        self._lead = lead
        self._items = list(items)
        # The regex as written (`source`, when the items were taken apart from it): what the
        # pattern must match the way of.
        self.pattern = source if source is not None else self._join(self._items)
        # The whole alternation, compiled only where no scan can say which alternatives may
        # match (see _unindexed()).
        self._whole: re.Pattern[str] | None = None
        # Each alternative's own regex, compiled when first needed: running the one or two
        # alternatives that may match a sentence beats compiling a regex for every mix of them.
        self._alone: list[re.Pattern[str] | None] = [None] * len(self._items)
        self.slot = len(_PATTERNS)
        self.module = module  # where it was made; see scan_apart()
        self.group = _group_of(module)
        _PATTERNS.append(self)
        # What the scans found so far says nothing of this pattern: a text scanned before it
        # existed must be scanned again, or the pattern would never match it.
        forget_candidates()
        for alternative in range(len(self._items)):
            _PENDING.append(len(_OWNERS))
            _OWNERS.append((self.slot, alternative))
            _SLOT_AND_REGEX.append(None)

    def _join(self, parts: list[str]) -> str:
        return self._lead + "(?:" + "|".join(parts) + ")"

    def alternative_source(self, alternative: int) -> str:
        return self._join([self._items[alternative]])

    def regex_of(self, alternative: int) -> re.Pattern[str]:
        regex = self._alone[alternative]
        if regex is None:
            regex = self._alone[alternative] = re.compile(
                quick_start(self.alternative_source(alternative))
            )
        return regex

    def compile_all(self) -> None:
        for alternative in range(len(self._items)):
            self.regex_of(alternative)

    @property
    def group(self) -> str:
        return self._group

    @group.setter
    def group(self, group: str) -> None:
        self._group = group
        self._seen = _seen_in(group)

    # The three look-ups below are the analyzer's busiest lines (~250 calls an answer, most of
    # them answered "no match possible" by the scan), so each reads the scan's dict itself.

    def may_match(self, text: str) -> bool:
        """False only when no match can start anywhere in `text`."""
        found = self._seen.get(text)
        if found is not None:
            return self.slot in found
        return self._searchers_of(text) is not None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        found = self._seen.get(text)
        searchers = found.get(self.slot) if found is not None else self._searchers_of(text)
        if searchers is None:
            return None
        if len(searchers) == 1:
            return searchers[0].search(text, pos)
        return _leftmost(searchers, text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        found = self._seen.get(text)
        searchers = found.get(self.slot) if found is not None else self._searchers_of(text)
        if searchers is None:
            return iter(())
        if len(searchers) == 1:
            return searchers[0].finditer(text)
        return _merged(searchers, text)

    def _searchers_of(self, text: str) -> tuple[re.Pattern[str], ...] | None:
        """The regexes to run on a text the scan has not seen yet; None when none can match."""
        found = candidates(text, self._group)
        return self._unindexed() if found is None else found.get(self.slot)

    def _unindexed(self) -> tuple[re.Pattern[str], ...]:
        """What runs where no scan says which alternatives may match. While the databases are
        held back (warm-up), every alternative: build() compiles them all anyway, and the
        whole alternation, a regex as large again, need not be. Without Hyperscan, the whole
        alternation."""
        if hyperscan is not None:
            return tuple(self.regex_of(alternative) for alternative in range(len(self._items)))
        if self._whole is None:
            self._whole = re.compile(quick_start(self.pattern))
        return (self._whole,)


def possible(patterns: tuple[IndexedPattern, ...], text: str) -> list[IndexedPattern]:
    """Those of `patterns` (all of one group) that may match `text`, in their order: one
    look-up for them all, where asking each costs a call apiece and most say no."""
    found = candidates(text, patterns[0].group) if patterns else None
    if found is None:
        return list(patterns)
    return [pattern for pattern in patterns if pattern.slot in found]


def _merged(searchers: tuple[re.Pattern[str], ...], text: str) -> Iterator[re.Match[str]]:
    """finditer of an alternation of `searchers`: each match, then on from where it ended."""
    pos = 0
    while pos <= len(text):
        match = _leftmost(searchers, text, pos)
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1


def _leftmost(
    searchers: tuple[re.Pattern[str], ...], text: str, pos: int
) -> re.Match[str] | None:
    """The match an alternation of `searchers` finds from `pos`: the leftmost start, and at
    that start the first alternative (a zero-width lead cannot make an earlier one fail)."""
    best: re.Match[str] | None = None
    for regex in searchers:
        match = regex.search(text, pos)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best


def gate(sources: list[str]) -> Callable[[str], list[int]]:
    """A quick "which of `sources` may match this text?" (their indexes, in order; an empty
    list for none) for regexes that every text is tested against and few match. Hyperscan
    reads their loose copies (word boundaries kept where they are exact, lookaheads dropped):
    it can name a regex that does not match, never miss one that does. Without Hyperscan, or
    for a regex it refuses, the regexes themselves answer."""
    plain = [re.compile(source) for source in sources]
    try:
        expressions = [loose_copy(source) for source in sources]
    except (Unsupported, re.error):
        expressions = []

    def by_the_regexes(text: str) -> list[int]:
        return [index for index, regex in enumerate(plain) if regex.search(text)]

    if hyperscan is None or not expressions:
        return by_the_regexes
    built: list[object] = []

    def which_may_match(text: str) -> list[int]:
        if not built:
            try:
                built.append(_compile(expressions, list(range(len(expressions)))))
            except hyperscan.error:
                built.append(None)
        if built[0] is None:
            return by_the_regexes(text)
        found: list[int] = []
        with _SCRATCH_IN_USE:
            built[0].scan(  # type: ignore[attr-defined]
                text.encode("utf-8", "surrogatepass"), match_event_handler=_on_match,
                context=found,
            )
        return sorted(found)

    return which_may_match


def match_counter(expressions: list[str]) -> Callable[[bytes], list[int]] | None:
    """How many times each of `expressions` matches a text, counted by the ends of its matches
    (Hyperscan reports every end, so an expression must end where a match can end only once:
    at a character of its own, not at "$"). These are Hyperscan's own patterns, exact, not
    loose copies. None without Hyperscan or if it refuses one."""
    if hyperscan is None:
        return None
    try:
        database = _compile(
            [expression.encode("ascii") for expression in expressions],
            list(range(len(expressions))), flags=0,
        )
    except hyperscan.error:
        log.warning("match counter not built: Hyperscan refused one of %s", expressions)
        return None

    def counts(data: bytes) -> list[int]:
        found = [0] * len(expressions)
        with _SCRATCH_IN_USE:
            database.scan(data, match_event_handler=_count_match, context=found)  # type: ignore[attr-defined]
        return found

    return counts


def _count_match(hs_id: int, _start: int, _end: int, _flags: int, found: list[int]) -> None:
    found[hs_id] += 1


def indexed(source: str) -> IndexedPattern:
    """`source` as an IndexedPattern. A top-level alternation without capturing groups is
    split into its branches, and a branch that is one group of alternatives between word
    boundaries into those alternatives, so the scan can tell which of them may match a text."""
    has_groups = re.compile(source).groups > 0
    branches = [source] if has_groups else [
        alternative
        for branch in top_level_branches(source)
        for alternative in _distributed(branch)
    ]
    return IndexedPattern("", branches, module=caller_module(), source=source)


def caller_module(depth: int = 2) -> str:
    """The module that called the function that calls this one (which patterns are whose)."""
    return sys._getframe(depth).f_globals.get("__name__", "")


_WORD_BOUNDARIES = re.compile(r"(?:\\b)*")


def _distributed(branch: str) -> list[str]:
    """"\\b(?:one|two)\\b" -> ["\\bone\\b", "\\btwo\\b"]. Python's regex engine tries every
    alternative of such a group at every position of a sentence (~27 us a sentence for forty
    number words); apart, the scan names the one or two that may match, and each starts with
    a letter the engine can skip to. A leading assertion cannot choose differently for one
    alternative than for another, so the first match is the same either way."""
    lead = _WORD_BOUNDARIES.match(branch).group()
    if not branch.startswith("(?:", len(lead)):
        return [branch]
    end = element_end(branch, len(lead))
    if not _WORD_BOUNDARIES.fullmatch(branch[end:]):
        return [branch]
    alternatives = top_level_branches(branch[len(lead) + 3:end - 1])
    if any(_can_be_empty(alternative) for alternative in alternatives):
        # An empty match would come out of _merged() at another place than out of finditer().
        return [branch]
    return [lead + alternative + branch[end:] for alternative in alternatives]


def _can_be_empty(source: str) -> bool:
    return sre_parse.parse(source).getwidth()[0] == 0
