"""Read queries behind the API and the pages: documents, claims, events, figures, totals, actors."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from powledger.errors import InputError, NotFoundError
from powledger.store.schema import Actor, Claim, Document, Exchange, Figure

DEFAULT_RULE = "own-side"
RULES = ("own-side", "conservative", "majority", "range")
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the size of the whole list."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def _order(sort: str, columns: dict[str, Any], default: str) -> list[Any]:
    key = sort or default
    descending = key.startswith("-")
    column = columns.get(key.lstrip("-"))
    if column is None:
        allowed = ", ".join(sorted(columns))
        raise InputError(f"cannot sort by {key!r}: use one of {allowed} (prefix - for descending)")
    return [column.desc() if descending else column.asc()]


def check_rule(rule: str | None) -> str:
    """The rule name to use, checked against the known rules."""
    rule = rule or DEFAULT_RULE
    if rule not in RULES:
        raise InputError(f"unknown rule {rule!r}: use one of {', '.join(RULES)}")
    return rule


def _like_json_item(value: str) -> str:
    # JSON lists are stored as text with json.dumps; match the quoted item literally.
    quoted = json.dumps(value)
    escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _etag(parts: list[Any]) -> str:
    digest = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:20]
    return f'"{digest}"'


# --- documents -------------------------------------------------------------------------------


def document_dict(doc: Document, *, with_text: bool = False) -> dict[str, Any]:
    """A document's fields as JSON-ready values (the text only when asked)."""
    item: dict[str, Any] = {
        "id": doc.id,
        "sha256": doc.sha256,
        "external_id": doc.external_id,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "published_precision": doc.published_precision,
        "language": doc.language,
        "content_type": doc.content_type,
        "captured_at": doc.captured_at.isoformat() if doc.captured_at else None,
        "raw_size": doc.raw_size,
        "source": doc.source,
    }
    if with_text:
        item["text"] = doc.text
    return item


_DOCUMENT_COLUMNS: list[Any] = [
    c for c in Document.__table__.columns if c.name not in ("raw_zlib", "text")
]


