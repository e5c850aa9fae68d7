"""``powledger demo``: build the database from the bundled demo reports and show what it stored."""

from __future__ import annotations

from importlib.resources import as_file, files

import click

from powledger.cli.app import AppContext, main


@main.command()
@click.pass_obj
def demo(app: AppContext) -> None:
    """Build the database from the bundled demo reports and print what it stored."""
    from powledger.capture.pipeline import Outcome
    from powledger.pipeline import ingest_reports

    engine = app.engine()
    click.echo(f"Building {engine.url.render_as_string(hide_password=True)} from the demo reports.")

    def say(outcome: Outcome) -> None:
        name = outcome.source.rsplit("/", 1)[-1]
        if outcome.status == "skipped":
            click.echo(f"  skipped {name}: {outcome.message or outcome.reason}", err=True)

    with as_file(files("powledger.demo") / "reports") as folder:
        result = ingest_reports([str(folder)], engine=engine, settings=app.settings, on_outcome=say)
    click.echo(f"Captured: {result.ingest.summary()}")
    _print_documents(app)
    click.echo("")
    ctx = click.get_current_context()
    from powledger.cli.events import events_command, totals_command

    click.echo("Ledger (each party's own figure for the persons it received):")
    ctx.invoke(events_command)
    click.echo("")
    ctx.invoke(totals_command)
    click.echo("")
    click.echo(
        "Next: `powledger event ID` shows a figure's sources; `powledger serve` opens the dashboard."
    )


def _print_documents(app: AppContext) -> None:
    """One line per stored document: id, language, extracted exchanges, title."""
    from sqlalchemy import func, select

    from powledger.store.db import session_scope
    from powledger.store.schema import Claim, Document

    with session_scope(app.engine()) as session:
        rows = session.execute(
            select(
                Document.id,
                Document.language,
                Document.title,
                Document.source,
                func.count(func.distinct(Claim.exchange_index)).filter(Claim.phase == "completed"),
                func.count(func.distinct(Claim.exchange_index)).filter(Claim.phase == "planned"),
            )
            .outerjoin(Claim, Claim.document_id == Document.id)
            .group_by(Document.id)
            .order_by(Document.id)
        ).all()
    click.echo(f"{'DOC':>4}  LANG  DONE  PLANNED  TITLE")
    for doc_id, language, title, source, done, planned in rows:
        label = (title or (source or "").rsplit("/", 1)[-1])[:70]
        click.echo(f"{doc_id:>4}  {language or '?':<4}  {done:>4}  {planned:>7}  {label}")
