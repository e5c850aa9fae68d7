"""Property: adding documents one at a time (incremental runs) gives the ledger a full run gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powledger.reconcile import list_events, reconcile
from powledger.store.db import open_engine, session_scope

from .dbhelpers import add_document

DAYS = ["2024-01-03", "2024-01-04", "2024-01-06", "2024-01-08", "2024-02-01"]

report = st.tuples(
    st.sampled_from(DAYS),
    st.sampled_from([95, 100, 103]),
    st.sampled_from([None, "Ukraine", "Russia"]),
    st.booleans(),
)


def _state(session: object) -> list[tuple[object, ...]]:
    return sorted(
        (
            e["date"],
            tuple(sorted(e["documents"])),
            tuple(sorted(e["returned_to"].items())),
            e["status"],
        )
        for e in list_events(session=session)  # type: ignore[arg-type]
    )


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(report, min_size=1, max_size=8))
def test_incremental_equals_full(
    tmp_path: Path, reports: list[tuple[str, int, str | None, bool]]
) -> None:
    path = tmp_path / f"inc-{abs(hash(tuple(reports)))}.db"
    engine = open_engine(f"sqlite:///{path}")
    with session_scope(engine) as s:
        for i, (day, value, by, both_sides) in enumerate(reports):
            figures = [{"side": "Ukraine", "value": value, "by": by}]
            if both_sides:
                figures.append({"side": "Russia", "value": value, "by": by})
            doc = add_document(s, f"doc{i}", figures, day=day)
            reconcile(session=s, document_ids=[doc])
        incremental = _state(s)
        reconcile(session=s)
        assert _state(s) == incremental
    engine.dispose()
