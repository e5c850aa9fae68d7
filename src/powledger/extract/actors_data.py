"""Canonical actors and the names reports use for them (data, not logic).

Each entry: canonical name -> (kind, party it speaks for, aliases). Aliases are matched
case-insensitively on word boundaries; add spellings in any language or script here.
"""

from __future__ import annotations

PARTIES: dict[str, tuple[str, ...]] = {
    "Russia": ("Russia", "Russian Federation", "Moscow", "the Kremlin", "Россия", "Росія", "РФ"),
    "Ukraine": ("Ukraine", "Kyiv", "Kiev", "Україна", "Украина", "Київ", "Киев"),
    "Belarus": ("Belarus", "Minsk"),
    "Israel": ("Israel",),
    "Hamas": ("Hamas",),
    "Armenia": ("Armenia", "Yerevan"),
    "Azerbaijan": ("Azerbaijan", "Baku"),
    "United States": ("United States", "U.S.", "US", "Washington"),
    "Iran": ("Iran", "Tehran"),
}

MEDIATORS: dict[str, tuple[str, ...]] = {
    "United Arab Emirates": ("United Arab Emirates", "UAE", "the Emirates", "Emirati", "Abu Dhabi"),
    "Turkey": ("Turkey", "Türkiye", "Turkiye", "Ankara", "Turkish"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Riyadh"),
    "Qatar": ("Qatar", "Qatari", "Doha"),
    "Vatican": ("Vatican", "Holy See", "Pope Francis", "Pope Leo"),
    "Egypt": ("Egypt", "Egyptian", "Cairo"),
    "United States": ("United States", "U.S.", "US", "Washington"),
}

#: Speakers: canonical name -> (kind, party, aliases).
SPEAKERS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "Volodymyr Zelensky": (
        "official",
        "Ukraine",
        (
            "Zelensky",
            "Zelenskyy",
            "Zelenskiy",
            "Zelenskyi",
            "Zelenskii",
            "Zelenskij",
            "Ukrainian President",
            "Ukraine's president",
            "Зеленський",
            "Зеленский",
        ),
    ),
    "Andriy Yermak": (
        "official",
        "Ukraine",
        ("Yermak", "Iermak", "Ermak", "Jermak", "Andrii Yermak", "Andriy Yermak", "Єрмак", "Ермак"),
    ),
    "Dmytro Lubinets": (
        "ombudsman",
        "Ukraine",
        (
            "Lubinets",
            "Lubinetz",
            "Lubinec",
            "Ukrainian ombudsman",
            "Ukraine's human rights commissioner",
            "Ukrainian human rights commissioner",
            "Ukraine's ombudsman",
            "Parliament Commissioner for Human Rights",
            "Verkhovna Rada Commissioner for Human Rights",
            "Лубінець",
            "Лубинец",
        ),
    ),
    "Coordination Headquarters for the Treatment of Prisoners of War": (
        "agency",
        "Ukraine",
        (
            "Coordination Headquarters",
            "Coordination HQ",
            "Coordination Staff",
            "Координаційний штаб",
            "Координационный штаб",
        ),
    ),
    "Ukrainian Defence Intelligence (HUR)": (
        "agency",
        "Ukraine",
        (
            "HUR",
            "GUR",
            "Main Intelligence Directorate",
            "Ukraine's military intelligence",
            "Ukrainian military intelligence",
            "Defence Intelligence of Ukraine",
            "Defense Intelligence of Ukraine",
            "ГУР",
        ),
    ),
    "Kyrylo Budanov": ("official", "Ukraine", ("Budanov", "Буданов")),
    "Security Service of Ukraine (SBU)": ("agency", "Ukraine", ("SBU", "СБУ")),
    "Ukrainian Ministry of Defence": (
        "ministry",
        "Ukraine",
        ("Ukrainian defence ministry", "Ukrainian defense ministry", "Міноборони України"),
    ),
    "Russian Ministry of Defence": (
        "ministry",
        "Russia",
        (
            "Russian defence ministry",
            "Russian defense ministry",
            "Russia's defence ministry",
            "Russia's defense ministry",
            "Russian Defense Ministry",
            "Minoborony",
            "Ministry of Defence of Russia",
            "Ministry of Defense of Russia",
            "Ministry of Defence of the Russian Federation",
            "Ministry of Defense of the Russian Federation",
            "Минобороны России",
            "Міноборони Росії",
            "Минобороны",
            "Министерство обороны РФ",
        ),
    ),
    "Tatyana Moskalkova": (
        "ombudsman",
        "Russia",
        (
            "Moskalkova",
            "Moskal'kova",
            "Tatiana Moskalkova",
            "Russian ombudsman",
            "Russia's ombudsman",
            "Russian human rights commissioner",
            "Russia's human rights commissioner",
            "Commissioner for Human Rights in the Russian Federation",
            "Москалькова",
        ),
    ),
    "Vladimir Putin": ("official", "Russia", ("Putin", "Путин", "Путін")),
    "Dmitry Peskov": (
        "official",
        "Russia",
        ("Peskov", "Песков", "Putin's spokesman", "Kremlin spokesman", "Kremlin spokesperson"),
    ),
    # The Russian-installed head of the occupied Donetsk region speaks for Russia's side.
    "Denis Pushilin": ("official", "Russia", ("Pushilin", "Пушилин", "Пушилін")),
    "Vladimir Medinsky": ("official", "Russia", ("Medinsky", "Мединский", "Мединський")),
    "Rustem Umerov": ("official", "Ukraine", ("Umerov", "Умєров", "Умеров")),
    "United Arab Emirates Ministry of Foreign Affairs": (
        "ministry",
        "United Arab Emirates",
        ("UAE foreign ministry", "Emirati foreign ministry", "МЗС ОАЕ", "МИД ОАЭ"),
    ),
    "International Committee of the Red Cross": (
        "observer",
        None,
        ("ICRC", "Red Cross", "МКЧХ", "МККК"),
    ),
    "Donald Trump": ("official", "United States", ("Trump", "Трамп")),
}
