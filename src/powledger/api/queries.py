"""Read queries behind the API and the pages: documents, claims, events, figures, totals, actors."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from powledger.errors import InputError, NotFoundError
from powledger.store.schema import Actor, Claim, Document, Exchange
from powledger.store.schema_review import ClaimReview, EventDetail

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


def latest_reviews(*, session: Session, claim_ids: list[int]) -> dict[int, ClaimReview]:
    """The newest review of each of these claims."""
    if not claim_ids:
        return {}
    found: dict[int, ClaimReview] = {}
    rows = session.scalars(
        select(ClaimReview).where(ClaimReview.claim_id.in_(claim_ids)).order_by(ClaimReview.id)
    )
    for review in rows:
        if review.claim_id is not None:
            found[review.claim_id] = review
    return found


def review_dict(review: ClaimReview | None) -> dict[str, Any] | None:
    """A review's fields as JSON-ready values."""
    if review is None:
        return None
    return {
        "action": review.action,
        "value": review.value,
        "previous_value": review.previous_value,
        "by": review.by,
        "reason": review.reason,
        "at": review.created_at.isoformat(),
    }


def claim_etag(claim: Claim, review: ClaimReview | None) -> str:
    """An entity tag that changes whenever the claim or its latest review changes."""
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
            review.id if review is not None else None,
        ]
    )


def claim_with_review(*, session: Session, claim: Claim) -> tuple[dict[str, Any], str]:
    """A claim with its latest review, and its entity tag."""
    review = latest_reviews(session=session, claim_ids=[claim.id]).get(claim.id)
    body = claim_dict(claim)
    body["review"] = review_dict(review)
    return body, claim_etag(claim, review)


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


# --- events and figures (read through the reconciliation service) ---------------------------


def _event_ids_query(date_from: str | None, date_to: str | None, party: str | None) -> Select[Any]:
    """The events a listing shows: stages are folded into their agreement, as the service does."""
    stmt = (
        select(Exchange.id)
        .outerjoin(EventDetail, EventDetail.exchange_id == Exchange.id)
        .where(func.coalesce(EventDetail.role, "event") != "stage")
    )
    if date_from:
        stmt = stmt.where(Exchange.date >= date_from)
    if date_to:
        stmt = stmt.where(Exchange.date <= date_to + "\uffff")
    if party:
        stmt = stmt.where(cast(Exchange.parties, String).like(_like_json_item(party), escape="\\"))
    return stmt


def list_events(
    *,
    session: Session,
    date_from: str | None = None,
    date_to: str | None = None,
    party: str | None = None,
    rule: str | None = None,
    sort: str = "",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """One page of events (the service's shape) by date, oldest first or with ``sort=-date`` newest."""
    from powledger import reconcile

    rule = check_rule(rule)
    if sort not in ("", "date", "-date"):
        raise InputError(f"cannot sort events by {sort!r}: use date or -date")
    total = int(
        session.scalar(
            select(func.count()).select_from(_event_ids_query(date_from, date_to, party).subquery())
        )
        or 0
    )
    if sort == "-date":
        # The service lists oldest first: read the matching slice from the other end and turn it.
        stop = max(0, total - offset)
        start = max(0, stop - limit)
        window = (stop - start, start)
    else:
        window = (limit, offset)
    items = reconcile.list_events(
        session=session,
        date_from=date_from,
        date_to=date_to,
        party=party,
        rule=rule,
        limit=window[0],
        offset=window[1],
    )
    if sort == "-date":
        items.reverse()
    return Page(items, total, limit, offset)


def all_events(*, session: Session, rule: str | None = None) -> list[dict[str, Any]]:
    """Every event that counts in the ledger, oldest first (stages folded into agreements)."""
    from powledger import reconcile

    return list(reconcile.list_events(session=session, rule=check_rule(rule)))


def event_etag(ex: Exchange, claims: list[tuple[int, str]]) -> str:
    """An entity tag that changes when the event or its claims (or their reviews) change.

    Reconciliation stamps ``updated_at`` whenever it rewrites an event, so figures are covered.
    """
    return _etag(["event", ex.id, ex.key, ex.date, ex.status, ex.updated_at, sorted(claims)])


def current_event_etag(*, session: Session, event_id: int) -> str:
    """The entity tag of an event as it is now, or NotFoundError."""
    ex = session.get(Exchange, event_id)
    if ex is None:
        raise NotFoundError(f"event {event_id} does not exist")
    claims = session.execute(
        select(Claim.id, Claim.review_state).where(Claim.exchange_id == event_id)
    ).all()
    return event_etag(ex, [(c[0], c[1]) for c in claims])


def get_event(*, session: Session, event_id: int, rule: str | None = None) -> dict[str, Any]:
    """One event with its figures and their sources (the service's shape), documents and ETag."""
    from powledger import reconcile

    rule = check_rule(rule)
    event: dict[str, Any] = reconcile.get_event(session=session, event_id=event_id, rule=rule)
    ex = session.get(Exchange, event_id)
    assert ex is not None  # get_event raised NotFoundError otherwise
    event["phase"] = ex.phase
    doc_ids = {c["document_id"] for c in event.get("claims", [])}
    doc_ids |= {
        s["document_id"] for f in event["figures"] for s in f["supporting"] + f["conflicting"]
    }
    docs = (
        list(
            session.execute(
                select(
                    Document.id, Document.title, Document.outlet, Document.url, Document.published
                )
                .where(Document.id.in_(doc_ids))
                .order_by(Document.published, Document.id)
            )
        )
        if doc_ids
        else []
    )
    event["document_list"] = [
        {"id": d[0], "title": d[1], "outlet": d[2], "url": d[3], "published": d[4]} for d in docs
    ]
    event["etag"] = event_etag(
        ex, [(c["claim_id"], c["review_state"]) for c in event.get("claims", [])]
    )
    return event


def ledger_totals(
    *, session: Session, rule: str | None = None, as_of: str | None = None
) -> dict[str, Any]:
    """Cumulative totals per pair of parties, with ranges and a timeline (from the service)."""
    from powledger import reconcile

    result: dict[str, Any] = reconcile.ledger_totals(
        session=session, as_of=as_of, rule=check_rule(rule)
    )
    return result


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
