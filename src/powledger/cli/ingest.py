"""``powledger ingest``: capture reports into the evidence store."""

from __future__ import annotations

import click

from powledger.cli.app import AppContext, main


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def ingest(app: AppContext, paths: tuple[str, ...]) -> None:
    """Capture reports (.html, .txt, .jsonl, directories, - for stdin)."""
    raise click.ClickException("ingest is not built yet")
