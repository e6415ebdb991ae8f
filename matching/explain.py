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

from matching.arrays import I64, ONLINE, Arrays
from matching.candidates import Candidates, _reach_bins
from matching.model import UNLIMITED, Model
from matching.result import Unserved


def alternatives(model: Model, x: I64) -> tuple[I64, I64]:
    """For each need: best unchosen candidate pair index, or -1 (and its need order)."""
    free = x == 0
    order = np.lexsort((model.pair_res, -model.score, model.pair_need))
    order = order[free[order]]
    best = np.full(model.n_needs, -1, dtype=np.int64)
    needs = model.pair_need[order]
    first = np.r_[True, needs[1:] != needs[:-1]] if len(order) else np.zeros(0, np.bool_)
    best[needs[first]] = order[first]
    return best, needs


def _pairs_in_reach(a: Arrays, needs: I64) -> tuple[I64, I64]:
    """Pairs (need, resource) with the need in the resource's reach, any category.

    Runs only for needs without any candidate, which are few on real lists.
    """
    placed = needs[~np.isnan(a.n_xy[needs, 0])]
    geo = np.flatnonzero((a.r_mode != ONLINE) & ~np.isnan(a.r_xy[:, 0]))
    out_n: list[I64] = []
    out_r: list[I64] = []
    if len(placed) and len(geo):
        bins = _reach_bins(a.r_reach[geo])
        for b in np.unique(bins):
            idx = geo[bins == b]
            tree = cKDTree(a.r_xy[idx])
            lists = tree.query_ball_point(a.n_xy[placed], r=float(a.r_reach[idx].max()))
            for need, found in zip(placed.tolist(), lists, strict=True):
                if found:
                    res = idx[np.asarray(found, dtype=np.int64)]
                    d = np.hypot(*(a.r_xy[res] - a.n_xy[need]).T)
                    res = res[d <= a.r_reach[res] + 1e-9]
                    out_n.append(np.full(len(res), need, dtype=np.int64))
                    out_r.append(res)
    online_res = np.flatnonzero(a.r_mode == ONLINE)
    online_needs = needs[a.n_online[needs]]
    if len(online_res) and len(online_needs):
        out_n.append(np.repeat(online_needs, len(online_res)))
        out_r.append(np.tile(online_res, len(online_needs)))
    if not out_n:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_n), np.concatenate(out_r)


def _no_candidate_reasons(a: Arrays, needs: I64) -> dict[int, tuple[str, dict[str, Any]]]:
    out: dict[int, tuple[str, dict[str, Any]]] = {}
    if len(needs) == 0:
        return out
    pn, pr = _pairs_in_reach(a, needs)
    cat_ok = (a.n_cat[pn] == a.r_cat[pr]) | a.related[a.n_cat[pn], a.r_cat[pr]]
    uom_ok = cat_ok & (a.n_uom[pn] == a.r_uom[pr])
    time_ok = uom_ok & (np.maximum(a.n_start[pn], a.r_start[pr])
                        <= np.minimum(a.n_end[pn], a.r_end[pr]))
    keys = pn * a.n_res + pr
    declined = np.isin(keys, a.declined_keys) if len(a.declined_keys) else \
        np.zeros(len(pn), np.bool_)
    size = a.n_needs
    count = {name: np.bincount(pn, weights=mask, minlength=size).astype(np.int64)
             for name, mask in (("in_reach", np.ones(len(pn), np.bool_)),
                                ("category_ok", cat_ok), ("unit_ok", uom_ok),
                                ("time_ok", time_ok), ("declined", time_ok & declined))}
    by_need = np.argsort(pn, kind="stable")  # each need's pairs as one slice
    lo = np.searchsorted(pn, needs, side="left", sorter=by_need)
    hi = np.searchsorted(pn, needs, side="right", sorter=by_need)
    for i, start, end in zip(needs.tolist(), lo.tolist(), hi.tolist(), strict=True):
        details: dict[str, Any] = {name: int(c[i]) for name, c in count.items()}
        mine = by_need[start:end]
        if details["in_reach"] == 0:
            reason = "no_candidate_in_reach"
        elif details["category_ok"] == 0:
            reason = "category_not_offered_in_reach"
            offered = sorted({a.categories[c] for c in a.r_cat[pr[mine]].tolist()})
            details["offered_categories"] = offered[:5]
        elif details["unit_ok"] == 0:
            reason = "unit_not_offered"
            sel = pr[mine[cat_ok[mine]]]
            details["offered_units"] = sorted(
                {a.units_of_measure[u] for u in a.r_uom[sel].tolist()})[:5]
        elif details["time_ok"] == 0:
            reason = "outside_time_window"
        elif details["declined"] == details["time_ok"]:
            reason = "declined_only"
        else:
            reason = "capacity_taken"
            details["note"] = "the capacity that could serve it is held by pinned pairs"
        out[i] = (reason, details)
    return out


