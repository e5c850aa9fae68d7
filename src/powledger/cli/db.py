"""``powledger db``: schema migrations."""

from __future__ import annotations

import click

from powledger.cli.app import AppContext, main


@main.group()
def db() -> None:
    """Manage the database schema."""


@db.command()
@click.pass_obj
def upgrade(app: AppContext) -> None:
    """Migrate the database to the newest schema."""
    from powledger.store.db import current_revision, head_revision, make_engine
    from powledger.store.db import upgrade as run_upgrade

    engine = make_engine(app.settings.database_url)
    before = current_revision(engine)
    run_upgrade(engine)
    after = current_revision(engine)
    if before == after:
        click.echo(f"Database already at revision {after}.")
    else:
        click.echo(f"Database migrated from {before or 'empty'} to {after} (head {head_revision()}).")


@db.command()
@click.pass_obj
def status(app: AppContext) -> None:
    """Show the database's schema revision."""
    from powledger.store.db import current_revision, head_revision, make_engine

    engine = make_engine(app.settings.database_url)
    click.echo(f"revision {current_revision(engine) or 'none'} (newest: {head_revision()})")
