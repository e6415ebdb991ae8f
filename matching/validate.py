"""The independent validator: every result is checked against its problem before use.

It does not reuse the solver's arrays or candidate list: it reads the problem's items,
re-derives each rule pair by pair (great-circle distance instead of the projection the
candidates use, so the reach check tolerates 0.5 %), and recomputes every feature but
the text similarity, the score from the breakdown and the objective from the scores.

What a pair's items alone decide (its distance, the rule it breaks, its features) is kept
from the last result checked, by the identity of the need and resource objects and with
the context it was derived in: a re-run that keeps most items re-derives only the pairs
of new or changed ones (100,000 needs: ~145,000 pairs, ~1 s of the check). The kept
verdicts are the validator's own, never the matcher's.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import compress, repeat
from operator import attrgetter, eq, is_, is_not, itemgetter, mul, not_, truediv
from typing import cast

import numpy as np
from numpy.typing import NDArray

from matching.acceptance import CONFIDENCE, LOW, confidence_codes
from matching.errors import ResultInvalid
from matching.facts import (
    gives_what_is_asked,
    offers_place,
    resource_specialties,
    restriction_refuses,
    specialty_mask,
    specialty_refusal,
)
from matching.params import FEATURES, MatchParams
from matching.problem import INFERRED_ONLINE, NeedItem, Problem, ResourceItem
from matching.result import REASONS, STATUSES, MatchResult, Pair
from matching.units import compatible

I64 = NDArray[np.int64]
U64 = NDArray[np.uint64]
EARTH_KM = 6371.0088
REACH_TOL = 5e-3
FEATURE_TOL = 5e-3


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    Examples
    --------
    >>> round(haversine_km(39.9, 116.4, 39.9, 116.41), 3)
    0.853
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _distance(n: NeedItem, r: ResourceItem) -> float:
    """Great-circle distance of an on-site pair (NaN when one has no place or online)."""
    if r.mode == "online" or math.isnan(n.lat) or math.isnan(r.lat):
        return math.nan
    return haversine_km(n.lat, n.lon, r.lat, r.lon)


def _rule_broken(problem: Problem, n: NeedItem, r: ResourceItem, d: float) -> str | None:
    if not compatible(n.unit_of_measure, r.unit_of_measure):
        return (f"units of measure do not serve each other ({n.unit_of_measure} vs "
                f"{r.unit_of_measure})")
    if n.category not in r.categories and not any(
            problem.taxonomy.is_related(n.category, c) for c in r.categories):
        return f"category {n.category} is not served by {r.id} nor related to what it serves"
    if n.people is not None and r.seats is not None and n.people > r.seats:
        return f"{n.people} people do not fit in {r.seats} seats"
    if n.days is not None and r.days is not None and n.days != r.days:
        return f"the need falls on {n.days}, the resource serves only on {r.days}"
    if r.registered_only and (r.unit_id, n.community_id) not in problem.registrations:
        return "the resource serves only communities its unit is registered with"
    if n.needs_place and not offers_place(r.categories, r.seats):
        return "the need asks for a place and the resource gives none"
    if specialty_refusal(f"{n.title} {n.description}", f"{r.title} {r.description}",
                         r.mode, r.categories):
        return "the need asks for specialist help the resource does not give"
    refused = restriction_refuses(r.only_for, r.excludes, f"{n.title} {n.description}",
                                  r.goods)
    if refused:
        return f"the resource's restriction refuses it ({refused})"
    starts = [d for d in (n.start, r.start) if d is not None]
    ends = [d for d in (n.end, r.end) if d is not None]
    if starts and ends and max(starts) > min(ends):
        return "time windows do not overlap"
    if r.mode == "online":
        if not n.online_ok:
            return "an online resource serves a need that cannot be served online"
        return None
    if math.isnan(n.lat) or math.isnan(r.lat):
        return "a need or resource without a place is paired on site"
    if d > r.reach_km * (1 + REACH_TOL) + 1e-6:
        return f"distance {d:.3f} km exceeds reach {r.reach_km} km"
    return None


def _features(problem: Problem, n: NeedItem, r: ResourceItem, params: MatchParams,
              d: float) -> dict[str, float]:
    """Every feature but text, recomputed from the items."""
    asked = gives_what_is_asked(
        specialty_mask(f"{n.title} {n.description}", 0),
        resource_specialties(f"{r.title} {r.description}", r.mode, r.categories))
    out = {"category": 1.0 if n.category in r.categories or asked else params.related_fit,
           "priority": 0.35 * (n.urgency - 1) + 0.3 * n.weak_community}
    if r.mode == "online" or math.isnan(n.lat) or math.isnan(r.lat):
        out["distance"] = params.online_inferred_fit \
            if n.online_source in INFERRED_ONLINE else params.online_fit
    else:
        out["distance"] = math.exp(-max(d - params.walk_km, 0.0) / params.decay_km)
    rel = 0.3 + 0.4 * ((r.unit_id, n.community_id) in problem.registrations)
    mean = problem.history.get((r.unit_id, n.community_id))
    if mean is not None:
        rel += 0.3 * (mean - 3.0) / 2.0
    out["relationship"] = min(max(rel, 0.0), 1.0)
    return out


Verdict = tuple[float, "str | None", dict[str, float]]
"""What the items of a pair alone decide: its distance, the rule it breaks (None if
none) and its features but text."""
Signature = tuple[dict[str, float], float, str]
"""What a pair reports of itself: its breakdown, score and confidence."""
Entry = tuple[NeedItem, ResourceItem, Verdict, "Signature | None"]
"""A kept verdict: the pair's items, its verdict and the report it passed with."""
Table = dict[tuple[int, int], Entry]


