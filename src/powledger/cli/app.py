"""The ``powledger`` command group, its global options and its error handling."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from typing import Any

import click
from sqlalchemy import Engine

from powledger import __version__
from powledger.config import Settings, get_settings, parse_size
from powledger.errors import PowledgerError


@dataclass
class AppContext:
    """What every subcommand shares: settings and a lazily opened database."""

    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self) -> Engine:
        """Open (and migrate if needed) the configured database once."""
        if self._engine is None:
            from powledger.store.db import open_engine

            self._engine = open_engine(self.settings.database_url)
        return self._engine


class _JsonLogFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {"level": record.levelname, "logger": record.name, "message": record.getMessage()}
        )


def _configure_logging(verbose: int, log_json: bool) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        _JsonLogFormatter() if log_json else logging.Formatter("%(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger("powledger")
    root.handlers[:] = [handler]
    root.setLevel(level)
    # trafilatura and htmldate log every odd page at WARNING; keep them quiet unless asked.
    for noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR if verbose < 2 else logging.DEBUG)


class PowledgerGroup(click.Group):
    """A group that turns powledger errors into one clean line and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PowledgerError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


@click.group(cls=PowledgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="powledger")
@click.option(
    "--db",
    "database_url",
    metavar="URL",
    help="Database URL (default: $POWLEDGER_DATABASE_URL, else sqlite:///powledger.db).",
)
@click.option(
    "--max-bytes",
    metavar="SIZE",
    help="Largest input accepted, e.g. 20MB (default: $POWLEDGER_MAX_BYTES, else 20MB).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("--log-json", is_flag=True, help="Write log records as JSON lines on stderr.")
@click.pass_context
def main(
    ctx: click.Context,
    database_url: str | None,
    max_bytes: str | None,
    verbose: int,
    log_json: bool,
) -> None:
    """powledger: an evidence-grade ledger of prisoner exchanges."""
    _configure_logging(verbose, log_json)
    try:
        settings = get_settings().with_overrides(
            database_url=database_url,
            max_bytes=parse_size(max_bytes) if max_bytes else None,
        )
    except PowledgerError as exc:
        raise click.UsageError(exc.message) from None
    ctx.obj = AppContext(settings=settings)
