"""Review actions (claims; merging and splitting events) through the reconciliation service.

The service records who, when and why, keys each decision on the claim's stable key (so it
survives re-extraction) and re-reconciles the events concerned at once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powledger import reconcile
from powledger.errors import InputError
from powledger.store.schema_accounts import AuditEntry
from powledger.store.schema_review import ClaimReview, EventOverride
from powledger.web.accounts import list_changes

CLAIM_ACTIONS = ("accept", "reject", "correct")
MAX_VALUE = 1_000_000


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InputError("say why: a reason is required for every change")
    if len(reason) > 2000:
        raise InputError("the reason is too long (at most 2000 characters)")
    return reason


def review_claim(
    *, session: Session, claim_id: int, action: str, value: int | None, by: str, reason: str
) -> dict[str, Any]:
    """Accept, reject or correct one claim, recording who did it and why."""
    if action not in CLAIM_ACTIONS:
        raise InputError(f"unknown review action {action!r}: use one of {', '.join(CLAIM_ACTIONS)}")
    if action == "correct":
        if value is None:
            raise InputError("a correction needs the corrected value")
        if not 0 <= value <= MAX_VALUE:
            raise InputError(f"the corrected value must be between 0 and {MAX_VALUE}")
    result: dict[str, Any] = reconcile.review_claim(
        session=session,
        claim_id=claim_id,
        action=action,
        value=value if action == "correct" else None,
        by=by,
        reason=_reason(reason),
    )
    return result


def merge_events(*, session: Session, event_ids: list[int], by: str, reason: str) -> dict[str, Any]:
    """Merge several events into one; the result names the event that now holds their claims."""
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise InputError("merging needs at least two different events")
    result: dict[str, Any] = reconcile.merge_events(
        session=session, event_ids=ids, by=by, reason=_reason(reason)
    )
    return result


def split_event(
    *, session: Session, event_id: int, claim_ids: list[int], by: str, reason: str
) -> dict[str, Any]:
    """Move the given claims of an event into an event of their own."""
    if not claim_ids:
        raise InputError("choose the claims that belong to the new event")
    result: dict[str, Any] = reconcile.split_event(
        session=session,
        event_id=event_id,
        claim_ids=sorted(set(claim_ids)),
        by=by,
        reason=_reason(reason),
    )
    return result


def history(*, session: Session, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Reviews, merges and splits (from the service) and reports added on the web, newest first."""
    wanted = limit + offset
    entries: list[dict[str, Any]] = [
        {
            "at": h["at"],
            "by": h["by"],
            "action": h["action"],
            "target": h["target"],
            "value": h.get("value"),
            "previous_value": h.get("previous_value"),
            "reason": h["reason"],
        }
        for h in reconcile.review_history(session=session, limit=wanted)
    ]
    added, _ = list_changes(session=session, limit=wanted)
    entries += [
        {
            "at": a.at.isoformat(),
            "by": a.user_name,
            "action": a.action,
            "target": f"{a.target_kind} {a.target_id}",
            "value": None,
            "previous_value": None,
            "reason": a.reason,
        }
        for a in added
    ]
    entries.sort(key=lambda e: e["at"], reverse=True)
    total = sum(
        session.scalar(select(func.count()).select_from(table)) or 0
        for table in (ClaimReview, EventOverride, AuditEntry)
    )
    return entries[offset:wanted], int(total)
