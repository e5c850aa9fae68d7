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


@pytest.mark.parametrize(
    ("parser", "text", "expected"),
    [
        pytest.param(
            UK_DATES,
            "Обмін відбувся 14 вересня 2024 року.",
            ("14 вересня 2024 року", "2024-09-14", "day"),
            id="uk-full",
        ),
        pytest.param(
            UK_DATES,
            "14 вересня повернулися 103 захисники",
            ("14 вересня", "2024-09-14", "day"),
            id="uk-no-year",
        ),
        pytest.param(
            UK_DATES,
            "Ще 1 січня 2025 р. повернули 189",
            ("1 січня 2025 р.", "2025-01-01", "day"),
            id="uk-short-year",
        ),
        pytest.param(
            UK_DATES, "станом на 14.09.2024", ("14.09.2024", "2024-09-14", "day"), id="uk-numeric"
        ),
        pytest.param(
            UK_DATES,
            "у вересні 2023 року",
            ("у вересні 2023 року", "2023-09", "month"),
            id="uk-month-year",
        ),
        pytest.param(
            UK_DATES, "ще у травні повернули", ("у травні", "2024-05", "month"), id="uk-in-month"
        ),
        pytest.param(UK_DATES, "у 2023 році", ("у 2023 році", "2023", "year"), id="uk-year"),
        pytest.param(
            RU_DATES,
            "14 сентября 2024 года состоялся обмен",
            ("14 сентября 2024 года", "2024-09-14", "day"),
            id="ru-full",
        ),
        pytest.param(
            RU_DATES,
            "МОСКВА, 14 сентября. /ТАСС/.",
            ("14 сентября", "2024-09-14", "day"),
            id="ru-dateline",
        ),
        pytest.param(
            RU_DATES,
            "3 января 2024 г. вернули",
            ("3 января 2024 г.", "2024-01-03", "day"),
            id="ru-short-year",
        ),
        pytest.param(
            RU_DATES,
            "в феврале 2024 года",
            ("в феврале 2024 года", "2024-02", "month"),
            id="ru-month-year",
        ),
        pytest.param(RU_DATES, "в 2022 году", ("в 2022 году", "2022", "year"), id="ru-year"),
        pytest.param(
            RU_DATES, "Дата: 14 сентЯбря", ("14 сентЯбря", "2024-09-14", "day"), id="ru-odd-case"
        ),
    ],
)
def test_absolute_dates(parser: DateParser, text: str, expected: tuple[str, str, str]) -> None:
    assert _one(parser, text) == expected


def test_a_december_date_read_in_january_is_last_year() -> None:
    assert _one(UK_DATES, "30 грудня повернули 150", date(2025, 1, 2))[1] == "2024-12-30"
    assert _one(RU_DATES, "30 декабря вернули 150", date(2025, 1, 2))[1] == "2024-12-30"
    # A date shortly after publication (an announced exchange) stays in the same year.
    assert _one(UK_DATES, "20 вересня", MONDAY)[1] == "2024-09-20"


@pytest.mark.parametrize(
    ("parser", "text", "iso"),
    [
        pytest.param(
            UK_DATES, "У суботу додому повернулися 103 захисники", "2024-09-14", id="uk-saturday"
        ),
        pytest.param(
            UK_DATES, "у понеділок повернули", "2024-09-16", id="uk-same-weekday-is-today"
        ),
        pytest.param(UK_DATES, "минулої п'ятниці", "2024-09-13", id="uk-last-friday"),
        pytest.param(UK_DATES, "в неділю", "2024-09-15", id="uk-sunday"),
        pytest.param(RU_DATES, "в пятницу вернулись", "2024-09-13", id="ru-friday"),
        pytest.param(RU_DATES, "Во вторник", "2024-09-10", id="ru-tuesday"),
        pytest.param(RU_DATES, "в прошлый понедельник", "2024-09-09", id="ru-last-monday"),
        pytest.param(RU_DATES, "в воскресенье", "2024-09-15", id="ru-sunday"),
    ],
)
def test_weekdays_resolve_to_the_latest_such_day(parser: DateParser, text: str, iso: str) -> None:
    spans = parser.find(text, published=MONDAY)
    assert [(s.date, s.precision, s.relative, s.future) for s in spans] == [
        (iso, "day", True, False)
    ]


@pytest.mark.parametrize(
    ("parser", "word", "iso"),
    [
        pytest.param(UK_DATES, "Сьогодні", "2024-09-16", id="uk-today"),
        pytest.param(UK_DATES, "вчора", "2024-09-15", id="uk-yesterday"),
        pytest.param(UK_DATES, "учора", "2024-09-15", id="uk-yesterday-variant"),
        pytest.param(UK_DATES, "напередодні", "2024-09-15", id="uk-day-before"),
        pytest.param(RU_DATES, "сегодня", "2024-09-16", id="ru-today"),
        pytest.param(RU_DATES, "Вчера", "2024-09-15", id="ru-yesterday"),
        pytest.param(RU_DATES, "накануне", "2024-09-15", id="ru-day-before"),
    ],
)
def test_relative_words(parser: DateParser, word: str, iso: str) -> None:
    spans = parser.find(f"{word} повернулися", published=MONDAY)
    assert [(s.date, s.relative) for s in spans] == [(iso, True)]


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
