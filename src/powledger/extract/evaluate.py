"""Score an extractor against an annotated corpus: per-field precision, recall and F1.

Run ``python -m powledger.extract.evaluate tests/corpus/en`` for a report; add ``-v`` to list
every miss. The same scorer serves every language (``tests/corpus/<language>/*.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

FIELDS: tuple[str, ...] = (
    "detection",
    "returned_to",
    "date",
    "mediator",
    "composition",
    "attribution",
    "planned",
)
DATE_TOLERANCE_DAYS = 2


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per field over a corpus, and the misses that explain them."""

    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    documents: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, dict[str, float]]:
        """Field -> {precision, recall, f1, tp, fp, fn}."""
        return {
            name: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            for name, s in self.scores.items()
        }


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """Read every document of a corpus file or folder of ``*.jsonl`` files."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    docs: list[dict[str, Any]] = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.append(json.loads(line))
    return docs


def _close_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if len(a) == 10 and len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= DATE_TOLERANCE_DAYS
    return a[: min(len(a), len(b))] == b[: min(len(a), len(b))]


def _same_figures(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gv = {k: v for k, v in (g.get("returned_to") or {}).items() if v is not None}
    pv = {k: v for k, v in (p.get("returned_to") or {}).items() if v is not None}
    return bool(gv) and any(pv.get(k) == v for k, v in gv.items())


def match_exchanges(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Pair gold and predicted exchanges: same parties and (close dates or a shared figure)."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        best = None
        for pi, p in enumerate(predicted):
            if pi in used or sorted(g.get("parties", [])) != sorted(p.get("parties", [])):
                continue
            both = _close_dates(g.get("date"), p.get("date")) and _same_figures(g, p)
            either = _close_dates(g.get("date"), p.get("date")) or _same_figures(g, p)
            if both:
                best = pi
                break
            if either and best is None:
                best = pi
        if best is None:
            # A report without dates or figures still describes the event it names.
            for pi, p in enumerate(predicted):
                same_parties = sorted(g.get("parties", [])) == sorted(p.get("parties", []))
                bare = not g.get("date") and not _values(g) and not _values(p)
                if pi not in used and same_parties and bare:
                    best = pi
                    break
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _values(ex: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in (ex.get("returned_to") or {}).items() if v is not None}


def predicted_attributions(ex: dict[str, Any]) -> set[tuple[str, int, str | None]]:
    """One (side, value, asserted_by) per side: who stated the figure chosen for that side."""
    from powledger.extract.patterns import actor_party

    out: set[tuple[str, int, str | None]] = set()
    for side, value in (ex.get("returned_to") or {}).items():
        if value is None:
            continue
        # The claims stating that figure (a lone category, "ten civilians", may be the total).
        claims = [
            c
            for c in ex.get("claims", [])
            if c.get("side") == side and c.get("category") != "bodies" and c.get("value") == value
        ]
        names = [c.get("asserted_by") for c in claims if c.get("asserted_by")]
        own = [n for n in names if actor_party(n) == side]
        out.add((side, value, (own or names or [None])[0]))
    return out


def _gold_attributions(ex: dict[str, Any]) -> set[tuple[str, int, str | None]]:
    return {
        (a["side"], a["value"], a.get("asserted_by"))
        for a in ex.get("attributions", [])
        if a.get("value") is not None
    }


def _items(ex: dict[str, Any], what: str) -> set[Any]:
    if what == "returned_to":
        return {(k, v) for k, v in _values(ex).items()}
    if what == "date":
        return {ex.get("date")} if ex.get("date") else set()
    if what == "mediator":
        return set(ex.get("mediators") or [])
    if what == "composition":
        return {
            (c.get("side"), c.get("category"), c.get("count"))
            for c in ex.get("composition") or []
            if c.get("count") is not None
        }
    raise ValueError(what)


def score_document(doc: dict[str, Any], predicted: dict[str, Any], report: Report) -> None:
    """Add one document's comparison to ``report``."""
    gold = doc.get("gold", {})
    g_ex = gold.get("exchanges", [])
    p_ex = predicted.get("exchanges", [])
    pairs = match_exchanges(g_ex, p_ex)
    doc_id = doc.get("id", "?")
    det = report.scores["detection"]
    det.tp += len(pairs)
    det.fp += len(p_ex) - len(pairs)
    det.fn += len(g_ex) - len(pairs)
    if len(p_ex) != len(pairs) or len(g_ex) != len(pairs):
        report.misses.append(
            f"{doc_id}: detection gold={len(g_ex)} predicted={len(p_ex)} matched={len(pairs)}"
        )
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for what in ("returned_to", "date", "mediator", "composition"):
        s = report.scores[what]
        for gi, pi in pairs:
            g_items, p_items = _items(g_ex[gi], what), _items(p_ex[pi], what)
            s.tp += len(g_items & p_items)
            s.fp += len(p_items - g_items)
            s.fn += len(g_items - p_items)
            if g_items != p_items:
                report.misses.append(
                    f"{doc_id}: {what} gold={sorted(map(str, g_items))} predicted={sorted(map(str, p_items))}"
                )
        for gi, g in enumerate(g_ex):
            if gi not in matched_g:
                s.fn += len(_items(g, what))
        for pi, p in enumerate(p_ex):
            if pi not in matched_p:
                s.fp += len(_items(p, what))
    s = report.scores["attribution"]
    for gi, pi in pairs:
        g_items, p_items = _gold_attributions(g_ex[gi]), predicted_attributions(p_ex[pi])
        s.tp += len(g_items & p_items)
        s.fp += len(p_items - g_items)
        s.fn += len(g_items - p_items)
        if g_items != p_items:
            report.misses.append(
                f"{doc_id}: attribution gold={sorted(map(str, g_items))} predicted={sorted(map(str, p_items))}"
            )
    for gi, g in enumerate(g_ex):
        if gi not in matched_g:
            s.fn += len(_gold_attributions(g))
    for pi, p in enumerate(p_ex):
        if pi not in matched_p:
            s.fp += len(predicted_attributions(p))
    # Plans: counted like detection, on the planned lists.
    g_pl, p_pl = gold.get("planned", []), predicted.get("planned", [])
    pl_pairs = match_exchanges(g_pl, p_pl)
    sp = report.scores["planned"]
    sp.tp += len(pl_pairs)
    sp.fp += len(p_pl) - len(pl_pairs)
    sp.fn += len(g_pl) - len(pl_pairs)
    report.documents += 1


