"""The Neo4j backend: the official ``neo4j`` driver, managed transactions, ``UNWIND`` batches.

Behaves like :class:`graph.embedded.EmbeddedStore` in everything the contract suite
(``tests/graph/test_store_contract.py``) checks and beyond: the same messages, the same
:class:`~graph.store.UpsertReport` counts, the same versions, filters, paging and orders.
The data model and every statement are in :mod:`graph.cypher`.

Transactions
------------
A bulk upsert is ONE managed write transaction (``session.execute_write``): the caller's
nodes are consumed in chunks of :data:`BATCH` *inside* the transaction function and each
chunk is written with a few ``UNWIND`` statements, so an error anywhere -- a bad reference,
an exception raised by the caller's iterator half way -- rolls the whole batch back.
The driver runs the function again on a transient error (a deadlock, a leader switch);
an iterator cannot be read twice, so the chunks read so far are kept (:class:`_Replay`)
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
import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum
from itertools import islice
from typing import Any, TypeVar

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_errors
from pydantic import ValidationError

from graph import cypher
from graph.errors import (
    GraphError,
    ModelError,
    NotFound,
    StoreUnavailable,
    VersionConflict,
)
from graph.export import snapshot_to_networkx
from graph.model import (
    NODE_TYPES,
    MatchRun,
    Node,
    Organization,
    OrgLevel,
    Relationship,
    ResidentUnit,
    Resource,
)
from graph.neo4j_errors import translate
from graph.planning import check_refs, check_versions, latest_by_id, plan_nodes, relationship_rows
from graph.store import (
    INDEXED_FIELDS,
    Edge,
    Page,
    Snapshot,
    UpsertReport,
    Versioned,
    WriteResult,
    order_field,
    snapshot_kinds,
)

N = TypeVar("N", bound=Node)
T = TypeVar("T")

BATCH = 2000  # nodes per chunk, as the embedded backend: forward references work within one
IDS_PER_QUERY = 10_000  # ids sent as one list parameter
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


# -- helpers ------------------------------------------------------------------------------

def _chunks(items: Iterable[T], n: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


class _Replay:
    """Chunks of an iterable, read once and replayable: a retried transaction sees them all.

    >>> r = _Replay(iter(range(5)), 2)
    >>> list(r.chunks()), list(r.chunks())
    ([[0, 1], [2, 3], [4]], [[0, 1], [2, 3], [4]])
    """

    def __init__(self, items: Iterable[Any], n: int) -> None:
        self._it = iter(items)
        self._n = n
        self._seen: list[list[Any]] = []
        self._done = False

    def chunks(self) -> Iterator[list[Any]]:
        i = 0
        while True:
            if i < len(self._seen):
                yield self._seen[i]
                i += 1
                continue
            if self._done:
                return
            chunk = list(islice(self._it, self._n))
            if not chunk:
                self._done = True
                return
            self._seen.append(chunk)


def _column(value: Any) -> Any:
    """A content value as SQLite's ``json_extract`` sees it (bools are 1 and 0)."""
    if isinstance(value, bool):
        return 1 if value else 0
    return value


def _properties(node_id: str, kind: str, version: int, props: Mapping[str, Any],
                blob: str) -> dict[str, Any]:
    """The Neo4j properties of a node: see the data model in :mod:`graph.cypher`."""
    out: dict[str, Any] = {"id": node_id, "kind": kind, "version": version, "props": blob}
    for name, value in props.items():
        if value is None or name == "id":
            continue
        if name in INDEXED_FIELDS:
            out[name] = value
        elif isinstance(value, str | int | float | bool):
            out[f"f_{name}"] = _column(value)
        # lists and mappings are not filterable columns (nor are they in the embedded store)
    return out


def _key(field: str) -> str:
    """The property ``list`` filters on for a (whitelisted) model field."""
    return field if field in INDEXED_FIELDS or field == "id" else f"f_{field}"


