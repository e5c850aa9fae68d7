"""The interface between the language-neutral extraction core and one language's lexicon.

A language is plugged in as a package ``powledger.extract.<code>`` (``en``, ``uk``, ``ru``) that
exposes a module-level ``LEXICON: Lexicon``. The core never contains words of any language: it
asks the lexicon for them.

How the core uses a lexicon
---------------------------
* Phrase fields (``tuple[str, ...]`` or ``dict[str, X]``) hold **regular-expression fragments**,
  matched case-insensitively on word boundaries (``(?<!\\w)`` ... ``(?!\\w)``) against the
  normalised text (quotes made straight, dashes made ``-``, odd spaces made `` ``; the
  normalisation keeps every offset, so spans index the original text too). Inflected languages
  use stems with ``\\w*``: ``"полонен\\w*"``. Longer alternatives should come first when one
  is a prefix of another; the core sorts each table by length to be safe.
* ``find_numbers(text)`` returns every cardinal number in ``text`` (digits and words) as
  :class:`NumberSpan`; approximations the language writes as a prefix ("more than", "понад")
  are folded into the span with ``approximate=True``. Ordinals ("58th") are not cardinals.
* ``find_dates(text, published)`` returns every date expression in ``text`` as :class:`DateSpan`,
  resolved against ``published`` (a :class:`datetime.date` or None) when it is relative.
* ``prefilter_words`` are plain lower-case substrings (no regex) fed to an Aho-Corasick automaton:
  a document containing none of them (and no ``prefilter_weak`` word next to a
  ``prefilter_context`` word somewhere in the text) is skipped without further work, so together
  they must cover every way this language can signal a prisoner exchange.

The person nouns decide what a number counts: ``person_nouns`` maps a noun (regex) to a
category of :data:`powledger.models.CATEGORIES` (``"total"`` for generic persons such as
"prisoners" or "people"); ``category_modifiers`` are words near the noun that refine it
("National Guard" -> ``national_guard``); ``body_nouns`` mark repatriated remains.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from powledger.extract.memo import recall
from powledger.models import DatePrecision


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A cardinal number found in text: ``text[start:end]`` states ``value``."""

    start: int
    end: int
    value: int
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression found in text, resolved to an ISO date with its precision.

    ``relative`` is True when the expression needed the publication date ("on Monday").
    ``iso`` is None when the expression is relative and no publication date was known.
    """

    start: int
    end: int
    iso: str | None
    precision: DatePrecision | None
    relative: bool = False


NumberFinder = Callable[[str], list[NumberSpan]]
DateFinder = Callable[[str, "date | None"], list[DateSpan]]


def _no_numbers(_text: str) -> list[NumberSpan]:
    return []


def _no_dates(_text: str, _published: date | None) -> list[DateSpan]:
    return []


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific the extraction core needs (see the module docstring)."""

    #: ISO 639-1 code of the language ("en").
    language: str
    #: Cardinal numbers in digits and words, with approximation prefixes folded in.
    find_numbers: NumberFinder = _no_numbers
    #: Date expressions resolved against the publication date.
    find_dates: DateFinder = _no_dates
    #: Plain lower-case substrings for the cheap prefilter (no regex): any one makes a document
    #: relevant.
    prefilter_words: tuple[str, ...] = ()
    #: Weaker words ("returned", "release") that make a document relevant only together with
    #: one of ``prefilter_context`` ("soldier", "ukrain").
    prefilter_weak: tuple[str, ...] = ()
    prefilter_context: tuple[str, ...] = ()

    # --- who: parties, speakers' own side, captivity -------------------------------------
    #: Word for a party or its people -> canonical party ("Ukrainian" -> "Ukraine").
    party_terms: dict[str, str] = field(default_factory=dict)
    #: Words that place a text in the Russia-Ukraine war without naming either party
    #: ("Kharkiv", "Azovstal", "our defenders", a flag): with none of them and no party or
    #: actor named, a document gets Russia-Ukraine as its pair only when it has a strong word
    #: (prisoners, swap) and no ``foreign_context``. Empty: Russia-Ukraine is the default.
    war_context: tuple[str, ...] = ()
    #: Other conflicts' states and armed groups ("Taliban", "Venezuela"): a document naming
    #: one and neither a party nor ``war_context`` is not about the Russia-Ukraine war.
    foreign_context: tuple[str, ...] = ()
    #: First-person words ("our", "we") -> the speaker's party decides.
    first_person: tuple[str, ...] = ()
    #: Nouns of captivity: a party word right before one flips the side
    #: ("from Russian captivity" -> the persons went to Ukraine).
    captivity_nouns: tuple[str, ...] = ()
    #: Phrases after which a party word names the holder ("held by", "controlled by").
    holder_markers: tuple[str, ...] = ()
    #: Phrases after which a party word names the receiver ("to", "handed to").
    recipient_markers: tuple[str, ...] = ()
    #: Phrases after which a party word names the destination even before the count
    #: («в Россию вернулись 46», «на подконтрольную Украине территорию возвращены тела»).
    recipient_before: tuple[str, ...] = ()
    #: Party words that are datives (Russian «Украине», «Киеву»): before a verb of giving they
    #: name the receiver, not the subject («Украине передали 1200 тел»).
    dative_parties: tuple[str, ...] = ()

    # --- what: persons and their categories -----------------------------------------------
    #: Person noun -> category ("officers" -> "officers", "prisoners" -> "total").
    person_nouns: dict[str, str] = field(default_factory=dict)
    #: Words near a person noun that refine its category ("National Guard" -> "national_guard").
    category_modifiers: dict[str, str] = field(default_factory=dict)
    #: Nouns of remains ("bodies", "remains"): the count goes to category ``bodies``.
    body_nouns: tuple[str, ...] = ()
    #: Words allowed between a number and its person noun besides party terms
    #: ("former", "more", "of our").
    filler_words: tuple[str, ...] = ()
    #: Words that introduce a part of the whole ("including", "among them").
    part_markers: tuple[str, ...] = ()
    #: Approximate quantities without a number ("dozens", "hundreds") -> None value.
    vague_quantities: tuple[str, ...] = ()
    #: Words joining a count to named persons who add to it ("55 Russians plus Viktor Medvedchuk").
    plus_named: tuple[str, ...] = ()
    #: A named person handed over with a count, ending right before the count; group ``name``
    #: ("Viktor Medvedchuk was handed over to Russia along with 55 prisoners" -> 56).
    named_along: tuple[str, ...] = ()
    #: The opening of a sentence whose count was handed over with the person named in the
    #: sentence before ("Igor Lesnoy is in Russia. Along with him, 40 soldiers were freed" -> 41).
    along_with_named: tuple[str, ...] = ()
    #: Words joining two counts of one list ("175 soldiers and 22 civilians").
    list_joiners: tuple[str, ...] = ()
    #: Whether the deal of a multi-stage exchange whose stage is reported and not said to be
    #: complete ("первый этап обмена 1000 на 1000") is also a plan (the ru annotations).
    deal_stages_are_plans: bool = False
    #: Whether a promise to hand over remains only ("пообещала передать 6000 тел") is a plan.
    body_promises_are_plans: bool = True
    #: Whether a stated position ("Kyiv insists on all for all") in a report of a done exchange
    #: is an open-ended plan (English annotations) or nothing (ru annotations).
    positions_are_plans: bool = True
    #: Whether "the next exchange" with no day and no verb of it taking place ("к следующему
    #: обмену уже готовятся", "підготовка наступного обміну триває") is an open-ended plan (the
    #: en/uk annotations) or an intention only (the ru annotations).
    preparations_are_plans: bool = True
    #: Whether the composition lists only the groups named beyond the base (the uk/ru
    #: annotations): "N servicemen and M seriously wounded" keeps N as the base with M on top,
    #: and "N servicemen ... also three residents" lists the residents only; else (English) N is
    #: listed as soldiers too.
    composition_beyond_base: bool = False
    #: Words that may follow a number without a noun ("returned 103 on Saturday", "95 for 95");
    #: any other word after it (``tanks``, ``villages``) means the number counts something else.
    bare_followers: tuple[str, ...] = ()
    #: Words before a number that make it an age ("aged 19", "under the age of 25").
    age_markers: tuple[str, ...] = ()
    #: Prepositions: a party right after one is not the subject ("handed over ... to Russia").
    prepositions: tuple[str, ...] = ()
    #: A count that repeats the previous one ("the same number of", "as many").
    same_number: tuple[str, ...] = ()
    #: "the number of <persons> ... at N": the phrase before the persons, and the word before N.
    number_of: tuple[str, ...] = ()
    number_at: tuple[str, ...] = ()
    #: Possessives that point back to the clause's party ("248 of its soldiers").
    possessives: tuple[str, ...] = ()
    #: Words that add a group to the main one ("another", "also", "as well as", "in addition").
    additive_markers: tuple[str, ...] = ()
    #: "The next day" with no date of its own: the day after the last date the report gave
    #: ("6 березня ... Наступного дня повернулися ще 140" -> 7 March).
    next_day_markers: tuple[str, ...] = ()
    #: "Of them" right after a count ("40 з них", "20 of them" is built in): a part of the group.
    of_them: tuple[str, ...] = ()
    #: "Respectively" after a list of counts: the i-th count goes with the i-th date named just
    #: before ("на двох етапах отримала 150 і 205 своїх відповідно").
    respectively_markers: tuple[str, ...] = ()
    #: A place of origin right after the persons ("з Полтавщини", "from the Poltava region"):
    #: such a count is a local subset of the exchange, never its total.
    origin_markers: tuple[str, ...] = ()
    #: Verbs of freeing ("freed", «звільнили», «освободили»): in a speaker's own "we" they bring
    #: the speaker's people home, unlike handing over («передаем мы 84»), which sends them away.
    freeing_verbs: tuple[str, ...] = ()

    # --- how: verbs and nouns of return and exchange --------------------------------------
    #: The subject gives persons away ("handed over", "released", "returned <persons>").
    give_verbs: tuple[str, ...] = ()
    #: The subject gets persons back ("brought home", "secured the release of", "received").
    receive_verbs: tuple[str, ...] = ()
    #: The persons are the subject ("returned home", "were freed", "came back").
    return_verbs: tuple[str, ...] = ()
    #: Nouns of a return seen from the receiving side ("the return of", "homecoming").
    return_nouns: tuple[str, ...] = ()
    #: Exchange words ("exchange", "swap", "swapped", "traded").
    exchange_words: tuple[str, ...] = ()
    #: Both sides received the same number ("each", "each side", "apiece").
    each_markers: tuple[str, ...] = ()
    #: Exchange verbs whose object, with no "each", went both ways ("swapped 390 prisoners").
    mutual_verbs: tuple[str, ...] = ()
    #: The "for" of "N for N" and "in exchange for" ("for", "in exchange for", "in return").
    exchange_for: tuple[str, ...] = ()
    #: Words that make a return past and certain ("took place", "completed").
    done_markers: tuple[str, ...] = ()

    #: Words that place a report on its publication day ("today", "are home", "have returned").
    present_markers: tuple[str, ...] = ()

    # --- what is not a carried-out exchange -----------------------------------------------
    #: Plans, agreements, hopes ("will", "agreed to", "talks", "ready to").
    plan_markers: tuple[str, ...] = ()
    #: A sentence stating a deal's terms ("under the deal", "provides for"): every count in
    #: it is planned, even one in the present tense ("while Israel frees 1,900").
    deal_terms: tuple[str, ...] = ()
    #: Verbal plan words that govern a verb right after them ("will", "agreed to", "could").
    modal_markers: tuple[str, ...] = ()
    #: Words that put what follows in the future ("could", "next"): a count after one in the
    #: same clause is planned ("the next swap could see up to 500 people return home").
    future_markers: tuple[str, ...] = ()
    #: Phrases that name a proposed exchange on their own ("all for all").
    plan_phrases: tuple[str, ...] = ()
    #: Trials ("sentenced", "court", "convicted").
    trial_markers: tuple[str, ...] = ()
    #: Running totals that are never one exchange ("since 2022", "so far", "the 58th").
    cumulative_markers: tuple[str, ...] = ()
    #: Weaker running-total words ("in total", "overall"): the figure is dropped when the
    #: document has another figure for the same side.
    cumulative_weak: tuple[str, ...] = ()
    #: Words before a date that make it not the exchange's date ("since", "until").
    not_event_date: tuple[str, ...] = ()
    #: Words of capture or detention that open a clause about the persons' past ("captured in
    #: Mariupol in May 2022", "taken to Ukraine during a raid last year"): its date is no event's.
    capture_clause: tuple[str, ...] = ()
    #: A stage of a larger deal ("first stage", "completing") makes its big figure a running one.
    stage_markers: tuple[str, ...] = ()
    #: A headline or lead that reports the first stage or day of a deal ("першого дня звільнено
    #: 240"): "at the first stage" later in the report is that same event, not an earlier one.
    opening_stage_markers: tuple[str, ...] = ()
    #: The last stage of a deal ("завершальний етап"): reported, it completes the deal, so the
    #: deal's figure is no plan for stages still to come.
    final_stage_markers: tuple[str, ...] = ()
    #: Verbs of agreeing ("домовилися"): a date right after one ("про який сторони домовилися
    #: 16 травня") is the agreement's, never the exchange's.
    agreed_markers: tuple[str, ...] = ()
    #: Words of other events whose date may stand next to an exchange ("перемир'я на 19-20
    #: квітня", "переговорів 2 червня", "якого затримали у квітні", "потрапив у полон 5 травня"):
    #: a date right after one of them is that event's.
    other_event_words: tuple[str, ...] = ()
    #: Words that make a sentence about something else than an exchange ("parole", "deported").
    not_exchange_markers: tuple[str, ...] = ()
    #: Words right after a count's noun that make it a capture ("taking 46 soldiers prisoner").
    capture_markers: tuple[str, ...] = ()
    #: Casualties: phrases right after a count's noun ("were killed", "hospitalised") or right
    #: before its number ("killed", "killing at least") that make it no count of the returned.
    casualty_after: tuple[str, ...] = ()
    casualty_before: tuple[str, ...] = ()
    #: Superlatives that turn "since 2022" into a comparison ("the largest swap since 2022").
    superlatives: tuple[str, ...] = ()
    #: Words that start a new clause ("while", "but", "who", "and that").
    clause_breaks: tuple[str, ...] = ()
    #: Another, earlier exchange is meant ("a day after", "previous", "last exchange").
    previous_markers: tuple[str, ...] = ()
    #: The report's own exchange is meant, whatever date was named last ("in the new exchange",
    #: "this time"): such a sentence never goes on about a recalled one.
    current_markers: tuple[str, ...] = ()

    # --- attribution and mediation ------------------------------------------------------
    #: Reporting verbs and phrases ("said", "according to", "wrote on Telegram").
    reporting: tuple[str, ...] = ()
    #: A speaker named earlier speaks again ("he said", "the ministry added").
    anaphoric_reporting: tuple[str, ...] = ()
    #: Institutions named without their country ("the defence ministry") -> party -> actor.
    generic_actors: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Nouns of a party's institutions and people that may stand between a party word and a
    #: reporting verb: the party then speaks ("the Russian ombudswoman said", "Russian state
    #: news agency TASS reported" -> Russia's voice).
    speaker_nouns: tuple[str, ...] = ()
    #: Person nouns that make a group ``soldiers`` when another group is listed beside it
    #: ("270 soldiers and 120 civilians"); a generic noun ("270 servicemen and 120 civilians")
    #: then stays the base and only the named group is composition. None: any generic noun
    #: listed beside another group is ``soldiers`` (the older reading).
    listed_soldier_words: tuple[str, ...] | None = None
    #: Verbs ("frees", "returns") and person nouns ("marines", "defenders") of a headline in
    #: which a country gets its own people back: "Kyiv frees 30 marines" (no demonym, no final
    #: full stop) gives the 30 to Kyiv, while "Kyiv frees 30 Russian soldiers" does not.
    own_freeing_verbs: tuple[str, ...] = ()
    #: noun -> the only party whose own people it names ("defenders" -> Ukraine), or "" for any.
    own_group_nouns: dict[str, str] = field(default_factory=dict)
    #: Person nouns of the citizens that name civilians when listed after a group of soldiers
    #: ("146 военнопленных и восемь граждан Украины"); alone they are the whole group.
    listed_civilian_words: tuple[str, ...] = ()
    #: Words of killing and injuring: one right before a number ("killed 300") or right after
    #: its noun ("4 people were killed", "12 soldiers were hospitalised") makes it a casualty
    #: count, never persons returned.
    casualty_markers: tuple[str, ...] = ()
    #: Phrasing that marks a document as one actor's own statement when no one is quoted.
    voice_phrases: dict[str, str] = field(default_factory=dict)
    #: Words only one side's own voice uses -> that party («киевский режим», «СВО» for Russia;
    #: «оккупанты» for Ukraine): when no speaker is named, they tell whose "our" is meant.
    voice_party_cues: dict[str, str] = field(default_factory=dict)
    #: Words crediting a mediator ("mediated by", "brokered", "thanks to").
    mediation_cues: tuple[str, ...] = ()
    #: Words naming a place or an observer, not a mediator ("border", "observed").
    not_mediator_cues: tuple[str, ...] = ()
    #: What a mediation cue may be about besides an exchange ("efforts for a ceasefire"): a cue
    #: followed closely by one of these credits no mediator.
    other_mediation_goals: tuple[str, ...] = ()
    #: Whether a source named at the very end of a sentence ("..., the ministry reports.")
    #: speaks for the unattributed sentences before it in the same paragraph.
    carry_back_attribution: bool = False
    #: Negations that cancel an event ("no exchange took place", "has not happened").
    negations: tuple[str, ...] = ()
    #: Cues of a sentence recalling an earlier exchange ("the previous swap saw 230 return"):
    #: its figures, when it has no date of its own, are background, not a second exchange.
    background_cues: tuple[str, ...] = ()
    #: Cues of an explainer about earlier exchanges ("previous swaps were mediated by ..."):
    #: a sentence with one and no date of its own credits no mediator.
    past_mediation_cues: tuple[str, ...] = ()
    #: Words right before such a cue that make it "this time too" ("как и при прошлых обменах"):
    #: the sentence then credits this exchange's mediator.
    likewise_cues: tuple[str, ...] = ()

    #: Speakers missing from the actor list ("Deputy Foreign Minister Aram Sargsyan said"):
    #: the reporting verbs that introduce them (plain lower-case words; empty: not looked for),
    #: lower-case title words before a name, last words of organisations' names ("service") and
    #: of news outlets ("press": an outlet's report is the report's own voice).
    speaker_verbs: frozenset[str] = frozenset()
    speaker_titles: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()

    #: Extra aliases of actors in this language: canonical actor -> aliases (regex fragments).
    actor_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Extra aliases of mediators in this language: canonical mediator -> aliases.
    mediator_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "find_dates", _memoised(self.find_dates))


