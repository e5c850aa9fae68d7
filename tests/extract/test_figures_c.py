"""Figures of an exchange on real-style reports: what each side received, sums, composition.

Each case is a class of phrasings (written for this file), not one sentence: groups added on top
of a base figure, subsets that stay inside it, a deal's size next to one stage's figures, "our"
in a Russian voice, and which counts are categories at all.
"""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

PUB = "2025-05-24"


def _main(text: str, published: str = PUB) -> dict[str, object]:
    result = extract_text(text, published=published, language="en")
    assert result.exchanges, "no exchange found"
    return result.exchanges[0].to_dict()


def _composition(ex: dict[str, object]) -> set[tuple[str, str, int]]:
    return {(c["side"], c["category"], c["count"]) for c in ex["composition"]}  # type: ignore[index, union-attr]


# --- groups on top of a base figure ---------------------------------------------------------------
ADDED = [
    pytest.param(
        "Russia and Ukraine swapped 84 prisoners each on Friday. In addition, Russia handed over "
        "20 seriously wounded Ukrainian soldiers.",
        {"Russia": 84, "Ukraine": 104}, id="in-addition-next-sentence",
    ),
    pytest.param(
        "Kyiv got back 140 soldiers in an exchange on Friday. Separately, 12 badly wounded "
        "Ukrainians were handed over.",
        {"Russia": None, "Ukraine": 152}, id="separately-passive",
    ),
    pytest.param(
        "Ukraine brought home 95 prisoners of war on Friday and 15 more who were seriously "
        "wounded.",
        {"Russia": None, "Ukraine": 110}, id="n-more-who-were-wounded",
    ),
    pytest.param(
        "Russia and Ukraine swapped 90 prisoners for 90 on Friday, and in a separate gesture 31 "
        "wounded Ukrainians were exchanged for 15 wounded Russians.",
        {"Russia": 105, "Ukraine": 121}, id="separate-gesture-pair",
    ),
    pytest.param(
        "Russia and Ukraine each released 246 prisoners of war on Saturday. In a separate "
        "humanitarian gesture, Russia handed over 31 wounded Ukrainians and Ukraine handed over "
        "15 wounded Russians.",
        {"Russia": 261, "Ukraine": 277}, id="separate-gesture-both-sides",
    ),
    pytest.param(
        "185 Russian servicemen were returned from territory controlled by Kyiv on Thursday, and "
        "20 civilians, residents of the Kursk region, have also come home, the Russian defence "
        "ministry said. In return, 205 Ukrainian prisoners were handed over.",
        {"Russia": 205, "Ukraine": 205}, id="have-also-come-home",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ADDED)
def test_groups_on_top_are_added_to_their_own_side(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _main(text)["returned_to"] == expected


SUBSETS = [
    pytest.param(
        "Russia returned 95 Ukrainian prisoners, 20 of whom were seriously wounded, in exchange "
        "for 95 Russian soldiers on Friday.",
        {"Russia": 95, "Ukraine": 95}, {("Ukraine", "seriously_wounded_or_sick", 20)},
        id="of-whom-state",
    ),
    pytest.param(
        "In the exchange on Friday, 157 Ukrainian prisoners returned home, 84 soldiers among "
        "them.",
        {"Russia": None, "Ukraine": 157}, {("Ukraine", "soldiers", 84)}, id="noun-among-them",
    ),
    pytest.param(
        "Russia freed 150 Ukrainian prisoners on Wednesday, including 12 seriously wounded and 2 "
        "civilians, in exchange for 150 Russian servicemen.",
        {"Russia": 150, "Ukraine": 150},
        {("Ukraine", "seriously_wounded_or_sick", 12), ("Ukraine", "civilians", 2)},
        id="state-then-group-listed",
    ),
    pytest.param(
        "Russia and Ukraine exchanged prisoners on Friday. The Ukrainian ombudsman said 49 people "
        "were freed, including 3 women and 2 under 18.",
        {"Russia": None, "Ukraine": 49}, {("Ukraine", "women", 3)}, id="including-ages-ignored",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "parts"), SUBSETS)
def test_subsets_stay_inside_the_total(
    text: str, expected: dict[str, int | None], parts: set[tuple[str, str, int]]
) -> None:
    ex = _main(text)
    assert ex["returned_to"] == expected
    assert _composition(ex) == parts


# --- a deal's size is not a stage's figure --------------------------------------------------------
DEALS = [
    pytest.param(
        "MOSCOW, May 23 (wire) - The Russian Defence Ministry said 270 of our servicemen and 120 "
        "civilians had been returned from Ukraine on Friday as part of the 1,000-for-1,000 "
        "exchange.",
        "Russia", 390, id="list-beside-deal",
    ),
    pytest.param(
        "Russia and Ukraine on Friday began the 1,000-for-1,000 prisoner exchange agreed in "
        "Istanbul. On the first day, 390 Ukrainians came home, Kyiv said.",
        "Ukraine", 390, id="deal-noun-then-stage",
    ),
    pytest.param(
        "Ukraine and Russia carried out a large exchange on Friday. Ukraine's Coordination "
        "Headquarters said 390 Ukrainians returned. The deal agreed in Istanbul foresees 1,000 "
        "prisoners on each side.",
        "Ukraine", 390, id="deal-foresees-each-side",
    ),
    pytest.param(
        "Friday's 95-for-95 swap was mediated by the UAE. Zelensky wrote that 95 Ukrainian "
        "defenders were home. Over the year, Ukraine says it has got back 1,213 people.",
        "Russia", 95, id="equal-stage-keeps-pair",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "side", "value"), DEALS)
def test_a_deal_gives_way_to_the_stage(text: str, side: str, value: int) -> None:
    ex = _main(text)
    assert ex["returned_to"][side] == value  # type: ignore[index]
    assert 1000 not in ex["returned_to"].values()  # type: ignore[union-attr]


def test_a_deal_alone_still_counts() -> None:
    ex = _main("Russia and Ukraine carried out a 95-for-95 prisoner swap on Friday.")
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}


# --- sides: "our" and voice-only figures in a Russian mouth -----------------------------------
RUSSIAN_VOICE = [
    pytest.param(
        "After the prisoner exchange, the Russian ombudswoman said our citizens, 63 in all, came "
        "back from captivity on Friday.", id="ombudswoman-our",
    ),
    pytest.param(
        "After the swap, Russian state news agency TASS reported that 84 servicemen had returned "
        "home from captivity.", id="state-agency-voice",
    ),
    pytest.param(
        "After the prisoner exchange, Moskalkova wrote that our 84 compatriots had returned home.",
        id="compatriots",
    ),
    pytest.param(
        '"We have brought 84 of our guys home," the Russian ombudsman said after the prisoner '
        "exchange.", id="quoted-we",
    ),
]  # fmt: skip


@pytest.mark.parametrize("text", RUSSIAN_VOICE)
def test_a_russian_voice_gives_its_figures_to_russia(text: str) -> None:
    ex = _main(text)
    assert ex["returned_to"]["Ukraine"] is None  # type: ignore[index]
    assert ex["returned_to"]["Russia"] is not None  # type: ignore[index]


# --- phrasings of return --------------------------------------------------------------------------
RETURNS = [
    "Ukraine has gotten back 95 soldiers in a prisoner swap with Russia on Friday.",
    "Ukraine has won back 95 soldiers in a prisoner swap with Russia on Friday.",
    "Ukraine secured the freedom of 95 soldiers in a prisoner swap with Russia on Friday.",
    "Ukraine welcomed 95 soldiers home on Friday after a prisoner swap with Russia.",
    "Ukraine got its 95 soldiers back in a prisoner exchange on Friday.",
    "Kyiv obtained the release of 95 soldiers in a prisoner swap with Moscow on Friday.",
]


@pytest.mark.parametrize("text", RETURNS)
def test_phrasings_of_return_give_ukraine_its_figure(text: str) -> None:
    assert _main(text)["returned_to"]["Ukraine"] == 95  # type: ignore[index]


def test_freedom_for_in_a_second_clause() -> None:
    ex = _main(
        "Russia said it had got back 95 of its troops on Friday, while Ukraine said it had "
        "secured freedom for 95 soldiers."
    )
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}


