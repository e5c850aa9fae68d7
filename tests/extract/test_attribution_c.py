"""Attribution: who asserts each figure (speakers the actor list does not know, sources named
in their own sentence, generic sources, outlets, the ICRC, titles and their holders)."""

from __future__ import annotations

import pytest

from powledger.extract.attribution import transliterate
from powledger.extract.core import extract_document
from powledger.extract.evaluate import predicted_attributions


def _who(text: str, published: str = "2024-09-15", language: str = "en") -> set[tuple]:
    doc = extract_document(text, published=published, language=language).to_dict()
    out: set[tuple] = set()
    for exchange in doc["exchanges"]:
        out |= predicted_attributions(exchange)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armenia and Azerbaijan swapped prisoners on Friday. Azerbaijani Deputy Foreign "
            "Minister Leyla Rustamova said 14 Azerbaijani detainees had come home.",
            ("Azerbaijan", 14, "Leyla Rustamova"),
        ),
        (
            "Tamar Beridze, the Moscow-appointed head of the occupied district, said 61 Russian "
            "servicemen were returned from captivity on Saturday.",
            ("Russia", 61, "Tamar Beridze"),
        ),
        (
            "Ukraine got back 60 prisoners of war on Saturday, said Olena Kovalenko, the head of "
            "Zelensky's office.",
            ("Ukraine", 60, "Olena Kovalenko"),
        ),
        (
            "Russia and Ukraine each freed 80 prisoners on Saturday, according to Russian Deputy "
            "Foreign Minister Pavel Orlov.",
            ("Russia", 80, "Pavel Orlov"),
        ),
    ],
)
def test_unknown_named_speaker_is_the_asserter(text: str, expected: tuple) -> None:
    assert expected in _who(text)


def test_unknown_speaker_title_gives_the_side() -> None:
    # The spokesman speaks for Ukraine (his title names the Coordination Headquarters), so his
    # intransitive "had come home" is Ukraine's figure.
    text = (
        "Oleh Shevchuk, a spokesman for the Coordination Headquarters, said 189 people had come "
        "home from captivity on Monday."
    )
    assert ("Ukraine", 189, "Oleh Shevchuk") in _who(text, "2024-12-30")


def test_surname_alone_later_is_the_same_person() -> None:
    text = (
        "Armenian Security Council official Davit Sargsyan spoke after the handover on Friday.\n"
        "Sargsyan said 32 Armenian servicemen had been returned from captivity."
    )
    assert ("Armenia", 32, "Davit Sargsyan") in _who(text, "2023-12-15")


@pytest.mark.parametrize(
    ("name", "language", "latin"),
    [
        ("Денис Петренко", "uk", "Denys Petrenko"),
        ("Юлія Яковенко", "uk", "Yuliia Yakovenko"),
        ("Денис Петренко", "ru", "Denis Petrenko"),
        ("Сергей Жуков", "ru", "Sergei Zhukov"),
        ("Aram Sargsyan", "en", "Aram Sargsyan"),
    ],
)
def test_transliteration_is_consistent(name: str, language: str, latin: str) -> None:
    assert transliterate(name, language) == latin


def test_unknown_cyrillic_speaker() -> None:
    uk = "Заступник міністра Іван Петренко заявив, що з полону повернулися 25 українців."
    assert ("Ukraine", 25, "Ivan Petrenko") in _who(uk, language="uk")


def test_known_occupation_leader_in_ukrainian() -> None:
    text = "Денис Пушилін заявив, що додому з полону повернулися 25 російських військових."
    assert {a[2] for a in _who(text, language="uk")} == {"Denis Pushilin"}


def test_source_in_its_own_paragraph_credits_the_paragraph_before() -> None:
    text = (
        "Today 150 Ukrainian defenders returned from captivity.\n\n"
        "This was reported by the Coordination Headquarters for the Treatment of Prisoners of War."
    )
    assert _who(text, "2025-02-05") == {
        ("Ukraine", 150, "Coordination Headquarters for the Treatment of Prisoners of War")
    }


def test_russian_back_reference_followed_by_more_text() -> None:
    text = (
        "Семьдесят пять защитников вернулись домой\n"
        "В пятницу Украина вернула из плена 75 своих граждан.\n"
        "Об этом сообщили в Координационном штабе. Среди освобождённых — защитники Мариуполя."
    )
    assert {a[2] for a in _who(text, "2024-05-31", "ru")} == {
        "Coordination Headquarters for the Treatment of Prisoners of War"
    }


