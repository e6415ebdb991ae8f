"""Explanations: the best alternative each pair beat, and why a need was left unserved.

Reasons of a need left with no candidate at all are found by relaxing the candidate
rules one at a time, in this order: is any resource in reach (or online for an online
need)? of a compatible category? in the same unit of measure? in an overlapping time
window? If all of that holds, the pairs left were declined (``declined_only``) or their
capacity is held by pinned pairs (``capacity_taken``). A need with candidates that the
solve did not serve (in full) lost them to better pairs (``capacity_taken``, naming the
best candidate and who took it) or to a unit's load limit (``unit_limit_reached``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.spatial import cKDTree

from matching.arrays import F64, I64, ONLINE, Arrays, B
from matching.candidates import Candidates, _reach_bins
from matching.model import UNLIMITED, Model
from matching.result import Unserved
from matching.units import fits_matrix


def alternatives(model: Model, x: I64) -> I64:
    """For each need: its best unchosen candidate pair (highest score, then lowest
    resource index), or -1. Two group maxima over the free pairs, not a sort of them all.

    Examples
    --------
    >>> import numpy as np
    >>> from matching.model import Model
    >>> m = Model(n_needs=2, n_res=3, n_units=1, n_comms=1, need_cap=np.array([1, 1]),
    ...           res_cap=np.array([1, 1, 1]), pair_need=np.array([0, 0, 0, 1]),
    ...           pair_res=np.array([0, 1, 2, 2]), pair_cap=np.array([1, 1, 1, 1]),
    ...           score=np.array([0.9, 0.5, 0.5, 0.7]), weight=np.array([0.9, 0.5, 0.5, 0.7]),
    ...           res_unit=np.zeros(3, np.int64), unit_qty_cap=np.array([9]),
    ...           unit_proj_cap=np.array([9]), need_comm=np.zeros(2, np.int64),
    ...           comm_min=np.zeros(1, np.int64))
    >>> alternatives(m, np.array([1, 0, 0, 1])).tolist()
    [1, -1]
    """
    return best_by_need(model.n_needs, model.pair_need, model.pair_res, model.score,
                        np.flatnonzero(x == 0))


def best_by_need(n_needs: int, need: I64, res: I64, score: F64, rows: I64 | None = None
                 ) -> I64:
    """For each need: its best pair among ``rows`` (all pairs by default) by highest
    score, then lowest resource index, then first row; -1 for none. Two group maxima
    over the rows, not a sort of them all.

    >>> import numpy as np
    >>> best_by_need(3, np.array([0, 0, 1, 1, 0]), np.array([4, 2, 1, 0, 3]),
    ...              np.array([0.5, 0.5, 0.1, 0.1, 0.2])).tolist()
    [1, 3, -1]
    """
    best = np.full(n_needs, -1, dtype=np.int64)
    rows = np.arange(len(need), dtype=np.int64) if rows is None else rows
    if len(rows) == 0:
        return best
    row_need, row_score = need[rows], score[rows]
    top = np.full(n_needs, -np.inf)
    np.maximum.at(top, row_need, row_score)
    tied = rows[row_score == top[row_need]]
    tied_need, tied_res = need[tied], res[tied]
    low = np.full(n_needs, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(low, tied_need, tied_res)
    pick = tied[tied_res == low[tied_need]][::-1]  # the first row wins a full tie
    best[need[pick]] = pick
    return best


def _pairs_in_reach(a: Arrays, needs: I64) -> tuple[I64, I64]:
    """Pairs (need, resource) with the need in the resource's reach, any category:
    one sparse distance query per reach bin (as :func:`matching.candidates.find_candidates`
    does), never a loop over needs."""
    placed = needs[~np.isnan(a.n_xy[needs, 0])]
    geo = np.flatnonzero((a.r_mode != ONLINE) & ~np.isnan(a.r_xy[:, 0]))
    out_n: list[I64] = []
    out_r: list[I64] = []
    if len(placed) and len(geo):
        ntree = cKDTree(a.n_xy[placed])
        bins = _reach_bins(a.r_reach[geo])
        for b in np.unique(bins):
            idx = geo[bins == b]
            found = cKDTree(a.r_xy[idx]).sparse_distance_matrix(
                ntree, float(a.r_reach[idx].max()), output_type="ndarray")
            i = found["i"].astype(np.int64)
            keep = found["v"] <= a.r_reach[idx][i] + 1e-9
            out_n.append(placed[found["j"][keep].astype(np.int64)])
            out_r.append(idx[i[keep]])
    online_res = np.flatnonzero(a.r_mode == ONLINE)
    online_needs = needs[a.n_online[needs]]
    if len(online_res) and len(online_needs):
        out_n.append(np.repeat(online_needs, len(online_res)))
        out_r.append(np.tile(online_res, len(online_needs)))
    if not out_n:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_n), np.concatenate(out_r)


def _offered(pn: I64, values: I64, mask: B, needs: I64, names: list[str]
             ) -> dict[int, list[str]]:
    """For each of ``needs``: the first five names of the distinct ``values`` of its pairs
    under ``mask``, sorted (one sort of all the pairs, not a set per need)."""
    mask = mask & np.isin(pn, needs)
    keys = np.unique(pn[mask] * (len(names) + 1) + values[mask])
    owner, value = keys // (len(names) + 1), keys % (len(names) + 1)
    wanted = np.isin(owner, needs)
    owner, value = owner[wanted], value[wanted]
    if len(owner) == 0:
        return {}
    label = np.asarray(names, dtype=object)[value]
    order = np.lexsort((label.astype(str), owner))
    owner, label = owner[order], label[order]
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    ends = np.r_[starts[1:], len(owner)]
    return {int(owner[s]): label[s:min(e, s + 5)].tolist()
            for s, e in zip(starts.tolist(), ends.tolist(), strict=True)}


REASON_ORDER = ("no_candidate_in_reach", "category_not_offered_in_reach", "unit_not_offered",
                "outside_time_window", "declined_only", "capacity_taken")


# needs whose pairs in reach are searched at once: each need's reason reads only its own
# pairs, so the needs go in chunks (100,000 needs: 6,338 needs without a candidate have
# 8.8M pairs in reach, which held about 600 MiB at once)
REASON_CHUNK = 1_000


def _no_candidate_reasons(a: Arrays, needs: I64) -> dict[int, tuple[str, dict[str, Any]]]:
    if len(needs) > REASON_CHUNK:
        chunks: dict[int, tuple[str, dict[str, Any]]] = {}
        for start in range(0, len(needs), REASON_CHUNK):
            chunks.update(_no_candidate_reasons(a, needs[start:start + REASON_CHUNK]))
        return chunks
    if len(needs) == 0:
        return {}
    pn, pr = _pairs_in_reach(a, needs)
    cat_ok = (a.n_cat[pn] == a.r_cat[pr]) | a.related[a.n_cat[pn], a.r_cat[pr]]
    uom_ok = cat_ok & fits_matrix(a.units_of_measure)[a.r_uom[pr], a.n_uom[pn]]
    time_ok = uom_ok & (np.maximum(a.n_start[pn], a.r_start[pr])
                        <= np.minimum(a.n_end[pn], a.r_end[pr]))
    keys = pn * a.n_res + pr
    declined = np.isin(keys, a.declined_keys) if len(a.declined_keys) else \
        np.zeros(len(pn), np.bool_)
    size = a.n_needs
    count = {name: np.bincount(pn, weights=mask, minlength=size).astype(np.int64)[needs]
             for name, mask in (("in_reach", np.ones(len(pn), np.bool_)),
                                ("category_ok", cat_ok), ("unit_ok", uom_ok),
                                ("time_ok", time_ok), ("declined", time_ok & declined))}
    code = np.select(
        [count["in_reach"] == 0, count["category_ok"] == 0, count["unit_ok"] == 0,
         count["time_ok"] == 0, count["declined"] == count["time_ok"]],
        [0, 1, 2, 3, 4], default=5)
    cats = _offered(pn, a.r_cat[pr], np.ones(len(pn), np.bool_), needs[code == 1],
                    a.categories)
    uoms = _offered(pn, a.r_uom[pr], cat_ok, needs[code == 2], a.units_of_measure)
    columns = {name: c.tolist() for name, c in count.items()}
    out: dict[int, tuple[str, dict[str, Any]]] = {}
    for k, (i, c) in enumerate(zip(needs.tolist(), code.tolist(), strict=True)):
        details: dict[str, Any] = {name: col[k] for name, col in columns.items()}
        if c == 1:
            details["offered_categories"] = cats.get(i, [])
        elif c == 2:
            details["offered_units"] = uoms.get(i, [])
        elif c == 5:
            details["note"] = "the capacity that could serve it is held by pinned pairs"
        out[i] = (REASON_ORDER[c], details)
    return out


Reasons = dict[int, tuple[str, dict[str, Any]]]
"""The reason (and its details) of each need without a candidate, by need index."""


def unserved(a: Arrays, model: Model, cands: Candidates, x: I64,
             rejected: B | None = None, known: Reasons | None = None,
             found: Reasons | None = None) -> tuple[list[Unserved], list[Unserved]]:
    """Needs left unserved and needs served in part, with reasons (sorted by need id).

    ``rejected``: needs whose every candidate was rejected (low confidence, refused by
    the facts); their reason is given by the caller (``no_acceptable_fit``), so the
    relaxed candidate rules are not searched for them. ``known``: reasons of needs
    without a candidate already found (by a previous run, for needs and resources in
    reach that did not change: :func:`matching.reuse.kept_reasons`), not searched again;
    ``found`` receives every such reason of this run."""
    served_left = np.bincount(model.pair_need, weights=x, minlength=a.n_needs).astype(
        np.int64)
    pinned = a.n_qty - a.n_left
    served = served_left + pinned
    short = np.flatnonzero(served < a.n_qty)
    has_cand = np.zeros(a.n_needs, np.bool_)
    has_cand[cands.need] = True
    search = short[~has_cand[short]]
    wanted = search if rejected is None else search[~rejected[search]]
    if known:
        have = np.fromiter((i in known for i in wanted.tolist()), np.bool_, len(wanted))
        reasons = {i: (known[i][0], dict(known[i][1])) for i in wanted[have].tolist()}
        reasons.update(_no_candidate_reasons(a, wanted[~have]))
    else:
        reasons = _no_candidate_reasons(a, wanted)
    if found is not None:
        found.update(reasons)
    if rejected is not None:
        reasons.update({i: ("no_acceptable_fit", {}) for i in search[rejected[search]].tolist()})
    used = np.bincount(model.pair_res, weights=x, minlength=a.n_res).astype(np.int64)
    res_full = used >= model.res_cap
    unit_used_qty = np.bincount(model.res_unit, weights=used, minlength=model.n_units)
    unit_used_proj = np.bincount(model.res_unit[model.pair_res[x > 0]],
                                 minlength=model.n_units)
    unit_blocked = ((model.unit_qty_cap != UNLIMITED)
                    & (unit_used_qty >= model.unit_qty_cap)) | \
        ((model.unit_proj_cap != UNLIMITED) & (unit_used_proj >= model.unit_proj_cap))
    # each need's best candidate (by score, then resource), whatever was chosen
    best_of = best_by_need(a.n_needs, model.pair_need, model.pair_res, model.score)
    # needs with a candidate at a resource with room left but a unit at its limit
    spare_blocked = ~res_full[model.pair_res] & unit_blocked[model.res_unit[model.pair_res]]
    blocked_need = np.bincount(model.pair_need, weights=spare_blocked,
                               minlength=a.n_needs) > 0
    # the three best chosen pairs of each resource: who took its capacity
    taken = np.flatnonzero(x > 0)
    taken = taken[np.lexsort((-model.score[taken], model.pair_res[taken]))]
    taken_res = model.pair_res[taken]
    lo_taken = np.searchsorted(taken_res, np.arange(a.n_res), side="left")
    hi_taken = np.searchsorted(taken_res, np.arange(a.n_res), side="right")
    takers_need = model.pair_need[taken].tolist()
    takers_score = np.round(model.score[taken], 6).tolist()
    at = np.maximum(best_of, 0)
    best_res = (model.pair_res[at] if model.n_pairs else best_of).tolist()
    best_score = (np.round(model.score[at], 6) if model.n_pairs else
                  np.zeros(a.n_needs)).tolist()
    served_l, qty_l = served.tolist(), a.n_qty.tolist()
    none: list[Unserved] = []
    part: list[Unserved] = []
    for i in short.tolist():
        details: dict[str, Any]
        if i in reasons:
            reason, details = reasons[i]
        else:
            j = best_res[i]
            details = {"best_resource_id": a.res_ids[j], "best_score": best_score[i]}
            if blocked_need[i]:
                reason = "unit_limit_reached"
                lo, hi = np.searchsorted(model.pair_need, [i, i + 1])
                mine = np.arange(lo, hi)
                blocked = model.pair_res[mine][~res_full[model.pair_res[mine]]]
                details["unit_ids"] = sorted({a.units[u] for u in
                                              model.res_unit[blocked].tolist()})[:5]
            else:
                reason = "capacity_taken"
                t0 = int(lo_taken[j])
                t1 = min(int(hi_taken[j]), t0 + 3)
                details["taken_by"] = [[a.need_ids[takers_need[t]], takers_score[t]]
                                       for t in range(t0, t1)]
        item = Unserved(need_id=a.need_ids[i], reason=reason, quantity=qty_l[i],
                        served=served_l[i], details=details)
        (part if served_l[i] > 0 else none).append(item)
    none.sort(key=lambda u: u.need_id)
    part.sort(key=lambda u: u.need_id)
    return none, part

