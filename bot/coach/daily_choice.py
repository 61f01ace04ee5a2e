"""Which question a server gets today. A pure function of (bank, history, practice, date).

Rules, in order:
1. No repeat in a guild until every question in its bank (built-in + custom) was posted:
   only the least-posted questions are candidates.
2. Rotate principles: a question whose main principle was one of the last
   ``ROTATION_WINDOW`` posts' main principles is avoided when another candidate exists.
3. Favour what the server practises least: candidates whose principles have the fewest
   answers in the guild come first.
4. Ties are broken by a hash of (date, question id), so the choice is stable for a day.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from bot.coach.recommend import QuestionLike

ROTATION_WINDOW = 3


def choose_daily_question(
    questions: Sequence[QuestionLike],
    history: Sequence[tuple[str, date]],
    practice_counts: Mapping[str, int],
    today: date,
) -> QuestionLike:
    """Pick today's question. `history` is (question id, local date), any order."""
    if not questions:
        raise ValueError("the question bank is empty")
    posted = Counter(question_id for question_id, _ in history)
    fewest = min(posted.get(q.id, 0) for q in questions)
    candidates = [q for q in questions if posted.get(q.id, 0) == fewest]

    by_id = {q.id: q for q in questions}
    recent = [qid for qid, _ in sorted(history, key=lambda h: h[1], reverse=True)]
    recent_main = {
        by_id[qid].principles[0] for qid in recent[:ROTATION_WINDOW] if qid in by_id
    }
    rotated = [q for q in candidates if q.principles[0] not in recent_main]
    candidates = rotated or candidates

    def least_practised(question: QuestionLike) -> int:
        return min(practice_counts.get(p, 0) for p in question.principles)

    def tie_break(question: QuestionLike) -> int:
        return zlib.crc32(f"{today.isoformat()}:{question.id}".encode())

    return min(candidates, key=lambda q: (least_practised(q), tie_break(q)))