def test_return_leg_on_a_wire_next_line_keeps_the_speaker() -> None:
    text = (
        "МОСКВА, 25 июня. /ТАСС/. Девяносто российских военнослужащих возвращены из украинского "
        "плена, сообщили в Минобороны России.\nВ обмен Украине переданы 90 военнопленных ВСУ."
    )
    assert ("Ukraine", 90, "Russian Ministry of Defence") in _who(text, "2024-06-25", "ru")


def test_lower_case_institution_resolves_to_the_one_named_earlier() -> None:
    text = (
        "The Russian Ministry of Defence announced on Wednesday that 150 Russian servicemen had "
        "been returned from territory controlled by Kyiv. Tatyana Moskalkova, Russia's human "
        "rights commissioner, thanked the UAE for its mediation.\nIn return, the ministry said, "
        "150 Ukrainian prisoners of war were handed over."
    )
    assert ("Ukraine", 150, "Russian Ministry of Defence") in _who(text, "2025-02-06")


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-10-18", "Andriy Yermak"), ("2025-12-20", None)],
)
def test_head_of_presidents_office_is_yermak_only_while_he_held_the_post(
    published: str, expected: str | None
) -> None:
    text = (
        "Ninety-five Ukrainian servicemen returned from Russian captivity on Friday, the head of "
        "the President's Office said."
    )
    names = {a[2] for a in _who(text, published) if a[0] == "Ukraine"}
    assert names == {expected}
    assert "Volodymyr Zelensky" not in names


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine says 75 of its citizens are back home after a prisoner swap with Russia on "
        "Friday.\nPresident Volodymyr Zelensky thanked the teams involved in an evening address.",
        "A senior Ukrainian official said on Friday that 75 servicemen had come home from Russian "
        "captivity. Zelensky later posted photographs of the men.",
        "Officials in both capitals said 120 prisoners were swapped on Friday, each side freeing "
        "60, days after a truce Putin had announced.",
    ],
)
def test_generic_source_is_not_a_nearby_named_official(text: str) -> None:
    assert {a[2] for a in _who(text, "2024-06-01")} == {None}


def test_icrc_that_transported_people_asserts_nothing() -> None:
    text = (
        "The prisoners were handed to the Red Cross at the border. Russia and Ukraine each freed "
        "50 prisoners on Saturday, officials said."
    )
    assert {a[2] for a in _who(text)} == {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ninety Russian servicemen came home from Ukrainian captivity on Tuesday, TASS "
            "reported.",
            None,
        ),
        (
            "TASS, citing the Russian defence ministry, reported that 84 Russian servicemen had "
            "been returned on Thursday.",
            "Russian Ministry of Defence",
        ),
        (
            "Ukrinform reported, citing the Coordination Headquarters, that 95 Ukrainian "
            "defenders returned home on Friday.",
            "Coordination Headquarters for the Treatment of Prisoners of War",
        ),
    ],
)
def test_outlet_voice_is_null_unless_it_cites_a_source(text: str, expected: str | None) -> None:
    assert {a[2] for a in _who(text)} == {expected}


def test_subject_of_the_reporting_verb_wins_over_a_name_in_its_appositive() -> None:
    text = (
        "Kyrylo Budanov, the head of military intelligence, told a television channel on "
        "Saturday that 95 Ukrainian soldiers had come home the day before."
    )
    assert _who(text, "2024-10-19") == {("Ukraine", 95, "Kyrylo Budanov")}


def test_pronoun_and_leader_anaphora() -> None:
    text = (
        "Russia and Ukraine swapped prisoners on Saturday. The Russian Ministry of Defence gave "
        "other figures. It claimed that 90 Russian soldiers had been returned."
    )
    assert ("Russia", 90, "Russian Ministry of Defence") in _who(text)
    text = (
        "Zelensky spoke on Saturday after the swap. The Ukrainian leader wrote that 95 Ukrainians "
        "were home."
    )
    assert ("Ukraine", 95, "Volodymyr Zelensky") in _who(text)


def test_other_conflicts_bodies() -> None:
    text = (
        "Three Israeli women held in Gaza were handed to the Red Cross on Sunday and later "
        "crossed into Israel, the Israeli military said.\nHours later, the Israel Prison Service "
        "said 90 Palestinian prisoners had been released from Ofer prison."
    )
    assert _who(text, "2025-01-20") == {
        ("Israel", 3, "Israel Defense Forces"),
        ("Hamas", 90, "Israel Prison Service"),
    }


