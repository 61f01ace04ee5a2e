"""Schemas of the human-editable files in data/."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ProbeGap = Literal[
    "situation", "task", "action", "ownership", "obstacle", "result", "metrics",
    "tradeoffs", "learning", "why",
]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Principle(_Entry):
    id: str = Field(pattern=r"^[a-z][a-z-]+$")
    name: str = Field(min_length=3)
    short: str = Field(min_length=2, max_length=24)
    summary: str = Field(min_length=10, max_length=200)
    signals: tuple[str, ...] = Field(min_length=3)
    emoji: str = ""

    @field_validator("signals")
    @classmethod
    def _lowercase_signals(cls, signals: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(s.strip().lower() for s in signals if s.strip())


class Question(_Entry):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)
    text: str = Field(min_length=15, max_length=400)
    principles: tuple[str, ...] = Field(min_length=1, max_length=3)
    tags: tuple[str, ...] = ()


class Probe(_Entry):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    gap: ProbeGap
    text: str = Field(min_length=8, max_length=300)
    when: Literal["missing", "present", "any"] = "any"


class AntiPatternRule(_Entry):
    id: str = Field(pattern=r"^[a-z_]+$")
    title: str = Field(min_length=3)
    severity: Literal["major", "minor"]
    why: str = Field(min_length=10)
    advice: str = Field(min_length=10)
    probe: str = Field(min_length=8)


class Hint(_Entry):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=8)
    when: tuple[str, ...] = ()


class LabelWeights(BaseModel):
    """One label's logistic regression (an anti-pattern, or a STAR check being missing):
    intercept and the weight of each term."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    intercept: float
    weights: dict[str, float] = Field(min_length=1)


class AnswerModelWeights(BaseModel):
    """data/answer_model.json: written by tools/train_answer_model.py, not by hand. Terms
    are the lowercase words and within-sentence word pairs of an answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    trained_on: dict[str, int] = Field(min_length=1)  # labelled file -> answers read
    idf: dict[str, float] = Field(min_length=1)
    labels: dict[str, LabelWeights] = Field(min_length=1)

    @field_validator("idf")
    @classmethod
    def _positive_idf(cls, idf: dict[str, float]) -> dict[str, float]:
        bad = [term for term, value in idf.items() if not value > 0]
        if bad:
            raise ValueError(f"idf must be positive; not so for {bad[:3]}")
        return idf
