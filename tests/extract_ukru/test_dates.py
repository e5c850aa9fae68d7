"""Ukrainian and Russian dates: genitive months, weekdays and relative words, with precision."""

from __future__ import annotations

from datetime import date

import pytest

from powledger.extract.ru.numerals import DATES as RU
from powledger.extract.slavic import DateParser
from powledger.extract.uk.numerals import DATES as UK

UK_DATES = DateParser(UK)
RU_DATES = DateParser(RU)
# A Monday: "у суботу" is two days earlier, "вчора" the Sunday.
MONDAY = date(2024, 9, 16)


def _one(
    parser: DateParser, text: str, published: date | None = MONDAY
) -> tuple[str, str | None, str | None]:
    spans = parser.find(text, published=published)
    assert len(spans) == 1, [(text[s.start : s.end], s.date) for s in spans]
    s = spans[0]
    return text[s.start : s.end], s.date, s.precision


def _cases(*rows: tuple[object, ...]) -> list[object]:
    """One ``pytest.param`` per row; the row's first item is its readable id."""
    return [pytest.param(*row[1:], id=str(row[0])) for row in rows]


ABSOLUTE = _cases(
    ("uk-full", UK_DATES, "Обмін відбувся 14 вересня 2024 року.", ("14 вересня 2024 року", "2024-09-14", "day")),
    ("uk-no-year", UK_DATES, "14 вересня повернулися 103 захисники", ("14 вересня", "2024-09-14", "day")),
    ("uk-short-year", UK_DATES, "Ще 1 січня 2025 р. повернули 189", ("1 січня 2025 р.", "2025-01-01", "day")),
    ("uk-numeric", UK_DATES, "станом на 14.09.2024", ("14.09.2024", "2024-09-14", "day")),
    ("uk-month-year", UK_DATES, "у вересні 2023 року", ("у вересні 2023 року", "2023-09", "month")),
    ("uk-in-month", UK_DATES, "ще у травні повернули", ("у травні", "2024-05", "month")),
    ("uk-year", UK_DATES, "у 2023 році", ("у 2023 році", "2023", "year")),
    ("ru-full", RU_DATES, "14 сентября 2024 года состоялся обмен", ("14 сентября 2024 года", "2024-09-14", "day")),
    ("ru-dateline", RU_DATES, "МОСКВА, 14 сентября. /ТАСС/.", ("14 сентября", "2024-09-14", "day")),
    ("ru-short-year", RU_DATES, "3 января 2024 г. вернули", ("3 января 2024 г.", "2024-01-03", "day")),
    ("ru-month-year", RU_DATES, "в феврале 2024 года", ("в феврале 2024 года", "2024-02", "month")),
    ("ru-year", RU_DATES, "в 2022 году", ("в 2022 году", "2022", "year")),
    ("ru-odd-case", RU_DATES, "Дата: 14 сентЯбря", ("14 сентЯбря", "2024-09-14", "day")),
)  # fmt: skip


@pytest.mark.parametrize(("parser", "text", "expected"), ABSOLUTE)
def test_absolute_dates(parser: DateParser, text: str, expected: tuple[str, str, str]) -> None:
    assert _one(parser, text) == expected


def test_a_december_date_read_in_january_is_last_year() -> None:
    assert _one(UK_DATES, "30 грудня повернули 150", date(2025, 1, 2))[1] == "2024-12-30"
    assert _one(RU_DATES, "30 декабря вернули 150", date(2025, 1, 2))[1] == "2024-12-30"
    # A date shortly after publication (an announced exchange) stays in the same year.
    assert _one(UK_DATES, "20 вересня", MONDAY)[1] == "2024-09-20"


