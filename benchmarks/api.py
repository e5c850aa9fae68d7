"""Load `powledger serve` on loopback and print req/s and p50/p99 latency per endpoint.

Builds a synthetic database of 10,000 documents and 2,000 exchange events (with claims and
figures under every rule), starts `powledger serve` in a second process on 127.0.0.1, then sends a
fixed number of requests to /api/v1/events, event pages and the home page:

- an open-loop run at a fixed rate (default 200 req/s): latency is measured from the moment each
  request was due, so a server that falls behind shows it in p99 (no coordinated omission);
- a closed-loop run (a few clients back to back) that gives the highest throughput.

Only loopback addresses are used; every loop is bounded in count and time.

    python benchmarks/api.py [--documents 10000] [--events 2000] [--rate 200] [--seconds 10]
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import os
import queue
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from powledger.store.db import open_engine
from powledger.store.schema import Claim, Document, Exchange, Figure

RULES = ("own-side", "conservative", "majority", "range")
SIDES = ("Ukraine", "Russia")
HOST = "127.0.0.1"
WORDS = [
    "the",
    "ministry",
    "said",
    "prisoners",
    "were",
    "returned",
    "home",
    "after",
    "talks",
    "mediated",
    "by",
    "the",
    "emirates",
    "while",
    "officials",
    "in",
    "kyiv",
    "and",
    "moscow",
    "confirmed",
    "the",
    "exchange",
    "of",
    "servicemen",
    "and",
    "civilians",
    "on",
    "friday",
]


def build_database(url: str, documents: int, events: int, seed: int = 7) -> None:
    """Fill a fresh database with synthetic documents, events, claims and figures."""
    rng = random.Random(seed)
    engine = open_engine(url)
    start = date(2022, 3, 1)
    now = datetime(2025, 12, 1, tzinfo=UTC)
    docs = []
    for i in range(documents):
        day = start + timedelta(days=rng.randrange(0, 1370))
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(120, 400)))
        text = f"Report {i}. Ukraine brought home {rng.randrange(10, 300)} defenders. {body}."
        raw = text.encode()
        docs.append(
            {
                "id": i + 1,
                "sha256": hashlib.sha256(raw).hexdigest(),
                "external_id": f"synthetic-{i}",
                "source": "benchmark",
                "url": f"https://example.org/report/{i}",
                "outlet": rng.choice(("wire", "ministry", "daily", "regional")),
                "title": f"Synthetic report {i}",
                "published": day.isoformat(),
                "published_precision": "day",
                "language": "en",
                "content_type": "text",
                "captured_at": now,
                "raw_size": len(raw),
                "raw_zlib": zlib.compress(raw),
                "text": text,
            }
        )
    exchanges, claims, figures = [], [], []
    claim_id = 0
    for e in range(events):
        day = start + timedelta(days=(e * 1370) // events)
        exchanges.append(
            {
                "id": e + 1,
                "key": f"bench-{e}",
                "date": day.isoformat(),
                "date_precision": "day",
                "parties": ["Russia", "Ukraine"],
                "mediators": ["United Arab Emirates"],
                "status": rng.choice(("single-source", "corroborated", "disputed")),
                "phase": "completed",
                "updated_at": now,
            }
        )
        for side in SIDES:
            value = rng.randrange(10, 300)
            ids = []
            for _ in range(rng.randrange(1, 4)):
                claim_id += 1
                doc = docs[rng.randrange(documents)]
                quote = doc["text"][:40]
                claims.append(
                    {
                        "id": claim_id,
                        "document_id": doc["id"],
                        "exchange_index": 0,
                        "phase": "completed",
                        "kind": "returned",
                        "side": side,
                        "category": "total",
                        "value": value + rng.choice((0, 0, 0, -2, 3)),
                        "approximate": False,
                        "derived": False,
                        "asserted_by_text": f"{side} officials",
                        "quote": quote,
                        "start": 0,
                        "end": len(quote),
                        "event_date": day.isoformat(),
                        "event_date_precision": "day",
                        "parties": ["Russia", "Ukraine"],
                        "mediators": [],
                        "extractor": "benchmark",
                        "extractor_version": "1",
                        "confidence": rng.random(),
                        "review_state": "unreviewed",
                        "exchange_id": e + 1,
                    }
                )
                ids.append(claim_id)
            for rule in RULES:
                figures.append(
                    {
                        "exchange_id": e + 1,
                        "side": side,
                        "category": "total",
                        "rule": rule,
                        "value": value,
                        "low": value - 2,
                        "high": value + 3,
                        "approximate": False,
                        "supporting": ids,
                        "conflicting": [],
                        "explanation": f"{value}: asserted by the {side} side in {len(ids)} reports",
                    }
                )
    with engine.begin() as conn:
        for table, rows in (
            (Document, docs),
            (Exchange, exchanges),
            (Claim, claims),
            (Figure, figures),
        ):
            for i in range(0, len(rows), 1000):
                conn.execute(insert(table.__table__), rows[i : i + 1000])  # type: ignore[attr-defined]
    engine.dispose()


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """`powledger serve` in a second process; returns once it answers."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "powledger",
            "--db",
            url,
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/v1/auth/me")
            if conn.getresponse().status == 200:
                conn.close()
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("powledger serve did not start within 60 s")


