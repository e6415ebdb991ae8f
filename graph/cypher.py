"""Every Cypher statement of the Neo4j backend, as named constants with ``$parameters``.

Nothing here is ever built from user input: values always travel as parameters. Labels
and relationship types cannot be parameters in Cypher 5, so the statements that need one
are pre-built, one constant per kind, in the dicts :data:`CREATE_NODES`,
:data:`MERGE_DERIVED_EDGES` and :data:`MERGE_RELATIONSHIPS`. Their keys come from a fixed
whitelist -- the model's node kinds (:data:`graph.model.NODE_TYPES`), the edge kinds of
their reference fields (``Node.REFS``) and the explicit relationship kinds
(:data:`graph.model.REL_TARGETS`) -- and are built once, at import, from those constants
only. The backend looks statements up by kind; a kind outside the whitelist is a
``KeyError`` before anything reaches the server.

The data model in Neo4j
-----------------------
* every node has the label ``Node`` plus its kind label (``:Node:Need``) and the
  properties ``id``, ``kind``, ``version``, ``props`` (the JSON of ``node.content()``,
  exactly the text the embedded backend stores, so round trips are identical), the
  indexed columns of :data:`graph.store.INDEXED_FIELDS` (``street_id``, ``community_id``,
  ``unit_id``, ``status``) as real properties, and ``f_<field>`` for every other scalar
  field of the content, the value ``list`` filters on (the ``f_`` prefix keeps model fields
  such as ``ResidentUnit.kind`` from colliding with ``kind``);
* derived edges (from reference fields) are typed by their edge kind (``PART_OF``,
  ``RAISED_BY``...) with ``derived: true`` and no other property;
* explicit relationships (``REGISTERED_WITH``...) carry ``derived: false`` and ``props``,
  the JSON of their ``since`` and ``props``.

``tests/graph/test_cypher_lint.py`` lints every statement of this module with Neo4j's own
language support (``@neo4j-cypher/language-support``); :func:`statements` lists them.

>>> sorted(MERGE_RELATIONSHIPS)
['ALLIANCE_MEMBER', 'PART_TIME_MEMBER', 'REGISTERED_WITH']
>>> "CREATE (n:Node:Need)" in CREATE_NODES["Need"]
True
"""

from __future__ import annotations

from graph import model as _model
from graph import store as _store

# -- whitelists ---------------------------------------------------------------------------

NODE_KINDS: tuple[str, ...] = tuple(_model.NODE_TYPES)
EDGE_KINDS: tuple[str, ...] = tuple(sorted({
    edge for cls in _model.NODE_TYPES.values() for edge, _ in cls.REFS.values() if edge}))
REL_KINDS: tuple[str, ...] = tuple(sorted(_model.REL_TARGETS))
META_KINDS: tuple[str, ...] = ("GongjianMeta",)  # the store's own bookkeeping, not :Node
_REL_TYPES = "|".join(REL_KINDS)  # REGISTERED_WITH|ALLIANCE_MEMBER|... from the whitelist

# -- schema (run one by one, auto-commit, on start; all idempotent) -----------------------

SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT node_id_unique IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    # one bookkeeping node per key: two first writes at once MERGE the same data version
    f"CREATE CONSTRAINT meta_key_unique IF NOT EXISTS FOR (m:{META_KINDS[0]}) "
    "REQUIRE m.key IS UNIQUE",
    "CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)",
    *(f"CREATE INDEX node_{field} IF NOT EXISTS FOR (n:Node) ON (n.{field})"
      for field in _store.INDEXED_FIELDS),
    # the streets under a district are found by level; match runs by their scope
    "CREATE INDEX node_level IF NOT EXISTS FOR (n:Node) ON (n.f_level)",
    "CREATE INDEX node_scope IF NOT EXISTS FOR (n:Node) ON (n.f_scope_id)",
)

PING = "RETURN 1 AS ok"

# -- node writes --------------------------------------------------------------------------

# $rows: [{properties: {id, kind, version, props, street_id, ..., f_...}}]
CREATE_NODES: dict[str, str] = {
    kind: f"UNWIND $rows AS row\nCREATE (n:Node:{kind})\nSET n = row.properties"
    for kind in NODE_KINDS
}

# $rows: [{id, properties}]; SET n = map replaces every property (a field set to None
# loses its property, as the embedded backend's column becomes NULL).
UPDATE_NODES = """
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n = row.properties
"""

