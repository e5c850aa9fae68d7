"""The ingest pipeline: batching, idempotence, and the per-document stage hooks."""

from __future__ import annotations

import json
import operator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powledger.capture import pipeline
from powledger.capture.pipeline import Outcome, ingest_paths
from powledger.config import Settings
from powledger.models import CleanDocument
from powledger.store.db import open_engine, session_scope
from powledger.store.schema import Claim, Document


def write_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"report-{i:03d}.txt"
        path.write_text(f"Report {i}: the exchange brought {i + 10} people home, officials said.")
        paths.append(path)
    return paths


def run(
    paths: list[Path] | list[str], url: str, **kwargs: object
) -> tuple[pipeline.IngestReport, list[Outcome]]:
    outcomes: list[Outcome] = []
    engine = open_engine(url)
    try:
        report = ingest_paths(
            [str(p) for p in paths],
            engine=engine,
            settings=Settings(database_url=url),
            on_outcome=outcomes.append,
            **kwargs,  # type: ignore[arg-type]
        )
    finally:
        engine.dispose()
    return report, outcomes


def count(url: str, table: type) -> int:
    engine = open_engine(url)
    with session_scope(engine) as session:
        n = session.scalar(select(func.count()).select_from(table))
    engine.dispose()
    return int(n or 0)


def test_small_batches_store_everything_once(tmp_path: Path, db_url: str) -> None:
    write_reports(tmp_path / "in", 11)
    report, outcomes = run([tmp_path / "in"], db_url, batch_size=3)
    assert (report.new, report.existing, sum(report.skipped.values())) == (11, 0, 0)
    assert [o.status for o in outcomes] == ["new"] * 11
    assert all(o.language == "en" and o.document_id for o in outcomes)
    again, _ = run([tmp_path / "in"], db_url, batch_size=3)
    assert (again.new, again.existing) == (0, 11)
    assert again.summary() == "0 new, 11 already stored, 0 skipped"
    assert count(db_url, Document) == 11