# --- composition ----------------------------------------------------------------------------------
def test_servicemen_beside_civilians_are_the_base() -> None:
    ex = _main(
        "The Russian Defence Ministry said 146 servicemen and eight civilians had come home from "
        "Ukraine on Sunday.",
        published="2025-08-25",
    )
    assert ex["returned_to"]["Russia"] == 154  # type: ignore[index]
    assert _composition(ex) == {("Russia", "civilians", 8)}


def test_soldiers_beside_civilians_are_a_group() -> None:
    ex = _main(
        "Ukraine got 84 people back in a prisoner swap on Thursday, 33 soldiers and 51 civilians."
    )
    assert _composition(ex) == {("Ukraine", "soldiers", 33), ("Ukraine", "civilians", 51)}


def test_wounded_on_top_do_not_make_soldiers() -> None:
    ex = _main(
        "Ukraine got 277 of its people back on Saturday: 246 prisoners of war under the exchange "
        "agreement and 31 wounded servicemen whom Russia handed over on top of that."
    )
    assert ex["returned_to"]["Ukraine"] == 277  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "wounded", 31)}


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine brought home 120 people on Saturday in a prisoner swap, including 4 women and "
        "children.",
        "Among the 120 Ukrainians freed on Saturday in the prisoner swap were 4 women and children.",
    ],
)
def test_women_and_children_with_one_number_are_one_group(text: str) -> None:
    ex = _main(text)
    assert ex["returned_to"]["Ukraine"] == 120  # type: ignore[index]
    assert _composition(ex) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence ministry said a group of Russian servicemen under 25 had been returned "
        "in the prisoner exchange on Friday.",
        "Zelensky said young defenders, all of them aged between 18 and 25, came home from "
        "captivity on Friday.",
        "Ukraine brought home prisoners of war on Friday; most of the returnees are under 25.",
    ],
)
def test_ages_are_not_counts(text: str) -> None:
    result = extract_text(text, published=PUB, language="en")
    values = {v for ex in result.exchanges for v in ex.returned_to.values()}
    assert values <= {None}


def test_a_part_named_by_its_people_goes_to_them() -> None:
    ex = _main(
        "Russia received 75 servicemen in the prisoner swap on Friday. The freed Ukrainians "
        "included four civilians."
    )
    assert ex["returned_to"] == {"Russia": 75, "Ukraine": None}
    assert _composition(ex) == {("Ukraine", "civilians", 4)}


def test_the_same_number_after_a_list_repeats_its_sum() -> None:
    ex = _main(
        "Kyiv has gotten back another 205 people from Russian captivity. The headquarters says "
        "the group is made up of 185 soldiers and 20 civilians. Moscow says the same number of "
        "Russians came home in exchange."
    )
    assert ex["returned_to"]["Russia"] == 205  # type: ignore[index]


