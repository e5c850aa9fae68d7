"""Clustering, rules, status and stages on claims built by hand."""

from __future__ import annotations

import pytest

from powledger.reconcile.engine import reconcile_claims
from powledger.reconcile.model import Override, Review

from .helpers import claim


def _completed(events):  # type: ignore[no-untyped-def]
    return [e for e in events if e.role != "stage"]


def test_two_reports_of_one_exchange_make_one_corroborated_event() -> None:
    claims = [
        claim("wire", "Ukraine", 103, day="2024-09-14", mediators=("United Arab Emirates",)),
        claim("wire", "Russia", 103, day="2024-09-14"),
        claim("ministry", "Ukraine", 103, day="2024-09-14", by="Russia"),
        claim("ministry", "Russia", 103, day="2024-09-14", by="Russia"),
    ]
    events = reconcile_claims(claims)
    assert len(events) == 1
    ev = events[0]
    assert ev.date == "2024-09-14" and ev.date_precision == "day"
    assert ev.status == "corroborated"
    assert ev.parties == ("Russia", "Ukraine")
    assert ev.mediators == ("United Arab Emirates",)
    assert ev.figure("Ukraine").value == 103  # type: ignore[union-attr]
    assert set(ev.documents) == {"wire", "ministry"}


def test_disputed_figures_follow_the_rule_and_explain_themselves() -> None:
    claims = [
        claim("kyiv-1", "Ukraine", 207, by="Ukraine"),
        claim("kyiv-2", "Ukraine", 207, by="Ukraine"),
        claim("kyiv-3", "Ukraine", 207, by="Ukraine"),
        claim("moscow-1", "Ukraine", 195, by="Russia"),
        claim("moscow-1", "Russia", 195, by="Russia"),
        claim("moscow-2", "Ukraine", 195, by="Russia"),
        claim("moscow-2", "Russia", 195, by="Russia"),
    ]
    (ev,) = reconcile_claims(claims)
    assert ev.status == "disputed"
    own = ev.figure("Ukraine", rule="own-side")
    assert own is not None and own.value == 207 and (own.low, own.high) == (195, 207)
    assert own.explanation == (
        "207: asserted by Ukraine itself in 3 reports; Russia said 195 in 2 reports."
    )
    assert len(own.supporting) == 3 and len(own.conflicting) == 2
    assert ev.figure("Ukraine", rule="conservative").value == 195  # type: ignore[union-attr]
    assert ev.figure("Ukraine", rule="majority").value == 207  # type: ignore[union-attr]
    rng = ev.figure("Ukraine", rule="range")
    assert rng is not None and rng.value is None and (rng.low, rng.high) == (195, 207)
    assert ev.figure("Russia", rule="own-side").value == 195  # type: ignore[union-attr]


def test_own_side_falls_back_to_the_outlets_then_to_the_other_party() -> None:
    claims = [
        claim("outlet", "Russia", 55),
        claim("kyiv", "Russia", 56, by="Ukraine"),
    ]
    (ev,) = reconcile_claims(claims)
    fig = ev.figure("Russia")
    assert fig is not None and fig.value == 55
    assert fig.explanation.startswith("55: Russia gave no figure; the reporting outlets said so")


def test_a_day_apart_with_equal_figures_is_one_event_but_other_figures_are_another() -> None:
    claims = [
        claim("a", "Ukraine", 95, day="2024-10-18"),
        claim("b", "Ukraine", 95, day="2024-10-19"),
        claim("c", "Ukraine", 49, day="2024-10-19"),
    ]
    events = reconcile_claims(claims)
    assert sorted(sorted(e.documents) for e in events) == [["a", "b"], ["c"]]


def test_days_far_apart_are_different_events_even_with_equal_figures() -> None:
    claims = [
        claim("a", "Ukraine", 90, day="2024-06-25"),
        claim("b", "Ukraine", 90, day="2024-06-28"),
    ]
    assert len(reconcile_claims(claims)) == 2


def test_second_exchange_in_a_document_joins_its_own_event() -> None:
    claims = [
        claim("story", "Ukraine", 103, day="2024-09-14"),
        claim("story", "Ukraine", 49, day="2024-09-13", index=1),
        claim("earlier", "Ukraine", 49, day="2024-09-13"),
        claim("other", "Ukraine", 103, day="2024-09-14"),
    ]
    events = reconcile_claims(claims)
    assert sorted(sorted(e.documents) for e in events) == [["earlier", "story"], ["other", "story"]]
    assert {e.figure("Ukraine").value for e in events} == {103, 49}  # type: ignore[union-attr]


def test_plans_never_create_a_completed_event() -> None:
    claims = [
        claim("talks", "Ukraine", 1000, day="2025-05-16", phase="planned"),
        claim("talks", "Russia", 1000, day="2025-05-16", phase="planned"),
    ]
    assert reconcile_claims(claims) == []


