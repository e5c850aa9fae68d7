"""Assembly of a document's candidate claims into exchanges: main event first, plans apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from powledger.extract.base import DateSpan
from powledger.extract.compose import Candidate
from powledger.extract.patterns import actor_party
from powledger.models import (
    NON_PRISONER_CATEGORIES,
    ClaimFact,
    CompositionFact,
    DatePrecision,
    ExchangeFact,
)


@dataclass
class _Group:
    parties: tuple[str, ...]
    date: str | None
    precision: DatePrecision | None
    members: list[Candidate] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    first_sentence: int = 0


def _sides(c: Candidate) -> list[str | None]:
    if c.both:
        return list(c.parties)
    return [c.side]


def _claims(text: str, group: _Group) -> list[ClaimFact]:
    out: list[ClaimFact] = []
    for cand in group.members:
        s0, s1 = cand.sentence
        for side in _sides(cand):
            kind = "returned" if cand.count.category == "total" else "composition"
            out.append(
                ClaimFact(
                    side=side,
                    category=cand.count.category,
                    value=cand.count.value,
                    approximate=cand.count.approximate,
                    asserted_by=cand.asserted_by,
                    quote=text[s0:s1],
                    start=s0,
                    end=s1,
                    kind=kind,
                    asserted_by_text=cand.asserted_by_text,
                    confidence=0.9 if cand.rule in ("rule_voice", "rule_n_for_m") else 1.0,
                )
            )
    return out


def _with_additions(
    side: str, total: ClaimFact, claims: list[ClaimFact], group: _Group
) -> ClaimFact | None:
    """A derived total when groups are added to the main one.

    "175 came home, and another 22 seriously wounded were handed over" -> 197;
    "22 seriously wounded soldiers ... alongside 175 other prisoners" -> 197.
    """
    if total.value is None:
        return None
    if any(
        m.extra.get("explicit_total") and m.sentence[0] == total.start
        and m.count.value == total.value
        for m in group.members
    ):  # fmt: skip
        return None  # "In total Ukraine got 152": a stated total already holds the groups on top
    mine = [m for m in group.members if side in _sides(m) and m.count.value is not None]
    living = [m for m in mine if m.count.category not in NON_PRISONER_CATEGORIES]
    base_is_other = any(
        m.count.other_group and m.count.category == "total" and m.count.value == total.value
        and m.sentence[0] == total.start
        for m in living
    )  # fmt: skip
    if base_is_other:
        added = [
            m for m in living
            if m.count.category != "total" and m.sentence[0] == total.start and not m.count.is_part
        ]  # fmt: skip
    else:
        # A part ("also said 20 of them were seriously wounded", "Among the freed are 20
        # officers, and also 5 women") is inside the total already: never added.
        # A headline "Ще п'ятеро прикордонників повернулися" before the body's total of 90
        # teases a part of it: an addition only comes on top of a total of the side stated
        # before it or in its sentence.
        stated = [
            m.sentence[0] for m in mine if m.count.category == "total" and not m.count.is_part
        ]
        added = [
            m for m in living
            if m.count.additive and m.count.category != "total" and not m.count.is_part
            and any(at <= m.sentence[0] for at in stated)
        ]  # fmt: skip
    if total.asserted_by and actor_party(total.asserted_by) == side:
        # Zelensky's "277 of ours are home" already holds the 31 wounded Moscow says it added.
        # Only the side's own additions, or the outlet's after that statement, come on top.
        # But a group added on top of a formula with the same figure ("по схеме 180 на 180, а
        # сверх того … еще 20 … в обмен на 9") is beyond that side's 180 too.
        formula = {m.sentence for m in group.members if m.both and m.count.value == total.value}
        added = [
            m for m in added
            if m.asserted_by == total.asserted_by
            or (m.asserted_by is None and m.sentence[0] > total.start)
            or m.sentence in formula
        ]  # fmt: skip
    # "the leaders had agreed on a 175-for-175 exchange, along with 22 badly wounded": the
    # terms of a deal, never groups added to the day's figure.
    # (A stage's own figure beside them, "under the agreement 390 came home on Friday and
    # another 22 seriously wounded", keeps its additions.)
    terms = {m.sentence for m in group.members if m.extra.get("terms") or m.planned} - {
        m.sentence for m in group.members
        if not (m.extra.get("deal_size") or m.planned or m.count.additive or m.count.is_part)
    }  # fmt: skip
    added = [m for m in added if m.sentence not in terms]
    values = {(m.count.category, m.count.value) for m in added}
    extra = sum(v or 0 for _c, v in values)
    if not extra:
        return None
    # "197 returned: 175 ... and another 22 seriously wounded": the total already holds them.
    others = {c.value for c in claims if c.side == side and c.value is not None}
    if total.value - extra in others:
        return None
    return ClaimFact(
        side=side, category="total", value=total.value + extra, approximate=total.approximate,
        asserted_by=total.asserted_by, quote=total.quote, start=total.start, end=total.end,
        kind="returned", derived=True, asserted_by_text=total.asserted_by_text,
    )  # fmt: skip


def _own_parts_sum(
    side: str, total: ClaimFact, parts: list[ClaimFact], hidden: set[tuple[int, int | None]]
) -> ClaimFact | None:
    """The side's own actor states the total as parts: "Zelensky said the freed Ukrainians were
    60 soldiers and seven civilians" under an outlet's "67 each" -> a derived 67 by Zelensky."""
    if total.value is None or (total.asserted_by and actor_party(total.asserted_by) == side):
        return None
    by_actor: dict[str, list[ClaimFact]] = {}
    for p in parts:
        if p.asserted_by and actor_party(p.asserted_by) == side and not p.approximate:
            by_actor.setdefault(p.asserted_by, []).append(p)
    for actor, mine in by_actor.items():
        first: dict[str, ClaimFact] = {}
        for p in mine:
            first.setdefault(p.category, p)
        groups = [p for p in first.values() if p.category not in NON_PRISONER_CATEGORIES]
        if len(groups) >= 2 and sum(p.value or 0 for p in groups) == total.value:
            q = groups[0]
            return ClaimFact(
                side=side, category="total", value=total.value, approximate=False,
                asserted_by=actor, quote=q.quote, start=q.start, end=q.end, kind="returned",
                derived=True, asserted_by_text=q.asserted_by_text,
            )  # fmt: skip
    return None


