"""discord.py extensions: thin adapters over the `bot` domain."""
