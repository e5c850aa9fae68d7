"""Error types. Every error carries a message fit to show a user as one line."""

from __future__ import annotations


class PowledgerError(Exception):
    """Base of every error powledger raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(PowledgerError):
    """A setting is missing or malformed."""

    exit_code = 2


class DatabaseError(PowledgerError):
    """The database cannot be opened, migrated or written."""


class InputError(PowledgerError):
    """An input path or document cannot be read."""


class NotFoundError(PowledgerError):
    """A requested document, claim or event does not exist."""


class ReviewError(PowledgerError):
    """A review action cannot be applied."""
