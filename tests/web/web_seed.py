"""A small ledger written for the web tests: documents, claims, two events with figures, an actor."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from powledger.store.db import session_scope
from powledger.store.schema import Actor, Claim, Document, Exchange, Figure
from powledger.web.accounts import add_user

EDITOR = "reviewer"
PASSWORD = "correct horse battery"

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

TEXTS = [
    (
        "Kyiv and Moscow swap prisoners",
        "ukrinform",
        "2024-05-31",
        "On Friday Ukraine brought home 75 defenders, the coordination headquarters said. "
        "The Russian defence ministry said 75 Russian servicemen had returned from territory controlled by Kyiv. "
        "The exchange was mediated by the United Arab Emirates.",
    ),
    (
        "Second report on the May swap",
        "tass",
        "2024-06-01",
        "According to the Russian defence ministry, 75 servicemen were returned. "
        "Ukrainian officials put the number of Ukrainians freed at 75.",
    ),
    (
        "Hostile " + HOSTILE,
        "evil" + HOSTILE,
        "2024-06-25",
        "Ukraine says 90 people came home " + HOSTILE + " after a swap, the ombudsman said.",
    ),
]


@dataclass
class Seeded:
    """Ids of what was written."""

    documents: list[int]
    claims: list[int]
    events: list[int]
    figures: list[int]
    actor: int


def _doc(title: str, outlet: str, published: str, text: str) -> Document:
    raw = text.encode()
    return Document(
        sha256=hashlib.sha256(raw + title.encode()).hexdigest(),
        external_id=f"ext-{published}-{outlet[:4]}",
        source="seed",
        url="https://example.org/" + published,
        outlet=outlet,
        title=title,
        published=published,
        published_precision="day",
        language="en",
        content_type="text",
        captured_at=datetime(2024, 7, 1, tzinfo=UTC),
        raw_size=len(raw),
        raw_zlib=zlib.compress(raw),
        text=text,
    )


def _claim(doc: Document, needle: str, side: str, value: int, by: str, exchange: Exchange) -> Claim:
    start = doc.text.index(needle)
    return Claim(
        document_id=doc.id,
        side=side,
        category="total",
        value=value,
        asserted_by_text=by,
        quote=needle,
        start=start,
        end=start + len(needle),
        event_date=exchange.date,
        event_date_precision="day",
        parties=["Ukraine", "Russia"],
        mediators=[],
        extractor="seed",
        extractor_version="1",
        confidence=0.7,
        exchange_id=exchange.id,
    )


def seed(engine: Engine, *, with_user: bool = True) -> Seeded:
    """Write the small ledger (and an editor account) into a migrated database."""
    with session_scope(engine) as session:
        docs = [_doc(*t) for t in TEXTS]
        session.add_all(docs)
        first = Exchange(
            key="2024-05-31/UA-RU",
            date="2024-05-31",
            date_precision="day",
            parties=["Ukraine", "Russia"],
            mediators=["United Arab Emirates"],
            status="corroborated",
            phase="completed",
            updated_at=datetime(2024, 7, 1, tzinfo=UTC),
        )
        second = Exchange(
            key="2024-06-25/UA-RU",
            date="2024-06-25",
            date_precision="day",
            parties=["Ukraine", "Russia"],
            mediators=[],
            status="single-source",
            phase="completed",
            updated_at=datetime(2024, 7, 1, tzinfo=UTC),
        )
        session.add_all([first, second])
        session.flush()
        claims = [
            _claim(
                docs[0],
                "Ukraine brought home 75 defenders",
                "Ukraine",
                75,
                "coordination headquarters",
                first,
            ),
            _claim(
                docs[0],
                "75 Russian servicemen had returned",
                "Russia",
                75,
                "Russian defence ministry",
                first,
            ),
            _claim(
                docs[1],
                "75 servicemen were returned",
                "Russia",
                75,
                "Russian defence ministry",
                first,
            ),
            _claim(docs[1], "Ukrainians freed at 75", "Ukraine", 75, "Ukrainian officials", first),
            _claim(docs[2], "Ukraine says 90 people came home", "Ukraine", 90, "ombudsman", second),
        ]
        session.add_all(claims)
        session.flush()
        figures = [
            Figure(
                exchange_id=first.id,
                side="Ukraine",
                category="total",
                rule="own-side",
                value=75,
                low=75,
                high=75,
                supporting=[claims[0].id, claims[3].id],
                conflicting=[],
                explanation="75: asserted by the Ukrainian side in 2 reports",
            ),
            Figure(
                exchange_id=first.id,
                side="Russia",
                category="total",
                rule="own-side",
                value=75,
                low=75,
                high=75,
                supporting=[claims[1].id, claims[2].id],
                conflicting=[],
                explanation="75: asserted by the Russian defence ministry in 2 reports",
            ),
            Figure(
                exchange_id=second.id,
                side="Ukraine",
                category="total",
                rule="own-side",
                value=90,
                low=88,
                high=90,
                supporting=[claims[4].id],
                conflicting=[],
                explanation="90: one report " + HOSTILE,
            ),
        ]
        session.add_all(figures)
        actor = Actor(
            name="Coordination Headquarters", kind="speaker", party="Ukraine", aliases=["KSHPPV"]
        )
        session.add(actor)
        if with_user:
            add_user(session=session, name=EDITOR, password=PASSWORD)
        session.flush()
        return Seeded(
            documents=[d.id for d in docs],
            claims=[c.id for c in claims],
            events=[first.id, second.id],
            figures=[f.id for f in figures],
            actor=actor.id,
        )
