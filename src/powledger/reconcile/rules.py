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
    return _Cell(side, category, claims).figure(rule)


_Split = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...], bool, str]


class _Cell:
    """The claims of one (event, side, category), with what every rule needs computed once."""

    def __init__(self, side: str, category: str, claims: Sequence[ClaimInput]) -> None:
        self.side = side
        self.category = category
        self.usable = [c for c in claims if c.value is not None or c.value_low is not None]
        lows = [c.low for c in self.usable if c.low is not None]
        highs = [c.high for c in self.usable if c.high is not None]
        self.low = min(lows) if lows else None
        self.high = max(highs) if highs else None
        # A reviewer's verdict outranks any number of unreviewed reports.
        self.pool = [c for c in self.usable if c.review_state in REVIEWED] or self.usable
        self.groups = _value_groups(self.pool)
        self.keys = [c.key for c in self.usable]
        self._splits: dict[int | None, _Split] = {}

    def figure(self, rule: Rule) -> FigureResult:
        """The figure under ``rule``."""
        side, pool, groups, low, high = self.side, self.pool, self.groups, self.low, self.high
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
                others = _others(pool, side)
                neutral = _value_groups(
                    [c for c in pool if c.asserter_party is None or c.asserter_party not in others]
                )
                chosen = neutral or groups
                value = _pick_most_reported(chosen)
                reason = (
                    f"{side} gave no figure; {_asserters(chosen[value])} said so "
                    f"in {_reports(_docs(chosen[value]))}"
                )
        elif rule == "conservative":
            value = min(groups)
            reason = (
                f"the lowest figure, given by {_asserters(groups[value])} "
                f"in {_reports(_docs(groups[value]))}"
            )
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
        sup_keys, con_keys, sup_ids, con_ids, approximate, said = self._split(value)
        tail = "" if rule == "range" and value is None else said
        if value is not None:
            head = f"{value}: {reason}"
        elif low is not None:
            head = f"{low}–{high}: {reason}"
        else:
            head = reason
        return FigureResult(
            side=side,
            category=self.category,
            rule=rule,
            value=value,
            low=low,
            high=high,
            approximate=approximate,
            supporting=sup_keys,
            conflicting=con_keys,
            explanation=head + (f"; {tail}" if tail else "") + ".",
            supporting_ids=sup_ids,
            conflicting_ids=con_ids,
        )

    def _split(self, value: int | None) -> _Split:
        """Supporting and conflicting claims of ``value``, and who said what else (cached: the
        rules mostly agree, so each value is worked out once per cell)."""
        cached = self._splits.get(value)
        if cached is not None:
            return cached
        supporting: list[ClaimInput] = []
        conflicting: list[ClaimInput] = []
        sup_keys: list[str] = []
        con_keys: list[str] = []
        for c, key in zip(self.usable, self.keys, strict=True):
            if value is not None and c.value == value:
                supporting.append(c)
                sup_keys.append(key)
            else:
                conflicting.append(c)
                con_keys.append(key)
        said = ""
        if conflicting:
            by_value = _value_groups(conflicting)
            said = "; ".join(
                f"{_asserters(by_value[v])} said {v} in {_reports(_docs(by_value[v]))}"
                for v in sorted(by_value)
            )
        result: _Split = (
            tuple(sup_keys),
            tuple(con_keys),
            tuple(c.claim_id for c in supporting if c.claim_id is not None),
            tuple(c.claim_id for c in conflicting if c.claim_id is not None),
            bool(supporting) and all(c.approximate for c in supporting),
            said,
        )
        self._splits[value] = result
        return result


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
        cell = _Cell(side, category, cells[(side, category)])
        out.extend(cell.figure(rule) for rule in rules)
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
