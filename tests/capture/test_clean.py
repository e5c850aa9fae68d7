"""Cleaning: trafilatura on pages we wrote, plain-text tidying, metadata, hashing."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from powledger.capture.base import JsonlRecord
from powledger.capture.clean import clean_document, decode_bytes, normalise_text
from powledger.models import CleanDocument, RawDocument, Rejected

ARTICLE = (
    "Ukraine and Russia carried out another exchange of prisoners of war on Tuesday, with each "
    "side bringing home ninety people, the coordination headquarters in Kyiv said. "
    "Officials said the group included soldiers who had defended the city for months and "
    "several civilians detained at checkpoints. The exchange was mediated by the United Arab "
    "Emirates, which has helped arrange earlier swaps. Relatives waited at the border for hours, "
    "holding photographs and flags, and some wept when the buses finally arrived."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ninety come home in new exchange | Example Wire</title>
<meta property="og:title" content="Ninety come home in new exchange">
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Olena Testwriter">
<meta property="article:published_time" content="2024-06-25T10:15:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">Buy a better mattress today! Sale ends soon.</div>
<article>
<h1>Ninety come home in new exchange</h1>
<p>{ARTICLE[:260]}</p>
<p>{ARTICLE[260:]}</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great news, finally!</p><p>First!!!</p></section>
<footer>© Example Wire. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>"""

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def clean(raw: RawDocument) -> CleanDocument:
    result = clean_document(raw, captured_at=WHEN)
    assert isinstance(result, CleanDocument), result
    return result


def test_html_page_keeps_article_and_metadata_drops_boilerplate() -> None:
    raw = PAGE.encode()
    doc = clean(RawDocument(raw=raw, source="page.html", content_type="html"))
    assert "each side bringing home ninety people" in doc.text
    assert "arrived" in doc.text
    for junk in ("mattress", "First!!!", "Cookie settings", "Sport"):
        assert junk not in doc.text
    assert doc.title == "Ninety come home in new exchange"
    assert doc.outlet == "Example Wire"
    assert doc.author == "Olena Testwriter"
    assert (doc.published, doc.published_precision) == ("2024-06-25", "day")
    assert doc.language == "en"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.raw == raw
    assert doc.captured_at == WHEN


def test_given_metadata_wins_over_what_the_page_says() -> None:
    raw = RawDocument(
        raw=PAGE.encode(),
        source="page.html",
        content_type="html",
        title="Our title",
        outlet="Our outlet",
        published="2024-06",
        language="xx",
    )
    doc = clean(raw)
    assert (doc.title, doc.outlet, doc.published, doc.published_precision, doc.language) == (
        "Our title",
        "Our outlet",
        "2024-06",
        "month",
        "xx",
    )


def test_truncated_html_still_gives_its_text() -> None:
    cut = PAGE[: PAGE.index("Relatives waited")]
    doc = clean(RawDocument(raw=cut.encode(), source="cut.html", content_type="html"))
    assert "each side bringing home ninety people" in doc.text


def test_html_without_text_is_rejected() -> None:
    page = b"<html><head><title></title><script>var x = 1;</script></head><body><img src=a.png></body></html>"
    result = clean_document(RawDocument(raw=page, source="blank.html", content_type="html"))
    assert isinstance(result, Rejected)
    assert (result.reason, result.message) == ("no text", "no text found in the page")


def test_plain_text_newlines_and_bom() -> None:
    raw = "\ufeffУкраїна повернула додому 95 захисників.\r\nЦе 58-й обмін.\rКінець.\n\n".encode()
    doc = clean(RawDocument(raw=raw, source="uk.txt", content_type="text"))
    assert doc.text == "Україна повернула додому 95 захисників.\nЦе 58-й обмін.\nКінець."
    assert doc.language == "uk"
    assert doc.title is None and doc.published is None
    # The hash is of the bytes as received, BOM and CRLF included: they are the evidence.
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_invalid_utf8_text_is_rejected_with_offset() -> None:
    result = clean_document(
        RawDocument(raw=b"ok \xff\xfe bad", source="bad.txt", content_type="text")
    )
    assert isinstance(result, Rejected)
    assert result.reason == "invalid utf-8"
    assert result.message == "not valid UTF-8 (byte 0xff at offset 3)"


def test_html_in_a_declared_legacy_charset_is_decoded() -> None:
    page = (
        '<html><head><meta charset="windows-1251"></head><body><p>Обмін відбувся.</p></body></html>'
    )
    raw = page.encode("cp1251")
    assert decode_bytes(raw, html=True) == page
    with pytest.raises(ValueError, match="not valid UTF-8"):
        decode_bytes(raw, html=False)


def test_jsonl_record_body_is_cleaned_and_raw_is_the_line() -> None:
    line = b'{"html": "<p>Kyiv said fifty soldiers were returned home.</p>", "id": "x1"}'
    record = JsonlRecord(
        raw=line,
        source="b.jsonl:4",
        content_type="html",
        external_id="x1",
        body="<p>Kyiv said fifty soldiers were returned home.</p>",
    )
    doc = clean(record)
    assert doc.text == "Kyiv said fifty soldiers were returned home."
    assert doc.raw == line and doc.external_id == "x1" and doc.source == "b.jsonl:4"
    assert doc.sha256 == hashlib.sha256(line).hexdigest()


def test_normalise_text_only_touches_newlines_bom_and_ends() -> None:
    assert normalise_text("\ufeff  a\r\n\r\nb\rc  \n") == "a\n\nb\nc"
    assert normalise_text("keep\u00a0this \u2014 and tabs\t") == "keep\u00a0this \u2014 and tabs"


def test_lean_metadata_matches_trafilaturas_own_metadata_call() -> None:
    # clean_html follows trafilatura's extract_metadata minus categories, tags and licence;
    # if a trafilatura upgrade changes its steps, this comparison says so.
    import trafilatura

    from powledger.capture.clean import clean_html

    stock = trafilatura.bare_extraction(
        PAGE, fast=True, with_metadata=True, include_comments=False, include_tables=True
    )
    ours = clean_html(PAGE)
    assert stock is not None
    assert (ours.title, ours.author, ours.date, ours.sitename) == (
        stock.title,
        stock.author,
        stock.date,
        stock.sitename,
    )
    assert ours.text == normalise_text(stock.text)


def test_date_comes_from_markup_not_guessed_from_prose() -> None:
    body = f"<p>{ARTICLE}</p><p>Officials first announced the talks on 12 March 2024 in Kyiv.</p>"
    undated = f"<html><head><title>Swap</title></head><body><article>{body}</article></body></html>"
    dated = undated.replace(
        "<head>", '<head><meta property="article:published_time" content="2024-03-14">'
    )
    assert (
        clean(RawDocument(raw=undated.encode(), source="a.html", content_type="html")).published
        is None
    )
    found = clean(RawDocument(raw=dated.encode(), source="b.html", content_type="html"))
    assert (found.published, found.published_precision) == ("2024-03-14", "day")