def _memoised(find: DateFinder) -> DateFinder:
    """The same date finder, remembering its answers for the document at hand: the core reads
    one sentence for dates several times (counts, event dates, plans, stages)."""
    if getattr(find, "memoised", False):
        return find  # (dataclasses.replace runs __post_init__ again)
    memo: dict[tuple[str, date | None], tuple[DateSpan, ...]] = {}

    @functools.wraps(find)
    def cached(text: str, published: date | None) -> list[DateSpan]:
        hit: tuple[DateSpan, ...] = recall(
            memo, (text, published), lambda: tuple(find(text, published)), 4096
        )
        return list(hit)

    cached.memoised = True  # type: ignore[attr-defined]
    return cached


_LEXICONS: dict[str, Lexicon] = {}


def register_lexicon(lexicon: Lexicon) -> None:
    """Make ``lexicon`` available to :func:`get_lexicon` (languages register on import)."""
    _LEXICONS[lexicon.language] = lexicon


def get_lexicon(language: str) -> Lexicon | None:
    """Return the lexicon of ``language``, importing ``powledger.extract.<language>`` once."""
    code = (language or "").lower().split("-")[0].split("_")[0]
    if code in _LEXICONS:
        return _LEXICONS[code]
    if not code.isalpha() or len(code) > 3:
        return None
    import importlib

    try:
        module = importlib.import_module(f"powledger.extract.{code}")
    except ImportError:
        return None
    lexicon = getattr(module, "LEXICON", None)
    if isinstance(lexicon, Lexicon):
        _LEXICONS[code] = lexicon
        return lexicon
    return None
