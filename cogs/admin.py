"""Owner-only maintenance: sync slash commands without restarting (the fallback to
`python -m bot sync`)."""

from __future__ import annotations

import discord
from discord.ext import commands

from cogs.starbot import StarBot


class Admin(commands.Cog):
    def __init__(self, bot: StarBot) -> None:
        self.bot = bot

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync(self, ctx: commands.Context, scope: str = "guild") -> None:
        """@STAR Coach sync [guild|global] — owner only."""
        if scope == "global":
            synced = await self.bot.tree.sync()
        elif ctx.guild is not None:
            self.bot.tree.copy_global_to(guild=ctx.guild)
            synced = await self.bot.tree.sync(guild=ctx.guild)
        else:
            await ctx.send("Use this in a server, or `sync global`.")
            return
        await ctx.send(f"Synced {len(synced)} commands ({scope}).",
                       allowed_mentions=discord.AllowedMentions.none())


async def setup(bot: StarBot) -> None:
    await bot.add_cog(Admin(bot))
