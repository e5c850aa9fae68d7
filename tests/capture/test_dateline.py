"""Publication dates read from a plain-text report's header lines."""

from __future__ import annotations

import pytest

from powledger.capture.clean import clean_document
from powledger.capture.dateline import header_date
from powledger.models import CleanDocument, RawDocument


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statement of the ministry\n\n31 January 2024\n\nAs a result of talks...", "2024-01-31"),
        (
            "Dmytro Lubinets | Ombudsman\n14.09.2024 15:27\n\nToday another exchange...",
            "2024-09-14",
        ),
        ("KYIV, Dec. 30, 2024\nUkraine and Russia swapped prisoners on Monday.", "2024-12-30"),
        (
            "Координаційний штаб\n14 вересня 2024 року\n\nСьогодні додому повернулися 103.",
            "2024-09-14",
        ),
        ("Москва, 25 мая 2025 г.\nВозвращены 303 военнослужащих.", "2025-05-25"),
        ("Posted 2025-06-11 09:00\nBodies were repatriated.", "2025-06-11"),
    ],
    ids=[
        "ministry-date-line",
        "telegram-timestamp",
        "wire-dateline",
        "uk-genitive",
        "ru-genitive",
        "iso",
    ],
)
def test_header_dates(text: str, expected: str) -> None:
    assert header_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and Russia swapped 95 prisoners each.\n" * 3,
        "A long first paragraph that happens to mention 24 August 1991, the day Ukraine declared "
        "independence, and goes on for a while about other things entirely.\n",
        "Intro\nOne\nTwo\nThree\nFour\nFive\nSix\nSeven: 14 September 2024",
        "31 February 2024\nNot a real date.",
    ],
    ids=["no-date", "date-inside-a-long-line", "date-too-far-down", "impossible-date"],
)
def test_no_header_date(text: str) -> None:
    assert header_date(text) is None


def test_plain_text_gets_its_header_date_unless_one_is_given() -> None:
    raw = "Zelensky, official channel, 31 January 2024\n\n207 of our people are home today."
    found = clean_document(RawDocument(raw=raw.encode(), source="post.txt", content_type="text"))
    assert isinstance(found, CleanDocument)
    assert (found.published, found.published_precision) == ("2024-01-31", "day")
    given = clean_document(
        RawDocument(raw=raw.encode(), source="p.txt", content_type="text", published="2024-02-01")
    )
    assert isinstance(given, CleanDocument)
    assert given.published == "2024-02-01"
