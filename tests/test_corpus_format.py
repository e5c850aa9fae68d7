"""Schema checks for every annotated corpus file and for the demo reports' gold.

The accuracy gate trusts these files, so a typo in a party name or a gold exchange dated after
its own report would silently lower (or raise) the measured scores. Every file under
``tests/corpus/<language>/`` is checked, whoever wrote it, plus ``src/powledger/demo/gold.jsonl``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from powledger.extract.actors_data import SPEAKERS
from powledger.models import CATEGORIES

#: A person the actor list does not know is annotated by the full name as written, in Latin
#: letters ("Aram Sargsyan"; see tests/corpus/README.md): two or three capitalised words.
_PERSON_AS_WRITTEN = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}")

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "corpus"
DEMO_DIR = ROOT / "src" / "powledger" / "demo"
DEMO_REPORTS = DEMO_DIR / "reports"
DEMO_GOLD = DEMO_DIR / "gold.jsonl"

# Canonical names from tests/corpus/README.md; a new name is added there first, then here.
PARTIES = {
    "Russia",
    "Ukraine",
    "Israel",
    "Hamas",
    "Armenia",
    "Azerbaijan",
    "United States",
    "Belarus",
    "Iran",
}
MEDIATORS = {
    "United Arab Emirates",
    "Turkey",
    "Saudi Arabia",
    "Qatar",
    "Vatican",
    "Egypt",
    "United States",
}
# The gold vocabulary is the package's own: every category but the total.
COMPOSITION_CATEGORIES = set(CATEGORIES) - {"total"}
LANGUAGES = {"en", "uk", "ru"}
PRECISIONS = {"day", "month", "year"}
DOC_KEYS = {"id", "language", "published", "outlet", "style", "distractor", "text", "gold"}
EXCHANGE_KEYS = {
    "date",
    "date_precision",
    "parties",
    "returned_to",
    "approximate",
    "composition",
    "mediators",
    "attributions",
}
# Planned entries may stop at the figures: the README's example has only these.
PLANNED_REQUIRED_KEYS = {"date", "date_precision", "parties", "returned_to"}
RU_UA = ["Russia", "Ukraine"]
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A gold date may be written to its precision ("2025-06", "2024") as well as in full.
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def corpus_files() -> list[Path]:
    """Every corpus file, in every language folder, in a stable order."""
    return sorted(CORPUS_DIR.glob("*/*.jsonl"))


def load_lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Parse a JSONL file into (line number, object) pairs, failing on the first bad line."""
    docs: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{number}: invalid JSON ({exc})")
        assert isinstance(obj, dict), f"{path.name}:{number}: a line must hold a JSON object"
        docs.append((number, obj))
    return docs


def _date_prefix_le(date: str, published: str) -> bool:
    """True when an event date (possibly partial) is not later than the publication day."""
    return published[: len(date)] >= date