Extractor = Callable[[dict[str, Any]], dict[str, Any]]


def default_extractor(doc: dict[str, Any]) -> dict[str, Any]:
    """Run powledger's rule-based extractor on one corpus document."""
    from powledger.extract.core import extract_document

    result = extract_document(
        doc.get("text", ""),
        published=doc.get("published"),
        language=doc.get("language"),
        doc_id=doc.get("id"),
    )
    return result.to_dict()


def evaluate(docs: Iterable[dict[str, Any]], extractor: Extractor = default_extractor) -> Report:
    """Score ``extractor`` on ``docs``."""
    report = Report()
    for doc in docs:
        score_document(doc, extractor(doc), report)
    return report


def format_report(report: Report) -> str:
    """A fixed-width table of the scores."""
    lines = [
        f"{report.documents} documents",
        f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
    ]
    for name, s in report.scores.items():
        lines.append(
            f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.fp}/{s.fn}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the scores of a corpus folder or file."""
    parser = argparse.ArgumentParser(prog="python -m powledger.extract.evaluate")
    parser.add_argument("corpus", type=Path, help="a corpus folder (*.jsonl) or one .jsonl file")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"Error: no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    report = evaluate(load_corpus(args.corpus))
    try:
        if args.json:
            print(json.dumps(report.as_dict(), indent=2))
        else:
            print(format_report(report))
        if args.verbose:
            print("\n".join(report.misses))
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
