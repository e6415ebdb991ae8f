"""From the store to networkx, GraphML, GEXF and JSON; pseudonymous and k-anonymous for
researchers; and back from a JSON export to a snapshot that analytics and matching read.

The graph is a MultiDiGraph. Each node carries ``kind`` (its node kind, e.g.
``ResidentUnit``), ``kind_label`` (the kind in Chinese), ``label`` (its name or title, the
pseudonym for a member in a pseudonymous export) and its properties; a resident unit's own
kind is ``unit_kind``. Each edge carries ``kind`` and its properties. Edges come from the
nodes' reference fields and from explicit relationships; an edge whose other end lies
outside the snapshot is left out. Bulky properties (a match run's full result) are left
out. ``docs/export-schema.md`` lists every attribute.

With a ``salt`` (researchers) the export is pseudonymous: a member's id becomes a salted
pseudonym and its quasi-identifiers are generalised by :mod:`graph.anonymity` until at
least five members share each exported combination; names of liaisons and signers become
pseudonyms, phone numbers are left out, and service records count the members who served
instead of naming them; notes of records and comments of evaluations are left out.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from graph.anonymity import anonymize_members
from graph.model import (
    NODE_TYPES,
    REL_TARGETS,
    Agreement,
    Evaluation,
    MatchRun,
    Node,
    OrgLevel,
    PartyMember,
    Relationship,
    ServiceRecord,
)
from graph.store import Snapshot

# properties too bulky for a graph file (a match run's result is tens of KB of JSON)
BULKY: dict[str, tuple[str, ...]] = {"MatchRun": ("result",)}
# attributes the export adds to a node's own properties
EXPORT_ONLY = ("kind", "kind_label", "label", "members_served")


def pseudonym(value: str, salt: str) -> str:
    """A stable pseudonym for a personal identifier (same input and salt, same output).

    >>> pseudonym("张三", "s") == pseudonym("张三", "s") != pseudonym("李四", "s")
    True
    """
    return "P-" + hashlib.sha256(f"{salt}:{value}".encode()).hexdigest()[:12]


def node_label(node: Node) -> str:
    """What a person reads on the node: its name or title, else its kind and what it is.

    >>> from graph.model import ResidentUnit
    >>> node_label(ResidentUnit(id="U1", name="洛阳某医院", kind="hospital", street_id="S1"))
    '洛阳某医院'
    """
    for field in ("name", "title"):
        value = getattr(node, field, None)
        if isinstance(value, str):
            return value
    if isinstance(node, ServiceRecord):
        return f"{node.LABEL} {node.date.isoformat()}"
    if isinstance(node, Evaluation):
        return f"{node.LABEL} {node.score}分"
    if isinstance(node, MatchRun):
        return f"{node.LABEL} {node.created:%Y-%m-%d %H:%M}"
    return f"{node.LABEL} {node.id}"


def _research_view(node: Node, attrs: dict[str, Any], salt: str) -> None:
    """Replace or drop what names a person (in place); free-text notes and comments, which
    name whoever the writer had in mind, are dropped."""
    for name in node.SENSITIVE:
        if name not in attrs:
            continue
        if name.endswith("phone"):
            del attrs[name]
        else:
            attrs[name] = pseudonym(str(attrs[name]), salt)
    if isinstance(node, Agreement):
        attrs["signatures"] = [{**s, "signer": pseudonym(s["signer"], salt)}
                               for s in attrs.get("signatures", [])]
    elif isinstance(node, ServiceRecord):
        attrs["members_served"] = len(attrs.pop("member_ids", []))
        attrs.pop("note", None)
    elif isinstance(node, Evaluation):
        attrs["by_id"] = pseudonym(node.by_id, salt)
        attrs.pop("comment", None)


def node_attributes(node: Node, salt: str | None = None) -> dict[str, Any]:
    """The node's attributes in a graph file; the research view when ``salt``."""
    attrs = {k: v for k, v in node.content().items()
             if v is not None and k not in BULKY.get(node.KIND, ())}
    attrs.pop("id", None)
    if "kind" in attrs:  # a resident unit's own kind
        attrs["unit_kind"] = attrs.pop("kind")
    label = node_label(node)
    if salt is not None:
        _research_view(node, attrs, salt)
        if node.PERSONAL:
            label = pseudonym(node.id, salt)
    attrs.update(kind=node.KIND, kind_label=node.LABEL, label=label, version=node.version)
    return attrs


