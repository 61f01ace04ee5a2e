"""`python -m bot` / `python -m bot run`: start the Discord bot. `sync` and `invite` too.

discord.py is imported inside the functions, so the rest of the CLI works without it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.bank import default_bank
from bot.settings import TOKEN_HELP, Settings
from bot.storage import Database, StorageError

log = logging.getLogger(__name__)

EXIT_CONFIG = 2
# Permissions the bot needs in the daily channel and its threads (and nothing more).
PERMISSIONS = {
    "View Channels": 1 << 10,
    "Send Messages": 1 << 11,
    "Embed Links": 1 << 14,
    "Attach Files": 1 << 15,
    "Read Message History": 1 << 16,
    "Create Public Threads": 1 << 35,
    "Send Messages in Threads": 1 << 38,
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="start the Discord bot (the default command)")
    run.set_defaults(func=run_bot)
    sync = subparsers.add_parser("sync", help="sync slash commands with Discord, then exit")
    sync.add_argument("--guild", type=int, help="sync to this guild only (instant)")
    sync.set_defaults(func=sync_commands)
    invite = subparsers.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument("--client-id", type=int, help="application id (default: from the token)")
    invite.set_defaults(func=print_invite)


def _settings() -> Settings | None:
    try:
        return Settings()
    except Exception as exc:  # pydantic's ValidationError: name the variable and stop
        print(f"STAR Coach cannot start: invalid setting: {exc}", file=sys.stderr)
        return None


def _token(settings: Settings) -> str | None:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        print(TOKEN_HELP, file=sys.stderr)
        return None
    return token


def run_bot(args: argparse.Namespace | None = None) -> int:
    settings = _settings()
    if settings is None:
        return EXIT_CONFIG
    token = _token(settings)
    if token is None:
        return EXIT_CONFIG
    bank = default_bank()
    import discord

    discord.utils.setup_logging(level=getattr(logging, settings.log_level))
    try:
        return asyncio.run(_run(settings, bank, token))
    except KeyboardInterrupt:
        return 0


async def _run(settings: Settings, bank, token: str) -> int:
    import discord

    from cogs.starbot import StarBot, configure_endpoints

    try:
        db = await Database.open(settings.database_path or Database.default_path())
    except StorageError as exc:
        print(f"STAR Coach cannot start: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    configure_endpoints(settings)
    bot = StarBot(settings=settings, db=db, bank=bank)
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        print("Discord rejected DISCORD_TOKEN. Reset the token at "
              "https://discord.com/developers/applications → your app → Bot → Reset Token, "
              "and put the new one in .env as DISCORD_TOKEN=…", file=sys.stderr)
        return EXIT_CONFIG
    except discord.PrivilegedIntentsRequired:
        print("Discord refused the Message Content intent. Enable it at "
              "https://discord.com/developers/applications → your app → Bot → Privileged "
              "Gateway Intents → Message Content Intent, then start again.", file=sys.stderr)
        return EXIT_CONFIG
    finally:
        await db.close()
    return 0


def sync_commands(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings is None:
        return EXIT_CONFIG
    token = _token(settings)
    if token is None:
        return EXIT_CONFIG
    return asyncio.run(_sync(settings, token, args.guild))


async def _sync(settings: Settings, token: str, guild_id: int | None) -> int:
    import discord

    from cogs.starbot import StarBot, configure_endpoints

    db = await Database.open(settings.database_path or Database.default_path())
    configure_endpoints(settings)
    bot = StarBot(settings=settings.model_copy(update={"dev_guild_id": None}), db=db,
                  bank=default_bank())
    try:
        async with bot:
            await bot.login(token)
            await bot.setup_hook()  # loads the extensions, which register the commands
            if guild_id:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
                print(f"Synced {len(synced)} commands to guild {guild_id}.")
            else:
                synced = await bot.tree.sync()
                print(f"Synced {len(synced)} global commands (they can take up to an hour "
                      "to appear everywhere).")
    except discord.LoginFailure:
        print("Discord rejected DISCORD_TOKEN.", file=sys.stderr)
        return EXIT_CONFIG
    finally:
        await db.close()
    return 0


def invite_url(client_id: int) -> str:
    permissions = sum(PERMISSIONS.values())
    return ("https://discord.com/oauth2/authorize"
            f"?client_id={client_id}&scope=bot+applications.commands&permissions={permissions}")


def print_invite(args: argparse.Namespace) -> int:
    client_id = args.client_id
    if client_id is None:
        settings = _settings()
        token = settings.discord_token.get_secret_value() if settings and \
            settings.discord_token else ""
        client_id = _client_id_from_token(token)
    if client_id is None:
        print("Pass --client-id (Developer Portal → your app → General Information → "
              "Application ID), or set DISCORD_TOKEN.", file=sys.stderr)
        return EXIT_CONFIG
    print(invite_url(client_id))
    print("Permissions: " + ", ".join(PERMISSIONS))
    return 0


def _client_id_from_token(token: str) -> int | None:
    """A bot token starts with the base64 of the application id."""
    import base64
    import binascii

    first = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return int(decoded) if decoded.isdigit() else None