def _own_list(text: str, side: str, total: ClaimFact | None, group: _Group) -> ClaimFact | None:
    """The side's own list beats another source's total: Moscow says 146 were handed over,
    Zelensky lists "146 defenders and eight civilians" -> Ukraine 154 (a derived claim); a list
    that sums to the total credits the side's own actor with it."""
    if total is None or total.value is None:
        return None
    if total.asserted_by and actor_party(total.asserted_by) == side:
        return None
    lists: dict[tuple[int, int], list[Candidate]] = {}
    for m in group.members:
        if (
            side in _sides(m)
            and (m.count.in_list or m.count.is_part)
            and m.count.value is not None
            and m.count.category not in NON_PRISONER_CATEGORIES
            and m.asserted_by is not None
            and actor_party(m.asserted_by) == side
        ):
            lists.setdefault(m.sentence, []).append(m)
    for (start, end), members in lists.items():
        categories = {m.count.category for m in members}
        if len(members) < 2 or len(categories) < len(members) or "total" in categories:
            continue
        value = sum(m.count.value or 0 for m in members)
        if any(m.count.is_part for m in members) and value != total.value:
            continue  # parts of the total ("60 soldiers and 7 civilians" of 67) only credit it
        # Equal to the total, the list still tells who stated it: the side's own actor.
        head = members[0]
        return ClaimFact(
            side=side, category="total", value=value, approximate=False,
            asserted_by=head.asserted_by, quote=text[start:end], start=start, end=end,
            kind="returned", derived=True, asserted_by_text=head.asserted_by_text,
        )  # fmt: skip
    return None


def _pick_total(
    side: str,
    claims: list[ClaimFact],
    explicit: set[tuple[int, int | None]] | None = None,
    voiced: set[tuple[int, int | None]] | None = None,
) -> ClaimFact | None:
    totals = [c for c in claims if c.side == side and c.category == "total"]
    stated = [c for c in totals if explicit and (c.start, c.value) in explicit]
    if stated:
        return stated[0]
    if not totals:
        return None
    with_value = [c for c in totals if c.value is not None]
    pool = with_value or totals
    # A side's own figure wins over what the other side said about it.
    # ("Kyiv said it got 207 back": the party itself speaks, with no named actor.)
    own = [
        c for c in pool
        if (c.asserted_by and actor_party(c.asserted_by) == side)
        or (voiced and not c.asserted_by and (c.start, c.value) in voiced)
    ]  # fmt: skip
    if own:
        pool = own
    exact = [c for c in pool if not c.approximate]
    pool = exact or pool
    counts: dict[int | None, int] = {}
    for c in pool:
        counts[c.value] = counts.get(c.value, 0) + 1
    best = max(counts.values())
    for c in pool:
        if counts[c.value] == best:
            return c
    return pool[0]


