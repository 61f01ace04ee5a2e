"""Count "I" against "we": who the story says did the work."""

from __future__ import annotations

import re

from bot.analysis.indexed import match_counter
from bot.analysis.models import Ownership
from bot.analysis.text import Document, ascii_stand_in

# Each word is counted where it stands alone: (?<![\w']) before it, (?![\w']) after it. The look
# behind comes after the first letter, so the regex engine can jump between the letters a word
# can start with instead of trying every position (the same matches, ~3x faster).
_I_WORDS = re.compile(
    r"(?:i(?<![\w']i)(?:'m|'ve|'d|'ll)?|m(?<![\w']m)(?:e|y(?! team)|ine|yself))(?![\w'])"
)
_WE_WORDS = re.compile(
    r"(?:w(?<![\w']w)e(?:'re|'ve|'d|'ll)?|u(?<![\w']u)s|o(?<![\w']o)ur(?:s|selves)?"
    r"|t(?<![\w']t)he team|m(?<![\w']m)y team)(?![\w'])"
)


# The same words as Hyperscan patterns, read in ASCII (the two regexes take 48 us a dev answer
# in a real run, these 27; the regexes stay where Hyperscan is missing). Each word is found
# with the characters on either side of it, so that it ends once; the text is given a line
# break at each end. "my" before " team" is counted, then taken off again.
_EDGE = r"[^0-9A-Za-z_']"  # what (?<![\w']) and (?![\w']) let through, in ASCII
_I_MY_TEAM_WE = match_counter([
    rf"{_EDGE}(?:i(?:'m|'ve|'d|'ll)?|me|my|mine|myself){_EDGE}",
    rf"{_EDGE}my team",
    rf"{_EDGE}(?:we(?:'re|'ve|'d|'ll)?|us|our(?:s|selves)?|the team|my team){_EDGE}",
])


def count_ownership(document: Document) -> Ownership:
    # One pass over all the sentences: a line break is none of [\w'] and no word holds one,
    # so each sentence's words are counted as they would be alone.
    text = "\n".join([sentence.low for sentence in document.sentences])
    if _I_MY_TEAM_WE is not None:
        # The words are ASCII, and of what is beside them only a word character, an apostrophe
        # or a space tells: ascii_stand_in() keeps just that of any other character.
        i_or_my, my_team, we_count = _I_MY_TEAM_WE(b"\n" + ascii_stand_in(text) + b"\n")
        i_count = i_or_my - my_team
    else:
        i_count = len(_I_WORDS.findall(text))
        we_count = len(_WE_WORDS.findall(text))
    total = i_count + we_count
    ratio = round(i_count / total, 2) if total else 1.0
    return Ownership(i=i_count, we=we_count, ratio=ratio)
