"""``powledger extract``: print what the extractor finds in reports, without storing anything."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from powledger.cli.app import AppContext, main
from powledger.models import CleanDocument, DocumentExtraction, Rejected


def read_documents(paths: tuple[str, ...], *, max_bytes: int) -> Iterator[CleanDocument | Rejected]:
    """Read and clean inputs exactly as ``ingest`` does (same readers, same cleaning)."""
    from powledger.capture.clean import clean_document
    from powledger.capture.files import FileReader

    for item in FileReader(max_bytes=max_bytes).read_all(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield clean_document(item)


def document_id(doc: CleanDocument) -> str:
    """The id the contract prints: the JSONL line's id, else the file path (path:LINE for JSONL)."""
    return doc.external_id or doc.source


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: one line per exchange; jsonl: one JSON object per document (the contract).",
)
@click.pass_obj
def extract_command(app: AppContext, paths: tuple[str, ...], output_format: str) -> None:
    """Extract exchanges from reports (.html, .txt, .jsonl, also .gz, directories, - for stdin); store nothing."""
    from powledger.extract.core import extract_document

    read = 0
    skipped = 0
    for item in read_documents(paths, max_bytes=app.settings.max_bytes):
        if isinstance(item, Rejected):
            skipped += 1
            click.echo(f"skipped {item.source}: {item.message}", err=True)
            continue
        read += 1
        if read == 1 and output_format == "table":
            click.echo(_TABLE_HEADER)
        result = extract_document(
            item.text,
            published=item.published,
            language=item.language,
            doc_id=document_id(item),
        )
        if output_format == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            for line in table_lines(result):
                click.echo(line)
    if read == 0:
        click.echo(f"Error: no document could be read ({skipped} skipped)", err=True)
        raise click.exceptions.Exit(1)


_TABLE_HEADER = (
    f"{'id':<28} {'phase':<9} {'date':<10} {'parties':<20} {'returned to':<32} mediators"
)


def _figures(returned_to: dict[str, Any], approximate: dict[str, Any]) -> str:
    parts = []
    for side, value in returned_to.items():
        shown = "?" if value is None else ("~" if approximate.get(side) else "") + str(value)
        parts.append(f"{side} {shown}")
    return ", ".join(parts)


def table_lines(result: DocumentExtraction) -> list[str]:
    """One fixed-width line per exchange (or one line saying none was found)."""
    ident = (result.id or "-")[-28:]
    lines = []
    for phase, exchanges in (("completed", result.exchanges), ("planned", result.planned)):
        for ex in exchanges:
            lines.append(
                f"{ident:<28} {phase:<9} {ex.date or '-':<10} {' / '.join(ex.parties):<20} "
                f"{_figures(ex.returned_to, ex.approximate):<32} {', '.join(ex.mediators) or '-'}"
            )
    if not lines:
        lines.append(f"{ident:<28} {'none':<9}")
    return lines
