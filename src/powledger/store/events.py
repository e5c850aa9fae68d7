"""Repository functions for reconciliation: read claims as plain inputs, write events and reviews."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    String,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from powledger.reconcile.model import ClaimInput, EventResult, Override, Review
from powledger.store.schema import Actor, Claim, Document, Exchange, Figure
from powledger.store.schema_review import ClaimReview, EventDetail, EventOverride, EventUnit

_CHUNK = 500
# Bulk statements need not reconcile the session's objects: this module reads plain rows.
_NOSYNC = {"synchronize_session": False}


def _current_extraction() -> Any:
    """Claims of the document's latest extractor version (older versions' rows may stay stored)."""
    return or_(
        Document.extractor_version.is_(None),
        and_(
            Claim.extractor == Document.extractor,
            Claim.extractor_version == Document.extractor_version,
        ),
    )


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def document_ref(external_id: str | None, url: str | None, source: str | None, sha256: str) -> str:
    """How a document is named to users: its external id at ingest, else its URL or source."""
    return external_id or url or source or sha256[:12]


_CLAIM_COLUMNS = (
    Claim.id,
    Claim.document_id,
    Claim.exchange_index,
    Claim.side,
    Claim.category,
    Claim.value,
    Claim.start,
    Claim.end,
    Claim.phase,
    Claim.kind,
    Claim.value_low,
    Claim.value_high,
    Claim.approximate,
    Claim.derived,
    Claim.asserted_by_text,
    Claim.quote,
    Claim.event_date,
    Claim.event_date_precision,
    Claim.parties,
    Claim.mediators,
    Claim.review_state,
)


def load_claim_inputs(
    *,
    session: Session,
    document_ids: Collection[int] | None = None,
    captured_by: datetime | None = None,
    claim_ids: Collection[int] | None = None,
) -> list[ClaimInput]:
    """Read stored claims (all, or of some documents / captured by a time) as reconcile inputs."""
    stmt = (
        select(
            *_CLAIM_COLUMNS,
            Document.sha256,
            Document.external_id,
            Document.url,
            Document.source,
            Document.published,
            Actor.name,
            Actor.party,
        )
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Actor, Actor.id == Claim.actor_id)
        .where(_current_extraction())
    )
    if captured_by is not None:
        stmt = stmt.where(Document.captured_at <= captured_by)
    batches: list[Any] = []
    if document_ids is not None:
        ids = sorted(document_ids)
        batches = [stmt.where(Claim.document_id.in_(chunk)) for chunk in _chunks(ids)]
    elif claim_ids is not None:
        ids = sorted(claim_ids)
        batches = [stmt.where(Claim.id.in_(chunk)) for chunk in _chunks(ids)]
    else:
        batches = [stmt]
    out: list[ClaimInput] = []
    for batch in batches:
        # Plain rows, not ORM objects: nothing to track, and much faster for a full run.
        for row in session.execute(batch):
            out.append(
                ClaimInput(
                    claim_id=row.id,
                    sha256=row.sha256,
                    document_id=row.document_id,
                    exchange_index=row.exchange_index,
                    side=row.side,
                    category=row.category,
                    value=row.value,
                    start=row.start,
                    end=row.end,
                    phase=row.phase,
                    kind=row.kind,
                    value_low=row.value_low,
                    value_high=row.value_high,
                    approximate=row.approximate,
                    derived=row.derived,
                    asserted_by=row.name or row.asserted_by_text,
                    asserter_party=row.party,
                    quote=row.quote,
                    event_date=row.event_date,
                    event_date_precision=row.event_date_precision,
                    published=row.published,
                    parties=tuple(row.parties or ()),
                    mediators=tuple(row.mediators or ()),
                    document_ref=document_ref(row.external_id, row.url, row.source, row.sha256),
                    review_state=row.review_state,
                )
            )
    return out


def load_reviews(
    *, session: Session, sha256s: Collection[str] | None = None, by_time: datetime | None = None
) -> dict[str, Review]:
    """The latest review of each claim key (optionally of some documents, or made by a time)."""
    stmt = select(ClaimReview).order_by(ClaimReview.id)
    if by_time is not None:
        stmt = stmt.where(ClaimReview.created_at <= by_time)
    if sha256s is not None:
        if not sha256s:
            return {}
        stmt = stmt.where(ClaimReview.document_sha256.in_(sorted(sha256s)))
    out: dict[str, Review] = {}
    for r in session.scalars(stmt):
        out[r.claim_key] = Review(r.claim_key, r.action, r.value)  # type: ignore[arg-type]
    return out


def load_overrides(*, session: Session, by_time: datetime | None = None) -> list[EventOverride]:
    """Every merge and split, oldest first."""
    stmt = select(EventOverride).order_by(EventOverride.id)
    if by_time is not None:
        stmt = stmt.where(EventOverride.created_at <= by_time)
    return list(session.scalars(stmt))


def as_override(row: EventOverride) -> Override:
    """The pure form of a stored override."""
    return Override(
        seq=row.id,
        kind=row.kind,  # type: ignore[arg-type]
        claim_keys=tuple(row.claim_keys),
        apart_keys=tuple(row.apart_keys),
    )


#: The longest date window a unit can have (a report dated only to a leap year).
MAX_UNIT_DAYS = 366

#: What reconciliation reads of a stored unit (plain rows: no ORM objects to build or track).
_UNIT_COLUMNS = (
    EventUnit.unit_key,
    EventUnit.document_id,
    EventUnit.parties,
    EventUnit.date_lo,
    EventUnit.date_hi,
    EventUnit.exchange_id,
)


def units_overlapping(
    *, session: Session, lo: str, hi: str, parties: Collection[str] | None = None
) -> list[Any]:
    """Stored units whose date window meets [lo, hi] (ISO dates), of some party keys if given."""
    # No unit spans more than a year, so its start is bounded below too: the index scan stays short.
    earliest = (date.fromisoformat(lo) - timedelta(days=MAX_UNIT_DAYS)).isoformat()
    stmt = select(*_UNIT_COLUMNS).where(
        and_(EventUnit.date_lo >= earliest, EventUnit.date_lo <= hi, EventUnit.date_hi >= lo)
    )
    if parties is not None:
        stmt = stmt.where(EventUnit.parties.in_(sorted(parties)))
    return list(session.execute(stmt))


def units_of(
    *, session: Session, document_ids: Collection[int] = (), exchange_ids: Collection[int] = ()
) -> list[Any]:
    """Stored units of some documents or of some events (rows with unit_key, document_id,
    parties, date_lo, date_hi, exchange_id)."""
    out: list[Any] = []
    for chunk in _chunks(sorted(document_ids)):
        out.extend(session.execute(select(*_UNIT_COLUMNS).where(EventUnit.document_id.in_(chunk))))
    for chunk in _chunks(sorted(exchange_ids)):
        out.extend(session.execute(select(*_UNIT_COLUMNS).where(EventUnit.exchange_id.in_(chunk))))
    return out


def all_units(*, session: Session) -> list[Any]:
    """Every stored unit, as rows."""
    return list(session.execute(select(*_UNIT_COLUMNS)))


def pending_document_ids(*, session: Session) -> list[int]:
    """Documents whose completed claims are not reconciled yet, or whose units lost their claims."""
    unlinked = (
        select(Claim.document_id)
        .join(Document, Document.id == Claim.document_id)
        .where(Claim.exchange_id.is_(None), Claim.phase == "completed", _current_extraction())
    )
    stale = select(EventUnit.document_id).where(
        ~exists().where(
            and_(Claim.document_id == EventUnit.document_id, Claim.phase == "completed")
        )
    )
    ids = set(session.scalars(unlinked.distinct())) | set(session.scalars(stale.distinct()))
    return sorted(ids)


def write_segment(
    *,
    session: Session,
    events: Sequence[EventResult],
    old_exchange_ids: Collection[int],
    unit_rows: Sequence[dict[str, Any]],
    old_unit_keys: Collection[str],
    document_ids_by_sha: dict[str, int],
) -> dict[str, int]:
    """Replace the events of one reconciled segment; keep old ids where units carry over.

    Returns the event key -> exchange id map of the written events.
    """
    now = datetime.now(UTC)
    old_units: dict[str, int | None] = {}
    for chunk in _chunks(sorted(old_exchange_ids)):
        for key, ex_id in session.execute(
            select(EventUnit.unit_key, EventUnit.exchange_id).where(
                EventUnit.exchange_id.in_(chunk)
            )
        ):
            old_units[key] = ex_id
    # Each new event takes over the old event that shares most of its units (ids stay stable).
    taken: set[int] = set()
    reuse: dict[str, int] = {}
    for ev in sorted(events, key=lambda e: (-len(e.unit_keys), e.key)):
        votes: dict[int, int] = {}
        for uk in ev.unit_keys:
            ex_id = old_units.get(uk)
            if ex_id is not None and ex_id not in taken:
                votes[ex_id] = votes.get(ex_id, 0) + 1
        if votes:
            best = min(votes, key=lambda i: (-votes[i], i))
            reuse[ev.key] = best
            taken.add(best)
    drop = sorted(set(old_exchange_ids) - taken)
    kept = sorted(taken)
    for chunk in _chunks(kept + drop):
        session.execute(
            update(Claim).where(Claim.exchange_id.in_(chunk)).values(exchange_id=None),
            execution_options=_NOSYNC,
        )
        session.execute(
            delete(Figure).where(Figure.exchange_id.in_(chunk)), execution_options=_NOSYNC
        )
        session.execute(
            delete(EventDetail).where(EventDetail.exchange_id.in_(chunk)), execution_options=_NOSYNC
        )
    for chunk in _chunks(drop):
        session.execute(delete(Exchange).where(Exchange.id.in_(chunk)), execution_options=_NOSYNC)
    loaded: dict[int, Exchange] = {}
    for chunk in _chunks(kept):
        loaded.update(
            (r.id, r) for r in session.scalars(select(Exchange).where(Exchange.id.in_(chunk)))
        )
    # Keys are unique: park the kept rows whose key changes before handing keys out again.
    new_key = {reuse[ev.key]: ev.key for ev in events if ev.key in reuse}
    moving = [r for i, r in loaded.items() if r.key != new_key.get(i)]
    if moving:
        for parked in moving:
            parked.key = f"tmp-{parked.id}"
        session.flush()
    rows_by_key: dict[str, Exchange] = {}
    for ev in events:
        row: Exchange | None = loaded.get(reuse[ev.key]) if ev.key in reuse else None
        if row is None:
            row = Exchange(key=ev.key)
            session.add(row)
        row.key = ev.key
        row.date = ev.date
        row.date_precision = ev.date_precision
        row.parties = list(ev.parties)
        row.mediators = list(ev.mediators)
        row.status = ev.status
        row.phase = "completed"
        row.updated_at = now
        rows_by_key[ev.key] = row
    session.flush()
    ids = {k: r.id for k, r in rows_by_key.items()}
    figures: list[dict[str, Any]] = []
    details: list[dict[str, Any]] = []
    links: list[dict[str, int]] = []
    for ev in events:
        ex_id = ids[ev.key]
        for f in ev.figures:
            figures.append(
                {
                    "exchange_id": ex_id,
                    "side": f.side,
                    "category": f.category,
                    "rule": f.rule,
                    "value": f.value,
                    "low": f.low,
                    "high": f.high,
                    "approximate": f.approximate,
                    "supporting": list(f.supporting_ids),
                    "conflicting": list(f.conflicting_ids),
                    "explanation": f.explanation,
                }
            )
        details.append(
            {
                "exchange_id": ex_id,
                "role": "event",
                "agreement_id": None,
                "date_lo": ev.date_lo,
                "date_hi": ev.date_hi,
                "documents": list(ev.documents),
                "document_count": len({c.sha256 for c in ev.claims}),
                "claim_count": len(ev.claims),
            }
        )
        links.extend(
            {"cid": cid, "eid": ex_id} for cid in {c.claim_id for c in ev.claims} if cid is not None
        )
    if links:
        table = cast(Table, Claim.__table__)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("cid"))
            .values(exchange_id=bindparam("eid")),
            links,
        )
    if figures:
        session.execute(insert(Figure), figures)
    if details:
        session.execute(insert(EventDetail), details)
    # Units: replace the segment's rows.
    keys = sorted(set(old_unit_keys) | {u["unit_key"] for u in unit_rows})
    for i in range(0, len(keys), _CHUNK):
        session.execute(
            delete(EventUnit).where(EventUnit.unit_key.in_(keys[i : i + _CHUNK])),
            execution_options=_NOSYNC,
        )
    event_of_unit = {uk: ids[ev.key] for ev in events for uk in ev.unit_keys}
    rows = [dict(u, exchange_id=event_of_unit.get(u["unit_key"])) for u in unit_rows]
    if rows:
        session.execute(insert(EventUnit), rows)
    return ids


def stage_summaries(
    *,
    session: Session,
    lo: str | None,
    hi: str | None,
    parties: Sequence[str] | None = None,
) -> tuple[dict[int, tuple[str, Any, str, int | None]], dict[int, dict[str, int]]]:
    """Day-dated events in [lo, hi] (of events naming all ``parties`` if given): id -> (date,
    parties, role, agreement id), and their own-side totals per side."""
    stmt = (
        select(
            Exchange.id, Exchange.date, Exchange.parties, EventDetail.role, EventDetail.agreement_id
        )
        .join(EventDetail, EventDetail.exchange_id == Exchange.id)
        .where(Exchange.date_precision == "day")
    )
    if lo is not None and hi is not None:
        stmt = stmt.where(Exchange.date >= lo, Exchange.date <= hi)
    for party in parties or ():
        # Parties are a JSON list; its text holds each name in double quotes on both dialects.
        stmt = stmt.where(sql_cast(Exchange.parties, String).like(f'%"{party}"%'))
    current = {r[0]: (r[1], r[2], r[3], r[4]) for r in session.execute(stmt)}
    totals: dict[int, dict[str, int]] = {}
    # Driven by the events' ids (indexed), never by a scan of every figure.
    for chunk in _chunks(sorted(current)):
        fstmt = select(Figure.exchange_id, Figure.side, Figure.value).where(
            Figure.exchange_id.in_(chunk),
            Figure.rule == "own-side",
            Figure.category == "total",
            Figure.value.is_not(None),
        )
        for ex_id, side, value in session.execute(fstmt):
            if value is not None:
                totals.setdefault(ex_id, {})[side] = value
    return current, totals


def set_stage_roles(*, session: Session, roles: dict[int, tuple[str, int | None]]) -> None:
    """Write (role, agreement id) of the given events."""
    for ex_id, (role, agreement_id) in roles.items():
        session.execute(
            update(EventDetail)
            .where(EventDetail.exchange_id == ex_id)
            .values(role=role, agreement_id=agreement_id),
            execution_options=_NOSYNC,
        )


def event_filters(
    *,
    date_from: str | None,
    date_to: str | None,
    party: str | None,
) -> list[Any]:
    """SQL conditions for listing events."""
    conds: list[Any] = []
    if date_from:
        conds.append(or_(Exchange.date >= date_from, EventDetail.date_hi >= date_from))
    if date_to:
        conds.append(Exchange.date <= date_to + "\uffff")
    _ = party  # parties are JSON; filtered in Python by the caller (portable across dialects)
    return conds
