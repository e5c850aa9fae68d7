"""Ukrainian and Russian extraction throughput, next to English on the same machine and run.

Two runs per language, as in ``benchmarks/extract.py``: a realistic stream (1 % exchange reports,
99 % other news generated here from our own sentence templates) and exchange reports alone (the
annotated corpus in tests/corpus/<language>, which our team wrote). English is measured in the
same process so that the ratio is fair on a shared machine.

    python benchmarks/extract_ukru.py                # 10,000-document streams
    python benchmarks/extract_ukru.py --stream 30000
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from collections.abc import Callable
from pathlib import Path

from powledger.extract.core import extract_document

ROOT = Path(__file__).resolve().parent.parent

# Other news, in our own words. Some sentences share words with exchange reports ("обмін
# досвідом", "повернули кошти"), and a tenth of the articles is war news (shelling, front line,
# evacuees), so that the prefilter lets a realistic share through, as in benchmarks/extract.py.
NEWS = {
    "uk": {
        "subjects": [
            "Міська рада",
            "Національний банк",
            "Обласний суд",
            "Міністерство охорони здоров'я",
            "Фермери Полтавщини",
            "Збірна з футболу",
            "Енергетики",
            "Опозиційна фракція",
            "Профспілка вчителів",
            "Гідрометцентр",
            "Укрзалізниця",
            "Молода ІТ-компанія",
        ],
        "verbs": [
            "оголосила",
            "схвалила",
            "відхилила",
            "відклала",
            "розкритикувала",
            "підтримала",
            "запропонувала",
            "оприлюднила",
            "підписала",
            "відкрила",
            "обговорила",
        ],
        "objects": [
            "новий бюджет на наступний рік",
            "план будівництва трамвайної лінії",
            "результати опитування",
            "угоду з постачальниками",
            "нові тарифи на опалення",
            "програму ремонту 40 шкіл",
            "звіт про якість повітря",
            "правила оренди житла",
            "податкові пільги для малого бізнесу",
            "фестиваль на 12 тисяч відвідувачів",
        ],
        "tails": [
            "Подробиці обіцяють оприлюднити наступного тижня.",
            "Критики вважають, що рішення запізнилося.",
            "Зміни набудуть чинності 1 березня.",
            "На зустріч у вівторок прийшли близько 300 людей.",
            "Учасники домовилися про обмін досвідом між громадами.",
            "Команда повернулася додому після перемоги 3:1 у неділю.",
            "Підрядникам повернули кошти за невиконані роботи.",
            "Температура на півдні сягне 25 градусів.",
        ],
        "days": ["у понеділок", "у вівторок", "у п'ятницю"],
        "war": [
            "Окупанти вночі обстріляли Харків, поранено 12 людей, серед них двоє дітей.",
            "За добу Сили оборони відбили 42 атаки на Покровському напрямку.",
            "Військові 47-ї бригади повернулися на позиції після ротації.",
            "Росія випустила по Україні 80 дронів, 65 з них збили.",
            "З прифронтових сіл евакуювали 300 жителів, повідомила обласна адміністрація.",
            "Зеленський заявив, що Україна потребує ще 10 систем протиповітряної оборони.",
        ],
    },
    "ru": {
        "subjects": [
            "Городская дума",
            "Центральный банк",
            "Областной суд",
            "Министерство здравоохранения",
            "Фермеры Кубани",
            "Сборная по футболу",
            "Энергетики",
            "Оппозиционная фракция",
            "Профсоюз учителей",
            "Гидрометцентр",
            "Железная дорога",
            "Молодая ИТ-компания",
        ],
        "verbs": [
            "объявила",
            "одобрила",
            "отклонила",
            "отложила",
            "раскритиковала",
            "поддержала",
            "предложила",
            "опубликовала",
            "подписала",
            "открыла",
            "обсудила",
        ],
        "objects": [
            "новый бюджет на следующий год",
            "план строительства трамвайной линии",
            "результаты опроса",
            "соглашение с поставщиками",
            "новые тарифы на отопление",
            "программу ремонта 40 школ",
            "доклад о качестве воздуха",
            "правила аренды жилья",
            "налоговые льготы для малого бизнеса",
            "фестиваль на 12 тысяч посетителей",
        ],
        "tails": [
            "Подробности обещают опубликовать на следующей неделе.",
            "Критики считают, что решение запоздало.",
            "Изменения вступят в силу 1 марта.",
            "На встречу во вторник пришли около 300 человек.",
            "Участники договорились об обмене опытом между регионами.",
            "Команда вернулась домой после победы 3:1 в воскресенье.",
            "Подрядчикам вернули средства за невыполненные работы.",
            "Температура на юге достигнет 25 градусов.",
        ],
        "days": ["в понедельник", "во вторник", "в пятницу"],
        "war": [
            "Ночью в Белгородской области были ранены 5 человек, сообщил губернатор.",
            "Минобороны России сообщило об уничтожении 40 беспилотников над регионами.",
            "Военнослужащие вернулись в пункт постоянной дислокации после учений.",
            "Из приграничных сел эвакуировали 300 жителей, сообщили власти.",
            "ВСУ потеряли за сутки до 1300 военных, утверждает российское ведомство.",
            "Песков заявил, что Кремль не комментирует сообщения о переговорах.",
        ],
    },
}


def other_news(language: str, rng: random.Random) -> str:
    """One generated non-exchange article of roughly 2-6 KB in ``language``; a tenth is war news."""
    words = NEWS[language]
    war = rng.random() < 0.1
    paragraphs = [
        f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])}"
    ]
    for _ in range(rng.randint(6, 16)):
        sentences = [
            f"{rng.choice(words['subjects'])} {rng.choice(words['days'])} {rng.choice(words['verbs'])} "
            f"{rng.choice(words['objects'])}."
            for _ in range(rng.randint(1, 3))
        ]
        sentences.append(rng.choice(words["war"] if war else words["tails"]))
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def exchange_reports(language: str) -> list[dict[str, str | None]]:
    """The corpus documents of ``language`` that report an exchange (not the distractors)."""
    docs = []
    for path in sorted((ROOT / "tests" / "corpus" / language).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                if not d.get("distractor"):
                    docs.append({"text": d["text"], "published": d.get("published")})
    return docs


def run(docs: list[dict[str, str | None]], language: str) -> tuple[float, float]:
    """Extract every document once; return (documents/s, MB/s)."""
    size = sum(len((d["text"] or "").encode()) for d in docs)
    start = time.perf_counter()
    for d in docs:
        extract_document(d["text"] or "", published=d["published"], language=language)
    elapsed = time.perf_counter() - start
    return len(docs) / elapsed, size / elapsed / 1e6


def english_news_maker() -> Callable[[random.Random], str]:
    """English other news from benchmarks/extract.py, so the stream comparison is like for like."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_en", ROOT / "benchmarks" / "extract.py")
    if spec is None or spec.loader is None:
        raise SystemExit("benchmarks/extract.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    maker: Callable[[random.Random], str] = module.other_news
    return maker


def main() -> None:
    """Print documents/s and MB/s per language, and the ratio to English."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream", type=int, default=5000, help="documents in each stream")
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds; the best is kept"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one core"
    )
    english_news = english_news_maker()
    streams: dict[str, list[dict[str, str | None]]] = {}
    reports: dict[str, list[dict[str, str | None]]] = {}
    for language in ("en", "uk", "ru"):
        rng = random.Random(args.seed)
        found = exchange_reports(language)
        if not found:
            raise SystemExit(f"no exchange reports found in tests/corpus/{language}")
        stream: list[dict[str, str | None]] = []
        for i in range(args.stream):
            if i % 100 == 0:
                stream.append(found[(i // 100) % len(found)])
            else:
                text = english_news(rng) if language == "en" else other_news(language, rng)
                stream.append({"text": text, "published": "2024-09-14"})
        streams[language] = stream
        reports[language] = found
        # Warm up: compile the lexicon once, as a long-running process would.
        extract_document(found[0]["text"] or "", published=found[0]["published"], language=language)
    # The machine is shared: interleave the languages and keep each one's best round.
    best: dict[str, list[float]] = {lang: [0.0, 0.0, 0.0, 0.0] for lang in streams}
    for _ in range(args.rounds):
        for language in streams:
            repeated = reports[language] * max(1, 1000 // len(reports[language]))
            figures = (*run(streams[language], language), *run(repeated, language))
            best[language] = [max(a, b) for a, b in zip(best[language], figures, strict=True)]
    for language, (s_docs, s_mb, r_docs, r_mb) in best.items():
        print(
            f"{language}: stream {s_docs:,.0f} docs/s ({s_mb:.2f} MB/s); exchange reports alone "
            f"{r_docs:,.0f} docs/s ({r_mb:.3f} MB/s, {len(reports[language])} distinct reports)"
        )
    en = best["en"]
    for language in ("uk", "ru"):
        mine = best[language]
        print(
            f"{language} / en: stream {mine[0] / en[0]:.2f}x docs/s, {mine[1] / en[1]:.2f}x MB/s; "
            f"reports {mine[2] / en[2]:.2f}x docs/s, {mine[3] / en[3]:.2f}x MB/s"
        )


if __name__ == "__main__":
    main()