def _exchange(text: str, group: _Group) -> ExchangeFact | None:
    claims = _claims(text, group)
    returned: dict[str, int | None] = {}
    approx: dict[str, bool] = {}
    composition: list[CompositionFact] = []
    extra: list[ClaimFact] = []
    # Groups counted as soldiers only because another group is listed beside them; the lexicon
    # says their noun is no word for soldiers, so they sum but are not composition.
    generic_soldiers = {
        (m.sentence[0], m.count.value) for m in group.members
        if m.count.category == "soldiers" and not m.count.soldier_word
    }  # fmt: skip
    for side in group.parties:
        explicit = {
            (m.sentence[0], m.count.value) for m in group.members if m.extra.get("explicit_total")
        }
        parts_of_total = {
            (m.sentence[0], m.count.value) for m in group.members
            if m.count.is_part and m.count.category == "total"
        }  # fmt: skip
        whole_claims = [c for c in claims if (c.start, c.value) not in parts_of_total]
        # "120 defenders, and also civilians": a figure that names an unnumbered group beside it
        # is no side's total when the report counts that group ("six civilians ... together
        # with 120 soldiers" -> 126).
        partial = {
            (m.sentence[0], m.count.value) for m in group.members
            if m.extra.get("partial") and any(
                o.count.category == m.extra["partial"] and o.count.value and side in _sides(o)
                for o in group.members
            )
        }  # fmt: skip
        if partial:
            whole_claims = [c for c in whole_claims if (c.start, c.value) not in partial]
        voiced = {
            (m.sentence[0], m.count.value) for m in group.members
            if m.extra.get("party_speaker") == side and side in _sides(m)
        }  # fmt: skip
        total = _pick_total(side, whole_claims, explicit, voiced)
        # An exact figure of a group wins over a hedged one ("more than 100 women" ... "104").
        parts = sorted(
            (c for c in claims if c.side == side and c.category != "total"),
            key=lambda c: c.approximate,
        )
        seen: set[str] = set()
        for p in parts:
            if p.category in seen:
                continue
            seen.add(p.category)
            if p.category == "soldiers" and (p.start, p.value) in generic_soldiers:
                continue  # "146 servicemen and 8 civilians": the servicemen are the base
            composition.append(CompositionFact(side, p.category, p.value))
        own_list = _own_list(text, side, total, group)
        if own_list is not None:
            total = own_list
            extra.append(own_list)
        if total is not None:
            returned[side] = total.value
            approx[side] = total.approximate
            own_sum = _own_parts_sum(side, total, parts, generic_soldiers)
            if own_sum is not None:
                extra.append(own_sum)
            extra_total = _with_additions(side, total, claims, group)
            if extra_total is not None:
                returned[side] = extra_total.value
                extra.append(extra_total)
                base = [
                    m for m in group.members
                    if m.sentence[0] == total.start and m.count.value == total.value
                    and side in _sides(m)
                ]  # fmt: skip
                soldierly = not base or base[0].count.soldier_word
                unlisted = any(m.extra.get("base_unlisted") for m in group.members)
                if (
                    "civilians" in seen
                    and "soldiers" not in seen
                    and total.value is not None
                    and soldierly
                    and not unlisted
                ):
                    # "35 servicemen ... six civilians were returned together with them".
                    composition.append(CompositionFact(side, "soldiers", total.value))
            continue
        inside = {
            (m.sentence[0], m.count.value) for m in group.members
            if side in _sides(m) and m.count.is_part and not m.count.in_list
        }  # fmt: skip
        living = [
            p for p in parts
            if p.category not in NON_PRISONER_CATEGORIES and p.value is not None
            and (p.start, p.value) not in inside  # "the freed Ukrainians included 4 civilians"
        ]  # fmt: skip
        first_of: dict[str, ClaimFact] = {}
        for p in living:
            first_of.setdefault(p.category, p)
            # The same part stated again by the side's own actor (a headline, then "..., said
            # Zelensky"): the derived total is that actor's.
            held = first_of[p.category]
            if (
                p.value == held.value
                and p.asserted_by
                and actor_party(p.asserted_by) == side
                and actor_party(held.asserted_by or "") != side
            ):
                first_of[p.category] = p
        # "175 soldiers and 22 civilians": disjoint groups sum to a derived total.
        disjoint = [
            p
            for cat, p in first_of.items()
            if cat
            not in (
                "wounded",
                "seriously_wounded_or_sick",
                "women",
                "minors",
                "officers",
                "privates_and_sergeants",
            )
            or len(first_of) == 1
        ]
        whole = {
            (m.count.category, m.count.value) for m in group.members
            if side in _sides(m) and not m.count.is_part and m.count.value is not None
            and m.count.category not in NON_PRISONER_CATEGORIES
        }  # fmt: skip
        if len(first_of) > 1 and len(whole) == 1:
            # "Twelve civilians, among them two women": the group named first is the whole.
            category, value = next(iter(whole))
            first_of = {category: first_of.get(category) or next(iter(first_of.values()))}
        in_list = {
            (m.count.category, m.count.value) for m in group.members
            if side in _sides(m) and m.count.in_list
        }  # fmt: skip
        listed = [p for p in first_of.values() if (p.category, p.value) in whole & in_list]
        if len(listed) >= 2 and len({p.start for p in listed}) == 1:
            # "82 privates and sergeants and 21 officers", "246 servicemen plus 15 seriously
            # wounded": groups listed side by side with no total are the whole, summed.
            disjoint = listed
            first_of = {p.category: p for p in listed}
        if len(first_of) == 1:
            only = next(iter(first_of.values()))
            returned[side] = only.value
            approx[side] = only.approximate
        elif len(disjoint) >= 2:
            value = sum(p.value or 0 for p in disjoint)
            returned[side] = value
            approx[side] = any(p.approximate for p in disjoint)
            q = disjoint[0]
            extra.append(
                ClaimFact(
                    side=side, category="total", value=value, approximate=approx[side],
                    asserted_by=q.asserted_by, quote=q.quote, start=q.start, end=q.end,
                    kind="returned", derived=True, asserted_by_text=q.asserted_by_text,
                )
            )  # fmt: skip
        elif len(first_of) > 1:
            officers = first_of.get("officers")
            privates = first_of.get("privates_and_sergeants")
            if officers and privates:
                value = (officers.value or 0) + (privates.value or 0)
                returned[side] = value
                approx[side] = officers.approximate or privates.approximate
            else:
                returned[side] = None
                approx[side] = False
        else:
            returned[side] = None
            approx[side] = bool(
                [c for c in claims if c.side == side and c.category == "total" and c.approximate]
            )
    if not claims:
        return None
    has_any = any(v is not None for v in returned.values()) or composition
    kinds = {c.category for c in claims if c.category not in NON_PRISONER_CATEGORIES}
    if kinds == {"minors"}:
        return None  # children brought back from deportation are not a prisoner exchange
    unnumbered = any(m.extra.get("unnumbered") for m in group.members)
    if (
        not has_any
        and not unnumbered
        and not any(c.value is None and c.approximate for c in claims)
    ):
        return None
    for m in group.members:
        # "..., Россия — столько же": the groups listed for the other side, copied.
        groups: tuple[tuple[str, int], ...] = m.extra.get("same_groups") or ()  # type: ignore[assignment]
        if not groups or m.side is None or any(f.side == m.side for f in composition):
            continue
        if returned.get(m.side) != sum(n for _c, n in groups):
            continue
        composition.extend(CompositionFact(m.side, cat, n) for cat, n in groups)
    mediators = tuple(dict.fromkeys(m for m in group.mediators if m not in group.parties))
    return ExchangeFact(
        date=group.date,
        date_precision=group.precision if group.date else None,
        parties=tuple(sorted(group.parties)),
        returned_to=returned,
        approximate={k: approx.get(k, False) for k in returned},
        composition=tuple(composition),
        mediators=mediators,
        claims=tuple(claims + extra),
    )


