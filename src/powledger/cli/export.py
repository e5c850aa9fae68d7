"""``powledger export``: the ledger as CSV, JSON or a Frictionless Data Package."""

from __future__ import annotations

from pathlib import Path

import click

from powledger.cli.app import AppContext, main


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "datapackage"]),
    default="datapackage",
    show_default=True,
)
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="Directory to write into."
)
@click.option(
    "--rule",
    type=click.Choice(["own-side", "conservative", "majority", "range"]),
    help="Only figures under this rule (default: all rules).",
)
@click.pass_obj
def export_command(app: AppContext, fmt: str, out: Path, rule: str | None) -> None:
    """Write events, figures and every figure's sources to files."""
    from powledger.reconcile import ensure_reconciled
    from powledger.reconcile.export import export_ledger
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        ensure_reconciled(session=session)
        written = export_ledger(session=session, fmt=fmt, out=out, rule=rule)
    for path in written:
        click.echo(f"wrote {path}")
