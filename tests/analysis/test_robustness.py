"""Any string gets a result or a clear outcome, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.analysis import analyze
from bot.analysis.text import normalise_for_matching, prepare


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_is_analysed(text):
    result = analyze(text)
    assert 0 <= result.score <= 100
    assert result.outcome in ("analysed", "too_short", "empty")


@settings(max_examples=30, deadline=None)
@given(
    unit=st.sampled_from([
        "a", "I ", "we ", "ab ", "1,", "$1 ", "from 1 to ", "i was the ", "—", "**", "\n- ",
        "didn't tell my manager ", ". ", "\x00", "\u202e", "instead of ", "e.g. ",
    ]),
    repeats=st.integers(min_value=1, max_value=6000),
)
def test_pathological_repeats(unit, repeats):
    result = analyze(unit * repeats)
    assert 0 <= result.score <= 100



@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "I", "didnt", "could of", "bc", "w/", "—", "–", "’", "“", "ﬁx", "①", "\u3000", "\xa0",
    "\u2003", "\t", " ", "  ", ".", "\n", "- ", "**", "Ünïcode", "ok", "e.g.", "🙂", "\u2028",
    "\x85", "\x1c", "\u200b", "¨",
]), max_size=40).map("".join))
def test_every_sentence_is_matched_in_the_form_its_own_text_folds_to(text):
    # Sentences are folded together in one pass for speed, and a line already single-spaced is
    # not split again: that must never differ from folding and spacing each sentence's own text
    # (dashes, wide and odd spaces, dropped emoji and ligatures included).
    document = prepare(text)
    for sentence in document.sentences:
        assert sentence.text == " ".join(sentence.text.split())
        assert sentence.low == normalise_for_matching(sentence.text)
    assert document.word_count == sum(len(s.text.split()) for s in document.sentences)


def test_fifty_thousand_characters():
    text = ("We shipped it and I learned a lot. " * 1500)[:50_000]
    result = analyze(text)
    assert result.notices
    assert result.word_count > 0


def test_control_characters_and_other_scripts():
    for text in ("\x01\x02\x03 hello", "我负责这个项目，结果提高了30%。", "Ich habe 20 % gespart.",
                 "مرحبا", "\ufeff\u200bI did it"):
        assert analyze(text).score >= 0


def test_chat_spelling_is_read_as_the_words_it_stands_for():
    from bot.analysis.text import normalise_for_matching

    assert normalise_for_matching(
        "I didnt know, could of asked. Im sure tbh, bc ppl were busy w/ the launch — thru "
        "Friday. Time flies; I’ve an idea."
    ) == (
        "i didn't know, could have asked. i'm sure honestly, because people were busy with the "
        "launch - through friday. time flies; i've an idea."
    )
