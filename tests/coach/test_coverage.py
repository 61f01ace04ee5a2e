"""Coverage maths and status thresholds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach.coverage import (
    PEER_DOUBT_BELOW,
    STRONG_FROM,
    STRONG_MIN_ATTEMPTS,
    WEAK_BELOW,
    CoverageStatus,
    classify,
    compute_coverage,
    coverage_by_id,
    principles_covered,
)
from bot.coach.principle_ids import PRINCIPLE_IDS
from tests.coach.records import rec

D = date(2024, 5, 1)


def test_nothing_practised_gives_sixteen_not_started_rows() -> None:
    coverage = compute_coverage([])
    assert [c.principle_id for c in coverage] == list(PRINCIPLE_IDS)
    assert {c.status for c in coverage} == {CoverageStatus.NOT_STARTED}
    assert all(c.attempts == 0 and c.best_score is None for c in coverage)
    assert principles_covered(coverage) == 0


def test_figures_for_one_principle() -> None:
    records = [
        rec("ownership", 40, D, star_complete=False),
        rec("ownership", 90, D + timedelta(days=1)),
        rec("ownership", 60, D + timedelta(days=2), review_count=2, review_total=28),
        rec("ownership", 75, D + timedelta(days=3), star_complete=False),
    ]
    cov = coverage_by_id(compute_coverage(records))["ownership"]
    assert cov.attempts == 4
    assert cov.best_score == 90
    assert cov.last3_mean == pytest.approx((90 + 60 + 75) / 3)  # the 3 most recent
    assert cov.last_practised == D + timedelta(days=3)
    assert cov.star_complete_share == 0.5
    assert cov.peer_rating_mean == pytest.approx(28 / 8)
    assert cov.peer_reviews == 2
    # recent mean exactly at STRONG_FROM, 4 attempts, peers at 3.5: strong
    assert cov.last3_mean == STRONG_FROM
    assert cov.status is CoverageStatus.STRONG


def test_last_three_are_by_time_not_by_input_order() -> None:
    newest_first = [
        rec("frugality", 100, D + timedelta(days=9)),
        rec("frugality", 10, D),
        rec("frugality", 20, D + timedelta(days=1)),
        rec("frugality", 30, D + timedelta(days=2)),
    ]
    cov = coverage_by_id(compute_coverage(newest_first))["frugality"]
    assert cov.last3_mean == pytest.approx((20 + 30 + 100) / 3)
    assert cov.last_practised == D + timedelta(days=9)


def test_an_answer_counts_for_each_of_its_principles() -> None:
    records = [rec(("ownership", "dive-deep"), 80, D), rec("dive-deep", 70, D)]
    by_id = coverage_by_id(compute_coverage(records))
    assert by_id["ownership"].attempts == 1
    assert by_id["dive-deep"].attempts == 2
    assert principles_covered(by_id.values()) == 2


def test_unknown_principles_are_ignored() -> None:
    coverage = compute_coverage([rec("synergy", 99, D)])
    assert principles_covered(coverage) == 0


@pytest.mark.parametrize(
    ("attempts", "mean", "peer", "expected"),
    [
        (0, None, None, CoverageStatus.NOT_STARTED),
        (1, WEAK_BELOW - 0.01, None, CoverageStatus.WEAK),
        (5, WEAK_BELOW - 0.01, None, CoverageStatus.WEAK),
        (1, WEAK_BELOW, None, CoverageStatus.DEVELOPING),
        (5, STRONG_FROM - 0.01, None, CoverageStatus.DEVELOPING),
        (STRONG_MIN_ATTEMPTS - 1, 100, None, CoverageStatus.DEVELOPING),
        (STRONG_MIN_ATTEMPTS, STRONG_FROM, None, CoverageStatus.STRONG),
        (STRONG_MIN_ATTEMPTS, 95, PEER_DOUBT_BELOW, CoverageStatus.STRONG),
        (STRONG_MIN_ATTEMPTS, 95, PEER_DOUBT_BELOW - 0.01, CoverageStatus.DEVELOPING),
        (3, 20, 5.0, CoverageStatus.WEAK),
    ],
)
def test_status_thresholds(
    attempts: int, mean: float | None, peer: float | None, expected: CoverageStatus
) -> None:
    assert classify(attempts, mean, peer) is expected


def test_status_from_records_at_the_boundaries() -> None:
    records = [
        rec("think-big", 75, D),
        rec("think-big", 75, D + timedelta(days=1)),
        rec("earn-trust", 49, D),
        rec("deliver-results", 50, D),
        rec("bias-for-action", 100, D),
    ]
    by_id = coverage_by_id(compute_coverage(records))
    assert by_id["think-big"].status is CoverageStatus.STRONG
    assert by_id["earn-trust"].status is CoverageStatus.WEAK
    assert by_id["deliver-results"].status is CoverageStatus.DEVELOPING
    assert by_id["bias-for-action"].status is CoverageStatus.DEVELOPING  # one answer only
