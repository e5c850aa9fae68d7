"""``powledger explain DOC``: a stored document with its claims highlighted and listed."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import click

from powledger.cli.app import AppContext, main
from powledger.errors import NotFoundError


@dataclass(frozen=True, slots=True)
class Shown:
    """One claim as explain prints it."""

    number: int
    start: int
    end: int
    line: str


def render(text: str, claims: list[Shown], *, colour: bool) -> str:
    """``text`` with every claimed span marked: ANSI colour, or ``[[...]]`` plus claim numbers."""
    spans: dict[tuple[int, int], list[int]] = {}
    for claim in claims:
        if 0 <= claim.start < claim.end <= len(text):
            spans.setdefault((claim.start, claim.end), []).append(claim.number)
    out: list[str] = []
    pos = 0
    for (start, end), numbers in sorted(spans.items()):
        if start < pos:  # overlapping spans: the earlier one already covers this text
            continue
        out.append(text[pos:start])
        label = ",".join(str(n) for n in numbers)
        if colour:
            out.append(click.style(text[start:end], fg="black", bg="yellow"))
            out.append(click.style(f"[{label}]", fg="cyan", bold=True))
        else:
            out.append(f"[[{text[start:end]}]]({label})")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def find_document(session: object, ref: str) -> object:
    """A document by numeric id, external id, or sha256 prefix (at least 6 hex digits)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from powledger.store.schema import Document

    assert isinstance(session, Session)
    ref = ref.strip()
    if ref.isdigit():
        found = session.get(Document, int(ref))
        if found is not None:
            return found
    by_external = session.scalars(
        select(Document).where(Document.external_id == ref).limit(2)
    ).all()
    if len(by_external) == 1:
        return by_external[0]
    if len(by_external) > 1:
        raise NotFoundError(f"external id {ref!r} names several documents; use the id or sha256")
    if re.fullmatch(r"[0-9a-fA-F]{6,64}", ref):
        matches = session.scalars(
            select(Document).where(Document.sha256.startswith(ref.lower())).limit(2)
        ).all()
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFoundError(f"sha256 prefix {ref!r} is ambiguous; give more digits")
    raise NotFoundError(f"no document {ref!r} (give an id, an external id or a sha256 prefix)")


@main.command("explain")
@click.argument("doc")
@click.option(
    "--colour/--no-colour",
    "--color/--no-color",
    default=None,
    help="Highlight with ANSI colour (default: when stdout is a terminal).",
)
@click.pass_obj
def explain_command(app: AppContext, doc: str, colour: bool | None) -> None:
    """Print a stored document with its claims highlighted, then the claims."""
    from powledger.store.claims import list_claims
    from powledger.store.db import session_scope
    from powledger.store.schema import Actor, Document

    use_colour = sys.stdout.isatty() if colour is None else colour
    with session_scope(app.engine()) as session:
        document = find_document(session, doc)
        assert isinstance(document, Document)
        names = {a.id: a.name for a in session.query(Actor).all()}
        stored = list_claims(session=session, document_id=document.id, limit=None)
        shown: list[Shown] = []
        note = ""
        if stored:
            for n, c in enumerate(stored, 1):
                who = names.get(c.actor_id) if c.actor_id else None
                shown.append(
                    Shown(n, c.start, c.end, _line(n, c.phase, c.exchange_index, c.event_date,
                          c.side, c.category, c.value, c.approximate, c.derived, who))
                )  # fmt: skip
        else:
            from powledger.extract.core import extract_document

            result = extract_document(
                document.text, published=document.published, language=document.language
            )
            note = "(no stored claims: extracted now, not stored)"
            n = 0
            for phase, exchanges in (("completed", result.exchanges), ("planned", result.planned)):
                for index, ex in enumerate(exchanges):
                    for fact in ex.claims:
                        n += 1
                        shown.append(
                            Shown(n, fact.start, fact.end, _line(n, phase, index, ex.date,
                                  fact.side, fact.category, fact.value, fact.approximate,
                                  fact.derived, fact.asserted_by))
                        )  # fmt: skip
        header = f"Document {document.id}  sha256 {document.sha256[:12]}"
        if document.external_id:
            header += f"  id {document.external_id}"
        click.echo(click.style(header, bold=True) if use_colour else header)
        for label, value in (("title", document.title), ("published", document.published),
                             ("outlet", document.outlet), ("url", document.url)):  # fmt: skip
            if value:
                click.echo(f"{label}: {value}")
        click.echo()
        click.echo(render(document.text, shown, colour=use_colour), color=use_colour)
        click.echo()
        click.echo(f"Claims ({len(shown)}) {note}".rstrip())
        for s in shown:
            click.echo(s.line)
        if not shown:
            click.echo("  (none)")


def _line(
    n: int,
    phase: str,
    index: int,
    when: str | None,
    side: str | None,
    category: str,
    value: int | None,
    approximate: bool,
    derived: bool,
    who: str | None,
) -> str:
    shown = "?" if value is None else ("~" if approximate else "") + str(value)
    flags = " (derived)" if derived else ""
    return (
        f"  [{n}] {phase} #{index} {when or 'date ?'}: {side or '?'} received {shown} "
        f"{category}{flags}; asserted by {who or 'the report'}"
    )
