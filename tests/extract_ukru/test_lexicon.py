"""The uk/ru lexicons as the core reads them: actors, mediators, parties, persons, cue words."""

from __future__ import annotations

import re

import pytest

from powledger.extract.base import Lexicon, get_lexicon
from powledger.extract.patterns import compile_lexicon
from powledger.models import CATEGORIES


def _lexicon(code: str) -> Lexicon:
    lexicon = get_lexicon(code)
    assert lexicon is not None and lexicon.language == code
    return lexicon


def _actors(code: str, text: str) -> list[str]:
    return [name for _s, _e, name in compile_lexicon(_lexicon(code)).actors.find(text)]


@pytest.mark.parametrize("code", ["uk", "ru"])
def test_every_fragment_compiles_and_categories_are_known(code: str) -> None:
    lexicon = _lexicon(code)
    for field_name, value in vars(lexicon).items():
        fragments: list[str] = []
        if isinstance(value, tuple) and value and isinstance(value[0], str):
            fragments = list(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                fragments.extend([key] if isinstance(item, str) else list(item))
        for fragment in fragments:
            if field_name == "prefilter_words":
                assert fragment == fragment.lower(), fragment
                continue
            re.compile(fragment)
    assert set(lexicon.person_nouns.values()) <= set(CATEGORIES)
    assert set(lexicon.category_modifiers.values()) <= set(CATEGORIES)


@pytest.mark.parametrize(
    ("code", "text", "actor"),
    [
        ("uk", "заявив Андрій Єрмак", "Andriy Yermak"),
        ("uk", "за словами Єрмака", "Andriy Yermak"),
        ("ru", "по словам Ермака", "Andriy Yermak"),
        ("ru", "Андрей Ермак написал", "Andriy Yermak"),
        ("uk", "повідомив Дмитро Лубінець", "Dmytro Lubinets"),
        ("uk", "за даними Лубінця", "Dmytro Lubinets"),
        ("ru", "сообщил Лубинец", "Dmytro Lubinets"),
        ("en", "Lubinetz said", "Dmytro Lubinets"),
        ("en", "Moskal'kova said", "Tatyana Moskalkova"),
        ("uk", "у Міноборони Росії заявили", "Russian Ministry of Defence"),
        ("uk", "Міністерство оборони РФ повідомило", "Russian Ministry of Defence"),
        ("ru", "сообщило Минобороны России", "Russian Ministry of Defence"),
        ("ru", "Министерство обороны Российской Федерации", "Russian Ministry of Defence"),
        ("ru", "заявила Москалькова", "Tatyana Moskalkova"),
        ("uk", "російська омбудсменка Москалькова", "Tatyana Moskalkova"),
        (
            "uk",
            "повідомили в Координаційному штабі",
            "Coordination Headquarters for the Treatment of Prisoners of War",
        ),
        (
            "ru",
            "сообщил Координационный штаб",
            "Coordination Headquarters for the Treatment of Prisoners of War",
        ),
        ("uk", "написав Зеленський", "Volodymyr Zelensky"),
        ("ru", "по словам Зеленского", "Volodymyr Zelensky"),
        ("uk", "у ГУР повідомили", "Ukrainian Defence Intelligence (HUR)"),
        ("uk", "Міноборони України", "Ukrainian Ministry of Defence"),
        ("ru", "МИД ОАЭ сообщил", "United Arab Emirates Ministry of Foreign Affairs"),
    ],
)
def test_cyrillic_actors_map_to_the_english_canonical_names(
    code: str, text: str, actor: str
) -> None:
    assert actor in _actors(code, text)


@pytest.mark.parametrize("spelling", ["Yermak", "Iermak", "Ermak", "Jermak"])
def test_latin_transliterations_reach_the_same_actor(spelling: str) -> None:
    # Latin spellings turn up in Ukrainian and Russian texts too (quotes of English posts).
    for code in ("uk", "ru", "en"):
        assert _actors(code, f"{spelling} said") == ["Andriy Yermak"]


@pytest.mark.parametrize(
    ("code", "text", "mediator"),
    [
        ("uk", "за посередництва ОАЕ", "United Arab Emirates"),
        ("uk", "дякуємо Об'єднаним Арабським Еміратам", "United Arab Emirates"),
        ("uk", "дякуємо Обʼєднаним Арабським Еміратам", "United Arab Emirates"),
        ("ru", "при посредничестве ОАЭ", "United Arab Emirates"),
        ("ru", "Объединённым Арабским Эмиратам", "United Arab Emirates"),
        ("uk", "за сприяння Туреччини", "Turkey"),
        ("ru", "при содействии Саудовской Аравии", "Saudi Arabia"),
        ("uk", "за участі Катару", "Qatar"),
        ("ru", "при участии Ватикана", "Vatican"),
    ],
)
def test_mediators(code: str, text: str, mediator: str) -> None:
    found = [name for _s, _e, name in compile_lexicon(_lexicon(code)).mediators.find(text)]
    assert found == [mediator]


@pytest.mark.parametrize(
    ("code", "phrase", "category"),
    [
        ("uk", "офіцерів", "officers"),
        ("uk", "рядових та сержантів", "privates_and_sergeants"),
        ("uk", "цивільних", "civilians"),
        ("uk", "жінок", "women"),
        ("uk", "важкопоранених", "seriously_wounded_or_sick"),
        ("uk", "прикордонників", "border_guards"),
        ("uk", "нацгвардійців", "national_guard"),
        ("uk", "військовополонених", "total"),
        ("uk", "захисників", "total"),
        ("ru", "офицеров", "officers"),
        ("ru", "рядовых и сержантов", "privates_and_sergeants"),
        ("ru", "мирных жителей", "civilians"),
        ("ru", "военнослужащих", "total"),
        ("ru", "военнопленных", "total"),
        ("ru", "тяжелораненых", "seriously_wounded_or_sick"),
        ("ru", "пограничников", "border_guards"),
        ("ru", "несовершеннолетних", "minors"),
    ],
)
def test_person_nouns_map_into_the_controlled_vocabulary(
    code: str, phrase: str, category: str
) -> None:
    table = compile_lexicon(_lexicon(code)).persons
    hit = table.match_at(phrase, 0)
    assert hit is not None and hit[0] == len(phrase)
    assert hit[1] == category


@pytest.mark.parametrize(
    ("code", "phrase", "party"),
    [
        ("uk", "українських", "Ukraine"),
        ("uk", "росіян", "Russia"),
        ("uk", "військовополонених ЗСУ", "Ukraine"),
        ("ru", "военнопленных ВСУ", "Ukraine"),
        ("ru", "военнослужащих ВС РФ", "Russia"),
        ("ru", "российских", "Russia"),
        ("ru", "граждан Украины", "Ukraine"),
    ],
)
def test_parties_including_a_genitive_after_the_noun(code: str, phrase: str, party: str) -> None:
    hit = compile_lexicon(_lexicon(code)).parties.match_at(phrase, 0)
    assert hit == (len(phrase), party)


@pytest.mark.parametrize(
    ("code", "table", "text"),
    [
        ("uk", "plan", "сторони домовилися про обмін"),
        ("uk", "plan", "планується новий обмін"),
        ("ru", "plan", "стороны договорились об обмене"),
        ("ru", "plan", "Россия готова к обмену"),
        ("uk", "trial", "суд виніс вирок"),
        ("ru", "trial", "вынес приговор"),
        ("uk", "cumulative", "з початку повномасштабного вторгнення"),
        ("uk", "cumulative", "це вже 64-й обмін"),
        ("ru", "cumulative", "с начала специальной военной операции"),
        ("ru", "cumulative", "это 84-й обмен"),
        ("uk", "cumulative_weak", "загалом"),
        ("ru", "cumulative_weak", "всего"),
        ("uk", "receive", "повернули додому"),
        ("uk", "returns", "повернулися з полону"),
        ("uk", "receive", "звільнили з полону"),
        ("uk", "exchange", "обмін полоненими"),
        ("ru", "receive", "вернули из плена"),
        ("ru", "returns", "возвращены"),
        ("ru", "receive", "переданы"),
        ("ru", "exchange", "обмен пленными"),
    ],
)
def test_cue_words(code: str, table: str, text: str) -> None:
    compiled = compile_lexicon(_lexicon(code))
    assert getattr(compiled, table).find(text), f"{table} missed in {text!r}"


@pytest.mark.parametrize(
    ("code", "text", "relevant"),
    [
        ("uk", "Україна повернула з полону 95 захисників", True),
        ("uk", "Додому повернулися 103 військових", True),
        ("uk", "У Києві відкрили новий міст через Дніпро", False),
        ("uk", "Команда повернулася додому після перемоги", False),
        ("uk", "Туристи заполонили вулиці Львова", False),
        ("ru", "Из плена вернулись 48 военных", True),
        ("ru", "Вернулись домой 90 российских военнослужащих", True),
        ("ru", "В Москве прошел пленум профсоюза", False),
        ("ru", "Команда вернулась домой после победы", False),
    ],
)
def test_prefilter(code: str, text: str, relevant: bool) -> None:
    from powledger.extract.prefilter import looks_relevant

    assert looks_relevant(text, _lexicon(code)) is relevant
