"""The library detects the report's language when the caller does not give it."""

from __future__ import annotations

import pytest

import powledger

REPORTS = {
    "uk": "Сьогодні додому з російського полону повернулися 103 українські захисники, "
    "повідомив Координаційний штаб. Обмін відбувся за посередництва ОАЕ.",
    "ru": "Сегодня из плена возвращены 103 российских военнослужащих, сообщили в Минобороны "
    "России. Взамен переданы 103 военнопленных ВСУ.",
    "en": "Ukraine and Russia each handed over 103 prisoners of war on Saturday, officials said.",
}


@pytest.mark.parametrize("language", sorted(REPORTS))
def test_language_is_detected_when_not_given(language: str) -> None:
    result = powledger.extract(REPORTS[language], published="2024-09-14")
    assert result.language == language
    assert result.exchanges, "the exchange must be found without a language hint"
    assert 103 in result.exchanges[0].returned_to.values()


def test_a_given_language_wins() -> None:
    result = powledger.extract(REPORTS["en"], published="2024-09-14", language="en")
    assert result.language == "en"
