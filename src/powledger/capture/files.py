"""File-system input: single files, directories walked recursively, and ``-`` for standard input."""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Final, Literal, cast

from powledger.capture.base import (
    EMPTY,
    NOT_FOUND,
    UNREADABLE,
    UNSUPPORTED,
    ReadResult,
    check_bytes,
    too_large,
)
from powledger.capture.jsonl import JsonlReader
from powledger.models import RawDocument, Rejected

InputKind = Literal["html", "text", "jsonl"]

#: File name suffixes we read, and how.
SUFFIXES: Final[dict[str, InputKind]] = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".jsonl": "jsonl",
}
#: A compressed copy (``page.html.gz``, ``feed.jsonl.gz``) is read as the file inside it.
GZIP_SUFFIX: Final = ".gz"
STDIN: Final = "-"
STDIN_SOURCE: Final = "<stdin>"

_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6])[\s>/]", re.I
)


def sniff_kind(data: bytes) -> InputKind:
    """Guess whether bytes of unknown origin are JSONL, HTML or plain text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if _HTML_START.search(head[:1024]):
        return "html"
    return "text"


class FileReader:
    """Reads paths: files by suffix, directories recursively in sorted order, ``-`` from stdin."""

    def __init__(self, *, max_bytes: int, stdin: IO[bytes] | None = None) -> None:
        self.max_bytes = max_bytes
        self._stdin = stdin
        self._jsonl = JsonlReader(max_bytes=max_bytes)

    def read_all(self, paths: Iterable[str]) -> Iterator[ReadResult]:
        """Yield a document or a rejection for everything ``paths`` name, in a stable order."""
        for path in paths:
            if path == STDIN:
                yield from self.read_stdin()
            else:
                yield from self.read_path(Path(path))

    def read_path(self, path: Path) -> Iterator[ReadResult]:
        """Read one path given by the user: a file (any suffix is tried) or a directory."""
        source = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Rejected(source, NOT_FOUND, "no such file or directory")
            return
        except OSError as exc:
            yield Rejected(source, UNREADABLE, f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(info.st_mode):
            found = False
            for result in self.read_directory(path):
                found = True
                yield result
            if not found:
                # Say so: a user who named a folder expects it to hold reports.
                yield Rejected(source, EMPTY, "directory holds no files")
        else:
            yield from self.read_file(path, explicit=True)

    def read_directory(self, root: Path) -> Iterator[ReadResult]:
        """Walk ``root`` recursively in sorted order; hidden entries are left out on purpose."""
        errors: list[OSError] = []
        for folder, dirs, files in os.walk(root, onerror=errors.append):
            # Sorting in place also fixes the order os.walk descends in: runs are reproducible.
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            while errors:
                exc = errors.pop(0)
                yield Rejected(
                    str(exc.filename or folder), UNREADABLE, f"cannot read: {exc.strerror or exc}"
                )
            for name in sorted(files):
                if not name.startswith("."):
                    yield from self.read_file(Path(folder) / name, explicit=False)
        for exc in errors:
            yield Rejected(
                str(exc.filename or root), UNREADABLE, f"cannot read: {exc.strerror or exc}"
            )

    def read_file(self, path: Path, *, explicit: bool) -> Iterator[ReadResult]:
        """Read one file; in a directory walk, files with other suffixes are skipped.

        A gzip copy of a supported file (``page.html.gz``) is read as the file it holds: the
        document's bytes, hash and size limit are those of the decompressed content.
        """
        source = str(path)
        compressed = path.suffix.lower() == GZIP_SUFFIX
        inner = Path(path.stem) if compressed else path
        kind = SUFFIXES.get(inner.suffix.lower())
        if kind is None and not explicit:
            shown = "".join(path.suffixes[-2:]) if compressed else (path.suffix or "no suffix")
            yield Rejected(
                source,
                UNSUPPORTED,
                f"unsupported file type ({shown}); expected .html, .htm, .txt or .jsonl"
                " (or the same with .gz)",
            )
            return
        try:
            with path.open("rb") as raw_handle:
                info = os.fstat(raw_handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    yield Rejected(source, UNREADABLE, "not a regular file")
                    return
                handle = cast("IO[bytes]", raw_handle)
                if compressed:
                    handle = cast("IO[bytes]", gzip.GzipFile(fileobj=raw_handle))
                if kind == "jsonl":
                    # JSONL is streamed: the size limit applies to each line (each document).
                    yield from self._jsonl.read(handle, source)
                    return
                if info.st_size > self.max_bytes:
                    yield too_large(source, info.st_size, self.max_bytes)
                    return
                # Read one byte past the limit: a compressed file is measured as it unpacks.
                data = handle.read(self.max_bytes + 1)
        except IsADirectoryError:
            yield Rejected(source, UNREADABLE, "is a directory where a file was expected")
            return
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield Rejected(source, UNREADABLE, f"corrupt gzip file: {exc}")
            return
        except OSError as exc:
            yield Rejected(source, UNREADABLE, f"cannot read: {exc.strerror or exc}")
            return
        yield from self.read_bytes(data, source, kind)

    def read_stdin(self) -> Iterator[ReadResult]:
        """Read standard input whole (up to the size limit) and sniff what it holds."""
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.max_bytes + 1)
        except OSError as exc:
            yield Rejected(STDIN_SOURCE, UNREADABLE, f"cannot read: {exc.strerror or exc}")
            return
        yield from self.read_bytes(data, STDIN_SOURCE, None)

    def read_bytes(self, data: bytes, source: str, kind: InputKind | None) -> Iterator[ReadResult]:
        """Turn bytes already in memory into documents; ``kind`` None means sniff it."""
        if len(data) > self.max_bytes:
            yield too_large(source, None if source == STDIN_SOURCE else len(data), self.max_bytes)
            return
        rejected = check_bytes(data, source)
        if rejected is not None:
            yield rejected
            return
        kind = kind or sniff_kind(data)
        if kind == "jsonl":
            yield from self._jsonl.read(io.BytesIO(data), source)
            return
        yield RawDocument(raw=data, source=source, content_type=kind)