def test_freed_by_each_side_with_a_part() -> None:
    ex = _main(
        "In the prisoner swap on Friday, 390 people were freed by each side, among them 120 "
        "civilians on each side."
    )
    assert ex["returned_to"] == {"Russia": 390, "Ukraine": 390}


# --- second pass: lists, progressive returns, owners of parts, headlines --------------------------
def test_one_list_has_one_receiving_side() -> None:
    ex = _main(
        "The group consisted of 33 soldiers and 51 civilians, the headquarters said after "
        "Ukraine got 84 people back in the prisoner swap."
    )
    assert ex["returned_to"]["Ukraine"] == 84  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "soldiers", 33), ("Ukraine", "civilians", 51)}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow says 120 people from each side - 80 soldiers and 40 civilians - were freed in the "
        "prisoner swap on Friday.",
        "The two countries traded 80 prisoners each on Friday, and more than 2,000 bodies have "
        "come back since then.",
        "The two sides each released 95 prisoners of war on Friday.",
    ],
)
def test_each_side_after_the_noun_gives_both_sides(text: str) -> None:
    values = set(_main(text)["returned_to"].values())  # type: ignore[union-attr]
    assert len(values) == 1 and None not in values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seventy-two more of our people are coming home from captivity this evening.", 72),
        (
            "Ukraine has brought 150 of its people back from Russian captivity, the Coordination "
            "Headquarters said.",
            150,
        ),
        ("Ukraine returns 60 defenders from captivity in swap with Russia", 60),
        ("150 soldiers freed in prisoner swap, 20 of them Azovstal defenders", 150),
    ],
)
def test_progressive_particle_and_headline_returns(text: str, value: int) -> None:
    assert _main(text)["returned_to"] == {"Russia": None, "Ukraine": value}


def test_a_part_of_those_freed_is_composition_not_a_total() -> None:
    ex = _main(
        "Russia and Ukraine exchanged prisoners on Friday. Eleven of those freed on Friday were "
        "women and 4 were teenage boys, Zelensky said."
    )
    assert ex["returned_to"]["Ukraine"] is None  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "women", 11), ("Ukraine", "minors", 4)}


def test_an_exact_group_figure_beats_a_hedged_one() -> None:
    ex = _main(
        "More than 100 Ukrainian women were freed on Monday in a prisoner swap. Andriy Yermak "
        "said 104 women had been released."
    )
    assert ex["returned_to"]["Ukraine"] == 104  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "women", 104)}


def test_the_sides_own_actor_giving_the_parts_is_credited() -> None:
    result = extract_text(
        "Kyiv and Moscow traded 67 prisoners each on Friday. Zelensky said the freed Ukrainians "
        "were 60 soldiers and seven civilians.",
        published=PUB,
        language="en",
    )
    ex = result.exchanges[0]
    assert any(
        c.side == "Ukraine" and c.value == 67 and c.asserted_by == "Volodymyr Zelensky"
        for c in ex.claims
    )
    assert {(c.side, c.category) for c in ex.composition} == {
        ("Ukraine", "soldiers"),
        ("Ukraine", "civilians"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow said 90 servicemen and 5 civilian residents of Belgorod Oblast whom Kyiv had "
            "detained were returned in the swap.",
            {"Russia": 95, "Ukraine": None},
        ),
        (
            "Ukraine got back 84 people in the swap, among them soldiers of the army and the navy, "
            "as well as border guards and two civilians.",
            {"Russia": None, "Ukraine": 84},
        ),
    ],
)
def test_places_and_late_list_members_are_no_extra_persons(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _main(text)["returned_to"] == expected


def test_the_bodies_of_a_further_n_are_bodies() -> None:
    ex = _main(
        "Russia and Ukraine exchanged 95 prisoners each on Friday. Ukraine also received the "
        "bodies of another 500 soldiers."
    )
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}
    assert _composition(ex) == {("Ukraine", "bodies", 500)}


def test_a_gallery_counter_is_no_figure() -> None:
    ex = _main(
        "Photo 3 / 12: Freed prisoners arrive in Chernihiv. Ukraine got back 100 soldiers in the "
        "prisoner swap on Friday."
    )
    assert ex["returned_to"] == {"Russia": None, "Ukraine": 100}


def test_wounded_handed_over_in_addition_on_both_sides() -> None:
    ex = _main(
        "246 Russian servicemen and 15 wounded prisoners of war, handed over in addition, have "
        "been returned from territory controlled by Kiev, the Defence Ministry said. In exchange, "
        "246 Ukrainian prisoners of war and 31 wounded Ukrainian prisoners were handed over."
    )
    assert ex["returned_to"] == {"Russia": 261, "Ukraine": 277}


def test_a_one_for_one_format_gives_way_to_the_figure() -> None:
    ex = _main(
        "Russia and Ukraine swapped 90 prisoners each on Friday. Swaps of this kind are usually "
        "described as one for one, though the numbers often differ."
    )
    assert ex["returned_to"] == {"Russia": 90, "Ukraine": 90}


def test_n_for_n_is_one_claim_per_side() -> None:
    result = extract_text(
        "Russia and Ukraine exchanged prisoners 95 for 95 on Friday.", published=PUB, language="en"
    )
    claims = result.exchanges[0].claims
    assert sorted((c.side, c.value) for c in claims) == [("Russia", 95), ("Ukraine", 95)]


