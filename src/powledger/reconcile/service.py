"""Service functions over the store: reconcile, read events and totals, apply reviews.

Every function takes keyword-only arguments and a SQLAlchemy session; the caller commits.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from powledger.errors import InputError, NotFoundError, ReviewError
from powledger.reconcile.cluster import cluster_units
from powledger.reconcile.engine import (
    STAGE_WINDOW_DAYS,
    StageItem,
    build_event,
    reconcile_claims,
    stage_roles,
)
from powledger.reconcile.ledger import LedgerItem, items_from_events, ledger
from powledger.reconcile.model import (
    DEFAULT_RULE,
    REVIEW_ACTIONS,
    RULES,
    ClaimInput,
    Rule,
    Unit,
    claim_key,
    ordinal_to_iso,
    unit_key,
)
from powledger.reconcile.units import apply_reviews, build_units
from powledger.store import events as repo
from powledger.store.schema import Claim, Document, Exchange, Figure
from powledger.store.schema_review import ClaimReview, EventDetail, EventOverride

logger = logging.getLogger(__name__)

#: Two units further apart than this can never share an event (see cluster.DAY_TOLERANCE).
SEGMENT_MARGIN_DAYS = 2


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    """What one reconciliation run did."""

    documents: int
    units: int
    events: int
    removed: int


def check_rule(rule: str | None) -> Rule:
    """Return ``rule`` if it is one of :data:`RULES` (None means the default), else raise."""
    if rule is None:
        return DEFAULT_RULE
    if rule not in RULES:
        raise InputError(f"unknown rule {rule!r}: use one of {', '.join(RULES)}")
    return rule


def _iso_shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _unit_rows(units: Sequence[Unit]) -> list[dict[str, Any]]:
    rows = []
    for u in units:
        doc_id = u.claims[0].document_id
        rows.append(
            {
                "unit_key": u.key,
                "document_id": doc_id,
                "exchange_index": u.claims[0].exchange_index,
                "parties": parties_key(u.parties),
                "date_lo": ordinal_to_iso(u.lo),
                "date_hi": ordinal_to_iso(u.hi),
            }
        )
    return rows


def parties_key(parties: Collection[str]) -> str:
    """How a unit's parties are stored: sorted and joined; '' for fewer than two."""
    return "|".join(sorted(parties)) if len(parties) >= 2 else ""


def _base_key(key: str) -> str:
    return ":".join(key.split(":")[:2])


def reconcile(*, session: Session, document_ids: Collection[int] | None = None) -> ReconcileReport:
    """Rebuild events: all of them (``document_ids=None``), or only those the documents concern.

    Incremental runs recompute the date-connected segment of stored units around the documents'
    reports (plus units tied to them by a reviewer's merge or split), which gives the same events
    as a full run because clustering never compares units whose dates do not meet.
    """
    override_rows = repo.load_overrides(session=session)
    overrides = [repo.as_override(o) for o in override_rows]
    if document_ids is None:
        reviews = repo.load_reviews(session=session)
        claims = repo.load_claim_inputs(session=session)
        old_rows = repo.all_units(session=session)
        old_exchanges = set(session.scalars(select(Exchange.id)))
    else:
        seeds = set(document_ids)
        new_claims = repo.load_claim_inputs(session=session, document_ids=seeds)
        # Reviews never move a report's dates, so the segment can be found before reading them.
        new_units = build_units(new_claims, overrides)
        old_rows, docs = _segment(session, seeds, new_units, override_rows)
        old_exchanges = {r.exchange_id for r in old_rows if r.exchange_id is not None}
        wanted = {_base_key(r.unit_key) for r in old_rows} | {_base_key(u.key) for u in new_units}
        loaded = repo.load_claim_inputs(session=session, document_ids=docs - seeds)
        claims = new_claims + [c for c in loaded if unit_key(c.sha256, c.exchange_index) in wanted]
        reviews = repo.load_reviews(session=session, sha256s={c.sha256 for c in claims})
    units = build_units(apply_reviews(claims, reviews), overrides)
    groups = cluster_units(units, overrides)
    events = [build_event(g) for g in groups]
    repo.write_segment(
        session=session,
        events=events,
        old_exchange_ids=old_exchanges,
        unit_rows=_unit_rows(units),
        old_unit_keys={r.unit_key for r in old_rows},
        document_ids_by_sha={},
    )
    _stamp_review_states(session, claims, reviews)
    dates = [d for e in events for d in (e.date_lo, e.date_hi) if d]
    dates += [d for r in old_rows for d in (r.date_lo, r.date_hi) if d]
    if document_ids is None:
        refresh_stages(session=session, lo=None, hi=None)
    elif dates:
        refresh_stages(
            session=session, lo=min(dates), hi=max(dates), parties={e.parties for e in events}
        )
    session.flush()
    report = ReconcileReport(
        documents=len({c.sha256 for c in claims}),
        units=len(units),
        events=len(events),
        removed=max(0, len(old_exchanges) - len(events)),
    )
    logger.info("reconciled %s", report)
    return report


