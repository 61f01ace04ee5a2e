"""The story bank on Discord: the add modal's reply and /story list."""

from __future__ import annotations

import discord

from bot.bank import Bank
from bot.coach.progress import STORIES_PER_PRINCIPLE
from bot.coach.stories import StoryBank
from bot.storage import Story
from cogs.ui.fit import EMBED_TOTAL, lines_within
from cogs.ui.progress import principle_label
from cogs.ui.text import EMBED_FIELD_VALUE, clip

TITLE_SHOWN = 60
#: Room kept for the title, description, field names and the "no story yet" field.
FIXED_ROOM = 1600


def story_title(story: Story, limit: int = TITLE_SHOWN) -> str:
    """A member's title, shown literally (no markdown, no mentions)."""
    safe = discord.utils.escape_mentions(discord.utils.escape_markdown(story.title))
    return clip(safe, limit)


def missing_line(bank: Bank, stories: StoryBank) -> str:
    if not stories.without_story:
        return "Every principle has at least one story now."
    names = ", ".join(principle_label(bank, pid, short=True) for pid in stories.without_story)
    return f"No story yet for {len(stories.without_story)} principle(s): {names}."


def saved_message(bank: Bank, story: Story, stories: StoryBank) -> str:
    """What the member sees after adding a story."""
    names = ", ".join(principle_label(bank, pid) for pid in story.principle_ids)
    return clip(f"📖 Saved story **#{story.id}** “{story_title(story)}” for {names}.\n"
                f"{missing_line(bank, stories)}", 2000)


def story_list_embed(bank: Bank, stories: StoryBank) -> discord.Embed:
    """Stories grouped by principle (a story can sit under several), within embed limits."""
    embed = discord.Embed(
        title=f"📖 Your story bank · {len(stories.stories)} story(ies)",
        description=f"Guides advise {STORIES_PER_PRINCIPLE} stories per principle. "
                    "Add with `/story add`, remove with `/story remove`.",
        colour=discord.Colour.teal(),
    )
    groups = stories.by_principle
    budget = min(EMBED_FIELD_VALUE, (EMBED_TOTAL - FIXED_ROOM) // max(len(groups), 1))
    for pid, items in groups.items():
        lines = [f"`#{s.id}` {story_title(s)}" for s in items]
        thin = " ⚠️" if len(items) < STORIES_PER_PRINCIPLE else ""
        embed.add_field(name=f"{principle_label(bank, pid)} ({len(items)}){thin}",
                        value=lines_within(lines, budget), inline=False)
    if stories.without_story:
        embed.add_field(name="No story yet", value=clip(missing_line(bank, stories),
                                                        EMBED_FIELD_VALUE), inline=False)
    return embed


def story_choice_name(story: Story) -> str:
    """How a story appears in the /story remove autocomplete (at most 100 characters)."""
    return clip(f"#{story.id} {' '.join(story.title.split())}", 100)
