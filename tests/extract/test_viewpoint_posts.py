"""Short posts in a side's own voice ("Ще 95 наших вдома!"): the count goes to the speaker's side."""

from __future__ import annotations

import pytest

import powledger


@pytest.mark.parametrize(
    ("language", "text", "side", "value"),
    [
        pytest.param(
            "en", "Zelensky: Another 95 of ours are home.", "Ukraine", 95, id="en-of-ours-home"
        ),
        pytest.param(
            "en",
            "We brought 64 of ours home today, Zelensky said.",
            "Ukraine",
            64,
            id="en-brought-of-ours-home",
        ),
        pytest.param(
            "uk", "Володимир Зеленський: Ще 95 наших вдома!", "Ukraine", 95, id="uk-nashykh-vdoma"
        ),
        pytest.param(
            "uk", "Ще 128 наших повернулися додому!", "Ukraine", 128, id="uk-nashykh-povernulysia"
        ),
        pytest.param(
            "ru",
            "Министерство обороны России: Ещё 95 наших дома.",
            "Russia",
            95,
            id="ru-mod-voice-nashikh-doma",
        ),
        pytest.param(
            "ru",
            "Минобороны России: ещё 84 наших вернулись домой.",
            "Russia",
            84,
            id="ru-mod-voice-vernulis",
        ),
        pytest.param(
            "ru",
            "Ещё 110 наших дома, написал Зеленский.",
            "Ukraine",
            110,
            id="ru-text-ukrainian-voice",
        ),
    ],
)
def test_short_post_counts_for_the_speaker(language: str, text: str, side: str, value: int) -> None:
    result = powledger.extract(text, published="2024-09-14", language=language)
    assert len(result.exchanges) == 1
    assert result.exchanges[0].returned_to[side] == value
    assert [c.side for c in result.exchanges[0].claims] == [side]
    assert not result.planned


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ещё 95 наших дома.", id="ru-no-voice"),
        pytest.param("Ещё 95 наших вернулись домой!", id="ru-no-voice-verb"),
    ],
)
def test_russian_first_person_without_a_voice_gets_no_side(text: str) -> None:
    result = powledger.extract(text, published="2024-09-14", language="ru")
    sides = {c.side for ex in result.exchanges for c in ex.claims}
    assert "Ukraine" not in sides and "Russia" not in sides


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Our people are home! 207 of them today.", 207, id="of-them-today"),
        pytest.param(
            "Our people are home! 207 of them today. Volodymyr Zelensky", 207, id="signed-post"
        ),
        pytest.param("Our heroes are back home. 84 of them, all soldiers.", 84, id="of-them-comma"),
    ],
)
def test_of_them_after_a_homecoming_counts_that_group(text: str, value: int) -> None:
    result = powledger.extract(text, published="2024-09-14", language="en")
    assert len(result.exchanges) == 1
    assert result.exchanges[0].returned_to["Ukraine"] == value


def test_of_them_with_its_own_verb_is_not_read_as_a_bare_group() -> None:
    text = "Our people are home! 12 of them need surgery in Kyiv."
    result = powledger.extract(text, published="2024-09-14", language="en")
    values = [c.value for ex in result.exchanges for c in ex.claims]
    assert 12 not in values
