"""English numbers and dates, each case written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from powledger.extract.en.dates import find_dates
from powledger.extract.en.numbers import find_numbers, words_to_int


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [
        pytest.param("103 prisoners", 103, False, id="digits"),
        pytest.param("1,000 soldiers", 1000, False, id="comma-thousands"),
        pytest.param("1 000 soldiers", 1000, False, id="space-thousands"),
        pytest.param("1\u00a0000 soldiers", 1000, False, id="nbsp-thousands"),
        pytest.param("Two hundred and seven of our people", 207, False, id="words-with-and"),
        pytest.param("forty-nine defenders", 49, False, id="hyphenated-words"),
        pytest.param("a hundred and fifty men", 150, False, id="a-hundred"),
        pytest.param("more than 200 captives", 200, True, id="more-than"),
        pytest.param("about 90 soldiers", 90, True, id="about"),
        pytest.param("nearly 300 people", 300, True, id="nearly"),
        pytest.param("some 40 civilians", 40, True, id="some"),
        pytest.param("at least 12 women", 12, True, id="at-least"),
        pytest.param("over 1,200 POWs", 1200, True, id="over"),
    ],
)
def test_number_values(text: str, value: int, approximate: bool) -> None:
    found = find_numbers(text)
    assert found, text
    assert (found[0].value, found[0].approximate) == (value, approximate)
    assert text[found[0].start : found[0].end].strip()


def test_handed_over_is_not_an_approximation() -> None:
    (number,) = find_numbers("Russia handed over 103 prisoners")
    assert number.value == 103 and not number.approximate


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("the 58th exchange", id="ordinal"),
        pytest.param("a 2.5 km stretch", id="decimal"),
        pytest.param("one of them", id="pronoun-one"),
    ],
)
def test_not_cardinals(text: str) -> None:
    assert find_numbers(text) == []


def test_words_to_int_rejects_other_words() -> None:
    assert words_to_int("two hundred and seven") == 207
    assert words_to_int("seven dwarves") is None


PUB = date(2025, 1, 2)  # a Thursday


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        pytest.param("on Dec. 30, 2024", "2024-12-30", "day", id="abbreviated-month"),
        pytest.param("on 30 December", "2024-12-30", "day", id="day-month-last-year"),
        pytest.param("on Monday", "2024-12-30", "day", id="weekday"),
        pytest.param("yesterday", "2025-01-01", "day", id="yesterday"),
        pytest.param("today", "2025-01-02", "day", id="today"),
        pytest.param("on Thursday", "2025-01-02", "day", id="weekday-same-day"),
        pytest.param("in December 2024", "2024-12", "month", id="month-year"),
        pytest.param("2024-09-14", "2024-09-14", "day", id="iso"),
        pytest.param("earlier this month", "2025-01", "month", id="earlier-this-month"),
        pytest.param("last month", "2024-12", "month", id="last-month"),
        pytest.param("September 14th, 2024", "2024-09-14", "day", id="ordinal-day"),
    ],
)
def test_dates_resolve_against_publication(text: str, iso: str, precision: str) -> None:
    (found,) = find_dates(text, PUB)
    assert (found.iso, found.precision) == (iso, precision)


def test_relative_date_without_publication_is_unresolved() -> None:
    (found,) = find_dates("on Monday", None)
    assert found.iso is None and found.relative


def test_may_as_a_verb_is_not_a_date() -> None:
    assert find_dates("talks may 5 times fail", PUB) == []
