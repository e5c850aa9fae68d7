"""The SQLite ledger opens in Datasette, and its views read as events and figures with sources."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from powledger.reconcile import reconcile
from powledger.store.db import open_engine, session_scope

from .dbhelpers import add_document, both

datasette_app = pytest.importorskip(
    "datasette.app", reason="datasette is installed by the test extra"
)


def test_views_open_in_datasette(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    engine = open_engine(f"sqlite:///{path}")
    with session_scope(engine) as s:
        add_document(
            s, "kyiv", [{"side": "Ukraine", "value": 207, "by": "Ukraine"}], day="2024-01-31"
        )
        add_document(s, "moscow", both(195, by="Russia"), day="2024-01-31")
        reconcile(session=s)
    engine.dispose()

    async def fetch(view: str) -> list[dict[str, object]]:
        ds = datasette_app.Datasette([str(path)])
        response = await ds.client.get(f"/ledger/{view}.json?_shape=array")
        assert response.status_code == 200, response.text
        rows: list[dict[str, object]] = response.json()
        return rows

    events = asyncio.run(fetch("events_view"))
    assert len(events) == 1 and events[0]["status"] == "disputed"
    assert "kyiv" in str(events[0]["documents"]) and "moscow" in str(events[0]["documents"])
    figures = asyncio.run(fetch("figures_view"))
    own = [f for f in figures if f["rule"] == "own-side" and f["side"] == "Ukraine"]
    assert own[0]["value"] == 207 and own[0]["sources"] == "kyiv"
    sources = asyncio.run(fetch("figure_sources_view"))
    assert {s["document"] for s in sources} == {"kyiv", "moscow"}