# Locks the nodes that exist (a write lock taken by SET, held to the end of the
# transaction) and reads them after the lock: the read sees the latest committed
# version, so two writers cannot both build on the same one (Cypher manual,
# "Concurrent data access"). $ids should be sorted, so writers lock in the same order.
LOCK_AND_READ_NODES = """
UNWIND $ids AS id
MATCH (n:Node {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, n.kind AS kind, n.version AS version, n.props AS props
"""

NODE_KINDS_OF = """
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, n.kind AS kind
"""

# derived edges of updated nodes are drawn again from their new reference fields
DELETE_DERIVED_EDGES = """
UNWIND $ids AS id
MATCH (:Node {id: id})-[r {derived: true}]->()
DELETE r
"""

# $rows: [{src, dst}]
MERGE_DERIVED_EDGES: dict[str, str] = {
    edge: ("UNWIND $rows AS row\n"
           "MATCH (a:Node {id: row.src})\n"
           "MATCH (b:Node {id: row.dst})\n"
           f"MERGE (a)-[r:{edge}]->(b)\n"
           "ON CREATE SET r.derived = true")
    for edge in EDGE_KINDS
}

# -- explicit relationships ---------------------------------------------------------------

# $keys: [{kind, src, dst}]
READ_RELATIONSHIPS_BY_KEY = """
UNWIND $keys AS k
MATCH (a:Node {id: k.src})-[r]->(b:Node {id: k.dst})
WHERE type(r) = k.kind AND r.derived = false
RETURN type(r) AS kind, a.id AS src, b.id AS dst, r.props AS props
"""

# $rows: [{src, dst, props}]
MERGE_RELATIONSHIPS: dict[str, str] = {
    kind: ("UNWIND $rows AS row\n"
           "MATCH (a:Node {id: row.src})\n"
           "MATCH (b:Node {id: row.dst})\n"
           f"MERGE (a)-[r:{kind}]->(b)\n"
           "SET r.derived = false, r.props = row.props")
    for kind in REL_KINDS
}

# $keys: [{kind, src, dst}], without duplicates
DELETE_RELATIONSHIPS = """
UNWIND $keys AS k
MATCH (a:Node {id: k.src})-[r]->(b:Node {id: k.dst})
WHERE type(r) = k.kind AND r.derived = false
DELETE r
RETURN count(r) AS removed
"""

# $kind, $src, $dst: each null for "any"
RELATIONSHIPS = f"""
MATCH (a:Node)-[r:{_REL_TYPES}]->(b:Node)
WHERE r.derived = false
  AND ($kind IS NULL OR type(r) = $kind)
  AND ($src IS NULL OR a.id = $src)
  AND ($dst IS NULL OR b.id = $dst)
RETURN type(r) AS kind, a.id AS src, b.id AS dst, r.props AS props
"""

# explicit relationships with either end among $ids, as one list of [kind, src, dst, props]
RELATIONSHIPS_TOUCHING = f"""
UNWIND $ids AS id
MATCH (:Node {{id: id}})-[r:{_REL_TYPES}]-(:Node)
WHERE r.derived = false
WITH DISTINCT r
RETURN collect([type(r), startNode(r).id, endNode(r).id, r.props]) AS rows
"""

# -- node reads ---------------------------------------------------------------------------

GET_NODES = """
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE n.kind = $kind
RETURN n.id AS id, n.props AS props, n.version AS version
"""

# The filters of ``list``: the kind; a scope ($everywhere, or the property $scope_key
# among $scope_values, or the id among $scope_ids); and $filters, a list of
# {key, values} with key a whitelisted property name (a model field's column) and values
# the accepted values. Dynamic property access n[key] takes the key as a parameter.
_LIST_MATCH = """
MATCH (n:Node)
WHERE n.kind = $kind
  AND ($everywhere OR n[$scope_key] IN $scope_values OR n.id IN $scope_ids)
  AND all(f IN $filters WHERE n[f.key] IN f.values)
"""

LIST_COUNT = _LIST_MATCH + "RETURN count(n) AS total"

# One page and the total in one round trip: the matches sorted, collected, sliced. Rows
# come back as one list of [id, props, version] (one Bolt message, not one per node).
_PAGE = """WITH collect(n) AS ns
RETURN size(ns) AS total, [x IN ns[$skip..($skip + $limit)] | [x.id, x.props, x.version]] AS rows"""

