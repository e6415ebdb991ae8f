"""The Neo4j backend: the official ``neo4j`` driver, managed transactions, ``UNWIND`` batches.

Storage only: what both backends share -- scopes, list checks, snapshot assembly, counts,
versioned writes -- is :class:`graph.core.StoreCore`'s, so it behaves like
:class:`graph.embedded.EmbeddedStore` in everything the contract suite
(``tests/graph/test_store_contract.py``) checks. The data model and every statement are
in :mod:`graph.cypher`; the driver's errors are translated by :mod:`graph.neo4j_errors`.

Transactions
------------
A bulk upsert is ONE managed write transaction (``session.execute_write``): the caller's
nodes are consumed in chunks of :data:`BATCH` *inside* the transaction function and each
chunk is written with a few ``UNWIND`` statements, so an error anywhere -- a bad reference,
an exception raised by the caller's iterator half way -- rolls the whole batch back.
The driver runs the function again on a transient error (a deadlock, a leader switch);
an iterator cannot be read twice, so the chunks read so far are kept (:class:`graph.core.Replay`)
and a retry replays them before reading on. That keeps in memory what the server holds
in its transaction state anyway, and lets the first chunks be written while the caller
is still producing the next ones.

Concurrency: a writer locks the existing nodes it is about to change *before* reading
their version (``SET n._lock`` in :data:`graph.cypher.LOCK_AND_READ_NODES`), so two
transitions from one version cannot both win, as with the embedded backend's single
writer. Two batches creating the same new id at the same moment meet the uniqueness
constraint; the loser gets :class:`~graph.errors.VersionConflict` and may simply retry.

Errors: every exception of the driver is translated into the graph package's errors by
:func:`graph.neo4j_errors.translate` (one table, in its own module); no ``neo4j`` exception leaves
this module. Unreachable server, rejected credentials and a missing database fail the
constructor at once with :class:`~graph.errors.StoreUnavailable` naming the setting to fix.

>>> Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret", "neo4j",
...            connection_timeout=1)  # nothing listens on port 1
Traceback (most recent call last):
...
graph.errors.StoreUnavailable: 无法连接 Neo4j（bolt://127.0.0.1:1）...请检查 NEO4J_URI...
"""

from __future__ import annotations

import builtins
import json
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as driver_errors

from graph import cypher
from graph.core import EdgeKey, EdgeRow, NodeRow, Query, StoreCore, Stored, WriteTx, chunks
from graph.errors import GraphError, StoreUnavailable
from graph.model import Node, Relationship
from graph.neo4j_errors import translate
from graph.planning import NodePlan
from graph.store import INDEXED_FIELDS, Edge, Page, Snapshot

N = TypeVar("N", bound=Node)
T = TypeVar("T")

IDS_PER_QUERY = 10_000  # ids sent as one list parameter
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


# -- helpers ------------------------------------------------------------------------------

def _properties(node_id: str, kind: str, version: int, props: Mapping[str, Any],
                blob: str) -> dict[str, Any]:
    """The Neo4j properties of a node: see the data model in :mod:`graph.cypher`."""
    out: dict[str, Any] = {"id": node_id, "kind": kind, "version": version, "props": blob}
    for name, value in props.items():
        if value is None or name == "id":
            continue
        if name in INDEXED_FIELDS:
            out[name] = value
        elif isinstance(value, bool):  # as SQLite's ``json_extract`` sees it
            out[f"f_{name}"] = 1 if value else 0
        elif isinstance(value, str | int | float):
            out[f"f_{name}"] = value
        # lists and mappings are not filterable columns (nor are they in the embedded store)
    return out


def _key(field: str) -> str:
    """The property a (whitelisted) model field is filtered on."""
    return field if field in INDEXED_FIELDS or field == "id" else f"f_{field}"


def _edge_props(props: str | None) -> dict[str, Any]:
    return json.loads(props) if props else {}


def _params(query: Query) -> dict[str, Any]:
    """The parameters of ``graph.cypher``'s ``LIST_*`` statements for ``query``."""
    f = query.scope
    return {"kind": query.kind.KIND, "everywhere": f is None,
            "scope_key": _key(f.field) if f else "id",
            "scope_values": list(f.values) if f else [], "scope_ids": list(f.ids) if f else [],
            "filters": [{"key": _key(name), "values": list(values)}
                        for name, values in query.filters]}


