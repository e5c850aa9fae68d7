"""Group claims into units: one exchange as one document reports it, with its date window."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from powledger.reconcile.model import ClaimInput, Override, Review, Unit, unit_key

#: A report without an event date most likely describes something from the days before it was published.
UNDATED_LOOKBACK_DAYS = 3


def date_window(text: str | None, precision: str | None) -> tuple[int, int] | None:
    """Return the (first, last) ordinal days a date of the given precision can mean."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        if precision == "year" or len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if precision == "month" or len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
        day = date(year, month, int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None
    return day, day


def apply_reviews(claims: Iterable[ClaimInput], reviews: Mapping[str, Review]) -> list[ClaimInput]:
    """Drop rejected claims and set corrected values; accepted claims are marked as such."""
    out: list[ClaimInput] = []
    for claim in claims:
        review = reviews.get(claim.key) if reviews else None
        if review is None:
            out.append(claim)
        elif review.action == "reject":
            continue
        elif review.action == "correct":
            out.append(
                replace(
                    claim,
                    value=review.value,
                    value_low=None,
                    value_high=None,
                    approximate=False,
                    review_state="corrected",
                )
            )
        else:
            out.append(replace(claim, review_state="accepted"))
    return out


def _split_tags(overrides: Iterable[Override]) -> dict[str, str]:
    """Map each claim moved by a split to a tag that makes its own unit."""
    tags: dict[str, str] = {}
    for ov in sorted(overrides, key=lambda o: o.seq):
        if ov.kind == "split":
            for key in ov.claim_keys:
                tags[key] = f"s{ov.seq}"
    return tags


def build_units(claims: Iterable[ClaimInput], overrides: Iterable[Override] = ()) -> list[Unit]:
    """Group completed claims by (document, exchange index) into units, sorted canonically."""
    tags = _split_tags(overrides)
    groups: dict[str, list[ClaimInput]] = defaultdict(list)
    for claim in claims:
        # Plans, talks and promises never make a completed exchange.
        if claim.phase != "completed":
            continue
        key = unit_key(claim.sha256, claim.exchange_index)
        tag = tags.get(claim.key) if tags else None
        if tag:
            key = f"{key}:{tag}"
        groups[key].append(claim)
    units = [_make_unit(key, members) for key, members in groups.items()]
    units.sort(key=lambda u: u.key)
    return units


def _make_unit(key: str, members: list[ClaimInput]) -> Unit:
    members.sort(key=lambda c: (c.start, c.end, c.category, c.side or "", c.claim_id or 0))
    first = members[0]
    lo: int | None
    hi: int | None
    day: int | None = None
    precision: str | None = None
    # Usually every claim of a unit carries the same date: skip the ranking then.
    dates = {(c.event_date, c.event_date_precision) for c in members}
    dated = [c for c in members if c.event_date] if len(dates) > 1 else []
    if len(dates) == 1 and first.event_date:
        window = date_window(first.event_date, first.event_date_precision)
        precision = first.event_date_precision or "day"
    elif dated:
        # The most precise date any claim of the unit carries wins.
        rank = {"day": 0, "month": 1, "year": 2}
        best = min(
            dated, key=lambda c: (rank.get(c.event_date_precision or "day", 3), c.event_date)
        )
        window = date_window(best.event_date, best.event_date_precision)
        precision = best.event_date_precision or "day"
    else:
        window = None
    if window is not None:
        lo, hi = window
        if lo == hi:
            day, precision = lo, "day"
    else:
        pub = date_window(first.published, "day")
        if pub is not None:
            lo, hi = pub[0] - UNDATED_LOOKBACK_DAYS, pub[0]
            precision = None
        else:
            lo = hi = None
            precision = None
    parties: set[str] = set()
    mediators: set[str] = set()
    totals: set[tuple[str, int, bool]] = set()
    for c in members:
        parties.update(c.parties)
        if c.mediators:
            mediators.update(c.mediators)
        if c.side and c.category in ("total", "bodies") and c.value is not None:
            totals.add((f"{c.side}|{c.category}", c.value, c.approximate))
    grouped: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for fkey, value, approx in sorted(totals):
        grouped[fkey].append((value, approx))
    return Unit(
        by_key={k: tuple(v) for k, v in grouped.items()},
        key=key,
        sha256=first.sha256,
        lo=lo,
        hi=hi,
        day=day,
        precision=precision,
        parties=frozenset(parties),
        mediators=frozenset(mediators),
        totals=tuple(sorted(totals)),
        claims=tuple(members),
    )