def test_remains_named_with_an_adjective_are_bodies() -> None:
    ex = _main(
        "Ukraine got back 95 prisoners in the swap on Friday. The remains of three foreign "
        "volunteers were also repatriated."
    )
    assert ex["returned_to"]["Ukraine"] == 95  # type: ignore[index]
    assert ("Ukraine", "bodies", 3) in _composition(ex)


@pytest.mark.parametrize(
    "tail",
    [
        "Russia said it had killed 300 Ukrainian soldiers near Pokrovsk.",
        "Separately, 12 wounded soldiers were hospitalised after a strike on Sumy.",
        "Overnight, a Russian strike killed 4 people and injured 11 in Kharkiv.",
    ],
)
def test_casualty_counts_are_never_returned(tail: str) -> None:
    ex = _main("Russia and Ukraine swapped 95 prisoners each on Friday. " + tail)
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}
    assert _composition(ex) == set()


def test_a_figure_for_both_sides_together_gives_way_to_each_sides_own() -> None:
    ex = _main(
        "Russia and Ukraine swap 538 prisoners in Easter exchange\n"
        "Russia's defence ministry said 261 Russian servicemen were returned on Saturday. Kyiv "
        "said 277 Ukrainians came home."
    )
    assert ex["returned_to"] == {"Russia": 261, "Ukraine": 277}


def test_a_swap_figure_agreeing_with_one_side_still_gives_both() -> None:
    ex = _main(
        "Russia and Ukraine swapped 90 prisoners on Friday. Zelensky said 90 Ukrainians are home."
    )
    assert ex["returned_to"] == {"Russia": 90, "Ukraine": 90}


@pytest.mark.parametrize(
    "text",
    [
        "In the prisoner swap on Thursday, each side returned 185 servicemen and 20 civilians.",
        "Russia and Ukraine each freed 185 servicemen and 20 civilians on Thursday.",
    ],
)
def test_each_side_lists_sum_for_both_sides(text: str) -> None:
    ex = _main(text)
    assert ex["returned_to"] == {"Russia": 205, "Ukraine": 205}
    assert _composition(ex) == {("Russia", "civilians", 20), ("Ukraine", "civilians", 20)}


def test_an_agency_group_beside_a_named_one_sums_without_a_category() -> None:
    ex = _main(
        "Ukraine got back 80 border guards and two members of the State Special Transport "
        "Service in the prisoner swap on Friday."
    )
    assert ex["returned_to"]["Ukraine"] == 82  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "border_guards", 80)}


def test_a_gapped_clause_keeps_its_own_subject() -> None:
    ex = _main(
        "In the prisoner swap on Friday, Ukraine got back 130 people, and Russia 128 soldiers."
    )
    assert ex["returned_to"] == {"Russia": 128, "Ukraine": 130}


def test_a_breakdown_after_a_colon_is_not_added_again() -> None:
    ex = _main(
        "318 of our people are home after the prisoner swap: 280 under the exchange, and another "
        "38 seriously wounded."
    )
    assert ex["returned_to"]["Ukraine"] == 318  # type: ignore[index]


def test_an_explicit_total_of_the_swap_wins() -> None:
    ex = _main(
        "First the sides swapped 140 for 140, and on top of that Moscow handed over 12 seriously "
        "ill Ukrainians. In total Ukraine got 152 people in the prisoner swap."
    )
    assert ex["returned_to"] == {"Russia": 140, "Ukraine": 152}


def test_residents_added_in_the_next_sentence_are_civilians_of_that_side() -> None:
    ex = _main(
        "118 Russian servicemen were returned home in the prisoner swap. In addition, three "
        "residents of the Bryansk region came home."
    )
    assert ex["returned_to"] == {"Russia": 121, "Ukraine": None}
    assert _composition(ex) == {("Russia", "civilians", 3)}


def test_residents_among_the_freed_are_only_a_subset() -> None:
    ex = _main(
        "Among 95 defenders who returned home today in the prisoner swap there are 6 residents "
        "of Sumy region."
    )
    assert ex["returned_to"]["Ukraine"] == 95  # type: ignore[index]
    assert _composition(ex) == set()


def test_a_breakdown_in_the_next_sentence_is_not_added() -> None:
    ex = _main(
        "On the eve of Easter we brought 277 of our warriors home from Russian captivity. 246 "
        "under the exchange, and another 31 wounded."
    )
    assert ex["returned_to"]["Ukraine"] == 277  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "wounded", 31)}


def test_a_deal_with_a_bare_mate_gives_way_to_the_stage() -> None:
    ex = _main(
        "The exchange of 1,000 prisoners for 1,000 began on Friday, when 390 people were freed "
        "by each side."
    )
    assert ex["returned_to"] == {"Russia": 390, "Ukraine": 390}


def test_parts_of_the_freed_with_a_date_between() -> None:
    ex = _main(
        "Ukraine got back 95 prisoners in the swap on Friday. 20 of the freed were women and 5 "
        "were teenage boys."
    )
    assert _composition(ex) == {("Ukraine", "women", 20), ("Ukraine", "minors", 5)}


def test_remains_of_the_killed_are_still_bodies() -> None:
    ex = _main(
        "Russia and Ukraine swapped 95 prisoners each on Friday. Ukraine also received the "
        "remains of 20 soldiers killed in action."
    )
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}
    assert _composition(ex) == {("Ukraine", "bodies", 20)}


def test_a_list_summing_to_the_swap_figure_agrees_with_it() -> None:
    ex = _main(
        "Russia and Ukraine swapped 390 prisoners on Friday. Zelensky said 270 soldiers and 120 "
        "civilians came home."
    )
    assert ex["returned_to"] == {"Russia": 390, "Ukraine": 390}


