"""Regression guard on our own hand-labelled answers (tests/data/own_answers*.jsonl).

These sets were written independently of ../shared/eval; the thresholds sit a little below
the current figures so that a change that makes the analyzer clearly worse fails here.

The anti-pattern model (data/answer_model.json) was trained on these very answers, so
the cue rules are also held to their own bar, without it: the figures with the model show it
is scored as it was trained, not how it does on new answers (see tools/ and the commit notes).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bot.analysis import analyze
from bot.bank import default_bank

DATA = Path(__file__).resolve().parents[1] / "data"
CHECKS = ("situation", "task", "action", "result", "metrics", "learning")
ANTI_PATTERNS = (
    "passing_the_buck", "blame_shifting", "profit_over_customer", "good_enough",
    "ignored_defect", "unhelpful_to_peers", "hiding_information", "uniform_management",
    "we_not_i", "hypothetical",
)


def _rows() -> list[dict]:
    rows: list[dict] = []
    for path in sorted(DATA.glob("own_answers*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return rows


ROWS = _rows()


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    return {row["id"]: analyze(row["answer"], row.get("question")) for row in ROWS}


@pytest.fixture(scope="module")
def rules_alone() -> dict[str, object]:
    bank = dataclasses.replace(default_bank(), weights=None)
    return {row["id"]: analyze(row["answer"], row.get("question"), bank=bank) for row in ROWS}


def test_sets_exist():
    assert len(ROWS) >= 90


def test_check_accuracy(results):
    correct = total = 0
    for row in ROWS:
        result = results[row["id"]]
        for check in CHECKS:
            predicted = (
                result.star.parts()[check].present if check in result.star.parts()
                else getattr(result, check).present
            )
            correct += predicted == row["labels"][check]
            total += 1
    assert correct / total >= 0.93


def _macro_f1_and_clean_pass(results) -> tuple[float, float]:
    scores = []
    for rule in ANTI_PATTERNS:
        tp = fp = fn = 0
        for row in ROWS:
            truth = rule in row["labels"]["anti_patterns"]
            predicted = any(f.id == rule for f in results[row["id"]].anti_patterns)
            tp += truth and predicted
            fp += predicted and not truth
            fn += truth and not predicted
        scores.append(_f1(tp, fp, fn))
    clean = [row for row in ROWS if not row["labels"]["anti_patterns"]]
    clean_pass = sum(not results[row["id"]].anti_patterns for row in clean) / len(clean)
    return sum(scores) / len(scores), clean_pass


def test_anti_pattern_macro_f1_and_clean_answers_stay_clean(results):
    macro_f1, clean_pass = _macro_f1_and_clean_pass(results)
    assert macro_f1 >= 0.95
    assert clean_pass >= 0.97


def test_cue_rules_alone_hold_their_own_bar(rules_alone):
    # Sets 13-33 came after the last rule tuning; the rules alone score 0.731 / 0.941 on all
    # (0.773 / 0.952 before sets 22-33, which were written to find where the rules are weak).
    macro_f1, clean_pass = _macro_f1_and_clean_pass(rules_alone)
    assert macro_f1 >= 0.72
    assert clean_pass >= 0.93
