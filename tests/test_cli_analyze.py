"""`python -m bot analyze`: readable report, JSON, and the batch contract with bad lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "analyze", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )


def test_jsonl_bad_lines_are_named_and_others_still_analysed(tmp_path: Path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "answer": "I was the lead. I fixed it. Errors fell 50%."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "c", "text": "no answer field"}) + "\n"
        + json.dumps({"id": "d", "answer": "We did it together and it went well."}) + "\n"
    )
    proc = run("--jsonl", str(batch))
    assert proc.returncode == 2
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [row["id"] for row in lines] == ["a", "d"]
    assert "line 2" in proc.stderr and "line 3" in proc.stderr


def test_unreadable_file_is_one_line_and_status_2(tmp_path: Path):
    proc = run(str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "cannot read" in proc.stderr


def test_readable_report_from_stdin():
    proc = run("-", stdin="I was the on-call engineer. I rolled back the deploy and errors fell "
                          "from 30% to 0.1%. I learned to canary config changes.")
    assert proc.returncode == 0
    assert "STAR" in proc.stdout and "Metrics" in proc.stdout and "Score" in proc.stdout


def test_json_is_one_object():
    proc = run("--json", stdin="We shipped it.")
    assert json.loads(proc.stdout)["word_count"] == 3


def test_the_first_answer_of_a_batch_is_analysed_like_the_others(tmp_path: Path):
    # A fresh process: patterns made on first use must still see the first answer's sentences.
    answer = (
        "I was the product manager. I sat with our support team and read 150 tickets from "
        "trial users, then dug into the logs to find the root cause myself. Customers told me "
        "the setup was confusing, so I rewrote it with their feedback. Conversion rose from "
        "11% to 15%."
    )
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "answer": answer}) + "\n" for i in "ab"))
    proc = run("--jsonl", str(batch))
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first["principles"], "the answer shows principles"
    assert first["principles"] == second["principles"]
