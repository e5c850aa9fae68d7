"""Short reports in the styles of real outlets, each written for this test (not copied)."""

from __future__ import annotations

import pytest

from powledger.extract.core import extract_document

STYLES = [
    (
        "wire-agency",
        "2024-06-25",
        "KYIV, Ukraine (AP) - Russia and Ukraine exchanged 90 prisoners of war each on Tuesday "
        "in a deal brokered by the United Arab Emirates, officials said.",
        {"Russia": 90, "Ukraine": 90},
        "2024-06-25",
        ("United Arab Emirates",),
    ),
    (
        "tass-style",
        "2024-10-18",
        "MOSCOW, October 18. /TASS/. Ninety-five Russian servicemen have been returned from "
        "territory controlled by the Kiev regime, the Russian Defense Ministry said. In exchange, "
        "95 Ukrainian POWs were handed over.",
        {"Russia": 95, "Ukraine": 95},
        "2024-10-18",
        (),
    ),
    (
        "ukrinform-style",
        "2025-02-05",
        "Ukraine has returned 150 of its citizens from Russian captivity, President Volodymyr "
        "Zelensky announced on Telegram on Wednesday.",
        {"Ukraine": 150},
        "2025-02-05",
        (),
    ),
    (
        "kyiv-independent-style",
        "2024-12-30",
        "Ukraine brought home 189 POWs on Dec. 30 in the last prisoner exchange of 2024, "
        "the Coordination Headquarters for the Treatment of Prisoners of War reported. "
        "Russia said it received 150 of its soldiers.",
        {"Ukraine": 189, "Russia": 150},
        "2024-12-30",
        (),
    ),
    (
        "al-jazeera-style",
        "2025-04-19",
        "Russia and Ukraine have swapped 246 prisoners each in an Easter exchange, with Moscow "
        "also handing over 31 wounded Ukrainian soldiers, the Russian Defence Ministry said.",
        {"Russia": 246, "Ukraine": 277},
        None,
        (),
    ),
    (
        "telegram-post",
        "2024-08-24",
        "Our people are home! 115 Ukrainian defenders. I thank the UAE for the mediation.",
        {"Ukraine": 115},
        "2024-08-24",
        ("United Arab Emirates",),
    ),
    (
        "bbc-style",
        "2023-01-08",
        "Fifty Ukrainian soldiers have been freed in a prisoner swap with Russia, Kyiv says, with "
        "Moscow saying the same number of its troops had been returned.",
        {"Ukraine": 50, "Russia": 50},
        None,
        (),
    ),
    (
        "turkey-mediated",
        "2022-09-22",
        "Ukraine secured the release of 215 fighters, including commanders of the Azovstal "
        "defence, in a swap mediated by Turkey and Saudi Arabia.",
        {"Ukraine": 215},
        None,
        ("Turkey", "Saudi Arabia"),
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "returned_to", "when", "mediators"),
    [pytest.param(p, t, r, w, m, id=i) for i, p, t, r, w, m in STYLES],
)
def test_wire_style(
    published: str,
    text: str,
    returned_to: dict[str, int],
    when: str | None,
    mediators: tuple[str, ...],
) -> None:
    result = extract_document(text, published=published, language="en")
    assert result.exchanges, text
    main = result.exchanges[0]
    assert {k: v for k, v in main.returned_to.items() if v is not None} == returned_to
    if when is not None:
        assert main.date == when
    assert set(main.mediators) == set(mediators)


MORE = [
    (
        "bodies-both-ways",
        "Russia and Ukraine exchanged the bodies of fallen soldiers on Friday: 909 were returned "
        "to Ukraine and 34 to Russia.",
        {},
        {("Ukraine", "bodies", 909), ("Russia", "bodies", 34)},
    ),
    (
        "ombudsman-thanks",
        "Ombudsman Dmytro Lubinets said 103 Ukrainians had returned home and thanked the UAE.",
        {"Ukraine": 103},
        set(),
    ),
    (
        "hostages-large",
        "Hamas released 4 Israeli hostages on Saturday in exchange for about 200 Palestinian prisoners.",
        {"Israel": 4, "Hamas": 200},
        set(),
    ),
    (
        "headline-comma",
        "Russia, Ukraine swap 150 POWs each",
        {"Russia": 150, "Ukraine": 150},
        set(),
    ),
    (
        "liveblog-time",
        "16:42 Ukraine says 84 prisoners of war have been freed from Russian captivity.",
        {"Ukraine": 84},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "returned_to", "composition"),
    [pytest.param(t, r, c, id=i) for i, t, r, c in MORE],
)
def test_more_styles(
    text: str, returned_to: dict[str, int], composition: set[tuple[str, str, int]]
) -> None:
    result = extract_document(text, published="2025-01-25", language="en")
    assert result.exchanges, text
    main = result.exchanges[0]
    assert {k: v for k, v in main.returned_to.items() if v is not None} == returned_to
    assert {(c.side, c.category, c.count) for c in main.composition} == composition