class _Verdicts:
    """The verdicts of the last result checked, by the identity of its items, with the
    context they were derived in (taxonomy, registrations, history, parameters): a
    re-run that keeps most items (the same objects) re-derives only the pairs of new
    ones. A hit needs the very same need and resource objects (they are kept alive here,
    so an id is never reused while it is a key) and an equal context; anything else is
    derived afresh, so a verdict is always the validator's own."""

    def __init__(self) -> None:
        self.context: tuple[object, ...] = ()
        self.table: Table = {}
        self.lock = threading.Lock()

    def start(self, problem: Problem, params: MatchParams
              ) -> tuple[tuple[object, ...], Table]:
        """This check's context, and the kept verdicts if derived in it (else none)."""
        context = (problem.taxonomy, problem.registrations, problem.history, params)
        with self.lock:
            old, table = self.context, self.table
        same = bool(old) and old[1] == context[1] and old[2] == context[2] and \
            old[3] == context[3] and (old[0] is context[0] or (
                problem.taxonomy.to_dict() == old[0].to_dict()))  # type: ignore[attr-defined]
        return context, table if same else {}

    def keep(self, context: tuple[object, ...], table: Table) -> None:
        with self.lock:
            self.context, self.table = context, table


_VERDICTS = _Verdicts()


def _signature(p: Pair) -> Signature:
    """A copy of what ``p`` reports (its breakdown copied: a later change to the
    reported dictionary is a different report)."""
    return dict(p.breakdown), p.score, p.confidence


_MISS: Entry = cast(Entry, (object(), object(), None, None))
"""What a pair not in the kept table looks up: items that are no item, no report."""


def _passed_rows(kept: Table, pairs: list[Pair], ns: list[NeedItem | None],
                 rs: list[ResourceItem | None]) -> tuple[list[Entry], list[bool]]:
    """Each pair's entry in ``kept`` (under its items' identities) and whether it passed:
    the very same items, in the same context, with an equal report (breakdown, score,
    confidence) passed the last check, and the pair is not pinned: its rules are not
    derived again. (Each by C-level maps over the pairs: a re-run checks ~145,000.)"""
    entries = list(map(kept.get, zip(map(id, ns), map(id, rs), strict=True),
                       repeat(_MISS)))
    same_need = map(is_, map(itemgetter(0), entries), ns)
    same_res = map(is_, map(itemgetter(1), entries), rs)
    reports = zip(map(attrgetter("breakdown"), pairs), map(attrgetter("score"), pairs),
                  map(attrgetter("confidence"), pairs), strict=True)
    same_report = map(eq, map(itemgetter(3), entries), reports)
    free = map(not_, map(attrgetter("pinned"), pairs))
    return entries, list(map(all, zip(same_need, same_res, same_report, free,
                                          strict=True)))


