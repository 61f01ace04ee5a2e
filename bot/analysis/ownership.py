"""Count "I" against "we": who the story says did the work."""

from __future__ import annotations

import re

from bot.analysis.models import Ownership
from bot.analysis.text import Document

_I_WORDS = re.compile(r"(?<![\w'])(?:i|me|my(?! team)|mine|myself|i'm|i've|i'd|i'll)(?![\w'])")
_WE_WORDS = re.compile(
    r"(?<![\w'])(?:we|us|our|ours|ourselves|we're|we've|we'd|we'll|the team|my team)(?![\w'])"
)


def count_ownership(document: Document) -> Ownership:
    i_count = sum(len(_I_WORDS.findall(s.low)) for s in document.sentences)
    we_count = sum(len(_WE_WORDS.findall(s.low)) for s in document.sentences)
    total = i_count + we_count
    ratio = round(i_count / total, 2) if total else 1.0
    return Ownership(i=i_count, we=we_count, ratio=ratio)