PHRASINGS = [
    (
        "participle",
        "Ukraine and Russia have carried out a new prisoner exchange, with 84 Ukrainians returning home, Zelenskyy said.",
        {"Ukraine": 84},
    ),
    (
        "sides-received",
        "The Ukrainian side received 95 of its defenders, while the Russian side got 95 servicemen back.",
        {"Ukraine": 95, "Russia": 95},
    ),
    (
        "in-total-stage",
        "In total, 303 Ukrainian defenders were released from captivity in the third stage on Sunday.",
        {"Ukraine": 303},
    ),
    (
        "same-number-of",
        "Moscow said it had received 103 Russian soldiers in exchange for the same number of Ukrainian prisoners.",
        {"Russia": 103, "Ukraine": 103},
    ),
    (
        "handed-back-to",
        "Russia handed 25 Ukrainian civilians back to Kyiv in a prisoner exchange.",
        {"Ukraine": 25},
    ),
    ("apiece", "Russia and Ukraine exchanged 90 POWs apiece.", {"Ukraine": 90, "Russia": 90}),
    (
        "held-by-kyiv",
        "Ukraine said 65 of its troops were freed in exchange for 65 Russian servicemen held by Kyiv.",
        {"Ukraine": 65, "Russia": 65},
    ),
    (
        "saw-return",
        "The exchange, the 65th since the start of the war, saw 189 Ukrainians return home.",
        {"Ukraine": 189},
    ),
    (
        "among-them",
        "Twelve Ukrainian civilians, among them two women, were returned from Russian captivity.",
        {"Ukraine": 12},
    ),
    (
        "kyiv-says-moscow-says",
        "Kyiv says 207 Ukrainians are home after a swap; Moscow says 195 of its soldiers were returned.",
        {"Ukraine": 207, "Russia": 195},
    ),
    (
        "got-back-its-own",
        "Ukraine returned 35 Russian servicemen to Russia and got back 41 of its own.",
        {"Ukraine": 41, "Russia": 35},
    ),
    (
        "between-to-release",
        "UAE succeeds in mediation between Russia and Ukraine to release 478 captives: 248 Russian and 230 Ukrainian.",
        {"Russia": 248, "Ukraine": 230},
    ),
]


@pytest.mark.parametrize(
    ("text", "returned_to"), [pytest.param(t, r, id=i) for i, t, r in PHRASINGS]
)
def test_phrasings(text: str, returned_to: dict[str, int]) -> None:
    result = extract_document(text, published="2025-01-10", language="en")
    assert result.exchanges, text
    got = {k: v for k, v in result.exchanges[0].returned_to.items() if v is not None}
    assert got == returned_to


MIXED = [
    (
        "while-clause",
        "Kyiv got back 207 soldiers while 195 Russian troops were handed over to Moscow in the swap.",
        {"Ukraine": 207, "Russia": 195},
    ),
    (
        "list-then-for",
        "Russia returned 20 Ukrainian civilians and 100 soldiers on Tuesday in exchange for 100 Russian servicemen.",
        {"Ukraine": 120, "Russia": 100},
    ),
    (
        "pilots-and-civilians",
        "Two Ukrainian pilots and 8 civilians were among those freed by Russia.",
        {"Ukraine": 10},
    ),
    (
        "each-side-freeing",
        "Ukraine and Russia conducted a prisoner swap on Thursday, with each side freeing 25 people.",
        {"Ukraine": 25, "Russia": 25},
    ),
    (
        "each-way",
        "Ukraine and Russia exchange 206 prisoners - 103 each way.",
        {"Ukraine": 103, "Russia": 103},
    ),
    (
        "to-and-to",
        "In the swap, 230 people returned to Ukraine and 248 to Russia.",
        {"Ukraine": 230, "Russia": 248},
    ),
]


@pytest.mark.parametrize(("text", "returned_to"), [pytest.param(t, r, id=i) for i, t, r in MIXED])
def test_mixed_clauses(text: str, returned_to: dict[str, int]) -> None:
    result = extract_document(text, published="2025-01-10", language="en")
    got = {k: v for k, v in result.exchanges[0].returned_to.items() if v is not None}
    assert got == returned_to
