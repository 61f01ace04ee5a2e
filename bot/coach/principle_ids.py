"""The 16 Amazon Leadership Principles, by stable id, in their canonical order.

The data files under ``data/`` list the same ids; a test checks that they agree.
"""

from __future__ import annotations

PRINCIPLE_IDS: tuple[str, ...] = (
    "customer-obsession",
    "ownership",
    "invent-and-simplify",
    "are-right-a-lot",
    "learn-and-be-curious",
    "hire-and-develop-the-best",
    "insist-on-the-highest-standards",
    "think-big",
    "bias-for-action",
    "frugality",
    "earn-trust",
    "dive-deep",
    "have-backbone-disagree-and-commit",
    "deliver-results",
    "strive-to-be-earths-best-employer",
    "success-and-scale-bring-broad-responsibility",
)

#: Display names for terminal output (the question bank carries the full principle texts).
PRINCIPLE_NAMES: dict[str, str] = {
    "customer-obsession": "Customer Obsession",
    "ownership": "Ownership",
    "invent-and-simplify": "Invent and Simplify",
    "are-right-a-lot": "Are Right, A Lot",
    "learn-and-be-curious": "Learn and Be Curious",
    "hire-and-develop-the-best": "Hire and Develop the Best",
    "insist-on-the-highest-standards": "Insist on the Highest Standards",
    "think-big": "Think Big",
    "bias-for-action": "Bias for Action",
    "frugality": "Frugality",
    "earn-trust": "Earn Trust",
    "dive-deep": "Dive Deep",
    "have-backbone-disagree-and-commit": "Have Backbone; Disagree and Commit",
    "deliver-results": "Deliver Results",
    "strive-to-be-earths-best-employer": "Strive to be Earth's Best Employer",
    "success-and-scale-bring-broad-responsibility": (
        "Success and Scale Bring Broad Responsibility"
    ),
}

PRINCIPLE_INDEX: dict[str, int] = {pid: i for i, pid in enumerate(PRINCIPLE_IDS)}


def is_principle_id(value: str) -> bool:
    """Return True if ``value`` is one of the 16 principle ids."""
    return value in PRINCIPLE_INDEX