def _kept(kept: Table, n: NeedItem | None, r: ResourceItem | None) -> Entry | None:
    hit = kept.get((id(n), id(r)))
    return hit if hit is not None and hit[0] is n and hit[1] is r else None


def _verdict(problem: Problem, n: NeedItem, r: ResourceItem, params: MatchParams,
             kept: Table) -> Verdict:
    hit = _kept(kept, n, r)
    if hit is not None:
        return hit[2]
    d = _distance(n, r)
    return d, _rule_broken(problem, n, r, d), _features(problem, n, r, params, d)


def check_result(problem: Problem, result: MatchResult,
                 params: MatchParams | None = None) -> None:
    """Raise :class:`ResultInvalid` naming the first rule ``result`` breaks.

    Checks quantities, capacities, that every pair is a candidate (or pinned): category,
    reach, time, seats, days and written restrictions, and the acceptance rule with the
    confidence it reports,
    integrality, pinned and declined pairs, per-unit limits, scores against their
    breakdown, the objective, the unserved lists, utilisation and minimum shares.

    Examples
    --------
    >>> from matching import NeedItem, Problem, ResourceItem, Taxonomy, match
    >>> n = NeedItem("N1", "C1", "S1", "venue", 1, "场地", lat=30.0, lon=120.0)
    >>> r = ResourceItem("R1", "U1", "S1", "venue", 1, "场地", lat=30.0, lon=120.0)
    >>> p = Problem([n], [r], Taxonomy.from_related({}))
    >>> result = match(p)
    >>> check_result(p, result)  # passes silently
    >>> result.objective = 5.0
    >>> check_result(p, result)
    Traceback (most recent call last):
    ...
    matching.errors.ResultInvalid: reported objective 5.0 differs from the recomputed ...
    """
    params = params or MatchParams()
    if result.status not in STATUSES:
        raise ResultInvalid(f"unknown status {result.status!r}")
    needs = {n.id: n for n in problem.needs}
    resources = {r.id: r for r in problem.resources}
    pinned = {(n, r): q for n, r, q in problem.pinned}
    weights = params.weights()
    total_w = sum(weights.values())
    seen: set[tuple[str, str]] = set()
    served: Counter[str] = Counter()
    used: Counter[str] = Counter()
    unit_qty: Counter[str] = Counter()
    unit_proj: Counter[str] = Counter()
    objective = 0.0
    context, kept = _VERDICTS.start(problem, params)
    # the kept table grown in place: every entry is a verdict of the very items it names
    # in this context, whichever result it was derived for (no table of every pair
    # built again when a re-run passes nearly all of them)
    now: Table = kept
    # pairs whose items, context and report all passed the last check: their per-pair
    # rules, confidence, features and score are not derived again
    pairs = result.pairs
    # (each list by C-level maps over the pairs: a re-run checks ~145,000 of them)
    need_ids = list(map(attrgetter("need_id"), pairs))
    res_ids = list(map(attrgetter("resource_id"), pairs))
    ns = list(map(needs.get, need_ids))
    rs = list(map(resources.get, res_ids))
    qs = list(map(attrgetter("quantity"), pairs))
    entries, ok = _passed_rows(kept, pairs, ns, rs)
    declined = problem.declined
    # the usual result: every item known, no pair twice, every quantity a positive
    # integer; its totals are then summed in one pass and only the pairs not passed
    # before checked one by one (else every pair goes through the loop, which names the
    # first broken one)
    bulk = _all_known(ns) and _all_known(rs) and set(map(type, qs)) <= {int} and \
        (not qs or min(qs) >= 1)
    if bulk:
        need_addr = np.fromiter(map(id, ns), np.uint64, len(ns))
        res_addr = np.fromiter(map(id, rs), np.uint64, len(rs))
        by_need = np.lexsort((res_addr, need_addr))
        bulk = not _repeated(need_addr[by_need], res_addr[by_need])
    keys = list(zip(need_ids, res_ids, strict=True)) if not bulk or pinned or declined \
        else []
    if pinned or declined:
        ok = [o and k not in pinned and k not in declined
              for o, k in zip(ok, keys, strict=True)]
    todo = list(compress(range(len(pairs)), map(not_, ok)))
    labels = dict(zip(todo, _confidence_labels(
        problem, [pairs[at] for at in todo], params, needs, resources), strict=True))
    limits = bool(problem.max_quantity_per_unit or problem.max_projects_per_unit)
    if bulk:
        seen = set(keys)
    for at in todo if bulk else range(len(pairs)):
        p, n, r = pairs[at], ns[at], rs[at]
        key = (p.need_id, p.resource_id)
        hit = None if bulk or not ok[at] else entries[at]
        if hit is not None and key not in seen and _positive(p.quantity):
            assert n is not None and r is not None  # a kept verdict names both
            seen.add(key)
            now[(id(n), id(r))] = hit
            objective += p.score * p.quantity / n.quantity
            served[p.need_id] += p.quantity
            used[p.resource_id] += p.quantity
            unit_qty[r.unit_id] += p.quantity
            unit_proj[r.unit_id] += 1
            continue
        name = f"pair ({p.need_id}, {p.resource_id})"
        if n is None or r is None:
            raise ResultInvalid(f"{name} refers to an unknown need or resource")
        if key in seen and not bulk:
            raise ResultInvalid(f"{name} appears twice")
        seen.add(key)
        if not _positive(p.quantity):
            raise ResultInvalid(f"{name}: quantity must be a positive integer, "
                                f"got {p.quantity!r}")
        if key in declined:
            raise ResultInvalid(f"{name} was declined")
        verdict = _verdict(problem, n, r, params, kept)
        _, broken, features = verdict
        if (p.need_id, p.resource_id) in pinned:
            if not p.pinned or p.quantity != pinned[(p.need_id, p.resource_id)]:
                raise ResultInvalid(f"{name} is pinned at quantity "
                                    f"{pinned[(p.need_id, p.resource_id)]} but reported "
                                    f"{p.quantity} (pinned={p.pinned})")
        else:
            if p.pinned:
                raise ResultInvalid(f"{name} is marked pinned but is not")
            if broken:
                raise ResultInvalid(f"{name} is not a candidate: {broken}")
            label = labels[at]
            if label == CONFIDENCE[LOW] or label != p.confidence:
                raise ResultInvalid(f"{name}: the acceptance rule gives confidence {label}, "
                                    f"reported {p.confidence}; only 高 and 中 are proposed")
        if set(p.breakdown) != set(FEATURES):
            raise ResultInvalid(f"{name}: breakdown must hold {', '.join(FEATURES)}")
        for f, v in p.breakdown.items():
            if not 0.0 <= v <= 1.0:
                raise ResultInvalid(f"{name}: feature {f} = {v} is outside [0, 1]")
        for f, v in features.items():
            if abs(v - p.breakdown[f]) > FEATURE_TOL:
                raise ResultInvalid(f"{name}: feature {f} reported {p.breakdown[f]:.6f}, "
                                    f"recomputed {v:.6f}")
        combined = sum(weights[f] * p.breakdown[f] for f in FEATURES) / total_w
        if abs(combined - p.score) > 1e-9:
            raise ResultInvalid(f"{name}: score {p.score} differs from its weighted "
                                f"breakdown {combined}")
        now[(id(n), id(r))] = (n, r, verdict, None if p.pinned else _signature(p))
        if bulk:
            continue
        objective += p.score * p.quantity / n.quantity
        served[p.need_id] += p.quantity
        used[p.resource_id] += p.quantity
        unit_qty[r.unit_id] += p.quantity
        unit_proj[r.unit_id] += 1
    if bulk:  # every pair checked: the totals, in the order of the pairs
        known = cast(list[NeedItem], ns)  # every pair's need was found above
        objective = sum(map(truediv, map(mul, map(attrgetter("score"), pairs), qs),
                            map(attrgetter("quantity"), known)))
        amounts = _amounts(qs)
        if amounts is None:  # beyond 64 bits: pair by pair, each total checked below
            over_need = over_res = True
            for need_id, res_id, q in zip(need_ids, res_ids, qs, strict=True):
                served[need_id] += q
                used[res_id] += q
        else:
            served, over_need = _totals(need_addr, by_need, need_ids, amounts, known,
                                        "quantity")
            used, over_res = _totals(res_addr, np.argsort(res_addr, kind="stable"),
                                     res_ids, amounts, cast(list[ResourceItem], rs),
                                     "capacity")
        if limits:
            for q, r in zip(qs, rs, strict=True):
                assert r is not None
                unit_qty[r.unit_id] += q
                unit_proj[r.unit_id] += 1
    missing = set(pinned) - seen
    if missing:
        n_id, r_id = sorted(missing)[0]
        raise ResultInvalid(f"pinned pair ({n_id}, {r_id}) is missing from the result")
    for need_id, q in served.items() if not bulk or over_need else ():
        if q > needs[need_id].quantity:
            raise ResultInvalid(f"need {need_id} is served {q}, more than its quantity "
                                f"{needs[need_id].quantity}")
    for res_id, q in used.items() if not bulk or over_res else ():
        if q > resources[res_id].capacity:
            raise ResultInvalid(f"resource {res_id} gives {q}, more than its capacity "
                                f"{resources[res_id].capacity}")
    for unit, limit in problem.max_quantity_per_unit.items():
        if unit_qty[unit] > limit:
            raise ResultInvalid(f"unit {unit} gives {unit_qty[unit]} in total, more than its "
                                f"limit {limit}")
    for unit, limit in problem.max_projects_per_unit.items():
        if unit_proj[unit] > limit:
            raise ResultInvalid(f"unit {unit} has {unit_proj[unit]} projects, more than its "
                                f"limit {limit}")
    if not math.isfinite(result.objective) or \
            abs(objective - result.objective) > 1e-9 * max(1.0, abs(objective)):
        raise ResultInvalid(f"reported objective {result.objective} differs from the "
                            f"recomputed {objective}")
    _check_unserved(problem, result, served)
    _check_utilisation(result, resources, used)
    _check_shares(problem, result, served)
    if len(now) > 2 * len(pairs) + 4096:  # mostly verdicts of items gone: start afresh
        now = {(id(n), id(r)): now[(id(n), id(r))] for n, r in zip(ns, rs, strict=True)}
    _VERDICTS.keep(context, now)


