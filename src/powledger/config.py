"""Settings, read from the environment once and cached; nothing is built at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache

from powledger.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///powledger.db"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Runtime settings of one powledger process."""

    database_url: str = DEFAULT_DATABASE_URL
    max_bytes: int = DEFAULT_MAX_BYTES
    secret_key: str | None = None

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with the given non-None fields replaced."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **kept)  # type: ignore[arg-type]


def parse_size(text: str) -> int:
    """Parse a size such as ``20MB``, ``512k`` or ``1048576`` into bytes."""
    raw = text.strip().lower().replace(" ", "")
    units = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
    digits = raw.rstrip("kmgb")
    unit = raw[len(digits) :]
    if not digits.isdigit() or unit not in units:
        raise ConfigError(f"invalid size {text!r}: use a number of bytes, or e.g. 512KB, 20MB")
    return int(digits) * units[unit]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read settings from ``POWLEDGER_*`` environment variables."""
    max_bytes = os.environ.get("POWLEDGER_MAX_BYTES")
    return Settings(
        database_url=os.environ.get("POWLEDGER_DATABASE_URL") or DEFAULT_DATABASE_URL,
        max_bytes=parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES,
        secret_key=os.environ.get("POWLEDGER_SECRET_KEY") or None,
    )
