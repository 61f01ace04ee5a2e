"""Load and validate every file in data/, reporting all problems in one message."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.bank.models import AnswerModelWeights, AntiPatternRule, Hint, Principle, Probe, Question

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
MIN_QUESTIONS_PER_PRINCIPLE = 8
WEIGHTS_FILE = "answer_model.json"

ANTI_PATTERN_IDS = (
    "passing_the_buck", "blame_shifting", "profit_over_customer", "good_enough",
    "ignored_defect", "unhelpful_to_peers", "hiding_information", "uniform_management",
    "we_not_i", "hypothetical",
)

# The answer model also says how likely each STAR check is missing (see bot/analysis/learned.py).
MISSING_CHECK_IDS = tuple(
    f"missing_{check}"
    for check in ("situation", "task", "action", "result", "metrics", "learning")
)

Model = TypeVar("Model", bound=BaseModel)


class DataError(Exception):
    """A data file is missing or invalid. The message names file, entry and field."""


@dataclass(frozen=True)
class Bank:
    """Everything STAR Coach coaches from, validated."""

    principles: tuple[Principle, ...]
    questions: tuple[Question, ...]
    probes: tuple[Probe, ...]
    anti_patterns: tuple[AntiPatternRule, ...]
    hints: tuple[Hint, ...]
    weights: AnswerModelWeights | None = None

    def principle(self, principle_id: str) -> Principle:
        return self._principles_by_id[principle_id]

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def questions_for(self, principle_id: str) -> list[Question]:
        return [q for q in self.questions if principle_id in q.principles]

    def anti_pattern(self, rule_id: str) -> AntiPatternRule:
        return self._rules_by_id[rule_id]

    def probes_for(self, gap: str) -> list[Probe]:
        return list(self._probes_by_gap.get(gap, ()))

    @cached_property
    def _probes_by_gap(self) -> dict[str, tuple[Probe, ...]]:
        by_gap: dict[str, list[Probe]] = {}
        for probe in self.probes:
            by_gap.setdefault(probe.gap, []).append(probe)
        return {gap: tuple(probes) for gap, probes in by_gap.items()}

    @property
    def principle_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)

    @cached_property
    def _principles_by_id(self) -> dict[str, Principle]:
        return {p.id: p for p in self.principles}

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _rules_by_id(self) -> dict[str, AntiPatternRule]:
        return {r.id: r for r in self.anti_patterns}


def _read(
    path: Path, errors: list[str], kind: str, parse: Callable[[bytes], Any], rebuild: str = ""
) -> Any:
    """The parsed file, or None with the reason added to `errors`."""
    try:
        return parse(path.read_bytes())
    except FileNotFoundError:
        errors.append(f"{path}: file is missing{rebuild}")
    except (ValueError, UnicodeDecodeError) as exc:  # TOML and JSON syntax errors included
        errors.append(f"{path}: not valid {kind} ({exc})")
    except OSError as exc:
        errors.append(f"{path}: cannot be read ({exc.strerror})")
    return None


def _read_toml(path: Path, errors: list[str]) -> dict[str, Any]:
    return _read(path, errors, "TOML", lambda data: tomllib.loads(data.decode("utf-8"))) or {}


def _problems(path: Path, where: str, exc: ValidationError, errors: list[str]) -> None:
    """One line per pydantic problem, naming the file, the entry and the field."""
    for problem in exc.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "(entry)"
        errors.append(f"{path}: {where}field '{field}': {problem['msg']}")


def _entries(
    path: Path, table: str, model: type[Model], errors: list[str]
) -> list[Model]:
    document = _read_toml(path, errors)
    raw_entries = document.get(table, []) if document else []
    if document and not isinstance(raw_entries, list):
        errors.append(f"{path}: '{table}' must be an array of tables ([[{table}]])")
        return []
    if document and not raw_entries:
        errors.append(f"{path}: no [[{table}]] entries")
    parsed: list[Model] = []
    for number, raw in enumerate(raw_entries, start=1):
        label = f"{table} #{number}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label += f" (id '{raw['id']}')"
        try:
            parsed.append(model.model_validate(raw))
        except ValidationError as exc:
            _problems(path, f"{label}, ", exc, errors)
    return parsed


def _read_weights(path: Path, errors: list[str]) -> AnswerModelWeights | None:
    raw = _read(
        path, errors, "JSON", json.loads, " (rebuild it: python tools/train_answer_model.py)"
    )
    if raw is None:
        return None
    try:
        weights = AnswerModelWeights.model_validate(raw)
    except ValidationError as exc:
        _problems(path, "", exc, errors)
        return None
    unknown = sorted(set(weights.labels) - set(ANTI_PATTERN_IDS) - set(MISSING_CHECK_IDS))
    if unknown:
        errors.append(f"{path}: field 'labels': unknown ids {', '.join(unknown)}")
    for rule_id, label in weights.labels.items():
        missing = [term for term in label.weights if term not in weights.idf]
        if missing:
            errors.append(
                f"{path}: labels.{rule_id}, field 'weights': terms without an idf: "
                f"{', '.join(missing[:3])}"
            )
    return weights


def _duplicates(path: Path, table: str, ids: Iterable[str], errors: list[str]) -> None:
    for entry_id, count in Counter(ids).items():
        if count > 1:
            errors.append(f"{path}: {table} id '{entry_id}' is used {count} times")


def load_bank(data_dir: Path | str = DEFAULT_DATA_DIR) -> Bank:
    """Read data/*.toml and the answer model; raise DataError listing every problem found."""
    root = Path(data_dir)
    errors: list[str] = []
    paths = {
        name: root / f"{name}.toml"
        for name in ("principles", "questions", "probes", "anti_patterns", "hints")
    }
    principles = _entries(paths["principles"], "principle", Principle, errors)
    questions = _entries(paths["questions"], "question", Question, errors)
    probes = _entries(paths["probes"], "probe", Probe, errors)
    rules = _entries(paths["anti_patterns"], "anti_pattern", AntiPatternRule, errors)
    hints = _entries(paths["hints"], "hint", Hint, errors)
    weights = _read_weights(root / WEIGHTS_FILE, errors)

    _duplicates(paths["principles"], "principle", (p.id for p in principles), errors)
    _duplicates(paths["questions"], "question", (q.id for q in questions), errors)
    _duplicates(paths["probes"], "probe", (p.id for p in probes), errors)
    _duplicates(paths["anti_patterns"], "anti_pattern", (r.id for r in rules), errors)
    _duplicates(paths["hints"], "hint", (h.id for h in hints), errors)

    known = {p.id for p in principles}
    for number, question in enumerate(questions, start=1):
        for principle_id in question.principles:
            if known and principle_id not in known:
                errors.append(
                    f"{paths['questions']}: question #{number} (id '{question.id}'), "
                    f"field 'principles': unknown principle id '{principle_id}'"
                )
    if principles and questions:
        for principle in principles:
            count = sum(principle.id in q.principles for q in questions)
            if count < MIN_QUESTIONS_PER_PRINCIPLE:
                errors.append(
                    f"{paths['questions']}: principle '{principle.id}' has {count} questions, "
                    f"at least {MIN_QUESTIONS_PER_PRINCIPLE} are needed"
                )
    if rules:
        missing = sorted(set(ANTI_PATTERN_IDS) - {r.id for r in rules})
        unknown = sorted({r.id for r in rules} - set(ANTI_PATTERN_IDS))
        if missing:
            errors.append(f"{paths['anti_patterns']}: missing rules for {', '.join(missing)}")
        if unknown:
            errors.append(f"{paths['anti_patterns']}: unknown rule ids {', '.join(unknown)}")
    if probes:
        for gap in ("situation", "task", "action", "result", "metrics", "learning"):
            if not any(p.gap == gap for p in probes):
                errors.append(f"{paths['probes']}: no probe for the gap '{gap}'")

    if errors:
        shown = errors[:20]
        more = f"\n  … and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise DataError(
            f"{len(errors)} problem(s) in the data files:\n  " + "\n  ".join(shown) + more
        )
    return Bank(
        principles=tuple(principles),
        questions=tuple(questions),
        probes=tuple(probes),
        anti_patterns=tuple(rules),
        hints=tuple(hints),
        weights=weights,
    )


@cache
def default_bank() -> Bank:
    """The bank from the project's data/ directory, loaded once per process."""
    return load_bank(DEFAULT_DATA_DIR)