def test_month_precision_report_joins_the_event_of_that_month() -> None:
    claims = [
        claim("day", "Ukraine", 230, day="2024-01-03"),
        claim("month", "Ukraine", 230, day="2024-01", precision="month"),
    ]
    (ev,) = reconcile_claims(claims)
    assert ev.date == "2024-01-03" and len(ev.documents) == 2


def test_undated_report_uses_its_publication_date() -> None:
    claims = [
        claim("dated", "Ukraine", 75, day="2024-05-31"),
        claim("undated", "Ukraine", 75, day=None, published="2024-06-01"),
    ]
    (ev,) = reconcile_claims(claims)
    assert len(ev.documents) == 2


def test_different_parties_never_share_an_event() -> None:
    claims = [
        claim("a", "Armenia", 32, day="2023-12-13", parties=("Armenia", "Azerbaijan")),
        claim("b", "Ukraine", 32, day="2023-12-13"),
    ]
    assert len(reconcile_claims(claims)) == 2


def test_bodies_are_their_own_category() -> None:
    claims = [
        claim("a", "Ukraine", 1212, day="2025-06-11", category="bodies"),
        claim("b", "Ukraine", 1212, day="2025-06-11", category="bodies"),
    ]
    (ev,) = reconcile_claims(claims)
    assert ev.figure("Ukraine") is None
    assert ev.figure("Ukraine", "bodies").value == 1212  # type: ignore[union-attr]


def test_staged_exchange_is_one_agreement_with_dated_stages() -> None:
    claims = []
    for day, n in (("2025-05-23", 390), ("2025-05-24", 307), ("2025-05-25", 303)):
        for doc in ("x", "y"):
            claims.append(claim(f"{doc}-{day}", "Ukraine", n, day=day))
            claims.append(claim(f"{doc}-{day}", "Russia", n, day=day))
    claims.append(claim("summary", "Ukraine", 1000, day="2025-05-25"))
    claims.append(claim("summary", "Russia", 1000, day="2025-05-25"))
    events = reconcile_claims(claims)
    agreements = [e for e in events if e.role == "agreement"]
    stages = sorted((e for e in events if e.role == "stage"), key=lambda e: e.date or "")
    assert len(agreements) == 1 and len(stages) == 3
    assert [s.date for s in stages] == ["2025-05-23", "2025-05-24", "2025-05-25"]
    assert all(s.agreement_key == agreements[0].key for s in stages)
    assert set(agreements[0].stage_keys) == {s.key for s in stages}


def test_reviews_reject_and_correct_claims_by_stable_key() -> None:
    wrong = claim("a", "Ukraine", 1030, day="2024-09-14")
    claims = [
        wrong,
        claim("b", "Ukraine", 103, day="2024-09-14"),
        claim("c", "Ukraine", 103, day="2024-09-14"),
    ]
    events = reconcile_claims(claims)
    assert len(events) == 2
    corrected = reconcile_claims(claims, reviews={wrong.key: Review(wrong.key, "correct", 103)})
    assert len(corrected) == 1 and corrected[0].figure("Ukraine").value == 103  # type: ignore[union-attr]
    rejected = reconcile_claims(claims, reviews={wrong.key: Review(wrong.key, "reject")})
    assert len(rejected) == 1 and len(rejected[0].documents) == 2


def test_accepted_claim_outranks_unreviewed_majority() -> None:
    lone = claim("a", "Ukraine", 207, by="Ukraine")
    claims = [
        lone,
        claim("b", "Ukraine", 206, by="Ukraine"),
        claim("c", "Ukraine", 206, by="Ukraine"),
    ]
    (ev,) = reconcile_claims(claims, reviews={lone.key: Review(lone.key, "accept")})
    assert ev.figure("Ukraine").value == 207  # type: ignore[union-attr]


def test_merge_and_split_overrides() -> None:
    a = claim("a", "Ukraine", 95, day="2024-10-18")
    b = claim("b", "Ukraine", 90, day="2024-10-25")
    assert len(reconcile_claims([a, b])) == 2
    merged = reconcile_claims([a, b], overrides=[Override(1, "merge", (a.key, b.key))])
    assert len(merged) == 1
    c = claim("c", "Ukraine", 95, day="2024-10-18")
    assert len(reconcile_claims([a, c])) == 1
    split = reconcile_claims([a, c], overrides=[Override(2, "split", (c.key,), (a.key,))])
    assert len(split) == 2
    # A split after a merge wins over it.
    both = [Override(1, "merge", (a.key, c.key)), Override(2, "split", (c.key,), (a.key,))]
    assert len(reconcile_claims([a, c], overrides=both)) == 2


@pytest.mark.parametrize("rule", ["own-side", "conservative", "majority", "range"])
def test_every_rule_gives_one_figure_per_side_and_category(rule: str) -> None:
    claims = [
        claim("a", "Ukraine", 100),
        claim("a", "Russia", 100),
        claim("a", "Ukraine", 20, category="officers"),
    ]
    (ev,) = reconcile_claims(claims)
    cells = [(f.side, f.category) for f in ev.figures if f.rule == rule]
    assert sorted(cells) == [("Russia", "total"), ("Ukraine", "officers"), ("Ukraine", "total")]
