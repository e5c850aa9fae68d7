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
