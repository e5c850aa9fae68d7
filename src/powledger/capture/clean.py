"""Cleaning: raw bytes to text plus metadata. HTML goes through trafilatura; plain text is tidied."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from powledger.capture.base import INVALID_UTF8, NO_TEXT, JsonlRecord, normalise_date
from powledger.capture.dateline import header_date
from powledger.capture.langid import detect_language_code
from powledger.models import CleanDocument, DatePrecision, RawDocument, Rejected

logger = logging.getLogger(__name__)

_BOM = "\ufeff"
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.I)
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})
_PRECISIONS: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What trafilatura found in one page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None


def decode_bytes(raw: bytes, *, html: bool) -> str:
    """Decode ``raw`` as UTF-8 (or a page's declared charset); ValueError when neither works."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    if html:
        # Older pages declare a legacy charset (windows-1251 is common for Cyrillic sites).
        match = _CHARSET.search(raw[:4096])
        if match:
            charset = match.group(1).decode("ascii").lower()
            if charset not in _UTF8_NAMES:
                try:
                    return raw.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass
    bad = raw[first_error.start]
    raise ValueError(f"not valid UTF-8 (byte 0x{bad:02x} at offset {first_error.start})")


def normalise_text(text: str) -> str:
    """Plain text as we store it: no BOM, ``\\n`` newlines, no surrounding blank space."""
    if text.startswith(_BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def page_metadata(tree: Any, url: str | None = None) -> PageMetadata:
    """Title, author, date, site name and URL of a parsed page, found by trafilatura.

    This follows ``trafilatura.metadata.extract_metadata`` step by step but leaves out what we
    never store (categories, tags, licence): those scans took about a sixth of the cleaning time
    on real news pages, with identical results for the fields we keep.

    The publication date is the one the page declares (meta tags, JSON-LD, time elements, the
    URL); htmldate's extensive search, which guesses a date from free text with dateparser, is
    off. A guessed date is weak evidence, and that search cost about 3 s of start-up plus 2 ms a
    page: 45% of cleaning time on the 181 real test pages, of which it dated 2 more.
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    meta = examine_meta(tree)
    # trafilatura's own rule: a one-word author from a meta tag is usually a site handle.
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura guards this call the same way (bugs in JSON-LD parsing)
        logger.debug("JSON-LD metadata failed: %s", exc)
    page_url = meta.url or extract_url(tree, url)
    sitename = meta.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url and (match := META_URL.match(page_url)):
        sitename = match[1]
    return PageMetadata(
        title=_clean_field(meta.title or extract_title(tree)),
        author=_clean_field(meta.author or extract_author(tree)),
        date=_clean_field(find_date(tree, **{**set_date_params(False), "url": page_url})),
        sitename=_clean_field(sitename),
        url=page_url,
    )


def page_captions(tree: Any) -> list[str]:
    """The text of each ``<figcaption>`` of a parsed page (trafilatura drops them)."""
    captions = []
    for element in tree.iter("figcaption"):
        caption = " ".join(" ".join(element.itertext()).split())
        if caption and caption not in captions:
            captions.append(caption)
    return captions


def with_headline_and_captions(text: str, title: str | None, captions: list[str]) -> str:
    """The article text with its headline first and its photo captions last.

    Headlines and captions often carry the figures ("115 soldiers came home"), and every claim
    must quote the stored text, so both become paragraphs of it unless the body repeats them.
    """
    if not text.strip():
        return text
    body = text.strip()
    folded = " ".join(body.split())
    if title and " ".join(title.split()) not in folded[: len(title) + 200]:
        body = f"{title}\n\n{body}"
    extra = [c for c in captions if c not in folded]
    if extra:
        body = body + "\n\n" + "\n".join(extra)
    return body


def clean_html(html: str, *, url: str | None = None) -> HtmlContent:
    """Extract the main text and metadata of a page with trafilatura (fast mode)."""
    import trafilatura
    from trafilatura.utils import load_html

    if not _DOCUMENT_TAG.search(html[:2048]):
        # trafilatura refuses bare fragments ("<p>…</p>" from a JSONL record); give them a body.
        html = f"<html><body>{html}</body></html>"
    meta = PageMetadata()
    text = ""
    try:
        # Parse once: the metadata and the main text are read from the same tree.
        tree = load_html(html)
        if tree is not None:
            meta = page_metadata(tree, url)
            captions = page_captions(tree)
            found = trafilatura.bare_extraction(
                tree,
                url=meta.url or url,
                fast=True,
                include_comments=False,
                include_tables=True,
            )
            text = with_headline_and_captions(
                getattr(found, "text", None) or "", meta.title, captions
            )
    except Exception as exc:  # a third-party parser on untrusted input: never let it end a batch
        logger.debug("trafilatura failed on a page: %s", exc)
    if not text.strip():
        # Tiny or truncated pages can fall below trafilatura's thresholds; keep whatever text the
        # markup holds rather than losing the report.
        try:
            text = trafilatura.html2txt(html) or ""
        except Exception as exc:  # same reason as above
            logger.debug("html2txt failed on a page: %s", exc)
            text = ""
    return HtmlContent(
        text=normalise_text(text),
        title=meta.title,
        author=meta.author,
        date=meta.date,
        sitename=meta.sitename,
    )


def clean_document(
    raw: RawDocument, *, captured_at: datetime | None = None
) -> CleanDocument | Rejected:
    """Clean one captured input; a failure comes back as a :class:`Rejected` value."""
    is_html = raw.content_type == "html"
    if isinstance(raw, JsonlRecord):
        body = raw.body
    else:
        try:
            body = decode_bytes(raw.raw, html=is_html)
        except ValueError as exc:
            return Rejected(raw.source, INVALID_UTF8, str(exc))
    title, author, outlet, published = raw.title, raw.author, raw.outlet, raw.published
    if is_html:
        found = clean_html(body, url=raw.url)
        text = found.text
        title = title or found.title
        author = author or found.author
        outlet = outlet or found.sitename
        published = published or found.date
    else:
        text = normalise_text(body)
        if not published:
            published = header_date(text)
    if not text:
        kind = "page" if is_html else "document"
        return Rejected(raw.source, NO_TEXT, f"no text found in the {kind}")
    date = normalise_date(published) if published else None
    language = (raw.language or "").strip().lower() or detect_language_code(
        f"{title}\n{text}" if title else text
    )
    return CleanDocument(
        sha256=hashlib.sha256(raw.raw).hexdigest(),
        raw=raw.raw,
        source=raw.source,
        content_type=raw.content_type,
        text=text,
        captured_at=captured_at or datetime.now(UTC),
        external_id=raw.external_id,
        url=raw.url,
        title=title,
        outlet=outlet,
        author=author,
        published=date[0] if date else None,
        published_precision=_PRECISIONS[date[1]] if date else None,
        language=language,
    )


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
