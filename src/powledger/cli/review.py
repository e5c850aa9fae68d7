"""``powledger review``: accept, reject or correct claims; merge and split events."""

from __future__ import annotations

import json
from typing import Any

import click

from powledger.cli.app import AppContext, main

_by = click.option("--by", "by", required=True, metavar="NAME", help="Who makes this decision.")
_reason = click.option("--reason", required=True, metavar="TEXT", help="Why (kept in the history).")


def _run(app: AppContext, service_name: str, **kwargs: Any) -> dict[str, Any]:
    from powledger import reconcile as service
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        service.ensure_reconciled(session=session)
        result: dict[str, Any] = getattr(service, service_name)(session=session, **kwargs)
    return result


@main.group("review")
def review() -> None:
    """Record a reviewer's decision; it survives re-extraction and re-reconciliation."""


@review.command("accept")
@click.argument("claim_id", type=int)
@_by
@_reason
@click.pass_obj
def accept(app: AppContext, claim_id: int, by: str, reason: str) -> None:
    """Confirm a claim: it outranks unreviewed claims of the same figure."""
    r = _run(app, "review_claim", claim_id=claim_id, action="accept", by=by, reason=reason)
    click.echo(f"Claim {claim_id} accepted by {r['by']} (event {r['event_id']}).")


@review.command("reject")
@click.argument("claim_id", type=int)
@_by
@_reason
@click.pass_obj
def reject(app: AppContext, claim_id: int, by: str, reason: str) -> None:
    """Set a claim aside: it no longer counts anywhere."""
    r = _run(app, "review_claim", claim_id=claim_id, action="reject", by=by, reason=reason)
    click.echo(f"Claim {claim_id} rejected by {r['by']}.")


@review.command("correct")
@click.argument("claim_id", type=int)
@click.option("--value", type=click.IntRange(min=0), required=True, help="The right number.")
@_by
@_reason
@click.pass_obj
def correct(app: AppContext, claim_id: int, value: int, by: str, reason: str) -> None:
    """Give a claim its right value (the extracted one is kept in the history)."""
    r = _run(
        app, "review_claim", claim_id=claim_id, action="correct", value=value, by=by, reason=reason
    )
    click.echo(
        f"Claim {claim_id} corrected from {r['previous_value']} to {value} by {r['by']} "
        f"(event {r['event_id']})."
    )


@review.command("merge")
@click.argument("event_ids", type=int, nargs=-1, required=True)
@_by
@_reason
@click.pass_obj
def merge(app: AppContext, event_ids: tuple[int, ...], by: str, reason: str) -> None:
    """Make one event of several events."""
    r = _run(app, "merge_events", event_ids=list(event_ids), by=by, reason=reason)
    click.echo(f"Merged events {', '.join(map(str, r['merged']))} into event {r['event_id']}.")


def _ids(text: str) -> list[int]:
    try:
        return [int(p) for p in text.replace(" ", "").split(",") if p]
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a comma-separated list of claim ids") from None


@review.command("split")
@click.argument("event_id", type=int)
@click.option(
    "--claims", "claim_ids", required=True, metavar="ID,ID,...", help="Claims that leave the event."
)
@_by
@_reason
@click.pass_obj
def split(app: AppContext, event_id: int, claim_ids: str, by: str, reason: str) -> None:
    """Move some claims of an event into an event of their own."""
    r = _run(app, "split_event", event_id=event_id, claim_ids=_ids(claim_ids), by=by, reason=reason)
    click.echo(f"Split event {event_id}: the claims moved to event {r['new_event_id']}.")


@review.command("history")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def history(app: AppContext, limit: int, output_format: str) -> None:
    """Who decided what, when and why (newest first)."""
    from powledger.reconcile import review_history
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        entries = review_history(session=session, limit=limit)
    if output_format == "jsonl":
        for e in entries:
            click.echo(json.dumps(e, ensure_ascii=False))
        return
    if not entries:
        click.echo("No reviews yet.")
    for e in entries:
        value = f" -> {e['value']}" if e.get("value") is not None else ""
        click.echo(
            f"{e['at'][:19]}  {e['by']:<12}  {e['action']:<8} {e['target']}{value}: {e['reason']}"
        )
