"""Reconciliation over the store: full and incremental runs, stage roles.

Reading events lives in ``reading.py``, review actions in ``review.py``.

Every function takes keyword-only arguments and a SQLAlchemy session; the caller commits.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.errors import InputError
from powledger.reconcile.cluster import cluster_units
from powledger.reconcile.engine import (
    STAGE_WINDOW_DAYS,
    StageItem,
    build_event,
    stage_roles,
)
from powledger.reconcile.model import (
    DEFAULT_RULE,
    RULES,
    ClaimInput,
    Rule,
    Unit,
    ordinal_to_iso,
    unit_key,
)
from powledger.reconcile.units import apply_reviews, build_units
from powledger.store import events as repo
from powledger.store.schema import Claim, Exchange
from powledger.store.schema_review import EventOverride

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
