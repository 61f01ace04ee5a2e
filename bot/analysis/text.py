"""Turn a raw answer (Discord markdown, bullets, headings, emoji, chat spelling) into sentences.

Everything downstream matches against `Sentence.low`, a lower-cased, punctuation-normalised
form, and quotes `Sentence.text` back to the member. All regexes here are linear: no nested
quantifiers, so a 20,000-character input cannot make them backtrack.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from bot.analysis.indexed import gate

# Longer answers are cut here: two minutes of speech is ~300 words, and 20,000 characters
# (~3,500 words) is far beyond any interview answer, so the cut never hides a real answer.
MAX_ANALYSED_CHARS = 20_000

SECTION_NAMES = ("situation", "task", "action", "result", "learning")

_HEADINGS: dict[str, tuple[str, ...]] = {
    "situation": ("s", "situation", "context", "background", "setting", "the situation"),
    "task": (
        "t", "task", "my task", "the task", "my part", "my role", "role", "goal", "my goal",
        "the goal", "objective", "my job", "responsibility", "the decision i owned",
    ),
    "action": (
        "a", "action", "actions", "what i did", "my actions", "approach", "steps",
        "what i did about it",
    ),
    "result": ("r", "result", "results", "outcome", "outcomes", "impact", "the result"),
    "learning": (
        "l", "learning", "learnings", "lesson", "lessons", "lesson learned", "lessons learned",
        "takeaway", "takeaways", "reflection", "what i learned", "what i learnt",
        "what i'd do differently", "what i would do differently", "what i'd take from it",
    ),
}
_HEADING_LOOKUP = {alias: name for name, aliases in _HEADINGS.items() for alias in aliases}
_LONGEST_HEADING = max(map(len, _HEADING_LOOKUP))
_HEADING_RE = re.compile(
    r"^[\s>*_#•·\-–—]*(?:\d+[.)]\s*)?([a-z][a-z' ]{0,30}?)[\s*_]*(?::|\s[-–—]\s|\*\*\s|\)\s)"
)
_CODE_BLOCK_RE = re.compile(r"```.*?(?:```|\Z)", re.DOTALL)
_INLINE_MARKUP_RE = re.compile(r"(\*\*|__|~~|\|\||`)")
_DISCORD_TOKEN_RE = re.compile(r"<(?:@[!&]?|#|a?:\w{1,32}:)\d{1,22}>")
_LINK_RE = re.compile(r"https?://\S{1,2000}")
_BULLET_RE = re.compile(r"^\s*(?:[-*•·>]+|\d{1,3}[.)])\s+")
# The punctuation that ends a sentence, then the closing quotes and the space after it. The
# match opens with the punctuation (not a look-behind for it) so that the engine can skip to it.
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*\s+(?=\S)")
_ABBREVIATIONS = frozenset((
    "e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "approx.", "no.",
    "inc.", "ltd.", "co.", "jr.", "sr.", "u.s.", "a.m.", "p.m.", "fig.", "est.",
))
# Characters _is_text_char may drop: anything outside printable ASCII, and the ASCII
# symbols it drops, ^ ` | ~ (the rest of printable ASCII is always kept). One negated class,
# not "[^\x20-\x7e]|[\^`|~]": the regex engine runs through a class in a tight loop and
# tries an alternation at every character, 5x slower on a line with curly quotes.
_MAYBE_DROPPED = re.compile(r"[^\x20-\x5d\x5f\x61-\x7b\x7d]")
_HAS_A_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum() accepts

# Chat spelling that would otherwise hide a cue ("didnt", "could of", "bc").
_CHAT_FIXES = (
    (re.compile(r"\b(could|would|should|must|might) of\b"), r"\1 have"),
    (re.compile(r"\b(did|was|were|is|are|does|do|had|has|have|could|would|should)nt\b"),
     r"\1n't"),
    (re.compile(r"\bcant\b"), "can't"),
    (re.compile(r"\bwont\b"), "won't"),
    (re.compile(r"\bim\b"), "i'm"),
    (re.compile(r"\bive\b"), "i've"),
    (re.compile(r"\bbc\b|\bcuz\b|\bcause\b(?= i| we| they| it)"), "because"),
    (re.compile(r"\btbh\b|\bngl\b"), "honestly"),
    (re.compile(r"\bw/(?= )"), "with"),
    (re.compile(r"\bppl\b"), "people"),
    (re.compile(r"\bthru\b"), "through"),
    (re.compile(r"\brn\b"), "right now"),
)
# Most answers need one or two of the fixes at most: one quick scan finds which, and only
# those run. No fix writes what a later one rewrites, so skipping the others changes nothing.
_CHAT_FIXES_THAT_MAY_APPLY = gate([pattern.pattern for pattern, _ in _CHAT_FIXES])


# Not frozen, and equal only to itself: prepare() makes every sentence of an answer (each is
# unique by its index) and nothing changes one after, so value equality and a frozen
# __init__ (object.__setattr__ for every field, 2.5x the time) buy nothing.
@dataclass(eq=False)
class Sentence:
    """One sentence (or bullet) of the answer."""

    index: int
    text: str
    low: str
    section: str | None
    position: float = 0.0

    def __str__(self) -> str:
        return self.text


@dataclass
class Document:
    """The prepared answer: sentences plus facts about the raw text."""

    sentences: list[Sentence]
    word_count: int
    original_chars: int
    truncated: bool = False
    code_blocks: int = 0
    sections_seen: set[str] = field(default_factory=set)
    # Results worked out once per document by the detectors (e.g. metrics per sentence).
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def low(self) -> str:
        return " ".join(s.low for s in self.sentences)


def ascii_stand_in(text: str) -> bytes:
    """`text` in ASCII bytes, for readers that only tell word characters (\\w) from the others
    and have a quicker route for ASCII: each non-ASCII word character becomes "_", and any other
    non-ASCII character "?" (neither a space nor an apostrophe, so "my—team" does not become
    "my team"). The words stay where they were; one that held a non-ASCII letter now holds a
    "_", so a reader must know no word with one."""
    return text.encode("ascii", _STAND_IN_ERRORS)


def _stand_in_run(error: UnicodeEncodeError) -> tuple[str, int]:
    # The encoder copies the ASCII in C and calls this once per run of other characters: ~6 us
    # a dev answer that has any, against ~35 for a regex substitution that tries every one.
    run = error.object[error.start:error.end]
    if run.isalnum():  # a word in another script: str.isalnum() is what \w accepts, less "_"
        return "_" * len(run), error.end
    return "".join("_" if char.isalnum() else "?" for char in run), error.end


_STAND_IN_ERRORS = "star-coach-ascii-stand-in"
codecs.register_error(_STAND_IN_ERRORS, _stand_in_run)


def normalise_for_matching(text: str) -> str:
    """Lower-case `text` and fold the punctuation and chat spellings that cues depend on."""
    return " ".join(_folded(text).split())


def _folded(text: str) -> str:
    low = unicodedata.normalize("NFKC", text).lower()
    low = low.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    # A dash between spaces (the usual way to write one) becomes " - " without a space too many.
    low = low.replace("–", "-").replace(" — ", " - ").replace("—", " - ")
    for index in _CHAT_FIXES_THAT_MAY_APPLY(low):
        pattern, repl = _CHAT_FIXES[index]
        low = pattern.sub(repl, low)
    return low


def _normalised_each(pieces: list[str]) -> list[str]:
    """normalise_for_matching() of each piece, folded in one pass over them all: the pieces
    are single-spaced sentences (cut from the lines _strip_line_markup() leaves), and no fold
    reaches across a line break (nor does NFKC or lower-casing)."""
    joined = _folded("\n".join(pieces))
    folded = joined.split("\n")
    if len(folded) != len(pieces):  # a fold made or ate a line break: never seen, but safe
        return [normalise_for_matching(piece) for piece in pieces]
    # What a fold writes holds no whitespace but the plain space (checked over every code
    # point): only a space it put at an end or beside another needs the pieces re-spaced, and
    # five substring tests find one far quicker than a split.
    if ("  " in joined or " \n" in joined or "\n " in joined or joined[:1] == " "
            or joined[-1:] == " "):
        return [" ".join(low.split()) for low in folded]
    return folded


def _strip_line_markup(line: str) -> str:
    # Each substitution runs only on a line that could need it: most lines are plain prose.
    if "<" in line:
        line = _DISCORD_TOKEN_RE.sub(" ", line)
    if "http" in line:
        line = _LINK_RE.sub(" ", line)
    if _has_markup(line):
        line = _INLINE_MARKUP_RE.sub("", line)
    line = line.lstrip("#").strip()
    if not line.isascii() or _has_markup(line):
        # Each distinct character is judged once (a line can hold dozens of curly quotes).
        dropped = {
            ord(char): None for char in set(_MAYBE_DROPPED.findall(line))
            if not _is_text_char(char)
        }
        if dropped:
            line = line.translate(dropped)
    # Every whitespace character but the space is unprintable: a printable line with no two
    # spaces in a row is single-spaced already, and the usual line of prose needs no split.
    if line.isprintable() and "  " not in line and line == line.strip():
        return line
    return " ".join(line.split())


def _has_markup(line: str) -> bool:
    # Six substring tests beat a regex of the six characters (~3x on a long line); spelled out,
    # not a generator, they cost no more than the regex on an empty one (a wall of bullets).
    return ("*" in line or "_" in line or "~" in line or "|" in line or "`" in line
            or "^" in line)


@lru_cache(maxsize=4096)
def _is_text_char(ch: str) -> bool:
    # Drop emoji and other symbols; keep letters, digits, punctuation, currency and spaces.
    if ch.isalnum() or ch.isspace():
        return True
    category = unicodedata.category(ch)
    return category[0] == "P" or category == "Sc" or ch in "%+=/<>&°"


def _split_heading(line: str) -> tuple[str | None, str]:
    low = line.lower()
    bare = low.strip().strip("#*_:•-–— ")
    # A line longer than any heading is not one: no need to hash a paragraph to find that out.
    if 1 < len(bare) <= _LONGEST_HEADING and bare in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[bare], ""
    # Every ending _HEADING_RE accepts after a label holds one of these characters; a line of
    # prose often holds none, and the regex would try every label length up to 31 on it.
    if not (":" in low or "-" in low or ")" in low or "*" in low or "–" in low or "—" in low):
        return None, line
    match = _HEADING_RE.match(low)
    if not match:
        return None, line
    label = match.group(1).strip()
    section = _HEADING_LOOKUP.get(label)
    if section is None:
        return None, line
    if len(label) > 1 and not line[match.end():].strip().startswith(("-", "*")):
        # "What I learned: ..." reads well when quoted whole; "S:" does not.
        return section, line.strip()
    return section, line[match.end():].strip()


def _split_sentences(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(line):
        candidate = line[start:match.start() + 1].strip()  # the punctuation stays
        last_word = candidate.rsplit(None, 1)[-1].lower() if candidate else ""
        if last_word in _ABBREVIATIONS:
            continue
        if candidate:
            parts.append(candidate)
        start = match.end()
    rest = line[start:].strip()
    if rest:
        parts.append(rest)
    return parts


def prepare(raw: str) -> Document:
    """Split `raw` into sentences with their STAR section (when the member used headings)."""
    original_chars = len(raw)
    truncated = original_chars > MAX_ANALYSED_CHARS
    text = raw[:MAX_ANALYSED_CHARS] if truncated else raw
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")
    code_blocks = len(_CODE_BLOCK_RE.findall(text))
    text = _CODE_BLOCK_RE.sub("\n", text)

    pieces: list[tuple[str | None, str]] = []
    section: str | None = None
    sections_seen: set[str] = set()
    for raw_line in text.split("\n"):
        is_bullet = bool(_BULLET_RE.match(raw_line))
        heading, rest = _split_heading(raw_line)
        if heading is not None:
            section = heading
            sections_seen.add(heading)
        line = _strip_line_markup(_BULLET_RE.sub("", rest) if is_bullet else rest)
        if not line:
            continue
        for sentence in _split_sentences(line):
            # Most sentences open with a letter: the regex is for those that do not.
            if sentence[:1].isalnum() or _HAS_A_LETTER_OR_DIGIT.search(sentence):
                pieces.append((section, sentence))

    total = max(1, len(pieces) - 1)
    texts = [piece for _, piece in pieces]
    sentences = [
        Sentence(
            index=i,
            text=piece,
            low=low,
            section=sec,
            position=i / total if len(pieces) > 1 else 0.0,
        )
        for i, ((sec, piece), low) in enumerate(zip(pieces, _normalised_each(texts), strict=True))
    ]
    # Each sentence is single-spaced with no space at either end: its words are its spaces + 1.
    word_count = " ".join(texts).count(" ") + 1 if texts else 0
    return Document(
        sentences=sentences,
        word_count=word_count,
        original_chars=original_chars,
        truncated=truncated,
        code_blocks=code_blocks,
        sections_seen=sections_seen,
    )
