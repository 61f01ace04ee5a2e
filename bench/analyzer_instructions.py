"""Analyzer cost in CPU instructions per dev answer, counted by valgrind: the same count on
every run, however busy the machine is (wall-clock figures here swing by a quarter).

    python bench/analyzer_instructions.py [--dev ../shared/eval/dev.jsonl]

Runs the analyzer under callgrind twice, once with one cold round over the dev answers and
once with three, and prints the difference per answer: start-up and warm-up cancel out.
Takes 3-5 minutes (the two runs go side by side). Needs valgrind (`apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from analyzer import load_answers  # noqa: E402

# The answers are read by the script itself: spelled out on its command line, the ~3,000 answers
# read when the dev set is missing passed the kernel's limit on an argument's length.
_ROUNDS = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from analyzer import load_answers
from bot.analysis import analyze, clear_caches, warm_up
from bot.bank import default_bank
default_bank()
warm_up()
answers = load_answers(Path({dev!r}))
for _ in range({rounds}):
    clear_caches()
    for answer in answers:
        analyze(answer)
"""


# Two things moved the count by up to ~2% between runs of the same code: OpenBLAS's worker
# thread, which valgrind counts while it spins waiting for work (up to ~35,000 instructions an
# answer), and the hash seed (set iteration order). One BLAS thread and a fixed seed keep it.
_STEADY = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}


def count(script: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", script],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=os.environ | _STEADY,
    )


def instructions(process: subprocess.Popen[str]) -> int:
    _, err = process.communicate()
    found = re.search(r"refs:\s+([\d,]+)", err)
    if process.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed:\n{err[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind", file=sys.stderr)
        return 2
    answers = load_answers(args.dev)
    one, three = (
        count(_ROUNDS.format(root=str(ROOT), bench=str(ROOT / "bench"), dev=str(args.dev),
                             rounds=rounds))
        for rounds in (1, 3)
    )
    per_answer = (instructions(three) - instructions(one)) / (2 * len(answers))
    print(f"dev answers: {len(answers)}; {per_answer / 1e6:.2f} million instructions per answer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