def _stamp_review_states(
    session: Session, claims: Sequence[ClaimInput], reviews: dict[str, Any]
) -> None:
    """Copy reviewers' verdicts onto freshly extracted claim rows (their ids are new)."""
    if not reviews:
        return
    states = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
    for c in claims:
        review = reviews.get(c.key)
        if review is not None and c.claim_id is not None:
            row = session.get(Claim, c.claim_id)
            if row is not None:
                row.review_state = states[review.action]


def _segment(
    session: Session,
    seeds: set[int],
    new_units: Sequence[Unit],
    overrides: Sequence[EventOverride],
) -> tuple[list[Any], set[int]]:
    """Stored units that can interact with the new units, to a fixed point; and their documents."""
    rows: dict[str, Any] = {}
    docs = set(seeds)
    windows: list[tuple[str, str, str]] = []
    for u in new_units:
        lo, hi = ordinal_to_iso(u.lo), ordinal_to_iso(u.hi)
        if lo and hi:
            windows.append((lo, hi, parties_key(u.parties)))
    pending_docs = set(seeds)
    pending_events: set[int] = set()
    queried_docs: set[int] = set()
    queried_events: set[int] = set()
    queried: list[tuple[str, str, str]] = []
    while windows or pending_docs or pending_events:
        pending_docs -= queried_docs
        pending_events -= queried_events
        queried_docs |= pending_docs
        queried_events |= pending_events
        found: list[Any] = []
        for lo, hi, key in _merge_windows(windows, queried):
            # Reports of other parties never join; reports naming fewer parties may join any.
            scope = None if not key else {key, ""}
            found += repo.units_overlapping(session=session, lo=lo, hi=hi, parties=scope)
            queried.append((lo, hi, key))
        found += repo.units_of(
            session=session, document_ids=pending_docs, exchange_ids=pending_events
        )
        windows, pending_docs, pending_events = [], set(), set()
        for row in found:
            if row.unit_key in rows:
                continue
            rows[row.unit_key] = row
            docs.add(row.document_id)
            if row.date_lo and row.date_hi:
                windows.append((row.date_lo, row.date_hi, row.parties))
            if row.exchange_id is not None:
                # Every unit of an event the segment touches must be recomputed with it.
                pending_events.add(row.exchange_id)
        # A reviewer's merge or split ties its documents together wherever their dates are.
        for ov in overrides:
            linked = {int(d) for d in ov.document_ids}
            if linked & docs and not linked <= docs:
                pending_docs |= linked - docs
                docs |= linked
    return list(rows.values()), docs


