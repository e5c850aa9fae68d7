"""'The same number' / «столько же» / «таку саму кількість»: the counterpart gets that figure."""

from __future__ import annotations

import pytest

import powledger


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param(
            "en",
            "Ukraine got back 150 soldiers on Friday, and the same number of Russian "
            "servicemen were handed over, the Coordination Headquarters said.",
            {"Ukraine": 150, "Russia": 150},
            id="en-same-number-of-russian-servicemen",
        ),
        pytest.param(
            "en",
            "Kyiv brought home 84 defenders; an equal number of Russian troops went back "
            "to Russia, Zelensky said.",
            {"Ukraine": 84, "Russia": 84},
            id="en-equal-number-of-troops",
        ),
        pytest.param(
            "en",
            "Ukraine returned 90 prisoners home. Russia received the same number, the ministry said.",
            {"Ukraine": 90, "Russia": 90},
            id="en-same-number-next-sentence",
        ),
        pytest.param(
            "en",
            "Ukraine brought home 115 soldiers, and Russia received a matching number of its "
            "troops, officials said.",
            {"Ukraine": 115, "Russia": 115},
            id="en-matching-number",
        ),
        pytest.param(
            "uk",
            "Україна повернула додому 95 захисників, Росії передали таку саму кількість "
            "полонених, повідомив Координаційний штаб.",
            {"Ukraine": 95, "Russia": 95},
            id="uk-taku-samu-kilkist-dative",
        ),
        pytest.param(
            "uk",
            "Додому повернулися 95 українців. Росія отримала стільки ж військовополонених, "
            "заявив Зеленський.",
            {"Ukraine": 95, "Russia": 95},
            id="uk-stilky-zh-next-sentence",
        ),
        pytest.param(
            "uk",
            "Додому повернулися 120 оборонців. Російській стороні віддали стільки само "
            "військовополонених.",
            {"Ukraine": 120, "Russia": 120},
            id="uk-stilky-samo",
        ),
        pytest.param(
            "ru",
            "Минобороны России сообщило, что из Украины возвращены 95 российских "
            "военнослужащих. Украине передано столько же военнопленных.",
            {"Ukraine": 95, "Russia": 95},
            id="ru-stolko-zhe-passive",
        ),
        pytest.param(
            "ru",
            "Из украинского плена вернулись 84 российских военнослужащих, Украине передали "
            "столько же пленных.",
            {"Ukraine": 84, "Russia": 84},
            id="ru-stolko-zhe-dative-same-sentence",
        ),
        pytest.param(
            "ru",
            "Из украинского плена вернулись 84 российских военнослужащих, Украине передали "
            "одинаковое количество пленных, сообщило Минобороны России.",
            {"Ukraine": 84, "Russia": 84},
            id="ru-odinakovoe-kolichestvo",
        ),
    ],
)
def test_same_number_goes_to_the_other_side(
    language: str, text: str, expected: dict[str, int]
) -> None:
    result = powledger.extract(text, published="2024-09-14", language=language)
    assert len(result.exchanges) == 1
    assert result.exchanges[0].returned_to == expected


def test_same_number_under_one_verb_stays_with_that_side() -> None:
    text = "Ukraine brought home 90 soldiers and the same number of civilians on Friday."
    result = powledger.extract(text, published="2024-09-14", language="en")
    claims = [c for ex in result.exchanges for c in ex.claims]
    civilians = [c for c in claims if c.category == "civilians"]
    assert [(c.side, c.value) for c in civilians] == [("Ukraine", 90)]
    assert result.exchanges[0].returned_to.get("Russia") is None
