"""Certified sparse exact solve: optimal on a small core, proved optimal on every pair.

Most candidate pairs can never carry flow in an optimum: a need is served by one of its
best few resources, a resource serves some of its best few needs. So:

1. The *core* is each need's ``CORE_K`` best pairs and each resource's ``CORE_K`` best
   pairs (by weight).
2. The core network (the min-cost-flow network of :mod:`matching.flow` with only the
   core's pair arcs) is split into connected components; each is solved on its own by
   OR-Tools (small ones batched), which is far cheaper than one solve of the whole
   network (the cost-scaling solver is superlinear in the network's size).
3. Node potentials ``d`` are the shortest distances from the sink T in the residual
   network of the core's optimal flow (a label-correcting pass vectorized with numpy;
   the residual network of an optimal flow has no negative cycle). Every residual arc
   then has a reduced cost ``c + d(tail) - d(head) >= 0``.
4. Every pair outside the core (flow 0, so its arc is residual) is priced:
   ``c_p + d(need) - d(resource)``. Pairs with a negative reduced cost (a positive
   reduced profit) join the core and the components they touch are solved again.
   When none is left, ``d`` is a feasible potential of the residual network of the
   *full* candidate network, which proves the flow optimal on it (reduced cost
   optimality), for the same integer costs as :func:`matching.flow.solve_flow`.

The potentials are also the scarcity figures: for a resource ``j`` reachable from T,
``-d(j)`` is what one more unit of its capacity adds (see :mod:`matching.scarcity`);
at the certificate they are the distances of the full network (a feasible potential with
``d(T) = 0`` bounds every path from below, and the core's paths are paths of the full
network).

The default (``CORE_K`` 0) takes the whole network as the core: its components, grouped
into buckets by fingerprint (:mod:`matching.incremental`), are solved bucket by bucket,
all on one integer cost scale ``K`` chosen from a lower bound on the optimum so that one
solve meets the rounding bound (:func:`network_scale`), on worker processes when there are
many pairs (:mod:`matching.workers`: OR-Tools holds the GIL; 100,000 needs, 2 cores: the
buckets' 13.2 s of OR-Tools time in 9.4 s of solve stage instead of 13.3 s, the same
flows), and one pass of potentials over the full network certifies the whole flow.
Measured at 100,000 needs (2.3M pairs), sparse cores lose to this: with k = 2 the largest
component's core still has 100-180k of its 432k pairs after pricing, and OR-Tools'
cost-scaling time follows the nodes and cost bits far more than the arcs, so every
pricing round costs about as much as the whole
component (35-41 s CPU in 5-7 rounds against 11.7 s for one solve of it).

Of equal optima (needs with the same score at several resources are common) each bucket
reports one, :func:`canonical`, the same whichever optimum its solve found. A changed
bucket of a re-run is warm-started from the previous optimum and its potentials
(:mod:`matching.warmstart`: a few shortest paths instead of a cold solve of a component
that may hold a sixth of the city's pairs) and, the optimum being canonical, reports the
very flows of a cold solve; when the warm start does not apply it is solved cold.

Scope (stated here, checked in :func:`applies`): the pure transportation network with
optional per-unit quantity limits (unit nodes are kept whole; only pair arcs are left
out of the core). With minimum shares (lexicographic, a max-flow of share units first)
the core could not always route the share units, so :func:`solve_certified` falls back
to the full-network solve of :func:`matching.flow.solve_flow`; per-unit project limits
go to the MILP in :mod:`matching.lp` before this module is reached.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from matching.arrays import F64, I64, B
from matching.errors import MatchingError
from matching.flow import (
    ROUNDING_REL,
    Network,
    S,
    T,
    _layout,
    _pow2_at_least,
    build_network,
    cost_scale,
    initial_scale,
    run_network,
    solve_flow,
)
from matching.incremental import (
    U64,
    Keys,
    Moves,
    Prior,
    SolveState,
    Warm,
    bucket_prints,
    bucket_sums,
    buckets,
    fingerprints,
    keep_prior,
    n_buckets,
    pair_keys,
    position_keys,
    recall_prior,
)
from matching.lp import components
from matching.model import UNLIMITED, Certificate, Model, Solution, model_objective
from matching.warmstart import fill_potentials, reoptimize
from matching.workers import map_largest_first

CORE_K = 0
BATCH_PAIRS = 20_000
# pairs per bucket of the incremental solve: the unit a re-run solves again (small, so
# one added need re-solves little; large enough that the solver's per-call cost is small)
BUCKET_PAIRS = 2_000
INF = np.iinfo(np.int64).max // 4
MAX_ROUNDS = 100


def applies(model: Model) -> bool:
    """Whether the certified sparse solve covers this model (see the module docstring)."""
    return not model.has_min_share and not model.has_project_limits


def core_pairs(model: Model, k: int = CORE_K) -> I64:
    """Each need's and each resource's ``k`` best pairs by weight (sorted indices);
    every pair when ``k`` is 0."""
    if k <= 0:
        return np.arange(model.n_pairs, dtype=np.int64)
    keep = np.zeros(model.n_pairs, np.bool_)
    for group in (model.pair_need, model.pair_res):
        order = np.lexsort((np.arange(model.n_pairs), -model.weight, group))
        g = group[order]
        start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]]) if len(g) else \
            np.zeros(0, np.int64)
        rank = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
        keep[order[rank < k]] = True
    return np.flatnonzero(keep).astype(np.int64)


def _restrict(model: Model, pairs: I64) -> Model:
    """The model with only ``pairs`` as columns (nodes unchanged)."""
    return replace(model, pair_need=model.pair_need[pairs], pair_res=model.pair_res[pairs],
                   pair_cap=model.pair_cap[pairs], score=model.score[pairs],
                   weight=model.weight[pairs])


def _compact(model: Model, pairs: I64) -> tuple[Model, I64, I64]:
    """The sub-model of ``pairs`` with only their needs, resources and units."""
    needs, need_of = np.unique(model.pair_need[pairs], return_inverse=True)
    res, res_of = np.unique(model.pair_res[pairs], return_inverse=True)
    units, unit_of = np.unique(model.res_unit[res], return_inverse=True)
    sub = Model(
        n_needs=len(needs), n_res=len(res), n_units=len(units), n_comms=1,
        need_cap=model.need_cap[needs], res_cap=model.res_cap[res],
        pair_need=need_of.ravel().astype(np.int64), pair_res=res_of.ravel().astype(np.int64),
        pair_cap=model.pair_cap[pairs], score=model.score[pairs], weight=model.weight[pairs],
        res_unit=unit_of.ravel().astype(np.int64), unit_qty_cap=model.unit_qty_cap[units],
        unit_proj_cap=np.full(len(units), UNLIMITED, np.int64),
        need_comm=np.zeros(len(needs), np.int64), comm_min=np.zeros(1, np.int64))
    return sub, needs, res


def _batches(labels: I64, dirty: I64) -> list[I64]:
    """Pair indices (into the core) of the dirty components, small ones batched."""
    pick = np.flatnonzero(np.isin(labels, dirty))
    if len(pick) == 0:
        return []
    order = pick[np.argsort(labels[pick], kind="stable")]
    lab = labels[order]
    starts = np.flatnonzero(np.r_[True, lab[1:] != lab[:-1]])
    ends = np.r_[starts[1:], len(order)]
    out: list[I64] = []
    current: list[I64] = []
    size = 0
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        current.append(order[s:e])
        size += e - s
        if size >= BATCH_PAIRS:
            out.append(np.concatenate(current))
            current, size = [], 0
    if current:
        out.append(np.concatenate(current))
    return out


def _solve_pairs(model: Model, pairs: I64, scale: float) -> I64:
    """Optimal flow on ``pairs`` alone (one min-cost flow of their compact network)."""
    sub, _, _ = _compact(model, pairs)
    status, flows = run_network(build_network(sub, 0, scale=scale))
    if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:  # pragma: no cover
        raise MatchingError(f"min-cost flow of a core component failed with status {status}")
    return flows[: sub.n_pairs]


def arc_flows(model: Model, net: Network, x: I64) -> I64:
    """Flows on every arc of ``net`` (built from ``model``) implied by pair flows ``x``."""
    served = np.bincount(model.pair_need, weights=x, minlength=model.n_needs).astype(np.int64)
    used = np.bincount(model.pair_res, weights=x, minlength=model.n_res).astype(np.int64)
    out: list[I64] = [x.astype(np.int64)]
    with_min = np.flatnonzero(model.comm_min > 0)
    direct = model.comm_min[model.need_comm] <= 0
    out.append(served[direct])
    out.append(served[~direct])
    if len(with_min):
        comm_served = np.bincount(model.need_comm, weights=served,
                                  minlength=model.n_comms).astype(np.int64)
        bonus = np.minimum(comm_served[with_min], model.comm_min[with_min])
        out.append(bonus)
        out.append(comm_served[with_min] - bonus)
    out.append(used)
    limited = np.flatnonzero(model.unit_qty_cap != UNLIMITED)
    unit_used = np.bincount(model.res_unit, weights=used, minlength=model.n_units)
    out.append(unit_used[limited].astype(np.int64))
    out.append(np.array([int(model.need_cap.sum()) - int(x.sum())], dtype=np.int64))
    flows = np.concatenate(out)
    if flows.shape[0] != net.n_arcs:  # pragma: no cover - layout drift
        raise AssertionError("arc layout of the network changed")
    return flows


def residual(net: Network, flows: I64) -> tuple[I64, I64, I64]:
    """Tails, heads and costs of the residual arcs of ``flows`` on ``net``."""
    fwd = flows < net.caps
    bwd = flows > 0
    return (np.concatenate([net.tails[fwd], net.heads[bwd]]),
            np.concatenate([net.heads[fwd], net.tails[bwd]]),
            np.concatenate([net.costs[fwd], -net.costs[bwd]]))


def distances(n: int, tails: I64, heads: I64, costs: I64, sources: I64) -> I64:
    """Shortest distances from ``sources`` (all at 0); ``INF`` where unreachable.

    Label-correcting (Bellman-Ford with a frontier), vectorized: each pass relaxes the
    arcs out of the nodes whose distance dropped in the pass before. Raises if a pass
    count shows a negative cycle (which an optimal flow's residual network has not).
    """
    order = np.argsort(tails, kind="stable")
    t, h, c = tails[order], heads[order], costs[order]
    indptr = np.searchsorted(t, np.arange(n + 1))
    d = np.full(n, INF, np.int64)
    d[sources] = 0
    frontier = np.unique(sources)
    passes = 0
    while len(frontier):
        passes += 1
        if passes > n + 1:
            raise MatchingError("negative cycle in the residual network: flow not optimal")
        lo = indptr[frontier]
        cnt = indptr[frontier + 1] - lo
        total = int(cnt.sum())
        if total == 0:
            break
        idx = np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(total)
        cand = d[t[idx]] + c[idx]
        hh = h[idx]
        better = cand < d[hh]
        hh, cand = hh[better], cand[better]
        if len(hh) == 0:
            break
        np.minimum.at(d, hh, cand)
        frontier = np.unique(hh)
    return d


def potentials(n: int, tails: I64, heads: I64, costs: I64,
               sources: I64 | None = None) -> I64:
    """A feasible potential of a residual network: distances from T (or from every node
    of ``sources``, all at 0) where T reaches, and above them (a large offset plus
    distances from a virtual root) elsewhere."""
    d = distances(n, tails, heads, costs, np.array([T]) if sources is None else sources)
    lost = d >= INF
    if not lost.any():
        return d
    inner = lost[tails] & lost[heads]
    dr = distances(n, tails[inner], heads[inner], costs[inner], np.flatnonzero(lost))
    cross = lost[tails] & ~lost[heads]
    # above every distance from T (so T reaches none of them: no scarcity gain there)
    offset = int(d[~lost].max()) - int(dr[lost].min()) + 1
    if cross.any():
        offset = max(offset, int(np.max(d[heads[cross]] - costs[cross] - dr[tails[cross]])))
    return np.where(lost, offset + dr, d)


def _reduced(net: Network, pi: I64, tails: I64, heads: I64, costs: I64) -> I64:
    return costs + pi[tails] - pi[heads]


def solve_certified(model: Model, k: int = CORE_K, *, keys: Keys | None = None,
                    warm: Warm | None = None, moves: Moves | None = None) -> Solution:
    """Exact solve of ``model`` on a sparse core, certified on every candidate pair.

    Falls back to :func:`matching.flow.solve_flow` (no certificate rounds, empty
    potentials) when :func:`applies` is false. With ``k`` 0 (the default) the whole
    network is the core: its components are grouped into buckets by fingerprint, each
    bucket solved on its own integer cost scale, and the components unchanged since ``warm``
    reuse its flows (:mod:`matching.incremental`; ``keys`` are the ids' keys of the
    model's needs, resources and units, by position when not given). The certificate
    carries a :class:`~matching.incremental.Warm` for the next solve.
    """
    if not applies(model):
        return solve_flow(model)
    if k <= 0:
        keys = keys or position_keys(model.n_needs, model.n_res, model.n_units)
        return _solve_whole(model, keys, warm, moves)
    total = float(model.need_cap.sum())
    full_net = build_network(model, 0, scale=1.0)
    k_max = cost_scale(full_net.n_nodes)
    scale = initial_scale(model)
    core = core_pairs(model, k)
    for _ in range(6):
        x, cert, core = _certify(model, core, scale, full_net)
        found = model_objective(model, x)
        bound = total / scale
        if bound <= ROUNDING_REL * found or scale >= k_max or found <= 0:
            return Solution(x=x, status="optimal", solver="ortools-mcf-certified",
                            notes=_rounding_note(bound, found, scale, scale),
                            certificate=cert)
        scale = min(k_max, _pow2_at_least(total / (ROUNDING_REL * found)))
    raise MatchingError("certified solve: no cost scale met the rounding bound")  # pragma: no cover


def _rounding_note(bound: float, found: float, low: float, high: float) -> list[str]:
    if bound <= ROUNDING_REL * found:
        return []
    scales = f"2^{int(math.log2(low))}" if low == high else \
        f"2^{int(math.log2(low))}..2^{int(math.log2(high))}"
    return [f"integer costs (K = {scales}): objective within {bound:.3g} of the exact optimum"]


def _floor(sub: Model) -> float:
    """A lower bound on the optimum of ``sub``: the best single pair alone."""
    if sub.n_pairs == 0:
        return 0.0
    if np.all(sub.unit_qty_cap == UNLIMITED):
        # the same value without two gathers of every pair: min(cap, UNLIMITED = -1) is
        # -1 for every pair (so this floor never binds without unit limits; kept as is,
        # the cost scale and with it every run's optimum depend on it)
        return float(-np.min(sub.weight))
    cap = np.minimum(sub.pair_cap, sub.unit_qty_cap[sub.res_unit[sub.pair_res]])
    return float(np.max(sub.weight * cap))


def lower_bound(model: Model) -> float:
    """A lower bound on the optimum of ``model``, in one pass over its pairs: a
    fractional flow that is feasible (each need sends what it can on its best pair,
    scaled down where a resource or a unit is asked for more than it has; the flow
    polytope is integral, so no integer flow does worse than the best fractional one)."""
    if model.n_pairs == 0:
        return 0.0
    pn = model.pair_need
    if np.all(pn[1:] >= pn[:-1]):  # pairs by need (as the candidates come): per segment
        starts = np.flatnonzero(np.r_[True, pn[1:] != pn[:-1]])
        top_of_pair = np.repeat(np.maximum.reduceat(model.weight, starts),
                                np.diff(np.r_[starts, model.n_pairs]))
        tops = np.flatnonzero(model.weight == top_of_pair)
        t = pn[tops]
        pairs = tops[np.r_[True, t[1:] != t[:-1]]]
    else:
        top = np.full(model.n_needs, -np.inf)
        np.maximum.at(top, pn, model.weight)
        tops = np.flatnonzero(model.weight == top[pn])
        _, first = np.unique(pn[tops], return_index=True)
        pairs = tops[first]  # each need's best pair (the first of equal ones)
    q = np.minimum(model.pair_cap[pairs], model.need_cap[model.pair_need[pairs]]).astype(float)
    res = model.pair_res[pairs]
    asked = np.bincount(res, weights=q, minlength=model.n_res)
    q *= np.minimum(1.0, model.res_cap[res] / np.maximum(asked[res], 1.0))
    unit = model.res_unit[res]
    limited = model.unit_qty_cap[unit] != UNLIMITED
    unit_asked = np.bincount(unit, weights=q, minlength=model.n_units)
    share = np.minimum(1.0, model.unit_qty_cap[unit] / np.maximum(unit_asked[unit], 1e-12))
    q = np.where(limited, q * share, q)
    return float(np.dot(model.weight[pairs], q))


def network_scale(model: Model) -> float:
    """The integer cost scale ``K`` of every bucket (capped at what a bucket's network
    can take, :func:`bucket_scales`): the smallest power of two whose rounding
    bound ``sum(quantities) / K`` is within ``ROUNDING_REL`` of a lower bound on the
    optimum (:func:`lower_bound`, at least the best single pair) -- so the bound holds
    after one solve. One ``K`` for the network: a small change moves the bound by a
    hair, rarely across a power of two, and the previous potentials stay on the scale of
    the next solve (:func:`_warm_bucket`)."""
    floor = max(lower_bound(model), _floor(model), 1e-12)
    return _pow2_at_least(float(model.need_cap.sum()) / (ROUNDING_REL * floor))


def solve_bucket(item: tuple[Model, float]) -> I64:
    """The optimal pair flows of one bucket's compact model on the integer cost scale
    given (:func:`network_scale`, capped by :func:`bucket_scales`); of equal
    optima the one of :func:`canonical`. Depends on nothing but its argument, so an
    unchanged bucket gets the very same answer, and a warm start of a changed one
    (:func:`_warm_bucket`) the same answer as this cold solve."""
    sub, scale = item
    net = build_network(sub, 0, scale=scale)
    status, flows = run_network(net)
    if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:  # pragma: no cover
        raise MatchingError(f"min-cost flow of a bucket failed with status {status}")
    return canonical(sub, net, flows)


def _solve_whole(model: Model, keys: Keys, warm: Warm | None,
                 moves: Moves | None = None) -> Solution:
    """The whole network as the core, bucket by bucket; reused flows that fail the
    certificate are thrown away and every bucket solved afresh. With ``moves`` (where
    the previous model's pairs went) and the previous solve's state still in this
    process, only the components the change touches are labelled, hashed and certified
    again (:func:`_buckets_incremental`)."""
    if warm is not None and moves is not None:
        try:
            got = _buckets_incremental(model, keys, warm, moves)
        except MatchingError:
            got = None
        if got is not None:
            return got
    if warm is not None:
        try:
            return _buckets_certified(model, keys, warm)
        except MatchingError:
            pass
    return _buckets_certified(model, keys, None)


def _buckets_certified(model: Model, keys: Keys, warm: Warm | None) -> Solution:
    n_labels, labels = components(model)
    fps = fingerprints(keys, labels, n_labels, pair_need=model.pair_need,
                       pair_res=model.pair_res, pair_cap=model.pair_cap, weight=model.weight,
                       need_cap=model.need_cap, res_cap=model.res_cap,
                       res_unit=model.res_unit, unit_qty_cap=model.unit_qty_cap)
    n = n_buckets(model.n_pairs, BUCKET_PAIRS)
    bucket, prints = buckets(fps, labels, n)
    order = np.argsort(bucket, kind="stable")  # pairs in index order per bucket
    bounds = np.searchsorted(bucket[order], np.arange(n + 1))
    x = np.zeros(model.n_pairs, np.int64)
    scales = bucket_scales(model, bucket, n, network_scale(model))
    solve = np.ones(n, np.bool_)
    cert = Certificate(rounds=1, core_pairs=[model.n_pairs], res_node0=3 + model.n_needs)
    if warm is not None and warm.n_buckets == n:
        solve = (prints != warm.components) | (scales != warm.scales)
        kept = np.flatnonzero(~solve[bucket])
        x[kept] = warm.flows_of(pair_keys(keys, model.pair_need[kept], model.pair_res[kept]))
        cert.reused_pairs = len(kept)
    todo = [b for b in np.flatnonzero(solve).tolist() if bounds[b + 1] > bounds[b]]
    prior = recall_prior(warm) if warm is not None and warm.n_buckets == n else None
    _solve_buckets(model, keys, warm, prior, [order[bounds[b]:bounds[b + 1]] for b in todo],
                   [float(scales[b]) for b in todo], x, cert)
    pair_scale = scales[bucket]
    net = build_network(model, 0, scale=1.0)
    net = replace(net, costs=np.concatenate(
        [-np.rint(model.weight * pair_scale).astype(np.int64), net.costs[model.n_pairs:]]))
    tails, heads, costs = residual(net, arc_flows(model, net, x))
    pi = potentials(net.n_nodes, tails, heads, costs)
    if np.any(_reduced(net, pi, tails, heads, costs) < 0):
        raise MatchingError("certified solve: potentials infeasible on the network")
    has = np.zeros(n_labels, np.bool_)
    has[labels] = True
    return _finish(model, keys, x, pi, scales, bucket, prints, cert,
                   SolveState(model, labels, fps, *bucket_sums(fps, has, n), x, pi))


def _solve_buckets(model: Model, keys: Keys, warm: Warm | None, prior: Prior | None,
                   groups: list[I64], scales: list[float], x: I64, cert: Certificate,
                   x0: I64 | None = None, found: list[tuple[I64, I64]] | None = None
                   ) -> None:
    """Solve the buckets of pairs ``groups`` (each on its cost scale) into ``x``: each
    warm-started from the previous flows (``x0`` by pair, else looked up by pair key in
    ``warm``) and potentials when ``prior`` is kept, else (or when the warm start gives
    up) cold, on the worker processes for a large solve. ``found`` receives each
    warm-started bucket's node ids (in the model's network) and their residual distances
    from T in the bucket's network (:func:`_warm_bucket`)."""
    cold: list[int] = list(range(len(groups)))
    if prior is not None and groups:
        assert warm is not None
        pi_old, known = _prior_nodes(model, keys, prior)
        cold = []
        for at, pairs in enumerate(groups):
            start = x0[pairs] if x0 is not None else warm.flows_of(
                pair_keys(keys, model.pair_need[pairs], model.pair_res[pairs]))
            got = _warm_bucket(model, pairs, start, pi_old, known, scales[at], found)
            if got is None:
                cold.append(at)
                continue
            x[pairs] = got
            cert.warm_pairs += len(pairs)
    subs = [_compact(model, groups[at])[0] for at in cold]
    results = map_largest_first(solve_bucket, [(sub, scales[at]) for sub, at in
                                               zip(subs, cold, strict=True)],
                                [sub.n_pairs for sub in subs])
    for at, flows in zip(cold, results, strict=True):
        x[groups[at]] = flows
    cert.solved_pairs.append(int(sum(sub.n_pairs for sub in subs)))


def _finish(model: Model, keys: Keys, x: I64, pi: I64, scales: F64, bucket: I64,
            prints: U64, cert: Certificate, state: SolveState) -> Solution:
    """The solution of a certified flow ``x`` with its proving potentials ``pi``: the
    certificate, what the next solve starts from (:class:`Warm`, the potentials and the
    state kept in this process) and the rounding note."""
    n = len(scales)
    pair_scale = scales[bucket]
    cert.potentials = pi
    res_scale = np.ones(model.n_res, np.float64)
    res_scale[model.pair_res] = pair_scale
    cert.res_scale = res_scale
    cert.scale = float(scales.max()) if n else 1.0
    used = np.flatnonzero(x)
    cert.warm = Warm(n, prints, pair_keys(keys, model.pair_need[used], model.pair_res[used]),
                     x[used], scales)
    need0, res0, _, _, unit_node = _layout(model)
    limited = np.flatnonzero(unit_node >= 0)
    need_scale = np.ones(model.n_needs, np.float64)
    need_scale[model.pair_need] = pair_scale
    unit_scale = np.ones(model.n_units, np.float64)
    np.maximum.at(unit_scale, model.res_unit, res_scale)
    keep_prior(cert.warm, keys.need, pi[need0:need0 + model.n_needs], need_scale, keys.res,
               pi[res0:res0 + model.n_res], res_scale, keys.unit[limited],
               pi[unit_node[limited]], unit_scale[limited], pi[0] / cert.scale,
               pi[T] / cert.scale, state)
    # the rounding bound of each need's bucket, summed
    has = np.zeros(model.n_needs, np.bool_)
    has[model.pair_need] = True
    bound = float(np.sum(model.need_cap[has] / need_scale[has]))
    found = model_objective(model, x)
    solved = scales[np.bincount(bucket, minlength=n) > 0]
    low, high = (float(solved.min()), float(solved.max())) if len(solved) else (1.0, 1.0)
    return Solution(x=x, status="optimal", solver="ortools-mcf-certified",
                    notes=_rounding_note(bound, found, low, high), certificate=cert)


def _buckets_incremental(model: Model, keys: Keys, warm: Warm, moves: Moves
                         ) -> Solution | None:
    """The bucket solve of :func:`_buckets_certified` after a small change, from the
    previous solve's state (:class:`~matching.incremental.SolveState`): the components
    left as they were keep their labels, fingerprints, flows and potentials; only the
    pairs of the components the change touches (and the new pairs) are labelled,
    hashed, solved (warm-started) and given potentials (shortest distances from S and T
    inside them: with the bypass arc residual both ways S and T are both at distance 0,
    and every path between two components passes through one of them, so these are the
    distances of the full network). The whole network's reduced costs are then checked
    in one vectorized pass, so the flow is proved optimal as a cold solve's is. None
    (solve as before) when the state is gone or the network has unit limits."""
    prior = recall_prior(warm)
    state = prior.state if prior is not None else None
    if state is None or prior is None:
        return None
    old: Model = state.model
    n = n_buckets(model.n_pairs, BUCKET_PAIRS)
    if n != warm.n_buckets or len(state.total) != n or \
            np.any(model.unit_qty_cap != UNLIMITED) or np.any(old.unit_qty_cap != UNLIMITED) \
            or len(moves.pair_old) != model.n_pairs or len(moves.need_to) != old.n_needs \
            or len(moves.res_to) != old.n_res or state.potentials[S] != 0 or \
            state.potentials[T] != 0:
        return None
    po = moves.pair_old
    mapped = np.flatnonzero(po >= 0)
    same = np.zeros(model.n_pairs, np.bool_)
    same[mapped] = (old.weight[po[mapped]] == model.weight[mapped]) & \
        (old.pair_cap[po[mapped]] == model.pair_cap[mapped])
    # the components the change touches: of a pair gone or changed, of a need or
    # resource gone or changed, of a node a new pair reaches
    n_labels = len(state.prints)
    touched = np.zeros(n_labels, np.bool_)
    persists = np.zeros(old.n_pairs, np.bool_)
    persists[po[same]] = True
    touched[state.labels[~persists]] = True
    need_label = np.full(old.n_needs, -1, np.int64)
    need_label[old.pair_need] = state.labels
    res_label = np.full(old.n_res, -1, np.int64)
    res_label[old.pair_res] = state.labels
    for to, cap_old, cap_new, label in ((moves.need_to, old.need_cap, model.need_cap,
                                         need_label),
                                        (moves.res_to, old.res_cap, model.res_cap,
                                         res_label)):
        changed = to < 0
        ok = np.flatnonzero(~changed)
        changed[ok] = cap_old[ok] != cap_new[to[ok]]
        touched[label[changed & (label >= 0)]] = True
    need_of_new = np.full(model.n_needs, -1, np.int64)
    ok = np.flatnonzero(moves.need_to >= 0)
    need_of_new[moves.need_to[ok]] = ok
    res_of_new = np.full(model.n_res, -1, np.int64)
    ok = np.flatnonzero(moves.res_to >= 0)
    res_of_new[moves.res_to[ok]] = ok
    fresh = np.flatnonzero(~same)
    for of_new, label, ends in ((need_of_new, need_label, model.pair_need[fresh]),
                                (res_of_new, res_label, model.pair_res[fresh])):
        at = of_new[ends]
        at = at[at >= 0]
        hit = label[at]
        touched[hit[hit >= 0]] = True
    keep = same.copy()
    keep[mapped] &= ~touched[state.labels[po[mapped]]]
    labels = np.full(model.n_pairs, -1, np.int64)
    labels[keep] = state.labels[po[keep]]
    region = np.flatnonzero(~keep)
    n_local, local = components(_compact(model, region)[0])
    labels[region] = n_labels + local
    prints = np.zeros(n_labels + n_local, np.uint64)
    prints[:n_labels] = state.prints
    prints[n_labels:] = fingerprints(
        keys, local, n_local, pair_need=model.pair_need[region],
        pair_res=model.pair_res[region], pair_cap=model.pair_cap[region],
        weight=model.weight[region], need_cap=model.need_cap, res_cap=model.res_cap,
        res_unit=model.res_unit, unit_qty_cap=model.unit_qty_cap)
    # the buckets' sums: the touched components out, the new ones in
    gone = np.zeros(n_labels + n_local, np.bool_)
    gone[:n_labels] = touched
    gone[:n_labels] &= np.bincount(state.labels, minlength=n_labels) > 0
    out_total, out_count = bucket_sums(prints, gone, n)
    added = np.zeros(n_labels + n_local, np.bool_)
    added[n_labels + local] = True  # (the count covers unit nodes without pairs too)
    in_total, in_count = bucket_sums(prints, added, n)
    total = state.total - out_total + in_total
    count = state.count - out_count + in_count
    bucket_prints_now = bucket_prints(total, count)
    bucket = (prints % np.uint64(n)).astype(np.int64)[labels]
    scales = bucket_scales(model, bucket, n, network_scale(model))
    solve = (bucket_prints_now != warm.components) | (scales != warm.scales)
    x = np.zeros(model.n_pairs, np.int64)
    x0 = np.zeros(model.n_pairs, np.int64)
    x0[mapped] = state.x[po[mapped]]
    in_solved = solve[bucket]
    kept = np.flatnonzero(~in_solved)
    x[kept] = x0[kept]
    odd = kept[~keep[kept]]  # new pairs in a bucket that kept its fingerprint
    if len(odd):
        x[odd] = warm.flows_of(pair_keys(keys, model.pair_need[odd], model.pair_res[odd]))
    cert = Certificate(rounds=1, core_pairs=[model.n_pairs], res_node0=3 + model.n_needs)
    cert.reused_pairs = len(kept)
    cert.updated = True
    chosen = np.flatnonzero(in_solved)
    order = chosen[np.argsort(bucket[chosen], kind="stable")]
    bounds = np.searchsorted(bucket[order], np.arange(n + 1))
    todo = [b for b in np.flatnonzero(solve).tolist() if bounds[b + 1] > bounds[b]]
    found: list[tuple[I64, I64]] = []
    _solve_buckets(model, keys, warm, prior, [order[bounds[b]:bounds[b + 1]] for b in todo],
                   [float(scales[b]) for b in todo], x, cert, x0, found)
    total_cap = int(model.need_cap.sum())
    if not 0 < int(x.sum()) < total_cap:
        return None  # the bypass arc not residual both ways: S or T off distance 0
    pi = _kept_potentials(model, old, state.potentials, moves)
    if len(chosen) and not _warm_potentials(found, cert.warm_pairs == len(chosen), pi):
        _region_potentials(model, chosen, x, scales[bucket], pi)
    if not _feasible(model, x, pi, scales[bucket]):
        return None
    return _finish(model, keys, x, pi, scales, bucket, bucket_prints_now, cert,
                   SolveState(model, labels, prints, total, count, x, pi))


def _kept_potentials(model: Model, old: Model, pi_old: I64, moves: Moves) -> I64:
    """The previous potentials of the nodes still there, in this model's node ids; a
    new node without pairs: 0 for a need (S reaches it), 1 for a resource (T does not:
    no gain)."""
    need0, res0, n_nodes, _, _ = _layout(model)
    old_need0, old_res0, _, _, _ = _layout(old)
    pi = np.zeros(n_nodes, np.int64)
    pi[:3] = pi_old[:3]
    pi[res0:res0 + model.n_res] = 1
    for to, new0, old0 in ((moves.need_to, need0, old_need0), (moves.res_to, res0,
                                                                old_res0)):
        ok = np.flatnonzero(to >= 0)
        pi[new0 + to[ok]] = pi_old[old0 + ok]
    return pi


def _warm_potentials(found: list[tuple[I64, I64]], every: bool, pi: I64) -> bool:
    """Write into ``pi`` the residual distances from T of the warm-started buckets
    (``found``, by node id; ``every``: they are all the buckets solved) as the
    potentials of their needs and resources: when S is at distance 0 in each (its
    bypass arc residual both ways) and T reaches every node, they are the distances
    from S and T :func:`_region_potentials` computes (a path from S starts with T's
    path of cost 0 to it), without another shortest-path pass over the buckets.
    False (nothing written) otherwise."""
    if not every or not found or any(
            d[S] != 0 or d[T] != 0 or np.any(d[3:] >= INF) for _, d in found):
        return False
    for node, d in found:
        pi[node[3:]] = d[3:]  # (not S, T and the share node: the model's are kept)
    return True


def _region_potentials(model: Model, pairs: I64, x: I64, pair_scale: F64, pi: I64) -> None:
    """Potentials of the nodes of ``pairs`` (whole components), written into ``pi``: the
    shortest distances from S and T (both at 0) in their residual network, and above
    every distance where neither reaches (as :func:`potentials`)."""
    sub, needs, res = _compact(model, pairs)
    net = build_network(sub, 0, scale=1.0)
    net = replace(net, costs=np.concatenate(
        [-np.rint(sub.weight * pair_scale[pairs]).astype(np.int64), net.costs[sub.n_pairs:]]))
    tails, heads, costs = residual(net, arc_flows(sub, net, x[pairs]))
    d = potentials(net.n_nodes, tails, heads, costs, sources=np.array([S, T]))
    need0, res0, _, _, _ = _layout(model)
    pi[need0 + needs] = d[net.need_node0:net.need_node0 + sub.n_needs]
    pi[res0 + res] = d[net.res_node0:net.res_node0 + sub.n_res]


def _feasible(model: Model, x: I64, pi: I64, pair_scale: F64) -> bool:
    """Whether no residual arc of the full network of flow ``x`` has a negative reduced
    cost under ``pi`` (pair arcs at cost ``-rint(weight * scale)``, S -> need and
    resource -> T at 0, the bypass S -> T at 0; no unit or community nodes)."""
    need0, res0, _, _, _ = _layout(model)
    cost = -np.rint(model.weight * pair_scale).astype(np.int64)
    rc = cost + pi[need0 + model.pair_need] - pi[res0 + model.pair_res]
    if np.any(rc[x < model.pair_cap] < 0) or np.any(rc[x > 0] > 0):
        return False
    served = np.bincount(model.pair_need, weights=x, minlength=model.n_needs)
    used = np.bincount(model.pair_res, weights=x, minlength=model.n_res)
    for flow, cap, rc_node in ((served, model.need_cap, pi[S] - pi[need0:need0 + model.n_needs]),
                               (used, model.res_cap, pi[res0:res0 + model.n_res] - pi[T])):
        if np.any(rc_node[flow < cap] < 0) or np.any(rc_node[flow > 0] > 0):
            return False
    bypass = int(model.need_cap.sum()) - int(x.sum())
    rc_st = int(pi[S] - pi[T])
    return not ((bypass < int(model.need_cap.sum()) and rc_st < 0) or (bypass > 0 and rc_st > 0))


def _prior_nodes(model: Model, keys: Keys, prior: Prior) -> tuple[F64, B]:
    """The kept potential (on cost scale 1) of each node of ``model``'s network and
    whether one was kept (S, T and the share node always are)."""
    need0, res0, n_nodes, _, unit_node = _layout(model)
    pi = np.zeros(n_nodes, np.float64)
    known = np.zeros(n_nodes, np.bool_)
    pi[:3] = prior.s_pi, prior.t_pi, prior.s_pi
    known[:3] = True
    pi[need0:need0 + model.n_needs], known[need0:need0 + model.n_needs] = \
        prior.of(keys.need, "need")
    pi[res0:res0 + model.n_res], known[res0:res0 + model.n_res] = prior.of(keys.res, "res")
    limited = np.flatnonzero(unit_node >= 0)
    pi[unit_node[limited]], known[unit_node[limited]] = prior.of(keys.unit[limited], "unit")
    return pi, known


def bucket_scales(model: Model, bucket: I64, n: int, scale: float) -> F64:
    """Each bucket's cost scale: ``scale``, capped by what its network can take (its
    node count bounded from above by one unit node per pair of a limited unit)."""
    nodes = np.full(n, 3, np.int64)
    for group, size in ((model.pair_need, model.n_needs), (model.pair_res, model.n_res)):
        of = np.full(size, -1, np.int64)  # each node's bucket (one: a component's)
        of[group] = bucket
        nodes += np.bincount(of[of >= 0], minlength=n)
    limited = model.unit_qty_cap[model.res_unit[model.pair_res]] != UNLIMITED
    nodes += np.bincount(bucket[limited], minlength=n)
    caps = np.array([cost_scale(int(v)) for v in nodes.tolist()], np.float64)
    return np.minimum(scale, caps)


def _warm_bucket(model: Model, pairs: I64, x0: I64, pi_old: F64, known: B, scale: float,
                 found: list[tuple[I64, I64]] | None = None) -> I64 | None:
    """The flows of a changed bucket (its ``pairs``) on cost scale ``scale``,
    warm-started from the previous flows ``x0`` and the previous potentials of the
    model's nodes (``pi_old``: each on cost scale 1, known where ``known``;
    :func:`matching.warmstart.reoptimize`): exactly what :func:`solve_bucket` gives
    (the same :func:`canonical` optimum), or None when ``x0`` breaks a bound or the
    warm start gives up."""
    sub, needs, res = _compact(model, pairs)
    units = np.unique(model.res_unit[res])
    served = np.bincount(sub.pair_need, weights=x0, minlength=sub.n_needs)
    used = np.bincount(sub.pair_res, weights=x0, minlength=sub.n_res)
    unit_used = np.bincount(sub.res_unit, weights=used, minlength=sub.n_units)
    if np.any(x0 > sub.pair_cap) or np.any(served > sub.need_cap) or \
            np.any(used > sub.res_cap) or \
            np.any((sub.unit_qty_cap != UNLIMITED) & (unit_used > sub.unit_qty_cap)):
        return None
    need0, res0, n_nodes, _, unit_node = _layout(sub)
    full_need0, full_res0, _, _, full_unit = _layout(model)
    node = np.zeros(n_nodes, np.int64)
    node[:3] = 0, T, 2
    node[need0:need0 + sub.n_needs] = full_need0 + needs
    node[res0:res0 + sub.n_res] = full_res0 + res
    limited = np.flatnonzero(unit_node >= 0)
    node[unit_node[limited]] = full_unit[units[limited]]
    net = build_network(sub, 0, scale=scale)
    start = fill_potentials(net, np.rint(pi_old[node] * scale).astype(np.int64), known[node])
    got = reoptimize(net, arc_flows(sub, net, x0), start)
    if got is None:
        return None
    d: list[I64] = []
    out = canonical(sub, net, *got, found=d)
    if found is not None:
        found.append((node, d[0]))
    return out


def sink_distances(net: Network, flows: I64, pi: I64 | None = None) -> I64:
    """Shortest distances from T in the residual network of the optimal ``flows``
    (``INF`` where T does not reach): by Dijkstra on the reduced costs of potentials
    ``pi`` proving ``flows`` optimal when given (then exact in float64: reduced costs
    and distances far below 2^53), else label-correcting (:func:`distances`)."""
    tails, heads, costs = residual(net, flows)
    if pi is not None:
        weight = costs + pi[tails] - pi[heads]
        if not np.any(weight < 0):
            graph = sparse.csr_matrix((weight.astype(np.float64), (tails, heads)),
                                      shape=(net.n_nodes, net.n_nodes))
            dist = dijkstra(graph, indices=T)
            reach = np.isfinite(dist)
            out = np.full(net.n_nodes, INF, np.int64)
            out[reach] = np.rint(dist[reach]).astype(np.int64) + pi[reach] - pi[T]
            return out
    return distances(net.n_nodes, tails, heads, costs, np.array([T]))


def canonical(sub: Model, net: Network, flows: I64, pi: I64 | None = None,
              found: list[I64] | None = None) -> I64:
    """The one optimum a bucket's solve reports, whichever optimal ``flows`` it found.

    Optimal flows can tie (needs with the same score at several resources are common).
    Every optimal flow keeps each arc of non-zero reduced cost at its bound, under any
    optimal potentials; under the shortest distances ``d`` from T -- the same for every
    optimal flow (the largest optimal potentials with ``d(T) = 0``) -- the arcs of
    reduced cost 0 between nodes T reaches are the only ones that may move, and every
    flow on them that balances the nodes, the others held, is optimal. That flow is
    found by one min-cost flow on those arcs alone (all costs 0): its network (arcs in
    order, capacities, supplies) is built from ``d`` and the held flows only, the same
    from every optimal ``flows``, and OR-Tools answers the same network the same way.
    So a cold solve and a warm start of a bucket report the same flows. ``pi``:
    potentials proving ``flows`` optimal, if known (:func:`sink_distances`). Returns the
    pair flows; ``found``, when given, receives ``d`` (the same for the flows returned,
    optimal too)."""
    d = sink_distances(net, flows, pi)
    if found is not None:
        found.append(d)
    reach = d < INF
    rc = net.costs + np.where(reach, d, 0)[net.tails] - np.where(reach, d, 0)[net.heads]
    free = reach[net.tails] & reach[net.heads] & (rc == 0) & (net.caps > 0)
    if not free[: sub.n_pairs].any():
        return flows[: sub.n_pairs]
    held = np.where(free, 0, flows)
    supply = net.supplies + np.bincount(net.heads, weights=held, minlength=net.n_nodes) \
        - np.bincount(net.tails, weights=held, minlength=net.n_nodes)
    at = np.flatnonzero(free)
    nodes, local = np.unique(np.r_[net.tails[at], net.heads[at]], return_inverse=True)
    supply = supply.astype(np.int64)
    if np.any(np.delete(supply, nodes) != 0):  # pragma: no cover - flows not optimal
        raise MatchingError("canonical optimum: held arcs leave an imbalance")
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(
        local[: len(at)].astype(np.int64), local[len(at):].astype(np.int64),
        net.caps[at], np.zeros(len(at), np.int64))
    solver.set_nodes_supplies(np.arange(len(nodes)), supply[nodes])
    if solver.solve() != solver.OPTIMAL:  # pragma: no cover - flows not optimal
        raise MatchingError("canonical optimum: the min-cost flow of the ties failed")
    out = held.copy()
    out[at] = np.asarray(solver.flows(arcs), dtype=np.int64)
    return out[: sub.n_pairs]


def _certify(model: Model, core: I64, scale: float, full_net: Network
             ) -> tuple[I64, Certificate, I64]:
    """Rounds of solve-and-price from ``core``; the optimal x, its certificate, the core."""
    cost = -np.rint(model.weight * scale).astype(np.int64)
    need_node = full_net.need_node0 + model.pair_need
    res_node = full_net.res_node0 + model.pair_res
    x = np.zeros(model.n_pairs, np.int64)
    in_core = np.zeros(model.n_pairs, np.bool_)
    in_core[core] = True
    cert = Certificate(scale=scale, res_node0=full_net.res_node0)
    dirty_pairs = core
    for _ in range(MAX_ROUNDS):
        cert.rounds += 1
        core = np.flatnonzero(in_core)
        cert.core_pairs.append(len(core))
        core_model = _restrict(model, core)
        _, labels = components(core_model)
        dirty = np.unique(labels[np.searchsorted(core, dirty_pairs)])
        batches = _batches(labels, dirty)
        cert.solved_pairs.append(int(sum(len(b) for b in batches)))
        for batch in batches:
            x[core[batch]] = _solve_pairs(core_model, batch, scale)
        net = build_network(core_model, 0, scale=scale)
        flows = arc_flows(core_model, net, x[core])
        tails, heads, costs = residual(net, flows)
        pi = potentials(net.n_nodes, tails, heads, costs)
        if np.any(_reduced(net, pi, tails, heads, costs) < 0):  # pragma: no cover
            raise MatchingError("certified solve: potentials infeasible on the core")
        outside = np.flatnonzero(~in_core)
        rc = cost[outside] + pi[need_node[outside]] - pi[res_node[outside]]
        add = outside[rc < 0]
        if len(add) == 0:
            cert.potentials = pi
            return x, cert, core
        in_core[add] = True
        dirty_pairs = add
    raise MatchingError("certified solve: too many pricing rounds")  # pragma: no cover
