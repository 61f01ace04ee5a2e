"""A regex rewritten to start quickly finds exactly what the original finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.quickstart import quick_start

from .test_indexed import _labelled_sentences

# The opening assertions the cue patterns use, over the shapes their first element takes.
SOURCES = (
    r"(?<!\w)(?<!\w')(?:(?:instead of)(?!\w|'\w))",
    r"(?<!\w)(?<!\w')(?:(?:(?:first|initial|gut) (?:instinct|reaction))(?!\w|'\w))",
    r"(?<![\w'])(?:i|i'd|i'll|myself) (?:\w+)",
    r"\b(?:not|never|no|didn't)\b",
    r"(?:\bno|\bnot one|\bnever) (?:\w+ )?(?:users?|customers?)",
    r"\b(?:in|within|under)\s+(\d+)\s?(?:days?|hours?)",
    r"(?<![\w.,$-])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s+([a-z]+s)\b",
    r"(?<!\w)(?<!\w')(?:(?P<who>they|he) blamed)",
    r"(?<=[.!?])\s+(?=\S)",
    r"(?<!\w)(?:[$£€]\d+)",
    r"\b_x\b|\b-\d",
    r"(?<!\w)\d+ users|(?<!\w)\d{2,3}?%", r"(?<!\w)x{2}",
    # Branches that open with the same character: it is read once before them.
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%", r"\b(?:\d{1,3}(?:,\d{3})+|\d+)x\b",
    r"((?:\d{1,3}(?:,\d{3})+|\d+?)) (?:a+b|a{2,}?c)",
)
# Forms it must leave alone: a first element that may be missing, a possessive repeat, a
# literal brace, an anchor or a look-ahead first, nothing to move, branches that would open
# with different kinds of character (nothing for the engine to skip to either way).
UNCHANGED = (
    r"(?<!\w)\d+ users|(?<!\w)x{2}", r"\b(?:\d+|one|two) days",
    r"(?<!\w)(?:the )?plan", r"(?<!\w)\d* users", r"(?<!\w)\d++ users", r"(?<!\w)a{b",
    r"(?<!\w)^our team", r"\b(?=a)and",
    r"(?<!\w)(?:)", r"\b[a-z]+ed", r"plain words only", r"(?:,|;| -)\s*(?:but|yet),? i\b",
)
TRICKY = [
    "instead of", "xinstead of", "l'instead of", "naïve instead of", "_instead of it",
    "I said no.", "gut reaction, first instinct", "he blamed, they blamed", "in 3 days",
    "$5 and €10", "a_x _x .5 a-5 -5", "'i'd go", "myself", "1,000 users", "ok. next", "",
    "12 users, 5 users", "100% 99% 1234%", "xxx axx", "1,000,00 3x 12,345.6% 7 aab 1 aac x9x",
]


def test_every_source_starts_quickly_and_matches_the_same():
    sentences = _labelled_sentences()[::5] + TRICKY
    for source in SOURCES:
        rewritten = quick_start(source)
        assert rewritten != source, source
        original, quick = re.compile(source), re.compile(rewritten)
        assert original.groupindex == quick.groupindex
        for text in sentences:
            assert [(m.span(), m.groups()) for m in original.finditer(text)] == [
                (m.span(), m.groups()) for m in quick.finditer(text)
            ], (source, text)


def test_forms_it_cannot_rewrite_are_left_alone():
    for source in UNCHANGED:
        assert quick_start(source) == source


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghilnorstuy '_.,;-$5é\n019%x", max_size=60))
def test_any_text_gets_the_same_matches(text):
    for source in SOURCES:
        original, quick = re.compile(source), re.compile(quick_start(source))
        assert [(m.span(), m.groups()) for m in original.finditer(text)] == [
            (m.span(), m.groups()) for m in quick.finditer(text)
        ]
        for start in range(0, len(text), 7):  # search from a position: look-behinds see back
            first, second = original.search(text, start), quick.search(text, start)
            assert (first and first.span()) == (second and second.span())
