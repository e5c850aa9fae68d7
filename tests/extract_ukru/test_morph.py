"""Both morphology paths: the built-in suffix rules (always) and pymorphy3 (the [morph] extra)."""

from __future__ import annotations

import pytest

from powledger.extract import ru, uk
from powledger.extract.slavic import (
    MorphologyUnavailableError,
    SuffixMorphology,
    morph_backend_from_env,
    morphology_available,
)

# Variant instrumental forms that our tables leave out on purpose (they are rare in reports);
# only the optional dictionaries know them.
UK_RARE = "Обмін шістьомастами двадцятьма полоненими"


def _values(finder: uk.SlavicNumberFinder, text: str) -> list[int]:
    return [n.value for n in finder(text)]


def test_suffix_rules_strip_endings_and_keep_short_words() -> None:
    uk_rules = uk.suffix_morphology()
    assert uk_rules.lemma("офіцерів") == "офіцер"
    assert uk_rules.lemma("полонених") == "полонен"
    assert uk_rules.lemma("мир") == "мир"
    ru_rules = ru.suffix_morphology()
    assert ru_rules.lemma("военнослужащих") == "военнослужащ"
    assert ru_rules.lemma("пленными") == "пленн"
    assert SuffixMorphology(endings=("ами",)).numeral_lemma("двомастами") is None


def test_suffix_path_always_works_on_the_tables() -> None:
    finder = uk.build_number_finder("suffix")
    assert finder.morphology_name == "suffix"
    assert _values(finder, "повернулися двохсот сімох") == [207]
    # Without the dictionaries the rare form is not a number, and nothing breaks.
    assert _values(finder, UK_RARE) == [20]
    assert _values(ru.build_number_finder("suffix"), "двухсот пятидесяти") == [250]


def test_auto_falls_back_to_suffix_rules_when_dictionaries_are_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import powledger.extract.slavic.morph as slavic

    def missing(language: str) -> slavic.PymorphyMorphology:
        raise MorphologyUnavailableError("not installed")

    monkeypatch.setattr(slavic, "_pymorphy", missing)
    finder = uk.build_number_finder("auto")
    assert finder.morphology_name == "suffix"
    assert _values(finder, "сто три") == [103]
    with pytest.raises(MorphologyUnavailableError):
        _values(uk.build_number_finder("pymorphy"), "сто три")


def test_backend_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWLEDGER_MORPH", raising=False)
    assert morph_backend_from_env() == "suffix"
    monkeypatch.setenv("POWLEDGER_MORPH", "Auto")
    assert morph_backend_from_env() == "auto"
    monkeypatch.setenv("POWLEDGER_MORPH", "spacy")
    with pytest.raises(MorphologyUnavailableError, match="POWLEDGER_MORPH"):
        morph_backend_from_env()


def _need(language: str) -> None:
    if not morphology_available(language):
        reason = (
            f"pymorphy3 dictionaries for {language} not installed (pip install 'powledger[morph]')"
        )
        print(f"SKIP: {reason}")
        pytest.skip(reason)


def test_pymorphy_path_learns_rare_forms_and_composes_them() -> None:
    _need("uk")
    finder = uk.build_number_finder("pymorphy")
    assert finder.morphology_name == "pymorphy3-uk"
    assert _values(finder, UK_RARE) == [620]
    # The tables still answer first: the same results as the fallback on common forms.
    common = "Додому повернулися двохсот сімох, а ще близько тисячі чекають"
    assert _values(finder, common) == _values(uk.build_number_finder("suffix"), common)


def test_pymorphy_path_for_russian() -> None:
    _need("ru")
    finder = ru.build_number_finder("pymorphy")
    assert finder.morphology_name == "pymorphy3-ru"
    text = "Вернулись двухсот пятидесяти военнослужащих; ещё сорок восемь ждут"
    assert _values(finder, text) == [250, 48]
    assert _values(finder, "вернулся в семью") == []


def test_pymorphy_lemmas() -> None:
    _need("uk")
    from powledger.extract.slavic import PymorphyMorphology

    morph = PymorphyMorphology("uk")
    assert morph.lemma("офіцерів") == "офіцер"
    assert morph.numeral_lemma("двохсот") == "двісті"
    assert morph.numeral_lemma("офіцерів") is None
