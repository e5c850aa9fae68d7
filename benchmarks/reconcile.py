"""Reconciliation benchmark: synthetic claims, reconciled in memory and incrementally in SQLite.

    python benchmarks/reconcile.py                      # 1,000,000 claims; 100,000-document ledger
    python benchmarks/reconcile.py --claims 100000 --documents 10000   # quicker

Prints claims/s and peak memory of the pure reconciliation (one process, one core), then builds a
SQLite ledger of ``--documents`` documents, reconciles it fully, adds one document at a time and
times the incremental run (median and worst of ``--adds`` additions).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import random
import resource
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from powledger.reconcile.engine import reconcile_claims
from powledger.reconcile.model import ClaimInput

ALL_PAIRS = [tuple(sorted((f"Party{a}", f"Party{b}"))) for a in range(30) for b in range(a + 1, 30)]
#: Claims per pair of parties: keeps the density of exchanges the same at every size (about one
#: exchange per pair every three weeks over 25 years, as between Russia and Ukraine since 2022):
#: a bigger ledger covers more conflicts, not more exchanges per day between the same parties.
CLAIMS_PER_PAIR = 12_000
START = date(2000, 1, 1).toordinal()
DAYS = 25 * 365


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_reports(
    claims_wanted: int, seed: int = 7
) -> Iterator[tuple[dict[str, object], list[dict[str, object]]]]:
    """Yield (document, claims) pairs: exchanges reported by 2-12 documents each, with noise:
    disputes, hedged figures, a day off, month-only dates, undated reports, second exchanges."""
    rnd = random.Random(seed)
    pairs = ALL_PAIRS[: max(1, -(-claims_wanted // CLAIMS_PER_PAIR))]
    made = 0
    n_doc = 0
    while made < claims_wanted:
        pair = rnd.choice(pairs)
        day = START + rnd.randrange(DAYS)
        a_val, b_val = rnd.randint(10, 400), rnd.randint(10, 400)
        officers = rnd.randint(1, 30)
        for _ in range(rnd.randint(2, 12)):
            n_doc += 1
            sha = hashlib.sha256(f"doc{n_doc}".encode()).hexdigest()
            iso = date.fromordinal(day).isoformat()
            precision: str | None = "day"
            event_date: str | None = iso
            roll = rnd.random()
            if roll < 0.08:
                event_date = date.fromordinal(day + rnd.choice((-1, 1))).isoformat()
            elif roll < 0.12:
                event_date, precision = iso[:7], "month"
            elif roll < 0.15:
                event_date, precision = None, None
            published = date.fromordinal(day + rnd.randint(0, 2)).isoformat()
            voice = rnd.choice((pair[0], pair[1], None))
            doc = {"sha256": sha, "external_id": f"doc{n_doc}", "published": published}
            claims = []
            # Each party's own count, and sometimes the other party's (a dispute now and then).
            for side, value in ((pair[0], a_val), (pair[1], b_val)):
                if voice is not None and voice != side and rnd.random() < 0.2:
                    value = value - rnd.randint(1, max(1, value // 20))
                claims.append(
                    {"side": side, "category": "total", "value": value, "by": voice, "index": 0}
                )
            if rnd.random() < 0.5:
                claims.append(
                    {
                        "side": pair[1],
                        "category": "officers",
                        "value": officers,
                        "by": voice,
                        "index": 0,
                    }
                )
            if rnd.random() < 0.1:
                earlier = date.fromordinal(day - rnd.randint(20, 200)).isoformat()
                claims.append(
                    {
                        "side": pair[1],
                        "category": "total",
                        "value": rnd.randint(10, 300),
                        "by": None,
                        "index": 1,
                        "date": earlier,
                    }
                )
            for c in claims:
                c.setdefault("date", event_date)
                c["precision"] = "day" if c["index"] == 1 else precision
            made += len(claims)
            yield doc, [dict(c, parties=pair) for c in claims]


def as_inputs(claims_wanted: int) -> list[ClaimInput]:
    """The synthetic reports as reconcile inputs."""
    out: list[ClaimInput] = []
    cid = 0
    for doc, claims in synthetic_reports(claims_wanted):
        for i, c in enumerate(claims):
            cid += 1
            out.append(
                ClaimInput(
                    claim_id=cid,
                    sha256=str(doc["sha256"]),
                    document_id=None,
                    exchange_index=int(c["index"]),  # type: ignore[call-overload]
                    side=str(c["side"]),
                    category=str(c["category"]),
                    value=int(c["value"]),  # type: ignore[call-overload]
                    start=i * 40,
                    end=i * 40 + 30,
                    asserter_party=c["by"],  # type: ignore[arg-type]
                    event_date=c["date"],  # type: ignore[arg-type]
                    event_date_precision=c["precision"],  # type: ignore[arg-type]
                    published=str(doc["published"]),
                    parties=c["parties"],  # type: ignore[arg-type]
                    document_ref=str(doc["external_id"]),
                )
            )
    return out


def bench_memory(claims_wanted: int) -> None:
    """Time the pure reconciliation of ``claims_wanted`` claims."""
    t0 = time.perf_counter()
    inputs = as_inputs(claims_wanted)
    t1 = time.perf_counter()
    rss_before = _rss_mb()
    gc.collect()
    gc.disable()  # the inputs are long-lived; generational GC passes only rescan them
    t2 = time.perf_counter()
    c2 = time.process_time()
    events = reconcile_claims(inputs)
    t3 = time.perf_counter()
    c3 = time.process_time()
    gc.enable()
    print(f"pure: {len(inputs):,} claims generated in {t1 - t0:.1f} s")
    print(
        f"pure: reconciled into {len(events):,} events in {t3 - t2:.1f} s "
        f"({len(inputs) / (t3 - t2):,.0f} claims/s; 4 rules per figure); CPU time {c3 - c2:.1f} s"
    )
    print(f"pure: peak RSS {_rss_mb():,.0f} MB (after generating inputs: {rss_before:,.0f} MB)")


def build_store(url: str, documents: int) -> None:
    """Fill a store with ``documents`` synthetic documents and their claims (bulk inserts)."""
    from sqlalchemy import insert

    from powledger.store.db import open_engine, session_scope
    from powledger.store.schema import Actor, Claim, Document

    engine = open_engine(url)
    actors: dict[str, int] = {}
    with session_scope(engine) as s:
        for pair in ALL_PAIRS:
            for party in pair:
                if party not in actors:
                    s.add(
                        Actor(id=len(actors) + 1, name=party, kind="party", party=party, aliases=[])
                    )
                    actors[party] = len(actors) + 1
    now = datetime(2025, 1, 1, tzinfo=UTC)
    docs: list[dict[str, object]] = []
    claims: list[dict[str, object]] = []

    def flush() -> None:
        with session_scope(engine) as s:
            s.execute(insert(Document), docs)
            s.execute(insert(Claim), claims)
        docs.clear()
        claims.clear()

    for n, (doc, doc_claims) in enumerate(synthetic_reports(documents * 4), start=1):
        if n > documents:
            break
        raw = f"synthetic report {doc['external_id']}".encode()
        docs.append(
            {
                "id": n,
                "sha256": doc["sha256"],
                "external_id": doc["external_id"],
                "content_type": "text",
                "captured_at": now + timedelta(seconds=n),
                "raw_size": len(raw),
                "raw_zlib": zlib.compress(raw),
                "text": raw.decode(),
                "published": doc["published"],
            }
        )
        for i, c in enumerate(doc_claims):
            claims.append(
                {
                    "document_id": n,
                    "exchange_index": c["index"],
                    "phase": "completed",
                    "kind": "returned",
                    "side": c["side"],
                    "category": c["category"],
                    "value": c["value"],
                    "approximate": False,
                    "derived": False,
                    "actor_id": actors[c["by"]] if c["by"] else None,  # type: ignore[index]
                    "quote": f"{c['value']} to {c['side']}",
                    "start": i * 40,
                    "end": i * 40 + 30,
                    "event_date": c["date"],
                    "event_date_precision": c["precision"],
                    "parties": list(c["parties"]),  # type: ignore[call-overload]
                    "mediators": [],
                    "extractor": "synthetic",
                    "extractor_version": "1",
                    "confidence": 1.0,
                    "review_state": "unreviewed",
                }
            )
        if len(docs) >= 5000:
            flush()
    if docs:
        flush()
    engine.dispose()


def bench_incremental(documents: int, adds: int) -> None:
    """Time adding one document to a reconciled ledger of ``documents`` documents."""
    from sqlalchemy import func, select

    from powledger.reconcile.service import reconcile
    from powledger.store.db import open_engine, session_scope
    from powledger.store.schema import Claim, Document, Exchange

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'ledger.db'}"
        t0 = time.perf_counter()
        build_store(url, documents + adds)
        # Keep the last ``adds`` documents out of the first full run: they arrive one by one.
        engine = open_engine(url)
        with session_scope(engine) as s:
            held = list(s.scalars(select(Document.id).order_by(Document.id.desc()).limit(adds)))
            held_claims = [
                {k: getattr(c, k) for k in ("id", "document_id")}
                for c in s.scalars(select(Claim).where(Claim.document_id.in_(held)))
            ]
            s.execute(
                Claim.__table__.update().where(Claim.document_id.in_(held)).values(phase="held")
            )
        t1 = time.perf_counter()
        c1 = time.process_time()
        with session_scope(engine) as s:
            report = reconcile(session=s)
        t2 = time.perf_counter()
        c2 = time.process_time()
        with session_scope(engine) as s:
            n_claims = s.scalar(select(func.count(Claim.id)))
            n_events = s.scalar(select(func.count(Exchange.id)))
        print(f"store: {documents:,} documents, {n_claims:,} claims stored in {t1 - t0:.1f} s")
        print(
            f"store: full reconcile into {n_events:,} events in {t2 - t1:.1f} s "
            f"(CPU {c2 - c1:.1f} s; {report.units:,} reports)"
        )
        timings = []
        cpu = []
        for doc_id in sorted(held):
            with session_scope(engine) as s:
                s.execute(
                    Claim.__table__.update()
                    .where(Claim.document_id == doc_id)
                    .values(phase="completed")
                )
            t = time.perf_counter()
            c = time.process_time()
            with session_scope(engine) as s:
                reconcile(session=s, document_ids=[doc_id])
            timings.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        _ = held_claims
        print(
            f"store: add one document to the {documents:,}-document ledger: median "
            f"{statistics.median(timings):.1f} ms, worst {max(timings):.1f} ms over {len(timings)} additions "
            f"(CPU time median {statistics.median(cpu):.1f} ms, worst {max(cpu):.1f} ms)"
        )
        engine.dispose()


def main() -> int:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description="Reconciliation benchmark")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--adds", type=int, default=50)
    parser.add_argument("--skip-store", action="store_true")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, one process")
    bench_memory(args.claims)
    if not args.skip_store:
        bench_incremental(args.documents, args.adds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
