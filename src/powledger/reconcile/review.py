"""Human review: accept, reject or correct claims; merge and split events (who, when, why)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.errors import NotFoundError, ReviewError
from powledger.reconcile.model import REVIEW_ACTIONS, claim_key
from powledger.reconcile.service import reconcile
from powledger.store.schema import Claim, Document, Exchange
from powledger.store.schema_review import ClaimReview, EventOverride

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
