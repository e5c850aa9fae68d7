"""Exports of the ledger: CSV, JSON and a Frictionless Data Package, every figure with its sources."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.errors import InputError
from powledger.reconcile.reading import claim_dicts
from powledger.store.schema import Claim, Exchange, Figure
from powledger.store.schema_review import EventDetail

FORMATS = ("csv", "json", "datapackage")

#: What an export keeps of each source claim (the event pages show more).
_CLAIM_FIELDS = (
    "claim_id",
    "document",
    "url",
    "outlet",
    "published",
    "value",
    "asserted_by",
    "quote",
    "start",
    "end",
)

#: Columns of each table, with their Table Schema types (the order is the CSV order).
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "events": [
        ("event_id", "integer", "Event id (stable across reconciliations while its reports stay)."),
        ("date", "string", "Date of the exchange (ISO; YYYY-MM or YYYY when less precise)."),
        ("date_precision", "string", "day, month or year."),
        ("parties", "string", "Parties, ';'-separated."),
        ("mediators", "string", "Mediators credited by the reports, ';'-separated."),
        ("status", "string", "single-source, corroborated or disputed."),
        ("role", "string", "event, agreement (carried out in stages) or stage."),
        ("agreement_id", "integer", "For a stage: the agreement's event id."),
        ("document_count", "integer", "Number of reports of this exchange."),
        ("documents", "string", "The reports' ids as given at ingest, ';'-separated."),
    ],
    "figures": [
        ("figure_id", "integer", "Figure id."),
        ("event_id", "integer", "The event."),
        ("side", "string", "The party that received the persons."),
        ("category", "string", "Category of persons (total, officers, civilians, bodies, ...)."),
        ("rule", "string", "Rule that chose the value: own-side, conservative, majority or range."),
        ("value", "integer", "Value under the rule (empty when the rule gives none)."),
        ("low", "integer", "Lowest value any report gives."),
        ("high", "integer", "Highest value any report gives."),
        ("approximate", "boolean", "Whether the supporting reports hedge the figure."),
        ("explanation", "string", "One sentence saying why this value."),
        ("sources", "string", "Reports supporting the value, ';'-separated."),
    ],
    "sources": [
        ("figure_id", "integer", "The figure."),
        ("event_id", "integer", "The event."),
        ("support", "string", "supporting or conflicting."),
        ("claim_id", "integer", "The claim."),
        ("document", "string", "The report's id as given at ingest (else URL or source)."),
        ("url", "string", "The report's URL."),
        ("outlet", "string", "The outlet."),
        ("published", "string", "Publication date."),
        ("value", "integer", "The number the report gives."),
        ("asserted_by", "string", "Who asserted it (canonical actor, else as written)."),
        ("quote", "string", "The sentence that states it, exactly as in the stored text."),
        ("start", "integer", "Offset of the quote in the stored text."),
        ("end", "integer", "End offset of the quote."),
    ],
}


def collect(*, session: Session, rule: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows of the three tables (events, figures, sources), optionally for one rule."""
    details = {d.exchange_id: d for d in session.scalars(select(EventDetail))}
    events = []
    for ex in session.scalars(select(Exchange).order_by(Exchange.date, Exchange.id)):
        d = details.get(ex.id)
        events.append(
            {
                "event_id": ex.id,
                "date": ex.date,
                "date_precision": ex.date_precision,
                "parties": ";".join(ex.parties or []),
                "mediators": ";".join(ex.mediators or []),
                "status": ex.status,
                "role": d.role if d else "event",
                "agreement_id": d.agreement_id if d else None,
                "document_count": d.document_count if d else 0,
                "documents": ";".join(d.documents) if d else "",
            }
        )
    claims = {
        claim_id: {name: row[name] for name in _CLAIM_FIELDS}
        for claim_id, row in claim_dicts(session, Claim.exchange_id.is_not(None)).items()
    }
    fstmt = select(Figure).order_by(Figure.exchange_id, Figure.side, Figure.category, Figure.rule)
    if rule:
        fstmt = fstmt.where(Figure.rule == rule)
    figures = []
    sources = []
    for f in session.scalars(fstmt):
        docs: dict[str, None] = {}
        for support, ids in (("supporting", f.supporting), ("conflicting", f.conflicting)):
            for cid in ids:
                claim = claims.get(cid)
                if claim is None:
                    continue
                if support == "supporting":
                    docs[claim["document"]] = None
                sources.append(
                    {"figure_id": f.id, "event_id": f.exchange_id, "support": support, **claim}
                )
        figures.append(
            {
                "figure_id": f.id,
                "event_id": f.exchange_id,
                "side": f.side,
                "category": f.category,
                "rule": f.rule,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "approximate": f.approximate,
                "explanation": f.explanation,
                "sources": ";".join(docs),
            }
        )
    return {"events": events, "figures": figures, "sources": sources}


def _write_csv(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    columns = [name for name, _, _ in TABLES[table]]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()}
            )


def _datapackage(tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    keys = {"events": ["event_id"], "figures": ["figure_id"]}
    foreign = {
        "figures": [
            {"fields": "event_id", "reference": {"resource": "events", "fields": "event_id"}}
        ],
        "sources": [
            {"fields": "figure_id", "reference": {"resource": "figures", "fields": "figure_id"}},
            {"fields": "event_id", "reference": {"resource": "events", "fields": "event_id"}},
        ],
    }
    resources = []
    for table, columns in TABLES.items():
        schema: dict[str, Any] = {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in columns],
            "missingValues": [""],
        }
        if table in keys:
            schema["primaryKey"] = keys[table]
        if table in foreign:
            schema["foreignKeys"] = foreign[table]
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "powledger-exchanges",
        "title": "powledger: prisoner exchanges with every figure's sources",
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }


def export_ledger(*, session: Session, fmt: str, out: Path, rule: str | None = None) -> list[Path]:
    """Write the ledger to directory ``out`` as ``fmt``; return the files written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {out}: {exc.strerror}") from None
    tables = collect(session=session, rule=rule)
    written: list[Path] = []
    if fmt == "json":
        by_figure: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for s in tables["sources"]:
            by_figure[s["figure_id"]].append(
                {k: v for k, v in s.items() if k not in ("figure_id", "event_id")}
            )
        by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for f in tables["figures"]:
            by_event[f["event_id"]].append(
                {
                    **{k: v for k, v in f.items() if k != "event_id"},
                    "sources": by_figure[f["figure_id"]],
                }
            )
        doc = {
            "generated_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "rule": rule,
            "events": [{**e, "figures": by_event[e["event_id"]]} for e in tables["events"]],
        }
        path = out / "events.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        return [path]
    for table, rows in tables.items():
        path = out / f"{table}.csv"
        _write_csv(path, table, rows)
        written.append(path)
    if fmt == "datapackage":
        path = out / "datapackage.json"
        path.write_text(json.dumps(_datapackage(tables), indent=2), encoding="utf-8")
        written.append(path)
    return written
