"""Readers: files by suffix, directories, JSONL lines, standard input, and every kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from powledger.capture.base import JsonlRecord, normalise_date
from powledger.capture.files import FileReader, sniff_kind
from powledger.models import RawDocument, Rejected

LIMIT = 10_000


def read(
    *paths: Path | str, max_bytes: int = LIMIT, stdin: bytes | None = None
) -> list[RawDocument | Rejected]:
    reader = FileReader(max_bytes=max_bytes, stdin=io.BytesIO(stdin) if stdin is not None else None)
    return list(reader.read_all([str(p) for p in paths]))


def only(results: list[RawDocument | Rejected]) -> RawDocument | Rejected:
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("a.html", "html"), ("a.HTM", "html"), ("a.txt", "text")],
    ids=["html", "htm-upper", "txt"],
)
def test_file_suffix_decides_content_type(tmp_path: Path, name: str, content_type: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"Prisoners came home on Friday.")
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert doc.content_type == content_type
    assert doc.raw == b"Prisoners came home on Friday."
    assert doc.source == str(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
    ids=["empty", "whitespace-only", "nul-bytes", "control-bytes"],
)
def test_bad_file_content_is_rejected_with_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    rejected = only(read(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason == reason
    assert rejected.source == str(path)


def test_file_above_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * LIMIT + b"</p>")
    rejected = only(read(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "too large"
    assert "limit 9.8 KB" in rejected.message


def test_file_exactly_at_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * LIMIT)
    assert isinstance(only(read(path)), RawDocument)


def test_missing_path_and_directory_in_place_of_file(tmp_path: Path) -> None:
    missing = only(read(tmp_path / "nowhere.txt"))
    assert isinstance(missing, Rejected) and missing.reason == "not found"
    # Tests run as root, so permissions cannot make a file unreadable; a directory where a file
    # was expected is the closest real case: it is walked, and an empty one is reported.
    (tmp_path / "looks_like_file.txt").mkdir()
    rejected = only(read(tmp_path / "looks_like_file.txt"))
    assert isinstance(rejected, Rejected)
    assert (rejected.reason, rejected.message) == ("empty", "directory holds no files")


def test_unreadable_file_reports_oserror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    rejected = only(read(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "unreadable"
    assert "Permission denied" in rejected.message


def test_directory_is_walked_recursively_sorted_and_skips_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second folder")
    (tmp_path / "a" / "z.html").write_text("<p>first folder, last name</p>")
    (tmp_path / "a" / "m.txt").write_text("first folder, first name")
    (tmp_path / "top.txt").write_text("top level")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    (tmp_path / ".DS_Store").write_bytes(b"junk")
    results = read(tmp_path)
    names = [Path(r.source).relative_to(tmp_path).as_posix() for r in results]
    assert names == ["photo.jpg", "top.txt", "a/m.txt", "a/z.html", "b/2.txt"]
    skipped = [r for r in results if isinstance(r, Rejected)]
    assert [(Path(r.source).name, r.reason) for r in skipped] == [("photo.jpg", "unsupported type")]
    # The same walk twice gives the same order.
    assert [r.source for r in read(tmp_path)] == [r.source for r in results]


def test_explicit_file_with_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_bytes(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    doc = only(read(path))
    assert isinstance(doc, RawDocument) and doc.content_type == "html"


def write_jsonl(path: Path, lines: list[object]) -> None:
    path.write_bytes(
        b"".join((json.dumps(x) if not isinstance(x, str) else x).encode() + b"\n" for x in lines)
    )


def test_jsonl_lines_become_documents_with_their_own_bytes_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    first = {
        "id": 7,
        "text": "One",
        "url": "https://example.org/1",
        "title": " T ",
        "outlet": "Wire",
        "published": "2024-06-25T09:00:00Z",
        "language": "EN",
    }
    write_jsonl(path, [first, "", {"html": "<p>Two</p>", "id": "b-2"}])
    one, two = read(path)
    assert isinstance(one, JsonlRecord) and isinstance(two, JsonlRecord)
    assert one.raw == json.dumps(first).encode()
    assert one.source == f"{path}:1"
    assert (one.external_id, one.url, one.title, one.outlet, one.published, one.language) == (
        "7",
        "https://example.org/1",
        "T",
        "Wire",
        "2024-06-25",
        "EN",
    )
    assert one.content_type == "text" and one.body == "One"
    assert two.source == f"{path}:3"  # the blank line 2 is skipped but still counted
    assert two.content_type == "html" and two.body == "<p>Two</p>" and two.external_id == "b-2"


def test_feed_style_published_dates_are_read_as_extraction_reads_them(tmp_path: Path) -> None:
    from powledger.extract.core import parse_published

    path = tmp_path / "feed.jsonl"
    write_jsonl(path, [{"text": "x", "published": "Sun, 15 Sep 2024 08:00:00 GMT"}])
    (one,) = read(path)
    assert isinstance(one, JsonlRecord) and one.published == "2024-09-15"
    assert str(parse_published("Sun, 15 Sep 2024 08:00:00 GMT")) == one.published


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "malformed JSON at column 2"),
        ("[1, 2]", "expected a JSON object, got list"),
        ('{"title": "no body"}', 'no "text" or "html"'),
        ('{"text": 5}', '"text" must be a string'),
        ('{"text": "x", "published": "last Tuesday"}', "invalid published date"),
        ('{"text": "x", "id": [1]}', '"id" must be a string or an integer'),
        ('{"text": "x", "url": 3}', '"url" must be a string'),
    ],
    ids=["syntax", "array", "no-body", "text-not-string", "bad-date", "bad-id", "bad-url"],
)
def test_malformed_jsonl_line_is_reported_with_its_line_number(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, [{"text": "good one"}, line, {"text": "good two"}])
    results = read(path)
    assert [type(r).__name__ for r in results] == ["JsonlRecord", "Rejected", "JsonlRecord"]
    bad = results[1]
    assert isinstance(bad, Rejected)
    assert bad.source == f"{path}:2"
    assert bad.reason == "malformed jsonl"
    assert fragment in bad.message


def test_jsonl_invalid_utf8_line_and_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "' + b"y" * 200 + b'"}\n{"text": "fine"}\n')
    results = read(path, max_bytes=100)
    assert [getattr(r, "reason", "ok") for r in results] == ["invalid utf-8", "too large", "ok"]
    assert results[1].source == f"{path}:2"
    assert results[2].source == f"{path}:3"


def test_empty_and_binary_jsonl_files_are_one_rejection_each(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 100 + b"\n" + b"\x00" * 100 + b"\n")
    results = read(empty, binary)
    assert [(r.source, getattr(r, "reason", None)) for r in results] == [
        (str(empty), "empty"),
        (str(binary), "binary"),
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b"\xef\xbb\xbf  <!doctype html><html><p>x</p></html>", "html"),
        (b"<p>Just a fragment</p>", "html"),
        (b"Plain words, with <angle> brackets inside.", "text"),
    ],
    ids=["jsonl", "html-with-bom", "fragment", "text"],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_stdin_is_sniffed_and_jsonl_lines_are_numbered() -> None:
    results = read("-", stdin=b'{"text": "from a pipe"}\nnot json\n')
    assert [r.source for r in results] == ["<stdin>:1", "<stdin>:2"]
    assert isinstance(results[0], JsonlRecord) and isinstance(results[1], Rejected)
    page = only(read("-", stdin=b"<html><body><p>piped page</p></body></html>"))
    assert (
        isinstance(page, RawDocument) and page.content_type == "html" and page.source == "<stdin>"
    )


def test_stdin_above_limit_and_empty_stdin() -> None:
    big = only(read("-", stdin=b"x" * (LIMIT + 1)))
    assert isinstance(big, Rejected) and big.reason == "too large"
    empty = only(read("-", stdin=b""))
    assert isinstance(empty, Rejected) and empty.reason == "empty"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-31", ("2024-05-31", "day")),
        ("2024-05", ("2024-05", "month")),
        ("2024", ("2024", "year")),
        ("2024-05-31T10:00:00+03:00", ("2024-05-31", "day")),
        ("2024-02-30", None),
        ("2024-13", None),
        ("31.05.2024", ("2024-05-31", "day")),
        ("Fri, 31 May 2024 08:00:00 GMT", ("2024-05-31", "day")),
        ("31 May 2024", ("2024-05-31", "day")),
        ("May 31, 2024", ("2024-05-31", "day")),
        ("Sept. 15, 2024", ("2024-09-15", "day")),
        ("2024/05/31", ("2024-05-31", "day")),
        ("31/05/2024", None),  # day/month or month/day: not guessed
        ("yesterday", None),
    ],
)
def test_normalise_date(value: str, expected: tuple[str, str] | None) -> None:
    assert normalise_date(value) == expected


def test_gzip_copies_are_read_as_the_file_inside(tmp_path: Path) -> None:
    import gzip

    page = b"<html><body><p>Prisoners came home on Friday.</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    lines = b'{"id": "a", "text": "One"}\n{"id": "b", "text": "Two"}\n'
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(lines))
    (tmp_path / "archive.tar.gz").write_bytes(gzip.compress(b"not a report"))
    results = read(tmp_path)
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [(d.content_type, d.raw) for d in docs if not isinstance(d, JsonlRecord)] == [
        ("html", page)
    ]
    assert [d.external_id for d in docs if isinstance(d, JsonlRecord)] == ["a", "b"]
    skipped = [r for r in results if isinstance(r, Rejected)]
    assert [(Path(r.source).name, r.reason) for r in skipped] == [
        ("archive.tar.gz", "unsupported type")
    ]


def test_corrupt_or_oversized_gzip_is_rejected_in_one_line(tmp_path: Path) -> None:
    import gzip

    bad = tmp_path / "broken.html.gz"
    bad.write_bytes(gzip.compress(b"<p>Prisoners came home.</p>")[:-12])
    rejected = only(read(bad))
    assert isinstance(rejected, Rejected) and rejected.reason == "unreadable"
    assert "gzip" in rejected.message and "\n" not in rejected.message
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * (LIMIT * 50)))  # small on disk, large unpacked
    big = only(read(bomb))
    assert isinstance(big, Rejected) and big.reason == "too large"
