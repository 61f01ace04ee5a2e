"""The personal story bank: a few prepared stories per Leadership Principle.

Interview guides advise two stories per principle; :class:`StoryBank` says which
principles still have none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.bank import Bank
from bot.coach.principle_input import resolve_principles
from bot.errors import UserFacingError
from bot.storage import Database, Story

TITLE_MAX = 100
SUMMARY_MAX = 1000


@dataclass(frozen=True)
class StoryBank:
    """A member's stories, and the same stories under each principle they show."""

    stories: list[Story]
    #: principle id -> stories for it, canonical order; principles without one left out.
    by_principle: dict[str, list[Story]]
    #: Principle ids with no story yet, canonical order.
    without_story: list[str]


def group_stories(bank: Bank, stories: list[Story]) -> StoryBank:
    """Group stories by principle (a story with several principles appears under each)."""
    grouped: dict[str, list[Story]] = {pid: [] for pid in bank.principle_ids}
    for story in stories:
        for pid in story.principle_ids:
            if pid in grouped:
                grouped[pid].append(story)
    return StoryBank(
        stories=list(stories),
        by_principle={pid: items for pid, items in grouped.items() if items},
        without_story=[pid for pid, items in grouped.items() if not items],
    )


async def story_bank(db: Database, bank: Bank, user_id: int) -> StoryBank:
    """The member's story bank, grouped by principle."""
    return group_stories(bank, await db.list_stories(user_id))


async def add_story(
    db: Database,
    bank: Bank,
    user_id: int,
    *,
    title: str,
    principles: str,
    summary: str,
    now: datetime,
) -> tuple[Story, StoryBank]:
    """Check and save a story; returns it and the updated bank.

    ``principles`` is what the member typed: ids or names, separated by commas.
    """
    title = " ".join(title.split())
    summary = summary.strip()
    if not title:
        raise UserFacingError("Give the story a short title.")
    if len(title) > TITLE_MAX:
        raise UserFacingError(f"Keep the title under {TITLE_MAX} characters.")
    if len(summary) > SUMMARY_MAX:
        raise UserFacingError(
            f"Keep the summary to one paragraph of at most {SUMMARY_MAX} characters "
            f"(yours has {len(summary)})."
        )
    ids = resolve_principles(bank, principles)
    story = await db.add_story(user_id, title, ids, summary, created_at=now)
    return story, await story_bank(db, bank, user_id)


async def remove_story(db: Database, user_id: int, story_id: int) -> None:
    """Remove one of the member's stories, or say why not."""
    if not await db.remove_story(user_id, story_id):
        raise UserFacingError(
            f"You have no story #{story_id}. `/story list` shows your stories and their numbers."
        )
