"""Diplomatic and battlefield news that uses the words of a swap, and offers that are plans."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

NOTHING = [
    pytest.param("Azerbaijan and Armenia exchanged fire overnight, the defence ministry in Baku said, adding that 3 soldiers were wounded.", id="exchanged-fire"),
    pytest.param("Armenia and Azerbaijan swapped letters on border demarcation; 12 villages are affected.", id="swapped-letters"),
    pytest.param("Armenia and Azerbaijan exchanged draft peace proposals on Thursday, and 2 delegations met in Geneva.", id="exchanged-proposals"),
    pytest.param("Russia and Ukraine exchanged strikes overnight; 12 drones were shot down, officials said.", id="exchanged-strikes"),
    pytest.param("Armenia says Azerbaijan holds 23 Armenians, including former leaders of Nagorno-Karabakh, who are on trial in Baku.", id="held-on-trial"),
]  # fmt: skip


@pytest.mark.parametrize("text", NOTHING)
def test_no_exchange_and_no_plan(text: str) -> None:
    result = extract_text(text, published="2025-05-10", language="en")
    assert result.exchanges == ()
    assert result.planned == ()


def test_ready_for_an_exchange_is_a_plan() -> None:
    text = "Russia said on Monday it was ready for a new exchange of 500 prisoners, but accused Kyiv of delays."
    result = extract_text(text, published="2025-05-10", language="en")
    assert result.exchanges == ()
    assert len(result.planned) == 1
