"""Reconciliation: claims from many reports into exchange events, figures under named rules, the ledger.

The core is pure (``engine.reconcile_claims`` over :class:`~powledger.reconcile.model.ClaimInput`);
the service functions below read and write the store. All take keyword-only arguments and a
SQLAlchemy ``Session``; the caller commits (e.g. ``with session_scope(engine) as session: ...``).

``reconcile(*, session, document_ids=None) -> ReconcileReport``
    Rebuild every event (``None``) or only the events the given documents concern (incremental).
``ensure_reconciled(*, session) -> ReconcileReport | None``
    Reconcile documents whose claims are new or re-extracted since the last run.
``list_events(*, session, date_from=None, date_to=None, party=None, rule=None, limit=None, offset=0,
stages=False) -> list[dict]``
    Events by date. Each dict: ``id, key, date, date_precision, parties, returned_to (side -> value
    under the rule), low, high, approximate (side -> ...), composition, mediators, status, rule, role
    ('event' | 'agreement' | 'stage'), agreement_id, stages, documents, document_count``. Agreements
    carried out in stages are listed once; ``stages=True`` lists their stages instead.
``count_events(*, session, stages=False) -> int``
``get_event(*, session, event_id, rule=None) -> dict``
    The list shape plus ``figures`` (each with ``value, low, high, explanation, supporting,
    conflicting``; sources carry ``document, quote, start, end, asserted_by``) and all ``claims``.
    Raises ``NotFoundError``.
``ledger_totals(*, session, as_of=None, rule=None) -> dict``
    ``{"as_of", "rule", "pairs": [{"parties", "events", "first", "last", "totals": {side: {"value",
    "low", "high", "events_with_figure"}}, "timeline": [...]}]}``; ``as_of`` (a date or ISO string)
    counts only documents captured, and reviews made, by the end of that day.
``review_claim(*, session, claim_id, action, value=None, by, reason) -> dict``
    ``action`` is ``accept``, ``reject`` or ``correct`` (with ``value``). Raises ``ReviewError`` /
    ``NotFoundError``. Keyed on the claim's stable key, so it survives re-extraction.
``merge_events(*, session, event_ids, by, reason) -> dict``
``split_event(*, session, event_id, claim_ids, by, reason) -> dict``
``review_history(*, session, limit=50) -> list[dict]``
    Who did what, when and why.

Rules (``RULES``): ``own-side`` (default), ``conservative``, ``majority``, ``range``.
See docs/reconciliation.md.
"""

from __future__ import annotations

from powledger.reconcile.model import DEFAULT_RULE, RULES
from powledger.reconcile.reading import count_events, get_event, ledger_totals, list_events
from powledger.reconcile.review import merge_events, review_claim, review_history, split_event
from powledger.reconcile.service import ReconcileReport, check_rule, ensure_reconciled, reconcile

__all__ = [
    "DEFAULT_RULE",
    "RULES",
    "ReconcileReport",
    "check_rule",
    "count_events",
    "ensure_reconciled",
    "get_event",
    "ledger_totals",
    "list_events",
    "merge_events",
    "reconcile",
    "review_claim",
    "review_history",
    "split_event",
]