LIST_PAGE = _LIST_MATCH + "WITH n ORDER BY n.id\n" + _PAGE

# ``list(order=...)``: by the property $order_key, nodes without one last, ties by id; the
# direction cannot be a parameter, so one query per direction.
LIST_PAGE_ORDERED = {
    descending: _LIST_MATCH + f"WITH n ORDER BY n[$order_key] IS NULL, n[$order_key]{way}, "
    f"n.id{way}\n" + _PAGE for descending, way in ((False, ""), (True, " DESC"))}

# Every node of several listings at once ($queries: the parameters of _LIST_MATCH, one map
# per listing), as one list of [id, props, version] per listing number ``i``.
LIST_MANY = """
UNWIND range(0, size($queries) - 1) AS i
WITH i, $queries[i] AS q
MATCH (n:Node)
WHERE n.kind = q.kind
  AND (q.everywhere OR n[q.scope_key] IN q.scope_values OR n.id IN q.scope_ids)
  AND all(f IN q.filters WHERE n[f.key] IN f.values)
RETURN i, collect([n.id, n.props, n.version]) AS rows
"""

# A token every write transaction renews (``data_version``): one node outside :Node.
BUMP_DATA_VERSION = f"""
MERGE (m:{META_KINDS[0]} {{key: 'data_version'}})
SET m.token = randomUUID()
"""

DATA_VERSION = f"""
OPTIONAL MATCH (m:{META_KINDS[0]} {{key: 'data_version'}})
RETURN m.token AS token
"""

STREETS_UNDER = """
MATCH (s:Node)-[:PART_OF*0..]->(:Node {id: $scope})
WHERE s.kind = 'Organization' AND s.f_level = 'street'
RETURN DISTINCT s.id AS id
"""

# the organizations from $id up the PART_OF edges ($id itself included), as one list
ANCESTORS = """
MATCH (:Node {id: $id})-[:PART_OF*0..]->(a:Node)
WHERE a.kind = 'Organization'
WITH DISTINCT a
RETURN collect([a.id, a.props, a.version]) AS rows
"""

RESOURCES_OF_UNITS = """
MATCH (n:Node)
WHERE n.kind = 'Resource' AND n.unit_id IN $units
RETURN n.id AS id, n.props AS props, n.version AS version
"""

NEIGHBOURS_OUT = """
MATCH (n:Node {id: $id})-[r]->(m:Node)
WHERE $edge IS NULL OR type(r) = $edge
RETURN type(r) AS kind, n.id AS src, m.id AS dst, r.props AS props, r.derived AS derived
"""

NEIGHBOURS_IN = """
MATCH (m:Node)-[r]->(n:Node {id: $id})
WHERE $edge IS NULL OR type(r) = $edge
RETURN type(r) AS kind, m.id AS src, n.id AS dst, r.props AS props, r.derived AS derived
"""

# DISTINCT: an undirected match meets a self-loop twice
NEIGHBOURS_BOTH = """
MATCH (n:Node {id: $id})-[r]-(:Node)
WHERE $edge IS NULL OR type(r) = $edge
RETURN DISTINCT type(r) AS kind, startNode(r).id AS src, endNode(r).id AS dst,
       r.props AS props, r.derived AS derived
"""

COUNT_NODES = """
MATCH (n:Node)
RETURN n.kind AS kind, count(*) AS total
"""

COUNT_RELATIONSHIPS = f"""
MATCH ()-[r:{_REL_TYPES}]->()
WHERE r.derived = false
RETURN type(r) AS kind, count(*) AS total
"""

# tests only (Neo4jStore.clear): every node of the graph and its edges
DELETE_EVERYTHING = """
MATCH (n:Node)
DETACH DELETE n
"""


def statements() -> dict[str, str]:
    """Every statement of this module by a readable name (``CREATE_NODES[Need]``...).

    >>> "GET_NODES" in statements() and "MERGE_DERIVED_EDGES[PART_OF]" in statements()
    True
    """
    out: dict[str, str] = {}
    for name, value in globals().items():
        if not name.isupper() or name.startswith("_") or name.endswith("KINDS"):
            continue
        if isinstance(value, str):
            out[name] = value
        elif isinstance(value, dict):
            out.update({f"{name}[{k}]": v for k, v in value.items()})
        elif isinstance(value, tuple):
            out.update({f"{name}[{i}]": v for i, v in enumerate(value)})
    return out