def _check_utilisation(result: MatchResult, resources: dict[str, ResourceItem],
                       used: Counter[str]) -> None:
    """Each utilisation row names a resource, its use and its capacity (compared as
    whole lists first: one pass in C for the usual result, then the row that differs)."""
    util = result.utilisation
    ids = list(map(attrgetter("resource_id"), util))
    items = list(map(resources.get, ids))
    if _all_known(items) and \
            list(map(attrgetter("used"), util)) == list(map(used.get, ids, repeat(0))) and \
            list(map(attrgetter("capacity"), util)) == list(map(attrgetter("capacity"),
                                                                items)):
        return
    for u in util:
        if u.resource_id not in resources or u.used != used[u.resource_id] \
                or u.capacity != resources[u.resource_id].capacity:
            raise ResultInvalid(f"utilisation of resource {u.resource_id} is misreported")


def _all_known(items: list[NeedItem | None] | list[ResourceItem | None]) -> bool:
    """No item is None (by identity in C: ``None in items`` would call each item's
    ``__eq__``)."""
    return all(map(is_not, items, repeat(None)))


def _repeated(first: U64, second: U64) -> bool:
    """Whether two consecutive rows of the sorted key columns are equal."""
    return bool(((first[1:] == first[:-1]) & (second[1:] == second[:-1])).any())


