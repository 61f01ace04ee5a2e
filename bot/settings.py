"""Typed settings from the environment and `.env`, validated at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_HELP = (
    "DISCORD_TOKEN is not set. Create an application at "
    "https://discord.com/developers/applications, open Bot → Reset Token, copy it, and put "
    "DISCORD_TOKEN=<token> in a .env file here (or export it). Without a token you can still "
    "practise: python -m bot practice"
)


class Settings(BaseSettings):
    """Everything the bot reads from its environment. No production ids as defaults."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    database_path: Path | None = Field(default=None, alias="STARCOACH_DB")
    dev_guild_id: int | None = Field(default=None, alias="DEV_GUILD_ID")
    owner_ids: Annotated[tuple[int, ...], NoDecode] = Field(default=(), alias="OWNER_IDS")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    discord_api_base: str = Field(
        default="https://discord.com/api/v10", alias="DISCORD_API_BASE"
    )
    discord_gateway_url: str = Field(
        default="wss://gateway.discord.gg/", alias="DISCORD_GATEWAY_URL"
    )
    # Messages from one member in a daily thread within this many seconds form one answer.
    answer_merge_seconds: int = Field(default=180, alias="ANSWER_MERGE_SECONDS", ge=0)

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(int(part) for part in value.replace(";", ",").split(",") if part.strip())
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level
