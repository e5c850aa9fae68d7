"""``powledger reconcile``, ``events``, ``event`` and ``totals``: the ledger of exchanges."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from powledger.cli.app import AppContext, main

RULE_CHOICE = click.Choice(["own-side", "conservative", "majority", "range"])


def _side_figures(event: dict[str, Any]) -> str:
    """``Ukraine 207 (195–207), Russia 195`` for a table cell."""
    parts = []
    for side in event["parties"]:
        value = event["returned_to"].get(side)
        low, high = event["low"].get(side), event["high"].get(side)
        cell = "?" if value is None else str(value)
        if event["approximate"].get(side):
            cell = "~" + cell
        if low is not None and low != high:
            cell += f" ({low}–{high})"
        parts.append(f"{side} {cell}")
    return ", ".join(parts)


def _catch_up(app: AppContext) -> None:
    """Reconcile documents stored since the last run, so every listing is current."""
    from powledger.reconcile import ensure_reconciled
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        ensure_reconciled(session=session)


@main.command("reconcile")
@click.option("--full", is_flag=True, help="Rebuild every event, not only those of new documents.")
@click.pass_obj
def reconcile_command(app: AppContext, full: bool) -> None:
    """Cluster stored claims into exchange events and choose their figures."""
    from powledger.reconcile import ensure_reconciled, reconcile
    from powledger.store.db import session_scope

    with session_scope(app.engine()) as session:
        report = reconcile(session=session) if full else ensure_reconciled(session=session)
    if report is None:
        click.echo("Nothing new to reconcile.")
    else:
        click.echo(
            f"Reconciled {report.documents} documents: {report.units} reports of exchanges "
            f"in {report.events} events."
        )


@main.command("events")
@click.option("--from", "date_from", metavar="DATE", help="Events on or after DATE (ISO).")
@click.option("--to", "date_to", metavar="DATE", help="Events on or before DATE (ISO).")
@click.option("--party", help="Only events this party took part in (e.g. Ukraine).")
@click.option(
    "--rule",
    type=RULE_CHOICE,
    default="own-side",
    show_default=True,
    help="How figures are chosen.",
)
@click.option(
    "--stages", is_flag=True, help="List the stages of staged agreements instead of the agreements."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def events_command(
    app: AppContext,
    date_from: str | None,
    date_to: str | None,
    party: str | None,
    rule: str,
    stages: bool,
    limit: int | None,
    offset: int,
    output_format: str,
) -> None:
    """List exchange events with their figures under a rule."""
    from powledger.reconcile import list_events
    from powledger.store.db import session_scope

    _catch_up(app)
    with session_scope(app.engine()) as session:
        events = list_events(
            session=session,
            date_from=date_from,
            date_to=date_to,
            party=party,
            rule=rule,
            limit=limit,
            offset=offset,
            stages=stages,
        )
    if output_format == "jsonl":
        for ev in events:
            click.echo(json.dumps(ev, ensure_ascii=False))
    elif output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            [
                "id",
                "date",
                "date_precision",
                "parties",
                "side",
                "value",
                "low",
                "high",
                "approximate",
                "mediators",
                "status",
                "role",
                "documents",
            ]
        )
        for ev in events:
            for side in ev["parties"]:
                writer.writerow(
                    [
                        ev["id"],
                        ev["date"],
                        ev["date_precision"],
                        ";".join(ev["parties"]),
                        side,
                        ev["returned_to"].get(side),
                        ev["low"].get(side),
                        ev["high"].get(side),
                        ev["approximate"].get(side),
                        ";".join(ev["mediators"]),
                        ev["status"],
                        ev["role"],
                        ";".join(ev["documents"]),
                    ]
                )
    else:
        if not events:
            click.echo("No events.")
            return
        click.echo(
            f"{'ID':>5}  {'DATE':<10}  {'RECEIVED (' + rule + ')':<44}  {'STATUS':<13}  DOCS  MEDIATORS"
        )
        for ev in events:
            marker = f" [{len(ev['stages'])} stages]" if ev["stages"] else ""
            click.echo(
                f"{ev['id']:>5}  {ev['date'] or '?':<10}  {_side_figures(ev) + marker:<44}  "
                f"{ev['status']:<13}  {ev['document_count']:>4}  {', '.join(ev['mediators'])}"
            )


@main.command("event")
@click.argument("event_id", type=int)
@click.option("--rule", type=RULE_CHOICE, default="own-side", show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.pass_obj
def event_command(app: AppContext, event_id: int, rule: str, output_format: str) -> None:
    """Show one event: each figure with its explanation, its sources and their quotes."""
    from powledger.reconcile import get_event
    from powledger.store.db import session_scope

    _catch_up(app)
    with session_scope(app.engine()) as session:
        ev = get_event(session=session, event_id=event_id, rule=rule)
    if output_format == "json":
        click.echo(json.dumps(ev, ensure_ascii=False, indent=2))
        return
    precision = f" ({ev['date_precision']})" if ev["date_precision"] not in (None, "day") else ""
    click.echo(
        f"Event {ev['id']}: {ev['date'] or 'date unknown'}{precision}, {' – '.join(ev['parties'])}"
    )
    click.echo(f"  status {ev['status']}; {ev['document_count']} documents; rule {rule}")
    if ev["mediators"]:
        click.echo(f"  mediators: {', '.join(ev['mediators'])}")
    if ev["role"] == "agreement":
        click.echo(f"  carried out in stages: events {', '.join(map(str, ev['stages']))}")
    elif ev["role"] == "stage":
        click.echo(f"  a stage of event {ev['agreement_id']}")
    for fig in ev["figures"]:
        click.echo("")
        click.echo(f"{fig['side']} received ({fig['category']}): {fig['explanation']}")
        for mark, key in (("+", "supporting"), ("-", "conflicting")):
            for src in fig[key]:
                who = src["asserted_by"] or "the outlet"
                click.echo(
                    f"  {mark} [{src['document']}] claim {src['claim_id']}: “{src['quote']}” ({who})"
                )


@main.command("totals")
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Only what had been captured by the end of DATE."
)
@click.option("--rule", type=RULE_CHOICE, default="own-side", show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def totals_command(app: AppContext, as_of: str | None, rule: str, output_format: str) -> None:
    """Cumulative persons received per side, per pair of parties, with ranges."""
    from powledger.reconcile import ledger_totals
    from powledger.store.db import session_scope

    _catch_up(app)
    with session_scope(app.engine()) as session:
        totals = ledger_totals(session=session, as_of=as_of, rule=rule)
    if output_format == "json":
        click.echo(json.dumps(totals, ensure_ascii=False, indent=2))
        return
    when = f" as of {totals['as_of']}" if totals["as_of"] else ""
    if not totals["pairs"]:
        click.echo(f"No exchanges{when}.")
        return
    for pair in totals["pairs"]:
        click.echo(
            f"{' – '.join(pair['parties'])}: {pair['events']} exchanges, "
            f"{pair['first'] or '?'} to {pair['last'] or '?'}{when} (rule {rule})"
        )
        for side, t in pair["totals"].items():
            spread = f"; range {t['low']}–{t['high']}" if t["low"] != t["high"] else ""
            click.echo(
                f"  {side} received {t['value']}{spread} "
                f"({t['events_with_figure']} of {pair['events']} exchanges give a figure)"
            )
