"""Plain frozen data of reconciliation: claims in, events with figures out. No database here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Rule = Literal["own-side", "conservative", "majority", "range"]
#: The rules a figure can be chosen by; the first is the default.
RULES: tuple[Rule, ...] = ("own-side", "conservative", "majority", "range")
DEFAULT_RULE: Rule = "own-side"

Status = Literal["single-source", "corroborated", "disputed"]
ReviewAction = Literal["accept", "reject", "correct"]
REVIEW_ACTIONS: tuple[ReviewAction, ...] = ("accept", "reject", "correct")

#: Claim kinds that carry a number of persons received by one side.
FIGURE_KINDS: frozenset[str] = frozenset({"returned", "composition"})


def claim_key(sha256: str, start: int, end: int, category: str, side: str | None) -> str:
    """A claim's identity that survives re-extraction: document hash, quote span, category, side."""
    return f"{sha256}:{start}:{end}:{category}:{side or '-'}"


def unit_key(sha256: str, exchange_index: int) -> str:
    """Identity of one exchange as one document reports it."""
    return f"{sha256[:20]}:{exchange_index}"


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """One stored claim, flattened with what reconciliation needs from its document and actor."""

    claim_id: int | None
    sha256: str
    document_id: int | None
    exchange_index: int
    side: str | None
    category: str
    value: int | None
    start: int = 0
    end: int = 0
    phase: str = "completed"
    kind: str = "returned"
    value_low: int | None = None
    value_high: int | None = None
    approximate: bool = False
    derived: bool = False
    asserted_by: str | None = None
    asserter_party: str | None = None
    quote: str = ""
    event_date: str | None = None
    event_date_precision: str | None = None
    published: str | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    document_ref: str | None = None
    review_state: str = "unreviewed"

    @property
    def key(self) -> str:
        """Stable identity of the claim (see :func:`claim_key`)."""
        return claim_key(self.sha256, self.start, self.end, self.category, self.side)

    @property
    def low(self) -> int | None:
        """Lowest number the claim allows."""
        return self.value_low if self.value_low is not None else self.value

    @property
    def high(self) -> int | None:
        """Highest number the claim allows."""
        return self.value_high if self.value_high is not None else self.value


@dataclass(frozen=True, slots=True)
class Review:
    """A reviewer's latest decision on one claim, keyed by the claim's stable key."""

    claim_key: str
    action: ReviewAction
    value: int | None = None


@dataclass(frozen=True, slots=True)
class Override:
    """A reviewer's merge or split of events, as must-link or cannot-link between claims.

    ``merge``: every claim in ``claim_keys`` ends in one event. ``split``: the claims in
    ``claim_keys`` leave their event and never share one with the claims in ``apart_keys``.
    """

    seq: int
    kind: Literal["merge", "split"]
    claim_keys: tuple[str, ...]
    apart_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    """One exchange as one document reports it: the claims of (document, exchange_index)."""

    key: str
    sha256: str
    lo: int | None
    hi: int | None
    day: int | None
    precision: str | None
    parties: frozenset[str]
    mediators: frozenset[str]
    totals: tuple[tuple[str, int, bool], ...]
    claims: tuple[ClaimInput, ...]
    #: ``totals`` grouped: (side|category) -> ((value, hedged), ...).
    by_key: Mapping[str, tuple[tuple[int, bool], ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FigureResult:
    """The ledger's value for one (event, side, category) under one rule, with its evidence."""

    side: str
    category: str
    rule: Rule
    value: int | None
    low: int | None
    high: int | None
    approximate: bool
    supporting: tuple[str, ...]
    conflicting: tuple[str, ...]
    explanation: str
    supporting_ids: tuple[int, ...] = ()
    conflicting_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class EventResult:
    """One real-world exchange (or a stage of one) built from clustered units."""

    key: str
    date: str | None
    date_precision: str | None
    date_lo: str | None
    date_hi: str | None
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    status: Status
    unit_keys: tuple[str, ...]
    claims: tuple[ClaimInput, ...]
    figures: tuple[FigureResult, ...]
    documents: tuple[str, ...]
    role: Literal["event", "agreement", "stage"] = "event"
    agreement_key: str | None = None
    stage_keys: tuple[str, ...] = field(default=())

    def figure(
        self, side: str, category: str = "total", rule: Rule = DEFAULT_RULE
    ) -> FigureResult | None:
        """Return the figure for (side, category) under ``rule``, if any claim gives one."""
        for fig in self.figures:
            if fig.side == side and fig.category == category and fig.rule == rule:
                return fig
        return None


def iso_to_ordinal(text: str | None) -> int | None:
    """Parse the date part of an ISO string into a proleptic ordinal, or None when unparseable."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def ordinal_to_iso(value: int | None) -> str | None:
    """Inverse of :func:`iso_to_ordinal`."""
    return None if value is None else date.fromordinal(value).isoformat()
