"""Cog tests: the real bot, a temporary database and spec'd Discord fakes."""
