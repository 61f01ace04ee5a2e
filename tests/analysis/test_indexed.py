"""Indexed phrase patterns find exactly what the plain regex finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.cues import near, phrases

ITEMS = (
    r"good enough", r"(?:so )?(?:we|i) left it", r"struggl\w*", r"i(?:'d| would) (?:\w{1,30} )?own",
    near(r"(?:didn't|did not) want", r"(?:blame\w*|my name)", 4), r"^our (?:\w{1,30} ){0,3}had",
    r"[$£€]\s?\d[\d,.]{0,20}", r"(?:, |; )but i",
)
WORDS = ("good", "enough", "so", "we", "i", "left", "it", "struggling", "i'd", "own", "didn't",
         "want", "the", "blame", "my", "name", "our", "team", "had", "$5,000", ",", "but", "would")
PATTERN = phrases(*ITEMS)
PLAIN = re.compile(PATTERN.pattern)


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_the_combined_pattern_is_the_plain_phrases_pattern():
    assert PATTERN.pattern.startswith(r"(?<!\w)(?<!\w')(?:")
    assert spans(PATTERN.finditer("it was good enough, so we left it")) == spans(
        PLAIN.finditer("it was good enough, so we left it"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_same_matches_as_the_plain_regex(words):
    text = " ".join(words)
    assert spans(PATTERN.finditer(text)) == spans(PLAIN.finditer(text))
    assert bool(PATTERN.search(text)) == bool(PLAIN.search(text))
    if PLAIN.search(text):
        assert PATTERN.may_match(text)
