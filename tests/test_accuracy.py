"""The accuracy gate: per-field F1 on our annotated corpus must not fall below the checked-in floors.

Floors live in tests/corpus/baseline.json, per language and field; they may only rise. After an
improvement, run ``python -m powledger.extract.evaluate tests/corpus/<language>`` and raise the
floors to a little under the measured F1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from powledger.extract.evaluate import evaluate, format_report, load_corpus

CORPUS = Path(__file__).parent / "corpus"
BASELINE = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", sorted(BASELINE))
def test_fields_stay_above_their_floors(language: str) -> None:
    folder = CORPUS / language
    docs = load_corpus(folder) if folder.is_dir() else []
    if not docs:
        pytest.fail(f"the {language} corpus in {folder} is empty but has floors in baseline.json")
    report = evaluate(docs)
    print(format_report(report))
    below = {
        name: (round(report.scores[name].f1, 4), floor)
        for name, floor in BASELINE[language].items()
        if report.scores[name].f1 < floor
    }
    assert not below, f"{language}: F1 below floor (measured, floor): {below}"


def test_floors_are_sane() -> None:
    for language, floors in BASELINE.items():
        for name, floor in floors.items():
            assert 0.0 <= floor <= 1.0, (language, name)