def list_documents(
    *,
    session: Session,
    outlet: str | None = None,
    language: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
    sort: str = "",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """One page of documents (without their text) matching the filters."""
    conditions: list[ColumnElement[bool]] = []
    if outlet:
        conditions.append(Document.outlet == outlet)
    if language:
        conditions.append(Document.language == language)
    if published_from:
        conditions.append(Document.published >= published_from)
    if published_to:
        # "2024-05" must include every day of May: compare against the largest string with that prefix.
        conditions.append(Document.published <= published_to + "\uffff")
    order = _order(
        sort,
        {
            "id": Document.id,
            "published": Document.published,
            "captured_at": Document.captured_at,
            "outlet": Document.outlet,
            "title": Document.title,
        },
        "id",
    )
    total = session.scalar(select(func.count(Document.id)).where(*conditions)) or 0
    rows = session.execute(
        select(*_DOCUMENT_COLUMNS)
        .where(*conditions)
        .order_by(*order, Document.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [document_dict(row, with_text=False) for row in rows]  # type: ignore[arg-type]
    return Page(items, int(total), limit, offset)


def get_document(*, session: Session, document_id: int) -> Document:
    """The document with this id, or NotFoundError."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError(f"document {document_id} does not exist")
    return doc


# --- claims ----------------------------------------------------------------------------------


def claim_dict(claim: Claim) -> dict[str, Any]:
    """A claim's fields as JSON-ready values."""
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "exchange_id": claim.exchange_id,
        "exchange_index": claim.exchange_index,
        "phase": claim.phase,
        "kind": claim.kind,
        "side": claim.side,
        "category": claim.category,
        "value": claim.value,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "approximate": claim.approximate,
        "derived": claim.derived,
        "asserted_by": claim.asserted_by_text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "event_date": claim.event_date,
        "event_date_precision": claim.event_date_precision,
        "parties": list(claim.parties or []),
        "mediators": list(claim.mediators or []),
        "extractor": claim.extractor,
        "extractor_version": claim.extractor_version,
        "confidence": claim.confidence,
        "review_state": claim.review_state,
    }


def claim_etag(claim: Claim) -> str:
    """An entity tag that changes whenever a reviewer could see a different claim."""
    return _etag(
        [
            "claim",
            claim.id,
            claim.value,
            claim.value_low,
            claim.value_high,
            claim.side,
            claim.category,
            claim.review_state,
            claim.exchange_id,
        ]
    )


def list_claims(
    *,
    session: Session,
    document_id: int | None = None,
    exchange_id: int | None = None,
    side: str | None = None,
    category: str | None = None,
    kind: str | None = None,
    phase: str | None = None,
    review_state: str | None = None,
    sort: str = "",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """One page of claims matching the filters."""
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (Claim.document_id, document_id),
        (Claim.exchange_id, exchange_id),
        (Claim.side, side),
        (Claim.category, category),
        (Claim.kind, kind),
        (Claim.phase, phase),
        (Claim.review_state, review_state),
    ):
        if value is not None and value != "":
            conditions.append(column == value)
    order = _order(
        sort,
        {
            "id": Claim.id,
            "value": Claim.value,
            "confidence": Claim.confidence,
            "event_date": Claim.event_date,
            "document_id": Claim.document_id,
        },
        "id",
    )
    total = session.scalar(select(func.count(Claim.id)).where(*conditions)) or 0
    rows = session.scalars(
        select(Claim).where(*conditions).order_by(*order, Claim.id).limit(limit).offset(offset)
    )
    return Page([claim_dict(c) for c in rows], int(total), limit, offset)


def get_claim(*, session: Session, claim_id: int) -> Claim:
    """The claim with this id, or NotFoundError."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"claim {claim_id} does not exist")
    return claim


# --- events and figures ----------------------------------------------------------------------


def _figures_by_exchange(
    session: Session, exchange_ids: list[int], rule: str
) -> dict[int, list[Figure]]:
    result: dict[int, list[Figure]] = defaultdict(list)
    if not exchange_ids:
        return result
    rows = session.scalars(
        select(Figure)
        .where(Figure.exchange_id.in_(exchange_ids), Figure.rule == rule)
        .order_by(Figure.exchange_id, Figure.side, Figure.category)
    )
    for fig in rows:
        result[fig.exchange_id].append(fig)
    return result


def _event_summary(ex: Exchange, figures: list[Figure]) -> dict[str, Any]:
    returned: dict[str, int | None] = {}
    low: dict[str, int | None] = {}
    high: dict[str, int | None] = {}
    for fig in figures:
        if fig.category == "total":
            returned[fig.side] = fig.value
            low[fig.side] = fig.low if fig.low is not None else fig.value
            high[fig.side] = fig.high if fig.high is not None else fig.value
    return {
        "id": ex.id,
        "key": ex.key,
        "date": ex.date,
        "date_precision": ex.date_precision,
        "parties": list(ex.parties or []),
        "mediators": list(ex.mediators or []),
        "status": ex.status,
        "phase": ex.phase,
        "returned_to": returned,
        "low": low,
        "high": high,
        "updated_at": ex.updated_at.isoformat() if ex.updated_at else None,
    }


def list_events(
    *,
    session: Session,
    date_from: str | None = None,
    date_to: str | None = None,
    party: str | None = None,
    status: str | None = None,
    rule: str | None = None,
    sort: str = "",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """One page of exchange events with each side's total under ``rule``."""
    rule = check_rule(rule)
    conditions: list[ColumnElement[bool]] = []
    if date_from:
        conditions.append(Exchange.date >= date_from)
    if date_to:
        conditions.append(Exchange.date <= date_to + "\uffff")
    if party:
        conditions.append(cast(Exchange.parties, String).like(_like_json_item(party), escape="\\"))
    if status:
        conditions.append(Exchange.status == status)
    order = _order(
        sort, {"date": Exchange.date, "id": Exchange.id, "status": Exchange.status}, "date"
    )
    total = session.scalar(select(func.count(Exchange.id)).where(*conditions)) or 0
    exchanges = list(
        session.scalars(
            select(Exchange)
            .where(*conditions)
            .order_by(*order, Exchange.id)
            .limit(limit)
            .offset(offset)
        )
    )
    figures = _figures_by_exchange(session, [e.id for e in exchanges], rule)
    items = [_event_summary(e, figures.get(e.id, [])) for e in exchanges]
    for item in items:
        item["rule"] = rule
    return Page(items, int(total), limit, offset)


def _claim_ids(entries: list[Any] | None) -> list[int]:
    """Claim ids from a figure's supporting/conflicting list (ids, or dicts carrying one)."""
    ids: list[int] = []
    for entry in entries or []:
        if isinstance(entry, bool):
            continue
        if isinstance(entry, int):
            ids.append(entry)
        elif isinstance(entry, dict):
            value = entry.get("claim_id", entry.get("id"))
            if isinstance(value, int):
                ids.append(value)
    return ids


def _source(claim: Claim, doc: Document | None) -> dict[str, Any]:
    return {
        "claim_id": claim.id,
        "document_id": claim.document_id,
        "side": claim.side,
        "category": claim.category,
        "value": claim.value,
        "asserted_by": claim.asserted_by_text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "review_state": claim.review_state,
        "document": None
        if doc is None
        else {
            "id": doc.id,
            "title": doc.title,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published,
            "external_id": doc.external_id,
        },
    }


def event_etag(ex: Exchange, claim_ids: list[int], figures: list[Figure]) -> str:
    """An entity tag that changes when the event, its claims or its figures change."""
    return _etag(
        [
            "event",
            ex.id,
            ex.date,
            ex.status,
            ex.updated_at,
            sorted(claim_ids),
            sorted((f.side, f.category, f.rule, f.value, f.low, f.high) for f in figures),
        ]
    )


def get_event(*, session: Session, event_id: int, rule: str | None = None) -> dict[str, Any]:
    """One event with its figures under ``rule``, each with its sources, and the event's claims."""
    rule = check_rule(rule)
    ex = session.get(Exchange, event_id)
    if ex is None:
        raise NotFoundError(f"event {event_id} does not exist")
    all_figures = list(session.scalars(select(Figure).where(Figure.exchange_id == event_id)))
    figures = sorted(
        (f for f in all_figures if f.rule == rule),
        key=lambda f: (f.side, f.category != "total", f.category),
    )
    claims = list(
        session.scalars(select(Claim).where(Claim.exchange_id == event_id).order_by(Claim.id))
    )
    wanted = {i for f in figures for i in _claim_ids(f.supporting) + _claim_ids(f.conflicting)}
    known = {c.id: c for c in claims}
    missing = wanted - known.keys()
    if missing:
        for extra in session.scalars(select(Claim).where(Claim.id.in_(missing))):
            known[extra.id] = extra
    doc_ids = {c.document_id for c in known.values()}
    docs = (
        {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(doc_ids)))}
        if doc_ids
        else {}
    )

    def sources(entries: list[Any] | None) -> list[dict[str, Any]]:
        return [
            _source(known[i], docs.get(known[i].document_id))
            for i in _claim_ids(entries)
            if i in known
        ]

    summary = _event_summary(ex, figures)
    summary["rule"] = rule
    summary["figures"] = [
        {
            "id": f.id,
            "side": f.side,
            "category": f.category,
            "rule": f.rule,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "approximate": f.approximate,
            "explanation": f.explanation,
            "supporting": sources(f.supporting),
            "conflicting": sources(f.conflicting),
        }
        for f in figures
    ]
    summary["claims"] = [claim_dict(c) for c in claims]
    summary["documents"] = [
        {"id": d.id, "title": d.title, "outlet": d.outlet, "url": d.url, "published": d.published}
        for d in sorted(docs.values(), key=lambda d: (d.published or "", d.id))
    ]
    summary["etag"] = event_etag(ex, [c.id for c in claims], all_figures)
    return summary


