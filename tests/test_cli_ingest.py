"""``powledger ingest`` end to end: summaries, one line per bad input, exit codes, no tracebacks."""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from powledger.cli import main

GOOD_HTML = (
    "<html><head><title>Swap on the border</title></head><body><article><h1>Swap on the border</h1>"
    "<p>Ukraine and Russia exchanged prisoners again on Friday; forty-four people came home, "
    "officials in Kyiv said, and the mediators thanked both sides for their patience.</p>"
    "</article></body></html>"
)


def ingest(db: str, *args: str, input: bytes | None = None) -> Result:
    result = CliRunner().invoke(main, ["--db", db, *args], input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def stored(db: str) -> int:
    engine = create_engine(db)
    with engine.connect() as conn:
        n = int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    engine.dispose()
    return n


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.html": (
        b"GIF89a\x00\x01\x00\x01\x00\x80\x00\x00",
        "binary content (NUL bytes), not a text document",
    ),
    "latin1.txt": (
        "Échange de prisonniers".encode("latin-1"),
        "not valid UTF-8 (byte 0xc9 at offset 0)",
    ),
    "blank.html": (
        b"<html><body><script>1</script><img src=x></body></html>",
        "no text found in the page",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS), ids=lambda n: n.split(".")[0])
def test_each_bad_file_gets_one_line_and_a_failing_exit(
    tmp_path: Path, sqlite_url: str, name: str
) -> None:
    content, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = ingest(sqlite_url, "ingest", str(path))
    assert stderr_lines(result) == [f"skipped {path}: {message}"]
    assert result.stdout.startswith("0 new, 0 already stored, 1 skipped (")
    assert result.exit_code == 1  # nothing could be ingested


def test_file_above_size_limit(tmp_path: Path, sqlite_url: str) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(GOOD_HTML.encode().ljust(3000))
    small = tmp_path / "small.txt"
    small.write_text("Short report: twelve people came home.")
    result = ingest(sqlite_url, "--max-bytes", "2KB", "ingest", str(big), str(small))
    assert stderr_lines(result) == [
        f"skipped {big}: too large (2.9 KB, limit 2.0 KB; see --max-bytes)"
    ]
    assert result.stdout.strip() == "1 new, 0 already stored, 1 skipped (too large: 1)"
    assert result.exit_code == 0


