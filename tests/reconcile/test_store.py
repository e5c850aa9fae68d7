"""Reconciliation through the store, on SQLite and PostgreSQL: incremental, reviews, merges, views."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from powledger.errors import InputError, NotFoundError, ReviewError
from powledger.reconcile import (
    ensure_reconciled,
    get_event,
    ledger_totals,
    list_events,
    merge_events,
    reconcile,
    review_claim,
    review_history,
    split_event,
)
from powledger.store.db import open_engine, session_scope
from powledger.store.schema import Claim, Exchange

from .dbhelpers import add_claims, add_document, both


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    engine = open_engine(db_url)
    with session_scope(engine) as s:
        yield s
    engine.dispose()


def _ledger_state(session: Session) -> list[tuple[object, ...]]:
    return [
        (
            e["date"],
            tuple(sorted(e["documents"])),
            tuple(sorted(e["returned_to"].items())),
            e["status"],
            e["role"],
        )
        for e in list_events(session=session)
    ]


def _seed(session: Session) -> None:
    add_document(session, "wire-0914", both(103), day="2024-09-14", captured="2024-09-14")
    add_document(
        session, "mod-0914", both(103, by="Russia"), day="2024-09-14", captured="2024-09-15"
    )
    add_document(
        session,
        "kyiv-0131",
        [{"side": "Ukraine", "value": 207, "by": "Ukraine"}],
        day="2024-01-31",
        captured="2024-02-01",
    )
    add_document(
        session, "mod-0131", both(195, by="Russia"), day="2024-01-31", captured="2024-02-02"
    )
    add_document(
        session, "plan", both(1000, phase="planned"), day="2025-05-16", captured="2025-05-16"
    )


def test_full_reconcile_lists_events_in_the_contract_shape(session: Session) -> None:
    _seed(session)
    report = reconcile(session=session)
    assert report.events == 2
    events = list_events(session=session)
    assert [e["date"] for e in events] == ["2024-01-31", "2024-09-14"]
    jan = events[0]
    assert jan["returned_to"] == {"Russia": 195, "Ukraine": 207}
    assert jan["low"] == {"Russia": 195, "Ukraine": 195}
    assert jan["high"] == {"Russia": 195, "Ukraine": 207}
    assert jan["status"] == "disputed"
    assert sorted(jan["documents"]) == ["kyiv-0131", "mod-0131"]
    assert events[1]["status"] == "corroborated"
    conservative = list_events(session=session, rule="conservative")
    assert conservative[0]["returned_to"]["Ukraine"] == 195
    assert [e["date"] for e in list_events(session=session, date_from="2024-06-01")] == [
        "2024-09-14"
    ]
    assert list_events(session=session, party="Israel") == []
    assert len(list_events(session=session, party="Ukraine", limit=1, offset=1)) == 1


def test_event_detail_has_explained_figures_with_quotes(session: Session) -> None:
    _seed(session)
    reconcile(session=session)
    jan_id = list_events(session=session)[0]["id"]
    event = get_event(session=session, event_id=jan_id, rule="own-side")
    ukraine = next(f for f in event["figures"] if f["side"] == "Ukraine")
    assert ukraine["value"] == 207
    assert ukraine["explanation"] == (
        "207: asserted by Ukraine itself in 1 report; Russia said 195 in 1 report."
    )
    assert [s["document"] for s in ukraine["supporting"]] == ["kyiv-0131"]
    assert ukraine["supporting"][0]["quote"] == "207 to Ukraine"
    assert [s["document"] for s in ukraine["conflicting"]] == ["mod-0131"]
    with pytest.raises(NotFoundError):
        get_event(session=session, event_id=99999)
    with pytest.raises(InputError):
        get_event(session=session, event_id=jan_id, rule="loudest")


def test_incremental_run_touches_only_its_event_and_equals_a_full_run(session: Session) -> None:
    _seed(session)
    reconcile(session=session)
    before = {e.id: (e.key, e.updated_at) for e in session.scalars(select(Exchange))}
    doc = add_document(session, "outlet-0131", both(195), day="2024-02-01", captured="2024-02-03")
    reconcile(session=session, document_ids=[doc])
    after = {e.id: (e.key, e.updated_at) for e in session.scalars(select(Exchange))}
    assert set(after) == set(before)  # the event ids stay
    sept = next(e["id"] for e in list_events(session=session) if e["date"] == "2024-09-14")
    assert after[sept] == before[sept]  # the September event was not rewritten
    incremental = _ledger_state(session)
    reconcile(session=session)
    assert _ledger_state(session) == incremental
    jan = list_events(session=session)[0]
    assert len(jan["documents"]) == 3


def test_reconcile_is_idempotent(session: Session) -> None:
    _seed(session)
    reconcile(session=session)
    first = _ledger_state(session)
    ids = sorted(session.scalars(select(Exchange.id)))
    reconcile(session=session)
    ensure_reconciled(session=session)
    assert _ledger_state(session) == first
    assert sorted(session.scalars(select(Exchange.id))) == ids


def test_correction_survives_reextraction_and_rereconciliation(session: Session) -> None:
    doc = add_document(session, "typo", both(1030), day="2024-09-14")
    add_document(session, "wire", both(103), day="2024-09-14")
    reconcile(session=session)
    assert len(list_events(session=session)) == 2
    typo_claim = session.scalar(
        select(Claim).where(Claim.document_id == doc, Claim.side == "Ukraine")
    )
    assert typo_claim is not None
    other = session.scalar(select(Claim).where(Claim.document_id == doc, Claim.side == "Russia"))
    assert other is not None
    review_claim(
        session=session,
        claim_id=typo_claim.id,
        action="correct",
        value=103,
        by="ana",
        reason="typo in the wire copy",
    )
    review_claim(
        session=session,
        claim_id=other.id,
        action="correct",
        value=103,
        by="ana",
        reason="same typo",
    )
    (event,) = list_events(session=session)
    assert event["returned_to"] == {"Russia": 103, "Ukraine": 103}
    # Re-extraction: the claims are stored again with new ids.
    session.execute(delete(Claim).where(Claim.document_id == doc))
    add_claims(session, doc, both(1030), day="2024-09-14")
    assert ensure_reconciled(session=session) is not None
    reconcile(session=session)
    (event,) = list_events(session=session)
    assert event["returned_to"] == {"Russia": 103, "Ukraine": 103}
    states = set(session.scalars(select(Claim.review_state).where(Claim.document_id == doc)))
    assert states == {"corrected"}
    history = review_history(session=session)
    assert history[0]["by"] == "ana" and history[0]["action"] == "correct"
    assert {h["reason"] for h in history} == {"typo in the wire copy", "same typo"}


def test_review_errors_are_clear(session: Session) -> None:
    add_document(session, "a", both(90), day="2024-06-25")
    reconcile(session=session)
    claim_id = session.scalar(select(Claim.id))
    assert claim_id is not None
    with pytest.raises(ReviewError, match="--by"):
        review_claim(session=session, claim_id=claim_id, action="accept", by="", reason="ok")
    with pytest.raises(ReviewError, match="--value"):
        review_claim(session=session, claim_id=claim_id, action="correct", by="x", reason="y")
    with pytest.raises(ReviewError, match="unknown review action"):
        review_claim(session=session, claim_id=claim_id, action="approve", by="x", reason="y")
    with pytest.raises(NotFoundError):
        review_claim(session=session, claim_id=424242, action="reject", by="x", reason="y")


def test_merge_and_split_are_kept_through_reconciliation(session: Session) -> None:
    add_document(session, "a", both(95), day="2024-10-18")
    add_document(session, "b", both(90), day="2024-10-25")
    reconcile(session=session)
    ids = [e["id"] for e in list_events(session=session)]
    assert len(ids) == 2
    merged = merge_events(session=session, event_ids=ids, by="lead", reason="one agreement")
    assert len(list_events(session=session)) == 1
    reconcile(session=session)
    (event,) = list_events(session=session)
    assert event["id"] == merged["event_id"]
    moved = session.scalars(
        select(Claim.id).join(Claim.document).where(Claim.document.has(external_id="b"))
    )
    result = split_event(
        session=session,
        event_id=event["id"],
        claim_ids=list(moved),
        by="lead",
        reason="two swaps after all",
    )
    assert result["new_event_id"] != result["event_id"]
    reconcile(session=session)
    assert len(list_events(session=session)) == 2
    with pytest.raises(ReviewError):
        merge_events(session=session, event_ids=[event["id"]], by="x", reason="y")
    with pytest.raises(ReviewError, match="not part of event"):
        split_event(
            session=session, event_id=result["event_id"], claim_ids=[999999], by="x", reason="y"
        )


def test_totals_per_pair_with_ranges_and_as_of(session: Session) -> None:
    _seed(session)
    add_document(
        session,
        "armenia",
        [
            {"side": "Armenia", "value": 32, "parties": ["Armenia", "Azerbaijan"]},
            {"side": "Azerbaijan", "value": 2, "parties": ["Armenia", "Azerbaijan"]},
        ],
        day="2023-12-13",
        captured="2023-12-14",
    )
    reconcile(session=session)
    totals = ledger_totals(session=session)
    pairs = {tuple(p["parties"]): p for p in totals["pairs"]}
    ru_ua = pairs[("Russia", "Ukraine")]
    assert ru_ua["events"] == 2
    assert ru_ua["totals"]["Ukraine"] == {
        "value": 310,
        "low": 298,
        "high": 310,
        "events_with_figure": 2,
    }
    assert ru_ua["totals"]["Russia"]["value"] == 298
    assert pairs[("Armenia", "Azerbaijan")]["totals"]["Armenia"]["value"] == 32
    # On 2024-02-01 only Kyiv's report of January had been captured.
    early = ledger_totals(session=session, as_of="2024-02-01")
    (pair,) = [p for p in early["pairs"] if p["parties"] == ["Russia", "Ukraine"]]
    assert pair["events"] == 1 and pair["totals"]["Ukraine"]["value"] == 207
    assert pair["totals"]["Russia"]["value"] == 0
    assert ledger_totals(session=session, as_of="2023-01-01")["pairs"] == []
    with pytest.raises(InputError, match="--as-of"):
        ledger_totals(session=session, as_of="yesterday")


def test_staged_agreement_is_listed_once_and_stages_on_request(session: Session) -> None:
    for day, n in (("2025-05-23", 390), ("2025-05-24", 307), ("2025-05-25", 303)):
        add_document(session, f"stage-{day}", both(n), day=day)
    add_document(session, "summary", both(1000), day="2025-05-25")
    reconcile(session=session)
    (agreement,) = list_events(session=session)
    assert agreement["role"] == "agreement" and agreement["returned_to"]["Ukraine"] == 1000
    assert len(agreement["stages"]) == 3
    stages = list_events(session=session, stages=True)
    assert [s["returned_to"]["Ukraine"] for s in stages] == [390, 307, 303]
    totals = ledger_totals(session=session)
    assert totals["pairs"][0]["totals"]["Ukraine"]["value"] == 1000


def test_datasette_views_read_events_and_figures_with_sources(session: Session) -> None:
    _seed(session)
    reconcile(session=session)
    session.flush()
    rows = session.execute(
        text("SELECT date, status, documents FROM events_view ORDER BY date")
    ).all()
    assert [r[0] for r in rows] == ["2024-01-31", "2024-09-14"]
    assert "kyiv-0131" in rows[0][2] and "mod-0131" in rows[0][2]
    figs = session.execute(
        text(
            "SELECT value, sources, explanation FROM figures_view WHERE rule = 'own-side' AND side = 'Ukraine' ORDER BY date"
        )
    ).all()
    assert figs[0][0] == 207 and "kyiv-0131" in figs[0][1]
    quotes = session.execute(text("SELECT quote, document FROM figure_sources_view")).all()
    assert ("207 to Ukraine", "kyiv-0131") in [tuple(q) for q in quotes]


def test_only_the_latest_extractor_version_counts(session: Session) -> None:
    from powledger.store.schema import Document

    doc = add_document(session, "wire", both(103), day="2024-09-14")
    # An older extractor version's claims stay stored next to the new ones.
    add_claims(session, doc, both(1030), day="2024-09-14")
    for row in session.scalars(select(Claim).where(Claim.document_id == doc, Claim.value == 1030)):
        row.extractor_version = "0"
    document = session.get(Document, doc)
    assert document is not None
    document.extractor, document.extractor_version = "test", "1"
    reconcile(session=session)
    (event,) = list_events(session=session)
    assert event["returned_to"] == {"Russia": 103, "Ukraine": 103}
    assert ensure_reconciled(session=session) is None  # the old rows are not "pending" forever
