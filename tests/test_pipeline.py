"""The whole pipeline from the command line: ingest stores claims, events and the demo."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from powledger.cli import main

REPORT = (
    "KYIV, Sept 14 (Wire) - Ukraine and Russia each handed over 103 prisoners of war on "
    "Saturday in an exchange mediated by the United Arab Emirates, President Volodymyr "
    "Zelensky said.\n"
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_stores_claims_and_builds_the_event(db_url: str, tmp_path: Path) -> None:
    report = tmp_path / "feed.jsonl"
    report.write_text(
        json.dumps({"id": "wire-1", "text": REPORT, "published": "2024-09-14"}) + "\n",
        encoding="utf-8",
    )
    assert _run("--db", db_url, "ingest", str(report)).startswith("1 new")

    claims = [
        json.loads(line)
        for line in _run("--db", db_url, "claims", "--format", "jsonl").splitlines()
    ]
    assert {(c["side"], c["value"]) for c in claims} >= {("Ukraine", 103), ("Russia", 103)}

    events = [
        json.loads(line)
        for line in _run("--db", db_url, "events", "--format", "jsonl").splitlines()
    ]
    assert len(events) == 1
    event = events[0]
    assert event["date"] == "2024-09-14"
    assert event["returned_to"] == {"Russia": 103, "Ukraine": 103}
    assert event["mediators"] == ["United Arab Emirates"]
    assert event["documents"] == ["wire-1"]


def test_ingesting_the_same_report_twice_adds_no_claims(sqlite_url: str, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    _run("--db", sqlite_url, "ingest", str(report))
    first = _run("--db", sqlite_url, "claims", "--format", "jsonl")
    assert "0 new, 1 already stored" in _run("--db", sqlite_url, "ingest", str(report))
    assert _run("--db", sqlite_url, "claims", "--format", "jsonl") == first


def test_demo_builds_the_ledger_and_is_idempotent(sqlite_url: str) -> None:
    output = _run("--db", sqlite_url, "demo")
    assert "Captured: 22 new, 0 already stored, 0 skipped" in output
    assert "Russia – Ukraine" in output
    # The distractors make no Russia–Ukraine event of their own: the sports trade stays out.
    assert "Gulls" not in output.split("Ledger")[1]
    again = _run("--db", sqlite_url, "demo")
    assert "Captured: 0 new, 22 already stored, 0 skipped" in again
    events = [
        json.loads(line)
        for line in _run("--db", sqlite_url, "events", "--format", "jsonl").splitlines()
    ]
    by_date = {e["date"]: e for e in events}
    assert by_date["2024-01-03"]["returned_to"] == {"Russia": 248, "Ukraine": 230}
    assert by_date["2024-06-25"]["returned_to"] == {"Russia": 90, "Ukraine": 90}
