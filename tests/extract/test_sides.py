"""Which side received whom: one small report per way of writing it, all worded for this test."""

from __future__ import annotations

import pytest

from powledger.extract.core import extract_document

PUB = "2024-09-14"  # a Saturday

CASES = [
    # (id, text, expected returned_to of the main exchange)
    ("giver-subject", "Russia returned 103 Ukrainians on Saturday.", {"Ukraine": 103}),
    (
        "giver-subject-pow",
        "Moscow handed over 87 prisoners of war to Kyiv on Saturday.",
        {"Ukraine": 87},
    ),
    ("receiver-subject", "Kyiv brought home 189 former captives on Saturday.", {"Ukraine": 189}),
    (
        "receiver-subject-secured",
        "Ukraine secured the release of 49 people held by Russia.",
        {"Ukraine": 49},
    ),
    (
        "for-with-demonyms",
        "106 Russian prisoners of war were freed in exchange for 100 Ukrainians.",
        {"Russia": 106, "Ukraine": 100},
    ),
    (
        "n-for-n",
        "The two countries carried out a 95 for 95 swap on Saturday.",
        {"Russia": 95, "Ukraine": 95},
    ),
    (
        "n-hyphen-for-n",
        "Russia and Ukraine completed a 75-for-75 prisoner swap.",
        {"Russia": 75, "Ukraine": 75},
    ),
    (
        "each-handed-over",
        "Russia and Ukraine each handed over 103 prisoners of war on Saturday.",
        {"Russia": 103, "Ukraine": 103},
    ),
    ("n-each", "The sides swapped 115 captives each.", {"Russia": 115, "Ukraine": 115}),
    (
        "from-each-side",
        "In all 180 prisoners were released, 90 from each side, officials said.",
        {"Russia": 90, "Ukraine": 90},
    ),
    (
        "our-people-official",
        '"Two hundred and seven of our people have returned," Zelensky wrote on Telegram.',
        {"Ukraine": 207},
    ),
    (
        "our-guys-russian-official",
        "Tatyana Moskalkova: today 60 of our guys came back home from captivity.",
        {"Russia": 60},
    ),
    (
        "from-captivity",
        "Another 49 people were released from Russian captivity on Saturday.",
        {"Ukraine": 49},
    ),
    (
        "from-ukrainian-captivity",
        "Sixty servicemen were freed from Ukrainian captivity, the ministry said.",
        {"Russia": 60},
    ),
    ("held-by", "The 34 civilians held by Moscow came home on Saturday.", {"Ukraine": 34}),
    (
        "territory-controlled-by",
        "82 servicemen were returned from territory controlled by Kyiv.",
        {"Russia": 82},
    ),
    (
        "in-return-handed-over",
        "Ninety Russian servicemen came home. In return, 90 Ukrainian POWs were handed over.",
        {"Russia": 90, "Ukraine": 90},
    ),
    (
        "demonym-noun",
        "The exchange freed 230 Ukrainians and 248 Russians.",
        {"Ukraine": 230, "Russia": 248},
    ),
    (
        "demonym-adjective-only",
        "The swap released 478 people: 248 Russian and 230 Ukrainian.",
        {"Ukraine": 230, "Russia": 248},
    ),
    ("its-own", "Moscow said 150 of its soldiers had come back.", {"Russia": 150}),
    (
        "relative-clause",
        "The 25 civilians Russia released on Saturday are in hospital.",
        {"Ukraine": 25},
    ),
    (
        "number-of-at",
        "Russia's defence ministry put the number of Russian servicemen it got back at 248.",
        {"Russia": 248},
    ),
    (
        "parts-sum",
        "Kyiv said 175 soldiers and 22 civilians came home from Russian captivity.",
        {"Ukraine": 197},
    ),
    (
        "additional-group",
        "Russia returned 175 Ukrainian POWs. It also handed over 22 seriously wounded Ukrainian soldiers.",
        {"Ukraine": 197},
    ),
    (
        "approximate",
        "More than 200 Ukrainian prisoners of war returned home on Saturday.",
        {"Ukraine": 200},
    ),
    (
        "words-number",
        "Ninety-five Ukrainian defenders are home, the president said.",
        {"Ukraine": 95},
    ),
    (
        "brought-home-split",
        "Today we are bringing 277 of our people home, Zelensky said.",
        {"Ukraine": 277},
    ),
    ("passive-by", "103 Ukrainian soldiers were released by Russia on Saturday.", {"Ukraine": 103}),
    (
        "returned-to-party",
        "Sixty Russian servicemen were returned to Russia on Saturday.",
        {"Russia": 60},
    ),
    (
        "same-number",
        "Russia got back 95 servicemen on Saturday and handed over the same number of Ukrainian prisoners.",
        {"Russia": 95, "Ukraine": 95},
    ),
    (
        "israel-hamas",
        "Hamas freed 3 Israeli hostages on Sunday and Israel released 90 Palestinian prisoners.",
        {"Israel": 3, "Hamas": 90},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_returned_to(text: str, expected: dict[str, int]) -> None:
    result = extract_document(text, published=PUB, language="en")
    assert result.exchanges, f"no exchange found in: {text}"
    got = {k: v for k, v in result.exchanges[0].returned_to.items() if v is not None}
    assert got == expected


APPROX = [
    ("more-than", "More than 200 Ukrainian prisoners of war returned home.", "Ukraine", True),
    ("exact", "Exactly 103 Ukrainian prisoners of war returned home.", "Ukraine", False),
    ("about", "About 90 Russian servicemen came home, Moscow said.", "Russia", True),
]


@pytest.mark.parametrize(
    ("text", "side", "flag"), [pytest.param(t, s, f, id=i) for i, t, s, f in APPROX]
)
def test_approximate_flag(text: str, side: str, flag: bool) -> None:
    (exchange,) = extract_document(text, language="en").exchanges
    assert exchange.approximate[side] is flag


def test_derived_total_is_flagged() -> None:
    text = "Kyiv said 175 soldiers and 22 civilians came home from Russian captivity."
    (exchange,) = extract_document(text, language="en").exchanges
    derived = [c for c in exchange.claims if c.derived]
    assert [c.value for c in derived] == [197]
    categories = {(c.side, c.category, c.count) for c in exchange.composition}
    assert ("Ukraine", "soldiers", 175) in categories
    assert ("Ukraine", "civilians", 22) in categories


def test_bodies_never_count_as_prisoners() -> None:
    text = "Ukraine received the bodies of 909 fallen soldiers on Friday, the headquarters said."
    (exchange,) = extract_document(text, published=PUB, language="en").exchanges
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Ukraine", "bodies", 909)
    ]


def test_composition_categories() -> None:
    text = (
        "Russia returned 103 Ukrainian prisoners of war on Saturday. Among them are 21 officers, "
        "12 border guards and 8 National Guard servicemen."
    )
    (exchange,) = extract_document(text, published=PUB, language="en").exchanges
    got = {(c.category, c.count) for c in exchange.composition}
    assert got == {("officers", 21), ("border_guards", 12), ("national_guard", 8)}
    assert exchange.returned_to["Ukraine"] == 103
