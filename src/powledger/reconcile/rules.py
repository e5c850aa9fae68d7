"""Rules that choose one figure per (event, side, category) from its claims, and say why."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from powledger.reconcile.model import FIGURE_KINDS, ClaimInput, FigureResult, Rule, Status

REVIEWED = frozenset({"accepted", "corrected"})


def _who(party: str | None) -> str:
    return party if party else "the reporting outlets"


def _reports(n: int) -> str:
    return f"{n} report" if n == 1 else f"{n} reports"


def _value_groups(claims: Sequence[ClaimInput]) -> dict[int, list[ClaimInput]]:
    groups: dict[int, list[ClaimInput]] = defaultdict(list)
    for c in claims:
        if c.value is not None:
            groups[c.value].append(c)
    return groups


def _docs(claims: Iterable[ClaimInput]) -> int:
    return len({c.sha256 for c in claims})


def _pick_most_reported(groups: dict[int, list[ClaimInput]]) -> int:
    """The value most documents give; ties go to exact over hedged figures, then to the lower value."""

    def rank(value: int) -> tuple[int, int, int, int]:
        members = groups[value]
        return (
            _docs(members),
            sum(1 for c in members if not c.derived),
            sum(1 for c in members if not c.approximate),
            -value,
        )

    return max(groups, key=rank)


def _asserters(claims: Sequence[ClaimInput]) -> str:
    """Name who asserted a value: the parties that said it, joined, or the outlets."""
    parties = sorted({c.asserter_party for c in claims if c.asserter_party})
    if not parties:
        return _who(None)
    if any(c.asserter_party is None for c in claims):
        parties.append("outlets")
    return " and ".join(parties)


def choose_figure(
    side: str, category: str, claims: Sequence[ClaimInput], rule: Rule
) -> FigureResult:
    """Apply ``rule`` to the claims of one (event, side, category) and explain the choice."""
    usable = [c for c in claims if c.value is not None or c.value_low is not None]
    lows = [c.low for c in usable if c.low is not None]
    highs = [c.high for c in usable if c.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    # A reviewer's verdict outranks any number of unreviewed reports.
    pool = [c for c in usable if c.review_state in REVIEWED] or usable
    groups = _value_groups(pool)
    value: int | None
    reason: str
    if not groups:
        value, reason = None, "no report gives a number"
    elif rule == "own-side":
        own = _value_groups([c for c in pool if c.asserter_party == side])
        if own:
            value = _pick_most_reported(own)
            reason = f"asserted by {side} itself in {_reports(_docs(own[value]))}"
        else:
            neutral = _value_groups(
                [
                    c
                    for c in pool
                    if c.asserter_party is None or c.asserter_party not in _others(pool, side)
                ]
            )
            chosen = neutral or groups
            value = _pick_most_reported(chosen)
            reason = f"{side} gave no figure; {_asserters(chosen[value])} said so in {_reports(_docs(chosen[value]))}"
    elif rule == "conservative":
        value = min(groups)
        reason = f"the lowest figure, given by {_asserters(groups[value])} in {_reports(_docs(groups[value]))}"
    elif rule == "majority":
        value = _pick_most_reported(groups)
        reason = f"the figure most reports give: {_reports(_docs(groups[value]))}"
    else:
        value = low if low == high else None
        reason = (
            f"all {_reports(_docs(pool))} agree"
            if value is not None
            else f"reports range from {low} to {high}"
        )
    supporting = [c for c in usable if value is not None and c.value == value]
    conflicting = [c for c in usable if value is None or c.value != value]
    others = _value_groups(conflicting)
    tail = "; ".join(
        f"{_asserters(others[v])} said {v} in {_reports(_docs(others[v]))}" for v in sorted(others)
    )
    head = (
        f"{value}: {reason}"
        if value is not None
        else f"{low}–{high}: {reason}"
        if low is not None
        else reason
    )
    if rule == "range" and value is None:
        tail = ""
    explanation = head + (f"; {tail}" if tail else "") + "."
    return FigureResult(
        side=side,
        category=category,
        rule=rule,
        value=value,
        low=low,
        high=high,
        approximate=bool(supporting) and all(c.approximate for c in supporting),
        supporting=tuple(c.key for c in supporting),
        conflicting=tuple(c.key for c in conflicting),
        explanation=explanation,
        supporting_ids=tuple(c.claim_id for c in supporting if c.claim_id is not None),
        conflicting_ids=tuple(c.claim_id for c in conflicting if c.claim_id is not None),
    )


def _others(claims: Sequence[ClaimInput], side: str) -> set[str]:
    """The parties of the exchange other than ``side`` (their word on ``side`` is the least direct)."""
    parties: set[str] = set()
    for c in claims:
        parties.update(c.parties)
    parties.discard(side)
    return parties


def figures_for(claims: Sequence[ClaimInput], rules: Sequence[Rule]) -> list[FigureResult]:
    """Every figure of an event under every rule in ``rules``, sorted by side, category, rule."""
    cells: dict[tuple[str, str], list[ClaimInput]] = defaultdict(list)
    for c in claims:
        if c.side and c.kind in FIGURE_KINDS:
            cells[(c.side, c.category)].append(c)
    out: list[FigureResult] = []
    for side, category in sorted(cells):
        for rule in rules:
            out.append(choose_figure(side, category, cells[(side, category)], rule))
    return out


def event_status(claims: Sequence[ClaimInput]) -> Status:
    """single-source (one document), disputed (sources give different totals), else corroborated."""
    if len({c.sha256 for c in claims}) < 2:
        return "single-source"
    by_side: dict[str, list[ClaimInput]] = defaultdict(list)
    for c in claims:
        if c.side and c.category == "total" and c.kind in FIGURE_KINDS and c.value is not None:
            by_side[c.side].append(c)
    for members in by_side.values():
        exact = {c.value for c in members if not c.approximate}
        if len(exact) > 1:
            return "disputed"
    return "corroborated"