def _merge_windows(
    windows: Sequence[tuple[str, str, str]], queried: Sequence[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Widen windows by the margin, merge overlapping ones of the same parties, drop those
    already searched (a party-less search covers every party)."""
    wide = sorted(
        (key, _iso_shift(lo, -SEGMENT_MARGIN_DAYS), _iso_shift(hi, SEGMENT_MARGIN_DAYS))
        for lo, hi, key in windows
    )
    merged: list[tuple[str, str, str]] = []
    for key, lo, hi in wide:
        if merged and merged[-1][2] == key and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]), key)
        else:
            merged.append((lo, hi, key))
    return [
        w
        for w in merged
        if not any(q[0] <= w[0] and w[1] <= q[1] and q[2] in (w[2], "") for q in queried)
    ]


def refresh_stages(
    *,
    session: Session,
    lo: str | None,
    hi: str | None,
    parties: Collection[tuple[str, ...]] | None = None,
) -> None:
    """Recompute which events are stages of an agreement, around [lo, hi] (everywhere if None),
    for events of the given sets of parties (all if None)."""
    if parties is not None:
        for pair in sorted(parties):
            if len(pair) >= 2:
                _refresh_stages(session, lo, hi, pair)
        return
    _refresh_stages(session, lo, hi, None)


def _refresh_stages(
    session: Session, lo: str | None, hi: str | None, parties: tuple[str, ...] | None
) -> None:
    wide_lo = _iso_shift(lo, -2 * STAGE_WINDOW_DAYS) if lo else None
    wide_hi = _iso_shift(hi, 2 * STAGE_WINDOW_DAYS) + "\uffff" if hi else None
    current, totals = repo.stage_summaries(session=session, lo=wide_lo, hi=wide_hi, parties=parties)
    items = [
        StageItem(str(ex_id), day, tuple(sorted(parties or ())), totals[ex_id])
        for ex_id, (day, parties, _, _) in current.items()
        if ex_id in totals
    ]
    roles = stage_roles(items)
    # Write only where the detection saw the whole stage window around an event, and only changes.
    near_lo = _iso_shift(lo, -STAGE_WINDOW_DAYS) if lo else None
    near_hi = _iso_shift(hi, STAGE_WINDOW_DAYS) + "\uffff" if hi else None
    changes: dict[int, tuple[str, int | None]] = {}
    for ex_id, (day, _, role, agreement) in current.items():
        if (near_lo and day < near_lo) or (near_hi and day > near_hi):
            continue
        new_role, new_agreement, _ = roles.get(str(ex_id), ("event", None, ()))
        wanted = (new_role, int(new_agreement) if new_agreement else None)
        if wanted != (role, agreement):
            changes[ex_id] = wanted
    repo.set_stage_roles(session=session, roles=changes)


def ensure_reconciled(*, session: Session) -> ReconcileReport | None:
    """Reconcile the documents whose claims are new or changed since the last run, if any."""
    pending = repo.pending_document_ids(session=session)
    if not pending:
        return None
    return reconcile(session=session, document_ids=pending)


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


def _claim_dicts(session: Session, claim_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    if not claim_ids:
        return {}
    rows = session.execute(
        select(
            Claim,
            Document.external_id,
            Document.url,
            Document.source,
            Document.sha256,
            Document.outlet,
            Document.published,
        )
        .join(Document, Document.id == Claim.document_id)
        .where(Claim.id.in_(sorted(set(claim_ids))))
    )
    out = {}
    for c, ext, url, source, sha, outlet, published in rows:
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
            "asserted_by": c.actor.name if c.actor else c.asserted_by_text,
            "asserted_by_text": c.asserted_by_text,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
            "review_state": c.review_state,
        }
    return out


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


# --- review --------------------------------------------------------------------------------------


def _require(by: str | None, reason: str | None) -> tuple[str, str]:
    if not by or not by.strip():
        raise ReviewError("say who reviews: --by NAME is required")
    if not reason or not reason.strip():
        raise ReviewError("say why: --reason TEXT is required")
    return by.strip(), reason.strip()


def review_claim(
    *,
    session: Session,
    claim_id: int,
    action: str,
    value: int | None = None,
    by: str,
    reason: str,
) -> dict[str, Any]:
    """Accept, reject or correct a claim; recorded with who/when/why and applied at once."""
    who, why = _require(by, reason)
    if action not in REVIEW_ACTIONS:
        raise ReviewError(
            f"unknown review action {action!r}: use one of {', '.join(REVIEW_ACTIONS)}"
        )
    if action == "correct":
        if value is None or value < 0:
            raise ReviewError("a correction needs the right value: --value N (a count >= 0)")
    elif value is not None:
        raise ReviewError(f"--value only goes with 'correct', not with {action!r}")
    row = session.execute(
        select(Claim, Document.sha256).join(Document).where(Claim.id == claim_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    claim, sha = row
    key = claim_key(sha, claim.start, claim.end, claim.category, claim.side)
    record = ClaimReview(
        claim_key=key,
        document_sha256=sha,
        claim_id=claim.id,
        action=action,
        value=value,
        previous_value=claim.value,
        by=who,
        reason=why,
        created_at=datetime.now(UTC),
    )
    session.add(record)
    claim.review_state = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}[
        action
    ]
    session.flush()
    reconcile(session=session, document_ids=[claim.document_id])
    session.refresh(claim)
    return {
        "review_id": record.id,
        "claim_id": claim.id,
        "claim_key": key,
        "action": action,
        "value": value,
        "previous_value": record.previous_value,
        "by": who,
        "reason": why,
        "at": record.created_at.isoformat(),
        "event_id": claim.exchange_id,
    }


def _claims_of_events(session: Session, event_ids: Sequence[int]) -> list[tuple[int, str, int]]:
    rows = session.execute(
        select(
            Claim.id,
            Claim.start,
            Claim.end,
            Claim.category,
            Claim.side,
            Document.sha256,
            Claim.document_id,
            Claim.exchange_id,
        )
        .join(Document)
        .where(Claim.exchange_id.in_(event_ids))
    )
    return [
        (cid, claim_key(sha, start, end, cat, side), doc)
        for cid, start, end, cat, side, sha, doc, _ in rows
    ]


def merge_events(
    *, session: Session, event_ids: Sequence[int], by: str, reason: str
) -> dict[str, Any]:
    """Make one event of several; recorded, and kept through every later reconciliation."""
    who, why = _require(by, reason)
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise ReviewError("merging needs at least two different event ids")
    missing = set(ids) - set(session.scalars(select(Exchange.id).where(Exchange.id.in_(ids))))
    if missing:
        raise NotFoundError(f"no event with id {min(missing)}")
    claims = _claims_of_events(session, ids)
    if not claims:
        raise ReviewError("these events have no claims to merge")
    override = EventOverride(
        kind="merge",
        claim_keys=sorted({k for _, k, _ in claims}),
        apart_keys=[],
        document_ids=sorted({d for _, _, d in claims}),
        event_ids=ids,
        by=who,
        reason=why,
        created_at=datetime.now(UTC),
    )
    session.add(override)
    session.flush()
    reconcile(session=session, document_ids=override.document_ids)
    first = session.get(Claim, claims[0][0])
    return {
        "override_id": override.id,
        "merged": ids,
        "event_id": first.exchange_id if first else None,
        "by": who,
        "reason": why,
    }


def split_event(
    *, session: Session, event_id: int, claim_ids: Sequence[int], by: str, reason: str
) -> dict[str, Any]:
    """Move some claims of an event into an event of their own; recorded and kept."""
    who, why = _require(by, reason)
    if session.get(Exchange, event_id) is None:
        raise NotFoundError(f"no event with id {event_id}")
    claims = _claims_of_events(session, [event_id])
    moving = set(claim_ids)
    unknown = moving - {cid for cid, _, _ in claims}
    if unknown:
        raise ReviewError(f"claim {min(unknown)} is not part of event {event_id}")
    if not moving:
        raise ReviewError("name the claims to split off: --claims ID,ID,...")
    if moving >= {cid for cid, _, _ in claims}:
        raise ReviewError("a split must leave at least one claim in the event")
    override = EventOverride(
        kind="split",
        claim_keys=sorted({k for cid, k, _ in claims if cid in moving}),
        apart_keys=sorted({k for cid, k, _ in claims if cid not in moving}),
        document_ids=sorted({d for _, _, d in claims}),
        event_ids=[event_id],
        by=who,
        reason=why,
        created_at=datetime.now(UTC),
    )
    session.add(override)
    session.flush()
    reconcile(session=session, document_ids=override.document_ids)
    moved = session.get(Claim, min(moving))
    kept = session.get(Claim, min(cid for cid, _, _ in claims if cid not in moving))
    return {
        "override_id": override.id,
        "event_id": kept.exchange_id if kept else None,
        "new_event_id": moved.exchange_id if moved else None,
        "by": who,
        "reason": why,
    }


def review_history(*, session: Session, limit: int = 50) -> list[dict[str, Any]]:
    """The latest reviews and merges/splits, newest first, with who, when and why."""
    out: list[dict[str, Any]] = []
    for r in session.scalars(select(ClaimReview).order_by(ClaimReview.id.desc()).limit(limit)):
        out.append(
            {
                "at": r.created_at.isoformat(),
                "by": r.by,
                "action": r.action,
                "target": f"claim {r.claim_id}",
                "claim_key": r.claim_key,
                "value": r.value,
                "previous_value": r.previous_value,
                "reason": r.reason,
            }
        )
    for o in session.scalars(select(EventOverride).order_by(EventOverride.id.desc()).limit(limit)):
        out.append(
            {
                "at": o.created_at.isoformat(),
                "by": o.by,
                "action": o.kind,
                "target": "events " + ", ".join(str(i) for i in o.event_ids),
                "reason": o.reason,
            }
        )
    out.sort(key=lambda e: e["at"], reverse=True)
    return out[:limit]
