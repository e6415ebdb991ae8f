"""Column arrays of a problem: what the vectorized stages work on (private)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matching.facts import offers_place, resource_specialties, specialty_mask
from matching.problem import Problem, ResourceItem

I64 = NDArray[np.int64]
F64 = NDArray[np.float64]
B = NDArray[np.bool_]

KM_PER_DEG = 6371.0088 * math.pi / 180
NO_START = np.iinfo(np.int64).min // 4
NO_END = np.iinfo(np.int64).max // 4
MODE_CODE = {"onsite": 0, "at_unit": 1, "online": 2}
ONLINE = 2
DAY_CODE: dict[str | None, int] = {None: 0, "weekday": 1, "weekend": 2}


def _codes(values: list[str], vocab: dict[str, int]) -> I64:
    for v in values:
        if v not in vocab:
            vocab[v] = len(vocab)
    return np.fromiter((vocab[v] for v in values), dtype=np.int64, count=len(values))


def distinct_order(keys: I64, bound: int) -> I64:
    """``np.argsort(keys, kind="stable")`` of *distinct* keys in ``range(bound)``: each key
    packed with its position into one int64 and the packed values sorted (numpy's SIMD
    sort of values, not a merge sort of indices: 5.2M candidate keys, 0.48 s -> 0.06 s),
    or the stable argsort when ``bound * len(keys)`` does not fit an int64.

    >>> distinct_order(np.array([30, 10, 20]), 31).tolist()
    [1, 2, 0]
    """
    n = len(keys)
    if n == 0 or bound * n >= 2**62:
        order: I64 = np.argsort(keys, kind="stable")
        return order
    packed = keys * n
    packed += np.arange(n, dtype=np.int64)
    packed.sort()
    packed %= n
    return packed


def _days(values: list[dt.date | None], missing: int) -> I64:
    return np.fromiter((missing if d is None else d.toordinal() for d in values),
                       dtype=np.int64, count=len(values))


@dataclass(frozen=True, eq=False)
class Arrays:
    """Needs and resources as numpy columns, indexed like ``problem.needs/resources``."""

    need_ids: list[str]
    res_ids: list[str]
    categories: list[str]
    units_of_measure: list[str]
    communities: list[str]
    units: list[str]
    streets: list[str]
    # needs
    n_cat: I64
    n_uom: I64
    n_comm: I64
    n_street: I64
    n_qty: I64
    n_urgency: I64
    n_xy: F64
    n_start: I64
    n_end: I64
    n_online: B
    n_weak: B
    # resources
    r_cat: I64
    r_uom: I64
    r_unit: I64
    r_street: I64
    r_cap: I64
    r_xy: F64
    r_reach: F64
    r_mode: I64
    r_start: I64
    r_end: I64
    # category relations: related[a, b] is True when a and b are related (a != b)
    related: B
    # facts: people and seats (0 = unknown), days (0 any, 1 weekdays, 2 weekend)
    n_people: I64
    n_days: I64
    r_seats: I64
    r_days: I64
    # a need that asks for a place, a resource that gives one (matching.facts.offers_place)
    n_place: B
    r_place: B
    # the specialist help a need asks for and a resource gives (matching.facts.SPECIALTIES)
    n_special: I64
    r_special: I64
    # r_serves[r, c]: resource r serves category c; r_fits[r, c]: serves c or a related one
    r_serves: B
    r_fits: B
    # resources with a restriction to check pair by pair (only for / excludes / registered
    # / a closed list of goods)
    r_restricted: B
    # pinned pairs and what they leave over
    pin_need: I64
    pin_res: I64
    pin_qty: I64
    n_left: I64
    r_left: I64
    # sorted pair keys need * n_res + res
    declined_keys: I64
    pinned_keys: I64

    @property
    def n_needs(self) -> int:
        return len(self.need_ids)

    @property
    def n_res(self) -> int:
        return len(self.res_ids)


def arrays_of(problem: Problem) -> Arrays:
    """The (cached) column arrays of ``problem``."""
    cached = problem._cache.get("arrays")
    if isinstance(cached, Arrays):
        return cached
    built = _build(problem)
    problem._cache["arrays"] = built
    return built


def _specialties(texts: list[str], side: int) -> I64:
    """:func:`matching.facts.specialty_mask` of each text (each distinct text once)."""
    masks = {t: specialty_mask(t, side) for t in dict.fromkeys(texts)}
    return np.fromiter((masks[t] for t in texts), dtype=np.int64, count=len(texts))


def _resource_specialties(resources: tuple[ResourceItem, ...]) -> I64:
    """:func:`matching.facts.resource_specialties` of each resource's text, mode and
    categories, each distinct combination once."""
    keys = [(f"{r.title} {r.description}", r.mode, r.categories) for r in resources]
    masks = {k: resource_specialties(*k) for k in dict.fromkeys(keys)}
    return np.fromiter((masks[k] for k in keys), dtype=np.int64, count=len(keys))


def _project(lat: F64, lon: F64, lat0: float, lon0: float) -> F64:
    x = (lon - lon0) * KM_PER_DEG * math.cos(math.radians(lat0))
    y = (lat - lat0) * KM_PER_DEG
    return np.column_stack([x, y])


def _build(problem: Problem) -> Arrays:
    needs, resources = problem.needs, problem.resources
    cat_vocab: dict[str, int] = {}
    uom_vocab: dict[str, int] = {}
    comm_vocab: dict[str, int] = {}
    unit_vocab: dict[str, int] = {}
    street_vocab: dict[str, int] = {}
    n_cat = _codes([n.category for n in needs], cat_vocab)
    r_cat = _codes([r.category for r in resources], cat_vocab)
    n_uom = _codes([n.unit_of_measure for n in needs], uom_vocab)
    r_uom = _codes([r.unit_of_measure for r in resources], uom_vocab)
    n_comm = _codes([n.community_id for n in needs], comm_vocab)
    r_unit = _codes([r.unit_id for r in resources], unit_vocab)
    n_street = _codes([n.street_id for n in needs], street_vocab)
    r_street = _codes([r.street_id for r in resources], street_vocab)
    n_lat = np.fromiter((n.lat for n in needs), dtype=np.float64, count=len(needs))
    n_lon = np.fromiter((n.lon for n in needs), dtype=np.float64, count=len(needs))
    r_lat = np.fromiter((r.lat for r in resources), dtype=np.float64, count=len(resources))
    r_lon = np.fromiter((r.lon for r in resources), dtype=np.float64, count=len(resources))
    all_lat = np.concatenate([n_lat, r_lat])
    all_lon = np.concatenate([n_lon, r_lon])
    ok = ~np.isnan(all_lat)
    # the projection's origin, rounded to 0.01 degree (about 1 km): a need added or a
    # resource withdrawn leaves it, and so every other pair's distance, as it was (the
    # incremental re-run reuses the components whose weights did not change)
    lat0 = round(float(np.mean(all_lat[ok])), 2) if ok.any() else 0.0
    lon0 = round(float(np.mean(all_lon[ok])), 2) if ok.any() else 0.0
    for r in resources:
        for c in r.also_categories:
            cat_vocab.setdefault(c, len(cat_vocab))
    categories = list(cat_vocab)
    related = np.zeros((len(categories), len(categories)), dtype=np.bool_)
    for a, code in enumerate(categories):
        for other in problem.taxonomy.related(code):
            b = cat_vocab.get(other)
            if b is not None and b != a:
                related[a, b] = related[b, a] = True
    r_serves = np.zeros((len(resources), len(categories)), dtype=np.bool_)
    r_serves[np.arange(len(resources)), r_cat] = True
    for j, r in enumerate(resources):
        for c in r.also_categories:
            r_serves[j, cat_vocab[c]] = True
    r_fits = r_serves | ((r_serves.astype(np.int64) @ related.astype(np.int64)) > 0)
    need_index = {n.id: i for i, n in enumerate(needs)}
    res_index = {r.id: j for j, r in enumerate(resources)}
    pin_need = np.array([need_index[n] for n, _, _ in problem.pinned], dtype=np.int64)
    pin_res = np.array([res_index[r] for _, r, _ in problem.pinned], dtype=np.int64)
    pin_qty = np.array([q for _, _, q in problem.pinned], dtype=np.int64)
    n_qty = np.fromiter((n.quantity for n in needs), dtype=np.int64, count=len(needs))
    r_cap = np.fromiter((r.capacity for r in resources), dtype=np.int64, count=len(resources))
    n_left = n_qty - np.bincount(pin_need, weights=pin_qty, minlength=len(needs)).astype(
        np.int64)
    r_left = r_cap - np.bincount(pin_res, weights=pin_qty, minlength=len(resources)).astype(
        np.int64)
    n_res = len(resources)
    declined = np.array(sorted(need_index[n] * n_res + res_index[r]
                               for n, r in problem.declined), dtype=np.int64)
    return Arrays(
        need_ids=[n.id for n in needs], res_ids=[r.id for r in resources],
        categories=categories, units_of_measure=list(uom_vocab),
        communities=list(comm_vocab), units=list(unit_vocab), streets=list(street_vocab),
        n_cat=n_cat, n_uom=n_uom, n_comm=n_comm, n_street=n_street, n_qty=n_qty,
        n_urgency=np.fromiter((n.urgency for n in needs), dtype=np.int64, count=len(needs)),
        n_xy=_project(n_lat, n_lon, lat0, lon0),
        n_start=_days([n.start for n in needs], NO_START),
        n_end=_days([n.end for n in needs], NO_END),
        n_online=np.fromiter((n.online_ok for n in needs), dtype=np.bool_, count=len(needs)),
        n_weak=np.fromiter((n.weak_community for n in needs), dtype=np.bool_,
                           count=len(needs)),
        r_cat=r_cat, r_uom=r_uom, r_unit=r_unit, r_street=r_street, r_cap=r_cap,
        r_xy=_project(r_lat, r_lon, lat0, lon0),
        r_reach=np.fromiter((r.reach_km for r in resources), dtype=np.float64,
                            count=len(resources)),
        r_mode=np.fromiter((MODE_CODE[r.mode] for r in resources), dtype=np.int64,
                           count=len(resources)),
        r_start=_days([r.start for r in resources], NO_START),
        r_end=_days([r.end for r in resources], NO_END),
        related=related,
        n_people=np.fromiter((n.people or 0 for n in needs), dtype=np.int64,
                             count=len(needs)),
        n_days=np.fromiter((DAY_CODE[n.days] for n in needs), dtype=np.int64,
                           count=len(needs)),
        r_seats=np.fromiter((r.seats or 0 for r in resources), dtype=np.int64,
                            count=len(resources)),
        r_days=np.fromiter((DAY_CODE[r.days] for r in resources), dtype=np.int64,
                           count=len(resources)),
        r_serves=r_serves, r_fits=r_fits,
        n_place=np.fromiter((n.needs_place for n in needs), dtype=np.bool_,
                            count=len(needs)),
        r_place=np.fromiter((offers_place(r.categories, r.seats) for r in resources),
                            dtype=np.bool_, count=len(resources)),
        n_special=_specialties([f"{n.title} {n.description}" for n in needs], 0),
        r_special=_resource_specialties(resources),
        r_restricted=np.fromiter((bool(r.only_for or r.excludes or r.registered_only
                                       or r.goods)
                                  for r in resources), dtype=np.bool_, count=len(resources)),
        pin_need=pin_need, pin_res=pin_res, pin_qty=pin_qty,
        n_left=n_left, r_left=r_left, declined_keys=declined,
        pinned_keys=np.unique(pin_need * n_res + pin_res),
    )