def _amounts(qs: list[int]) -> I64 | None:
    """The quantities as 64-bit integers (None beyond 64 bits: summed pair by pair)."""
    try:
        return np.array(qs, np.int64)
    except OverflowError:
        return None


def _totals(addr: U64, order: I64, ids: list[str], qs: I64,
            items: list[NeedItem] | list[ResourceItem], size: str
            ) -> tuple[Counter[str], bool]:
    """The sum of ``qs`` by item (``items[k]`` of id ``ids[k]`` at address ``addr[k]``;
    ``order`` sorts ``addr``), grouped by the items' identities (one item per id), not
    by comparing strings; and whether an item may give more than its ``size`` (quantity
    or capacity): then the caller names it."""
    total: Counter[str] = Counter()
    if len(order) == 0:
        return total, False
    at = addr[order]
    starts = np.flatnonzero(np.r_[True, at[1:] != at[:-1]])
    sums = np.add.reduceat(qs[order], starts)
    first = order[starts].tolist()  # a pair of each item: its id names the item
    dict.update(total, zip([ids[k] for k in first], sums.tolist(), strict=True))
    try:
        limit = np.fromiter(map(attrgetter(size), [items[k] for k in first]), np.int64,
                            len(first))
    except (TypeError, ValueError, OverflowError):
        return total, True
    return total, bool((sums > limit).any())


