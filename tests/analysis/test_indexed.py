"""Indexed phrase patterns find exactly what the plain regex finds."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.cues import near, phrases
from bot.analysis.indexed import gate, indexed

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


NUMBER_WORDS = ("from", "about", "40%", "$1,200", "3x", "to", "2", "of", "12", "hours", "in",
                "users", "down", "1,000,000", "tickets", "cut", "days", "early", "half", "the",
                "zero", "incidents", "per", "week", "twice", "as", "fast", "5.5", "k", "'", ",",
                "~", "~30", "nearly")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=25))
def test_metric_patterns_find_what_the_plain_regex_finds(words):
    from bot.analysis import metrics

    text = " ".join(words)
    patterns = [pattern for _, pattern in metrics._PATTERNS] + [
        metrics._COUNT, metrics._DURATION, metrics._AHEAD_OR_LATE, metrics._DURATION_CONTEXT,
        metrics._NUMBER_WORD,
    ]
    for pattern in patterns:
        plain = re.compile(pattern.pattern)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)]


def _analyzer_patterns():
    import gc

    from bot.analysis import analyze
    from bot.analysis.indexed import IndexedPattern

    analyze("I fixed it.")  # imports every detector module
    return [obj for obj in gc.get_objects() if isinstance(obj, IndexedPattern)]


ANALYZER_PATTERNS = _analyzer_patterns()
# Words the patterns are built from, so that random sentences often come close to a match.
VOCABULARY = sorted({
    word for pattern in ANALYZER_PATTERNS
    for word in re.findall(r"[a-z]{2,}(?:'[a-z]+)?", pattern.pattern)
} | {"i", "we", "the", "my", "our", "it", ",", ".", "'s", "5", "$5", "40%"}
  # Hyperscan reads bytes: characters of several bytes must not hide a match.
  | {"café", "naïve", "über", "€5", "£12", "日本", "🙂", "–", "’"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=20))
def test_every_analyzer_pattern_finds_what_the_plain_regex_finds(words):
    text = " ".join(words)
    for pattern in ANALYZER_PATTERNS:
        plain = re.compile(pattern.pattern)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)], pattern.pattern[:80]
        assert pattern.may_match(text) or not plain.search(text)


def test_no_cue_ends_in_a_single_digit_before_its_word_boundary():
    # "up \d" followed by the (?!\w) boundary can never match "up 27%": such a cue silently
    # misses every number above 9. Cues end with the whole number (\d[\d.,]*) instead; a fixed
    # count of digits ("(?:19|20)\d\d" for a year) is fine.
    for pattern in ANALYZER_PATTERNS:
        assert not re.search(r"(?<!\\d)\\d\)*\(\?!\\w", pattern.pattern), pattern.pattern[:80]


def _labelled_sentences() -> list[str]:
    import json
    from pathlib import Path

    from bot.analysis.text import prepare

    found: list[str] = []
    for path in sorted((Path(__file__).parents[1] / "data").glob("own_answers*.jsonl")):
        for line in path.read_text().splitlines():
            if line.strip():
                found += [s.low for s in prepare(json.loads(line)["answer"]).sentences]
    return found


def test_every_analyzer_pattern_finds_what_the_plain_regex_finds_in_real_answers():
    # Every 7th sentence of our labelled answers (~1,000): real phrasing reaches the long
    # alternatives that random word lists rarely complete.
    sentences = _labelled_sentences()[::7]
    assert len(sentences) > 500
    for pattern in ANALYZER_PATTERNS:
        plain = re.compile(pattern.pattern)
        for text in sentences:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)], (pattern.pattern[:80], text)


def test_a_damaged_pattern_cache_is_rebuilt_and_without_hyperscan_nothing_changes(tmp_path):
    import os
    import subprocess
    import sys

    script = ("from bot.analysis import analyze; a = analyze('I was the lead. It was good enough "
              "so we shipped it and nobody noticed the bug.'); "
              "print(sorted(p.id for p in a.anti_patterns))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, timeout=300, check=True)
    cached = list(tmp_path.rglob("*.hsdb"))
    assert cached, "the pattern database was not cached"
    for path in cached:
        path.write_bytes(b"not a database")
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=300, check=True)
    assert second.stdout == first.stdout
    assert "ignored_defect" in first.stdout
    assert all(path.read_bytes() != b"not a database" for path in cached)
    # Where Hyperscan has no wheel (Python 3.13+), the plain regexes give the same analysis.
    without = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['hyperscan'] = None; " + script],
        env=env, capture_output=True, text=True, timeout=300, check=True)
    assert without.stdout == first.stdout


def test_an_alternative_hyperscan_refuses_still_matches_as_the_plain_regex(caplog):
    # 20,000 characters is past Hyperscan's pattern length: that alternative is tried in
    # every text and the other two still go through the scan.
    pattern = phrases(r"zebra crossing", "a" * 20_000, r"quokka")
    plain = re.compile(pattern.pattern)
    for text in ("a quokka at the zebra crossing", "a" * 20_000, "nothing here", ""):
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)]
    assert pattern.may_match("a" * 20_000)
    from bot.analysis import indexed

    if indexed.hyperscan is not None:
        assert any("Hyperscan refused" in record.message for record in caplog.records)


def test_a_refused_alternative_still_matches_after_a_restart_that_loads_the_cache(tmp_path):
    # The second start reads its database from the cache without working out the loose
    # copies: what it must still know is which alternative the database left out.
    import os
    import subprocess
    import sys

    from bot.analysis import indexed

    if indexed.hyperscan is None:
        pytest.skip("only Hyperscan builds databases")
    script = (
        "from bot.analysis.cues import phrases\n"
        "from bot.analysis import indexed\n"
        "pattern = phrases(r'zebra crossing', 'a' * 20_000, r'quokka')\n"
        "print(bool(pattern.search('x ' + 'a' * 20_000)), bool(pattern.search('a quokka')),\n"
        "      bool(pattern.search('a zebra')), len(indexed._PENDING) == 0)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs, cached = [], []
    for _ in range(2):
        runs.append(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                                   text=True, timeout=300, check=True))
        cached.append(sorted(tmp_path.rglob("*.hsdb")))
    assert [run.stdout.split() for run in runs] == [["True", "True", "False", "True"]] * 2
    assert all("Hyperscan refused" in run.stderr for run in runs)
    assert cached[0] and cached[1] == cached[0], "the second start did not load the cache"


def test_a_gate_says_yes_wherever_one_of_its_regexes_matches():
    sources = [r"\bcant\b", r"\bbc\b|\bcuz\b|\bcause\b(?= i| we)", r"\bw/(?=\s)", r"\bim\b"]
    may_match = gate(sources)
    plain = [re.compile(source) for source in sources]
    texts = [
        *_labelled_sentences()[::7],
        "i cant", "écant", "cant’s", "w/ x", "w/x", "cause i", "because i", "naïve bc",
        "im here", "time", "x—im—y", "",
    ]
    for text in texts:
        if any(regex.search(text) for regex in plain):
            assert may_match(text), text
    assert not may_match("nothing here needs fixing")


def test_the_scan_skips_texts_a_word_boundary_or_start_anchor_rules_out():
    from bot.analysis import indexed

    lead = phrases(r"lead")
    opening = phrases(r"^as (?:a|an) \w+")
    endings = phrases(r"\w+ing")  # a word class beside the boundary: nothing to skip on
    for pattern, texts in (
        (lead, ["i was the lead.", "naïve lead", "lead", "leadé", "(lead)", "misleading",
                "leader", "the leads"]),
        (opening, ["as a nurse", "so as a nurse", "as an", "as a café"]),
        (endings, ["éing", "caféing", "ing", "thing", "café ing"]),
    ):
        plain = re.compile(pattern.pattern)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)], text
            assert pattern.may_match(text) or not plain.search(text), text
    if indexed.hyperscan is not None:
        # Texts the boundary or the anchor rules out never reach the regex.
        assert not lead.may_match("misleading") and not lead.may_match("leader")
        assert not opening.may_match("so as a nurse")
        assert endings.may_match("éing")


def test_a_pattern_added_elsewhere_does_not_confuse_a_cached_database(tmp_path):
    # Ids run in registration order across groups: one more alternative in another group
    # shifts this group's later ids while its expressions stay the same. A database cached
    # by the earlier run must not be loaded with the old ids.
    import os
    import subprocess
    import sys

    script = (
        "from bot.analysis.indexed import IndexedPattern, scan_apart\n"
        "scan_apart('elsewhere.')\n"
        "first = IndexedPattern('', ['alpha'], module='here')\n"
        "other = IndexedPattern('', ['x{{1}}'] * {n}, module='elsewhere.detector')\n"
        "second = IndexedPattern('', ['beta'], module='here')\n"
        "print(bool(first.search('alpha')), bool(second.search('beta')), "
        "bool(other.search('x')))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for n in (1, 2):
        run = subprocess.run([sys.executable, "-c", script.format(n=n)], env=env,
                             capture_output=True, text=True, timeout=300, check=True)
        assert run.stdout.split() == ["True", "True", "True"], (n, run.stdout, run.stderr)


def test_a_pattern_made_after_a_text_was_scanned_still_matches_it():
    # The principles' pattern is made on first use, after the sentences of that first answer
    # were scanned for the other patterns: it must not read that earlier scan as "no match".
    text = "we reached the quetzal milestone in march"
    assert phrases(r"milestone").search(text)
    later = phrases(r"quetzal")
    assert later.may_match(text)
    assert later.search(text).group(0) == "quetzal"
    assert [m.group(0) for m in later.finditer(text)] == ["quetzal"]


def test_patterns_made_one_by_one_after_start_up_are_reported(caplog):
    # Each pattern made after a scan gets a database of its own, scanned on every sentence for
    # good: a loop making patterns slowed the whole test suite threefold before this warning.
    from bot.analysis import indexed as indexed_module

    if indexed_module.hyperscan is None:
        pytest.skip("only Hyperscan builds databases")
    group = "tests.made-one-by-one"
    with caplog.at_level(logging.WARNING, logger="bot.analysis.indexed"):
        for number in range(indexed_module._DATABASES_TO_WARN_AT):
            pattern = indexed(rf"\bquokka{number}\b")
            pattern.group = group  # kept out of the group every other test scans
            assert pattern.search(f"a quokka{number} here")
    assert [record for record in caplog.records if group in record.getMessage()]


# A word list in a group is taken apart into one alternative a word; other shapes are not.
SHAPES = (
    r"\b(?:one|two|a day|half)\b", r"\b(?:one|two)+\b", r"\b(?:one|two) (?:day|week)s?\b",
    r"(?:one|tw[o)|]|\(x\))\b", r"\b(?:on(?:e|ly)|t(?:wo|en))", r"\b(?:one|two)\b|\bhalf\b",
    r"\b(?:|one)\b",
)
SHAPE_WORDS = ("one", "two", "twos", "a", "day", "half", "only", "ten", "tw)", "(x)", "week",
               "weeks", "oneone", "-", "é", "twoday")


# Made once: every pattern made joins the scan's database for good.
SHAPE_PATTERNS = [(indexed(shape), re.compile(shape)) for shape in SHAPES]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHAPE_WORDS), max_size=12), st.sampled_from([" ", "", "-"]))
def test_a_pattern_taken_apart_finds_what_it_finds_whole(words, glue):
    text = glue.join(words)
    for pattern, plain in SHAPE_PATTERNS:
        shape = plain.pattern
        assert spans(pattern.finditer(text)) == spans(plain.finditer(text)), (shape, text)
        first = pattern.search(text)
        assert (first and first.span()) == ((m := plain.search(text)) and m.span()), shape