def _shift(iso: str | None, days: int) -> str | None:
    if iso is None or len(iso) != 10:
        return None
    return (date.fromisoformat(iso) - timedelta(days=days)).isoformat()


def assemble(
    text: str,
    candidates: list[Candidate],
    mediators: list[tuple[int, str]],
    dateline: DateSpan | None,
    published: date | None,
) -> tuple[list[ExchangeFact], list[ExchangeFact]]:
    """Group candidates into carried-out and planned exchanges; the main event comes first."""
    sided = [c for c in candidates if c.side is not None or c.both]
    live = [
        c for c in candidates
        if not c.cumulative and (c.side is not None or c.both or c.extra.get("unnumbered"))
    ]  # fmt: skip
    if not sided:
        # "Russia and Ukraine exchanged 206 prisoners": an exchange whose split is not given.
        for c in candidates:
            if (
                not c.cumulative
                and not c.weak_cumulative
                and not c.extra.get("no_verb")
                and c.count.value
                and c.count.category == "total"
            ):
                c.extra["unnumbered"] = True
                live.append(c)
                break
    running = [c.sentence for c in candidates if c.cumulative or c.weak_cumulative]
    live = [
        c for c in live
        if not (c.count.value is None and c.count.approximate and any(
            r == c.sentence or 0 <= c.sentence[0] - r[1] <= 25 for r in running
        ))
    ]  # fmt: skip  # "since 2022 over 2,000 came home; dozens of civilians too": the same tally
    done = [c for c in live if not c.planned]
    plans = [c for c in live if c.planned]
    _mark_aggregates(done)
    _mark_deals(done)
    # Weak running totals ("in total") go when the same side has another figure.
    kept = []
    for cand in done:
        if cand.weak_cumulative:
            rivals = [
                o for o in done
                if o is not cand and not o.weak_cumulative and o.count.category == cand.count.category
                and (o.side == cand.side or o.both or cand.both)
                # A deal's size equal to a stage's own figure is that figure, not a rival.
                and not (cand.extra.get("deal_size") and o.count.value == cand.count.value)
                and (cand.previous or not o.previous)  # an earlier exchange is no rival
            ]  # fmt: skip
            if cand.extra.get("deal_size") or cand.extra.get("deal"):
                # "270 soldiers and 120 civilians ... of the 1,000-for-1,000 exchange": a stage's
                # figures in any category (a list of groups) replace the deal's size.
                rivals = [
                    o for o in done
                    if o is not cand and not o.weak_cumulative and not o.count.is_part
                    # "90 на 90, ще окремо повернули п'ятьох цивільних": on top, no rival
                    and not (o.count.additive and o.count.category != "total")
                    and o.count.category not in ("bodies", "wounded", "seriously_wounded_or_sick")
                    and o.count.value
                    and _listed_value(o, done) < (cand.count.value or 0)
                    and (o.side == cand.side or o.both or cand.both)
                ]  # fmt: skip
            big = (
                (cand.count.value or 0) > 1250
                and cand.parties == ("Russia", "Ukraine")
                and cand.count.category != "bodies"
            )
            if rivals or big:
                if rivals and cand.extra.get("deal"):
                    # "the first stage of the 1,000-for-1,000 exchange": the deal is a plan.
                    cand.planned = True
                    plans.append(cand)
                continue
        kept.append(cand)
    done = kept
    groups = _group(done, dateline, text=text)
    for pos, name in mediators:
        target = _group_at(groups, pos)
        if target is not None:
            target.mediators.append(name)
    exchanges = [e for e in (_exchange(text, g) for g in groups) if e is not None]
    plan_groups = _group(plans, None, planned=True)
    planned = [e for e in (_exchange(text, g) for g in plan_groups) if e is not None]
    # "They agreed on 84 for 84. On Thursday the exchange took place: 84 came home": the
    # agreement the same report shows carried out is no plan any more.
    planned = [p for p in planned if not any(_carried_out(p, e) for e in exchanges)]
    return exchanges, planned