def _positive(quantity: object) -> bool:
    return isinstance(quantity, int) and not isinstance(quantity, bool) and quantity >= 1


def _confidence_labels(problem: Problem, pairs: list[Pair], params: MatchParams,
                       needs: dict[str, NeedItem], resources: dict[str, ResourceItem]
                       ) -> list[str]:
    """The acceptance rule's label of each of ``pairs`` (one vectorized call of the
    rule; a pair of an unknown need or resource gets a placeholder, never read)."""
    def text(item: NeedItem | ResourceItem | None) -> bool:
        return item is not None and bool((item.title + item.description).strip())

    category = np.array([p.breakdown.get("category", 0.0) for p in pairs], np.float64)
    evidence = np.array([p.breakdown.get("text", 0.0) for p in pairs], np.float64)
    known = np.array([text(needs.get(p.need_id)) and text(resources.get(p.resource_id))
                      for p in pairs], np.bool_)
    codes = confidence_codes(category, evidence, params, known)
    return [CONFIDENCE[c] for c in codes.tolist()]


def _check_unserved(problem: Problem, result: MatchResult, served: Counter[str]) -> None:
    listed: dict[str, object] = {}
    for u in (*result.unmatched, *result.partial):
        if u.need_id in listed:
            raise ResultInvalid(f"need {u.need_id} is listed twice as unserved")
        if u.reason not in REASONS:
            raise ResultInvalid(f"need {u.need_id}: unknown reason {u.reason!r}")
        listed[u.need_id] = u.served
    for u in result.unmatched:
        if served[u.need_id] != 0 or u.served != 0:
            raise ResultInvalid(f"need {u.need_id} is listed unmatched but is served")
    if _unserved_listed(problem, served, listed):
        return
    for n in problem.needs:  # a need is misreported: name the first
        s = served[n.id]
        if s < n.quantity and listed.get(n.id) != s:
            raise ResultInvalid(f"need {n.id} is served {s} of {n.quantity} but not listed "
                                f"as unserved with that amount")
        if s >= n.quantity and n.id in listed:
            raise ResultInvalid(f"need {n.id} is served in full but listed as unserved")


_ABSENT = object()


def _unserved_listed(problem: Problem, served: Counter[str], listed: dict[str, object]
                     ) -> bool:
    """Whether every need served short is listed with what it is served, and no other
    (the check of :func:`_check_unserved` by whole lists: one pass in C for the usual
    result)."""
    ids = list(map(attrgetter("id"), problem.needs))
    got = list(map(served.get, ids, repeat(0)))
    try:
        short = (np.array(got, np.int64) <
                 np.array(list(map(attrgetter("quantity"), problem.needs)), np.int64))
    except (TypeError, ValueError, OverflowError):
        return False
    expected = [g if s else _ABSENT for g, s in zip(got, short.tolist(), strict=True)]
    return list(map(listed.get, ids, repeat(_ABSENT))) == expected


def _check_shares(problem: Problem, result: MatchResult, served: Counter[str]) -> None:
    share = problem.min_share_per_community
    if not result.shortfalls and not (any(v > 0 for v in share.values())
                                      if isinstance(share, Mapping) else share > 0):
        return  # no minimum anywhere, and no shortfall reported
    demand: dict[str, int] = defaultdict(int)
    got: dict[str, int] = defaultdict(int)
    for n in problem.needs:
        demand[n.community_id] += n.quantity
        got[n.community_id] += served[n.id]
    short = {s.community_id: s for s in result.shortfalls}
    for community, d in demand.items():
        share = problem.min_share(community)
        required = math.ceil(share * d - 1e-9) if share > 0 else 0
        if got[community] < required:
            s = short.get(community)
            if s is None or s.shortfall != required - got[community]:
                raise ResultInvalid(f"community {community} is served {got[community]} of a "
                                    f"required {required} and the shortfall is not reported")
        elif community in short:
            raise ResultInvalid(f"community {community} meets its share but is reported short")
