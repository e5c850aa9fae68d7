"""Extraction throughput: documents per second on one core.

Two runs: a realistic stream (1 % exchange reports, 99 % other news generated here, a tenth of
it war news that shares the vocabulary) and exchange
reports alone. The exchange reports are the English annotated corpus (tests/corpus/en), which
our team wrote; the other news is generated from our own sentence templates.

    python benchmarks/extract.py                 # 20,000-document stream + the reports alone
    python benchmarks/extract.py --stream 50000  # a longer stream
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from pathlib import Path

from powledger.extract.core import extract_document

ROOT = Path(__file__).resolve().parent.parent

SUBJECTS = [
    "The city council", "The central bank", "A regional court", "The health ministry", "Local farmers",
    "The national football team", "Energy companies", "The opposition party", "Teachers' unions",
    "The weather service", "Railway operators", "A software start-up", "The parliament's budget committee",
    "Police in the capital", "Scientists at the university", "The finance minister", "Airline staff",
]  # fmt: skip
VERBS = [
    "announced", "approved", "rejected", "postponed", "criticised", "welcomed", "proposed",
    "reported", "returned to", "reviewed", "debated", "published", "signed", "opened", "closed",
]  # fmt: skip
OBJECTS = [
    "a new budget for next year", "plans for a tram line", "the results of a survey",
    "a deal with suppliers", "higher prices for heating", "a plan to repair 40 schools",
    "the season's opening match", "a report on air quality", "new rules for rental flats",
    "a strike over pay", "tax relief for small firms", "a festival with 12,000 visitors",
    "the release of a new phone", "work on the bridge after 3 years", "a record harvest of grain",
]  # fmt: skip
TAILS = [
    "Officials said more details would follow next week.",
    "Critics said the move came too late.",
    "The decision takes effect on 1 March.",
    "About 300 people attended the meeting on Tuesday.",
    "Shares rose 2.5 per cent in early trading.",
    "The team returned home after a 3-1 win on Sunday.",
    "Temperatures will reach 25 degrees in the south.",
    "A spokeswoman declined to comment further.",
]  # fmt: skip


WAR_SENTENCES = [
    "Russian forces shelled the outskirts of Kharkiv overnight, regional officials said.",
    "Ukraine's air force said it shot down 40 of 55 drones launched by Russia.",
    "At least 7 people were killed and 19 wounded in a missile strike on Zaporizhzhia.",
    "Kyiv said its troops had returned fire and held their positions near Pokrovsk.",
    "Moscow said its forces had taken a village in the Donetsk region; Kyiv denied it.",
    "The 47th brigade posted a video of soldiers repairing an armoured vehicle.",
    "Zelensky met European leaders to discuss air defence and the return of deported children.",
    "Evacuation of 300 civilians from frontline towns continued on Tuesday.",
    "Power was restored to 12,000 homes after the strike, the energy ministry said.",
]  # fmt: skip


def war_news(rng: random.Random) -> str:
    """A generated war report without any exchange (the hard part of the stream)."""
    lines = [rng.choice(WAR_SENTENCES) for _ in range(rng.randint(5, 12))]
    return "\n".join(lines)


def other_news(rng: random.Random) -> str:
    """One generated non-exchange article of roughly 2-6 KB."""
    if rng.random() < 0.1:
        # One in ten articles is war news: the words are there, the exchange is not.
        return war_news(rng)
    paragraphs = []
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs.append(headline)
    for _ in range(rng.randint(6, 16)):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."
            for _ in range(rng.randint(1, 3))
        ]
        sentences.append(rng.choice(TAILS))
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def exchange_reports() -> list[dict[str, str | None]]:
    """The English corpus documents that report an exchange (not the distractors)."""
    docs = []
    for path in sorted((ROOT / "tests" / "corpus" / "en").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                if not d.get("distractor"):
                    docs.append({"text": d["text"], "published": d.get("published")})
    return docs


def run(docs: list[dict[str, str | None]]) -> tuple[float, float, float]:
    """Extract every document once; return (documents/s wall, documents/s CPU, MB/s wall).

    CPU time (this process only) is what one core delivers even when other jobs share the
    machine; wall time is what a user waits for.
    """
    size = sum(len((d["text"] or "").encode()) for d in docs)
    start, cpu_start = time.perf_counter(), time.process_time()
    for d in docs:
        extract_document(d["text"] or "", published=d["published"], language="en")
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    return len(docs) / elapsed, len(docs) / cpu, size / elapsed / 1e6


def main() -> None:
    """Print documents/s for the stream and for exchange reports alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream", type=int, default=20000, help="documents in the stream")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    reports = exchange_reports()
    if not reports:
        raise SystemExit("no exchange reports found in tests/corpus/en")
    stream: list[dict[str, str | None]] = []
    for i in range(args.stream):
        if i % 100 == 0:
            stream.append(reports[(i // 100) % len(reports)])
        else:
            stream.append({"text": other_news(rng), "published": "2024-09-14"})
    # Warm up: compile the lexicon once, as a long-running process would.
    extract_document(reports[0]["text"] or "", published=reports[0]["published"], language="en")
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one core"
    )
    docs_s, cpu_s, mb_s = run(stream)
    print(
        f"stream (1 % exchange reports, {len(stream)} docs): {docs_s:,.0f} docs/s wall, "
        f"{cpu_s:,.0f} docs/s per CPU second ({mb_s:.1f} MB/s)"
    )
    repeated = reports * max(1, 2000 // len(reports))
    docs_s, cpu_s, mb_s = run(repeated)
    print(
        f"exchange reports alone ({len(repeated)} docs): {docs_s:,.0f} docs/s wall, "
        f"{cpu_s:,.0f} docs/s per CPU second ({mb_s:.2f} MB/s)"
    )


if __name__ == "__main__":
    main()