def snapshot_to_networkx(snap: Snapshot, salt: str | None = None) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of a snapshot.

    With ``salt`` (researchers) members appear as k-anonymous pseudonyms: each member node
    carries only its pseudonym, category, age band and work unit kind as far as
    :func:`graph.anonymity.anonymize_members` lets them stand, with edges to generalised
    places; members it suppresses are left out.
    """
    g = nx.MultiDiGraph(scope=snap.scope_id, pseudonymous=salt is not None)
    kinds = {node.id: node.KIND for node in snap.nodes()}
    members = {m.id for m in snap.members}
    if salt is not None:
        views = anonymize_members(snap.members, snap.relationships,
                                  {o.id: o for o in snap.organizations},
                                  {u.id: u for u in snap.units})
        for member_id, view in views.items():
            pid = pseudonym(member_id, salt)
            g.add_node(pid, **view.attributes(), kind=PartyMember.KIND,
                       kind_label=PartyMember.LABEL, label=pid)
            for kind, place in sorted(view.edges):
                if place in kinds:
                    g.add_edge(pid, place, key=kind, kind=kind)
    for node in snap.nodes():
        if salt is not None and node.id in members:
            continue
        g.add_node(node.id, **node_attributes(node, salt))
        for _, edge, target in node.ref_targets():
            if edge and target in kinds and not (salt is not None and target in members):
                g.add_edge(node.id, target, key=edge, kind=edge)
    for r in snap.relationships:
        if salt is not None and (r.src in members or r.dst in members):
            continue  # a member's relationships are in its generalised view
        if r.src in kinds and r.dst in kinds:
            props = {k: v for k, v in r.model_dump(mode="json").items()
                     if k not in ("src", "dst") and v not in (None, {})}
            g.add_edge(r.src, r.dst, key=r.kind, **props)
    return g


def _scalar(value: Any) -> Any:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _one_type(values: list[Any]) -> type:
    kinds = {type(v) for v in values}
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {int, float}:
        return float
    return str


def _scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy holding scalars only (lists and mappings as JSON), each attribute of one type
    across all nodes (and all edges), as GraphML and GEXF declare one type per attribute."""
    nodes = [(n, {k: _scalar(v) for k, v in a.items()}) for n, a in g.nodes(data=True)]
    edges = [(u, v, k, {a: _scalar(b) for a, b in d.items()})
             for u, v, k, d in g.edges(keys=True, data=True)]
    for rows in ([a for _, a in nodes], [d for *_, d in edges]):
        seen: dict[str, list[Any]] = defaultdict(list)
        for attrs in rows:
            for k, v in attrs.items():
                seen[k].append(v)
        cast = {k: _one_type(v) for k, v in seen.items()}
        for attrs in rows:
            for k, v in attrs.items():
                if type(v) is not cast[k]:
                    attrs[k] = cast[k](v)
    h = nx.MultiDiGraph()
    h.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    h.add_nodes_from(nodes)
    h.add_edges_from(edges)
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Write GraphML; lists and mappings become JSON strings (GraphML holds scalars)."""
    nx.write_graphml(_scalar_graph(g), path, encoding="utf-8")


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """Write GEXF 1.2 (what Gephi opens): the node ``label`` is its name or pseudonym."""
    h = _scalar_graph(g)
    h.graph.clear()  # GEXF's graph element takes a mode, not free attributes
    nx.write_gexf(h, path, encoding="utf-8", version="1.2draft")


def write_json(g: nx.MultiDiGraph, path: Path) -> None:
    """Write node-link JSON (networkx's format), UTF-8, Chinese kept readable."""
    path.write_text(json_text(g), encoding="utf-8")


def json_text(g: nx.MultiDiGraph) -> str:
    """The node-link JSON of ``g`` (networkx's format), Chinese kept readable."""
    data = nx.node_link_data(g, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def read_json(path: Path) -> nx.MultiDiGraph:
    """A graph written by :func:`write_json`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    g: nx.MultiDiGraph = nx.node_link_graph(data, directed=True, multigraph=True,
                                            edges="edges")
    return g


def graph_to_snapshot(g: nx.MultiDiGraph) -> Snapshot:
    """The snapshot an export holds, for analytics and for the matcher (which is pure).

    Members of a pseudonymous export are generalised views, not members: they stay in the
    graph and are left out of the snapshot, as are their relationships.
    """
    snap = Snapshot(scope_id=str(g.graph.get("scope", "")), street_ids=[])
    lists: dict[str, list[Any]] = {
        "Organization": snap.organizations, "ResidentUnit": snap.units,
        "PartyMember": snap.members, "Need": snap.needs, "Resource": snap.resources,
        "Project": snap.projects, "Agreement": snap.agreements,
        "ServiceRecord": snap.service_records, "Evaluation": snap.evaluations,
        "MatchRun": snap.match_runs}
    pseudonymous = bool(g.graph.get("pseudonymous"))
    for node_id, attrs in g.nodes(data=True):
        cls = NODE_TYPES[attrs["kind"]]
        if pseudonymous and cls.PERSONAL:
            continue
        data = {k: v for k, v in attrs.items() if k not in EXPORT_ONLY}
        if "unit_kind" in data:
            data["kind"] = data.pop("unit_kind")
        lists[cls.KIND].append(cls.model_validate({"id": node_id, **data}))
    snap.street_ids = sorted(o.id for o in snap.organizations if o.level == OrgLevel.STREET)
    kinds = {n: a["kind"] for n, a in g.nodes(data=True)}
    for u, v, key, attrs in g.edges(keys=True, data=True):
        if key in REL_TARGETS and kinds[u] in REL_TARGETS[key][0] and not (
                pseudonymous and kinds[u] == PartyMember.KIND):
            snap.relationships.append(Relationship(
                kind=key, src=u, dst=v, since=attrs.get("since"),
                props=attrs.get("props") or {}))
    return snap


__all__ = ["BULKY", "graph_to_snapshot", "json_text", "node_attributes",
           "node_label", "pseudonym", "read_json", "snapshot_to_networkx", "write_gexf",
           "write_graphml", "write_json"]
