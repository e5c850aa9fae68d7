"""Score reconciliation on an annotated set: do the gold exchanges come out as one event each?

``python -m powledger.reconcile.evaluate tests/corpus/events`` ingests the set's reports into a
temporary SQLite database, extracts and reconciles them, and prints the score and each miss.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from powledger.models import DocumentExtraction


@dataclass
class GateResult:
    """Per gold exchange: whether it came out as exactly one event with the right figures."""

    total: int = 0
    passed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Share of gold exchanges reconciled right."""
        return self.passed / self.total if self.total else 0.0


def score_events(events: list[dict[str, Any]], gold: list[dict[str, Any]]) -> GateResult:
    """Compare listed events (agreements folded) with gold exchanges listing their documents."""
    by_id = {e["id"]: e for e in events}
    docs_of: dict[int, set[str]] = {}
    for e in events:
        docs_of[e["id"]] = set(e["documents"]) | set(e.get("stage_documents", []))
    _ = by_id
    result = GateResult()
    for g in gold:
        result.total += 1
        gold_docs = set(g["documents"])
        touching = [e for e in events if docs_of[e["id"]] & gold_docs]
        if len(touching) != 1:
            found = [
                (e["date"], e["returned_to"], sorted(docs_of[e["id"]] & gold_docs))
                for e in touching
            ]
            result.misses.append(f"{g['id']}: {len(touching)} events: {found}")
            continue
        ev = touching[0]
        want = g["returned_to"]
        got = {side: ev["returned_to"].get(side) for side in want}
        if got != want:
            result.misses.append(f"{g['id']}: figures {got} != {want} (event {ev['date']})")
            continue
        result.passed += 1
    return result


def run_gate(corpus: Path, *, database_url: str | None = None) -> GateResult:
    """Ingest, extract and reconcile the reports under ``corpus``; score against its gold."""
    from powledger.capture.pipeline import ingest_paths
    from powledger.config import get_settings
    from powledger.extract.core import extract_document
    from powledger.reconcile.reading import list_events
    from powledger.reconcile.service import reconcile
    from powledger.store.claims import add_extraction
    from powledger.store.db import open_engine, session_scope
    from powledger.store.schema import Document

    def _store(session: Session, doc_id: int, extraction: DocumentExtraction) -> None:
        add_extraction(session=session, document_id=doc_id, extraction=extraction)

    gold = json.loads((corpus / "events.gold.json").read_text(encoding="utf-8"))["exchanges"]
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or f"sqlite:///{tmp}/gate.db"
        engine = open_engine(url)
        settings = get_settings().with_overrides(database_url=url)
        ingest_paths(
            [str(p) for p in sorted(corpus.glob("*/*.jsonl"))],
            engine=engine,
            settings=settings,
            process=lambda doc: extract_document(
                doc.text, published=doc.published, language=doc.language, doc_id=doc.external_id
            ),
            store_result=_store,
        )
        with session_scope(engine) as session:
            reconcile(session=session)
            events = list_events(session=session)
            stages = {e["id"]: e for e in list_events(session=session, stages=True)}
            for e in events:
                e["stage_documents"] = [d for s in e["stages"] for d in stages[s]["documents"]]
            assert session.query(Document).count() > 0
        engine.dispose()
    return score_events(events, gold)


def main(argv: list[str] | None = None) -> int:
    """Print the gate's score and misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args(argv)
    result = run_gate(args.corpus)
    print(f"{result.passed}/{result.total} exchanges reconciled right ({result.score:.1%})")
    for miss in result.misses:
        print("  miss:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
