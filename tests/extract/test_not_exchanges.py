"""What is not a carried-out exchange: plans, trials, running totals, stocks, other numbers."""

from __future__ import annotations

import pytest

from powledger.extract.core import extract_document

PUB = "2025-05-20"

NOT_DONE = [
    (
        "plan-agreed",
        "Russia and Ukraine agreed to exchange 1,000 prisoners of war each, Zelensky said.",
    ),
    ("plan-will", "Kyiv will bring home 300 more soldiers next week, the headquarters said."),
    ("plan-ready", "Moscow said it was ready to hand over 6,000 bodies to Ukraine."),
    ("plan-hope", "Lubinets said he hoped the next exchange would return 500 people."),
    ("plan-called-for", "The pope called for the release of all prisoners of war."),
    ("plan-talks", "Talks on a new exchange of 84 prisoners for 84 are under way in Istanbul."),
    ("trial", "A court in Rostov sentenced 12 Ukrainian prisoners of war to long terms."),
    (
        "cumulative-since",
        "More than 4,500 Ukrainians have been freed from Russian captivity since 2022.",
    ),
    (
        "cumulative-so-far",
        "So far this year, 1,300 Russian servicemen have come home, the ministry said.",
    ),
    ("stock", "Kyiv says Russia still holds about 8,000 Ukrainian prisoners of war."),
    ("evacuation", "Police evacuated 200 people from the shelled district of Kharkiv."),
    ("sports", "The club traded two players to Dallas in a swap of forwards."),
    ("casualties", "At least 12 people were killed and 40 wounded in the missile strike."),
    ("brigade-and-age", "Soldiers of the 47th brigade, most of them aged 19 to 25, held the line."),
    ("weather", "Heavy snow is expected, with up to 20 centimetres in the Carpathians."),
    (
        "refugees",
        "Thousands of Ukrainians returned home from Poland this summer, border guards said.",
    ),
    (
        "athletes",
        "Ukraine brought home 12 athletes after the games; the prisoner swap talks stalled.",
    ),
    ("miners", "The bodies of 3 miners were recovered after the collapse near the exchange."),
    (
        "equipment",
        "Kyiv received 40 tanks from Germany, and Moscow got back 5 helicopters after the swap.",
    ),
    (
        "territory",
        "Ukraine freed 20 square kilometres of territory, Zelensky said, as prisoners waited.",
    ),
    (
        "settlements",
        "Russian forces captured 3 villages; Ukraine said it freed 2 settlements from captivity.",
    ),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_DONE])
def test_no_carried_out_exchange(text: str) -> None:
    result = extract_document(text, published=PUB, language="en")
    assert result.exchanges == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russia and Ukraine agreed to exchange 1,000 prisoners of war each.",
            {"Russia": 1000, "Ukraine": 1000},
            id="agreed-each",
        ),
        pytest.param(
            "Zelensky said Ukraine would bring home 300 more soldiers.",
            {"Ukraine": 300},
            id="would-bring-home",
        ),
    ],
)
def test_plans_go_to_planned(text: str, expected: dict[str, int]) -> None:
    result = extract_document(text, published=PUB, language="en")
    assert result.exchanges == ()
    assert result.planned
    got = {k: v for k, v in result.planned[0].returned_to.items() if v is not None}
    assert got == expected


def test_clutter_breaks_nothing() -> None:
    text = (
        "Listen to this article\n3 min\nShare this:\npic.twitter.com/AbC123xyz\n"
        "Russia and Ukraine each handed over 103 prisoners of war on Saturday.\nAdvertisement\n"
        "Read more: 10 things to know about winter tyres"
    )
    (exchange,) = extract_document(text, published="2024-09-14", language="en").exchanges
    assert exchange.returned_to == {"Russia": 103, "Ukraine": 103}


def test_other_conflict_keeps_its_parties() -> None:
    text = "Armenia and Azerbaijan exchanged 32 prisoners each on Thursday, both governments said."
    (exchange,) = extract_document(text, published="2023-12-14", language="en").exchanges
    assert exchange.parties == ("Armenia", "Azerbaijan")
    assert exchange.returned_to == {"Armenia": 32, "Azerbaijan": 32}


def test_all_for_all_is_an_open_plan() -> None:
    text = "Ukraine remains ready for an exchange on the all-for-all principle, the ombudsman said."
    result = extract_document(text, published=PUB, language="en")
    assert result.exchanges == ()
    (plan,) = result.planned
    assert plan.returned_to == {"Russia": None, "Ukraine": None}


def test_numbered_and_open_plans_stay_apart() -> None:
    text = (
        "Russia and Ukraine agreed to exchange 1,200 prisoners of war each. "
        "Kyiv still wants an all-for-all swap."
    )
    result = extract_document(text, published=PUB, language="en")
    assert [p.returned_to["Ukraine"] for p in result.planned] == [1200, None]
