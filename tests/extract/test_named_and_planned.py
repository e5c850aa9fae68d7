"""Named persons handed over with a group, and the many ways a swap is only announced."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

NAMED = [
    pytest.param(
        "Former lawmaker Viktor Medvedchuk was handed over to Russia along with 55 prisoners on "
        "Wednesday, while 215 Ukrainians returned home, Zelensky said.",
        {"Russia": 56, "Ukraine": 215}, id="medvedchuk-wire",
    ),
    pytest.param(
        "Pro-Kremlin politician Viktor Medvedchuk was released to Russia together with 55 other "
        "captives. In return, 215 Ukrainians were freed.",
        {"Russia": 56, "Ukraine": 215}, id="medvedchuk-two-sentences",
    ),
]  # fmt: skip


NAMED += [
    pytest.param(
        "In exchange for Medvedchuk and 55 Russian servicemen, Ukraine received 215 people, "
        "Zelensky said. Among them were 108 Azov fighters.",
        {"Russia": 56, "Ukraine": 215}, id="name-and-count",
    ),
    pytest.param(
        "A total of 215 Ukrainians were freed in the swap, including 108 members of the Azov "
        "regiment. Russia got back 55 soldiers.",
        {"Russia": 55, "Ukraine": 215}, id="a-total-of-in-the-swap-keeps-215",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_person_adds_to_the_group(text: str, expected: dict[str, int]) -> None:
    ex = extract_text(text, published="2022-09-22", language="en").exchanges[0]
    assert ex.returned_to == expected


PLANNED = [
    pytest.param("Ukraine and Russia reached a deal to release 1,000 prisoners each in the coming days.", id="deal-coming-days"),
    pytest.param("Moscow will hand over 500 Ukrainians, the Kremlin said.", id="will-hand-over"),
    pytest.param("The sides agreed to swap 1,000 prisoners each, the negotiators said in Istanbul.", id="agreed-to-swap"),
    pytest.param("The two countries are expected to exchange 300 prisoners next week.", id="expected-to"),
    pytest.param("Kyiv and Moscow are preparing an exchange of 84 prisoners of war, officials say.", id="preparing"),
]  # fmt: skip


@pytest.mark.parametrize("text", PLANNED)
def test_announced_swaps_are_planned_not_done(text: str) -> None:
    result = extract_text(text, published="2025-05-16", language="en")
    assert result.exchanges == ()
    assert len(result.planned) == 1
