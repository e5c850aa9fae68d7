"""Properties: reconciliation is idempotent and does not depend on the order of its input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from powledger.reconcile.engine import reconcile_claims
from powledger.reconcile.model import ClaimInput

from .helpers import claim

DAYS = ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-31", "2024-02-01", "2024-01"]

claims_strategy = st.lists(
    st.builds(
        lambda doc, side, value, day, by, idx: claim(
            f"doc{doc}",
            side,
            value,
            day=day,
            precision="month" if len(day) == 7 else "day",
            by=by,
            index=idx,
        ),
        st.integers(0, 12),
        st.sampled_from(["Ukraine", "Russia"]),
        st.sampled_from([49, 95, 100, 103, 195, 207, 230]),
        st.sampled_from(DAYS),
        st.sampled_from([None, "Ukraine", "Russia"]),
        st.integers(0, 1),
    ),
    max_size=40,
)


def _summary(claims: list[ClaimInput]) -> list[tuple[object, ...]]:
    return [
        (
            e.key,
            e.date,
            e.status,
            e.role,
            e.unit_keys,
            tuple((f.side, f.rule, f.value, f.explanation) for f in e.figures),
        )
        for e in reconcile_claims(claims)
    ]


@settings(max_examples=150, deadline=None)
@given(claims_strategy, st.randoms(use_true_random=False))
def test_order_of_claims_does_not_matter(claims: list[ClaimInput], rnd: object) -> None:
    shuffled = list(claims)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _summary(claims) == _summary(shuffled)


@settings(max_examples=50, deadline=None)
@given(claims_strategy)
def test_reconciling_twice_gives_the_same_events(claims: list[ClaimInput]) -> None:
    assert _summary(claims) == _summary(claims)
    # Duplicated input (the same claims stored twice) changes nothing either.
    once = reconcile_claims(claims)
    twice = reconcile_claims(claims + claims)
    assert [e.unit_keys for e in once] == [e.unit_keys for e in twice]