def test_institution_names_are_not_people() -> None:
    text = (
        "The United Arab Emirates said on Sunday that its mediation had led to the release of 50 "
        "prisoners of war, twenty-five from each side."
    )
    names = {a[2] for a in _who(text, "2025-01-05")}
    assert names <= {None, "United Arab Emirates Ministry of Foreign Affairs"}


def test_signature_with_first_name() -> None:
    text = (
        "Повернули додому ще 95 наших захисників!\nДякую ОАЕ за посередництво!\n"
        "Продовжуємо працювати, щоб повернути всіх.\nДмитро Лубінець"
    )
    assert ("Ukraine", 95, "Dmytro Lubinets") in _who(text, "2024-10-18", "uk")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Said Said said 5.",
        "Ivan Petrenko",
        "Іван Петренко заявив",
        ", said , , said 3 prisoners",
        "TASS TASS reported citing citing",
        "The head of the President's Office said.",
    ],
)
def test_never_raises_on_odd_text(text: str) -> None:
    extract_document(text, published="2024-01-01", language="en")
    extract_document(text, published="2024-01-01", language="uk")


def test_agency_in_a_relative_clause_heads_no_post() -> None:
    text = "СБУ, яка затримала агента, оприлюднила відео. З полону повернулися 95 українців."
    assert {a[2] for a in _who(text, language="uk")} == {None}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Main Intelligence Directorate of Ukraine's Ministry of Defence said 95 "
            "Ukrainians came home from captivity on Saturday.",
            "en",
        ),
        (
            "Головне управління розвідки Міністерства оборони України повідомило, що з полону "
            "повернулися 95 українців.",
            "uk",
        ),
    ],
)
def test_intelligence_directorate_of_the_ministry_is_hur(text: str, language: str) -> None:
    assert {a[2] for a in _who(text, language=language)} == {"Ukrainian Defence Intelligence (HUR)"}


def test_two_speakers_in_one_sentence_each_keep_their_figure() -> None:
    text = (
        "Zelensky said 95 Ukrainians came home on Saturday, while Russia's defence ministry said "
        "90 Russian soldiers were returned."
    )
    assert _who(text) == {
        ("Ukraine", 95, "Volodymyr Zelensky"),
        ("Russia", 90, "Russian Ministry of Defence"),
    }


def test_mediating_states_dispatch_is_its_ministrys_statement() -> None:
    text = (
        "The United Arab Emirates said on Sunday that its mediation had led to the release of 50 "
        "prisoners of war, twenty-five from each side, in an exchange between Russia and Ukraine.\n"
        "The Emirati foreign ministry said it was the first such mediation of the new year."
    )
    assert {a[2] for a in _who(text, "2025-01-05")} == {
        "United Arab Emirates Ministry of Foreign Affairs"
    }


def test_a_name_in_an_appositive_is_not_the_unnamed_officials() -> None:
    text = (
        "Ukraine got back 215 people on Wednesday, and Viktor Medvedchuk, a close friend of "
        "Vladimir Putin, was among 55 people handed to Russia, Ukrainian officials said."
    )
    assert {a[2] for a in _who(text, "2022-09-22")} == {None}


def test_people_swapped_in_a_clause_are_not_speakers() -> None:
    text = (
        "МОСКВА, 13 февраля. /ТАСС/. Россия и США провели обмен заключенными: в Россию вернулся "
        "Александр Винник, американской стороне передан Марк Фогель, сообщили в Кремле."
    )
    names = {a[2] for a in _who(text, "2025-02-13", "ru")}
    assert not names & {"Aleksandr Vinnik", "Mark Fogel"}


def test_ministry_formula_is_its_statement_unless_a_wire_quotes_it() -> None:
    post = (
        "19 марта возвращены 175 российских военнослужащих, находившихся в плену. Взамен переданы "
        "175 военнопленных ВСУ.\nГуманитарное посредничество осуществили ОАЭ."
    )
    assert {a[2] for a in _who(post, "2025-03-19", "ru")} == {"Russian Ministry of Defence"}
    wire = (
        "МОСКВА, 31 мая. /РИА Новости/. В пятницу из украинского плена возвращены 75 российских "
        "военнослужащих, в ответ переданы 75 военнопленных ВСУ, сообщило Минобороны РФ.\n"
        "Предыдущий обмен состоялся 8 февраля, тогда стороны обменялись сотней пленных каждая."
    )
    for exchange in extract_document(wire, published="2024-05-31", language="ru").to_dict()[
        "exchanges"
    ]:
        if exchange["date"] == "2024-02-08":
            assert {a[2] for a in predicted_attributions(exchange)} == {None}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Сьогодні з полону повернулися 205 українців.\nПосередником виступили ОАЕ. "
            "Координаційний штаб дякує партнерам за допомогу.",
            "uk",
        ),
        (
            "Today 205 Ukrainians came home from captivity.\nThe Coordination Headquarters thanks "
            "our partners for their help.",
            "en",
        ),
    ],
)
def test_body_speaking_of_itself_in_the_present_is_the_posts_author(
    text: str, language: str
) -> None:
    assert {a[2] for a in _who(text, "2024-12-30", language)} == {
        "Coordination Headquarters for the Treatment of Prisoners of War"
    }