def test_stored_documents_are_not_cleaned_again(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_reports(tmp_path / "in", 4)
    run([tmp_path / "in"], sqlite_url)
    calls: list[str] = []
    real = pipeline.clean_document
    monkeypatch.setattr(
        pipeline, "clean_document", lambda raw: calls.append(raw.source) or real(raw)
    )
    report, _ = run([tmp_path / "in"], sqlite_url)
    assert report.existing == 4
    assert calls == []


def test_process_and_store_result_hooks_write_with_the_document(
    tmp_path: Path, db_url: str
) -> None:
    write_reports(tmp_path / "in", 5)

    def process(doc: CleanDocument) -> list[str]:
        # Stands in for claim extraction: pure, outside any transaction.
        return [word for word in doc.text.split() if word.isdigit()]

    def store_result(session: Session, document_id: int, numbers: list[str]) -> None:
        for n in numbers:
            session.add(
                Claim(
                    document_id=document_id,
                    category="total",
                    value=int(n),
                    quote=n,
                    start=0,
                    end=len(n),
                    extractor="test",
                    extractor_version="1",
                )
            )

    report, _ = run(
        [tmp_path / "in"], db_url, process=process, store_result=store_result, batch_size=2
    )
    assert report.new == 5
    engine = open_engine(db_url)
    with session_scope(engine) as session:
        rows = session.execute(select(Document.source, Claim.value).join(Claim)).all()
    engine.dispose()
    assert sorted(value for _, value in rows) == [10, 11, 12, 13, 14]


def test_failing_store_result_skips_only_that_document(tmp_path: Path, db_url: str) -> None:
    paths = write_reports(tmp_path / "in", 6)
    bad = str(paths[3])

    def store_result(session: Session, document_id: int, value: str) -> None:
        session.add(
            Claim(
                document_id=document_id,
                quote=value,
                start=0,
                end=1,
                extractor="t",
                extractor_version="1",
            )
        )
        if value == bad:
            raise ValueError("cannot store this one")

    report, outcomes = run(
        [tmp_path / "in"],
        db_url,
        process=lambda doc: doc.source,
        store_result=store_result,
        batch_size=10,
    )
    assert (report.new, dict(report.skipped)) == (5, {"store failed": 1})
    failed = [o for o in outcomes if o.status == "skipped"]
    assert [(o.source, o.message) for o in failed] == [
        (bad, "could not store the processing result: cannot store this one")
    ]
    # Every stored document has its claim; the failed one left neither document nor claim.
    assert count(db_url, Document) == 5
    assert count(db_url, Claim) == 5


def test_failing_process_skips_document_and_a_later_run_retries_it(
    tmp_path: Path, sqlite_url: str
) -> None:
    paths = write_reports(tmp_path / "in", 3)

    def flaky(doc: CleanDocument) -> None:
        if doc.source == str(paths[1]):
            raise RuntimeError("extractor crashed")

    report, outcomes = run([tmp_path / "in"], sqlite_url, process=flaky)
    assert (report.new, dict(report.skipped)) == (2, {"processing failed": 1})
    assert [o.message for o in outcomes if o.status == "skipped"] == ["extractor crashed"]
    retry, _ = run([tmp_path / "in"], sqlite_url)
    assert (retry.new, retry.existing) == (1, 2)


def test_jsonl_duplicates_and_metadata(tmp_path: Path, sqlite_url: str) -> None:
    line = {
        "id": "a1",
        "text": "Обмін полоненими: додому повернулися 75 захисників.",
        "outlet": "Test",
        "published": "2024-05",
    }
    path = tmp_path / "b.jsonl"
    path.write_text(
        "\n".join([json.dumps(line, ensure_ascii=False)] * 2 + ['{"text": "x", "language": "de"}'])
        + "\n"
    )
    _, outcomes = run([path], sqlite_url)
    assert [(o.source.rsplit(":", 1)[1], o.status) for o in outcomes] == [
        ("1", "new"),
        ("2", "existing"),
        ("3", "new"),
    ]
    engine = open_engine(sqlite_url)
    with session_scope(engine) as session:
        docs = session.scalars(select(Document).order_by(Document.id)).all()
        assert [
            (d.external_id, d.language, d.outlet, d.published, d.published_precision) for d in docs
        ] == [
            ("a1", "uk", "Test", "2024-05", "month"),
            (None, "de", None, None, None),
        ]
    engine.dispose()


def _store_first_words(session: Session, document_id: int, text: str) -> None:
    session.add(
        Claim(
            document_id=document_id,
            quote=text[:12],
            start=0,
            end=12,
            extractor="jobs-test",
            extractor_version="1",
        )
    )


def test_worker_processes_give_the_same_store(tmp_path: Path, sqlite_url: str) -> None:
    write_reports(tmp_path / "in", 9)
    (tmp_path / "in" / "page.html").write_text(
        "<html><body><article><p>Kyiv said thirty people came home after months in captivity, "
        "and their families met them at the border crossing.</p></article></body></html>"
    )
    (tmp_path / "in" / "empty.txt").write_text("")
    single = tmp_path / "single.db"
    parallel = tmp_path / "parallel.db"
    reports = []
    for url, jobs in ((f"sqlite:///{single}", 1), (f"sqlite:///{parallel}", 2)):
        # attrgetter is picklable, as a stage handed to worker processes must be.
        report, outcomes = run(
            [tmp_path / "in"],
            url,
            jobs=jobs,
            process=operator.attrgetter("text"),
            store_result=_store_first_words,
        )
        reports.append((report.summary(), [(o.source, o.status, o.sha256) for o in outcomes]))
    assert reports[0] == reports[1]
    assert reports[0][0] == "10 new, 0 already stored, 1 skipped (empty: 1)"
    rows = []
    for path in (single, parallel):
        engine = open_engine(f"sqlite:///{path}")
        with session_scope(engine) as session:
            rows.append(
                session.execute(
                    select(Document.sha256, Document.text, Document.language, Claim.quote)
                    .join(Claim)
                    .order_by(Document.id)
                ).all()
            )
        engine.dispose()
    assert rows[0] == rows[1]
    assert len(rows[0]) == 10
