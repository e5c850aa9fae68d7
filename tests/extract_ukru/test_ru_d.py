"""Russian reports, fourth pass (ru4): phrasings in sentences of our own.

The corpus documents of this pass are in tests/corpus/ru/set_d.jsonl.
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger


def _main(text: str, published: str | None = "2025-03-20") -> Any:
    result = powledger.extract(text, published=published, language="ru")
    assert result.exchanges, "no exchange found"
    return result.exchanges[0]


# --- a nationality noun vetoes a mediator only when the name follows it ------------------------


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        (
            "Россия и Украина 19 марта обменялись пленными, по 90 человек. Посредническую миссию "
            "при возвращении российских граждан выполнил Катар.",
            "Qatar",
        ),
        (
            "Домой вернулись 120 украинских военных, сообщил 19 марта Зеленский. Помощь в "
            "освобождении наших граждан оказали Объединенные Арабские Эмираты.",
            "United Arab Emirates",
        ),
    ],
)
def test_citizens_before_a_verb_do_not_veto_the_mediator(text: str, mediator: str) -> None:
    assert mediator in _main(text).mediators


@pytest.mark.parametrize(
    "text",
    [
        "Россия и Украина 19 марта обменялись пленными, по 90 человек. Среди освобожденных — "
        "граждане Великобритании и США, им помогли волонтеры.",
        "Россия и Украина 19 марта обменялись пленными, по 90 человек. Среди вернувшихся — "
        "уроженцы Казахстана.",
    ],
)
def test_a_nationality_before_a_state_name_is_no_mediator(text: str) -> None:
    assert _main(text).mediators == ()


# --- "Россия — столько же" after a list of groups copies the groups ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Россия и Украина 13 июня провели обмен. Украина получила 190 военных и 15 гражданских, "
        "Россия — столько же.",
        "Второй день обмена, 13 июня: Киеву вернули 190 военнослужащих и 15 мирных жителей, "
        "Россия получила столько же.",
    ],
)
def test_the_same_number_after_a_list_copies_the_groups(text: str) -> None:
    ex = _main(text, "2025-06-14")
    assert ex.returned_to == {"Russia": 205, "Ukraine": 205}
    groups = {(f.side, f.category, f.count) for f in ex.composition}
    assert ("Russia", "soldiers", 190) in groups
    assert ("Russia", "civilians", 15) in groups


def test_the_same_number_of_a_single_figure_lists_no_groups() -> None:
    ex = _main(
        "Россия и Украина 13 июня провели обмен. Украина получила 205 человек, Россия — столько же.",
        "2025-06-14",
    )
    assert ex.returned_to == {"Russia": 205, "Ukraine": 205}
    assert ex.composition == ()
