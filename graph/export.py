"""From the store to networkx, GraphML and JSON; pseudonyms for researchers.

The graph is a MultiDiGraph: each node carries ``kind``, ``label`` (its Chinese kind) and
its properties; each edge carries ``kind`` and its properties. Edges come from the nodes'
reference fields and from explicit relationships; an edge whose other end lies outside the
snapshot is left out.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import NODE_TYPES, Node
from graph.store import Snapshot


def pseudonym(value: str, salt: str) -> str:
    """A stable pseudonym for a personal identifier (same input and salt, same output).

    >>> pseudonym("张三", "s") == pseudonym("张三", "s") != pseudonym("李四", "s")
    True
    """
    return "P-" + hashlib.sha256(f"{salt}:{value}".encode()).hexdigest()[:12]


def node_attributes(node: Node, salt: str | None = None) -> dict[str, Any]:
    """The node's properties for a graph; sensitive fields pseudonymized when ``salt``."""
    attrs = {k: v for k, v in node.content().items() if v is not None}
    attrs.pop("id", None)
    if salt is not None:
        for name in node.SENSITIVE:
            if name in attrs:
                attrs[name] = pseudonym(str(attrs[name]), salt)
    attrs["kind"] = node.KIND
    attrs["label"] = node.LABEL
    attrs["version"] = node.version
    return attrs


def snapshot_to_networkx(snap: Snapshot, salt: str | None = None) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of a snapshot.

    With ``salt`` (researchers), member ids and sensitive fields become pseudonyms.
    """
    g = nx.MultiDiGraph(scope=snap.scope_id)

    def key(node_id: str, kind: str) -> str:
        if salt is not None and NODE_TYPES[kind].PERSONAL:
            return pseudonym(node_id, salt)
        return node_id

    kinds: dict[str, str] = {}
    for node in snap.nodes():
        kinds[node.id] = node.KIND
        g.add_node(key(node.id, node.KIND), **node_attributes(node, salt))
    for node in snap.nodes():
        for _, edge, target in node.ref_targets():
            if edge and target in kinds:
                g.add_edge(key(node.id, node.KIND), key(target, kinds[target]), key=edge,
                           kind=edge)
    for r in snap.relationships:
        if r.src in kinds and r.dst in kinds:
            props = {k: v for k, v in r.model_dump(mode="json").items()
                     if k not in ("src", "dst") and v not in (None, {})}
            g.add_edge(key(r.src, kinds[r.src]), key(r.dst, kinds[r.dst]), key=r.kind, **props)
    return g


def _scalar(value: Any) -> Any:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Write GraphML; lists and mappings become JSON strings (GraphML holds scalars)."""
    h = nx.MultiDiGraph()
    h.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    for n, attrs in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(v) for k, v in attrs.items()})
    for u, v, k, attrs in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in attrs.items()})
    nx.write_graphml(h, path, encoding="utf-8")


def write_json(g: nx.MultiDiGraph, path: Path) -> None:
    """Write node-link JSON (networkx's format), UTF-8, Chinese kept readable."""
    data = nx.node_link_data(g, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str),
                    encoding="utf-8")