# Weekdays resolve to the latest such day on or before publication; relative words count back
# from it. Both give one day-precise, past, relative date.
RELATIVE_DAYS = _cases(
    ("uk-saturday", UK_DATES, "У суботу додому повернулися 103 захисники", "2024-09-14"),
    ("uk-same-weekday-is-today", UK_DATES, "у понеділок повернули", "2024-09-16"),
    ("uk-last-friday", UK_DATES, "минулої п'ятниці", "2024-09-13"),
    ("uk-sunday", UK_DATES, "в неділю", "2024-09-15"),
    ("ru-friday", RU_DATES, "в пятницу вернулись", "2024-09-13"),
    ("ru-tuesday", RU_DATES, "Во вторник", "2024-09-10"),
    ("ru-last-monday", RU_DATES, "в прошлый понедельник", "2024-09-09"),
    ("ru-sunday", RU_DATES, "в воскресенье", "2024-09-15"),
    ("uk-today", UK_DATES, "Сьогодні повернулися", "2024-09-16"),
    ("uk-yesterday", UK_DATES, "вчора повернулися", "2024-09-15"),
    ("uk-yesterday-variant", UK_DATES, "учора повернулися", "2024-09-15"),
    ("uk-day-before", UK_DATES, "напередодні повернулися", "2024-09-15"),
    ("ru-today", RU_DATES, "сегодня повернулися", "2024-09-16"),
    ("ru-yesterday", RU_DATES, "Вчера повернулися", "2024-09-15"),
    ("ru-day-before", RU_DATES, "накануне повернулися", "2024-09-15"),
)


@pytest.mark.parametrize(("parser", "text", "iso"), RELATIVE_DAYS)
def test_relative_days_resolve_against_publication(parser: DateParser, text: str, iso: str) -> None:
    spans = parser.find(text, published=MONDAY)
    assert [(s.date, s.precision, s.relative, s.future) for s in spans] == [
        (iso, "day", True, False)
    ]


def test_next_weekday_and_tomorrow_are_future() -> None:
    uk = UK_DATES.find("наступної суботи", published=MONDAY)
    assert [(s.date, s.future) for s in uk] == [("2024-09-21", True)]
    ru = RU_DATES.find("завтра", published=MONDAY)
    assert [(s.date, s.future) for s in ru] == [("2024-09-17", True)]


def test_relative_dates_without_publication_stay_unresolved() -> None:
    spans = UK_DATES.find("Сьогодні повернулися", published=None)
    assert [(s.date, s.precision, s.relative) for s in spans] == [(None, None, True)]
    # An absolute date without a year cannot be placed without a publication date.
    assert UK_DATES.find("14 вересня", published=None) == []


def test_bare_weekday_heading_is_not_a_date() -> None:
    assert UK_DATES.find("Субота", published=MONDAY) == []


def test_impossible_days_fall_back_to_the_month() -> None:
    spans = UK_DATES.find("31 лютого 2024 року", published=MONDAY)
    assert [(s.date, s.precision) for s in spans] == [("2024-02", "month")]
    assert RU_DATES.find("45.13.2024", published=MONDAY) == []


def test_core_adapter_drops_future_dates() -> None:
    from powledger.extract.base import get_lexicon

    lexicon = get_lexicon("uk")
    assert lexicon is not None
    found = lexicon.find_dates("вчора повернулися, а завтра буде ще", MONDAY)
    assert [(d.iso, d.relative) for d in found] == [("2024-09-15", True)]


def test_the_eve_of_a_holiday_is_not_the_day_before_publication() -> None:
    assert UK_DATES.find("Напередодні Великодня повернули 277", published=MONDAY) == []
    assert RU_DATES.find("накануне Пасхи вернулись 246", published=MONDAY) == []
    spans = RU_DATES.find("Накануне Минобороны сообщило", published=MONDAY)
    assert [s.date for s in spans] == ["2024-09-15"]


def test_adjectives_of_yesterday_and_today() -> None:
    assert [s.date for s in UK_DATES.find("про вчорашній обмін", published=MONDAY)] == [
        "2024-09-15"
    ]
    assert [s.date for s in RU_DATES.find("о вчерашнем обмене", published=MONDAY)] == ["2024-09-15"]
    assert [s.date for s in UK_DATES.find("сьогоднішнього обміну", published=MONDAY)] == [
        "2024-09-16"
    ]


def test_a_range_of_days_ends_on_its_last_day_and_hides_its_numbers() -> None:
    from powledger.extract.base import get_lexicon

    text = "Обмін 23–25 травня: повернулися 1000 українців"
    assert [(s.date, s.precision) for s in UK_DATES.find(text, published=MONDAY)] == [
        ("2024-05-25", "day")
    ]
    lexicon = get_lexicon("uk")
    assert lexicon is not None
    assert [n.value for n in lexicon.find_numbers(text)] == [1000]
    spans = RU_DATES.find("с 23 по 25 мая проходил обмен", published=MONDAY)
    assert [s.date for s in spans] == ["2024-05-25"]