def _rows(records: Iterable[neo4j.Record]) -> builtins.list[NodeRow]:
    return [(r["id"], r["props"], r["version"]) for r in records]


def _relationships(rows: Iterable[neo4j.Record]) -> builtins.list[Relationship]:
    """Explicit relationships from rows of (kind, src, dst, props), ordered as embedded."""
    rels = [Relationship(kind=r["kind"], src=r["src"], dst=r["dst"],
                         **_edge_props(r["props"])) for r in rows]
    return sorted(rels, key=lambda r: r.key)


def _run(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> builtins.list[neo4j.Record]:
    return list(tx.run(query, params))


# -- the store ----------------------------------------------------------------------------

class Neo4jStore(StoreCore):
    """A :class:`~graph.store.GraphStore` on a Neo4j 5 server. Thread-safe (one session
    per call over the driver's connection pool).

    Parameters
    ----------
    uri, user, password, database
        ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
    connection_timeout
        Seconds to wait for a TCP connection: the start fails fast when nothing answers.
    max_transaction_retry_time
        Seconds the driver keeps retrying a transaction after transient errors.
    """

    PLACE = "Neo4j "

    def __init__(self, uri: str, user: str, password: str | None, database: str = "neo4j",
                 *, connection_timeout: float = 5.0,
                 max_transaction_retry_time: float = 15.0) -> None:
        super().__init__()
        self.uri, self.user, self.database = uri, user, database
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        if scheme not in SCHEMES:
            raise StoreUnavailable(
                f"NEO4J_URI「{uri}」不是 Neo4j 的 Bolt 地址；请检查 NEO4J_URI，"
                f"例如 bolt://localhost:7687（可用的协议：{'、'.join(SCHEMES)}）", uri=uri)
        if not database:
            raise StoreUnavailable("NEO4J_DATABASE 为空；请检查 NEO4J_DATABASE（通常为 neo4j）")
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
        self._local = threading.local()  # the read transaction a list or snapshot runs in
        with self._translated():
            self._driver = neo4j.GraphDatabase.driver(
                # no password: no authentication (the local server of ``make neo4j``)
                uri, auth=(user, password) if password else None,
                connection_timeout=connection_timeout,
                # an empty (or young) database knows no label, relationship type or
                # property yet: the server's "does not exist" notes are expected, not news
                notifications_disabled_classifications=[
                    neo4j.NotificationDisabledClassification.UNRECOGNIZED],
                connection_acquisition_timeout=max(connection_timeout, 1.0) * 2,
                max_transaction_retry_time=max_transaction_retry_time)
        try:
            with self._translated():
                self._driver.verify_connectivity()
                with self._driver.session(database=database) as session:
                    session.run(cypher.PING).consume()  # a missing database fails here
                    for statement in cypher.SCHEMA:
                        session.run(statement).consume()
        except BaseException:
            self._driver.close()
            raise

    def close(self) -> None:
        with self._translated():
            self._driver.close()

    def clear(self, *, confirm: str) -> None:
        """Delete every node and edge of the database. For tests: ``confirm`` must repeat
        the database's name, so it is not called by accident."""
        if confirm != self.database:
            raise GraphError(f"clear() 须以 confirm={self.database!r} 确认，收到 {confirm!r}")
        self._write(lambda tx: _run(tx, cypher.DELETE_EVERYTHING))

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except driver_errors.GqlError as e:
            raise translate(e, uri=self.uri, user=self.user, database=self.database) from None

    def _session(self) -> neo4j.Session:
        # one bookmark manager for every session of this store: a read sees every write this
        # store committed before it, also on a cluster where the read goes to a follower
        return self._driver.session(database=self.database, bookmark_manager=self._bookmarks)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        def versioned(tx: neo4j.ManagedTransaction) -> T:
            out = work(tx)
            _run(tx, cypher.BUMP_DATA_VERSION)  # renewed with the write, or not at all
            return out

        with self._translated(), self._session() as session:
            return session.execute_write(versioned)

    def _read_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        tx = getattr(self._local, "tx", None)
        if tx is not None:  # inside _one_read: the same transaction, no round trips more
            return work(tx)
        with self._translated(), self._session() as session:
            return session.execute_read(work)

    def _one_read(self, run: Callable[[], T]) -> T:
        """``run`` with every read it makes in one read transaction (retried as a whole):
        a list or a snapshot pays for one transaction, not one per query."""
        if getattr(self._local, "tx", None) is not None:
            return run()

        def work(tx: neo4j.ManagedTransaction) -> T:
            self._local.tx = tx
            try:
                return run()
            finally:
                self._local.tx = None

        with self._translated(), self._session() as session:
            return session.execute_read(work)

    def list(self, kind: type[N], *, scope: str | None = None,
             filters: Mapping[str, Any] | None = None, page: int = 1,
             size: int = 50, order: str | None = None) -> Page[N]:
        return self._one_read(lambda: super(Neo4jStore, self).list(
            kind, scope=scope, filters=filters, page=page, size=size, order=order))

    def snapshot(self, scope: str, kinds: Collection[str] | None = None) -> Snapshot:
        return self._one_read(lambda: super(Neo4jStore, self).snapshot(scope, kinds))

    def _query(self, query: str, **params: Any) -> builtins.list[neo4j.Record]:
        return self._read_tx(lambda tx: _run(tx, query, **params))

    # -- writes ---------------------------------------------------------------------------

    def _in_write(self, work: Callable[[WriteTx], T]) -> T:
        return self._write(lambda tx: work(_BoltTx(tx)))

    def remove_relationships(self, keys: Iterable[tuple[str, str, str]]) -> int:
        wanted = [{"kind": k, "src": s, "dst": d} for k, s, d in dict.fromkeys(keys)]

        def work(tx: neo4j.ManagedTransaction) -> int:
            removed = 0
            for part in chunks(wanted, IDS_PER_QUERY):
                removed += _run(tx, cypher.DELETE_RELATIONSHIPS, keys=part)[0]["removed"]
            return removed

        return self._write(work)

    # -- reads ----------------------------------------------------------------------------

    def _node_rows(self, kind: type[Node], ids: builtins.list[str]) -> builtins.list[NodeRow]:
        if len(ids) == 1:
            return _rows(self._query(cypher.GET_NODES, ids=ids, kind=kind.KIND))

        def work(tx: neo4j.ManagedTransaction) -> builtins.list[NodeRow]:
            return [row for part in chunks(ids, IDS_PER_QUERY)
                    for row in _rows(_run(tx, cypher.GET_NODES, ids=part, kind=kind.KIND))]

        return self._read_tx(work)

    def _page_rows(self, query: Query, skip: int, limit: int
                   ) -> tuple[int, builtins.list[NodeRow]]:
        params = _params(query)
        statement = cypher.LIST_PAGE
        if query.order is not None:
            statement = cypher.LIST_PAGE_ORDERED[query.order[1]]
            params["order_key"] = _key(query.order[0])
        found = self._query(statement, **params, skip=skip, limit=limit)[0]
        return int(found["total"]), [tuple(row) for row in found["rows"]]

    def _count_rows(self, query: Query) -> int:
        return int(self._query(cypher.LIST_COUNT, **_params(query))[0]["total"])

    def data_version(self) -> str:
        return str(self._query(cypher.DATA_VERSION)[0]["token"] or "")

    def _streets_below(self, scope_id: str) -> builtins.list[str]:
        return [r["id"] for r in self._query(cypher.STREETS_UNDER, scope=scope_id)]

    def _scope_rows(self, start: str, queries: Sequence[Query]
                    ) -> tuple[builtins.list[NodeRow], builtins.list[builtins.list[NodeRow]]]:
        def work(tx: neo4j.ManagedTransaction
                 ) -> tuple[builtins.list[neo4j.Record], builtins.list[neo4j.Record]]:
            return (_run(tx, cypher.ANCESTORS, id=start),
                    _run(tx, cypher.LIST_MANY, queries=[_params(q) for q in queries]))

        above, found = self._read_tx(work)
        by_query: dict[int, builtins.list[NodeRow]] = {r["i"]: [tuple(x) for x in r["rows"]]
                                                       for r in found}
        return ([tuple(x) for x in above[0]["rows"]] if above else [],
                [by_query.get(i, []) for i in range(len(queries))])

    def _relationships_touching(self, ids: set[str]) -> builtins.list[Relationship]:
        wanted = sorted(ids)

        def work(tx: neo4j.ManagedTransaction) -> builtins.list[Any]:
            return [row for part in chunks(wanted, IDS_PER_QUERY)
                    for r in _run(tx, cypher.RELATIONSHIPS_TOUCHING, ids=part)
                    for row in r["rows"]]

        rows = self._read_tx(work) if wanted else []
        unique = {(k, s, d): p for k, s, d, p in rows}
        rels = [Relationship(kind=k, src=s, dst=d, **_edge_props(p))
                for (k, s, d), p in unique.items()]
        return sorted(rels, key=lambda r: r.key)

    def _resources_of_units(self, units: builtins.list[str]) -> builtins.list[NodeRow]:
        return _rows(self._query(cypher.RESOURCES_OF_UNITS, units=units))

    def _edges(self, id: str, edge: str | None, direction: str) -> builtins.list[Edge]:
        query = {"out": cypher.NEIGHBOURS_OUT, "in": cypher.NEIGHBOURS_IN,
                 "both": cypher.NEIGHBOURS_BOTH}[direction]
        rows = self._query(query, id=id, edge=edge)
        edges = [Edge(r["kind"], r["src"], r["dst"], _edge_props(r["props"]),
                      bool(r["derived"])) for r in rows]
        return sorted(edges, key=lambda e: (e.kind, e.src, e.dst))

    def relationships(self, kind: str | None = None, *, src: str | None = None,
                      dst: str | None = None) -> builtins.list[Relationship]:
        return _relationships(self._query(cypher.RELATIONSHIPS, kind=kind, src=src, dst=dst))

    def _totals(self) -> dict[str, int]:
        def work(tx: neo4j.ManagedTransaction) -> builtins.list[neo4j.Record]:
            return [*_run(tx, cypher.COUNT_NODES), *_run(tx, cypher.COUNT_RELATIONSHIPS)]

        return {r["kind"]: r["total"] for r in self._read_tx(work)}


class _BoltTx:
    """The shared writes' view of one managed transaction (:class:`graph.core.WriteTx`)."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx

    def existing(self, ids: Sequence[str]) -> dict[str, Stored]:
        out: dict[str, Stored] = {}
        for part in chunks(sorted(ids), IDS_PER_QUERY):  # sorted: writers lock in one order
            for r in _run(self.tx, cypher.LOCK_AND_READ_NODES, ids=part):
                out[r["id"]] = (r["kind"], r["version"], r["props"])
        return out

    def kinds(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(sorted(set(ids)), IDS_PER_QUERY):
            out.update((r["id"], r["kind"]) for r in _run(self.tx, cypher.NODE_KINDS_OF,
                                                           ids=part))
        return out

    def apply(self, plan: NodePlan) -> None:
        creates: dict[str, list[dict[str, Any]]] = {}
        for w in plan.creates:
            creates.setdefault(w.node.KIND, []).append(
                {"properties": _properties(w.node.id, w.node.KIND, w.version, w.props, w.blob)})
        for kind, rows in creates.items():
            _run(self.tx, cypher.CREATE_NODES[kind], rows=rows)
        if plan.updates:
            _run(self.tx, cypher.UPDATE_NODES, rows=[
                {"id": w.node.id,
                 "properties": _properties(w.node.id, w.node.KIND, w.version, w.props, w.blob)}
                for w in plan.updates])
        if plan.stale_edges_of:
            _run(self.tx, cypher.DELETE_DERIVED_EDGES, ids=plan.stale_edges_of)
        edges: dict[str, list[dict[str, str]]] = {}
        for edge, src, dst in plan.edges:
            edges.setdefault(edge, []).append({"src": src, "dst": dst})
        for edge, erows in edges.items():
            _run(self.tx, cypher.MERGE_DERIVED_EDGES[edge], rows=erows)

    def relationship_props(self, keys: Sequence[EdgeKey]) -> dict[EdgeKey, str]:
        stored: dict[EdgeKey, str] = {}
        for part in chunks(keys, IDS_PER_QUERY):
            for rec in _run(self.tx, cypher.READ_RELATIONSHIPS_BY_KEY,
                            keys=[{"kind": k, "src": s, "dst": d} for k, s, d in part]):
                stored[(rec["kind"], rec["src"], rec["dst"])] = rec["props"]
        return stored

    def merge_relationships(self, rows: Sequence[EdgeRow]) -> None:
        by_kind: dict[str, list[dict[str, str]]] = {}
        for kind, src, dst, blob in rows:
            by_kind.setdefault(kind, []).append({"src": src, "dst": dst, "props": blob})
        for kind, krows in by_kind.items():
            _run(self.tx, cypher.MERGE_RELATIONSHIPS[kind], rows=krows)