def test_of_them_had_defended_mariupol() -> None:
    ex = _main(
        "Ukraine got back 95 soldiers in the swap on Friday, 20 of whom had defended Mariupol."
    )
    assert ex["returned_to"]["Ukraine"] == 95  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "defenders_of_mariupol", 20)}


def test_our_before_the_number_in_a_russian_ministers_mouth() -> None:
    ex = _main(
        "Our 90 servicemen are home, Russian Defence Minister Andrei Belousov said after the "
        "prisoner swap."
    )
    assert ex["returned_to"] == {"Russia": 90, "Ukraine": None}


# --- second round (en1b): headlines, subsets after the count, deal terms, sides ----------------
HEADLINE_SIDES = [
    pytest.param(
        "Kyiv frees 22 marines\nThe marines were handed over on Friday in an exchange with Russia.",
        {"Ukraine": 22},
        id="kyiv-frees-marines",
    ),
    pytest.param(
        "Russia frees 30 defenders\nMoscow and Kyiv held another exchange on Friday.",
        {"Ukraine": 30},
        id="defenders-are-ukraines-word",
    ),
    pytest.param(
        "Russia returns 64 servicemen\nMoscow and Kyiv held another exchange on Friday.",
        {"Russia": 64},
        id="russia-returns-servicemen",
    ),
    pytest.param(
        "Ukraine frees 30 Russian soldiers in swap for its own defenders",
        {"Russia": 30},
        id="demonym-stays-with-its-side",
    ),
    pytest.param(
        "We are bringing home 160 Ukrainians from Russian captivity",
        {"Ukraine": 160},
        id="bringing-home-demonym-from-captivity",
    ),
    pytest.param(
        "Ukraine has carried out its 40th swap with Russia, bringing home 160 people, Zelensky "
        "said on Friday.",
        {"Ukraine": 160},
        id="participle-clause-after-swap-with",
    ),
    pytest.param(
        "Ukraine frees pro-Russian politician Oleh Tarasenko in exchange for 200 prisoners",
        {"Ukraine": 200},
        id="in-exchange-for-a-named-person",
    ),
    pytest.param(
        "75 soldiers freed, 11 of them Azovstal defenders\nKyiv and Moscow swapped prisoners on "
        "Friday.",
        {"Ukraine": 75},
        id="headline-participle-with-part",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE_SIDES)
def test_headline_and_participle_sides(text: str, expected: dict[str, int]) -> None:
    ex = _main(text)
    got = {k: v for k, v in ex["returned_to"].items() if v is not None}  # type: ignore[union-attr]
    assert got == expected


def test_a_headline_with_a_full_stop_is_a_sentence_and_frees_the_others() -> None:
    # In running text "Kyiv frees 22 marines." keeps the reading of a giver.
    ex = _main("Kyiv frees 22 marines. The exchange took place on Friday.")
    assert ex["returned_to"].get("Ukraine") is None  # type: ignore[union-attr]


def test_a_subset_after_the_count_is_a_part() -> None:
    ex = _main(
        "Ukraine and Russia exchanged 95 prisoners each on Friday. Three civilians were also among "
        "those freed."
    )
    assert ex["returned_to"] == {"Russia": 95, "Ukraine": 95}
    assert _composition(ex) == {("Ukraine", "civilians", 3)}


def test_a_list_before_were_among_still_sums_when_no_total_is_given() -> None:
    ex = _main("Four Ukrainian medics and 9 civilians were among those freed by Russia on Friday.")
    assert ex["returned_to"]["Ukraine"] == 13  # type: ignore[index]


def test_went_to_a_party_names_the_receiver() -> None:
    ex = _main(
        "The two sides swapped prisoners on Friday: 84 Russians returned to Russia, while 90 "
        "went to Ukraine."
    )
    assert ex["returned_to"] == {"Russia": 84, "Ukraine": 90}


def test_a_regional_share_in_the_headline_is_no_base_for_additions() -> None:
    ex = _main(
        "Five defenders from Sumy region are home\nUkraine and Russia swapped prisoners on "
        "Friday. Ukraine got back 140 servicemen, and another 16 civilians also returned."
    )
    assert ex["returned_to"]["Ukraine"] == 156  # type: ignore[index]


def test_civilians_from_a_region_inside_a_list_stay_civilians() -> None:
    ex = _main(
        "Ninety Ukrainian soldiers came home on Friday in exchange for 90 Russian servicemen. "
        "Among them were 12 marines, as well as a medic and two civilians from Kherson region."
    )
    assert ("Ukraine", "civilians", 2) in _composition(ex)


def test_of_those_freed_are_defenders_of_mariupol() -> None:
    ex = _main(
        "Ukraine got back 150 soldiers on Friday. Eighty-seven of those freed are defenders of "
        "Mariupol."
    )
    assert _composition(ex) == {("Ukraine", "defenders_of_mariupol", 87)}


def test_a_named_person_with_an_apposition_before_a_group_counts_one() -> None:
    ex = _main(
        "Russia and Ukraine swapped prisoners on Friday. Ukraine got back 200 soldiers in "
        "exchange for Oleh Tarasenko, a former lawmaker, and 55 Russian prisoners."
    )
    assert ex["returned_to"] == {"Russia": 56, "Ukraine": 200}


def test_a_deals_terms_are_no_figure_of_an_undisclosed_stage() -> None:
    ex = _main(
        "Russia and Ukraine carried out another prisoner exchange on Friday. Officials in Kyiv "
        "said the agreements cover at least 1,000 prisoners on each side."
    )
    assert ex["returned_to"] == {"Russia": None, "Ukraine": None}


def test_a_goodwill_gesture_adds_to_its_own_side() -> None:
    ex = _main(
        "Russia and Ukraine swapped prisoners on Friday. Moscow said 150 Russian servicemen were "
        "returned. As a goodwill gesture, 20 wounded Ukrainians were handed over for 12 wounded "
        "Russians."
    )
    assert ex["returned_to"]["Russia"] == 162  # type: ignore[index]


def test_groups_in_an_agreed_deal_are_not_added_to_the_days_figure() -> None:
    ex = _main(
        "Russia and Ukraine swapped prisoners on Friday, Zelensky said, adding that 197 "
        "Ukrainians had come home. At talks last week the leaders had agreed on a 175-for-175 "
        "exchange, along with the transfer of 22 badly wounded."
    )
    assert ex["returned_to"]["Ukraine"] == 197  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "side", "value", "group"),
    [
        pytest.param(
            "Our 95 defenders are coming home from Russian captivity today, and with them 10 civilians.",
            "Ukraine", 105, ("Ukraine", "civilians", 10), id="and-with-them",
        ),
        pytest.param(
            "Moscow said on Friday that 90 Russian servicemen and a further 5 civilians from the "
            "Kursk region had been returned.",
            "Russia", 95, ("Russia", "civilians", 5), id="a-further-group-with-its-region",
        ),
    ],
)  # fmt: skip
def test_groups_on_top_with_them_or_a_further(
    text: str, side: str, value: int, group: tuple[str, str, int]
) -> None:
    ex = _main(text)
    assert ex["returned_to"][side] == value  # type: ignore[index]
    assert group in _composition(ex)


