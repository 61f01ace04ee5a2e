"""`python -m bot practice`: ask, read a multi-line answer, report, probe, record."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWER = ("I was the on-call engineer at a payments startup when settlement stalled.\n"
          "I restarted the consumers and replayed from the checkpoint.\n.\n")


def practice(tmp_path: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "practice", "--user", "sam", "--db",
         str(tmp_path / "p.db"), *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )


def test_answer_report_follow_up_and_recorded(tmp_path: Path):
    run = practice(tmp_path, ANSWER + "Latency went from 8 s to 200 ms in 20 minutes.\n.\n.\n",
                   "--principle", "bias-for-action")
    assert run.returncode == 0, run.stderr
    assert "Bias for Action" in run.stdout
    assert "STAR" in run.stdout and "Follow-up:" in run.stdout
    assert "With that added, the story scores" in run.stdout
    coverage = subprocess.run(
        [sys.executable, "-m", "bot", "coverage", "--user", "sam", "--db", str(tmp_path / "p.db")],
        capture_output=True, text=True, cwd=ROOT, timeout=60)
    line = next(line for line in coverage.stdout.splitlines() if "Bias for Action" in line)
    assert " 1 " in line


def test_unknown_question_is_one_line_and_status_2(tmp_path: Path):
    run = practice(tmp_path, "", "--question", "no-such-question")
    assert run.returncode == 2
    assert "no-such-question" in run.stderr and "Traceback" not in run.stderr


def test_empty_input_ends_politely(tmp_path: Path):
    run = practice(tmp_path, "", "--question", "seed-7")
    assert run.returncode == 0
    assert "No answer given" in run.stdout


def test_ctrl_c_exits_cleanly(tmp_path: Path):
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "practice", "--db", str(tmp_path / "p.db"),
         "--question", "seed-7"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT)
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while "Your answer" not in process.stdout.readline() and time.monotonic() < deadline:
        pass
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Stopped" in out and "Traceback" not in err
