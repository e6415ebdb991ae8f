"""Candidate pairs, sparse from the start.

A resource can serve a need when

* the need's category is one the resource serves (its own or one it also serves) or
  related to one of them in the taxonomy,
* the resource's unit of measure serves the need's, one for one
  (:func:`matching.units.compatible`: 人次 serves 人, 个 serves 件; 场 does not serve
  次, hours do not serve a need counted in venues),
* the need lies within the resource's reach (``onsite``: the unit travels to the
  community; ``at_unit``: residents travel to the unit; both measured as straight-line
  km on a local projection), or the resource is ``online`` and the need can be served
  online,
* the time windows overlap (``None`` is open),
* the pair is neither declined nor pinned (pinned pairs are fixed outside the solve),
* both still have quantity left after pinned pairs,
* the facts agree: enough seats for the need's people, days that meet, a place for a
  need that asks for one, and the resource's written restrictions do not refuse the
  need (:func:`refused_by_facts`, applied by the matcher after :func:`find_candidates`,
  keeping what it refused so a person sees why).

Distances come from k-d trees (one per unit of measure and need category), queried with
whole trees of resources of a compatible category and unit, so no loop ever runs over all
pairs.
An online resource reaches every need that accepts online service; to keep the candidate
graph sparse, each need keeps only its ``max_online`` nearest online resources (needs
without a place rank them by resource order).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from matching.arrays import F64, I64, ONLINE, Arrays, B, distinct_order
from matching.facts import SPECIALTY_REFUSALS, restriction_refuses
from matching.growable import room_for
from matching.problem import NeedItem, Problem, ResourceItem
from matching.scores import member, relationship_keys, relationship_lookup
from matching.units import served_codes

REACH_BIN = math.sqrt(2.0)


@dataclass(frozen=True, eq=False)
class Candidates:
    """Candidate pairs sorted by (need, resource); ``dist`` is NaN for online pairs."""

    need: I64
    res: I64
    dist: F64
    online: B

    def __len__(self) -> int:
        return int(self.need.shape[0])


def _groups(keys: I64, index: I64) -> dict[int, I64]:
    """Map each key to the (sorted) indices carrying it."""
    order = np.argsort(keys[index], kind="stable")
    sorted_idx = index[order]
    sorted_keys = keys[sorted_idx]
    if len(sorted_keys) == 0:
        return {}
    uniq, starts = np.unique(sorted_keys, return_index=True)
    ends = np.append(starts[1:], len(sorted_keys))
    return {int(k): sorted_idx[s:e] for k, s, e in zip(uniq, starts, ends, strict=True)}


def _reach_bins(reach: F64) -> I64:
    safe = np.maximum(reach, 1e-9)
    return np.ceil(np.log(safe) / math.log(REACH_BIN) - 1e-12).astype(np.int64)


def find_candidates(a: Arrays, max_online: int = 30) -> Candidates:
    """All candidate pairs of the problem behind ``a``."""
    n_cats = len(a.categories)
    n_key = a.n_uom * n_cats + a.n_cat
    r_key = a.r_uom * n_cats + a.r_cat
    need_open = a.n_left > 0
    res_open = a.r_left > 0
    need_placed = ~np.isnan(a.n_xy[:, 0])
    res_placed = ~np.isnan(a.r_xy[:, 0])

    parts_n: list[I64] = []
    parts_r: list[I64] = []
    parts_d: list[F64] = []

    # resources with a place and a reach
    geo_needs = _groups(n_key, np.flatnonzero(need_open & need_placed))
    geo_res = _groups(r_key, np.flatnonzero(res_open & res_placed & (a.r_mode != ONLINE)))
    served = served_codes(a.units_of_measure)
    trees: dict[int, cKDTree] = {}
    for key, res_idx in geo_res.items():
        compatible = np.flatnonzero(a.r_fits[res_idx].any(axis=0)).tolist()
        need_keys = [u * n_cats + int(c) for u in served[key // n_cats] for c in compatible
                     if u * n_cats + int(c) in geo_needs]
        if not need_keys:
            continue
        bins = _reach_bins(a.r_reach[res_idx])
        for b in np.unique(bins):
            in_bin = res_idx[bins == b]
            reach = a.r_reach[in_bin]
            rtree = cKDTree(a.r_xy[in_bin])
            for need_key in need_keys:
                c = need_key % n_cats
                need_idx = geo_needs[need_key]
                ntree = trees.get(need_key)
                if ntree is None:
                    ntree = trees[need_key] = cKDTree(a.n_xy[need_idx])
                found = rtree.sparse_distance_matrix(
                    ntree, float(reach.max()), output_type="ndarray")
                i = found["i"].astype(np.int64)
                d = found["v"].astype(np.float64)
                keep = d <= reach[i] + 1e-9
                rr = in_bin[i[keep]]
                nn = need_idx[found["j"][keep].astype(np.int64)]
                # filtered part by part (smaller arrays than the 5M pairs at the end)
                ok = a.r_fits[rr, int(c)] & _overlap(a, nn, rr)
                parts_r.append(rr[ok])
                parts_n.append(nn[ok])
                parts_d.append(d[keep][ok])
    n_geo = sum(len(p) for p in parts_n)

    # online resources, for needs that accept online service
    online_needs = _groups(n_key, np.flatnonzero(need_open & a.n_online))
    online_res = _groups(r_key, np.flatnonzero(res_open & (a.r_mode == ONLINE)))
    on_n: list[I64] = []
    on_r: list[I64] = []
    on_rank: list[F64] = []
    for key, res_idx in online_res.items():
        for need_key in [u * n_cats + int(c) for u in served[key // n_cats]
                         for c in np.flatnonzero(a.r_fits[res_idx].any(axis=0)).tolist()]:
            online_idx = online_needs.get(need_key)
            if online_idx is None:
                continue
            nn, rr, rank = _online_nearest(a, online_idx, res_idx, max_online)
            on_n.append(nn)
            on_r.append(rr)
            on_rank.append(rank)
    if on_n:
        nn, rr, _ = _nearest(np.concatenate(on_n), np.concatenate(on_r),
                             np.concatenate(on_rank), max_online)
        ok = a.r_fits[rr, a.n_cat[nn]] & _overlap(a, nn, rr)
        nn, rr = nn[ok], rr[ok]
        parts_n.append(nn)
        parts_r.append(rr)
        parts_d.append(np.full(len(nn), np.nan))

    need = np.concatenate(parts_n) if parts_n else np.zeros(0, np.int64)
    res = np.concatenate(parts_r) if parts_r else np.zeros(0, np.int64)
    dist = np.concatenate(parts_d) if parts_d else np.zeros(0, np.float64)
    online = np.zeros(len(need), dtype=np.bool_)
    online[n_geo:] = True

    keys = need * a.n_res + res
    if len(a.declined_keys) or len(a.pinned_keys):
        keep = ~np.isin(keys, a.declined_keys) & ~np.isin(keys, a.pinned_keys)
        need, res, dist, online, keys = need[keep], res[keep], dist[keep], online[keep], \
            keys[keep]
    # every pair is found once (a resource in one group and bin, a need in one group)
    order = distinct_order(keys, a.n_needs * a.n_res)
    return Candidates(need=need[order], res=res[order], dist=dist[order],
                      online=online[order])


def _overlap(a: Arrays, need: I64, res: I64) -> B:
    """Whether the time windows of the pairs ``(need[k], res[k])`` overlap."""
    out: B = (np.maximum(a.n_start[need], a.r_start[res])
              <= np.minimum(a.n_end[need], a.r_end[res]))
    return out


def refused_by_facts(problem: Problem, a: Arrays, cands: Candidates
                     ) -> tuple[Candidates, list[tuple[int, int, str]]]:
    """Drop the pairs the facts refuse; return what is left and the refused pairs
    ``(need, resource, why)``.

    Without text: enough seats for the people of the need (when both are known), days
    that meet (a weekend-only resource never serves a weekday need, nor a weekday-only
    one a weekend need) and a place for a need that asks for one
    (:func:`matching.facts.offers_place`). From bit masks read once per item's text: the
    specialist help a need asks for is given by the resource
    (:data:`matching.facts.SPECIALTIES`). With text, only for pairs of restricted
    resources, one by one: the resource's written restrictions (only for ..., not for
    ..., only the communities its unit is registered with, a closed list of goods;
    :func:`pair_refusal`).
    """
    need, res = cands.need, cands.res
    seats, people = a.r_seats[res], a.n_people[need]
    few = (seats > 0) & (people > seats)
    rd, nd = a.r_days[res], a.n_days[need]
    days = (rd > 0) & (nd > 0) & (rd != nd)
    place = a.n_place[need] & ~a.r_place[res]
    special = (a.n_special[need] & ~a.r_special[res]) != 0
    drop = few | days | place | special
    at = np.flatnonzero(drop)
    refused = list(zip(need[at].tolist(), res[at].tolist(),
                       _fact_whys(a, need[at], res[at], few[at], place[at], special[at]),
                       strict=True))
    at = np.flatnonzero(a.r_restricted[res] & ~drop)
    whys = restriction_refusals(problem, a, need[at], res[at])
    hit = np.flatnonzero(whys != None)  # noqa: E711 - elementwise over an object array
    drop[at[hit]] = True
    refused.extend(zip(need[at[hit]].tolist(), res[at[hit]].tolist(), whys[hit].tolist(),
                       strict=True))
    if not refused:
        return cands, refused
    keep = np.flatnonzero(~drop)  # one mask to positions, then four gathers (into
    # arrays with room: a re-run appends to them, matching.growable)

    def gather(values: NDArray[Any]) -> NDArray[Any]:
        return np.take(values, keep, out=room_for(len(keep), (), values.dtype))

    return Candidates(need=gather(need), res=gather(res), dist=gather(cands.dist),
                      online=gather(cands.online)), sorted(refused)


def _fact_whys(a: Arrays, need: I64, res: I64, few: B, place: B, special: B) -> list[str]:
    """Why each refused pair is refused by the facts without text, the first that
    holds of: too few seats, no place, a specialty not given (the lowest bit of the
    need's specialties the resource lacks, as :func:`matching.facts.specialty_refusal`
    names it), the days; without a Python call per pair."""
    why = np.where(a.r_days[res] == 2, "只在周末", "只在工作日").astype(object)
    missing = a.n_special[need] & ~a.r_special[res]
    special = special & ~few & ~place
    bit = np.log2((missing & -missing)[special].astype(np.float64)).astype(np.int64)
    why[special] = np.asarray(SPECIALTY_REFUSALS, dtype=object)[bit]
    why[place & ~few] = "需要场地，该资源不提供场地"
    seats, people = a.r_seats[res[few]], a.n_people[need[few]]
    counts, inverse = np.unique(np.c_[seats, people], axis=0, return_inverse=True)
    texts = np.array([f"座位不足：最多 {s} 人，需求 {p} 人" for s, p in counts.tolist()],
                     dtype=object)
    why[few] = texts[inverse.ravel()] if len(counts) else why[few]
    out: list[str] = why.tolist()
    return out


def restriction_refusals(problem: Problem, a: Arrays, need: I64, res: I64
                         ) -> NDArray[np.object_]:
    """:func:`pair_refusal` of each pair ``(need[k], res[k])`` (a Chinese phrase or
    ``None``), without a Python call per pair: the registration check as a lookup of
    keys (:func:`matching.scores.relationship_keys`), the written restrictions once per
    distinct (restrictions of the resource, text of the need) — 174k pairs of restricted
    resources at 100,000 needs are 72k such combinations."""
    out = np.full(len(need), None, dtype=object)
    if len(need) == 0:
        return out
    needs, resources = problem.needs, problem.resources
    r_at, r_inverse = np.unique(res, return_inverse=True)
    n_at, n_inverse = np.unique(need, return_inverse=True)
    registered_only = np.fromiter((resources[r].registered_only for r in r_at.tolist()),
                                  dtype=np.bool_, count=len(r_at))[r_inverse]
    if registered_only.any():
        keys = relationship_keys(a, need, res)
        out[registered_only & ~member(keys, relationship_lookup(problem, a)[0])] = \
            "只服务本单位双报到社区"
    # the restrictions of each resource, numbered; the text of each need, numbered
    signatures: dict[tuple[tuple[str, ...], ...], int] = {}
    r_sig = np.fromiter((signatures.setdefault(
        (resources[r].only_for, resources[r].excludes, resources[r].goods), len(signatures))
        for r in r_at.tolist()), dtype=np.int64, count=len(r_at))[r_inverse]
    texts: dict[str, int] = {}
    n_text = np.fromiter((texts.setdefault(f"{needs[n].title} {needs[n].description}",
                                           len(texts)) for n in n_at.tolist()),
                         dtype=np.int64, count=len(n_at))[n_inverse]
    rest = np.flatnonzero(out == None)  # noqa: E711 - elementwise over an object array
    combos, inverse = np.unique(r_sig[rest] * len(texts) + n_text[rest],
                                return_inverse=True)
    sig_of, text_of = list(signatures), list(texts)
    whys = np.empty(len(combos), dtype=object)  # (np.array of strings and None: not 1-D)
    whys[:] = [restriction_refuses(only_for, excludes, text_of[t], goods)
               for (only_for, excludes, goods), t in
               ((sig_of[c // len(texts)], c % len(texts)) for c in combos.tolist())]
    out[rest] = whys[inverse.ravel()]
    return out


def pair_refusal(problem: Problem, n: NeedItem, r: ResourceItem) -> str | None:
    """Why the restrictions of ``r`` refuse ``n`` (one Chinese phrase), or ``None``."""
    if r.registered_only and (r.unit_id, n.community_id) not in problem.registrations:
        return "只服务本单位双报到社区"
    return restriction_refuses(r.only_for, r.excludes, f"{n.title} {n.description}",
                               r.goods)


def _online_nearest(a: Arrays, need_idx: I64, res_idx: I64, k: int
                    ) -> tuple[I64, I64, F64]:
    """Each need's ``k`` nearest online resources of ``res_idx`` (ties by resource index;
    a need or resource without a place ranks last), found with a k-d tree rather than
    by ranking every pair."""
    n_xy, r_xy = a.n_xy[need_idx], a.r_xy[res_idx]
    placed_n = ~np.isnan(n_xy[:, 0])
    placed_r = ~np.isnan(r_xy[:, 0])
    parts_n: list[I64] = []
    parts_r: list[I64] = []
    if placed_r.any() and placed_n.any():
        p_idx = res_idx[placed_r]
        tree = cKDTree(r_xy[placed_r])
        needs = need_idx[placed_n]
        kk = min(k, len(p_idx))
        d_k, _ = tree.query(n_xy[placed_n], k=kk)
        d_k = np.asarray(d_k, dtype=np.float64).reshape(len(needs), -1)[:, -1]
        # every resource as near as the k-th one, ties included
        hits = tree.query_ball_point(n_xy[placed_n], r=d_k + 1e-9)
        counts = np.fromiter((len(h) for h in hits), dtype=np.int64, count=len(hits))
        parts_n.append(np.repeat(needs, counts))
        parts_r.append(p_idx[np.concatenate(hits).astype(np.int64)] if counts.sum()
                       else np.zeros(0, np.int64))
        if kk < k:  # too few placed resources: the unplaced ones come next
            unplaced = res_idx[~placed_r][: k - kk]
            parts_n.append(np.repeat(needs, len(unplaced)))
            parts_r.append(np.tile(unplaced, len(needs)))
    elif placed_n.any():
        needs = need_idx[placed_n]
        parts_n.append(np.repeat(needs, min(k, len(res_idx))))
        parts_r.append(np.tile(res_idx[:k], len(needs)))
    unplaced_needs = need_idx[~placed_n]  # every resource ranks last: by resource index
    parts_n.append(np.repeat(unplaced_needs, min(k, len(res_idx))))
    parts_r.append(np.tile(res_idx[:k], len(unplaced_needs)))
    nn, rr = np.concatenate(parts_n), np.concatenate(parts_r)
    delta = a.n_xy[nn] - a.r_xy[rr]
    rank = np.hypot(delta[:, 0], delta[:, 1])
    rank[np.isnan(rank)] = np.inf
    return _nearest(nn, rr, rank, k)


def _nearest(need: I64, res: I64, rank: F64, k: int) -> tuple[I64, I64, F64]:
    """Keep, for each need, the ``k`` pairs of lowest rank (ties by resource index)."""
    need, res, rank = _by_need_rank_res(need, res, rank)
    starts = np.flatnonzero(np.r_[True, need[1:] != need[:-1]])
    pos = np.arange(len(need)) - np.repeat(starts, np.diff(np.r_[starts, len(need)]))
    keep = pos < k
    return need[keep], res[keep], rank[keep]


def _by_need_rank_res(need: I64, res: I64, rank: F64) -> tuple[I64, I64, F64]:
    """The triples sorted by need, then rank, then resource (``np.lexsort((res, rank,
    need))``): ranks of no sign and no NaN are numbered in order by their bits, and the
    triples packed into one int64 each whose values are sorted (673k online pairs at
    100,000 needs: 0.35 -> 0.07 s), or the lexsort when they do not fit or a rank is
    negative or NaN."""
    if len(need) == 0 or not bool(np.all(rank >= 0)):
        order = np.lexsort((res, rank, need))
        return need[order], res[order], rank[order]
    codes, code = np.unique(rank.view(np.int64), return_inverse=True)
    n_codes, n_res = len(codes), int(res.max()) + 1
    if (int(need.max()) + 1) * n_codes * n_res >= 2**62:
        order = np.lexsort((res, rank, need))
        return need[order], res[order], rank[order]
    packed = (need * n_codes + code.ravel()) * n_res + res
    packed.sort()
    rest, res_sorted = np.divmod(packed, n_res)
    need_sorted, code_sorted = np.divmod(rest, n_codes)
    return need_sorted, res_sorted, codes.view(np.float64)[code_sorted]