def test_a_machine_translated_part_list_without_articles() -> None:
    ex = _main(
        "Ukraine and Russia swapped 100 prisoners each on Friday. Among released — 17 fighters of "
        "National Guard, 6 border guards."
    )
    assert _composition(ex) == {("Ukraine", "national_guard", 17), ("Ukraine", "border_guards", 6)}


def test_a_standalone_breakdown_goes_to_the_people_it_names() -> None:
    ex = _main(
        "The freed Ukrainians are 4 civilians and 86 soldiers, the Coordination Headquarters said "
        "after Friday's swap with Russia."
    )
    assert ex["returned_to"] == {"Russia": None, "Ukraine": 90}
    assert _composition(ex) == {("Ukraine", "civilians", 4), ("Ukraine", "soldiers", 86)}


def test_a_figure_that_leaves_a_named_group_uncounted_gives_way_to_the_full_count() -> None:
    ex = _main(
        "Olena Marchuk was one of six civilians freed on March 2 along with 120 Ukrainian "
        'soldiers. Zelensky wrote at the time: "120 defenders are home, and also civilians."'
    )
    assert ex["returned_to"]["Ukraine"] == 126  # type: ignore[index]
    assert ("Ukraine", "civilians", 6) in _composition(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine handed over 120 people each, including 40 civilians, on Friday.",
        "The swap started on Friday, when 120 people were released by each side, including 40 "
        "civilians.",
    ],
)
def test_a_part_of_an_each_side_group_is_on_both_sides(text: str) -> None:
    ex = _main(text)
    assert ex["returned_to"] == {"Russia": 120, "Ukraine": 120}
    assert _composition(ex) == {("Russia", "civilians", 40), ("Ukraine", "civilians", 40)}


def test_a_part_that_names_its_side_stays_on_it() -> None:
    ex = _main(
        "The swap began on Friday, when 390 people from each side - 270 soldiers and 120 "
        "civilians on the Ukrainian side - were freed."
    )
    assert {c[0] for c in _composition(ex)} == {"Ukraine"}


def test_an_added_group_held_by_the_other_side_still_adds() -> None:
    ex = _main(
        "185 Russian servicemen have been returned, and 20 civilians, residents of the Kursk "
        "region detained by Ukraine, have also come home, the Russian Defence Ministry said on "
        "Friday after the prisoner exchange."
    )
    assert ex["returned_to"]["Russia"] == 205  # type: ignore[index]


def test_a_named_person_described_in_a_caption_counts_one() -> None:
    ex = _main(
        "Photo: Viktor Medvedchuk, seen here at a court hearing in 2021, was handed to Russia "
        "along with 55 Russian prisoners in Friday's exchange."
    )
    assert ex["returned_to"]["Russia"] == 56  # type: ignore[index]


def test_a_part_marker_of_an_earlier_clause_does_not_make_a_later_figure_a_part() -> None:
    ex = _main(
        "Kyiv secured the return of 115 servicemen on Friday, many of them captured in 2022, and "
        "Moscow got 115 of its own soldiers back in the prisoner swap."
    )
    assert ex["returned_to"] == {"Russia": 115, "Ukraine": 115}


def test_a_stages_running_sum_in_days_is_not_the_days_figure() -> None:
    ex = _main(
        "Coordination Headquarters for the Treatment of Prisoners of War\nThe third stage of the "
        "exchange is over. Today 303 defenders of Ukraine returned home.\nIn total, 1,000 "
        "Ukrainians have been freed in the three days of this exchange."
    )
    assert ex["returned_to"]["Ukraine"] == 303  # type: ignore[index]


