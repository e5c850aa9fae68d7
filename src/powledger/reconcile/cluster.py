"""Clustering of units into exchanges: date windows, parties, compatible figures, mediators.

The result depends only on the set of units (they are processed in a canonical order), and two
units are only ever compared when their date spans overlap, so the clustering of a date-connected
segment of units does not depend on anything outside it: that is what makes reconciliation
incremental.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from powledger.reconcile.model import Override, Unit

#: A report's day may be off by one (time zones, "yesterday" resolved against a late publication).
DAY_TOLERANCE = 1
#: Two sources' counts of the same exchange seldom differ by more than this share (207 against 195).
RELATIVE_TOLERANCE = 0.10
#: How far apart two sources' counts for one side may be when the other side's count agrees.
DISPUTE_TOLERANCE = 0.30
#: Hedged figures ("more than 200") match a wider range.
APPROXIMATE_TOLERANCE = 0.25


@dataclass
class Cluster:
    """A growing event during clustering (internal, mutable)."""

    seq: int
    lo: int | None
    hi: int | None
    units: list[Unit] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    days: Counter[int] = field(default_factory=Counter)
    parties: set[str] = field(default_factory=set)
    mediators: set[str] = field(default_factory=set)
    # (side|category) -> value -> hedged (False once any report gives the value exactly).
    totals: dict[str, dict[int, bool]] = field(default_factory=lambda: defaultdict(dict))
    labels: set[tuple[int, int]] = field(default_factory=set)

    def add(self, unit: Unit, labels: set[tuple[int, int]]) -> None:
        """Add ``unit`` and narrow the cluster's window to what all members allow."""
        lo, hi = span(unit)
        if self.units and self.lo is not None and self.hi is not None and lo is not None:
            self.lo, self.hi = max(self.lo, lo), min(self.hi, hi if hi is not None else lo)
        elif not self.units:
            self.lo, self.hi = lo, hi
        self.units.append(unit)
        self.docs.add(unit.sha256)
        if unit.day is not None:
            self.days[unit.day] += 1
        self.parties.update(unit.parties)
        self.mediators.update(unit.mediators)
        for fkey, value, approx in unit.totals:
            values = self.totals[fkey]
            values[value] = values.get(value, True) and approx
        self.labels.update(labels)


def span(unit: Unit) -> tuple[int | None, int | None]:
    """The window a unit may match in: its own dates, widened by the day tolerance for exact days."""
    if unit.lo is None or unit.hi is None:
        return None, None
    if unit.day is not None:
        return unit.lo - DAY_TOLERANCE, unit.hi + DAY_TOLERANCE
    return unit.lo, unit.hi


def _close(a: int, a_approx: bool, b: int, b_approx: bool, same_day: bool) -> bool:
    if a == b:
        return True
    if a_approx or b_approx:
        return abs(a - b) <= APPROXIMATE_TOLERANCE * max(a, b)
    # On different days two distinct exchanges are likelier than a dispute: require equal figures.
    if not same_day:
        return False
    return abs(a - b) <= RELATIVE_TOLERANCE * max(a, b)


def _figures_fit(unit: Unit, cluster: Cluster, same_day: bool) -> tuple[bool, int]:
    """Whether every figure the unit and the cluster both give can be the same count; and exact matches."""
    exact = 0
    loose = 0.0
    for fkey, values in unit.by_key.items():
        theirs = cluster.totals.get(fkey)
        if not theirs:
            continue
        if any(v in theirs for v, _ in values):
            exact += 1
            continue
        if not any(_close(v, va, w, wa, same_day) for v, va in values for w, wa in theirs.items()):
            gap = min(abs(v - w) / max(v, w, 1) for v, _ in values for w in theirs)
            loose = max(loose, gap) if gap > 0 else 1.0
    # One side's count agrees exactly on the same day: the other side's is a dispute
    # (Kyiv counts 189 home, Moscow says it handed over 150), not another exchange.
    if loose and not (same_day and exact and loose <= DISPUTE_TOLERANCE):
        return False, 0
    return True, exact


def _parties_fit(unit: Unit, cluster: Cluster) -> bool:
    if not unit.parties or not cluster.parties:
        return True
    return unit.parties <= cluster.parties or cluster.parties <= unit.parties


def _labels_fit(labels: set[tuple[int, int]], cluster: Cluster) -> bool:
    return not any((seq, -sign) in cluster.labels for seq, sign in labels)


def _score(unit: Unit, cluster: Cluster, labels: set[tuple[int, int]]) -> tuple[int, ...] | None:
    """Rank ``cluster`` as a home for ``unit``; None when they cannot be the same exchange."""
    if unit.sha256 in cluster.docs:
        return None  # one document's second exchange is a different exchange
    # The unit's own dates must fall in the cluster's window, which already carries the tolerance.
    lo, hi = unit.lo, unit.hi
    if lo is None or hi is None or cluster.lo is None or cluster.hi is None:
        return None
    if max(lo, cluster.lo) > min(hi, cluster.hi):
        return None
    if not _parties_fit(unit, cluster) or not _labels_fit(labels, cluster):
        return None
    same_day = unit.day is None or unit.day in cluster.days or not cluster.days
    fits, exact = _figures_fit(unit, cluster, same_day)
    if not fits:
        return None
    mediators = 1 if unit.mediators & cluster.mediators else 0
    return (1 if same_day else 0, exact, mediators, -cluster.seq)


