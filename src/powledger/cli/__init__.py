"""The ``powledger`` command line. Each subcommand lives in its own module."""

from __future__ import annotations

from powledger.cli import db, demo, ingest  # noqa: F401  (registers the subcommands)
from powledger.cli.app import main

__all__ = ["main"]
