"""Ingest throughput: ``powledger ingest`` against trafilatura alone, on the same pages, same run.

    python benchmarks/ingest.py --pages ../shared/data/article-pages/html   # real pages (gzipped)
    python benchmarks/ingest.py --generate 200                              # pages we generate

Every timed run is a fresh Python process, warmed up on three generated pages first
(trafilatura compiles many regular expressions on first use, and caches results per string, so
neither a cold start nor a replay of the same pages is measured). Each side runs ``--repeat``
times, alternating, and the best run counts: the machine is shared, and the best run is the one
least disturbed by others. The ingest side runs the real
command in-process (``powledger --db sqlite:///… ingest DIR``) into a fresh SQLite file per run.
When a ``ground-truth.json`` sits beside the pages (or is given with ``--truth``), the cleaned
text is also scored against it with a word-overlap F1.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import trafilatura

from powledger.capture.clean import clean_html
from powledger.cli import main as cli_main
from powledger.store.db import open_engine

# --------------------------------------------------------------------------- generated pages

_PARTIES = ["Ukraine", "Russia"]
_PLACES = ["the Belarusian border", "the Sumy region", "a crossing point in the north", "Chernihiv"]
_MEDIATORS = ["the United Arab Emirates", "Turkey", "Qatar", "Saudi Arabia"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_TOPICS = ["Weather", "Markets", "Football", "Culture", "Science", "Travel", "Opinion", "Video"]

_EN = [
    "{a} and {b} carried out an exchange of prisoners on {d} {m}, with {n} people returned to each side.",
    "The exchange took place near {p} and was mediated by {med}, officials said.",
    "Among those brought home were {k} officers and several civilians held since the first months of the war.",
    "Relatives gathered at a hospital where the freed men were examined, holding flags and photographs.",
    "A spokesperson said talks on the next exchange were continuing but gave no date.",
    "The coordination headquarters said it was the {o}th exchange since the start of the full-scale invasion.",
]
_UK = [
    "Україна повернула додому {n} захисників, повідомив Координаційний штаб {d} {m_uk}.",
    "Обмін полоненими відбувся за посередництва ОАЕ, серед звільнених є {k} офіцерів.",
    "Рідні чекали на них біля лікарні, де звільнених оглянули лікарі.",
]
_RU = [
    "Россия вернула из плена {n} военнослужащих, сообщило Минобороны России {d} {m_ru}.",
    "Обмен пленными прошёл при посредничестве ОАЭ, освобождённых доставят в Москву.",
    "Все они получат необходимую медицинскую и психологическую помощь.",
]
_MONTHS_UK = ["січня", "лютого", "березня", "квітня", "травня", "червня"]
_MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня"]
_COMMENT_WORDS = "great news finally home thank you all welcome back heroes wait more soon why not"


def _sentence(rng: random.Random, language: str) -> str:
    values = {
        "a": _PARTIES[0],
        "b": _PARTIES[1],
        "d": rng.randint(1, 28),
        "m": rng.choice(_MONTHS),
        "m_uk": rng.choice(_MONTHS_UK),
        "m_ru": rng.choice(_MONTHS_RU),
        "n": rng.randint(20, 300),
        "k": rng.randint(2, 40),
        "o": rng.randint(40, 70),
        "p": rng.choice(_PLACES),
        "med": rng.choice(_MEDIATORS),
    }
    pool = {"en": _EN, "uk": _UK, "ru": _RU}[language]
    return rng.choice(pool).format(**values)


def generate_page(index: int, rng: random.Random) -> str:
    """One news page of 50–150 KB: navigation, ads, scripts, the article, comments, footer."""
    language = "uk" if index % 5 == 3 else "ru" if index % 7 == 5 else "en"
    target = rng.randint(50_000, 150_000)
    title = f"Prisoner exchange report {index}: {rng.randint(20, 300)} return home"
    nav = "".join(
        f'<li><a href="/section/{t.lower()}/{i}">{t} {i}</a></li>'
        for i in range(12)
        for t in _TOPICS
    )
    ads = "".join(
        f'<div class="ad ad-slot-{i}"><a href="https://ads.example.invalid/{i}">Offer {i}: '
        f"save {rng.randint(5, 70)}% today only</a></div>"
        for i in range(6)
    )
    paragraphs = "".join(
        "<p>" + " ".join(_sentence(rng, language) for _ in range(rng.randint(2, 4))) + "</p>"
        for _ in range(rng.randint(6, 14))
    )
    head = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{title} | Example News</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="Example News">'
        f'<meta name="author" content="Staff reporter {index % 9}">'
        f'<meta property="article:published_time" content="2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}T08:00:00Z">'
        "<script>window.dataLayer=[];function track(e){dataLayer.push(e)}</script></head><body>"
    )
    body = (
        f'<header><nav class="menu"><ul>{nav}</ul></nav></header>{ads}'
        f'<main><article><h1>{title}</h1><div class="byline">By Staff reporter {index % 9}</div>'
        f'{paragraphs}</article></main><aside class="related"><h2>Related</h2><ul>'
        + "".join(
            f'<li><a href="/story/{index}-{i}">More on this story, part {i}</a></li>'
            for i in range(20)
        )
        + '</ul></aside><section class="comments"><h2>Comments</h2>'
    )
    comments = []
    size = len(head) + len(body)
    c = 0
    while size < target - 400:
        words = " ".join(rng.choice(_COMMENT_WORDS.split()) for _ in range(rng.randint(8, 30)))
        block = (
            f'<div class="comment" id="c{c}"><span class="user">reader{rng.randint(1, 9999)}</span>'
            f'<p>{words}</p><button class="reply">Reply</button></div>'
        )
        comments.append(block)
        size += len(block)
        c += 1
    tail = (
        "</section><footer><p>© Example News. Terms. Privacy. Cookies.</p></footer></body></html>"
    )
    return head + body + "".join(comments) + tail


# --------------------------------------------------------------------------- measuring


def load_pages(folder: Path) -> dict[str, bytes]:
    """Read ``*.html.gz``, ``*.html`` and ``*.htm`` pages, keyed by name without suffixes."""
    pages: dict[str, bytes] = {}
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            pages[path.name[: -len(".html.gz")]] = gzip.decompress(path.read_bytes())
        elif path.suffix in (".html", ".htm"):
            pages[path.stem] = path.read_bytes()
    return pages


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def _trafilatura_text_and_metadata(text: str) -> object:
    # trafilatura's own call for what ingest keeps: main text (fast mode, no comments) plus
    # metadata. Ingest gets the same fields through clean_html, which skips categories, tags
    # and licence (see powledger.capture.clean.page_metadata).
    return trafilatura.bare_extraction(
        text, fast=True, with_metadata=True, include_comments=False, include_tables=True
    )


def _trafilatura_plain(text: str) -> object:
    return trafilatura.extract(text, fast=True)


SIDES: dict[str, Callable[[str], object]] = {
    "same": _trafilatura_text_and_metadata,
    "plain": _trafilatura_plain,
}


WARM_UP_REPORT = (
    "Kyiv and Moscow each handed over 103 prisoners of war on Saturday, officials said."
)


def measure(side: str, folder: Path, db: Path, jobs: int) -> dict[str, object]:
    """Time one side once, in this (fresh) process, after a warm-up on other pages."""
    # Warm up on generated pages, not the measured ones: trafilatura and htmldate compile
    # regular expressions on first use (a one-off cost), but they also cache results per
    # string, and a warm-up on the measured pages would make the timed run a cache replay.
    rng = random.Random(7)
    for page in (generate_page(1000 + i, rng) for i in range(3)):
        if side in ("ingest", "capture"):
            clean_html(page)
        else:
            SIDES[side](page)
    if side == "ingest":
        # The extractor compiles its lexicons once per process (about a second): warm it up too.
        from powledger.extract import extract_text

        extract_text(WARM_UP_REPORT, None, "en")
    if side == "capture":
        # Capture alone, as the foundation issue names the figure: read, hash, clean, detect the
        # language, compress and store, without claim extraction.
        from powledger.capture.pipeline import ingest_paths
        from powledger.config import Settings

        url = f"sqlite:///{db}"
        engine = open_engine(url)
        started = _clock()
        report = ingest_paths(
            [str(folder)], engine=engine, settings=Settings(database_url=url), jobs=jobs
        )
        wall, cpu = _since(started)
        return {"wall": wall, "cpu": cpu, "summary": report.summary()}
    if side == "ingest":
        url = f"sqlite:///{db}"
        open_engine(url).dispose()  # create and migrate outside the timing: a one-off cost
        out = io.StringIO()
        started = _clock()
        with redirect_stdout(out):
            try:
                cli_main.main(
                    ["--db", url, "ingest", "--jobs", str(jobs), str(folder)],
                    prog_name="powledger",
                    standalone_mode=False,
                )
            except SystemExit as exc:  # click exits non-zero when nothing was ingested
                if exc.code:
                    raise
        wall, cpu = _since(started)
        return {"wall": wall, "cpu": cpu, "summary": out.getvalue().strip()}
    texts = [
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.iterdir())
    ]
    started = _clock()
    for text in texts:
        SIDES[side](text)
    wall, cpu = _since(started)
    return {"wall": wall, "cpu": cpu}


def run_side(side: str, folder: Path, db: Path, jobs: int = 1) -> dict[str, Any]:
    """Run :func:`measure` in a new Python process and return what it printed."""
    cmd = [sys.executable, __file__, "--measure", side, "--folder", str(folder), "--db", str(db)]
    done = subprocess.run([*cmd, "--jobs", str(jobs)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"measuring {side} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


_WORDS = re.compile(r"\w+")


def word_f1(found: str, truth: str) -> float:
    """F1 of the bags of lower-cased words of two texts."""
    a, b = Counter(_WORDS.findall(found.lower())), Counter(_WORDS.findall(truth.lower()))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def stored_texts(url: str) -> dict[str, str]:
    """Cleaned text per page name, read back from the store."""
    from sqlalchemy import select

    from powledger.store.db import session_scope
    from powledger.store.schema import Document

    engine = open_engine(url)
    with session_scope(engine) as session:
        rows = session.execute(select(Document.source, Document.text)).all()
    engine.dispose()
    return {Path(source).stem: text for source, text in rows}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pages", type=Path, help="folder of real pages (*.html.gz, *.html)")
    source.add_argument("--generate", type=int, default=150, help="generate N pages (default 150)")
    parser.add_argument("--truth", type=Path, help="ground-truth.json (default: beside --pages)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per side; the best counts (default 3)"
    )
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--jobs", type=int, default=1, help="also time ingest --jobs N (wall clock only)"
    )
    parser.add_argument(
        "--measure", choices=["same", "plain", "ingest", "capture"], help=argparse.SUPPRESS
    )
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.folder, args.db, args.jobs)))
        return

    if args.pages:
        pages = load_pages(args.pages)
        origin = f"{len(pages)} real pages from {args.pages}"
    else:
        rng = random.Random(args.seed)
        pages = {f"page-{i:04d}": generate_page(i, rng).encode() for i in range(args.generate)}
        origin = f"{len(pages)} generated pages"
    if not pages:
        sys.exit(f"no pages found in {args.pages}")
    mean_kb = statistics.mean(len(raw) for raw in pages.values()) / 1024

    with tempfile.TemporaryDirectory(prefix="powledger-ingest-bench-") as tmp:
        workdir = Path(tmp)
        folder = workdir / "pages"
        folder.mkdir()
        for name, raw in pages.items():
            (folder / f"{name}.html").write_bytes(raw)

        # Best wall time and best CPU time per side over the runs; every run is a new process.
        wall: dict[str, float] = {}
        cpu: dict[str, float] = {}
        summary, db = "", workdir / "none.db"
        sides = ["same", "plain", "capture", "ingest"] + (["jobs"] if args.jobs > 1 else [])
        for run in range(args.repeat):
            for side in sides:
                db = workdir / f"ingest-{run}-{side}.db"
                jobs = args.jobs if side == "jobs" else 1
                result = run_side("ingest" if side == "jobs" else side, folder, db, jobs)
                wall[side] = min(wall.get(side, float("inf")), result["wall"])
                cpu[side] = min(cpu.get(side, float("inf")), result["cpu"])
                if side == "ingest":
                    summary, url = result["summary"], f"sqlite:///{db}"

        n = len(pages)
        labels = {
            "capture": "capture (read, hash, clean, language, compress, store)",
            "ingest": "powledger ingest (capture + claim extraction)",
            "same": "trafilatura alone, text + metadata (fast, no comments)",
            "plain": "trafilatura alone, extract(fast=True) without metadata",
        }
        print(f"pages: {origin}, mean {mean_kb:.0f} KB")
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"trafilatura {trafilatura.__version__}; best of {args.repeat} runs, each a fresh process"
        )
        print(f"ingest summary: {summary}")
        print(f"{'docs/s':>74} {'wall':>7} {'per CPU-s':>9}")
        for key, label in labels.items():
            print(f"{label:<74} {n / wall[key]:7.1f} {n / cpu[key]:9.1f}")
        if "jobs" in wall:
            label = f"powledger ingest --jobs {args.jobs} (workers' CPU is not this process's)"
            print(f"{label:<74} {n / wall['jobs']:7.1f} {'-':>9}")
        ratios = {
            "same": "ratio ingest / trafilatura text + metadata",
            "plain": "ratio ingest / extract(fast=True)",
        }
        for key, label in ratios.items():
            print(f"{label:<74} {wall[key] / wall['ingest']:7.2f} {cpu[key] / cpu['ingest']:9.2f}")
        for key, label in ratios.items():
            label = label.replace("ratio ingest", "ratio capture")
            print(
                f"{label:<74} {wall[key] / wall['capture']:7.2f} {cpu[key] / cpu['capture']:9.2f}"
            )
        print("target: capture (cleaning + hashing + storing) >= 0.80x trafilatura alone")

        truth_file = args.truth or (args.pages.parent / "ground-truth.json" if args.pages else None)
        if truth_file and truth_file.exists():
            truth = {k: v["articleBody"] for k, v in json.loads(truth_file.read_text()).items()}
            ours = stored_texts(url)
            keys = [k for k in pages if k in truth]
            f_ours = [word_f1(ours.get(k, ""), truth[k]) for k in keys]
            f_full = [
                word_f1(trafilatura.extract(pages[k].decode("utf-8", "replace")) or "", truth[k])
                for k in keys
            ]
            print(
                f"cleaning quality on {len(keys)} pages (word-overlap F1 against {truth_file.name}):"
            )
            print(
                f"  powledger ingest (trafilatura fast=True): mean {statistics.mean(f_ours):.3f}, "
                f"median {statistics.median(f_ours):.3f}"
            )
            print(
                f"  trafilatura extract(), default mode:      mean {statistics.mean(f_full):.3f}, "
                f"median {statistics.median(f_full):.3f}"
            )


if __name__ == "__main__":
    main()
