"""The cue rules and the trained model decide together (bot/analysis/learned.py).

Small hand-made weights make each side's effect visible; the shipped weights are checked on
answers written for these tests, in none of the labelled files."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.analysis import analyze
from bot.bank import ANTI_PATTERN_IDS, MISSING_CHECK_IDS, AnswerModelWeights, default_bank

BLAME_IN_OTHER_WORDS = (
    "Last spring our checkout page kept timing out during a sale. I was the engineer on call. "
    "The payments squad had pushed a config change that afternoon. I rolled it back within "
    "ten minutes and errors fell from 9% to 0.2%. Afterwards I wrote up how the squad had been "
    "careless and sent it to their director."
)


def bank_with(weights: dict[str, dict[str, float]], intercept: float = -6.0):
    """The default bank with toy weights: every rule very unlikely unless a term says so."""
    terms = {term for label in weights.values() for term in label} | {"the"}
    toy = AnswerModelWeights(
        trained_on={"toy": 1},
        idf=dict.fromkeys(terms, 1.0),
        labels={
            rule_id: {"intercept": intercept, "weights": weights.get(rule_id, {"the": 0.0})}
            for rule_id in (*ANTI_PATTERN_IDS, *MISSING_CHECK_IDS)
        },
    )
    return dataclasses.replace(default_bank(), weights=toy)


def ids(analysis) -> set[str]:
    return {finding.id for finding in analysis.anti_patterns}


def test_the_model_reports_what_the_cues_miss_and_quotes_the_sentence_that_weighed_most():
    bank = bank_with({"blame_shifting": {"careless": 40.0}})
    analysis = analyze(BLAME_IN_OTHER_WORDS, bank=bank)
    finding = next(f for f in analysis.anti_patterns if f.id == "blame_shifting")
    assert finding.evidence.startswith("Afterwards I wrote up how the squad had been careless")
    assert finding.advice and finding.probe


def test_a_cue_hit_the_model_finds_very_unlikely_is_dropped_unless_the_answer_is_short():
    blunt = (
        "In my last job our release slipped by two weeks. It was entirely the vendor's fault: "
        "they shipped the wrong firmware and never told us. I escalated and we got a refund."
    )
    told_in_full = blunt + (
        " For context, I was the integration lead for a fleet of delivery scanners at a "
        "regional courier, about four hundred devices across six depots, and the firmware "
        "update was meant to fix battery drain that drivers had complained about for a month. "
        "The depots kept running on the old firmware in the meantime, and the drivers carried "
        "spare batteries. After the refund the vendor sent a corrected build and the rollout "
        "finished the following sprint."
    )
    very_unlikely = bank_with({}, intercept=-6.0)
    assert "blame_shifting" in ids(analyze(told_in_full, bank=bank_with({}, intercept=0.0)))
    assert "blame_shifting" not in ids(analyze(told_in_full, bank=very_unlikely))
    # Too few words for the model to be sure of anything: the cue stands.
    assert "blame_shifting" in ids(analyze(blunt, bank=very_unlikely))


HABITS_NOT_A_STORY = (
    "When a customer complaint backlog builds up during the quarterly statement run, I would "
    "usually start by sorting the backlog by age so the oldest cases are seen first. Normally I "
    "would ask each agent on the team to take the oldest cases before anything new, and I would "
    "check in with them every morning to see what is stuck. I'd typically also talk to the "
    "operations manager about moving the statement run to a quieter week. In my experience that "
    "would bring the backlog down within a couple of weeks, and I would always write up what we "
    "learned so the next quarter goes more smoothly for the agents and for our customers."
)


def test_the_star_parts_follow_the_hypothetical_finding_whoever_made_it():
    def parts(analysis) -> dict[str, float]:
        return {name: part.score for name, part in analysis.star.parts().items()}

    # The model alone finds a story told as habits: no part is credited, and the member is
    # told why.
    told = analyze(BLAME_IN_OTHER_WORDS, bank=bank_with({"hypothetical": {"careless": 40.0}}))
    assert "hypothetical" in ids(told)
    assert not any(part.present for part in told.star.parts().values())
    # The cues find habit talk: the parts are capped as well.
    no_model = dataclasses.replace(default_bank(), weights=None)
    flagged = analyze(HABITS_NOT_A_STORY, bank=no_model)
    assert "hypothetical" in ids(flagged)
    assert parts(flagged)["situation"] <= 0.3
    # The model overrules those cues: no finding, so the situation is credited in full.
    overruled = analyze(HABITS_NOT_A_STORY, bank=bank_with({}, intercept=-6.0))
    assert "hypothetical" not in ids(overruled)
    assert parts(overruled)["situation"] == 1.0


def test_a_part_only_the_model_finds_is_quoted_from_where_that_part_is_usually_told():
    # The rules find no task at all; the model finds one, and its words weigh most in the
    # closing sentence. A task is told early, so the quote comes from the first part.
    bank = bank_with({"missing_task": {"smoothly": -20.0, "backlog": -5.0}})
    task = analyze(HABITS_NOT_A_STORY, bank=bank).star.task
    assert task.present
    assert task.evidence == [HABITS_NOT_A_STORY.split(". ")[0] + "."]


def test_without_weights_the_cue_rules_decide_alone():
    answer = "It was entirely the vendor's fault: they shipped the wrong firmware. " * 3
    no_model = dataclasses.replace(default_bank(), weights=None)
    assert "blame_shifting" in ids(analyze(answer, bank=no_model))


def test_shipped_weights_keep_a_plain_blame_story_and_pass_an_owned_one():
    blame = (
        "Last spring our checkout page kept timing out during the biggest sale of the year, "
        "and I was the engineer on call. The payments squad had pushed a config change that "
        "afternoon without telling anyone. It was their fault, not mine, and I made sure their "
        "director knew it. I rolled the change back within ten minutes and errors fell from 9% "
        "to 0.2%. My manager agreed nothing on our side could have prevented it."
    )
    assert "blame_shifting" in ids(analyze(blame))
    owned = (
        "Last spring our checkout page kept timing out during a sale, and I was the engineer "
        "on call. I traced it to a config change I had reviewed and approved that afternoon. "
        "I rolled it back within ten minutes, told my manager and the payments squad what I "
        "had missed, and errors fell from 9% to 0.2%. I then added a canary check to our "
        "deploy pipeline so a change like that stops itself. I learned to test config like "
        "code, and we have had no repeat in eight months."
    )
    assert ids(analyze(owned)) == set()


NO_RESULT_TOLD = (
    "At a regional bakery chain I ran the night shift at our biggest plant, about forty "
    "people across two lines. Our ovens kept tripping during peak hours, which meant "
    "half-baked trays, angry store managers in the morning and overtime for my team. I owned "
    "getting that fixed, because nobody on days saw it happen. I logged every trip for two "
    "weeks on a clipboard by the panel, then sat down with the maintenance electrician and "
    "the logs. We found the trips lined up with the dishwasher cycle, which shared a circuit "
    "with the second oven. I moved the dishwasher to run between bakes, wrote the new "
    "schedule on the board, and briefed both shifts on why it mattered."
)
SHORT_NO_RESULT = "I ran the night shift at a bakery. I logged every oven trip for two weeks."


def test_a_part_the_rules_miss_but_the_model_finds_clearly_told_counts_as_present():
    rules_only = analyze(NO_RESULT_TOLD, bank=dataclasses.replace(default_bank(), weights=None))
    assert not rules_only.star.result.present

    undecided = bank_with({}, intercept=0.0)
    assert not analyze(NO_RESULT_TOLD, bank=undecided).star.result.present
    sure_it_is_told = bank_with({"missing_result": {"dishwasher": -40.0}}, intercept=0.0)
    result = analyze(NO_RESULT_TOLD, bank=sure_it_is_told).star.result
    assert result.present
    assert result.evidence and result.evidence[0] in NO_RESULT_TOLD


def test_in_a_short_answer_the_model_cannot_overrule_the_rules():
    sure_it_is_told = bank_with({"missing_result": {"logged": -40.0}}, intercept=0.0)
    assert not analyze(SHORT_NO_RESULT, bank=sure_it_is_told).star.result.present


def test_the_model_never_turns_a_part_the_rules_found_into_a_missing_one():
    sure_it_is_missing = bank_with({"missing_situation": {"bakery": 40.0}}, intercept=6.0)
    assert analyze(NO_RESULT_TOLD, bank=sure_it_is_missing).star.situation.present


def test_the_model_reads_the_same_words_whatever_the_answer_is_written_in():
    # An emoji, or a word the model does not know written with an accent, must not change what
    # it makes of the rest.
    from bot.analysis.learned import scorer_for
    from bot.analysis.text import prepare

    def judged(answer: str) -> dict[str, float]:
        return scorer_for(default_bank().weights).judge(prepare(answer).sentences).probabilities

    plain = judged(BLAME_IN_OTHER_WORDS)
    assert judged(BLAME_IN_OTHER_WORDS + " 🙂") == plain
    assert judged(BLAME_IN_OTHER_WORDS.replace("careless", "careless 🙂")) == plain
    assert judged("Zébulon. " + BLAME_IN_OTHER_WORDS) == plain
    assert judged(BLAME_IN_OTHER_WORDS + " It was their fault.") != plain  # not blind


def _probabilities_from_terms(weights: AnswerModelWeights, sentences) -> dict[str, float]:
    """The model's sums done the slow, plain way, over sentence_terms(): what the training
    tool fed it."""
    from bot.analysis.learned import sentence_terms

    counts = Counter(
        term for sentence in sentences for term in sentence_terms(sentence.low)
        if term in weights.idf
    )
    values = {term: (1 + math.log(n)) * weights.idf[term] for term, n in counts.items()}
    norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
    return {
        label: 1 / (1 + math.exp(-(weights_of.intercept + sum(
            value * weights_of.weights.get(term, 0.0) for term, value in values.items()
        ) / norm)))
        for label, weights_of in weights.labels.items()
    }


# Words the shipped model knows, and what can sit in or beside them: letters and digits of
# other scripts (\w, as far as the regexes go), other characters, one-letter words, "_".
_SHIPPED_WORDS = ["their", "fault", "careless", "the", "team", "blamed", "vendor", "i", "we"]
_ANYTHING_NEAR_A_WORD = [
    "é", "café", "naïve", "ß", "日本", "٣", "ǅ", "🙂", "—", "£", "€5", "x", "_", "it_", "'", "’",
    "-", ".", ". ", "\n", "?", "!", "a1", "zé", "\u0301", "\u200b", "zé🙂", "🙂é", "日本。",
]
_TOY = AnswerModelWeights(  # words of its own outside ASCII and with a "_": the regex route
    trained_on={"toy": 1},
    idf={"café": 2.0, "on_call": 1.5, "the": 1.0, "café the": 3.0, "their fault": 2.5,
         "fault": 1.2, "their": 1.1},
    labels={"blame_shifting": {"intercept": -1.0, "weights": {
        "café": 0.7, "on_call": -0.4, "the": 0.1, "café the": 1.3, "their fault": 2.0}}},
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SHIPPED_WORDS + _ANYTHING_NEAR_A_WORD + ["on_call", "Café"]),
                min_size=1, max_size=24).map(lambda pieces: " ".join(pieces).replace(" _", "_")),
       st.sampled_from(["shipped", "toy"]))
@example("the 日本。 vendor", "shipped")  # a word of mixed characters parts a known pair
@example("the zé vendor", "shipped")
@example("the café the on_call", "toy")
def test_the_model_weighs_exactly_the_terms_it_was_trained_on(text, weights_name):
    from bot.analysis.learned import scorer_for
    from bot.analysis.text import prepare

    weights = default_bank().weights if weights_name == "shipped" else _TOY
    sentences = prepare(text).sentences
    if not sentences:
        return
    judged = scorer_for(weights).judge(sentences).probabilities
    expected = _probabilities_from_terms(weights, sentences)
    assert judged == pytest.approx(expected, rel=1e-9, abs=1e-12)
