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
from scipy.sparse.csgraph import dijkstra, maximum_flow

from matching.arrays import I64, B
from matching.flow import Network

MAX_PATHS = 200
"""Phases a warm start may take before it gives up (a cold solve is then
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
    # (a need's in-arc from S is left to the second pass: given the potential of S, an
    # added need would send its quantity down every pair arc that pays more than it,
    # each to a resource already full -- one phase of the warm start per such arc to
    # bring it back; the largest its out-arcs need leaves S -> need alone to violate)
    to_resource = net.heads >= net.res_node0
    for targets in (True, False):  # resources and units first, then needs
        arc = known[net.tails] & ~known[net.heads] & to_resource if targets else \
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
    None when no feasible flow exists or more than ``max_paths`` phases are needed.

    Primal-dual: each phase is one Dijkstra from every node with an excess (reduced
    costs, all non-negative), the potentials raised by the distances (capped at the
    nearest deficit's), then a maximum flow from the excesses to the deficits on the
    arcs of reduced cost 0 with room (which keeps every reduced cost non-negative): many
    augmenting paths of one length at once, not one Dijkstra per path."""
    f = flows.astype(np.int64).copy()
    pi = pi.astype(np.int64).copy()
    rc = net.costs + pi[net.tails] - pi[net.heads]
    f[rc < 0] = net.caps[rc < 0]
    f[rc > 0] = 0
    e = excess(net, f)
    n, m = net.n_nodes, net.n_arcs
    rows, cols = np.r_[net.tails, net.heads], np.r_[net.heads, net.tails]
    order = np.argsort(rows * n + cols, kind="stable")
    key = (rows * n + cols)[order]
    if np.any(key[1:] == key[:-1]):
        return None  # parallel arcs (either way): not a network of this project
    indices = cols[order]
    indptr = np.searchsorted(rows[order], np.arange(n + 1))
    arc = np.r_[np.arange(m), np.arange(m)][order]
    forward = order < m
    sign = np.where(forward, 1, -1)
    entry_tail = np.repeat(np.arange(n), np.diff(indptr))
    # each entry's reduced cost is its own cost plus the potential of its tail minus that
    # of its head; its room is kept up to date on the arcs whose flow moves
    entry_cost = sign * net.costs[arc]
    reduced = entry_cost + pi[entry_tail] - pi[indices]
    room = np.where(forward, net.caps[arc], 0) - sign * f[arc]
    at_entry = np.empty(2 * m, np.int64)
    at_entry[order] = np.arange(2 * m)
    fwd_entry, bwd_entry = at_entry[:m], at_entry[m:]
    graph = sparse.csr_matrix((np.zeros(2 * m), indices, indptr), shape=(n, n))
    src_node, sink_node = n, n + 1
    for _ in range(max_paths + 1):
        if not np.any(e > 0):
            return f, pi
        graph.data = np.where(room > 0, reduced, np.inf).astype(np.float64)
        sources = np.flatnonzero(e > 0)
        dist = dijkstra(graph, indices=sources, min_only=True)
        sinks = np.flatnonzero((e < 0) & np.isfinite(dist))
        if len(sinks) == 0:
            return None
        reach = float(dist[sinks].min())
        # nodes farther than the nearest deficit all move by its distance: only the
        # arcs at the nodes nearer than it change their reduced cost
        near = np.flatnonzero(dist < reach)
        pi += round(reach)
        pi[near] -= np.rint(reach - dist[near]).astype(np.int64)
        reduced = entry_cost + pi[entry_tail] - pi[indices]
        # the admissible arcs: reduced cost 0 and room, plus the excesses and deficits
        at = np.flatnonzero((room > 0) & (reduced == 0))
        deficits = np.flatnonzero(e < 0)
        tails = np.r_[entry_tail[at], np.full(len(sources), src_node), deficits]
        heads = np.r_[indices[at], sources, np.full(len(deficits), sink_node)]
        caps = np.r_[room[at], e[sources], -e[deficits]]
        if caps.max(initial=0) >= 2**31:
            return None  # pragma: no cover - capacities beyond int32
        admissible = sparse.csr_matrix((caps.astype(np.int32), (tails, heads)),
                                       shape=(n + 2, n + 2))
        pushed = maximum_flow(admissible, src_node, sink_node, method="dinic")
        if pushed.flow_value <= 0:
            return None  # pragma: no cover - a shortest path is admissible
        moved = pushed.flow.tocoo()
        row, col, data = moved.row.astype(np.int64), moved.col.astype(np.int64), \
            moved.data.astype(np.int64)
        inner = (row < n) & (col < n) & (data > 0)
        where = np.searchsorted(key, row[inner] * n + col[inner])
        changed = arc[where]
        np.add.at(f, changed, sign[where] * data[inner])
        room[fwd_entry[changed]] = net.caps[changed] - f[changed]
        room[bwd_entry[changed]] = f[changed]
        out = (row == src_node) & (data > 0)
        np.subtract.at(e, col[out], data[out])
        into = (col == sink_node) & (data > 0)
        np.add.at(e, row[into], data[into])
    return None