def unserved(a: Arrays, model: Model, cands: Candidates, x: I64
             ) -> tuple[list[Unserved], list[Unserved]]:
    """Needs left unserved and needs served in part, with reasons (sorted by need id)."""
    served_left = np.bincount(model.pair_need, weights=x, minlength=a.n_needs).astype(
        np.int64)
    pinned = a.n_qty - a.n_left
    served = served_left + pinned
    short = np.flatnonzero(served < a.n_qty)
    has_cand = np.zeros(a.n_needs, np.bool_)
    has_cand[cands.need] = True
    reasons = _no_candidate_reasons(a, short[~has_cand[short]])
    used = np.bincount(model.pair_res, weights=x, minlength=a.n_res).astype(np.int64)
    res_full = used >= model.res_cap
    unit_used_qty = np.bincount(model.res_unit, weights=used, minlength=model.n_units)
    unit_used_proj = np.bincount(model.res_unit[model.pair_res[x > 0]],
                                 minlength=model.n_units)
    unit_blocked = ((model.unit_qty_cap != UNLIMITED)
                    & (unit_used_qty >= model.unit_qty_cap)) | \
        ((model.unit_proj_cap != UNLIMITED) & (unit_used_proj >= model.unit_proj_cap))
    starts = np.searchsorted(model.pair_need, short, side="left")
    ends = np.searchsorted(model.pair_need, short, side="right")
    takers_order = np.lexsort((-model.score, model.pair_res))
    takers_res = model.pair_res[takers_order]
    none: list[Unserved] = []
    part: list[Unserved] = []
    for i, s, e in zip(short.tolist(), starts.tolist(), ends.tolist(), strict=True):
        details: dict[str, Any]
        if i in reasons:
            reason, details = reasons[i]
        else:
            pairs = np.arange(s, e)
            best = pairs[np.lexsort((model.pair_res[pairs], -model.score[pairs]))][0]
            j = int(model.pair_res[best])
            details = {"best_resource_id": a.res_ids[j],
                       "best_score": round(float(model.score[best]), 6)}
            spare = ~res_full[model.pair_res[pairs]]
            if bool(np.any(spare & unit_blocked[model.res_unit[model.pair_res[pairs]]])):
                reason = "unit_limit_reached"
                blocked = model.pair_res[pairs][spare]
                details["unit_ids"] = sorted({a.units[u] for u in
                                              model.res_unit[blocked].tolist()})[:5]
            else:
                reason = "capacity_taken"
                lo = np.searchsorted(takers_res, j, side="left")
                hi = np.searchsorted(takers_res, j, side="right")
                takers = [int(p) for p in takers_order[lo:hi] if x[p] > 0][:3]
                details["taken_by"] = [
                    [a.need_ids[int(model.pair_need[p])], round(float(model.score[p]), 6)]
                    for p in takers]
        item = Unserved(need_id=a.need_ids[i], reason=reason, quantity=int(a.n_qty[i]),
                        served=int(served[i]), details=details)
        (part if served[i] > 0 else none).append(item)
    none.sort(key=lambda u: u.need_id)
    part.sort(key=lambda u: u.need_id)
    return none, part

