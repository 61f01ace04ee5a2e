"""The analysis result. Its JSON form is the contract in ../shared/eval/README.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

StarPartName = Literal["situation", "task", "action", "result"]
STAR_PARTS: tuple[StarPartName, ...] = ("situation", "task", "action", "result")
Severity = Literal["major", "minor"]


class StarPart(BaseModel):
    present: bool
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)


class Star(BaseModel):
    situation: StarPart
    task: StarPart
    action: StarPart
    result: StarPart

    def parts(self) -> dict[str, StarPart]:
        return {name: getattr(self, name) for name in STAR_PARTS}

    @property
    def complete(self) -> bool:
        return all(part.present for part in self.parts().values())


class Metrics(BaseModel):
    present: bool
    found: list[str] = Field(default_factory=list)


class Learning(BaseModel):
    present: bool
    evidence: list[str] = Field(default_factory=list)


class Ownership(BaseModel):
    i: int
    we: int
    ratio: float = Field(ge=0.0, le=1.0, description="i / (i + we); 1.0 when neither is used")


class AntiPatternFinding(BaseModel):
    id: str
    severity: Severity
    evidence: str = Field(description="the sentence that triggered it, quoted")
    why: str = ""
    advice: str = ""
    probe: str = ""


class PrincipleScore(BaseModel):
    id: str
    score: float = Field(ge=0.0, le=1.0)


class Analysis(BaseModel):
    """Everything STAR Coach says about one answer."""

    id: str | None = None
    outcome: Literal["analysed", "too_short", "empty"] = "analysed"
    notices: list[str] = Field(default_factory=list)
    star: Star
    metrics: Metrics
    learning: Learning
    ownership: Ownership
    anti_patterns: list[AntiPatternFinding] = Field(default_factory=list)
    principles: list[PrincipleScore] = Field(default_factory=list)
    target_principles: list[str] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    word_count: int
    speaking_seconds: int
    score: int = Field(ge=0, le=100)

    @property
    def star_complete(self) -> bool:
        return self.star.complete
