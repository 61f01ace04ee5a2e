"""The 16 principle ids."""

from __future__ import annotations

import re

from bot.coach.principle_ids import PRINCIPLE_IDS, PRINCIPLE_NAMES, is_principle_id


def test_sixteen_unique_slug_ids_in_canonical_order() -> None:
    assert len(PRINCIPLE_IDS) == len(set(PRINCIPLE_IDS)) == 16
    assert PRINCIPLE_IDS[0] == "customer-obsession"
    assert PRINCIPLE_IDS[-1] == "success-and-scale-bring-broad-responsibility"
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", pid) for pid in PRINCIPLE_IDS)


def test_every_principle_has_a_display_name() -> None:
    assert set(PRINCIPLE_NAMES) == set(PRINCIPLE_IDS)
    assert is_principle_id("ownership") and not is_principle_id("synergy")
