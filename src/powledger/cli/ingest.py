"""``powledger ingest``: capture reports into the evidence store."""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Any

import click

from powledger.cli.app import AppContext, main

logger = logging.getLogger(__name__)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: the summary line on stdout; jsonl: one JSON line per input on stdout "
    "(summary on stderr).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for cleaning (0: one per CPU core).",
)
@click.pass_obj
def ingest(app: AppContext, paths: tuple[str, ...], output_format: str, jobs: int) -> None:
    """Capture reports (.html, .htm, .txt, .jsonl, each also .gz; directories; - for stdin) and extract claims.

    Each new document's claims are stored in the same transaction as the document; the events
    the new documents concern are then reconciled.
    """
    from powledger.capture.pipeline import Outcome
    from powledger.pipeline import ingest_reports

    engine = app.engine()
    progress = _progress_bar()

    def say(line: str) -> None:
        # tqdm.write keeps the bar intact when one is drawn.
        if progress is not None:
            progress.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def on_outcome(outcome: Outcome) -> None:
        if outcome.status == "skipped":
            say(f"skipped {outcome.source}: {outcome.message or outcome.reason}")
        if output_format == "jsonl":
            click.echo(json.dumps(_outcome_dict(outcome), ensure_ascii=False))
        if progress is not None:
            progress.update(1)

    try:
        result = ingest_reports(
            paths,
            engine=engine,
            settings=app.settings,
            on_outcome=on_outcome,
            jobs=jobs or os.cpu_count() or 1,
        )
    finally:
        if progress is not None:
            progress.close()
    report = result.ingest
    click.echo(report.summary(), err=output_format == "jsonl")
    logger.info(
        "reconciled %d events for %d new documents",
        result.events_touched,
        len(result.new_document_ids),
    )
    if report.ingested == 0:
        # Nothing is in the store from this run: the caller (a script, CI) must notice.
        raise click.exceptions.Exit(1)


def _progress_bar() -> Any:
    """A tqdm bar on stderr when a person is watching, else None."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, leave=False, dynamic_ncols=True)


def _outcome_dict(outcome: Any) -> dict[str, Any]:
    return {
        "source": outcome.source,
        "status": outcome.status,
        "id": outcome.document_id,
        "sha256": outcome.sha256,
        "language": outcome.language,
        "reason": outcome.reason,
        "message": outcome.message,
    }