def test_a_speaker_before_the_verb_is_no_subject_of_it() -> None:
    ex = _main(
        "Kyiv has gotten back another 205 people from Russian captivity. The Ukrainian "
        "headquarters for prisoners of war says the group freed on Friday is made up of 185 "
        "soldiers and 20 civilians."
    )
    assert {c[0] for c in _composition(ex)} == {"Ukraine"}


def test_a_breakdown_goes_on_in_the_next_sentence() -> None:
    ex = _main(
        "Ukraine brought home 82 prisoners of war on Friday.\nOf the Ukrainians, nine are "
        "officers and 66 are privates and sergeants. Six are marines and 14 are border guards."
    )
    assert {("Ukraine", "marines", 6), ("Ukraine", "border_guards", 14)} <= _composition(ex)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kyiv received 140 prisoners of war and Moscow 120 on Friday, officials said.",
            {"Russia": 120, "Ukraine": 140},
            id="gapped-without-comma",
        ),
        pytest.param(
            "In the swap on Friday Ukraine got back 95 soldiers, while Russia 90.",
            {"Russia": 90, "Ukraine": 95},
            id="gapped-after-while",
        ),
    ],
)
def test_a_gapped_figure_after_and_or_while(text: str, expected: dict[str, int]) -> None:
    assert _main(text)["returned_to"] == expected


def test_gapped_bodies_keep_their_category() -> None:
    ex = _main("Kyiv received 1,245 bodies and Moscow 19 in Friday's repatriation, officials said.")
    assert _composition(ex) == {("Ukraine", "bodies", 1245), ("Russia", "bodies", 19)}


def test_groups_before_in_addition_to_a_swap_are_on_top_of_it() -> None:
    ex = _main(
        "Ukraine said on Friday it had freed 31 seriously wounded Russian soldiers in exchange "
        "for 15 wounded Ukrainians, in addition to a 246-for-246 swap."
    )
    assert ex["returned_to"] == {"Russia": 277, "Ukraine": 261}


def test_the_same_number_repeats_the_group_not_its_part() -> None:
    ex = _main(
        "Russian ombudswoman Tatyana Moskalkova said on Friday that 75 Russians, including 12 "
        "residents of the Kursk region, had returned home, and that Ukraine had received the "
        "same number."
    )
    assert ex["returned_to"] == {"Russia": 75, "Ukraine": 75}


def test_a_stage_under_an_agreement_keeps_its_additions() -> None:
    ex = _main(
        "Under the agreement reached in Istanbul, 390 Ukrainians came home on Friday, and another "
        "22 seriously wounded were handed over."
    )
    assert ex["returned_to"]["Ukraine"] == 412  # type: ignore[index]


def test_according_to_names_a_source_not_a_recipient() -> None:
    ex = _main(
        "Russia and Ukraine swapped prisoners on Friday. Kyiv also received 757 bodies and Moscow "
        "34, according to the Ukrainian coordination headquarters."
    )
    assert _composition(ex) == {("Ukraine", "bodies", 757), ("Russia", "bodies", 34)}


def test_buses_that_arrived_with_an_appositive_breakdown_are_done() -> None:
    ex = _main(
        "Ukraine and Russia swapped prisoners on Friday. Buses carrying the prisoners, 12 women "
        "and 3 minors, arrived in Chernihiv region."
    )
    assert _composition(ex) == {("Ukraine", "women", 12), ("Ukraine", "minors", 3)}


def test_an_institution_before_and_is_no_named_person() -> None:
    ex = _main(
        "Ukraine's Coordination Headquarters said on Friday that 90 defenders had returned from "
        "Russian captivity, among them 40 National Guard servicemen, 30 soldiers of the Armed "
        "Forces and 20 border guards."
    )
    assert ("Ukraine", "border_guards", 20) in _composition(ex)


def test_a_group_in_another_clause_does_not_make_soldiers_a_category() -> None:
    ex = _main(
        "After the prisoner swap on Friday the Russian side received 90 of its soldiers, while "
        "Kyiv got back 90 Ukrainians and, separately, 10 civilians."
    )
    assert ex["returned_to"] == {"Russia": 90, "Ukraine": 100}
    assert _composition(ex) == {("Ukraine", "civilians", 10)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The ministry said 120 Russian servicemen were returned after the prisoner swap on "
            "Friday, along with six civilian residents of the Bryansk region who had been taken to "
            "Ukraine during a raid last year.",
            {"Russia": 126, "Ukraine": None},
            id="relative-clause-about-the-added-group",
        ),
        pytest.param(
            "Kyiv held another swap with Moscow on Friday, bringing home 160 people, Zelensky said.",
            {"Russia": None, "Ukraine": 160},
            id="swap-with-a-party-then-a-date",
        ),
        pytest.param(
            '"We have freed 90 soldiers from captivity," Andriy Yermak wrote on Friday.',
            {"Russia": None, "Ukraine": 90},
            id="we-in-an-officials-quote",
        ),
    ],
)
def test_second_held_out_side_kinds(text: str, expected: dict[str, int | None]) -> None:
    assert _main(text)["returned_to"] == expected


def test_a_deal_a_side_is_no_stage_figure() -> None:
    ex = _main(
        "Russia and Ukraine held another prisoner exchange on Friday. Officials say the deal "
        "covers no fewer than 800 captives a side."
    )
    assert ex["returned_to"] == {"Russia": None, "Ukraine": None}


