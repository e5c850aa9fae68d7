"""A batch killed with SIGKILL leaves only whole documents, and running it again completes it."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

#: Enough documents that the run is still going when we kill it (several seconds of work).
DOCUMENTS = 5_000


def write_batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(DOCUMENTS):
            body = (
                f"Report {i}. The exchange returned {i % 300 + 1} people, the ministry said. " * 4
            )
            out.write(json.dumps({"id": f"r{i}", "text": body}) + "\n")


def count_rows(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    except Exception:  # the table may not exist yet while the child is still migrating
        return 0
    finally:
        engine.dispose()


def kill_midway(cmd: list[str], url: str, table: str = "documents") -> int:
    """Start ``cmd``, SIGKILL it once some rows are committed, and return the count at that moment."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the batch finished before it could be killed: {proc.stderr.read()!r}")  # type: ignore[union-attr]
            if count_rows(url, table) >= 100:
                break
            time.sleep(0.05)
        else:
            pytest.fail("no documents were committed within 120 s")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return count_rows(url, table)


def check_documents(url: str) -> int:
    """Every stored row is a whole document: raw bytes intact, hash right, text present."""
    engine = create_engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        rows = conn.execute(text("SELECT sha256, raw_zlib, raw_size, text FROM documents")).all()
    engine.dispose()
    for sha, raw_zlib, raw_size, body in rows:
        raw = zlib.decompress(raw_zlib)
        assert len(raw) == raw_size
        assert hashlib.sha256(raw).hexdigest() == sha
        assert body and body in json.loads(raw)["text"]
    assert len({sha for sha, *_ in rows}) == len(rows)
    return len(rows)


CLI = [sys.executable, "-c", "from powledger.cli import main; main()"]


@pytest.mark.slow
def test_cli_killed_mid_batch_then_rerun_completes(tmp_path: Path, db_url: str) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    cmd = [*CLI, "--db", db_url, "ingest", str(batch)]
    stored = kill_midway(cmd, db_url)
    assert 0 < stored < DOCUMENTS, "the kill must land in the middle of the batch"
    assert check_documents(db_url) == stored

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"{DOCUMENTS - stored} new, {stored} already stored, 0 skipped"
    assert check_documents(db_url) == DOCUMENTS


HOOKED = textwrap.dedent(
    """
    import sys
    from powledger.capture.pipeline import ingest_paths
    from powledger.config import Settings
    from powledger.store.db import open_engine
    from powledger.store.schema import Claim

    url, path = sys.argv[1], sys.argv[2]

    def store_result(session, document_id, value):
        session.add(Claim(document_id=document_id, quote=value, start=0, end=len(value),
                          extractor="kill-test", extractor_version="1"))

    report = ingest_paths([path], engine=open_engine(url), settings=Settings(database_url=url),
                          process=lambda doc: doc.text[:20], store_result=store_result)
    print(report.summary())
    """
)


@pytest.mark.slow
def test_no_document_without_its_stage_results_after_kill(tmp_path: Path, sqlite_url: str) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    script = tmp_path / "hooked.py"
    script.write_text(HOOKED)
    cmd = [sys.executable, str(script), sqlite_url, str(batch)]
    stored = kill_midway(cmd, sqlite_url, table="claims")
    assert 0 < stored < DOCUMENTS
    check_documents(sqlite_url)
    assert count_rows(sqlite_url, "documents") == count_rows(sqlite_url, "claims")

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert count_rows(sqlite_url, "documents") == DOCUMENTS
    assert count_rows(sqlite_url, "claims") == DOCUMENTS
