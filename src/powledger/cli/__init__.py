"""The ``powledger`` command line. Each subcommand lives in its own module."""

from __future__ import annotations

# Importing a module registers its subcommands on ``main``.
from powledger.cli import (  # noqa: F401
    claims,
    db,
    demo,
    events,
    explain,
    export,
    extract,
    ingest,
    review,
    serve,
    user,
)
from powledger.cli.app import main

__all__ = ["main"]