def test_truncated_html_is_ingested(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "cut.html"
    path.write_text(GOOD_HTML[: GOOD_HTML.index("and the mediators")])
    result = ingest(sqlite_url, "ingest", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 new, 0 already stored, 0 skipped"
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        body = conn.execute(text("SELECT text FROM documents")).scalar_one()
    assert "forty-four people came home" in body


def test_malformed_jsonl_lines_are_reported_by_line_and_others_stored(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": 1, "text": "Eighty prisoners returned, the ministry said."}),
        '{"id": 2, "text": "unterminated',
        json.dumps({"id": 3, "html": "<p>Ninety prisoners returned, the ombudsman said.</p>"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = ingest(sqlite_url, "ingest", str(path))
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        f"skipped {path}:2: malformed JSON at column 19: Unterminated string starting at",
        f"skipped {path}:4: expected a JSON object, got list",
    ]
    assert result.stdout.strip() == "2 new, 0 already stored, 2 skipped (malformed jsonl: 2)"


def test_unreadable_paths(tmp_path: Path, sqlite_url: str) -> None:
    # Tests run as root, so permissions cannot lock a file: a missing path and an empty
    # directory where a report was expected stand in for unreadable input.
    missing = tmp_path / "missing.html"
    folder = tmp_path / "report.html"
    folder.mkdir()
    result = ingest(sqlite_url, "ingest", str(missing), str(folder))
    assert stderr_lines(result) == [
        f"skipped {missing}: no such file or directory",
        f"skipped {folder}: directory holds no files",
    ]
    assert result.exit_code == 1


def make_mixed_folder(root: Path) -> None:
    (root / "deeper").mkdir(parents=True)
    (root / "a.html").write_text(GOOD_HTML)
    (root / "b.txt").write_text(
        "Двісті полонених повернулися додому, повідомив Координаційний штаб."
    )
    (root / "c.jsonl").write_text(
        json.dumps(
            {"id": "x", "text": "Обмен пленными состоялся, сообщило Минобороны России."},
            ensure_ascii=False,
        )
        + "\nnot json\n"
    )
    (root / "d.pdf").write_bytes(b"%PDF-1.4 ...")
    (root / "deeper" / "e.txt").write_bytes(b"")
    (root / "deeper" / "f.htm").write_text(GOOD_HTML.replace("forty-four", "fifty-one"))


def test_mixed_directory_on_both_databases(tmp_path: Path, db_url: str) -> None:
    root = tmp_path / "reports"
    make_mixed_folder(root)
    result = ingest(db_url, "ingest", str(root))
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        f"skipped {root}/c.jsonl:2: malformed JSON at column 1: Expecting value",
        f"skipped {root}/d.pdf: unsupported file type (.pdf); expected .html, .htm, .txt or .jsonl (or the same with .gz)",
        f"skipped {root}/deeper/e.txt: empty file",
    ]
    assert result.stdout.strip() == (
        "4 new, 0 already stored, 3 skipped (empty: 1, malformed jsonl: 1, unsupported type: 1)"
    )
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT source, language, external_id FROM documents ORDER BY id")
        ).all()
    engine.dispose()
    assert [(Path(s.rsplit(":", 1)[0]).name, lang, ext) for s, lang, ext in rows] == [
        ("a.html", "en", None),
        ("b.txt", "uk", None),
        ("c.jsonl", "ru", "x"),
        ("f.htm", "en", None),
    ]
    again = ingest(db_url, "ingest", str(root))
    assert again.exit_code == 0
    assert again.stdout.strip() == (
        "0 new, 4 already stored, 3 skipped (empty: 1, malformed jsonl: 1, unsupported type: 1)"
    )
    assert stored(db_url) == 4


def test_stdin_html_and_jsonl(sqlite_url: str) -> None:
    page = ingest(sqlite_url, "ingest", "-", input=GOOD_HTML.encode())
    assert page.stdout.strip() == "1 new, 0 already stored, 0 skipped"
    lines = b'{"text": "Thirty came home."}\n{"text": "Forty came home."}\n'
    batch = ingest(sqlite_url, "ingest", "-", input=lines)
    assert batch.stdout.strip() == "2 new, 0 already stored, 0 skipped"
    assert stored(sqlite_url) == 3


def test_jsonl_format_prints_one_record_per_input(tmp_path: Path, sqlite_url: str) -> None:
    root = tmp_path / "reports"
    make_mixed_folder(root)
    result = ingest(sqlite_url, "ingest", "--format", "jsonl", str(root))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # Skipped inputs are reported at once, stored ones when their batch commits (which depends
    # on timing), so compare without order.
    assert sorted((Path(r["source"]).name, r["status"]) for r in records) == [
        ("a.html", "new"),
        ("b.txt", "new"),
        ("c.jsonl:1", "new"),
        ("c.jsonl:2", "skipped"),
        ("d.pdf", "skipped"),
        ("e.txt", "skipped"),
        ("f.htm", "new"),
    ]
    b_txt = next(r for r in records if r["source"].endswith("b.txt"))
    assert b_txt["language"] == "uk" and len(b_txt["sha256"]) == 64
    assert result.stderr.splitlines()[-1].startswith("4 new, 0 already stored, 3 skipped")


def test_bad_database_url_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some report.")
    result = ingest("sqlite:////nonexistent-dir/x/y.db", "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    assert len(stderr_lines(result)) == 1
    assert stderr_lines(result)[0].startswith("Error: cannot open database")


CLI = [sys.executable, "-c", "from powledger.cli import main; main()"]


def test_no_progress_bar_without_a_terminal(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Some report about an exchange.")
    cmd = [*CLI, "--db", sqlite_url, "ingest", str(tmp_path / "in")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == "1 new, 0 already stored, 0 skipped\n"


def test_progress_bar_on_a_terminal(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"{i}.txt").write_text(f"Report number {i} about an exchange.")
    cmd = [*CLI, "--db", sqlite_url, "ingest", str(tmp_path / "in")]
    leader, follower = os.openpty()
    # A fresh pty is 0 columns wide and tqdm draws nothing there; give it a real size.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        drawn = b""
        while select.select([leader], [], [], 1.0)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux reports EIO once the terminal's other end is closed
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert done.stdout == b"3 new, 0 already stored, 0 skipped\n"
    assert b"docs" in drawn  # tqdm drew its bar on the terminal
