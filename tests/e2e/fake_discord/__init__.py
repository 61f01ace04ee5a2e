"""A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests of discord.py bots.

async with FakeDiscord() as fake:
    guild = fake.add_guild("Study")
    general = fake.add_text_channel(guild, "general")
    alice = fake.add_member(guild, "alice")
    async with run_bot(fake, make_bot(connector=fake.connector())) as bot:
        reply = await (await fake.slash(alice, guild, general, "daily setup")).response()
"""

from .actors import InteractionHandle
from .core import FakeDiscord, NoDNSResolver, no_dns_connector
from .models import Attachment, Channel, Guild, Member, Message, Role, User
from .rest import ApiError, Call, Fault, UploadedFile
from .runner import run_bot

__all__ = [
    "ApiError",
    "Attachment",
    "Call",
    "Channel",
    "FakeDiscord",
    "Fault",
    "Guild",
    "InteractionHandle",
    "Member",
    "Message",
    "NoDNSResolver",
    "Role",
    "UploadedFile",
    "User",
    "no_dns_connector",
    "run_bot",
]
