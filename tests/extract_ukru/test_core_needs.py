"""What Ukrainian and Russian needed from the shared core: once strict ``xfail`` tests, all pass now.

A new gap goes here as a strict ``xfail`` with its reason (strict mode turns a pass into a
failure, so the marker is removed when the core closes it); open gaps are described in
docs/languages.md ("Known gaps").
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger


def _claims(language: str, text: str, published: str | None = "2025-03-19") -> list[Any]:
    result = powledger.extract(text, published=published, language=language)
    return [c for ex in result.exchanges for c in ex.claims]


@pytest.mark.parametrize(
    ("language", "text", "actor"),
    [
        pytest.param(
            "uk",
            "Сьогодні додому повернулися 175 захисників. Про це повідомив Володимир Зеленський.",
            "Volodymyr Zelensky",
            id="uk-about-this-reported",
        ),
        pytest.param(
            "ru",
            "Из плена возвращены 175 российских военнослужащих. Об этом сообщили в Минобороны России.",
            "Russian Ministry of Defence",
            id="ru-about-this-reported",
        ),
    ],
)
def test_attribution_given_after_the_fact(language: str, text: str, actor: str) -> None:
    assert [c.asserted_by for c in _claims(language, text)] == [actor]


def test_a_cyrillic_dateline_is_the_reference_for_yesterday() -> None:
    text = "МОСКВА, 14 сентября 2024 года. /ТАСС/. Вчера из плена вернулись 103 российских военных."
    result = powledger.extract(text, published=None, language="ru")
    assert [ex.date for ex in result.exchanges] == ["2024-09-13"]


def test_dozens_of_ukrainians_is_an_approximate_count() -> None:
    text = "Сьогодні з російського полону додому повернулися десятки українських військових."
    assert [(c.value, c.approximate) for c in _claims("uk", text)] == [(None, True)]


def test_a_part_takes_the_side_of_its_head() -> None:
    text = "Из плена вернулись 150 российских военнослужащих, включая 10 офицеров."
    assert {c.side for c in _claims("ru", text)} == {"Russia"}