def _carried_out(plan: ExchangeFact, done: ExchangeFact) -> bool:
    """Whether a plan's figures are those of an exchange reported as done (where it gives them)."""
    shared = [
        (value, done.returned_to.get(side))
        for side, value in plan.returned_to.items()
        if value is not None and done.returned_to.get(side) is not None
    ]
    return plan.parties == done.parties and bool(shared) and all(a == b for a, b in shared)


def _listed_value(cand: Candidate, cands: list[Candidate]) -> int:
    """A count's figure, or the sum of the list it belongs to ("270 soldiers and 120 civilians"
    -> 390), for comparing with a deal's or a swap's size."""
    value = cand.count.value or 0
    if not cand.count.in_list:
        return value
    mates = [
        o for o in cands
        if o.sentence == cand.sentence and o.count.in_list and not o.count.is_part
        and o.count.value and (o.side == cand.side and o.both == cand.both)
    ]  # fmt: skip
    return max(value, sum(o.count.value or 0 for o in mates))


def _mark_aggregates(cands: list[Candidate]) -> None:
    """A figure that is the sum of the day-by-day figures ("the 1,000-for-1,000 exchange" next
    to 390, 307 and 303) sums several events; it is not one of them."""
    for side in {s for c in cands for s in _sides(c) if s}:
        values = sorted(
            {c.count.value for c in cands if side in _sides(c) and c.count.value
             and c.count.category == "total" and not c.weak_cumulative}
        )  # fmt: skip
        for cand in cands:
            v = cand.count.value
            if not v or side not in _sides(cand) or cand.count.category != "total":
                continue
            others = [x for x in values if x != v]
            if len(others) >= 2 and _sums_to(others, v):
                cand.weak_cumulative = True


