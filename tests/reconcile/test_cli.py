"""The real commands: reconcile, events, event, totals, review and export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from powledger.cli import main
from powledger.store.db import open_engine, session_scope
from powledger.store.schema import Claim

from .dbhelpers import add_document, both


@pytest.fixture
def seeded(db_url: str) -> str:
    engine = open_engine(db_url)
    with session_scope(engine) as s:
        add_document(
            s,
            "wire-0914",
            both(103, mediators=["United Arab Emirates"]),
            day="2024-09-14",
            captured="2024-09-14",
        )
        add_document(s, "mod-0914", both(103, by="Russia"), day="2024-09-14", captured="2024-09-15")
        add_document(
            s,
            "kyiv-0131",
            [{"side": "Ukraine", "value": 207, "by": "Ukraine"}],
            day="2024-01-31",
            captured="2024-02-01",
        )
        add_document(s, "mod-0131", both(195, by="Russia"), day="2024-01-31", captured="2024-02-02")
    engine.dispose()
    return db_url


def run(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", url, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_events_jsonl_carries_the_contract_fields(seeded: str) -> None:
    code, out, _ = run(seeded, "events", "--format", "jsonl")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["date"] for e in events] == ["2024-01-31", "2024-09-14"]
    for key in (
        "id",
        "date",
        "date_precision",
        "parties",
        "returned_to",
        "low",
        "high",
        "mediators",
        "status",
        "documents",
    ):
        assert key in events[0]
    assert events[0]["returned_to"] == {"Russia": 195, "Ukraine": 207}
    assert events[0]["low"]["Ukraine"] == 195 and events[0]["high"]["Ukraine"] == 207
    assert sorted(events[1]["documents"]) == ["mod-0914", "wire-0914"]
    assert events[1]["mediators"] == ["United Arab Emirates"]
    code, out, _ = run(
        seeded,
        "events",
        "--format",
        "jsonl",
        "--rule",
        "conservative",
        "--from",
        "2024-01-01",
        "--to",
        "2024-02-28",
    )
    assert [json.loads(line)["returned_to"]["Ukraine"] for line in out.splitlines()] == [195]


def test_events_table_and_csv(seeded: str) -> None:
    code, out, _ = run(seeded, "events")
    assert code == 0
    assert "Ukraine 207 (195–207)" in out and "disputed" in out and "corroborated" in out
    code, out, _ = run(seeded, "events", "--format", "csv", "--party", "Ukraine")
    rows = list(csv.DictReader(out.splitlines()))
    assert {(r["date"], r["side"], r["value"]) for r in rows} == {
        ("2024-01-31", "Russia", "195"),
        ("2024-01-31", "Ukraine", "207"),
        ("2024-09-14", "Russia", "103"),
        ("2024-09-14", "Ukraine", "103"),
    }


def test_event_shows_explanations_sources_and_quotes(seeded: str) -> None:
    _, out, _ = run(seeded, "events", "--format", "jsonl")
    jan = json.loads(out.splitlines()[0])["id"]
    code, out, _ = run(seeded, "event", str(jan))
    assert code == 0
    assert "207: asserted by Ukraine itself in 1 report; Russia said 195 in 1 report." in out
    assert "+ [kyiv-0131]" in out and "“207 to Ukraine”" in out
    assert "- [mod-0131]" in out
    code, out, _ = run(seeded, "event", str(jan), "--format", "json")
    assert json.loads(out)["figures"][0]["supporting"][0]["document"]


def test_totals_and_as_of(seeded: str) -> None:
    code, out, _ = run(seeded, "totals")
    assert code == 0
    assert "Russia – Ukraine: 2 exchanges" in out
    assert "Ukraine received 310; range 298–310" in out
    code, out, _ = run(seeded, "totals", "--as-of", "2024-02-01", "--format", "json")
    data = json.loads(out)
    assert data["as_of"] == "2024-02-01"
    assert data["pairs"][0]["totals"]["Ukraine"]["value"] == 207


def test_review_commands_record_who_when_why(seeded: str) -> None:
    engine = open_engine(seeded)
    with session_scope(engine) as s:
        claim_id = s.scalar(select(Claim.id).where(Claim.value == 207))
    engine.dispose()
    code, out, _ = run(
        seeded,
        "review",
        "correct",
        str(claim_id),
        "--value",
        "206",
        "--by",
        "ana",
        "--reason",
        "the post says 206",
    )
    assert code == 0 and "corrected from 207 to 206 by ana" in out
    _, out, _ = run(seeded, "events", "--format", "jsonl")
    assert json.loads(out.splitlines()[0])["returned_to"]["Ukraine"] == 206
    code, out, _ = run(seeded, "review", "history")
    assert "ana" in out and "the post says 206" in out
    _, out, _ = run(seeded, "events", "--format", "jsonl")
    ids = [str(json.loads(line)["id"]) for line in out.splitlines()]
    code, out, _ = run(seeded, "review", "merge", *ids, "--by", "bo", "--reason", "test merge")
    assert code == 0
    _, out, _ = run(seeded, "events", "--format", "jsonl")
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["event", "4242"], "Error: no event with id 4242"),
        (["totals", "--as-of", "last week"], "Error: --as-of must be a date"),
        (["events", "--from", "2024-13-01"], "Error: --from must be a date"),
        (
            ["review", "accept", "4242", "--by", "x", "--reason", "y"],
            "Error: no claim with id 4242",
        ),
        (
            ["review", "merge", "1", "--by", "x", "--reason", "y"],
            "Error: merging needs at least two",
        ),
        (
            ["review", "split", "1", "--claims", "a,b", "--by", "x", "--reason", "y"],
            "is not a comma-separated list",
        ),
    ],
    ids=["missing-event", "bad-as-of", "bad-from", "missing-claim", "merge-one", "bad-claim-list"],
)
def test_bad_input_gives_one_clear_line(seeded: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--db", seeded, *args])
    assert result.exit_code != 0
    assert message in result.stderr or message in result.output
    assert "Traceback" not in result.output


def test_review_needs_by_and_reason(seeded: str) -> None:
    result = CliRunner().invoke(main, ["--db", seeded, "review", "reject", "1", "--reason", "y"])
    assert result.exit_code == 2 and "--by" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "datapackage"])
def test_export_formats(seeded: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(seeded, "export", "--format", fmt, "--out", str(out))
    assert code == 0 and f"wrote {out}" in stdout
    if fmt == "json":
        data = json.loads((out / "events.json").read_text())
        jan = data["events"][0]
        fig = next(f for f in jan["figures"] if f["side"] == "Ukraine" and f["rule"] == "own-side")
        assert fig["value"] == 207 and fig["sources"][0]["quote"] == "207 to Ukraine"
        return
    figures = list(csv.DictReader((out / "figures.csv").open()))
    own = [f for f in figures if f["rule"] == "own-side" and f["side"] == "Ukraine"]
    assert {f["value"] for f in own} == {"207", "103"}
    assert any("kyiv-0131" in f["sources"] for f in own)
    sources = list(csv.DictReader((out / "sources.csv").open()))
    assert {s["support"] for s in sources} == {"supporting", "conflicting"}
    if fmt == "datapackage":
        package = json.loads((out / "datapackage.json").read_text())
        names = [r["name"] for r in package["resources"]]
        assert names == ["events", "figures", "sources"]
        for resource in package["resources"]:
            header = (out / resource["path"]).read_text().splitlines()[0].split(",")
            assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_export_into_a_file_path_fails_cleanly(seeded: str, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = CliRunner().invoke(
        main, ["--db", seeded, "export", "--format", "csv", "--out", str(target)]
    )
    assert result.exit_code == 1 and "is not a directory" in result.stderr
