"""A speaker's own "we": handing over sends people to the other side, freeing brings them home."""

from __future__ import annotations

import powledger


def test_we_freed_in_a_ukrainian_officials_voice_is_not_given_away() -> None:
    text = (
        "Україна провела обмін полоненими з Росією.\n"
        "«Ми звільнили 140 людей, з них 90 — захисники Маріуполя», — заявив начальник ГУР "
        "Кирило Буданов. Натомість Росії передали 60 полонених."
    )
    result = powledger.extract(text, published="2023-05-20", language="uk")
    # The 140 freed are not handed to Russia (Russia got the 60 given "in return").
    assert [e.returned_to["Russia"] for e in result.exchanges] == [60]


def test_we_hand_over_in_a_russian_officials_voice_goes_to_the_other_side() -> None:
    text = (
        "Москалькова рассказала об обмене пленными. «Мы вернули 70 наших ребят, а передаем мы "
        "66 пленных», — сказала омбудсмен."
    )
    result = powledger.extract(text, published="2023-05-20", language="ru")
    assert [e.returned_to for e in result.exchanges] == [{"Russia": 70, "Ukraine": 66}]
