"""Warm start of a min-cost flow from a previous optimum (after a small change).

After a small change (a need added, a resource withdrawn) the previous optimal flow is
still feasible, or nearly, and the previous node potentials still price almost every
arc. :func:`reoptimize` makes it optimal again, the textbook way: every residual arc
with a negative reduced cost is saturated (which leaves some nodes with an excess and
others with a deficit), then successive shortest paths on reduced costs (Dijkstra, all
reduced costs non-negative) carry each excess to a deficit, the potentials raised by the
distances after each path. It ends with a flow and potentials under which no residual
arc has a negative reduced cost: optimal, by the same test as the cold solve.

Which of several equal optima it ends at depends on where it starts; the bucket solve
then reports the one optimum both a cold and a warm solve agree on
(:func:`matching.certified.canonical`).

It works on the arc arrays of :class:`matching.flow.Network` with the convention of
:mod:`matching.certified`: the reduced cost of arc ``u -> v`` is
``cost + pi[u] - pi[v]``.

Examples
--------
Two needs (one unit each) and one resource of one unit: S=0, T=1, needs 3, 4,
resource 5. The second need pays more, but the flow serves the first:

>>> from matching.flow import Network
>>> net = Network(n_nodes=6, tails=np.array([3, 4, 0, 0, 5, 0]),
...               heads=np.array([5, 5, 3, 4, 1, 1]), caps=np.array([1, 1, 1, 1, 1, 2]),
...               costs=np.array([-5, -9, 0, 0, 0, 0]), supplies=np.array([2, -2, 0, 0, 0, 0]),
...               scale=1.0, need_node0=3, res_node0=5)
>>> flows = np.array([1, 0, 1, 0, 1, 1])
>>> pi = np.array([0, 0, 0, 0, 0, 5])
>>> better, pi = reoptimize(net, flows, pi)
>>> better.tolist()
[0, 1, 0, 1, 1, 1]
>>> bool(np.all((net.costs + pi[net.tails] - pi[net.heads])[better < net.caps] >= 0))
True
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from matching.arrays import I64, B
from matching.flow import Network

MAX_PATHS = 200
"""Augmenting paths a warm start may take before it gives up (a cold solve is then
cheaper than more Dijkstra passes over the whole network)."""


def excess(net: Network, flows: I64) -> I64:
    """Supply plus inflow minus outflow at every node (0 everywhere for a feasible flow)."""
    inflow = np.bincount(net.heads, weights=flows, minlength=net.n_nodes)
    outflow = np.bincount(net.tails, weights=flows, minlength=net.n_nodes)
    return (net.supplies + inflow - outflow).astype(np.int64)


def fill_potentials(net: Network, pi: I64, known: B) -> I64:
    """Potentials for the nodes not ``known`` (added since the previous solve), chosen
    so that few arcs violate: a node takes the tightest value its arcs to known nodes
    allow (an added resource or unit the smallest its in-arcs allow, then an added need
    the largest its out-arcs need), T's where it has none."""
    pi = pi.copy()
    known = known.copy()
    pi[~known] = pi[1]
    for targets in (True, False):  # resources and units first, then needs
        arc = known[net.tails] & ~known[net.heads] if targets else \
            ~known[net.tails] & known[net.heads]
        if not arc.any():
            continue
        node = net.heads[arc] if targets else net.tails[arc]
        value = net.costs[arc] + pi[net.tails[arc]] if targets else \
            pi[net.heads[arc]] - net.costs[arc]
        best = np.full(net.n_nodes, np.iinfo(np.int64).max if targets else
                       np.iinfo(np.int64).min, np.int64)
        (np.minimum if targets else np.maximum).at(best, node, value)
        pi[node] = best[node]
        known[node] = True
    return pi


def reoptimize(net: Network, flows: I64, pi: I64, max_paths: int = MAX_PATHS
               ) -> tuple[I64, I64] | None:
    """An optimal flow of ``net`` from ``flows`` (within the arcs' bounds; the node
    balances may be off) and potentials ``pi``, with potentials proving it optimal;
    None when no feasible flow exists or more than ``max_paths`` paths are needed."""
    f = flows.astype(np.int64).copy()
    pi = pi.astype(np.int64).copy()
    rc = net.costs + pi[net.tails] - pi[net.heads]
    f[rc < 0] = net.caps[rc < 0]
    f[rc > 0] = 0
    e = excess(net, f)
    n = net.n_nodes
    for _ in range(max_paths + 1):
        if not np.any(e > 0):
            return f, pi
        tails, heads, weight, arc, forward, room = _residual(net, f, rc)
        key = tails * n + heads
        if len(key) and np.any(np.diff(np.sort(key)) == 0):  # pragma: no cover
            return None  # parallel residual arcs: not a network of this project
        graph = sparse.csr_matrix((weight.astype(np.float64), (tails, heads)), shape=(n, n))
        sources = np.flatnonzero(e > 0)
        dist, pred, _ = dijkstra(graph, indices=sources, min_only=True,
                                 return_predecessors=True)
        sinks = np.flatnonzero((e < 0) & np.isfinite(dist))
        if len(sinks) == 0:
            return None
        t = int(sinks[np.argmin(dist[sinks])])
        reach = float(dist[t])
        step = np.minimum(np.where(np.isfinite(dist), dist, reach), reach)
        pi += np.rint(step).astype(np.int64)
        path = [t]
        while pred[path[-1]] >= 0:
            path.append(int(pred[path[-1]]))
        path.reverse()
        s = path[0]
        order = np.argsort(key, kind="stable")
        hops = np.array(path[:-1], np.int64) * n + np.array(path[1:], np.int64)
        at = order[np.searchsorted(key[order], hops)]
        delta = int(min(e[s], -e[t], int(room[at].min())))
        sign = np.where(forward[at], 1, -1)
        np.add.at(f, arc[at], sign * delta)
        e[s] -= delta
        e[t] += delta
        rc = net.costs + pi[net.tails] - pi[net.heads]
    return None


def _residual(net: Network, f: I64, rc: I64) -> tuple[I64, I64, I64, I64, B, I64]:
    """The residual arcs of ``f``: tails, heads, reduced costs, network arc, whether
    forward, residual capacity."""
    fwd = np.flatnonzero(f < net.caps)
    bwd = np.flatnonzero(f > 0)
    return (np.r_[net.tails[fwd], net.heads[bwd]], np.r_[net.heads[fwd], net.tails[bwd]],
            np.r_[rc[fwd], -rc[bwd]], np.r_[fwd, bwd],
            np.r_[np.ones(len(fwd), np.bool_), np.zeros(len(bwd), np.bool_)],
            np.r_[net.caps[fwd] - f[fwd], f[bwd]])
