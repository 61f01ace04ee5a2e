"""A regex rewritten to start quickly finds exactly what the original finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.quickstart import quick_start, single_spaced_reach

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


# How far back an end-anchored check must read (bot/analysis/narrative.py, metrics.py).
REACHES = [
    (r"(?:would|planning to)\s*$", 12),
    (r"(?:was|being) *$", 6),
    (r"\b(?:we|they)\s+$", 5),
    (r"(?:team|crew) of\s*$|\b(?:led|managed)\s+(?:a\s+)?(?:team\s+of\s+)?$", 18),
    (r"x{2,5}(?<!y)(?>ab|c)", 7),
]


@pytest.mark.parametrize(("source", "reach"), REACHES)
def test_a_run_of_whitespace_counts_as_one_character_of_reach(source, reach):
    assert single_spaced_reach(re.compile(source)) == reach


def test_an_unbounded_pattern_reaches_past_any_text():
    assert single_spaced_reach(re.compile(r"we .*ed$")) > 10**6
    assert single_spaced_reach(re.compile(r"(a)\1")) > 10**6


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["would", "planning", "to", "was", "being", "we", "they", "team", "crew", "of", "led", "a",
     "managed", "x", "xxxxx", "ab", "c", "y", "i", "it"],
), min_size=1, max_size=12).map(" ".join), st.sampled_from([" ", ""]))
def test_no_match_in_single_spaced_text_is_longer_than_the_reach(text, end):
    text += end
    for source, reach in REACHES:
        regex = re.compile(source)
        for start in range(len(text) + 1):
            match = regex.match(text, start)
            assert match is None or len(match.group()) <= reach
