"""Event dates against a next-day publication, datelines and live-blog entry stamps."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

CASES = [
    pytest.param(
        "KYIV, Sept 15 (Reuters) - Ukraine and Russia each handed over 103 prisoners of war on "
        "Saturday, officials said.", "2024-09-15", "2024-09-14", id="dateline-next-day",
    ),
    pytest.param(
        "Russia and Ukraine each released 95 prisoners late on Friday, officials said.",
        "2024-09-14", "2024-09-13", id="late-on-friday",
    ),
    pytest.param(
        "Sat 14 Sep 2024 10.32 BST\n"
        "Zelensky said earlier today that 90 Ukrainian prisoners of war had come home.",
        "2024-09-16", "2024-09-14", id="live-blog-stamp-earlier-today",
    ),
    pytest.param(
        "14 September 2024, 10:32\nUkraine brings home 103 POWs\n"
        "Zelensky said earlier today that 103 Ukrainian prisoners of war had come home.",
        "2024-09-16", "2024-09-14", id="live-blog-stamp-headline",
    ),
    pytest.param(
        "MOSCOW, September 14. /TASS/. Russia got back 103 servicemen from Ukraine, the defence "
        "ministry said.", "2024-09-15", "2024-09-14", id="tass-dateline",
    ),
    pytest.param(
        "Ukraine got back 103 POWs in a swap on Saturday, the country's ombudsman said on Sunday.",
        "2024-09-16", "2024-09-14", id="event-day-not-report-day",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "day"), CASES)
def test_event_date(text: str, published: str, day: str) -> None:
    ex = extract_text(text, published=published, language="en").exchanges[0]
    assert ex.date == day
    assert ex.date_precision == "day"


def test_a_sentence_naming_an_older_day_is_no_entry_stamp() -> None:
    text = (
        "Take the swap of 30 December 2024.\n"
        "Ukraine brought home 103 defenders today, the Coordination Headquarters said."
    )
    ex = extract_text(text, published="2025-04-02", language="en").exchanges[0]
    assert ex.date == "2025-04-02"


@pytest.mark.parametrize(
    "published",
    ["Sun, 15 Sep 2024 08:00:00 GMT", "15 September 2024", "September 15, 2024", "15.09.2024"],
)
def test_publication_date_in_feed_and_page_formats(published: str) -> None:
    text = "Ukraine and Russia each handed over 103 prisoners of war on Saturday, officials said."
    ex = extract_text(text, published=published, language="en").exchanges[0]
    assert ex.date == "2024-09-14"


def test_unreadable_publication_date_is_ignored() -> None:
    text = "Ukraine and Russia each handed over 103 prisoners of war on Saturday, officials said."
    assert extract_text(text, published="yesterday-ish", language="en").exchanges[0].date is None
