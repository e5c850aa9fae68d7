"""Quality gate: reports of the same exchanges, in different words and on different days, must come
out as exactly one event each with the right per-side figures (ingest + extract + reconcile)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from powledger.reconcile.evaluate import run_gate, score_events

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "events"
FLOOR = 0.95


def _format_checker():  # type: ignore[no-untyped-def]
    """The corpus format test's document checker (tests/test_corpus_format.py), loaded by path."""
    path = CORPUS.parents[1] / "test_corpus_format.py"
    spec = importlib.util.spec_from_file_location("corpus_format", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_document


def test_event_corpus_follows_the_corpus_format_and_gold_lists_every_document() -> None:
    check = _format_checker()
    docs = [
        json.loads(line)
        for path in sorted(CORPUS.glob("*/*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    problems = [p for d in docs for p in check(d["id"], d, language="en")]
    assert not problems, "\n".join(problems)
    gold = json.loads((CORPUS / "events.gold.json").read_text())["exchanges"]
    listed = [d for g in gold for d in g["documents"]]
    assert sorted(listed) == sorted(d["id"] for d in docs)
    assert len(docs) >= 40 and len(gold) >= 12


def test_scorer_counts_split_and_wrong_events() -> None:
    gold = [
        {"id": "a", "returned_to": {"Ukraine": 1, "Russia": 1}, "documents": ["x", "y"]},
        {"id": "b", "returned_to": {"Ukraine": 2, "Russia": 2}, "documents": ["z"]},
        {"id": "c", "returned_to": {"Ukraine": 3, "Russia": 3}, "documents": ["p", "q"]},
    ]
    events = [
        {"id": 1, "date": "d", "documents": ["x", "y"], "returned_to": {"Ukraine": 1, "Russia": 1}},
        {"id": 2, "date": "d", "documents": ["z"], "returned_to": {"Ukraine": 2, "Russia": 9}},
        {"id": 3, "date": "d", "documents": ["p"], "returned_to": {"Ukraine": 3, "Russia": 3}},
        {"id": 4, "date": "d", "documents": ["q"], "returned_to": {"Ukraine": 3, "Russia": 3}},
    ]
    result = score_events(events, gold)
    assert (result.passed, result.total) == (1, 3)
    assert len(result.misses) == 2


def test_gate_reconciles_the_event_corpus() -> None:
    result = run_gate(CORPUS)
    print(f"event gate: {result.passed}/{result.total} = {result.score:.1%}")
    assert result.score >= FLOOR, "\n".join(result.misses)
