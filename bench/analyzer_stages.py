"""Where an answer's time goes: milliseconds per dev answer, stage by stage.

    python bench/analyzer_stages.py [--dev ../shared/eval/dev.jsonl]

Each stage runs on every answer in the order the analyzer needs it, so a stage is charged
for the work it leaves behind for the later ones: "pattern scan" is the scan every check
shares, and each anti-pattern module's own scan counts under "anti-patterns". The first
three lines are the floor every answer pays before any check runs. Best of 12 rounds,
every round cold; this machine's speed drifts by ~20% within minutes, so compare two commits
in alternating runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from analyzer import load_answers  # noqa: E402

from bot.analysis import analyze, candidates, clear_caches, warm_up  # noqa: E402
from bot.analysis.antipatterns import Context, detect  # noqa: E402
from bot.analysis.indexed import CORE  # noqa: E402
from bot.analysis.learned import scorer_for  # noqa: E402
from bot.analysis.learning import find_learning  # noqa: E402
from bot.analysis.metrics import find_metrics  # noqa: E402
from bot.analysis.ownership import count_ownership  # noqa: E402
from bot.analysis.principles import score_principles  # noqa: E402
from bot.analysis.star import find_star  # noqa: E402
from bot.analysis.text import Document, prepare  # noqa: E402
from bot.bank import default_bank  # noqa: E402

ROUNDS = 12


def stages() -> list[tuple[str, Callable[[Document], object]]]:
    bank = default_bank()
    scorer = scorer_for(bank.weights) if bank.weights else None
    judged: dict[int, object] = {}

    def scan(document: Document) -> None:
        for sentence in document.sentences:
            # The group named as the patterns name it: the cache keys on the arguments given.
            candidates(sentence.low, CORE)

    def judge(document: Document) -> None:
        judged[id(document)] = scorer.judge(document.sentences) if scorer else None

    return [
        ("pattern scan", scan),
        ("model", judge),
        ("anti-patterns", lambda d: detect(Context(document=d), judged.pop(id(d), None))),
        ("STAR", find_star),
        ("metrics", find_metrics),
        ("learning", find_learning),
        ("ownership", count_ownership),
        ("principles", lambda d: score_principles(d, bank.principles)),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    args = parser.parse_args()
    answers = load_answers(args.dev)
    warm_up()
    steps = stages()
    best: dict[str, float] = {}
    for _ in range(ROUNDS):
        clear_caches()
        spent = dict.fromkeys(["text preparation", *(name for name, _ in steps)], 0.0)
        for answer in answers:
            start = time.perf_counter()
            document = prepare(answer)
            spent["text preparation"] += time.perf_counter() - start
            for name, step in steps:
                start = time.perf_counter()
                step(document)
                spent[name] += time.perf_counter() - start
        clear_caches()
        start = time.perf_counter()
        for answer in answers:
            analyze(answer)
        spent["whole analysis"] = time.perf_counter() - start
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    per_answer = {name: seconds * 1000 / len(answers) for name, seconds in best.items()}
    whole = per_answer.pop("whole analysis")
    floor = sum(list(per_answer.values())[:3])
    for name, ms in per_answer.items():
        print(f"{name:>17}: {ms:5.2f} ms")
    print(f"{'whole analysis':>17}: {whole:5.2f} ms  ({1000 / whole:,.0f} answers/s)")
    print(f"floor before any check (preparation, scan, model): {floor:.2f} ms "
          f"= at most {1000 / floor:,.0f} answers/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
