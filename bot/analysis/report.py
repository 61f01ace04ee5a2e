"""Plain-text report of an Analysis, for the terminal."""

from __future__ import annotations

import textwrap

from bot.analysis.models import Analysis
from bot.analysis.scoring import words_spoken

_WIDTH = 88


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_report(analysis: Analysis) -> str:
    minutes, seconds = divmod(analysis.speaking_seconds, 60)
    lines: list[str] = [f"Score {analysis.score}/100 · {words_spoken(analysis.word_count)} · "
                        f"about {minutes}m{seconds:02d}s spoken"]
    for notice in analysis.notices:
        lines.append(_wrap("! " + notice, ""))
    if analysis.outcome == "empty":
        return "\n".join(lines)

    lines.append("\nSTAR")
    for name, part in analysis.star.parts().items():
        mark = "✓" if part.present else "✗"
        lines.append(f"  {mark} {name.capitalize():<10} {part.score:.2f}")
        if part.present and part.evidence:
            lines.append(_wrap(f"“{_quote(part.evidence[0], 140)}”", "      "))
    metrics = analysis.metrics
    metric_text = ("✓ " + ", ".join(metrics.found[:5]) if metrics.present
                   else "✗ none: metrics or die — add a number for the outcome")
    lines.append(f"\nMetrics     {metric_text}")
    own = analysis.ownership
    lines.append(f"Ownership   “I” {own.i} · “we” {own.we} · I-share {own.ratio:.0%}")
    learning = analysis.learning
    lesson_text = ("✓ “" + _quote(learning.evidence[0], 120) + "”" if learning.present
                   else "✗ none stated: say what you learned or would do differently")
    lines.append(f"Lesson      {lesson_text}")
    if analysis.anti_patterns:
        lines.append("\nWatch out")
        for finding in analysis.anti_patterns:
            lines.append(f"  • {finding.id.replace('_', ' ')} ({finding.severity})")
            lines.append(_wrap(f"“{_quote(finding.evidence)}”", "      "))
            lines.append(_wrap(f"Why: {finding.why}", "      "))
            lines.append(_wrap(f"Instead: {finding.advice}", "      "))
    if analysis.principles:
        shown = ", ".join(f"{p.id} {p.score:.2f}" for p in analysis.principles)
        lines.append(f"\nPrinciples  {shown}")
    if analysis.follow_ups:
        lines.append("\nA bar raiser would ask next")
        lines.extend(_wrap(f"→ {probe}", "  ") for probe in analysis.follow_ups)
    return "\n".join(lines)
