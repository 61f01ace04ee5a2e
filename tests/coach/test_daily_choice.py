"""The server's daily question: no repeats until the bank is used up, rotation, gaps first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach.daily_choice import choose_daily_question


@dataclass(frozen=True)
class Q:
    id: str
    principles: tuple[str, ...]


BANK = [
    Q("a1", ("ownership",)), Q("a2", ("ownership",)),
    Q("b1", ("frugality",)), Q("b2", ("frugality",)),
    Q("c1", ("dive-deep",)), Q("c2", ("dive-deep", "ownership")),
]


def test_no_repeat_until_the_bank_is_used_up():
    history: list[tuple[str, date]] = []
    day = date(2026, 1, 1)
    for offset in range(len(BANK)):
        chosen = choose_daily_question(BANK, history, {}, day + timedelta(days=offset))
        assert chosen.id not in {qid for qid, _ in history}
        history.append((chosen.id, day + timedelta(days=offset)))
    # The bank is used up: the next cycle starts again.
    again = choose_daily_question(BANK, history, {}, day + timedelta(days=len(BANK)))
    assert again.id in {q.id for q in BANK}


def test_rotates_away_from_yesterdays_principle():
    history = [("a1", date(2026, 1, 1))]
    chosen = choose_daily_question(BANK, history, {}, date(2026, 1, 2))
    assert chosen.principles[0] != "ownership"


def test_favours_the_least_practised_principle():
    practice = {"ownership": 30, "frugality": 12, "dive-deep": 2}
    chosen = choose_daily_question(BANK, [], practice, date(2026, 1, 1))
    assert "dive-deep" in chosen.principles


def test_stable_for_the_same_day():
    day = date(2026, 2, 3)
    assert choose_daily_question(BANK, [], {}, day) == choose_daily_question(BANK, [], {}, day)