def check_entry(where: str, entry: Any, *, planned: bool, published: str | None) -> list[str]:
    """Return every schema problem of one gold exchange or planned entry."""
    problems: list[str] = []
    if not isinstance(entry, dict):
        return [f"{where}: must be an object"]
    required = PLANNED_REQUIRED_KEYS if planned else EXCHANGE_KEYS
    missing = required - entry.keys()
    if missing:
        problems.append(f"{where}: missing keys {sorted(missing)}")
    unknown = entry.keys() - EXCHANGE_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")

    parties = entry.get("parties")
    if not isinstance(parties, list) or len(parties) < 2:
        problems.append(f"{where}: parties must list at least two parties")
        parties = []
    else:
        bad = [p for p in parties if p not in PARTIES]
        if bad:
            problems.append(f"{where}: non-canonical parties {bad}")
        if parties != sorted(parties) or len(set(parties)) != len(parties):
            problems.append(f"{where}: parties must be sorted and distinct: {parties}")

    date, precision = entry.get("date"), entry.get("date_precision")
    if date is None:
        if precision is not None:
            problems.append(f"{where}: date_precision without a date")
    elif not isinstance(date, str) or not ISO_PARTIAL.match(date):
        problems.append(f"{where}: date {date!r} is not ISO")
    else:
        if precision not in PRECISIONS:
            problems.append(f"{where}: date_precision {precision!r} not in {sorted(PRECISIONS)}")
        elif precision == "day" and not ISO_DAY.match(date):
            problems.append(f"{where}: a day-precise date needs YYYY-MM-DD, got {date!r}")
        # A report cannot describe as done an exchange that happens after it was published.
        if not planned and published and not _date_prefix_le(date, published):
            problems.append(f"{where}: exchange date {date} is after publication {published}")

    returned = entry.get("returned_to")
    if not isinstance(returned, dict):
        problems.append(f"{where}: returned_to must be an object")
    else:
        if set(returned) != set(parties):
            problems.append(f"{where}: returned_to keys {sorted(returned)} != parties {parties}")
        for side, value in returned.items():
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or value < 0
            ):
                problems.append(f"{where}: returned_to[{side}] must be a count or null")

    if "approximate" in entry:
        approx = entry["approximate"]
        if not isinstance(approx, dict) or not set(approx) <= set(parties):
            problems.append(f"{where}: approximate must map parties to booleans")
        elif any(not isinstance(v, bool) for v in approx.values()):
            problems.append(f"{where}: approximate values must be booleans")

    for i, part in enumerate(entry.get("composition") or []):
        at = f"{where}.composition[{i}]"
        if not isinstance(part, dict) or set(part) != {"side", "category", "count"}:
            problems.append(f"{at}: needs exactly side, category, count")
            continue
        if part["side"] not in parties:
            problems.append(f"{at}: side {part['side']!r} is not a party")
        if part["category"] not in COMPOSITION_CATEGORIES:
            problems.append(f"{at}: unknown category {part['category']!r}")
        count = part["count"]
        if not isinstance(count, int) or isinstance(count, bool) or count <= 0:
            problems.append(f"{at}: count must be a positive integer")

    mediators = entry.get("mediators") or []
    if not isinstance(mediators, list):
        problems.append(f"{where}: mediators must be a list")
    else:
        bad = [m for m in mediators if m not in MEDIATORS]
        if bad:
            problems.append(f"{where}: non-canonical mediators {bad}")

    for i, att in enumerate(entry.get("attributions") or []):
        at = f"{where}.attributions[{i}]"
        if not isinstance(att, dict) or set(att) != {"side", "value", "asserted_by"}:
            problems.append(f"{at}: needs exactly side, value, asserted_by")
            continue
        if att["side"] not in parties:
            problems.append(f"{at}: side {att['side']!r} is not a party")
        if not isinstance(att["value"], int) or isinstance(att["value"], bool):
            problems.append(f"{at}: value must be an integer")
        if (
            att["asserted_by"] is not None
            and att["asserted_by"] not in SPEAKERS
            and not _PERSON_AS_WRITTEN.fullmatch(att["asserted_by"])
        ):
            problems.append(f"{at}: asserted_by {att['asserted_by']!r} is not a canonical actor")
    return problems


def check_document(where: str, doc: dict[str, Any], *, language: str | None) -> list[str]:
    """Return every schema problem of one annotated document."""
    problems: list[str] = []
    missing = DOC_KEYS - doc.keys()
    if missing:
        return [f"{where}: missing keys {sorted(missing)}"]
    if not isinstance(doc["id"], str) or not doc["id"].strip():
        problems.append(f"{where}: id must be a non-empty string")
    if doc["language"] not in LANGUAGES:
        problems.append(f"{where}: language {doc['language']!r} not in {sorted(LANGUAGES)}")
    elif language is not None and doc["language"] != language:
        problems.append(f"{where}: language {doc['language']!r} in the {language}/ folder")
    published = doc["published"]
    if published is not None and (not isinstance(published, str) or not ISO_DAY.match(published)):
        problems.append(f"{where}: published {published!r} must be YYYY-MM-DD or null")
        published = None
    for key in ("outlet", "style"):
        if not isinstance(doc[key], str) or not doc[key].strip():
            problems.append(f"{where}: {key} must be a non-empty string")
    if not isinstance(doc["text"], str) or not doc["text"].strip():
        problems.append(f"{where}: text must be non-empty")
    if not isinstance(doc["distractor"], bool):
        problems.append(f"{where}: distractor must be true or false")

    gold = doc["gold"]
    if not isinstance(gold, dict) or set(gold) != {"exchanges", "planned"}:
        return [*problems, f"{where}: gold must hold exactly 'exchanges' and 'planned'"]
    if not isinstance(gold["exchanges"], list) or not isinstance(gold["planned"], list):
        return [*problems, f"{where}: gold exchanges and planned must be lists"]
    for i, entry in enumerate(gold["exchanges"]):
        problems += check_entry(
            f"{where}.exchanges[{i}]", entry, planned=False, published=published
        )
    for i, entry in enumerate(gold["planned"]):
        problems += check_entry(f"{where}.planned[{i}]", entry, planned=True, published=published)

    # The README defines a distractor as a document with no carried-out Russia-Ukraine exchange.
    ru_ua_done = any(isinstance(e, dict) and e.get("parties") == RU_UA for e in gold["exchanges"])
    if doc["distractor"] is True and ru_ua_done:
        problems.append(f"{where}: a distractor has a carried-out Russia-Ukraine exchange")
    if doc["distractor"] is False and not ru_ua_done:
        problems.append(f"{where}: not marked distractor but has no Russia-Ukraine exchange")
    return problems


