"""Review actions (claims; merging and splitting events), delegated to the reconciliation service.

When ``powledger.reconcile`` does not offer a service function yet, a minimal fallback edits the
tables directly so the web workflow stays usable. Every action is recorded in the audit log.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.errors import InputError, NotFoundError, ReviewError
from powledger.store.schema import Claim, Exchange, Figure
from powledger.web.accounts import record_change

logger = logging.getLogger(__name__)

CLAIM_ACTIONS = ("accept", "reject", "correct")
MAX_VALUE = 1_000_000


def _service(name: str) -> Callable[..., Any] | None:
    """The reconciliation service function ``name``, or None while it does not exist."""
    try:
        module = importlib.import_module("powledger.reconcile")
    except ImportError:
        return None
    function = getattr(module, name, None)
    return function if callable(function) else None


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InputError("say why: a reason is required for every change")
    if len(reason) > 2000:
        raise InputError("the reason is too long (at most 2000 characters)")
    return reason


def review_claim(
    *, session: Session, claim_id: int, action: str, value: int | None, by: str, reason: str
) -> None:
    """Accept, reject or correct one claim, recording who did it and why."""
    reason = _reason(reason)
    if action not in CLAIM_ACTIONS:
        raise InputError(f"unknown review action {action!r}: use one of {', '.join(CLAIM_ACTIONS)}")
    if action == "correct":
        if value is None:
            raise InputError("a correction needs the corrected value")
        if not 0 <= value <= MAX_VALUE:
            raise InputError(f"the corrected value must be between 0 and {MAX_VALUE}")
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"claim {claim_id} does not exist")
    before = {"value": claim.value, "review_state": claim.review_state}
    service = _service("review_claim")
    if service is not None:
        service(
            session=session, claim_id=claim_id, action=action, value=value, by=by, reason=reason
        )
    else:
        if action == "correct":
            claim.value, claim.value_low, claim.value_high = value, None, None
        claim.review_state = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}[
            action
        ]
    session.flush()
    record_change(
        session=session,
        user_name=by,
        action=action,
        target_kind="claim",
        target_id=claim_id,
        detail={"before": before, "value": value},
        reason=reason,
    )


def merge_events(*, session: Session, event_ids: list[int], by: str, reason: str) -> int:
    """Merge several events into one and return the id of the event that remains."""
    reason = _reason(reason)
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise InputError("merging needs at least two different events")
    found = set(session.scalars(select(Exchange.id).where(Exchange.id.in_(ids))))
    absent = [i for i in ids if i not in found]
    if absent:
        raise NotFoundError(f"event {absent[0]} does not exist")
    service = _service("merge_events")
    if service is not None:
        result = service(session=session, event_ids=ids, by=by, reason=reason)
        target = _result_id(result, ids[0])
    else:
        target = ids[0]
        for claim in session.scalars(select(Claim).where(Claim.exchange_id.in_(ids[1:]))):
            claim.exchange_id = target
        for other in ids[1:]:
            ex = session.get(Exchange, other)
            if ex is not None:
                session.delete(ex)
        kept = session.get(Exchange, target)
        if kept is not None:
            kept.updated_at = datetime.now(UTC)
    session.flush()
    record_change(
        session=session,
        user_name=by,
        action="merge",
        target_kind="event",
        target_id=target,
        detail={"event_ids": ids},
        reason=reason,
    )
    return target


def split_event(
    *, session: Session, event_id: int, claim_ids: list[int], by: str, reason: str
) -> int:
    """Move the given claims of an event into a new event and return the new event's id."""
    reason = _reason(reason)
    ex = session.get(Exchange, event_id)
    if ex is None:
        raise NotFoundError(f"event {event_id} does not exist")
    chosen = sorted(set(claim_ids))
    if not chosen:
        raise InputError("choose the claims that belong to the new event")
    own = set(session.scalars(select(Claim.id).where(Claim.exchange_id == event_id)))
    foreign = [c for c in chosen if c not in own]
    if foreign:
        raise ReviewError(f"claim {foreign[0]} does not belong to event {event_id}")
    if set(chosen) == own:
        raise ReviewError("a split must leave at least one claim in the original event")
    service = _service("split_event")
    if service is not None:
        result = service(session=session, event_id=event_id, claim_ids=chosen, by=by, reason=reason)
        new_id = _result_id(result, event_id)
    else:
        now = datetime.now(UTC)
        new = Exchange(
            key=f"{ex.key[:100]}/split-{now.strftime('%Y%m%d%H%M%S%f')}",
            date=ex.date,
            date_precision=ex.date_precision,
            parties=list(ex.parties or []),
            mediators=list(ex.mediators or []),
            status="single-source",
            phase=ex.phase,
            updated_at=now,
        )
        session.add(new)
        session.flush()
        for claim in session.scalars(select(Claim).where(Claim.id.in_(chosen))):
            claim.exchange_id = new.id
        # Without the reconciler the old figures no longer describe the event; drop them.
        for fig in session.scalars(select(Figure).where(Figure.exchange_id == event_id)):
            session.delete(fig)
        ex.updated_at = now
        new_id = new.id
    session.flush()
    record_change(
        session=session,
        user_name=by,
        action="split",
        target_kind="event",
        target_id=event_id,
        detail={"claim_ids": chosen, "new_event_id": new_id},
        reason=reason,
    )
    return new_id


def _result_id(result: Any, default: int) -> int:
    """The event id a service returned, whatever shape it has (an int, an object or a dict)."""
    if isinstance(result, int) and not isinstance(result, bool):
        return result
    if isinstance(result, dict):
        value = result.get("id", result.get("event_id"))
        return value if isinstance(value, int) else default
    value = getattr(result, "id", None)
    return value if isinstance(value, int) else default