#: No single day of the Russia-Ukraine exchanges returned this many to one side (390 at most);
#: a bare "N for N" this big is the name of a deal carried out over several days.
DEAL_SIZE = 500


def _mark_deals(cands: list[Candidate]) -> None:
    """ "Завершився обмін 1000 на 1000. У неділю повернулися ще 303": an undated bare pair of a
    deal's size next to a dated, smaller figure of the same side is the deal, not the day."""
    for cand in cands:
        v = cand.count.value
        if cand.rule != "rule_n_for_n" or not cand.count.bare or cand.date is not None:
            continue
        if not v or v < DEAL_SIZE or cand.parties != ("Russia", "Ukraine"):
            continue
        if any(
            o.date is not None and o.count.value and o.count.value * 2 <= v
            and o.count.category == "total" and set(_sides(o)) & set(_sides(cand))
            for o in cands if o is not cand
        ):  # fmt: skip
            cand.weak_cumulative = True


def _sums_to(values: list[int], target: int) -> bool:
    """Whether at least two of ``values`` add up to ``target`` (small sets: try them all)."""
    from itertools import combinations

    for size in range(2, min(len(values), 5) + 1):
        for combo in combinations(values, size):
            if sum(combo) == target:
                return True
    return False


def _far_apart(main: str | None, when: DateSpan) -> bool:
    """Whether an explicit day is more than a week from the main event's ("6 мая Украина
    вернула 45 …" in a report of a June exchange): another exchange, whatever its figures."""
    if main is None or when.iso is None or len(main) != 10 or len(when.iso) != 10:
        return False
    if when.relative or when.precision != "day":
        return False
    return abs((date.fromisoformat(main) - date.fromisoformat(when.iso)).days) > 7


def _other_month(main: str | None, when: DateSpan) -> bool:
    """Whether a day falls outside the month the main event is dated to ("В феврале Москва
    отпустила A, получив взамен B. В четверг Россия передала США C" in a March report): another
    exchange, even with the same figures (one for one)."""
    if main is None or when.iso is None or (when.relative and when.precision != "day"):
        return False
    if len(main) == 7 and when.precision == "day":
        return when.iso[:7] != main
    if len(main) == 10 and when.precision == "month":
        return when.iso != main[:7]  # (and the other way round)
    return False


def _group_at(groups: list[_Group], pos: int) -> _Group | None:
    """The group of the claim sentence at or just before ``pos`` (else the main event)."""
    best: _Group | None = groups[0] if groups else None
    best_start = -1
    for g in groups:
        for m in g.members:
            if m.sentence[0] <= pos < m.sentence[1]:
                return g
            if best_start < m.sentence[0] <= pos and pos - m.sentence[1] < 400:
                best, best_start = g, m.sentence[0]
    return best


def _repeats(group: _Group, c: Candidate) -> bool:
    """Whether ``c`` restates a figure the group already has (same value, same side)."""
    return any(
        m.count.value == c.count.value and (m.side == c.side or m.both or c.both)
        for m in group.members
    )


def _conflicts(group: _Group, c: Candidate) -> bool:
    """Whether the group already has another figure for ``c``'s side (so ``c`` is another event)."""
    sides = set(_sides(c))
    return any(
        m.count.value != c.count.value and m.count.category == c.count.category
        and sides & set(_sides(m))
        for m in group.members
    )  # fmt: skip