@dataclass
class Result:
    """Latencies (seconds) of one run, the errors and the wall time."""

    latencies: list[float]
    errors: int
    seconds: float
    server_cpu: float = float("nan")

    def row(self, name: str) -> str:
        """One Markdown table row."""
        lat = sorted(self.latencies)
        if not lat:
            return f"| {name} | 0 | - | - | - | - | {self.errors} | - |"
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        rate = len(lat) / self.seconds if self.seconds else 0.0
        cpu = self.server_cpu / len(lat) * 1000
        return (
            f"| {name} | {len(lat)} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {lat[-1] * 1000:.1f} "
            f"| {self.errors} | {cpu:.2f} |"
        )


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(
    pid: int, port: int, paths: list[str], count: int, rate: float | None, clients: int
) -> Result:
    """``run_load`` plus the server's own CPU time: a figure the other jobs on the machine
    cannot inflate, unlike latency."""
    before = process_cpu(pid)
    result = run_load(port, paths, count, rate, clients)
    result.server_cpu = process_cpu(pid) - before
    return result


def _worker(
    port: int, jobs: queue.Queue[tuple[float, str] | None], out: list[float], errors: list[int]
) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    while True:
        job = jobs.get()
        if job is None:
            break
        due, path = job
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        begin = due if due > 0 else time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
        except (OSError, http.client.HTTPException):
            errors.append(0)
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=10)
            continue
        out.append(time.perf_counter() - begin)
    conn.close()


def run_load(port: int, paths: list[str], count: int, rate: float | None, clients: int) -> Result:
    """Send ``count`` requests cycling over ``paths``: at ``rate`` per second, or back to back."""
    jobs: queue.Queue[tuple[float, str] | None] = queue.Queue()
    latencies: list[float] = []
    errors: list[int] = []
    threads = [
        threading.Thread(target=_worker, args=(port, jobs, latencies, errors), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    start = time.perf_counter() + 0.05
    for i in range(count):
        due = start + i / rate if rate else 0.0
        jobs.put((due, paths[i % len(paths)]))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join(timeout=120)
    return Result(latencies, len(errors), time.perf_counter() - start)


def main() -> None:
    """Build the database, start the server, load it and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second (open loop)")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each open-loop run")
    parser.add_argument("--clients", type=int, default=4, help="connections of the closed-loop run")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--db", help="use this database URL as it is (skip building)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="powledger-bench-") as folder:
        run(args, args.db or f"sqlite:///{Path(folder) / 'bench.db'}")


def run(args: argparse.Namespace, url: str) -> None:
    """Build (unless --db), serve, load and print."""
    if not args.db:
        began = time.perf_counter()
        build_database(url, args.documents, args.events)
        print(
            f"built {args.documents:,} documents and {args.events:,} events in {time.perf_counter() - began:.1f} s"
        )
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        rng = random.Random(1)
        ids = list(range(1, args.events + 1))
        rng.shuffle(ids)
        warm_ids, cold_ids = ids[:500], ids[500:800]
        targets = {
            "/api/v1/events": ["/api/v1/events"],
            "event page /events/{id}": [f"/events/{i}" for i in warm_ids],
            "home page /": ["/"],
        }
        header = "| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors | server CPU ms/req |\n"
        header += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        pid = server.pid
        # First visits, measured apart: nothing about these pages is cached yet.
        cold = measured(pid, port, [f"/events/{i}" for i in cold_ids], len(cold_ids), None, 2)
        # Warm up: every page of the measured runs is visited once (a server's steady state).
        for paths in targets.values():
            run_load(port, paths, max(50, len(paths)), None, 2)
        count = int(args.rate * args.seconds)
        print(
            f"\nOpen loop: {count} requests at {args.rate:.0f} req/s, {args.clients * 4} connections"
        )
        print(header)
        for name, paths in targets.items():
            print(
                measured(pid, port, paths, count, args.rate, args.clients * 4).row(name), flush=True
            )
        print(f"\nClosed loop: {count} requests back to back over {args.clients} connections")
        print(header)
        for name, paths in targets.items():
            print(measured(pid, port, paths, count, None, args.clients).row(name), flush=True)
        print("\nFirst visits (nothing cached yet), back to back over 2 connections")
        print(header)
        print(cold.row("event page, first visit"))
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        print(
            f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, server workers: {args.workers}"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