def _filter_value(value: Any) -> Any:
    """A filter value as the embedded backend binds it (mirrors sqlite3's adapters)."""
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _load(kind: type[N], props: str, version: int) -> N:
    data = json.loads(props)
    data["version"] = version
    try:
        return kind.model_validate(data)
    except ValidationError as e:  # a node written by an older, looser version
        raise GraphError(f"Neo4j 中的{kind.LABEL} {data.get('id')} 无法读取：{e}") from None


def _edge_props(props: str | None) -> dict[str, Any]:
    return json.loads(props) if props else {}


_Scope = dict[str, Any]  # the scope parameters of graph.cypher's LIST_* statements
_EVERYWHERE: _Scope = {"everywhere": True, "scope_key": "id", "scope_values": [],
                       "scope_ids": []}
_NOWHERE: _Scope = {"everywhere": False, "scope_key": "id", "scope_values": [],
                    "scope_ids": []}



# -- the store ----------------------------------------------------------------------------

class Neo4jStore:
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

    def __init__(self, uri: str, user: str, password: str | None, database: str = "neo4j",
                 *, connection_timeout: float = 5.0,
                 max_transaction_retry_time: float = 15.0) -> None:
        self.uri, self.user, self.database = uri, user, database
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        if scheme not in SCHEMES:
            raise StoreUnavailable(
                f"NEO4J_URI「{uri}」不是 Neo4j 的 Bolt 地址；请检查 NEO4J_URI，"
                f"例如 bolt://localhost:7687（可用的协议：{'、'.join(SCHEMES)}）", uri=uri)
        if not database:
            raise StoreUnavailable("NEO4J_DATABASE 为空；请检查 NEO4J_DATABASE（通常为 neo4j）")
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
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
        self._write(lambda tx: self._run(tx, cypher.DELETE_EVERYTHING))

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except neo4j_errors.GqlError as e:
            raise translate(e, uri=self.uri, user=self.user, database=self.database) from None

    def _session(self) -> neo4j.Session:
        # one bookmark manager for every session of this store: a read sees every write this
        # store committed before it, also on a cluster where the read goes to a follower
        return self._driver.session(database=self.database, bookmark_manager=self._bookmarks)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        def versioned(tx: neo4j.ManagedTransaction) -> T:
            out = work(tx)
            self._run(tx, cypher.BUMP_DATA_VERSION)  # renewed with the write, or not at all
            return out

        with self._translated(), self._session() as session:
            return session.execute_write(versioned)

    def _read_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with self._translated(), self._session() as session:
            return session.execute_read(work)

    def _query(self, query: str, **params: Any) -> builtins.list[neo4j.Record]:
        return self._read_tx(lambda tx: self._run(tx, query, **params))

    @staticmethod
    def _run(tx: neo4j.ManagedTransaction, query: str, **params: Any
             ) -> builtins.list[neo4j.Record]:
        return list(tx.run(query, params))

    # -- writes ---------------------------------------------------------------------------

    def upsert(self, nodes: Iterable[Node] = (),
               relationships: Iterable[Relationship] = ()) -> UpsertReport:
        node_chunks, rel_chunks = _Replay(nodes, BATCH), _Replay(relationships, BATCH)

        def work(tx: neo4j.ManagedTransaction) -> UpsertReport:
            report = UpsertReport()  # afresh on each attempt
            for chunk in node_chunks.chunks():
                self._upsert_nodes(tx, chunk, report)
            for rchunk in rel_chunks.chunks():
                self._upsert_relationships(tx, rchunk, report)
            return report

        return self._write(work)

    def _existing(self, tx: neo4j.ManagedTransaction, ids: Sequence[str]
                  ) -> dict[str, tuple[str, int, str]]:
        """id -> (kind, version, props) of the nodes among ``ids``, locked for this write."""
        out: dict[str, tuple[str, int, str]] = {}
        for part in _chunks(sorted(ids), IDS_PER_QUERY):
            for r in self._run(tx, cypher.LOCK_AND_READ_NODES, ids=part):
                out[r["id"]] = (r["kind"], r["version"], r["props"])
        return out

    def _kinds(self, tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in _chunks(sorted(set(ids)), IDS_PER_QUERY):
            out.update((r["id"], r["kind"]) for r in self._run(tx, cypher.NODE_KINDS_OF,
                                                                ids=part))
        return out

    def _upsert_nodes(self, tx: neo4j.ManagedTransaction, chunk: Sequence[Node],
                      report: UpsertReport) -> dict[str, int]:
        seen = latest_by_id(chunk)
        plan = plan_nodes(seen, self._existing(tx, list(seen)), report)
        found = dict(plan.batch_kinds)
        found.update(self._kinds(tx, [t for t in plan.wanted if t not in found]))
        check_refs(plan.wanted, found)
        creates: dict[str, list[dict[str, Any]]] = {}
        for w in plan.creates:
            creates.setdefault(w.node.KIND, []).append(
                {"properties": _properties(w.node.id, w.node.KIND, w.version, w.props, w.blob)})
        for kind, rows in creates.items():
            self._run(tx, cypher.CREATE_NODES[kind], rows=rows)
        if plan.updates:
            self._run(tx, cypher.UPDATE_NODES, rows=[
                {"id": w.node.id,
                 "properties": _properties(w.node.id, w.node.KIND, w.version, w.props, w.blob)}
                for w in plan.updates])
        if plan.stale_edges_of:
            self._run(tx, cypher.DELETE_DERIVED_EDGES, ids=plan.stale_edges_of)
        edges: dict[str, list[dict[str, str]]] = {}
        for edge, src, dst in plan.edges:
            edges.setdefault(edge, []).append({"src": src, "dst": dst})
        for edge, erows in edges.items():
            self._run(tx, cypher.MERGE_DERIVED_EDGES[edge], rows=erows)
        return plan.versions

    def _upsert_relationships(self, tx: neo4j.ManagedTransaction,
                              chunk: Sequence[Relationship], report: UpsertReport) -> None:
        kinds = self._kinds(tx, {i for r in chunk for i in (r.src, r.dst)})
        rows = relationship_rows(chunk, kinds)
        keys = sorted({(k, s, d) for k, s, d, _ in rows})
        stored: dict[tuple[str, str, str], str | None] = {}
        for part in _chunks(keys, IDS_PER_QUERY):
            for rec in self._run(tx, cypher.READ_RELATIONSHIPS_BY_KEY,
                                 keys=[{"kind": k, "src": s, "dst": d} for k, s, d in part]):
                stored[(rec["kind"], rec["src"], rec["dst"])] = rec["props"]
        # row by row, as the embedded backend's executemany: a row changes what differs
        # from the stored value, or from the row before it with the same key
        changed = 0
        final: dict[tuple[str, str, str], str] = {}
        for kind, src, dst, blob in rows:
            key = (kind, src, dst)
            current = final.get(key, stored.get(key))
            if current != blob:
                changed += 1
            final[key] = blob
        by_kind: dict[str, list[dict[str, str]]] = {}
        for (kind, src, dst), blob in final.items():
            if stored.get((kind, src, dst)) != blob:
                by_kind.setdefault(kind, []).append({"src": src, "dst": dst, "props": blob})
        for kind, krows in by_kind.items():
            self._run(tx, cypher.MERGE_RELATIONSHIPS[kind], rows=krows)
        created = sum(1 for kind, src, dst, _ in rows if (kind, src, dst) not in stored)
        report.count(report.created, "relationships", created)
        report.count(report.updated, "relationships", changed - created)
        report.count(report.unchanged, "relationships", len(rows) - changed)

    def remove_relationships(self, keys: Iterable[tuple[str, str, str]]) -> int:
        wanted = [{"kind": k, "src": s, "dst": d} for k, s, d in dict.fromkeys(keys)]

        def work(tx: neo4j.ManagedTransaction) -> int:
            removed = 0
            for part in _chunks(wanted, IDS_PER_QUERY):
                removed += self._run(tx, cypher.DELETE_RELATIONSHIPS, keys=part)[0]["removed"]
            return removed

        return self._write(work)

    def transition(self, kind: type[N], id: str, expected_version: int,
                   changes: Mapping[str, Any], also: Iterable[Node] = ()) -> N:
        extra = list(also)  # read once: the driver may run ``work`` again

        def work(tx: neo4j.ManagedTransaction) -> N:
            rows = self._run(tx, cypher.LOCK_AND_READ_NODES, ids=[id])
            if not rows or rows[0]["kind"] != kind.KIND:
                raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id)
            version, props = rows[0]["version"], rows[0]["props"]
            if version != expected_version:
                current = _load(kind, props, version)
                raise VersionConflict(
                    f"{kind.LABEL} {id} 已被他人修改（您看到的是第 {expected_version} 版，"
                    f"当前为第 {version} 版），请刷新后重试",
                    id=id, expected=expected_version, current=version,
                    state=current.model_dump(mode="json"))
            data = {**json.loads(props), **changes, "version": version + 1}
            try:
                node = kind.model_validate(data)
            except ValidationError as e:
                raise ModelError(f"{kind.LABEL} {id} 的修改无效：{e.errors()[0]['msg']}",
                                 id=id) from None
            versions = self._upsert_nodes(tx, [node, *extra], UpsertReport())
            # a change that changes nothing keeps the stored version: return that one
            return node.model_copy(update={"version": versions[id]})

        return self._write(work)

    def write(self, writes: Iterable[Versioned], also: Iterable[Node] = (),
              relationships: Iterable[Relationship] = ()) -> WriteResult:
        checked = list(writes)  # read once: the driver may run ``work`` again
        extra, rels = _Replay(also, BATCH), _Replay(relationships, BATCH)
        ids = [w.node.id for w in checked]

        def work(tx: neo4j.ManagedTransaction) -> WriteResult:
            report = UpsertReport()  # afresh on each attempt
            # locks every node of the batch that exists, then reads it: a writer that
            # committed before holds no more sway, one that comes after waits for us
            check_versions(checked, self._existing(tx, ids))
            versions: dict[str, int] = {}
            for chunk in _chunks([w.node for w in checked], BATCH):
                versions.update(self._upsert_nodes(tx, chunk, report))
            for chunk in extra.chunks():
                self._upsert_nodes(tx, chunk, report)
            for rchunk in rels.chunks():
                self._upsert_relationships(tx, rchunk, report)
            return WriteResult({i: versions[i] for i in ids}, report)

        return self._write(work)

    # -- reads ----------------------------------------------------------------------------

    def get(self, kind: type[N], id: str) -> N:
        rows = self._query(cypher.GET_NODE, id=id, kind=kind.KIND)
        if not rows:
            raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id, kind=kind.KIND)
        return _load(kind, rows[0]["props"], rows[0]["version"])

    def get_many(self, kind: type[N], ids: Iterable[str]) -> dict[str, N]:
        wanted = list(dict.fromkeys(ids))

        def work(tx: neo4j.ManagedTransaction) -> builtins.list[neo4j.Record]:
            return [r for part in _chunks(wanted, IDS_PER_QUERY)
                    for r in self._run(tx, cypher.GET_NODES, ids=part, kind=kind.KIND)]

        rows = self._read_tx(work) if wanted else []
        return {r["id"]: _load(kind, r["props"], r["version"])
                for r in sorted(rows, key=lambda r: str(r["id"]))}

    def list(self, kind: type[N], *, scope: str | None = None,
             filters: Mapping[str, Any] | None = None, page: int = 1,
             size: int = 50, order: str | None = None) -> Page[N]:
        if page < 1 or not 1 <= size <= 10_000:
            raise ModelError(f"分页参数无效：page={page}, size={size}（page≥1，1≤size≤10000）")
        params = self._list_params(kind, scope, filters)
        query = cypher.LIST_PAGE
        if order is not None:
            name, descending = order_field(kind, order)
            query, params["order_key"] = cypher.LIST_PAGE_ORDERED[descending], _key(name)

        def work(tx: neo4j.ManagedTransaction) -> tuple[int, builtins.list[neo4j.Record]]:
            total = self._run(tx, cypher.LIST_COUNT, **params)[0]["total"]
            rows = self._run(tx, query, **params, skip=(page - 1) * size, limit=size)
            return total, rows

        total, rows = self._read_tx(work)
        return Page([_load(kind, r["props"], r["version"]) for r in rows], total, page, size)

    def count(self, kind: type[N], *, scope: str | None = None,
              filters: Mapping[str, Any] | None = None) -> int:
        params = self._list_params(kind, scope, filters)
        return int(self._query(cypher.LIST_COUNT, **params)[0]["total"])

    def data_version(self) -> str:
        return str(self._query(cypher.DATA_VERSION)[0]["token"] or "")

    def _list_params(self, kind: type[N], scope: str | None,
                     filters: Mapping[str, Any] | None) -> dict[str, Any]:
        params: dict[str, Any] = {"kind": kind.KIND,
                                  **(self._scope(kind, scope) if scope is not None
                                     else _EVERYWHERE)}
        conditions = []
        for name, value in (filters or {}).items():
            if name not in kind.model_fields or name == "version":
                raise ModelError(f"{kind.LABEL}没有可筛选的字段 {name}", field=name)
            if isinstance(value, list | tuple | set):
                values = sorted(str(v) for v in value)
            else:
                values = [_filter_value(value)]
            conditions.append({"key": _key(name), "values": values})
        params["filters"] = conditions
        return params

    def _scope(self, kind: type[Node], scope: str) -> _Scope:
        return _scope_params(kind, scope, *self._scope_streets(scope))

    def _scope_streets(self, scope: str) -> tuple[builtins.list[str], str | None]:
        """The streets under ``scope``, and the community when ``scope`` is one."""
        org = self.get(Organization, scope)
        if org.level == OrgLevel.STREET:
            return [org.id], None
        if org.level == OrgLevel.COMMUNITY:
            return [org.street_id or org.parent_id or ""], org.id
        if org.level not in (OrgLevel.DISTRICT, OrgLevel.CITY):
            raise ModelError(f"范围 {scope} 是{org.name}，只能按市、区、街道或社区选取范围")
        rows = self._query(cypher.STREETS_UNDER, scope=scope)
        return sorted(r["id"] for r in rows), None

    def neighbours(self, id: str, *, edge: str | None = None,
                   direction: str = "both") -> builtins.list[Edge]:
        if direction not in ("out", "in", "both"):
            raise ModelError(f"direction 只能是 out、in 或 both，收到 {direction}")
        query = {"out": cypher.NEIGHBOURS_OUT, "in": cypher.NEIGHBOURS_IN,
                 "both": cypher.NEIGHBOURS_BOTH}[direction]
        rows = self._query(query, id=id, edge=edge or None)
        edges = [Edge(r["kind"], r["src"], r["dst"], _edge_props(r["props"]),
                      bool(r["derived"])) for r in rows]
        return sorted(edges, key=lambda e: (e.kind, e.src, e.dst))

    def relationships(self, kind: str | None = None, *, src: str | None = None,
                      dst: str | None = None) -> builtins.list[Relationship]:
        rows = self._query(cypher.RELATIONSHIPS, kind=kind, src=src, dst=dst)
        return _relationships(rows)

    def snapshot(self, scope: str, kinds: Collection[str] | None = None) -> Snapshot:
        wanted = snapshot_kinds(kinds)
        streets, community = self._scope_streets(scope)
        snap = Snapshot(scope_id=scope, street_ids=streets)
        start = streets[0] if community and streets else scope
        scopes = {name: _scope_params(NODE_TYPES[name], scope, streets, community)
                  for name, _ in wanted}

        def work(tx: neo4j.ManagedTransaction) -> dict[str, builtins.list[neo4j.Record]]:
            out = {"ancestors": self._run(tx, cypher.ANCESTORS, id=start)}
            for name, _ in wanted:
                out[name] = self._run(tx, cypher.LIST_ALL, kind=name, filters=[],
                                      **scopes[name])
            return out

        # a bounded number of queries whatever the size: the scope (2), ancestors and one
        # per kind (11, one transaction), their organizations, the relationships touching
        # the scope, and the units registered from outside with their resources (2)
        found = self._read_tx(work)
        orgs = self.get_many(Organization, [r["id"] for r in found["ancestors"]])
        for name, attr in wanted:
            kind = NODE_TYPES[name]
            items = [_load(kind, r["props"], r["version"])
                     for r in sorted(found[name], key=lambda r: str(r["id"]))]
            if kind is Organization:
                for o in items:
                    orgs[o.id] = o  # type: ignore[assignment]
                continue
            getattr(snap, attr).extend(items)
        snap.organizations = [orgs[k] for k in sorted(orgs)]
        inside = {n.id for n in snap.nodes()}
        # units registered with a community in scope belong to its network too
        rels = self._relationships_touching(inside)
        outside_units = sorted({r.src for r in rels if r.src not in inside
                                and r.kind == "REGISTERED_WITH"})
        names = {k for k, _ in wanted}
        if outside_units and "ResidentUnit" in names:
            extra = self.get_many(ResidentUnit, outside_units)
            snap.units = sorted([*snap.units, *extra.values()], key=lambda u: u.id)
            if extra and "Resource" in names:
                rows = self._query(cypher.RESOURCES_OF_UNITS, units=sorted(extra))
                more = [_load(Resource, r["props"], r["version"]) for r in rows]
                snap.resources = sorted([*snap.resources, *more], key=lambda r: r.id)
            inside |= set(extra)
        snap.relationships = [r for r in rels if r.src in inside and r.dst in inside]
        return snap

    def _relationships_touching(self, ids: set[str]) -> builtins.list[Relationship]:
        wanted = sorted(ids)

        def work(tx: neo4j.ManagedTransaction) -> builtins.list[neo4j.Record]:
            return [r for part in _chunks(wanted, IDS_PER_QUERY)
                    for r in self._run(tx, cypher.RELATIONSHIPS_TOUCHING, ids=part)]

        rows = self._read_tx(work) if wanted else []
        unique = {(r["kind"], r["src"], r["dst"]): r for r in rows}
        return _relationships(unique.values())

    def counts(self, scope: str | None = None) -> dict[str, int]:
        out: dict[str, int] = {}
        if scope is None:
            def work(tx: neo4j.ManagedTransaction) -> builtins.list[neo4j.Record]:
                return [*self._run(tx, cypher.COUNT_NODES),
                        *self._run(tx, cypher.COUNT_RELATIONSHIPS)]

            for r in self._read_tx(work):
                out[r["kind"]] = r["total"]
            return dict(sorted(out.items()))
        snap = self.snapshot(scope)
        for node in snap.nodes():
            out[node.KIND] = out.get(node.KIND, 0) + 1
        for rel in snap.relationships:
            out[rel.kind] = out.get(rel.kind, 0) + 1
        return dict(sorted(out.items()))

    def to_networkx(self, scope: str) -> nx.MultiDiGraph:
        return snapshot_to_networkx(self.snapshot(scope))


