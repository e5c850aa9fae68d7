"""Pure reconciliation: claims (+ reviews and overrides) in, events with figures out."""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from powledger.reconcile.cluster import cluster_units
from powledger.reconcile.model import (
    RULES,
    ClaimInput,
    EventResult,
    Override,
    Review,
    Rule,
    Unit,
    ordinal_to_iso,
)
from powledger.reconcile.rules import event_status, figures_for
from powledger.reconcile.units import apply_reviews, build_units

#: Stages of one agreement are carried out within this many days of its completion.
STAGE_WINDOW_DAYS = 10
#: Most stages an agreement is searched for (keeps the subset search small).
MAX_STAGES = 6


def event_key(units: Sequence[Unit]) -> str:
    """A content key for an event: a hash of its smallest unit key (stable while that unit stays)."""
    first = min(u.key for u in units)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def build_event(units: Sequence[Unit], rules: Sequence[Rule] = RULES) -> EventResult:
    """Assemble one event from its clustered units: date, parties, mediators, figures, status."""
    claims = tuple(c for u in units for c in u.claims)
    days = Counter(u.day for u in units if u.day is not None)
    date: str | None
    precision: str | None
    if days:
        # The day most reports give; on a tie the earlier day.
        day = min(days, key=lambda d: (-days[d], d))
        date, precision = ordinal_to_iso(day), "day"
    else:
        dated = [u for u in units if u.precision in ("month", "year") and u.lo is not None]
        if dated:
            narrow = min(dated, key=lambda u: ((u.hi or 0) - (u.lo or 0), u.lo or 0))
            iso = ordinal_to_iso(narrow.lo)
            assert iso is not None
            precision = narrow.precision
            date = iso[:7] if precision == "month" else iso[:4]
        else:
            date, precision = None, None
    los = [u.lo for u in units if u.lo is not None]
    his = [u.hi for u in units if u.hi is not None]
    parties: set[str] = set()
    mediators: Counter[str] = Counter()
    for u in units:
        parties.update(u.parties)
        mediators.update(u.mediators)
    documents = sorted({c.document_ref or c.sha256[:12] for c in claims})
    return EventResult(
        key=event_key(units),
        date=date,
        date_precision=precision,
        date_lo=ordinal_to_iso(min(los)) if los else None,
        date_hi=ordinal_to_iso(max(his)) if his else None,
        parties=tuple(sorted(parties)),
        mediators=tuple(sorted(mediators)),
        status=event_status(claims),
        unit_keys=tuple(u.key for u in units),
        claims=claims,
        figures=tuple(figures_for(claims, rules)),
        documents=tuple(documents),
    )


def own_totals(event: EventResult) -> dict[str, int]:
    """Per side, the total under the default rule (what stage detection adds up)."""
    out: dict[str, int] = {}
    for fig in event.figures:
        if fig.category == "total" and fig.rule == "own-side" and fig.value is not None:
            out[fig.side] = fig.value
    return out


@dataclass(frozen=True, slots=True)
class StageItem:
    """What stage detection needs of an event: its key, day, parties and per-side totals."""

    key: str
    date: str
    parties: tuple[str, ...]
    totals: Mapping[str, int]


StageRoles = dict[str, tuple[str, str | None, tuple[str, ...]]]


def stage_roles(items: Sequence[StageItem]) -> StageRoles:
    """Find agreements carried out in stages: an event whose per-side totals equal the sum of
    two or more earlier events' (same parties, distinct days, within the stage window).

    Returns key -> (role, agreement key for a stage, stage keys for an agreement).
    """
    by_parties: dict[tuple[str, ...], list[StageItem]] = defaultdict(list)
    for item in items:
        if item.totals and len(item.parties) >= 2:
            by_parties[item.parties].append(item)
    roles: StageRoles = {}
    for group in by_parties.values():
        group.sort(key=lambda e: (e.date, e.key))
        dates = [e.date for e in group]
        for i, agreement in enumerate(group):
            target = agreement.totals
            if agreement.key in roles:
                continue
            start = _shift(agreement.date, -STAGE_WINDOW_DAYS)
            first = bisect.bisect_left(dates, start)
            last = bisect.bisect_right(dates, agreement.date)
            cands = [
                e
                for j, e in enumerate(group[first:last], start=first)
                if j != i
                and e.key not in roles
                and set(e.totals) == set(target)
                and all(e.totals[s] < target[s] for s in target)
            ][-MAX_STAGES:]
            if len(cands) < 2:
                continue
            found = _subset_summing(cands, target)
            if found:
                roles[agreement.key] = ("agreement", None, tuple(e.key for e in found))
                for e in found:
                    roles[e.key] = ("stage", agreement.key, ())
    return roles


def detect_stages(events: Sequence[EventResult]) -> list[EventResult]:
    """Mark agreements carried out in stages and their stages (see :func:`stage_roles`)."""
    items = [
        StageItem(e.key, e.date, e.parties, own_totals(e))
        for e in events
        if e.date_precision == "day" and e.date
    ]
    roles = stage_roles(items)
    out = []
    for ev in events:
        if ev.key in roles:
            role, agreement_key, stage_keys = roles[ev.key]
            ev = replace(ev, role=role, agreement_key=agreement_key, stage_keys=stage_keys)  # type: ignore[arg-type]
        out.append(ev)
    return out


def _shift(iso: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _subset_summing(
    cands: Sequence[StageItem], target: Mapping[str, int]
) -> tuple[StageItem, ...] | None:
    """The smallest set of >= 2 candidates (on distinct days) whose totals add up to ``target``."""
    # Cheap rejection first: can any subset reach each side's target at all? (bitset subset sum)
    for side, goal in target.items():
        reach = 1
        for e in cands:
            reach |= reach << e.totals[side]
        if not (reach >> goal) & 1:
            return None
    for size in range(2, len(cands) + 1):
        for combo in combinations(cands, size):
            if len({e.date for e in combo}) != size:
                continue
            if all(sum(e.totals[s] for e in combo) == v for s, v in target.items()):
                return combo
    return None


def reconcile_claims(
    claims: Iterable[ClaimInput],
    *,
    reviews: Mapping[str, Review] | None = None,
    overrides: Sequence[Override] = (),
    rules: Sequence[Rule] = RULES,
) -> list[EventResult]:
    """Reconcile claims into events, sorted by key; the same set of claims gives the same events."""
    reviewed = apply_reviews(claims, reviews or {})
    units = build_units(reviewed, overrides)
    groups = cluster_units(units, overrides)
    events = [build_event(g, rules) for g in groups]
    events = detect_stages(events)
    events.sort(key=lambda e: e.key)
    return events
