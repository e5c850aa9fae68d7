"""Totals given as parts, grand totals of both sides, and swaps with no direction."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

SUMS = [
    pytest.param(
        "Kyiv's Coordination Headquarters said 175 soldiers and 22 civilians came home on Tuesday.",
        "Ukraine", 197, id="soldiers-and-civilians",
    ),
    pytest.param(
        "MOSCOW (wire) - The defence ministry in Moscow said 246 servicemen plus 15 seriously "
        "wounded had been returned from territory controlled by Kyiv.",
        "Russia", 261, id="plus-seriously-wounded",
    ),
    pytest.param(
        "Zelensky said 82 privates and sergeants and 21 officers were back home from Russian "
        "captivity.",
        "Ukraine", 103, id="ranks-listed",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "side", "value"), SUMS)
def test_parts_are_summed_and_flagged_derived(text: str, side: str, value: int) -> None:
    ex = extract_text(text, published="2024-06-25", language="en").exchanges[0]
    assert ex.returned_to[side] == value
    assert any(c.derived and c.value == value for c in ex.claims)
    # The parts are kept; "246 servicemen plus 15 seriously wounded" names one category only
    # (servicemen are the whole group, not a "soldiers" part: see docs/extraction.md).
    assert ex.composition


GRAND = [
    pytest.param(
        "Abu Dhabi's foreign ministry said its mediation resulted in the release of 150 captives "
        "from each side, 300 in all.", 150, id="uae-each-side-in-all",
    ),
    pytest.param(
        "The exchange, brokered by Turkey, freed 75 prisoners on each side, 150 altogether.",
        75, id="on-each-side-altogether",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), GRAND)
def test_grand_total_of_both_sides_is_no_sides_figure(text: str, value: int) -> None:
    ex = extract_text(text, published="2025-01-05", language="en").exchanges[0]
    assert ex.returned_to == {"Russia": value, "Ukraine": value}


MUTUAL = [
    pytest.param("The two sides swapped 390 prisoners on Friday, officials said.", 390, id="two-sides-swapped"),
    pytest.param("Russia and Ukraine exchanged 84 POWs on Wednesday.", 84, id="pair-exchanged"),
    pytest.param("Moscow and Kyiv traded 103 captives in the latest deal brokered by Abu Dhabi.", 103, id="cities-traded"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), MUTUAL)
def test_swap_without_each_fills_both_sides(text: str, value: int) -> None:
    ex = extract_text(text, published="2025-05-23", language="en").exchanges[0]
    assert ex.returned_to == {"Russia": value, "Ukraine": value}


def test_swap_with_a_total_of_stays_unsplit() -> None:
    text = "Russia and Ukraine exchanged a total of 84 prisoners on Wednesday."
    ex = extract_text(text, published="2025-02-05", language="en").exchanges[0]
    assert ex.returned_to == {"Russia": None, "Ukraine": None}


def test_received_from_names_the_giver() -> None:
    text = (
        "Moscow said it had received 307 soldiers from Ukraine in the second stage of the swap, "
        "and returned the same number of Ukrainian servicemen."
    )
    ex = extract_text(text, published="2025-05-24", language="en").exchanges[0]
    assert ex.returned_to == {"Russia": 307, "Ukraine": 307}


def test_exchanged_by_both_parties_has_no_direction() -> None:
    text = "Over 1,000 prisoners were exchanged by Russia and Ukraine over three days."
    ex = extract_text(text, published="2025-05-25", language="en").exchanges[0]
    assert ex.returned_to == {"Russia": None, "Ukraine": None}
