"""Ukrainian and Russian numbers: digits, words in every case, compounds, hedges, vague amounts."""

from __future__ import annotations

import pytest

from powledger.extract.ru.numerals import NUMERALS as RU
from powledger.extract.slavic import NumberSpan, NumeralParser
from powledger.extract.uk.numerals import NUMERALS as UK

UK_PARSER = NumeralParser(UK)
RU_PARSER = NumeralParser(RU)


def _numbers(parser: NumeralParser, text: str) -> list[tuple[str, int | None, bool]]:
    return [(text[s.start : s.end], s.value, s.approximate) for s in parser.find(text)]


def _single(parser: NumeralParser, text: str) -> NumberSpan:
    spans = parser.find(text)
    assert len(spans) == 1, [text[s.start : s.end] for s in spans]
    return spans[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("додому повернулися двохсот сімох", 207, id="genitive-compound"),
        pytest.param("зустріли двісті сім захисників", 207, id="nominative-compound"),
        pytest.param("серед ста трьох звільнених", 103, id="genitive-hundred"),
        pytest.param("повернулися сто три бійці", 103, id="nominative-hundred"),
        pytest.param("обмін на тисячу осіб", 1000, id="accusative-thousand"),
        pytest.param("понад півтори сотні полонених", 150, id="one-and-a-half-hundreds"),
        pytest.param("майже сотня людей", 100, id="noun-hundred"),
        pytest.param("дві сотні військових", 200, id="two-hundreds"),
        pytest.param("з п'ятьма офіцерами", 5, id="instrumental-five"),
        pytest.param("з п’ятьма офіцерами", 5, id="curly-apostrophe"),
        pytest.param("з пʼятьма офіцерами", 5, id="modifier-apostrophe"),
        pytest.param("тисяча двісті сорок сім", 1247, id="thousand-compound"),
        pytest.param("дві тисячі триста", 2300, id="two-thousand"),
        pytest.param("двоє цивільних", 2, id="collective"),
        pytest.param("дев'яноста п'яти громадянам", 95, id="dative-95"),
        pytest.param("сорока чотирьох жінок", 44, id="genitive-44"),
        pytest.param("одинадцятьох моряків", 11, id="collective-eleven"),
        pytest.param("півсотні людей", 50, id="half-hundred"),
    ],
)
def test_ukrainian_words(text: str, value: int) -> None:
    span = _single(UK_PARSER, text)
    assert span.value == value
    assert span.in_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("вернулись двухсот пятидесяти военнослужащих", 250, id="genitive-compound"),
        pytest.param("двести пятьдесят военнослужащих", 250, id="nominative-compound"),
        pytest.param("более ста трех человек", 103, id="genitive-hundred"),
        pytest.param("сто три бойца", 103, id="nominative-hundred"),
        pytest.param("тысяча пленных", 1000, id="thousand"),
        pytest.param("полторы сотни пленных", 150, id="one-and-a-half-hundreds"),
        pytest.param("полтораста человек", 150, id="polutorasta"),
        pytest.param("с двумястами военными", 200, id="instrumental-200"),
        pytest.param("трое гражданских", 3, id="collective"),
        pytest.param("пятерых военнослужащих", 5, id="collective-genitive"),
        pytest.param("двадцатью семью пленными", 27, id="family-homonym-in-compound"),
        pytest.param("сорока восьми военных", 48, id="genitive-48"),
        pytest.param("восемьюстами пленными", 800, id="instrumental-800"),
        pytest.param("две тысячи пятьсот", 2500, id="two-thousand"),
    ],
)
def test_russian_words(text: str, value: int) -> None:
    span = _single(RU_PARSER, text)
    assert span.value == value


@pytest.mark.parametrize(
    ("parser", "text", "value"),
    [
        pytest.param(UK_PARSER, "повернулися 1 000 людей", 1000, id="uk-space"),
        pytest.param(UK_PARSER, "повернулися 1\u00a0000 людей", 1000, id="uk-nbsp"),
        pytest.param(UK_PARSER, "повернулися 1\u202f000 людей", 1000, id="uk-narrow-nbsp"),
        pytest.param(UK_PARSER, "1,2 тис. осіб", 1200, id="uk-decimal-thousand"),
        pytest.param(UK_PARSER, "4 тисячі полонених", 4000, id="uk-digits-thousand"),
        pytest.param(RU_PARSER, "2,5 тыс. человек", 2500, id="ru-decimal-thousand"),
        pytest.param(RU_PARSER, "95-ти военных", 95, id="ru-case-ending"),
        pytest.param(UK_PARSER, "95-ти бійців", 95, id="uk-case-ending"),
        pytest.param(UK_PARSER, "103-х захисників", 103, id="uk-genitive-ending"),
    ],
)
def test_digits(parser: NumeralParser, text: str, value: int) -> None:
    span = _single(parser, text)
    assert span.value == value
    assert not span.in_words


