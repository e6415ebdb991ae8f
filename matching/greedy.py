"""The baseline: highest score first, as a person claiming pairs one by one would.

Pairs are taken in decreasing score (ties: need, then resource order), each with as
much quantity as the need, the resource and its unit still allow. Minimum shares are
not pursued; project limits are respected. Used to measure what the exact solve gains.
"""

from __future__ import annotations

import numpy as np

from matching.model import UNLIMITED, Model, Solution


def solve_greedy(model: Model) -> Solution:
    """Greedy solution of ``model`` (not optimal in general)."""
    order = np.lexsort((model.pair_res, model.pair_need, -model.score))
    need_left = model.need_cap.copy().tolist()
    res_left = model.res_cap.copy().tolist()
    unit_qty = model.unit_qty_cap.tolist()
    unit_proj = model.unit_proj_cap.tolist()
    pn = model.pair_need.tolist()
    pr = model.pair_res.tolist()
    pu = model.res_unit[model.pair_res].tolist()
    x = [0] * model.n_pairs
    for p in order.tolist():
        i, j, u = pn[p], pr[p], pu[p]
        q = min(need_left[i], res_left[j])
        if q <= 0:
            continue
        if unit_qty[u] != UNLIMITED:
            q = min(q, unit_qty[u])
            if q <= 0:
                continue
        if unit_proj[u] != UNLIMITED:
            if unit_proj[u] <= 0:
                continue
            unit_proj[u] -= 1
        if unit_qty[u] != UNLIMITED:
            unit_qty[u] -= q
        need_left[i] -= q
        res_left[j] -= q
        x[p] = q
    return Solution(x=np.array(x, dtype=np.int64), status="heuristic", solver="greedy")
