"""Domain types shared by the pipeline stages: plain frozen data, no database access."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year"]
ContentType = Literal["html", "text"]

#: Controlled vocabulary of persons' categories (see docs/data-model.md for the words mapped to each).
CATEGORIES: tuple[str, ...] = (
    "total",
    "officers",
    "privates_and_sergeants",
    "soldiers",
    "civilians",
    "women",
    "wounded",
    "seriously_wounded_or_sick",
    "minors",
    "national_guard",
    "border_guards",
    "navy",
    "marines",
    "defenders_of_mariupol",
    "conscripts",
    "clergy",
    "bodies",
)

#: Categories that are not living prisoners and never count towards a total.
NON_PRISONER_CATEGORIES: frozenset[str] = frozenset({"bodies"})


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One captured input before cleaning: the exact bytes plus what the source told us."""

    raw: bytes
    source: str
    content_type: ContentType
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A captured document after cleaning, ready to store."""

    sha256: str
    raw: bytes
    source: str
    content_type: ContentType
    text: str
    captured_at: datetime
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: DatePrecision | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be captured, with a short reason code and a one-line message."""

    source: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """One figure asserted in one document, tied to the exact text that states it."""

    side: str | None
    category: str
    value: int | None
    approximate: bool
    asserted_by: str | None
    quote: str
    start: int
    end: int
    kind: str = "returned"
    derived: bool = False
    asserted_by_text: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """Return the claim in the extraction contract's shape."""
        return {
            "side": self.side,
            "category": self.category,
            "value": self.value,
            "approximate": self.approximate,
            "asserted_by": self.asserted_by,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "derived": self.derived,
        }


@dataclass(frozen=True, slots=True)
class CompositionFact:
    """How many persons of one category one side received."""

    side: str | None
    category: str
    count: int | None

    def to_dict(self) -> dict[str, Any]:
        """Return the composition entry in the contract's shape."""
        return {"side": self.side, "category": self.category, "count": self.count}


@dataclass(frozen=True, slots=True)
class ExchangeFact:
    """One exchange (carried out or planned) as one document reports it."""

    date: str | None
    date_precision: DatePrecision | None
    parties: tuple[str, ...]
    returned_to: dict[str, int | None]
    approximate: dict[str, bool]
    composition: tuple[CompositionFact, ...] = ()
    mediators: tuple[str, ...] = ()
    claims: tuple[ClaimFact, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the exchange in the contract's shape."""
        return {
            "date": self.date,
            "date_precision": self.date_precision,
            "parties": list(self.parties),
            "returned_to": dict(self.returned_to),
            "approximate": dict(self.approximate),
            "composition": [c.to_dict() for c in self.composition],
            "mediators": list(self.mediators),
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """Everything extracted from one document."""

    id: str | None
    language: str | None
    published: str | None
    exchanges: tuple[ExchangeFact, ...] = ()
    planned: tuple[ExchangeFact, ...] = ()
    extractor: str = "powledger.rules"
    extractor_version: str = "0"
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the document's extraction in the contract's shape."""
        return {
            "id": self.id,
            "language": self.language,
            "published": self.published,
            "exchanges": [e.to_dict() for e in self.exchanges],
            "planned": [e.to_dict() for e in self.planned],
        }