def current_event_etag(*, session: Session, event_id: int) -> str:
    """The entity tag of an event as it is now, or NotFoundError."""
    ex = session.get(Exchange, event_id)
    if ex is None:
        raise NotFoundError(f"event {event_id} does not exist")
    figures = list(session.scalars(select(Figure).where(Figure.exchange_id == event_id)))
    claim_ids = list(session.scalars(select(Claim.id).where(Claim.exchange_id == event_id)))
    return event_etag(ex, claim_ids, figures)


def timeline(
    *, session: Session, rule: str | None = None, as_of: str | None = None
) -> list[dict[str, Any]]:
    """Completed events in date order, each with its per-side totals, low and high."""
    rule = check_rule(rule)
    conditions: list[ColumnElement[bool]] = [
        Exchange.date.is_not(None),
        Exchange.phase == "completed",
    ]
    if as_of:
        conditions.append(Exchange.date <= as_of + "\uffff")
    rows = session.execute(
        select(
            Exchange.id,
            Exchange.date,
            Exchange.status,
            Figure.side,
            Figure.value,
            Figure.low,
            Figure.high,
        )
        .join(Figure, Figure.exchange_id == Exchange.id)
        .where(*conditions, Figure.rule == rule, Figure.category == "total")
        .order_by(Exchange.date, Exchange.id)
    ).all()
    events: dict[int, dict[str, Any]] = {}
    for ex_id, date, status, side, value, low, high in rows:
        item = events.setdefault(ex_id, {"id": ex_id, "date": date, "status": status, "sides": {}})
        v = value
        item["sides"][side] = {
            "value": v,
            "low": low if low is not None else v,
            "high": high if high is not None else v,
        }
    return list(events.values())


