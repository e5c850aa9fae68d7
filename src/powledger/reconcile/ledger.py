"""The cumulative ledger: totals per pair of parties over time, with ranges (pure)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from powledger.reconcile.model import EventResult, Rule


@dataclass(frozen=True, slots=True)
class LedgerItem:
    """One counted event: its date, parties and per side (value under the rule, low, high)."""

    event: str | int
    date: str | None
    parties: tuple[str, ...]
    figures: Mapping[str, tuple[int | None, int | None, int | None]]


def items_from_events(events: Iterable[EventResult], rule: Rule) -> list[LedgerItem]:
    """Ledger items of the events that count (stages count through their agreement)."""
    out = []
    for ev in events:
        if ev.role == "stage":
            continue
        figs = {
            f.side: (f.value, f.low, f.high)
            for f in ev.figures
            if f.rule == rule and f.category == "total"
        }
        out.append(LedgerItem(ev.key, ev.date, ev.parties, figs))
    return out


def ledger(items: Sequence[LedgerItem]) -> list[dict[str, Any]]:
    """Per pair of parties: events, first/last date, per-side totals with ranges, and a timeline."""
    by_pair: dict[tuple[str, ...], list[LedgerItem]] = defaultdict(list)
    for item in items:
        by_pair[tuple(sorted(item.parties))].append(item)
    out: list[dict[str, Any]] = []
    for pair in sorted(by_pair):
        members = sorted(by_pair[pair], key=lambda i: (i.date or "9999", str(i.event)))
        sides = sorted({s for i in members for s in i.figures} | set(pair))
        total = {s: 0 for s in sides}
        low = {s: 0 for s in sides}
        high = {s: 0 for s in sides}
        counted = {s: 0 for s in sides}
        timeline = []
        for item in members:
            for side in sides:
                value, lo, hi = item.figures.get(side, (None, None, None))
                if value is not None:
                    total[side] += value
                    counted[side] += 1
                # A figure the sources disagree on adds its whole range.
                low[side] += lo if lo is not None else value or 0
                high[side] += hi if hi is not None else value or 0
            timeline.append({"date": item.date, "event": item.event, "cumulative": dict(total)})
        out.append(
            {
                "parties": list(pair),
                "events": len(members),
                "first": members[0].date,
                "last": members[-1].date,
                "totals": {
                    s: {
                        "value": total[s],
                        "low": low[s],
                        "high": high[s],
                        "events_with_figure": counted[s],
                    }
                    for s in sides
                },
                "timeline": timeline,
            }
        )
    return out
