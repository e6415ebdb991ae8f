"""Scarcity: what one more unit of capacity would add to the objective, by category and street.

For an optimal flow ``x`` the gain of one more unit of capacity on resource ``j`` is
exactly ``-d(j)``, where ``d`` is the shortest-path distance from the sink T to ``j``
in the residual network of ``x`` (the best cycle T -> ... -> j -> T through the new unit
of capacity). These distances are node potentials of the flow, i.e. dual values of the
resource capacity rows (the right-hand derivative, exact for one unit), on the
integer-scaled costs. After a certified solve (:mod:`matching.certified`) they are read
off its potentials, with no further solve, at every size; on the paths without a
certificate (minimum shares, per-unit project limits) they come from a shortest-path
tree computed by a second min-cost flow (the residual network of an optimal flow has no
negative cycle).

A (category, street) group's marginal value is the largest gain over its resources;
the group also reports the quantity of needs of that category in that street left
unserved. Extra capacity is assumed to come without a unit limit. The figure is exact for
the flow model (shares held at the reached ``B*``); with per-unit project limits it is
computed on the flow relaxation at the MILP solution and flagged as approximate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy import sparse
from scipy.sparse.csgraph import breadth_first_order

from matching.arrays import F64, I64, Arrays
from matching.certified import arc_flows, residual
from matching.errors import MatchingError
from matching.flow import Network, T
from matching.model import Certificate, Model


@dataclass(frozen=True)
class ScarcityRow:
    """One (category, street) group."""

    category: str
    street_id: str
    marginal_value: float
    best_resource_id: str | None
    unmet_quantity: int
    unmet_needs: int


def residual_distances(net: Network, flows: I64) -> F64:
    """Shortest distances from T in the residual network (inf = unreachable).

    Computed as a shortest-path tree by min-cost flow (OR-Tools): T sends one unit to
    every node it can reach over residual arcs of unbounded capacity; arcs carrying flow
    in the optimum are tight, so distances follow them from T outwards. Exact on the
    integer costs, and as fast as the solve itself where a label-correcting loop in
    numpy can need thousands of passes.
    """
    tails, heads, costs = residual(net, flows)
    n = net.n_nodes
    graph = sparse.csr_matrix((np.ones(len(tails), np.int8), (tails, heads)), shape=(n, n))
    reach = breadth_first_order(graph, T, directed=True, return_predecessors=False)
    reachable = np.zeros(n, np.bool_)
    reachable[reach] = True
    keep = reachable[tails] & reachable[heads]
    tails, heads, costs = tails[keep], heads[keep], costs[keep]
    supplies = np.where(reachable, -1, 0).astype(np.int64)
    supplies[T] = int(reachable.sum()) - 1
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(
        tails, heads, np.full(len(tails), n, dtype=np.int64), costs)
    solver.set_nodes_supplies(np.arange(n), supplies)
    status = solver.solve()
    if status != solver.OPTIMAL:  # pragma: no cover - the flow was not optimal
        raise MatchingError(f"scarcity: shortest-path tree failed with status {status}")
    used = np.asarray(solver.flows(arcs)) > 0
    tree = sparse.csr_matrix((np.ones(int(used.sum()), np.int8),
                              (tails[used], heads[used])), shape=(n, n))
    order, pred = breadth_first_order(tree, T, directed=True, return_predecessors=True)
    nodes = order[1:]
    parents = pred[nodes].astype(np.int64)
    keys = tails[used] * n + heads[used]
    arc_order = np.argsort(keys)
    where = arc_order[np.searchsorted(keys, parents * n + nodes, sorter=arc_order)]
    step = costs[used][where].tolist()
    dist = np.full(n, np.inf)
    dist[T] = 0.0
    for v, u, c in zip(nodes.tolist(), parents.tolist(), step, strict=True):
        dist[v] = dist[u] + c
    return dist


def flow_gains(model: Model, net: Network, x: I64) -> F64:
    """Gain of one more unit of each resource's capacity, from a shortest-path tree of
    the residual network of ``x`` (the paths without a certificate)."""
    dist = residual_distances(net, arc_flows(model, net, x))
    res_dist = dist[net.res_node0: net.res_node0 + model.n_res]
    gains: F64 = np.where(np.isfinite(res_dist), np.maximum(-res_dist, 0.0), 0.0) / net.scale
    return gains


def certified_gains(model: Model, cert: Certificate) -> F64:
    """The same gains read off the potentials of a certified solve (no extra solve): at
    the certificate they are the residual distances from T of the full network."""
    pi = cert.potentials[cert.res_node0: cert.res_node0 + model.n_res].astype(np.float64)
    scale = cert.res_scale if len(cert.res_scale) else cert.scale
    gains: F64 = np.maximum(-pi, 0.0) / scale
    return gains


def groups(a: Arrays, model: Model, x: I64) -> tuple[Any, Any, Any, Any]:
    """Each resource's (category, street) group, each group's unmet quantity and count
    of needs left short, and the groups of the table (of a resource or with unmet
    needs), sorted."""
    n_streets = len(a.streets)
    group = a.r_cat * n_streets + a.r_street
    served = np.bincount(model.pair_need, weights=x, minlength=model.n_needs)
    unmet = (model.need_cap - served).astype(np.int64)
    n_group = a.n_cat * n_streets + a.n_street
    unmet_qty = np.bincount(n_group, weights=unmet, minlength=len(a.categories) * n_streets)
    unmet_cnt = np.bincount(n_group, weights=(unmet > 0), minlength=len(unmet_qty))
    keys = np.union1d(np.unique(group), np.flatnonzero(unmet_qty > 0))
    return group, unmet_qty, unmet_cnt, keys


@dataclass(frozen=True, eq=False)
class KeptRows:
    """A run's scarcity table as arrays, in row order (group key ``category * n_streets
    + street``, the marginal value's bits, the best resource's id, unmet quantity and
    count), with its row objects and the names the keys stand for: a later table reports
    an equal row with the same object (:func:`scarcity_rows`)."""

    categories: list[str]
    streets: list[str]
    keys: I64  # sorted
    order: I64  # the row of each sorted key
    bits: I64
    best: Any  # object array of resource ids or None
    qty: I64
    cnt: I64
    objects: list[ScarcityRow]


def scarcity_rows(a: Arrays, model: Model, x: I64, gain: F64,
                  kept: KeptRows | None = None,
                  keep: Callable[[KeptRows], None] | None = None) -> list[ScarcityRow]:
    """Scarcity by (category, street), sorted by marginal value then names: one sort
    finds each group's best resource, one lexsort orders the rows (no loop over the
    groups). ``kept``: an earlier table (:class:`KeptRows`) whose rows equal in every
    field (the value to its bits) are reported as the same objects, made afresh for the
    others (a re-run after a small change makes ~40,000 rows at 100,000 needs, nearly
    all equal); ``keep`` receives this table's."""
    n_streets = len(a.streets)
    group, unmet_qty, unmet_cnt, keys = groups(a, model, x)
    # each group's best resource: the first of the group by highest gain, then index
    order = np.lexsort((np.arange(model.n_res), -gain, group))
    g = group[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]]) if len(g) else \
        np.zeros(0, np.int64)
    best_of = np.full(len(unmet_qty), -1, np.int64)
    best_of[g[starts]] = order[starts]
    best = best_of[keys]
    has = best >= 0
    raw = np.where(has, gain[np.maximum(best, 0)], 0.0)
    value = [round(v, 12) for v in raw.tolist()]
    cat, street = np.divmod(keys, n_streets)
    qty, cnt = unmet_qty[keys].astype(np.int64), unmet_cnt[keys].astype(np.int64)
    # sorted by marginal value then unmet quantity (both descending), category, street
    cat_rank = np.argsort(np.argsort(np.asarray(a.categories, dtype=str), kind="stable"))
    street_rank = np.argsort(np.argsort(np.asarray(a.streets, dtype=str), kind="stable"))
    at = np.lexsort((street_rank[street], cat_rank[cat], -qty, -np.asarray(value)))
    res_ids = np.asarray([*a.res_ids, None], dtype=object)
    named = np.where(has & (raw > 0), best, len(a.res_ids))
    categories = np.asarray(a.categories, dtype=object)
    streets = np.asarray(a.streets, dtype=object)
    row_key, row_qty, row_cnt = keys[at].astype(np.int64), qty[at], cnt[at]
    row_value = np.asarray(value, np.float64)[at]
    row_bits = row_value.view(np.int64)
    row_best = res_ids[named[at]]
    same = _kept_rows(kept, a, row_key, row_bits, row_best, row_qty, row_cnt)
    fresh = np.arange(len(at)) if same is None else np.flatnonzero(same < 0)
    made = [ScarcityRow(category=c, street_id=s, marginal_value=v, best_resource_id=b,
                        unmet_quantity=q, unmet_needs=n)
            for c, s, v, b, q, n in zip(
                categories[cat[at[fresh]]].tolist(), streets[street[at[fresh]]].tolist(),
                row_value[fresh].tolist(), row_best[fresh].tolist(),
                row_qty[fresh].tolist(), row_cnt[fresh].tolist(), strict=True)]
    if same is None or kept is None:
        out = made
    else:
        out = np.asarray([*kept.objects, None], dtype=object)[same].tolist()
        for k, row in zip(fresh.tolist(), made, strict=True):
            out[k] = row
    if keep is not None:
        order = np.argsort(row_key, kind="stable")
        keep(KeptRows(list(a.categories), list(a.streets), row_key[order], order, row_bits,
                      row_best, row_qty, row_cnt, out))
    return out


def _kept_rows(kept: KeptRows | None, a: Arrays, key: I64, bits: I64, best: Any, qty: I64,
               cnt: I64) -> I64 | None:
    """For each row, the row of ``kept`` equal in every field, or -1 (its length: none);
    None when nothing is kept or its keys name other categories or streets."""
    if kept is None or not len(kept.keys) or kept.categories != list(a.categories) or \
            kept.streets != list(a.streets):
        return None
    at = np.minimum(np.searchsorted(kept.keys, key), len(kept.keys) - 1)
    j = kept.order[at]
    same = (kept.keys[at] == key) & (kept.bits[j] == bits) & (kept.qty[j] == qty) & \
        (kept.cnt[j] == cnt)
    same[same] = kept.best[j[same]] == best[same]
    out: I64 = np.where(same, j, -1)
    return out