@pytest.mark.parametrize(
    ("parser", "text", "marker"),
    [
        pytest.param(UK_PARSER, "понад 200 людей", "понад", id="uk-ponad"),
        pytest.param(UK_PARSER, "більше ніж двісті людей", "більше ніж", id="uk-bilshe-nizh"),
        pytest.param(
            UK_PARSER, "близько тисячі людей", "близько", id="uk-blyzko-genitive-thousand"
        ),
        pytest.param(UK_PARSER, "майже 90 бійців", "майже", id="uk-mayzhe"),
        pytest.param(UK_PARSER, "щонайменше сорок", "щонайменше", id="uk-shchonaimenshe"),
        pytest.param(RU_PARSER, "более 150 военных", "более", id="ru-bolee"),
        pytest.param(RU_PARSER, "свыше двухсот человек", "свыше", id="ru-svyshe"),
        pytest.param(RU_PARSER, "около сотни пленных", "около", id="ru-okolo-genitive-hundred"),
        pytest.param(RU_PARSER, "почти 90 военных", "почти", id="ru-pochti"),
        pytest.param(RU_PARSER, "порядка 300 человек", "порядка", id="ru-poryadka"),
        pytest.param(RU_PARSER, "не менее 50 пленных", "не менее", id="ru-ne-menee"),
    ],
)
def test_hedges_make_a_number_approximate(parser: NumeralParser, text: str, marker: str) -> None:
    span = _single(parser, text)
    assert span.approximate
    assert span.approx_start is not None
    assert text[span.approx_start :].startswith(marker)


def test_hedged_genitive_singular_is_one_unit() -> None:
    assert _single(UK_PARSER, "близько тисячі").value == 1000
    assert _single(RU_PARSER, "более сотни").value == 100


@pytest.mark.parametrize(
    ("parser", "text", "low", "high"),
    [
        pytest.param(UK_PARSER, "десятки цивільних", 20, 99, id="uk-tens"),
        pytest.param(UK_PARSER, "кілька сотень полонених", 200, 999, id="uk-several-hundreds"),
        pytest.param(UK_PARSER, "тисячі українців", 2000, 9999, id="uk-thousands"),
        pytest.param(RU_PARSER, "несколько десятков пленных", 20, 99, id="ru-several-tens"),
        pytest.param(RU_PARSER, "сотни пленных", 200, 999, id="ru-hundreds"),
    ],
)
def test_vague_amounts_have_a_range_and_no_value(
    parser: NumeralParser, text: str, low: int, high: int
) -> None:
    span = _single(parser, text)
    assert span.value is None and span.vague and span.approximate
    assert (span.low, span.high) == (low, high)


@pytest.mark.parametrize(
    ("parser", "text"),
    [
        pytest.param(UK_PARSER, "сьома година ранку", id="uk-ordinal-homonym"),
        pytest.param(RU_PARSER, "вернулся в семью", id="ru-family"),
        pytest.param(RU_PARSER, "одни женщины", id="ru-only"),
        pytest.param(UK_PARSER, "півтори години", id="uk-half-alone"),
    ],
)
def test_homonyms_are_not_numbers(parser: NumeralParser, text: str) -> None:
    assert parser.find(text) == []


def test_two_numbers_in_a_row_stay_apart() -> None:
    assert _numbers(UK_PARSER, "обмін сто на сто") == [("сто", 100, False), ("сто", 100, False)]
    assert [v for _t, v, _a in _numbers(RU_PARSER, "сто двести")] == [100, 200]


def test_ordinals_and_adjectives_are_flagged_or_dropped() -> None:
    assert [s.ordinal for s in UK_PARSER.find("64-й обмін")] == [True]
    assert [s.ordinal for s in RU_PARSER.find("84-го обмена")] == [True]
    assert UK_PARSER.find("47-річний прикордонник") == []
    assert RU_PARSER.find("30% пленных") == []


def test_one_of_many_keeps_the_many() -> None:
    assert _numbers(UK_PARSER, "один з 303 звільнених") == [("303", 303, False)]
    assert _numbers(RU_PARSER, "одна из 95 женщин") == [("95", 95, False)]


def test_spans_index_the_original_text() -> None:
    text = "Сьогодні ДВОХСОТ СІМОХ наших — вдома, а ще близько 1 000 чекають."
    spans = UK_PARSER.find(text)
    assert [text[s.start : s.end] for s in spans] == ["ДВОХСОТ СІМОХ", "1 000"]
    assert text[spans[1].approx_start or 0 : spans[1].end] == "близько 1 000"


def test_clock_times_are_not_numbers() -> None:
    assert _numbers(RU_PARSER, "10:15 Российские военные освободили") == []
    assert _numbers(UK_PARSER, "о 13:30 повернулися 95 захисників") == [("95", 95, False)]
