"""``powledger claims``: list the claims stored in the evidence store."""

from __future__ import annotations

import json
from typing import Any

import click

from powledger.cli.app import AppContext, main
from powledger.models import CATEGORIES


@main.command("claims")
@click.option("--document", "document_id", type=int, help="Only claims of this document id.")
@click.option("--side", help="Only claims about persons received by this party (e.g. Ukraine).")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@click.option(
    "--phase", type=click.Choice(["completed", "planned"]), help="Carried out or planned."
)
@click.option("--asserted-by", help="Only claims asserted by this actor (canonical name).")
@click.option("--since", metavar="DATE", help="Event date on or after DATE (ISO).")
@click.option("--until", metavar="DATE", help="Event date on or before DATE (ISO).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def claims_command(
    app: AppContext,
    document_id: int | None,
    side: str | None,
    category: str | None,
    phase: str | None,
    asserted_by: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    output_format: str,
) -> None:
    """List stored claims, newest documents last."""
    from powledger.store.claims import list_claims
    from powledger.store.db import session_scope
    from powledger.store.schema import Actor

    rows: list[dict[str, Any]] = []
    with session_scope(app.engine()) as session:
        names = {a.id: a.name for a in session.query(Actor).all()}
        for claim in list_claims(
            session=session,
            document_id=document_id,
            side=side,
            category=category,
            phase=phase,
            asserted_by=asserted_by,
            since=since,
            until=until,
            limit=limit,
        ):
            rows.append(claim_dict(claim, names.get(claim.actor_id) if claim.actor_id else None))
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo(
        f"{'id':>5} {'doc':>5} {'ex':>2} {'phase':<9} {'date':<10} {'side':<10} "
        f"{'category':<14} {'value':>6}  asserted by"
    )
    for r in rows:
        value = "?" if r["value"] is None else ("~" if r["approximate"] else "") + str(r["value"])
        click.echo(
            f"{r['id']:>5} {r['document_id']:>5} {r['exchange_index']:>2} {r['phase']:<9} "
            f"{r['event_date'] or '-':<10} {r['side'] or '-':<10} {r['category']:<14} {value:>6}  "
            f"{r['asserted_by'] or '-'}"
        )
    if not rows:
        click.echo("(no claims)")


def claim_dict(claim: Any, actor: str | None) -> dict[str, Any]:
    """A stored claim as a JSON-ready dict."""
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "exchange_index": claim.exchange_index,
        "phase": claim.phase,
        "kind": claim.kind,
        "side": claim.side,
        "category": claim.category,
        "value": claim.value,
        "approximate": claim.approximate,
        "derived": claim.derived,
        "asserted_by": actor,
        "asserted_by_text": claim.asserted_by_text,
        "event_date": claim.event_date,
        "event_date_precision": claim.event_date_precision,
        "parties": claim.parties,
        "mediators": claim.mediators,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "extractor": claim.extractor,
        "extractor_version": claim.extractor_version,
        "review_state": claim.review_state,
    }
