"""Claims in the store (SQLite and PostgreSQL) and the extract, claims and explain commands."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from powledger.cli import main
from powledger.extract.core import EXTRACTOR_VERSION, extract_document
from powledger.store.claims import add_extraction, list_claims
from powledger.store.db import open_engine, session_scope
from powledger.store.schema import Actor, Document

REPORT = (
    "Russia and Ukraine swap 103 prisoners each\n"
    "Russia and Ukraine each handed over 103 prisoners of war on Saturday, the two sides said. "
    "Zelensky said 103 Ukrainians were home. Among them are 21 officers.\n"
    "Kyiv and Moscow agreed to exchange 1,000 prisoners each next month."
)


def _store_document(url: str) -> int:
    from datetime import UTC, datetime

    engine = open_engine(url)
    with session_scope(engine) as session:
        doc = Document(
            sha256="ab" * 32, external_id="wire-1", content_type="text", raw_size=1,
            raw_zlib=b"x", text=REPORT, published="2024-09-14", language="en",
            captured_at=datetime.now(UTC),
        )  # fmt: skip
        session.add(doc)
        session.flush()
        return doc.id


def test_add_extraction_stores_claims_with_provenance(db_url: str) -> None:
    doc_id = _store_document(db_url)
    extraction = extract_document(REPORT, published="2024-09-14", language="en")
    engine = open_engine(db_url)
    with session_scope(engine) as session:
        stored = add_extraction(session=session, document_id=doc_id, extraction=extraction)
    assert stored == sum(len(e.claims) for e in (*extraction.exchanges, *extraction.planned))
    with session_scope(engine) as session:
        claims = list_claims(session=session, document_id=doc_id, limit=None)
        assert {c.extractor_version for c in claims} == {EXTRACTOR_VERSION}
        assert {c.phase for c in claims} == {"completed", "planned"}
        for c in claims:
            assert REPORT[c.start : c.end] == c.quote
        done = [c for c in claims if c.phase == "completed"]
        assert {c.event_date for c in done} == {"2024-09-14"}
        assert all(c.parties == ["Russia", "Ukraine"] for c in done)
        officers = [c for c in claims if c.category == "officers"]
        assert [(c.side, c.value) for c in officers] == [("Ukraine", 21)]
        zelensky = session.query(Actor).filter_by(name="Volodymyr Zelensky").one()
        assert any(c.actor_id == zelensky.id for c in claims)
        assert list_claims(session=session, side="Russia", phase="completed", limit=None)
        assert list_claims(session=session, since="2024-09", until="2024-09", limit=None)
        assert not list_claims(session=session, since="2025-01-01", limit=None)
    # Extracting again replaces the unreviewed claims instead of adding copies.
    with session_scope(engine) as session:
        add_extraction(session=session, document_id=doc_id, extraction=extraction)
    with session_scope(engine) as session:
        assert len(list_claims(session=session, document_id=doc_id, limit=None)) == stored


def test_extract_command_jsonl_in_input_order(tmp_path: Path) -> None:
    inputs = tmp_path / "in.jsonl"
    lines = [
        {"id": "first", "text": REPORT, "published": "2024-09-14", "language": "en"},
        {"text": "The council approved a new bus timetable.", "language": "en"},
    ]
    inputs.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("Russia returned 60 Ukrainian civilians on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(inputs), str(note)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["first", f"{inputs}:2", str(note)]
    assert rows[0]["exchanges"][0]["returned_to"] == {"Russia": 103, "Ukraine": 103}
    assert rows[0]["planned"][0]["returned_to"] == {"Russia": 1000, "Ukraine": 1000}
    assert rows[1]["exchanges"] == []
    assert rows[2]["exchanges"][0]["returned_to"]["Ukraine"] == 60


def test_extract_command_table_and_bad_input(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["extract", str(note)])
    assert ok.exit_code == 0
    assert "completed" in ok.output and "Ukraine 103" in ok.output
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert "Traceback" not in missing.output
    assert "skipped" in missing.output and "Error:" in missing.output


def test_ingest_then_claims_and_explain(tmp_path: Path, sqlite_url: str) -> None:
    doc_id = _store_document(sqlite_url)
    engine = open_engine(sqlite_url)
    with session_scope(engine) as session:
        add_extraction(
            session=session,
            document_id=doc_id,
            extraction=extract_document(REPORT, published="2024-09-14", language="en"),
        )
    runner = CliRunner()
    listed = runner.invoke(
        main, ["--db", sqlite_url, "claims", "--format", "jsonl", "--side", "Ukraine"]
    )
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert rows and all(r["side"] == "Ukraine" for r in rows)
    table = runner.invoke(main, ["--db", sqlite_url, "claims", "--category", "officers"])
    assert "officers" in table.output and "21" in table.output
    for ref in (str(doc_id), "wire-1", "abababab"):
        shown = runner.invoke(main, ["--db", sqlite_url, "explain", ref])
        assert shown.exit_code == 0, shown.output
        assert "[[Russia and Ukraine each handed over 103 prisoners of war" in shown.output
        assert "Claims (" in shown.output and "asserted by Volodymyr Zelensky" in shown.output
    coloured = runner.invoke(
        main, ["--db", sqlite_url, "explain", "--colour", "wire-1"], color=True
    )
    assert "\x1b[" in coloured.output and "[[" not in coloured.output
    missing = runner.invoke(main, ["--db", sqlite_url, "explain", "no-such-doc"])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error:") and "Traceback" not in missing.output
