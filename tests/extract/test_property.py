"""Properties that hold for any text: extraction never raises, quotes equal their spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powledger.extract.core import extract_document

WORDS = st.sampled_from(
    [
        "Russia", "Ukraine", "returned", "103", "prisoners", "of", "war", "each", "for", "95",
        "Kyiv", "brought", "home", "our", "people", "\u201c", "\u201d", '"', "said", "Zelensky",
        "on", "Monday", "Dec.", "30,", "2024", "\n", ".", ",", "bodies", "officers", "including",
        "more", "than", "two", "hundred", "and", "seven", "exchange", "UAE", "mediated", "will",
        "since", "2022", "\u00a0", "\u2014", "-", "1,000", "1 000", "İ", "ß", "ﬁ", ":", "(", ")",
    ]
)  # fmt: skip


def _check(text: str, published: str | None) -> None:
    result = extract_document(text, published=published, language="en")
    for exchange in (*result.exchanges, *result.planned):
        for claim in exchange.claims:
            assert text[claim.start : claim.end] == claim.quote


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=60).map(" ".join), st.sampled_from([None, "2024-09-14", "junk"]))
def test_report_like_text_never_raises(text: str, published: str | None) -> None:
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    _check(text, None)
    _check("Russia returned 103 Ukrainian prisoners. " + text, "2024-09-14")
