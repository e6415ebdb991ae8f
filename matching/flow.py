"""The exact default solver: OR-Tools min-cost flow on integer-scaled costs.

Network (nodes)::

    S ──need cap──▶ need ──pair cap, cost -w·K──▶ resource ──cap──▶ [unit] ──limit──▶ T
    S ──────────────────────────── bypass (cost 0) ──────────────────────────────────▶ T

With minimum shares, a community node sits between S and its needs, fed by an arc of
the demand above the minimum and by a *share* node whose supply is the number of share
units ``B*`` reached by a max-flow first (lexicographic: shares first, then score).
A unit node (between a resource and T) carries a per-unit quantity limit.

Integer costs: ``cost = -round(w * K)`` with ``K`` a power of two. The solution is
optimal for the rounded costs, so its true objective is within ``sum(quantities) / K``
of the float optimum (each unit of flow moves by at most ``1 / (2K)``, in both the found
and the true optimum). ``K`` is picked so that bound is at most 1e-7 of the objective and
is kept below what OR-Tools allows for the network size (``K * (nodes + 1)`` must fit
in int64 with room to spare). The reported objective is always recomputed from the
float scores.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from matching.arrays import I64
from matching.errors import MatchingError
from matching.model import UNLIMITED, Model, Solution, model_objective

S, T, SHARE = 0, 1, 2
ROUNDING_REL = 1e-7


@dataclass(frozen=True, eq=False)
class Network:
    """A min-cost-flow network as arc arrays; pair arcs come first, in model order."""

    n_nodes: int
    tails: I64
    heads: I64
    caps: I64
    costs: I64
    supplies: I64
    scale: float
    need_node0: int
    res_node0: int

    @property
    def n_arcs(self) -> int:
        return int(self.tails.shape[0])


def _layout(model: Model) -> tuple[int, int, int, I64, I64]:
    """First need node, first resource node, node count, community and unit node ids."""
    need0 = 3
    res0 = need0 + model.n_needs
    nxt = res0 + model.n_res
    comm_node = np.full(model.n_comms, -1, dtype=np.int64)
    with_min = np.flatnonzero(model.comm_min > 0)
    comm_node[with_min] = nxt + np.arange(len(with_min))
    nxt += len(with_min)
    unit_node = np.full(model.n_units, -1, dtype=np.int64)
    limited = np.flatnonzero(model.unit_qty_cap != UNLIMITED)
    unit_node[limited] = nxt + np.arange(len(limited))
    nxt += len(limited)
    return need0, res0, nxt, comm_node, unit_node


def cost_scale(n_nodes: int) -> float:
    """The largest power of two ``K`` with ``K * (n_nodes + 1) * 64 <= 2**62``."""
    return float(2 ** min(40, math.floor(62 - 6 - math.log2(n_nodes + 1))))


def build_network(model: Model, share_units: int = 0, scale: float | None = None) -> Network:
    """The min-cost-flow network of ``model`` (vectorized arc arrays)."""
    need0, res0, n_nodes, comm_node, unit_node = _layout(model)
    k = scale if scale is not None else cost_scale(n_nodes)
    tails: list[I64] = []
    heads: list[I64] = []
    caps: list[I64] = []
    costs: list[I64] = []

    def arcs(t: I64, h: I64, c: I64, cost: I64 | None = None) -> None:
        tails.append(t.astype(np.int64))
        heads.append(h.astype(np.int64))
        caps.append(c.astype(np.int64))
        costs.append(np.zeros(len(t), np.int64) if cost is None else cost)

    arcs(need0 + model.pair_need, res0 + model.pair_res, model.pair_cap,
         -np.rint(model.weight * k).astype(np.int64))
    needs = np.arange(model.n_needs)
    feeder = comm_node[model.need_comm]
    direct = feeder < 0
    arcs(np.zeros(int(direct.sum()), np.int64), need0 + needs[direct],
         model.need_cap[direct])
    arcs(feeder[~direct], need0 + needs[~direct], model.need_cap[~direct])
    with_min = np.flatnonzero(model.comm_min > 0)
    if len(with_min):
        left = np.bincount(model.need_comm, weights=model.need_cap,
                           minlength=model.n_comms).astype(np.int64)
        nodes = comm_node[with_min]
        arcs(np.full(len(with_min), SHARE), nodes, model.comm_min[with_min])
        arcs(np.full(len(with_min), S), nodes, left[with_min] - model.comm_min[with_min])
    res = np.arange(model.n_res)
    via = unit_node[model.res_unit]
    arcs(res0 + res, np.where(via >= 0, via, T), model.res_cap)
    limited = np.flatnonzero(model.unit_qty_cap != UNLIMITED)
    arcs(unit_node[limited], np.full(len(limited), T), model.unit_qty_cap[limited])
    total = int(model.need_cap.sum())
    arcs(np.array([S]), np.array([T]), np.array([total]))
    supplies = np.zeros(n_nodes, dtype=np.int64)
    supplies[S] = total - share_units
    supplies[SHARE] = share_units
    supplies[T] = -total
    return Network(n_nodes=n_nodes, tails=np.concatenate(tails), heads=np.concatenate(heads),
                   caps=np.concatenate(caps), costs=np.concatenate(costs), supplies=supplies,
                   scale=k, need_node0=need0, res_node0=res0)


def run_network(net: Network) -> tuple[int, I64]:
    """Solve ``net`` with OR-Tools; returns (status, flow on every arc)."""
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(net.tails, net.heads, net.caps,
                                                       net.costs)
    solver.set_nodes_supplies(np.arange(net.n_nodes), net.supplies)
    status = solver.solve()
    if status != solver.OPTIMAL:
        return int(status), np.zeros(0, np.int64)
    return int(status), np.asarray(solver.flows(arcs), dtype=np.int64)


def share_units(model: Model) -> int:
    """``B*``: the most share units that can be served at once (a max-flow)."""
    if not model.has_min_share:
        return 0
    need0, res0, _, comm_node, unit_node = _layout(model)
    with_min = np.flatnonzero(model.comm_min > 0)
    in_min = comm_node[model.need_comm] >= 0
    needs = np.flatnonzero(in_min)
    res = np.arange(model.n_res)
    via = unit_node[model.res_unit]
    limited = np.flatnonzero(model.unit_qty_cap != UNLIMITED)
    tails = np.concatenate([np.full(len(with_min), S), comm_node[model.need_comm[needs]],
                            need0 + model.pair_need, res0 + res, unit_node[limited]])
    heads = np.concatenate([comm_node[with_min], need0 + needs, res0 + model.pair_res,
                            np.where(via >= 0, via, T), np.full(len(limited), T)])
    caps = np.concatenate([model.comm_min[with_min], model.need_cap[needs], model.pair_cap,
                           model.res_cap, model.unit_qty_cap[limited]])
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(tails.astype(np.int64), heads.astype(np.int64),
                                  caps.astype(np.int64))
    status = solver.solve(S, T)
    if status != solver.OPTIMAL:  # pragma: no cover - capacities are validated
        raise MatchingError(f"max-flow of the minimum shares failed with status {status}")
    return int(solver.optimal_flow())


def _pow2_at_least(value: float) -> float:
    return float(2 ** max(16, math.ceil(math.log2(max(value, 1.0)))))


def max_scale(model: Model) -> float:
    """The largest cost scale ``K`` the network of ``model`` can take (:func:`cost_scale`)."""
    return cost_scale(_layout(model)[2])


def initial_scale(model: Model) -> float:
    """The first cost scale tried: rounding within ``ROUNDING_REL`` of an estimate."""
    estimate = max(0.3 * len(np.unique(model.pair_need)), 1e-3)
    wanted = _pow2_at_least(float(model.need_cap.sum()) / (ROUNDING_REL * estimate))
    return min(max_scale(model), wanted)


def solve_flow(model: Model) -> Solution:
    """Exact solve by min-cost flow (no per-unit project limits).

    The cost scale ``K`` is chosen so that the rounding bound ``sum(quantities) / K`` is
    at most ``ROUNDING_REL`` of the objective (estimated first, then checked against the
    objective found, re-solving once with a larger ``K`` if needed); a larger ``K`` than
    necessary only slows the cost-scaling algorithm down.
    """
    b_star = share_units(model)
    total = float(model.need_cap.sum())
    k_max = cost_scale(_layout(model)[2])
    scale = initial_scale(model)
    for _ in range(6):
        net = build_network(model, b_star, scale=scale)
        status, flows = run_network(net)
        if status == min_cost_flow.SimpleMinCostFlow.BAD_COST_RANGE:  # pragma: no cover
            scale /= 2**8
            continue
        if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:  # pragma: no cover
            break
        x = flows[: model.n_pairs]
        found = model_objective(model, x)
        bound = total / scale
        if bound <= ROUNDING_REL * found or scale >= k_max or found <= 0:
            note = f"integer costs (K = 2^{int(math.log2(scale))}): objective within " \
                   f"{bound:.3g} of the exact optimum"
            return Solution(x=x, status="optimal", solver="ortools-mcf", share_units=b_star,
                            notes=[note] if bound > ROUNDING_REL * found else [])
        scale = min(k_max, _pow2_at_least(total / (ROUNDING_REL * found)))
    raise MatchingError(f"min-cost flow failed with status {status}")  # pragma: no cover