def _scope_params(kind: type[Node], scope: str, streets: list[str],
                  community: str | None) -> _Scope:
    """The scope parameters of ``LIST_*``: the embedded backend's ``_scope_clause``."""
    if community is not None:
        if "community_id" not in kind.model_fields:
            return {**_NOWHERE, "scope_key": "street_id", "scope_values": [streets[0]]}
        return {**_NOWHERE, "scope_key": "community_id", "scope_values": [community],
                "scope_ids": [community]}
    if kind is MatchRun:
        return {**_NOWHERE, "scope_key": _key("scope_id"), "scope_values": [scope, *streets]}
    if not streets:  # a city or district with no streets yet
        return dict(_NOWHERE)
    if kind is Organization:
        return {**_NOWHERE, "scope_key": "street_id", "scope_values": streets,
                "scope_ids": streets}
    return {**_NOWHERE, "scope_key": "street_id", "scope_values": streets}


def _relationships(rows: Iterable[neo4j.Record]) -> builtins.list[Relationship]:
    """Explicit relationships from rows of (kind, src, dst, props), ordered as embedded."""
    rels = [Relationship(kind=r["kind"], src=r["src"], dst=r["dst"],
                         **_edge_props(r["props"])) for r in rows]
    return sorted(rels, key=lambda r: r.key)