def ledger_totals(
    *, session: Session, rule: str | None = None, as_of: str | None = None
) -> dict[str, Any]:
    """Cumulative persons returned to each side, with low and high, and the running series."""
    rule = check_rule(rule)
    running: dict[str, dict[str, int]] = {}
    series: list[dict[str, Any]] = []
    for event in timeline(session=session, rule=rule, as_of=as_of):
        for side, fig in event["sides"].items():
            acc = running.setdefault(side, {"value": 0, "low": 0, "high": 0})
            for key in ("value", "low", "high"):
                acc[key] += fig[key] or 0
            series.append({"date": event["date"], "event_id": event["id"], "side": side, **acc})
    return {"rule": rule, "as_of": as_of, "sides": running, "series": series}


# --- actors ----------------------------------------------------------------------------------


def actor_dict(actor: Actor) -> dict[str, Any]:
    """An actor's fields as JSON-ready values."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "party": actor.party,
        "aliases": list(actor.aliases or []),
    }


def list_actors(
    *,
    session: Session,
    kind: str | None = None,
    party: str | None = None,
    sort: str = "",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """One page of actors matching the filters."""
    conditions: list[ColumnElement[bool]] = []
    if kind:
        conditions.append(Actor.kind == kind)
    if party:
        conditions.append(Actor.party == party)
    order = _order(sort, {"id": Actor.id, "name": Actor.name, "kind": Actor.kind}, "name")
    total = session.scalar(select(func.count(Actor.id)).where(*conditions)) or 0
    rows = session.scalars(
        select(Actor).where(*conditions).order_by(*order, Actor.id).limit(limit).offset(offset)
    )
    return Page([actor_dict(a) for a in rows], int(total), limit, offset)


def get_actor(*, session: Session, actor_id: int) -> Actor:
    """The actor with this id, or NotFoundError."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFoundError(f"actor {actor_id} does not exist")
    return actor