def _list_conflicts(group: _Group, c: Candidate, cands: list[Candidate]) -> bool:
    """Whether ``c`` is one group of a list whose sum is not the exact total the group already
    has for that side in another sentence ("2 січня Київ отримав 110 військових і трьох
    цивільних"; "Второй день: ещё 307. Вчера мы встречали 270 военных и 120 мирных жителей")."""
    if not c.count.in_list or c.count.is_part or c.count.category in ("total", "bodies"):
        return False
    sides = set(_sides(c))
    totals = [
        m.count.value for m in group.members
        if m.count.category == "total" and m.count.value and not m.count.approximate
        and not m.count.is_part and m.sentence != c.sentence and sides & set(_sides(m))
    ]  # fmt: skip
    return bool(totals) and _listed_value(c, cands) not in totals


def _plain_gap(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one short sentence with no number or date at all ("Це бійці
    ЗСУ, ДПСУ та Нацгвардії."): it describes the figure before and does not end its event."""
    gap = text[start:end]
    return (
        0 <= len(gap) <= 160 and not re.search(r"\d", gap) and len(re.findall(r"[.!?]", gap)) <= 1
    )


def _group(
    cands: list[Candidate], dateline: DateSpan | None, planned: bool = False, text: str = ""
) -> list[_Group]:
    groups: list[_Group] = []
    if not cands:
        return groups
    main_pair = cands[0].parties
    main_date: DateSpan | None = None
    seen: list[Candidate] = []
    # A date in the report's own words first; a "today" inside a quotation only without one.
    unquoted = [c for c in cands if not (c.date is not None and c.extra.get("quoted_date"))]
    dated_unquoted = any(c.date is not None and c.date.iso for c in unquoted)
    ordered = unquoted + [c for c in cands if c not in unquoted] if dated_unquoted else cands
    for c in ordered:
        if c.previous or c.parties != main_pair:
            continue
        # A date counts for the main event only if its figure agrees with what came before.
        clash = any(
            o.count.value != c.count.value and o.count.category == c.count.category
            and set(_sides(o)) & set(_sides(c)) and not o.count.approximate
            for o in seen
        )  # fmt: skip
        if (
            seen
            and c.date is not None
            and c.date.iso
            and c.date.precision == "month"
            and dateline is not None
            and dateline.iso
            and not c.date.iso.startswith(dateline.iso[:7])
        ):
            # "КИЕВ, 10 июля. Украина вернула 70. … в марте — 120; Россия тогда забрала 118":
            # after an undated figure of the report's day, another month is a recall's.
            seen.append(c)
            continue
        if c.date is not None and c.date.iso and not clash and c.count.category == "total":
            main_date = c.date
            if c.date.relative:
                # "... і що з ними сьогодні" over "Рік тому, 3 листопада 2023 року, ... 140": an
                # explicit date given to the same figure wins over a relative word.
                explicit = [
                    o.date for o in cands
                    if o.date is not None and o.date.iso and not o.date.relative
                    and o.date.precision == "day" and o.count.value == c.count.value
                    and set(_sides(o)) & set(_sides(c)) and not o.previous
                ]  # fmt: skip
                if explicit:
                    main_date = explicit[0]
            break
        seen.append(c)
    if main_date is None and not planned and all(c.previous for c in cands):
        # Only a recalled exchange ("в прошлый раз, в конце декабря, вернули 189"): its own date.
        dated = [c for c in cands if c.date is not None and c.date.iso]
        if dated:
            main_date = dated[0].date
    if main_date is None and not planned:
        # "On Friday 270 servicemen and 120 civilians came home": a dated list of the main event.
        listed = [
            c for c in cands
            if not c.previous and c.parties == main_pair and c.count.in_list
            and c.date is not None and c.date.iso and c.date.precision == "day"
        ]  # fmt: skip
        if listed:
            # Unless the list adds up to something else than a total already given for that
            # side ("307 came home today. Yesterday we met 270 soldiers and 120 civilians").
            first = [c for c in listed if c.sentence == listed[0].sentence]
            total = sum(c.count.value or 0 for c in first)
            sides = {s for c in first for s in _sides(c) if s}
            rival = any(
                o.count.category == "total" and o.count.value not in (None, total)
                and set(_sides(o)) & sides and o.sentence != listed[0].sentence
                for o in cands if not o.previous and o.parties == main_pair
            )  # fmt: skip
            if not rival:
                main_date = listed[0].date
    if main_date is None and dateline is not None and not planned:
        main_date = dateline
    main = _Group(
        main_pair, main_date.iso if main_date else None, main_date.precision if main_date else None
    )
    groups.append(main)
    last: tuple[Candidate, _Group] | None = None
    for c in cands:
        target: _Group | None = None
        if (
            last is not None
            and last[1] is not main
            and c.date is None
            and not c.previous
            and not c.extra.get("current")
            and c.parties == last[1].parties
            and (
                c.sentence == last[0].sentence
                or 0 <= c.sentence[0] - last[0].sentence[1] <= 3
                or _plain_gap(text, last[0].sentence[1], c.sentence[0])
            )
        ):
            # "... ще 140 захисників. Росія теж отримала 140 військових.": an undated sentence
            # right after a figure of another dated exchange goes on about that exchange.
            target = last[1]
        elif c.parties != main_pair:
            target = next((g for g in groups if g.parties == c.parties), None)
            if target is None:
                target = _Group(
                    c.parties, c.date.iso if c.date else None, c.date.precision if c.date else None
                )
                groups.append(target)
        elif (
            c.date is not None
            and c.date.iso
            and c.date.iso != main.date
            and any(
                g is not main and g.date == c.date.iso and g.parties == c.parties for g in groups
            )
        ):
            # Another figure of an event already split off by its date.
            target = next(
                g
                for g in groups
                if g is not main and g.date == c.date.iso and g.parties == c.parties
            )
        elif (
            c.extra.get("section")
            and c.date is not None
            and c.date.iso != main.date
            and c.parties == main_pair
        ):
            # A day's section of a day-by-day account ("Пятница, 13 июня. ..."): that day's.
            target = _Group(c.parties, c.date.iso, c.date.precision)
            groups.append(target)
        elif planned and c.extra.get("unnumbered") and any(m.count.value for m in main.members):
            # An open-ended plan ("all for all") next to a numbered one is a plan of its own.
            target = _Group(c.parties, None, None)
            groups.append(target)
        elif (
            c.previous
            and main.members
            and not (
                main.members[0].previous
                and (_repeats(main, c) or any(m.sentence == c.sentence for m in main.members))
            )
        ):
            # (When the main event is itself told as "the first stage", a figure of its
            # sentence or one repeating its figure is that event's: below.)
            when = c.date.iso if c.date and c.date.iso else None
            precision = c.date.precision if c.date and c.date.iso else None
            if when is None and c.previous_days is not None:
                when, precision = _shift(main.date, c.previous_days), "day"
            if when is None and last is not None and last[0].sentence == c.sentence:
                # "Попередній обмін був 12 травня: по 90, а Києву додатково передали шістьох
                # цивільних": the undated clause goes on about that same earlier exchange.
                target = last[1]
            elif when is not None and when == main.date:
                target = main
            else:
                target = next(
                    (g for g in groups[1:] if g.date == when and g.parties == c.parties), None
                )
                if target is None:
                    target = _Group(c.parties, when, precision if when else None)
                    groups.append(target)
        elif (
            c.date is not None
            and c.date.iso
            and c.date.iso != main.date
            and not planned
            and (not _repeats(main, c) or _other_month(main.date, c.date))
            and (
                _other_month(main.date, c.date)
                or (
                    main.date
                    and (c.date.precision == "day" or c.date.iso[:7] != main.date[:7])
                    and (
                        _conflicts(main, c)
                        or _far_apart(main.date, c.date)
                        or (c.date.precision == "day" and _list_conflicts(main, c, cands))
                    )
                )
                or (not main.date and _list_conflicts(main, c, cands))
                # "В середине марта стороны уже менялись, тогда по 80" in a report of a March
                # exchange of 140, or of an undated one: a month of its own with another figure.
                or (
                    (main.date is None or c.date.precision == "month")
                    and (
                        not c.date.relative
                        # "Sunday: 100 each. Earlier in March, the two countries traded 80 each":
                        # the main event's own month, named in a sentence of its own.
                        or (main.date is not None and c.date.iso == main.date[:7])
                    )
                    and main.members
                    and not c.count.is_part
                    and _conflicts(main, c)
                    and all(m.sentence != c.sentence for m in main.members)
                )
            )
        ):
            target = next((g for g in groups if g.date == c.date.iso), None)
            if target is None:
                target = _Group(c.parties, c.date.iso, c.date.precision)
                groups.append(target)
        else:
            target = main
        target.members.append(c)
        last = (c, target)
    return [g for g in groups if g.members]
