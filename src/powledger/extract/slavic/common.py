"""Words Ukrainian and Russian reports spell alike: acronyms and names, kept in one place.

The language builder (:mod:`powledger.extract.slavic.language`) adds these to both lexicons,
so that a new name written the same in both languages is entered once. Anything whose spelling
differs (Єрмак / Ермак, Лубінець / Лубинец) stays in the language's own module.
"""

from __future__ import annotations

#: Party words written alike in both languages.
PARTY_TERMS: dict[str, str] = {
    r"зсу": "Ukraine",
    r"рф": "Russia",
    r"москв\w*": "Russia",
    r"кремл\w*": "Russia",
    r"хамас\w*": "Hamas",
    r"палестинц\w*": "Hamas",
    r"азербайджан\w*": "Azerbaijan",
    r"баку": "Azerbaijan",
    r"сша": "United States",
    r"америк\w*": "United States",
}

#: Actor aliases written alike in both languages (acronyms and surnames).
ACTOR_ALIASES: dict[str, tuple[str, ...]] = {
    "Coordination Headquarters for the Treatment of Prisoners of War": (r"коордштаб\w*",),
    "Ukrainian Defence Intelligence (HUR)": (r"гур",),
    "Kyrylo Budanov": (r"буданов\w*",),
    "Security Service of Ukraine (SBU)": (r"сбу",),
    "Tatyana Moskalkova": (r"москальков\w*",),
    "Dmitry Peskov": (r"песков\w*",),
    "Rustem Umerov": (r"умеров\w*",),
    "Donald Trump": (r"трамп\w*",),
    "Iryna Vereshchuk": (r"верещук",),
    "Denis Pushilin": (r"пушилін\w*", r"пушилин\w*"),
    "Leonid Pasechnik": (r"пасечник\w*",),
    "Vladimir Saldo": (r"сальдо",),
    "Yevgeny Balitsky": (r"балицк\w*", r"балицьк\w*"),
    "Sergei Lavrov": (r"лавров\w*",),
    "Maria Zakharova": (r"захаров(?:а|ой|ої|у)",),
    "Nikol Pashinyan": (r"пашинян\w*",),
    "Ilham Aliyev": (r"алиев\w*", r"алієв\w*"),
    "Alexander Lukashenko": (r"лукашенк\w*",),
}

#: Mediator aliases written alike in both languages.
MEDIATOR_ALIASES: dict[str, tuple[str, ...]] = {
    "Turkey": (r"анкар\w*",),
    "Qatar": (r"катар\w*",),
    "Vatican": (r"ватикан\w*", r"пап\w*\s+франциск\w*"),
    "United States": (r"сша",),
}