def test_corpus_has_files() -> None:
    """The gate is meaningless on an empty corpus: at least the English set must be there."""
    files = corpus_files()
    assert any(p.parent.name == "en" for p in files), f"no English corpus under {CORPUS_DIR}"


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_schema(path: Path) -> None:
    """Every document of every corpus file follows tests/corpus/README.md."""
    docs = load_lines(path)
    assert docs, f"{path.name} holds no document"
    problems: list[str] = []
    for number, doc in docs:
        problems += check_document(f"{path.name}:{number}", doc, language=path.parent.name)
    assert not problems, "\n".join(problems)


def test_corpus_ids_are_unique() -> None:
    """Ids identify documents in the accuracy report, so they are unique across all files."""
    seen: Counter[str] = Counter()
    for path in corpus_files():
        for _, doc in load_lines(path):
            seen[str(doc.get("id"))] += 1
    duplicates = sorted(i for i, n in seen.items() if n > 1)
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_demo_gold_schema() -> None:
    """The demo reports' gold follows the same format as the corpus."""
    docs = load_lines(DEMO_GOLD)
    problems: list[str] = []
    for number, doc in docs:
        problems += check_document(f"gold.jsonl:{number}", doc, language=None)
    assert not problems, "\n".join(problems)
    ids = [doc["id"] for _, doc in docs]
    assert len(ids) == len(set(ids)), "duplicate ids in the demo gold"


def demo_report_ids() -> list[str]:
    """The ids the demo gold must cover: file names, and file:LINE for each JSONL feed item."""
    ids: list[str] = []
    for path in sorted(DEMO_REPORTS.iterdir()):
        if path.suffix == ".jsonl":
            ids += [f"{path.name}:{n}" for n, _ in load_lines(path)]
        elif path.is_file():
            ids.append(path.name)
    return ids


def test_demo_gold_covers_every_report() -> None:
    """Each bundled report has exactly one gold entry and each gold entry names a report."""
    gold_ids = [doc["id"] for _, doc in load_lines(DEMO_GOLD)]
    report_ids = demo_report_ids()
    assert len(report_ids) >= 15, "the demo should bundle about twenty reports"
    assert sorted(gold_ids) == sorted(report_ids)


def test_demo_text_reports_match_their_gold_text() -> None:
    """A plain-text report needs no cleaning, so its gold text is the file's text."""
    gold = {doc["id"]: doc for _, doc in load_lines(DEMO_GOLD)}
    txt = sorted(DEMO_REPORTS.glob("*.txt"))
    assert txt, "the demo should include plain-text reports"
    for path in txt:
        assert gold[path.name]["text"] == path.read_text(encoding="utf-8").strip(), path.name


def test_demo_feed_items_have_the_capture_fields() -> None:
    """Feed items carry what ``powledger ingest`` reads from JSONL."""
    feeds = sorted(DEMO_REPORTS.glob("*.jsonl"))
    assert feeds, "the demo should include a JSONL feed"
    for path in feeds:
        for number, item in load_lines(path):
            where = f"{path.name}:{number}"
            for key in ("id", "url", "outlet", "published", "title"):
                assert isinstance(item.get(key), str) and item[key], f"{where}: no {key}"
            assert ("text" in item) != ("html" in item), f"{where}: needs text or html"


def test_demo_mixes_formats_and_has_distractors() -> None:
    """The demo shows capture of every format and the extractor's restraint on distractors."""
    suffixes = {p.suffix for p in DEMO_REPORTS.iterdir()}
    assert {".html", ".txt", ".jsonl"} <= suffixes
    docs = [doc for _, doc in load_lines(DEMO_GOLD)]
    assert sum(doc["distractor"] for doc in docs) >= 4


def test_checker_rejects_a_bad_document() -> None:
    """The checker itself must catch the mistakes it exists for (else every file passes)."""
    bad = {
        "id": "x",
        "language": "en",
        "published": "2024-01-01",
        "outlet": "o",
        "style": "wire",
        "distractor": True,
        "text": "t",
        "gold": {
            "exchanges": [
                {
                    "date": "2024-01-03",
                    "date_precision": "day",
                    "parties": ["Ukraine", "Russia"],
                    "returned_to": {"Ukraine": 230},
                    "approximate": {"Ukraine": False},
                    "composition": [{"side": "Ukraine", "category": "generals", "count": 1}],
                    "mediators": ["UAE"],
                    "attributions": [{"side": "Ukraine", "value": 230, "asserted_by": "Zelensky"}],
                }
            ],
            "planned": [],
        },
    }
    problems = "\n".join(check_document("bad", bad, language="en"))
    for expected in (
        "after publication",
        "sorted",
        "returned_to keys",
        "unknown category",
        "non-canonical mediators",
        "not a canonical actor",
    ):
        assert expected in problems, expected
    bad["gold"]["exchanges"][0]["parties"] = ["Russia", "Ukraine"]
    problems = "\n".join(check_document("bad", bad, language="en"))
    assert "a distractor has a carried-out Russia-Ukraine exchange" in problems
