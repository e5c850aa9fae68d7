"""Explainers recall older exchanges and past mediators: neither is this exchange's."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

BACKGROUND = [
    pytest.param(
        "Russia and Ukraine exchanged 103 prisoners each on Saturday, officials said. "
        "The last swap saw 230 Ukrainians return home.",
        id="the-last-swap",
    ),
    pytest.param(
        "Kyiv brought home 103 defenders on Saturday, the Coordination Headquarters said.\n"
        "Previously, Ukraine got back 95 soldiers in an exchange mediated by Qatar.",
        id="previously-paragraph",
    ),
    pytest.param(
        "LIVE: 103 Ukrainians are home after Saturday's swap, Zelensky says\n"
        "In an earlier exchange, 75 prisoners were returned to each side.",
        id="live-blog-earlier-exchange",
    ),
]  # fmt: skip


@pytest.mark.parametrize("text", BACKGROUND)
def test_recalled_exchange_without_date_is_no_second_exchange(text: str) -> None:
    result = extract_text(text, published="2024-09-14", language="en")
    assert len(result.exchanges) == 1
    assert result.exchanges[0].returned_to["Ukraine"] == 103
    assert result.exchanges[0].mediators == ()


PAST_MEDIATORS = [
    pytest.param(
        "Russia and Ukraine each released 103 prisoners of war on Saturday in a deal mediated by "
        "the UAE. Previous exchanges have been mediated by Turkey, Saudi Arabia and Qatar.",
        ("United Arab Emirates",), id="previous-exchanges-list",
    ),
    pytest.param(
        "The swap of 49 for 49 on Monday was brokered by Qatar. Turkey and the Vatican have also "
        "helped in talks over the years.",
        ("Qatar",), id="also-helped-over-the-years",
    ),
    pytest.param(
        "Ukraine and Russia each freed 90 captives on Tuesday.\n"
        "The United Arab Emirates, which has brokered most of the exchanges this year, mediated "
        "again.",
        ("United Arab Emirates",), id="apposition-keeps-mediator",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mediators"), PAST_MEDIATORS)
def test_only_this_exchanges_mediators(text: str, mediators: tuple[str, ...]) -> None:
    ex = extract_text(text, published="2024-09-17", language="en").exchanges[0]
    assert ex.mediators == mediators
