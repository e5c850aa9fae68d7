"""``powledger demo``: build ./powledger.db from the bundled demo reports and show what it stored."""

from __future__ import annotations

import click

from powledger.cli.app import AppContext, main


@main.command()
@click.pass_obj
def demo(app: AppContext) -> None:
    """Build the database from the bundled demo reports and print what it stored."""
    raise click.ClickException("demo is not built yet")