def test_past_tense_thanks_in_a_report_is_no_authorship() -> None:
    text = (
        "Today 205 Ukrainians came home from captivity.\nThe Coordination Headquarters thanked "
        "the UAE for its help."
    )
    assert {a[2] for a in _who(text, "2024-12-30")} == {None}


@pytest.mark.parametrize(
    ("text", "side", "expected"),
    [
        (
            "Russia received 75 of its servicemen on Friday in an exchange with Ukraine, its "
            "defence ministry said.",
            "Russia",
            "Russian Ministry of Defence",
        ),
        (
            "The Russian ombudswoman said on Tuesday that 90 Russian citizens had come back from "
            "Ukrainian captivity. The same day 90 Ukrainian prisoners were handed over to Kyiv, "
            "the defence ministry in Moscow added.",
            "Russia",
            "Tatyana Moskalkova",
        ),
    ],
)
def test_generic_body_takes_the_party_it_belongs_to(text: str, side: str, expected: str) -> None:
    assert {a[2] for a in _who(text, "2024-05-31") if a[0] == side} == {expected}


def test_another_speaker_keeps_a_dispatch_from_the_mediators_ministry() -> None:
    text = (
        "DOHA, Sept 18 - Five US citizens who had been held in Iran landed in Doha on Monday, as "
        "the United States released five Iranians under a deal mediated by Qatar.\nWashington "
        "says the money may be used only for humanitarian purchases.\nQatar's foreign ministry "
        "said the deal was the result of months of shuttle diplomacy."
    )
    assert "Qatar Ministry of Foreign Affairs" not in {a[2] for a in _who(text, "2023-09-18")}


@pytest.mark.parametrize(
    "text",
    [
        "Ninety-five Ukrainians came home from captivity on Saturday, officials said in San "
        "Francisco.",
        "Nadia Cruz's lawyer said 95 Ukrainians came home from captivity on Saturday.",
        "Russia's Inner Mongolia said 95 Ukrainians came home from captivity on Saturday.",
    ],
)
def test_institutions_places_and_possessives_are_not_unknown_speakers(text: str) -> None:
    assert {a[2] for a in _who(text)} <= {None}


def test_back_reference_that_goes_on_after_the_source() -> None:
    text = (
        "11:50 Украина вернула из плена 95 защитников. Об этом сообщил омбудсмен Дмитрий Лубинец, "
        "назвав это 58-м обменом."
    )
    assert ("Ukraine", 95, "Dmytro Lubinets") in _who(text, "2024-10-18", "ru")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("За словами Івана Петренка, з полону повернулися 25 українців.", "uk"),
        ("По словам Ивана Петренко, из плена вернулись 25 российских военных.", "ru"),
    ],
)
def test_inflected_unknown_name_is_not_taken_as_written(text: str, language: str) -> None:
    # A genitive «Івана Петренка» would give a wrong canonical name; better none.
    assert {a[2] for a in _who(text, language=language)} == {None}


def test_as_outlet_reported_is_the_reports_voice() -> None:
    text = (
        "Russia and Ukraine swapped 84 prisoners each on Thursday.\nAs Meduza reported, the "
        "previous exchange took place on August 24, when 146 were freed on each side."
    )
    assert {a[2] for a in _who(text, "2025-08-15")} == {None}


def test_news_agency_dispatch_keeps_its_own_voice() -> None:
    # The lead's ruling: a news agency's own voice is null even when the only body that speaks
    # afterwards is the mediator's ministry.
    text = (
        "ABU DHABI, 25th June, 2024 (WAM) -- The United Arab Emirates has succeeded in a mediation "
        "between Russia and Ukraine that resulted in the release of 180 captives, 90 from each "
        "side, on Tuesday.\nThe Ministry of Foreign Affairs thanked both countries for their "
        "cooperation."
    )
    names = {a[2] for a in _who(text, "2024-06-25")}
    assert "United Arab Emirates Ministry of Foreign Affairs" not in names
