"""The independent exact solver: HiGHS through scipy, one LP (or MILP) per component.

The candidate graph (needs, resources, and the units and communities that couple them
through limits and shares) is split into connected components with
``scipy.sparse.csgraph.connected_components``; small components are batched into one
block-diagonal model so that tiny components do not each pay a solver call.

Without per-unit project limits the model is a network LP (totally unimodular), so the
dual simplex returns an integral vertex; it is rounded and checked, and a batch whose
vertex is not integral is re-solved as a MILP. With project limits each limited unit's
pairs get a binary ``z_p`` (``x_p <= cap_p z_p``, ``sum z_p <= limit``), solved by
``scipy.optimize.milp`` with the run's time limit; the gap is reported when it is hit.
Minimum shares are lexicographic exactly as in the flow solver: phase 1 maximizes the
share units ``sum_k y_k`` (``y_k <= min_k``, ``y_k <= served_k``), phase 2 maximizes the
score with ``sum_k y_k >= B*``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse.csgraph import connected_components

from matching.arrays import F64, I64
from matching.model import UNLIMITED, Model, Solution

BATCH_PAIRS = 5_000
INT_TOL = 1e-6
# HiGHS's least dual feasibility tolerance (its default is 1e-7). A unit of a need counts
# score / quantity, so a fund of 54,000 元 at two resources scoring 0.825 and 0.8224 is a
# difference of 5e-8 per unit: under the default tolerance the simplex stops at the
# worse one and calls it optimal (objective 7.5e-6 below the flow's at 2,000 needs).
DUAL_TOL = 1e-10


def components(model: Model) -> tuple[int, I64]:
    """Component label of each pair of the candidate graph."""
    n, m = model.n_needs, model.n_res
    unit_off = n + m
    comm_off = unit_off + model.n_units
    rows = [model.pair_need]
    cols = [n + model.pair_res]
    limited = (model.unit_qty_cap != UNLIMITED) | (model.unit_proj_cap != UNLIMITED)
    res_limited = np.flatnonzero(limited[model.res_unit])
    rows.append(n + res_limited)
    cols.append(unit_off + model.res_unit[res_limited])
    need_min = np.flatnonzero(model.comm_min[model.need_comm] > 0)
    rows.append(need_min)
    cols.append(comm_off + model.need_comm[need_min])
    size = comm_off + model.n_comms
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    graph = sparse.coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(size, size))
    count, labels = connected_components(graph, directed=False)
    return int(count), labels[model.pair_need].astype(np.int64)


@dataclass
class _Batch:
    pairs: I64


def _batches(model: Model) -> list[_Batch]:
    if model.n_pairs == 0:
        return []
    _, labels = components(model)
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    ends = np.r_[starts[1:], len(order)]
    out: list[_Batch] = []
    current: list[I64] = []
    size = 0
    for s, e in zip(starts, ends, strict=True):
        current.append(order[s:e])
        size += int(e - s)
        if size >= BATCH_PAIRS:
            out.append(_Batch(np.sort(np.concatenate(current))))
            current, size = [], 0
    if current:
        out.append(_Batch(np.sort(np.concatenate(current))))
    return out


def _index(values: I64) -> tuple[I64, I64]:
    uniq, inverse = np.unique(values, return_inverse=True)
    return uniq, inverse.ravel().astype(np.int64)


def _rows(group: I64, n_rows: int, n_cols: int, cols: I64 | None = None,
          vals: F64 | None = None) -> sparse.csr_matrix:
    k = len(group)
    cols = np.arange(k) if cols is None else cols
    vals = np.ones(k) if vals is None else vals
    return sparse.csr_matrix((vals, (group, cols)), shape=(n_rows, n_cols))


def _solve_batch(model: Model, pairs: I64, deadline: float,
                 ) -> tuple[F64, str, float, float, int, list[str]]:
    """x on ``pairs``, status, objective, bound, share units, notes."""
    k = len(pairs)
    needs, need_of = _index(model.pair_need[pairs])
    res, res_of = _index(model.pair_res[pairs])
    units_all = model.res_unit[model.pair_res[pairs]]
    qty_units = np.flatnonzero(model.unit_qty_cap[units_all] != UNLIMITED)
    proj_units = np.flatnonzero(model.unit_proj_cap[units_all] != UNLIMITED)
    comm_all = model.need_comm[model.pair_need[pairs]]
    min_pairs = np.flatnonzero(model.comm_min[comm_all] > 0)
    comms, comm_of = _index(comm_all[min_pairs])
    n_y = len(comms)
    z_pairs = proj_units
    n_z = len(z_pairs)
    n_vars = k + n_y + n_z
    blocks: list[sparse.csr_matrix] = []
    upper: list[F64] = []

    def pad(mat: sparse.csr_matrix) -> sparse.csr_matrix:
        return sparse.hstack([mat, sparse.csr_matrix((mat.shape[0], n_vars - mat.shape[1]))],
                             format="csr")

    blocks.append(pad(_rows(need_of, len(needs), k)))
    upper.append(model.need_cap[needs].astype(np.float64))
    blocks.append(pad(_rows(res_of, len(res), k)))
    upper.append(model.res_cap[res].astype(np.float64))
    if len(qty_units):
        uq, uq_of = _index(units_all[qty_units])
        blocks.append(pad(_rows(uq_of, len(uq), k, cols=qty_units)))
        upper.append(model.unit_qty_cap[uq].astype(np.float64))
    if n_y:
        # y_k - sum of x over community k <= 0
        served = _rows(comm_of, n_y, k, cols=min_pairs, vals=-np.ones(len(min_pairs)))
        blocks.append(sparse.hstack([served, sparse.identity(n_y, format="csr"),
                                     sparse.csr_matrix((n_y, n_z))], format="csr"))
        upper.append(np.zeros(n_y))
    if n_z:
        cap = model.pair_cap[pairs[z_pairs]].astype(np.float64)
        link = sparse.hstack([
            _rows(np.arange(n_z), n_z, k, cols=z_pairs),
            sparse.csr_matrix((n_z, n_y)), sparse.diags(-cap, format="csr")], format="csr")
        blocks.append(link)
        upper.append(np.zeros(n_z))
        up, up_of = _index(units_all[z_pairs])
        blocks.append(sparse.hstack([sparse.csr_matrix((len(up), k + n_y)),
                                     _rows(up_of, len(up), n_z)], format="csr"))
        upper.append(model.unit_proj_cap[up].astype(np.float64))
    a_ub = sparse.vstack(blocks, format="csr")
    b_ub = np.concatenate(upper)
    lo = np.zeros(n_vars)
    hi = np.concatenate([model.pair_cap[pairs].astype(np.float64),
                         model.comm_min[comms].astype(np.float64), np.ones(n_z)])
    integer = n_z > 0
    notes: list[str] = []
    b_star = 0
    if n_y:
        c1 = np.zeros(n_vars)
        c1[k:k + n_y] = -1.0
        _, status1, value1, _ = _run(c1, a_ub, b_ub, lo, hi, integer, k, deadline)
        if status1 != "optimal":
            notes.append("minimum-share phase stopped at the time limit")
        b_star = round(-value1)
        a_ub = sparse.vstack([a_ub, sparse.hstack([sparse.csr_matrix((1, k)),
                                                   -np.ones((1, n_y)),
                                                   sparse.csr_matrix((1, n_z))])],
                             format="csr")
        b_ub = np.append(b_ub, -b_star + INT_TOL)
    c = np.zeros(n_vars)
    c[:k] = -model.weight[pairs]
    x, status, value, bound = _run(c, a_ub, b_ub, lo, hi, integer, k, deadline)
    return x[:k], status, -value, -bound, b_star, notes


def _run(c: F64, a_ub: sparse.csr_matrix, b_ub: F64, lo: F64, hi: F64, integer: bool,
         k: int, deadline: float) -> tuple[F64, str, float, float]:
    """Solve min c.x; returns x, status, value, bound (value of the best bound)."""
    left = max(deadline - time.perf_counter(), 0.01)
    if not integer:
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=np.column_stack([lo, hi]),
                      method="highs-ds",
                      options={"time_limit": left, "dual_feasibility_tolerance": DUAL_TOL})
        if res.status == 0:
            x = np.asarray(res.x)
            if np.all(np.abs(x[:k] - np.rint(x[:k])) <= INT_TOL):
                x = np.rint(x)
                return x, "optimal", float(c @ x), float(res.fun)
        elif res.status == 1:
            return np.zeros(len(c)), "time_limit", 0.0, -np.inf
        integer = True  # a fractional vertex: fall back to the MILP
    integrality = np.ones(len(c))
    integrality[k:] = 1
    res = milp(c, integrality=integrality, bounds=Bounds(lo, hi),
               constraints=LinearConstraint(a_ub, -np.inf, b_ub),
               options={"time_limit": left, "mip_rel_gap": 0.0})
    if res.x is None:
        return np.zeros(len(c)), "time_limit", 0.0, -np.inf
    x = np.rint(np.asarray(res.x))
    bound = float(getattr(res, "mip_dual_bound", c @ x))
    status = "optimal" if res.status == 0 else "time_limit"
    return x, status, float(c @ x), bound if status == "time_limit" else float(c @ x)


def solve_lp(model: Model, time_limit_s: float) -> Solution:
    """Exact solve with HiGHS (LP, or MILP with project limits), component by component."""
    deadline = time.perf_counter() + time_limit_s
    x = np.zeros(model.n_pairs, dtype=np.int64)
    status = "optimal"
    bound = 0.0
    b_star = 0
    notes: list[str] = []
    for batch in _batches(model):
        xb, st, _, bb, bs, nb = _solve_batch(model, batch.pairs, deadline)
        x[batch.pairs] = np.rint(xb).astype(np.int64)
        bound += bb
        b_star += bs
        notes.extend(nb)
        if st != "optimal":
            status = "time_limit"
    solver = "highs-milp" if model.has_project_limits else "highs-lp"
    return Solution(x=x, status=status, solver=solver, share_units=b_star,
                    bound=bound if status == "time_limit" else None, notes=sorted(set(notes)))