def test_a_spelled_out_part_of_the_freed_men_who_defended_mariupol() -> None:
    ex = _main(
        "Ukraine got back 95 soldiers in the swap on Friday. Sixty-one of the freed men defended "
        "Mariupol."
    )
    assert ex["returned_to"]["Ukraine"] == 95  # type: ignore[index]
    assert _composition(ex) == {("Ukraine", "defenders_of_mariupol", 61)}


def test_a_date_in_a_clause_about_the_persons_past_dates_nothing() -> None:
    ex = _main(
        "The Russian Defence Ministry said on Friday that 120 Russian servicemen had been "
        "returned, along with six civilian residents of the Bryansk region who had been taken to "
        "Ukraine during a cross-border raid last year."
    )
    assert ex["returned_to"]["Russia"] == 126  # type: ignore[index]
    assert ex["date"] == "2025-05-23"


def test_a_part_of_the_returnees_named_by_what_follows() -> None:
    ex = _main(
        "Ukraine and Russia swapped 100 prisoners each on Friday. Twelve of those released are "
        "women, and three of the returnees are teenagers."
    )
    assert _composition(ex) == {("Ukraine", "women", 12), ("Ukraine", "minors", 3)}


def test_a_bullet_list_after_a_colon_is_the_breakdown() -> None:
    ex = _main(
        "Our people are home!\nToday, 95 Ukrainians returned from Russian captivity:\n- 45 soldiers "
        "of the Armed Forces;\n- 30 National Guard servicemen;\n- 20 border guards.\nThank you to "
        "everyone who helped."
    )
    assert ex["returned_to"]["Ukraine"] == 95  # type: ignore[index]
    assert _composition(ex) == {
        ("Ukraine", "soldiers", 45),
        ("Ukraine", "national_guard", 30),
        ("Ukraine", "border_guards", 20),
    }


def test_a_country_returns_home_its_defenders() -> None:
    ex = _main("Ukraine returns home 103 defenders. The exchange took place on Friday.")
    assert ex["returned_to"] == {"Russia": None, "Ukraine": 103}


def test_a_word_about_the_persons_past_does_not_block_the_sentence() -> None:
    ex = _main(
        "Ukraine and Russia swapped 100 prisoners each on Friday. Twelve of those released are "
        "women, and three of the returnees are teenagers who had been deported from Kherson."
    )
    assert _composition(ex) == {("Ukraine", "women", 12), ("Ukraine", "minors", 3)}


def test_bodies_added_in_the_next_sentence_never_count_as_prisoners() -> None:
    # (Whose bodies they are is left open: a group with no side of its own no longer takes the
    # side of the sentence before, which misfired on "ten foreign citizens ... separately".)
    ex = _main(
        "Ukraine returns home 103 defenders from Russian captivity. Also returning are the bodies "
        "of 57 fallen heroes."
    )
    assert ex["returned_to"] == {"Russia": None, "Ukraine": 103}


def test_an_explicit_destination_beats_the_in_return_switch() -> None:
    ex = _main(
        "The Russian defence ministry said it received 121 troops in return on Friday and that "
        "six civilians from Kursk region had also come back to Russia after the prisoner swap."
    )
    assert ex["returned_to"]["Russia"] == 127  # type: ignore[index]
    assert _composition(ex) == {("Russia", "civilians", 6)}


def test_a_gapped_second_side_in_a_recalled_swap() -> None:
    ex = _main(
        "Ukraine and Russia swapped prisoners on Friday. The previous swap was on 7 April, when "
        "Kyiv got back 140 men and Moscow 95."
    )
    recalled = [
        e
        for e in extract_text(
            "Ukraine and Russia swapped prisoners on Friday. The previous swap was on 7 April, when "
            "Kyiv got back 140 men and Moscow 95.",
            published=PUB,
            language="en",
        ).exchanges
        if e.date == "2025-04-07"
    ]
    assert ex["parties"] == ["Russia", "Ukraine"]
    assert recalled and recalled[0].returned_to == {"Russia": 95, "Ukraine": 140}


def test_a_group_that_came_back_as_well_gives_no_side_it_does_not_name() -> None:
    ex = _main(
        "The Russian ministry reported on Friday that 160 of its servicemen were back home after "
        "the prisoner swap. Fourteen civilians from Belgorod region, whom Ukraine had been holding "
        "since spring, came back as well, according to the statement."
    )
    assert ex["returned_to"] == {"Russia": 160, "Ukraine": None}


def test_a_separate_release_is_no_addition() -> None:
    text = (
        "Hamas released 11 Israeli hostages on Monday and Israel freed 33 Palestinian prisoners, "
        "on the fourth day of a truce brokered by Qatar.\n\n"
        "The Israelis were handed to the Red Cross. The Palestinians freed from Israeli jails were "
        "also women and teenagers.\n\n"
        "In a separate arrangement, eight Thai nationals and a Nepali were also released from Gaza."
    )
    result = extract_text(text, published="2023-11-27", language="en")
    assert [e.returned_to for e in result.exchanges] == [{"Hamas": 33, "Israel": 11}]
    assert all(c.value != 8 for e in result.exchanges for c in e.claims)


def test_foreigners_freed_separately_are_no_side_s_figure() -> None:
    ex = _main(
        "Ukraine brought home 215 of its people on Wednesday. In return the Ukrainian side gave 55 "
        "Russian prisoners and also Viktor Medvedchuk.\n\n"
        "Saudi Arabia separately helped to release ten foreign citizens who fought on the "
        "Ukrainian side."
    )
    assert ex["returned_to"] == {"Russia": 56, "Ukraine": 215}
