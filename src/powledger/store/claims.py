"""Repository functions for claims: what an extractor found in a stored document."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from powledger.extract import actors_data
from powledger.models import ClaimFact, DocumentExtraction, ExchangeFact
from powledger.store.schema import Actor, Claim, Document

#: Claims a person has looked at are kept when a document is extracted again.
UNREVIEWED = "unreviewed"


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim to insert, with the exchange it belongs to in its document."""

    exchange_index: int
    phase: str
    exchange: ExchangeFact
    claim: ClaimFact


def _rows(extraction: DocumentExtraction) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    for phase, exchanges in (("completed", extraction.exchanges), ("planned", extraction.planned)):
        for index, exchange in enumerate(exchanges):
            for claim in exchange.claims:
                rows.append(ClaimRow(index, phase, exchange, claim))
    return rows


def _actor_id(session: Session, name: str | None, cache: dict[str, int]) -> int | None:
    """The id of the canonical actor ``name``, creating its row from actors_data when missing."""
    if not name:
        return None
    if name in cache:
        return cache[name]
    found = session.scalar(select(Actor.id).where(Actor.name == name))
    if found is None:
        kind: str = "party"
        party: str | None = name
        aliases = list(actors_data.PARTIES.get(name, ()))
        if name in actors_data.SPEAKERS:
            kind, speaks_for, alias_tuple = actors_data.SPEAKERS[name]
            party, aliases = speaks_for, list(alias_tuple)
        elif name in actors_data.MEDIATORS:
            kind, party, aliases = "mediator", name, list(actors_data.MEDIATORS[name])
        actor = Actor(name=name, kind=kind, party=party, aliases=aliases)
        session.add(actor)
        session.flush()
        found = actor.id
    cache[name] = found
    return found


def add_extraction(*, session: Session, document_id: int, extraction: DocumentExtraction) -> int:
    """Store the claims of ``extraction`` for a document; return how many were stored.

    Extracting a document again with the same extractor and version replaces its unreviewed
    claims (so re-running is idempotent); reviewed claims and other versions' claims stay.
    The caller's transaction holds the work; the caller commits.
    """
    session.execute(
        delete(Claim).where(
            Claim.document_id == document_id,
            Claim.extractor == extraction.extractor,
            Claim.extractor_version == extraction.extractor_version,
            Claim.review_state == UNREVIEWED,
        )
    )
    actors: dict[str, int] = {}
    rows = _rows(extraction)
    for row in rows:
        claim, exchange = row.claim, row.exchange
        session.add(
            Claim(
                document_id=document_id,
                exchange_index=row.exchange_index,
                phase=row.phase,
                kind=claim.kind,
                side=claim.side,
                category=claim.category,
                value=claim.value,
                approximate=claim.approximate,
                derived=claim.derived,
                asserted_by_text=claim.asserted_by_text or claim.asserted_by,
                actor_id=_actor_id(session, claim.asserted_by, actors),
                quote=claim.quote,
                start=claim.start,
                end=claim.end,
                event_date=exchange.date,
                event_date_precision=exchange.date_precision,
                parties=list(exchange.parties),
                mediators=list(exchange.mediators),
                extractor=extraction.extractor,
                extractor_version=extraction.extractor_version,
                confidence=claim.confidence,
                review_state=UNREVIEWED,
            )
        )
    document = session.get(Document, document_id)
    if document is not None:
        document.extractor = extraction.extractor
        document.extractor_version = extraction.extractor_version
    session.flush()
    return len(rows)


def list_claims(
    *,
    session: Session,
    document_id: int | None = None,
    side: str | None = None,
    category: str | None = None,
    phase: str | None = None,
    asserted_by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    extractor_version: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[Claim]:
    """Return stored claims in document order, filtered by any of the given fields.

    ``since``/``until`` compare ISO event dates as text (a month "2024-09" is inside "2024").
    ``asserted_by`` matches the canonical actor's name or the words the report used.
    """
    query = select(Claim).order_by(Claim.document_id, Claim.start, Claim.id).offset(offset)
    if document_id is not None:
        query = query.where(Claim.document_id == document_id)
    if side:
        query = query.where(Claim.side == side)
    if category:
        query = query.where(Claim.category == category)
    if phase:
        query = query.where(Claim.phase == phase)
    if extractor_version:
        query = query.where(Claim.extractor_version == extractor_version)
    if since:
        query = query.where(Claim.event_date >= since)
    if until:
        # "2024-12" as an upper bound keeps every day of December.
        bound = {4: until + "-12-31", 7: until + "-31"}.get(len(until), until)
        query = query.where(Claim.event_date <= bound)
    if asserted_by:
        actor_ids = select(Actor.id).where(Actor.name == asserted_by)
        query = query.where(
            (Claim.actor_id.in_(actor_ids)) | (Claim.asserted_by_text == asserted_by)
        )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def actor_name(*, session: Session, actor_id: int | None) -> str | None:
    """The canonical name of an actor id, or None."""
    if actor_id is None:
        return None
    return session.scalar(select(Actor.name).where(Actor.id == actor_id))