def _unit_labels(
    units: Sequence[Unit], overrides: Iterable[Override]
) -> dict[str, set[tuple[int, int]]]:
    """Cannot-link labels from splits: (seq, +1) on moved claims' units, (seq, -1) on the rest."""
    labels: dict[str, set[tuple[int, int]]] = defaultdict(set)
    splits = [o for o in overrides if o.kind == "split"]
    if not splits:
        return labels
    owner: dict[str, str] = {}
    for u in units:
        for c in u.claims:
            owner[c.key] = u.key
    for ov in splits:
        for keys, sign in ((ov.claim_keys, 1), (ov.apart_keys, -1)):
            for k in keys:
                if k in owner:
                    labels[owner[k]].add((ov.seq, sign))
    return labels


def cluster_units(units: Sequence[Unit], overrides: Sequence[Override] = ()) -> list[list[Unit]]:
    """Cluster units into exchanges; the result does not depend on the order of ``units``."""
    labels = _unit_labels(units, overrides)
    empty: set[tuple[int, int]] = set()
    ordered = sorted(units, key=lambda u: u.key)
    dayly = [u for u in ordered if u.day is not None and len(u.parties) >= 2]
    dayly.sort(key=lambda u: (u.day, u.key))
    chosen = {u.key for u in dayly}
    coarse = [u for u in ordered if u.key not in chosen]
    coarse.sort(key=lambda u: (u.lo is None, u.lo or 0, u.hi or 0, u.key))

    clusters: list[Cluster] = []
    # Pass 1: units dated to the day, swept in date order, one active list per set of parties.
    active: dict[frozenset[str], list[Cluster]] = defaultdict(list)
    for unit in dayly:
        assert unit.day is not None
        bucket = active[unit.parties]
        if bucket and bucket[0].hi is not None and bucket[0].hi < unit.day - DAY_TOLERANCE:
            bucket[:] = [c for c in bucket if c.hi is not None and c.hi >= unit.day - DAY_TOLERANCE]
        ulabels = labels.get(unit.key, empty)
        best: Cluster | None = None
        best_score: tuple[int, ...] | None = None
        for cand in bucket:
            score = _score(unit, cand, ulabels)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = cand, score
        if best is None:
            best = Cluster(seq=len(clusters), lo=None, hi=None)
            clusters.append(best)
            bucket.append(best)
        best.add(unit, ulabels)

    # Pass 2: month- or year-dated, undated and party-less units join the best overlapping event.
    # Events are indexed per set of parties by the start of their window; windows only narrow,
    # so a search from (start - widest window) finds every overlapping one.
    index: dict[frozenset[str], list[tuple[int, int]]] = defaultdict(list)
    widest: dict[frozenset[str], int] = defaultdict(int)
    for c in clusters:
        if c.lo is not None and c.hi is not None:
            key = frozenset(c.parties) if len(c.parties) >= 2 else frozenset()
            index[key].append((c.lo, c.seq))
            widest[key] = max(widest[key], c.hi - c.lo)
    for entries in index.values():
        entries.sort()
    extra: list[Cluster] = []
    wild: frozenset[str] = frozenset()
    for unit in coarse:
        ulabels = labels.get(unit.key, empty)
        best = None
        best_score = None
        if unit.lo is not None and unit.hi is not None:
            lo, hi = span(unit)
            assert lo is not None and hi is not None
            # A report naming both parties meets only their events and party-less ones.
            keys = [unit.parties, wild] if len(unit.parties) >= 2 else list(index)
            for key in keys:
                found = index.get(key)
                if not found:
                    continue
                entries = found
                first = bisect.bisect_left(entries, (lo - widest[key] - 1, -1))
                last = bisect.bisect_right(entries, (hi, len(clusters) + len(extra)))
                for _, seq in entries[first:last]:
                    cand = clusters[seq] if seq < len(clusters) else extra[seq - len(clusters)]
                    score = _score(unit, cand, ulabels)
                    if score is not None and (best_score is None or score > best_score):
                        best, best_score = cand, score
        if best is None:
            best = Cluster(seq=len(clusters) + len(extra), lo=None, hi=None)
            extra.append(best)
            best.add(unit, ulabels)
            # An undated event overlaps nothing, so it is never a candidate.
            if best.lo is not None and best.hi is not None:
                key = unit.parties if len(unit.parties) >= 2 else wild
                bisect.insort(index[key], (best.lo, best.seq))
                widest[key] = max(widest[key], best.hi - best.lo)
            continue
        best.add(unit, ulabels)
    clusters.extend(extra)

    groups = _apply_merges(clusters, overrides)
    result = [sorted(g, key=lambda u: u.key) for g in groups]
    result.sort(key=lambda g: g[0].key)
    return result


def _apply_merges(clusters: list[Cluster], overrides: Sequence[Override]) -> list[list[Unit]]:
    """Join clusters that a reviewer merged, unless a later split keeps them apart."""
    merges = [o for o in overrides if o.kind == "merge"]
    if not merges:
        return [c.units for c in clusters]
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    where: dict[str, int] = {}
    for idx, c in enumerate(clusters):
        for u in c.units:
            for claim in u.claims:
                where[claim.key] = idx
    labels_of = [c.labels for c in clusters]
    for ov in sorted(merges, key=lambda o: o.seq):
        idxs = sorted({where[k] for k in ov.claim_keys if k in where})
        for other in idxs[1:]:
            a, b = find(idxs[0]), find(other)
            if a == b:
                continue
            later_split = any(
                seq > ov.seq and (seq, -sign) in labels_of[b] for seq, sign in labels_of[a]
            )
            if later_split:
                continue
            parent[b] = a
            labels_of[a] = labels_of[a] | labels_of[b]
    grouped: dict[int, list[Unit]] = defaultdict(list)
    for idx, c in enumerate(clusters):
        grouped[find(idx)].extend(c.units)
    return list(grouped.values())
