"""Reading the ledger: events with their figures and sources, and cumulative totals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from powledger.errors import InputError, NotFoundError
from powledger.reconcile.engine import reconcile_claims
from powledger.reconcile.ledger import LedgerItem, items_from_events, ledger
from powledger.reconcile.model import Rule
from powledger.reconcile.service import check_rule
from powledger.store import events as repo
from powledger.store.schema import Actor, Claim, Document, Exchange, Figure
from powledger.store.schema_review import EventDetail

# --- reading events ----------------------------------------------------------------------------


def _event_rows(session: Session, exchange_ids: Sequence[int], rule: Rule) -> list[dict[str, Any]]:
    """The list shape of events (one JSON object each), in the order of ``exchange_ids``."""
    if not exchange_ids:
        return []
    exchanges = {
        e.id: e for e in session.scalars(select(Exchange).where(Exchange.id.in_(exchange_ids)))
    }
    details = {
        d.exchange_id: d
        for d in session.scalars(
            select(EventDetail).where(EventDetail.exchange_id.in_(exchange_ids))
        )
    }
    figs: dict[int, list[Figure]] = {i: [] for i in exchange_ids}
    for f in session.scalars(
        select(Figure)
        .where(Figure.exchange_id.in_(exchange_ids), Figure.rule == rule)
        .order_by(Figure.side, Figure.category)
    ):
        figs[f.exchange_id].append(f)
    stages: dict[int, list[int]] = {}
    for stage_id, agreement_id in session.execute(
        select(EventDetail.exchange_id, EventDetail.agreement_id).where(
            EventDetail.agreement_id.in_(exchange_ids)
        )
    ):
        if agreement_id is not None:
            stages.setdefault(agreement_id, []).append(stage_id)
    out = []
    for ex_id in exchange_ids:
        ex = exchanges[ex_id]
        detail = details.get(ex_id)
        totals = [f for f in figs[ex_id] if f.category == "total"]
        parties = list(ex.parties or [])
        returned_to: dict[str, int | None] = {p: None for p in parties}
        low: dict[str, int | None] = {p: None for p in parties}
        high: dict[str, int | None] = {p: None for p in parties}
        approximate: dict[str, bool] = {p: False for p in parties}
        for f in totals:
            returned_to[f.side], low[f.side], high[f.side] = f.value, f.low, f.high
            approximate[f.side] = f.approximate
        out.append(
            {
                "id": ex.id,
                "key": ex.key,
                "date": ex.date,
                "date_precision": ex.date_precision,
                "parties": parties,
                "returned_to": returned_to,
                "low": low,
                "high": high,
                "approximate": approximate,
                "composition": [
                    {
                        "side": f.side,
                        "category": f.category,
                        "count": f.value,
                        "low": f.low,
                        "high": f.high,
                    }
                    for f in figs[ex_id]
                    if f.category != "total"
                ],
                "mediators": list(ex.mediators or []),
                "status": ex.status,
                "rule": rule,
                "role": detail.role if detail else "event",
                "agreement_id": detail.agreement_id if detail else None,
                "stages": sorted(stages.get(ex_id, [])),
                "documents": list(detail.documents) if detail else [],
                "document_count": detail.document_count if detail else 0,
            }
        )
    return out


def list_events(
    *,
    session: Session,
    date_from: str | None = None,
    date_to: str | None = None,
    party: str | None = None,
    rule: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    stages: bool = False,
) -> list[dict[str, Any]]:
    """Events by date (agreements with their stages folded; ``stages=True`` lists stages instead)."""
    chosen = check_rule(rule)
    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None:
            _check_date(value, name)
    stmt = select(Exchange.id).outerjoin(EventDetail, EventDetail.exchange_id == Exchange.id)
    hidden = "agreement" if stages else "stage"
    stmt = stmt.where(func.coalesce(EventDetail.role, "event") != hidden)
    if date_from:
        stmt = stmt.where(Exchange.date >= date_from[: len(date_from)])
    if date_to:
        stmt = stmt.where(Exchange.date <= date_to + "\uffff")
    if party:
        stmt = stmt.where(cast(Exchange.parties, String).like(f'%"{party}"%'))
    stmt = stmt.order_by(Exchange.date.is_(None), Exchange.date, Exchange.id)
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    ids = list(session.scalars(stmt))
    return _event_rows(session, ids, chosen)


def count_events(*, session: Session, stages: bool = False) -> int:
    """How many events a listing without filters would give."""
    hidden = "agreement" if stages else "stage"
    stmt = (
        select(func.count(Exchange.id))
        .outerjoin(EventDetail, EventDetail.exchange_id == Exchange.id)
        .where(func.coalesce(EventDetail.role, "event") != hidden)
    )
    return int(session.scalar(stmt) or 0)


def claim_dicts(session: Session, *where: Any) -> dict[int, dict[str, Any]]:
    """Claims matching ``where`` with their document's reference and their asserter, by id.

    One query (document and actor joined), shared by the event pages and the exports.
    """
    rows = session.execute(
        select(
            Claim,
            Document.external_id,
            Document.url,
            Document.source,
            Document.sha256,
            Document.outlet,
            Document.published,
            Actor.name,
        )
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Actor, Actor.id == Claim.actor_id)
        .where(*where)
    )
    out = {}
    for c, ext, url, source, sha, outlet, published, actor in rows:
        out[c.id] = {
            "claim_id": c.id,
            "document": repo.document_ref(ext, url, source, sha),
            "document_id": c.document_id,
            "url": url,
            "outlet": outlet,
            "published": published,
            "side": c.side,
            "category": c.category,
            "value": c.value,
            "approximate": c.approximate,
            "asserted_by": actor or c.asserted_by_text,
            "asserted_by_text": c.asserted_by_text,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
            "review_state": c.review_state,
        }
    return out


def _claim_dicts(session: Session, claim_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    if not claim_ids:
        return {}
    return claim_dicts(session, Claim.id.in_(sorted(set(claim_ids))))


def get_event(*, session: Session, event_id: int, rule: str | None = None) -> dict[str, Any]:
    """One event with its figures under ``rule``, each with its supporting and conflicting sources."""
    chosen = check_rule(rule)
    if session.get(Exchange, event_id) is None:
        raise NotFoundError(f"no event with id {event_id}")
    (event,) = _event_rows(session, [event_id], chosen)
    figures = list(
        session.scalars(
            select(Figure)
            .where(Figure.exchange_id == event_id, Figure.rule == chosen)
            .order_by(Figure.side, Figure.category)
        )
    )
    ids = [i for f in figures for i in (*f.supporting, *f.conflicting)]
    claims = _claim_dicts(session, ids)
    event["figures"] = [
        {
            "side": f.side,
            "category": f.category,
            "rule": f.rule,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "approximate": f.approximate,
            "explanation": f.explanation,
            "supporting": [claims[i] for i in f.supporting if i in claims],
            "conflicting": [claims[i] for i in f.conflicting if i in claims],
        }
        for f in figures
    ]
    all_claims = session.scalars(select(Claim.id).where(Claim.exchange_id == event_id))
    event["claims"] = sorted(
        _claim_dicts(session, list(all_claims)).values(), key=lambda c: c["claim_id"]
    )
    return event


# --- the ledger ----------------------------------------------------------------------------------


def _check_date(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{name} must be a date like 2024-09-14, not {text!r}") from None


def ledger_totals(
    *, session: Session, as_of: str | date | None = None, rule: str | None = None
) -> dict[str, Any]:
    """Cumulative totals per pair of parties under ``rule``; with ``as_of``, only from the
    documents captured (and the reviews made) by the end of that day."""
    chosen = check_rule(rule)
    if as_of is None:
        items = _stored_ledger_items(session, chosen)
        as_of_text = None
    else:
        day = _check_date(as_of, "--as-of") if isinstance(as_of, str) else as_of
        cutoff = datetime.combine(day, time.max, tzinfo=UTC)
        claims = repo.load_claim_inputs(session=session, captured_by=cutoff)
        reviews = repo.load_reviews(session=session, by_time=cutoff)
        overrides = [
            repo.as_override(o) for o in repo.load_overrides(session=session, by_time=cutoff)
        ]
        events = reconcile_claims(claims, reviews=reviews, overrides=overrides)
        items = items_from_events(events, chosen)
        as_of_text = day.isoformat()
    return {"as_of": as_of_text, "rule": chosen, "pairs": ledger(items)}


def _stored_ledger_items(session: Session, rule: Rule) -> list[LedgerItem]:
    rows = session.execute(
        select(Exchange.id, Exchange.date, Exchange.parties, EventDetail.role)
        .outerjoin(EventDetail, EventDetail.exchange_id == Exchange.id)
        .where(func.coalesce(EventDetail.role, "event") != "stage")
    )
    base = {ex_id: (day, tuple(sorted(parties or ()))) for ex_id, day, parties, _ in rows}
    figs: dict[int, dict[str, tuple[int | None, int | None, int | None]]] = {i: {} for i in base}
    for ex_id, side, value, lo, hi in session.execute(
        select(Figure.exchange_id, Figure.side, Figure.value, Figure.low, Figure.high).where(
            Figure.rule == rule, Figure.category == "total"
        )
    ):
        if ex_id in figs:
            figs[ex_id][side] = (value, lo, hi)
    return [LedgerItem(i, d, p, figs[i]) for i, (d, p) in base.items()]
