"""Every data file validates; a broken one fails with the file, entry and field named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.bank import ANTI_PATTERN_IDS, DataError, load_bank
from bot.bank.loader import DEFAULT_DATA_DIR

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "amazon-stories.md"


def test_every_data_file_loads():
    bank = load_bank()
    assert len(bank.principles) == 16
    assert len(bank.questions) >= 128
    assert {rule.id for rule in bank.anti_patterns} == set(ANTI_PATTERN_IDS)
    for principle in bank.principles:
        assert len(bank.questions_for(principle.id)) >= 8, principle.id


def test_frugality_is_covered_although_the_seed_lacks_it():
    assert len(load_bank().questions_for("frugality")) >= 8


def test_seed_questions_are_in_the_bank_with_the_seed_mapping():
    bank = load_bank()
    expected = {
        "seed-1": {"customer-obsession", "learn-and-be-curious"},
        "seed-2": {"bias-for-action", "deliver-results"},
        "seed-3": {"customer-obsession", "deliver-results"},
        "seed-4": {"deliver-results", "dive-deep", "bias-for-action"},
        "seed-5": {"invent-and-simplify", "customer-obsession"},
        "seed-6": {"have-backbone-disagree-and-commit", "ownership"},
        "seed-7": {"have-backbone-disagree-and-commit", "insist-on-the-highest-standards"},
        "seed-8": {"insist-on-the-highest-standards", "dive-deep"},
        "seed-9": {"learn-and-be-curious", "dive-deep"},
    }
    for question_id, principles in expected.items():
        question = bank.question(question_id)
        assert question is not None
        assert set(question.principles) == principles
    if SEED.exists():
        seed_text = SEED.read_text()
        for question_id in expected:
            assert bank.question(question_id).text in seed_text


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def test_broken_entry_names_file_entry_and_field(data_copy: Path):
    questions = data_copy / "questions.toml"
    text = questions.read_text()
    questions.write_text(text.replace('principles = ["customer-obsession", "learn-and-be-curious"]',
                                      'principles = ["customer-obsesion"]', 1))
    with pytest.raises(DataError) as error:
        load_bank(data_copy)
    message = str(error.value)
    assert "questions.toml" in message
    assert "seed-1" in message
    assert "principles" in message
    assert "customer-obsesion" in message


def test_invalid_toml_and_missing_file_are_reported_together(data_copy: Path):
    (data_copy / "probes.toml").write_text("[[probe]\nid = ")
    (data_copy / "hints.toml").unlink()
    with pytest.raises(DataError) as error:
        load_bank(data_copy)
    message = str(error.value)
    assert "probes.toml: not valid TOML" in message
    assert "hints.toml: file is missing" in message


def test_missing_field_is_named(data_copy: Path):
    rules = data_copy / "anti_patterns.toml"
    rules.write_text(rules.read_text().replace('severity = "minor"\n', "", 1))
    with pytest.raises(DataError) as error:
        load_bank(data_copy)
    assert "field 'severity'" in str(error.value)


def test_damaged_anti_pattern_weights_name_the_file_and_field(data_copy: Path):
    weights_file = data_copy / "answer_model.json"
    weights = json.loads(weights_file.read_text())
    weights["labels"]["blame_shifting"]["intercept"] = "high"
    weights_file.write_text(json.dumps(weights))
    with pytest.raises(DataError) as error:
        load_bank(data_copy)
    message = str(error.value)
    assert "answer_model.json" in message
    assert "labels.blame_shifting.intercept" in message

    weights["labels"]["blame_shifting"]["intercept"] = 0.5
    weights["labels"]["blame_shfting"] = weights["labels"]["hypothetical"]
    weights_file.write_text(json.dumps(weights))
    with pytest.raises(DataError, match="unknown ids blame_shfting"):
        load_bank(data_copy)


def test_truncated_or_missing_weights_say_how_to_rebuild(data_copy: Path):
    weights_file = data_copy / "answer_model.json"
    weights_file.write_text(weights_file.read_text()[:500])
    with pytest.raises(DataError, match=r"answer_model\.json: not valid JSON"):
        load_bank(data_copy)
    weights_file.unlink()
    with pytest.raises(DataError, match=r"train_answer_model\.py"):
        load_bank(data_copy)


def test_weights_were_never_trained_on_the_dev_answers():
    trained_on = load_bank().weights.trained_on
    assert any(name.startswith("train-") for name in trained_on)
    assert not any("dev" in name for name in trained_on)


def test_answer_model_was_retrained_after_the_last_labelled_answers_were_added():
    """Adding labelled answers without retraining would leave them unused (and the guard in
    tests/analysis/test_labelled_sets.py would judge the model on answers it never saw)."""
    trained_on = load_bank().weights.trained_on
    labelled = Path(__file__).parent / "data"
    for path in sorted(labelled.glob("own_answers*.jsonl")):
        answers = sum(1 for line in path.read_text().splitlines() if line.strip())
        assert trained_on.get(path.name) == answers, (
            f"{path.name}: retrain with python tools/train_answer_model.py"
        )
