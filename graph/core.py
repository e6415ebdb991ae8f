"""What every backend does the same way, written once: :class:`StoreCore`.

A backend subclasses :class:`StoreCore` and keeps only its storage -- how rows are read
(:meth:`StoreCore._node_rows`, :meth:`StoreCore._page_rows`, :meth:`StoreCore._scope_rows`...)
and written (a :class:`WriteTx` inside :meth:`StoreCore._in_write`) -- and its error
translation. Everything else lives here: scope resolution (:mod:`graph.scopes`), the
checks of a listing, snapshot assembly, counts, chunking, loading rows into models, and
the versioned writes (``upsert``, ``transition``, ``write``) over the plans of
:mod:`graph.planning`. Both backends therefore give the same answers, reports, versions
and messages by construction; the contract suite checks them on both.
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import json
import typing
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import islice
from typing import Any, Protocol, TypeVar

import networkx as nx
from pydantic import BaseModel, ValidationError

from graph.decoded import DecodedNodes
from graph.errors import GraphError, ModelError, NotFound, VersionConflict
from graph.export import snapshot_to_networkx
from graph.model import (
    NODE_TYPES,
    STORED,
    Node,
    Organization,
    Relationship,
    ResidentUnit,
    Resource,
)
from graph.planning import (
    NodePlan,
    check_refs,
    check_versions,
    latest_by_id,
    plan_nodes,
    relationship_rows,
)
from graph.scopes import Scope, ScopeFilter, node_filter, resolve
from graph.store import (
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

BATCH = 2000  # nodes per chunk of a write: forward references work within one chunk
MAX_PAGE = 10_000
MAX_VALUES = 200_000  # rows one ``values`` call reads


def _date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _datetime(value: Any) -> Any:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _container(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _truth(value: Any) -> Any:
    return bool(value) if isinstance(value, int) else value


def _plain_rows(model: type[BaseModel], keys: builtins.list[str],
                rows: Iterable[tuple[Any, ...]]) -> builtins.list[dict[str, Any]]:
    """Rows of values (``_value_rows``) as dicts of ``keys``, each value as stored: an
    absent or null value is the field's default (a field that is not optional is never
    stored as null), dates, lists and truth values as :func:`_plain_values` makes them."""
    plain = _plain_values(model)
    fix = []
    for k in keys:
        field = model.model_fields.get(k)
        has_default = field is not None and not field.is_required() and (
            field.default_factory is not None or field.default is not None)
        if k in plain or has_default:
            fix.append((k, plain.get(k), field if has_default else None))
    out = []
    for values in rows:
        row = dict(zip(keys, values, strict=True))
        for k, to_plain, field in fix:
            value = row[k]
            if value is None:
                if field is not None:
                    row[k] = field.get_default(call_default_factory=True)
            elif to_plain is not None:
                row[k] = to_plain(value)
        out.append(row)
    return out


@functools.cache
def _plain_values(kind: type[BaseModel]) -> dict[str, Callable[[Any], Any]]:
    """For the fields of ``kind`` holding a date or time, a list or map, or a truth value: what
    turns the value a backend read (:meth:`StoreCore._value_rows`) into the stored one."""
    def holds(annotation: Any, *types: type) -> bool:
        origin = typing.get_origin(annotation)
        return annotation in types or origin in types or any(
            holds(a, *types) for a in typing.get_args(annotation))

    out: dict[str, Callable[[Any], Any]] = {}
    for name, f in kind.model_fields.items():
        if holds(f.annotation, dt.datetime):
            out[name] = _datetime
        elif holds(f.annotation, dt.date):
            out[name] = _date
        elif holds(f.annotation, list, dict):
            out[name] = _container
        elif holds(f.annotation, bool):
            out[name] = _truth
    return out

NodeRow = tuple[str, str, int]  # id, properties JSON, version
Stored = tuple[str, int, str]  # kind, version, properties JSON of an existing node
EdgeKey = tuple[str, str, str]  # kind, src, dst
EdgeRow = tuple[str, str, str, str]  # kind, src, dst, properties JSON


def chunks(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """``items`` in lists of at most ``n``.

    >>> list(chunks(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


class Replay:
    """Chunks of an iterable, read once and replayable: a retried transaction sees them all.

    >>> r = Replay(iter(range(5)), 2)
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


def filter_value(value: Any) -> Any:
    """A filter value as stored in a filterable column (bools are 1 and 0, enums their
    value, dates their ISO text, as SQLite's ``json_extract`` and adapters see them)."""
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class Query:
    """The nodes of a listing: of ``kind``, inside ``scope`` (None: everywhere), with each
    field of ``filters`` equal to one of its values; by id, or by ``order`` (nodes without
    a value last, ties by id in the same direction)."""

    kind: type[Node]
    scope: ScopeFilter | None = None
    filters: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    order: tuple[str, bool] | None = None  # a field and "descending" (see order_field)


class WriteTx(Protocol):
    """One write transaction of a backend, as the shared writes use it."""

    def existing(self, ids: Sequence[str]) -> dict[str, Stored]:
        """The stored nodes among ``ids``, locked until the transaction ends."""
        ...

    def kinds(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> kind of the nodes among ``ids`` that exist."""
        ...

    def apply(self, plan: NodePlan) -> None:
        """Create, update and draw what ``plan`` says."""
        ...

    def relationship_props(self, keys: Sequence[EdgeKey]) -> dict[EdgeKey, str]:
        """The stored properties JSON of the relationships among ``keys``."""
        ...

    def merge_relationships(self, rows: Sequence[EdgeRow]) -> None:
        """Create the relationships of ``rows`` or set their properties."""
        ...


class StoreCore(ABC):
    """The shared part of every :class:`~graph.store.GraphStore` backend."""

    PLACE = "存储"  # where rows live, for the message of a row that cannot be read

    def __init__(self) -> None:
        self._decoded = DecodedNodes()

    # -- what a backend provides ----------------------------------------------------------

    @abstractmethod
    def _in_write(self, work: Callable[[WriteTx], T]) -> T:
        """Run ``work`` in one write transaction (maybe more than once: a retry)."""

    @abstractmethod
    def _node_rows(self, kind: type[Node], ids: builtins.list[str]) -> builtins.list[NodeRow]:
        """The nodes of ``kind`` among ``ids`` (no duplicates) that exist."""

    @abstractmethod
    def _streets_below(self, scope_id: str) -> builtins.list[str]:
        """The streets below a district or city, down the ``PART_OF`` edges."""

    @abstractmethod
    def _page_rows(self, query: Query, skip: int, limit: int
                   ) -> tuple[int, builtins.list[NodeRow]]:
        """How many nodes match ``query``, and those from ``skip`` on, in its order."""

    @abstractmethod
    def _count_rows(self, query: Query) -> int:
        """How many nodes match ``query``."""

    @abstractmethod
    def data_version(self) -> str:
        """A token that changes whenever a write is committed (see the protocol)."""

    @abstractmethod
    def _scope_rows(self, start: str, queries: Sequence[Query]
                    ) -> tuple[builtins.list[NodeRow], builtins.list[builtins.list[NodeRow]]]:
        """The organizations from ``start`` up the ``PART_OF`` edges, and every node of
        each query."""

    @abstractmethod
    def _relationships_touching(self, ids: set[str]) -> builtins.list[Relationship]:
        """Explicit relationships with either end among ``ids``."""

    @abstractmethod
    def _resources_of_units(self, units: builtins.list[str]) -> builtins.list[NodeRow]:
        """The resources of ``units``."""

    @abstractmethod
    def _edges(self, id: str, edge: str | None, direction: str) -> builtins.list[Edge]:
        """The edges touching ``id``, ordered by (kind, src, dst)."""

    @abstractmethod
    def relationships(self, kind: str | None = None, *, src: str | None = None,
                      dst: str | None = None) -> builtins.list[Relationship]:
        """Explicit relationships (:meth:`graph.store.GraphStore.relationships`)."""

    @abstractmethod
    def _totals(self) -> dict[str, int]:
        """Nodes per kind and explicit relationships per kind, in the whole store."""

    # -- loading ---------------------------------------------------------------------------

    def _load(self, kind: type[N], props: str, version: int) -> N:
        data = json.loads(props)
        data["version"] = version
        try:
            return kind.model_validate(data, context=STORED)
        except ValidationError as e:  # a row written by an older, looser version
            raise GraphError(f"{self.PLACE}中的{kind.LABEL} {data.get('id')} 无法读取：{e}"
                             ) from None

    def _loaded(self, kind: type[N], rows: Iterable[NodeRow]) -> builtins.list[N]:
        return [self._load(kind, p, v) for _, p, v in sorted(rows, key=lambda r: r[0])]

    def _read_node(self, kind: type[N], props: str, version: int) -> N:
        """One node a request reads (a get, a list's page): decoded once per stored text
        and version (:mod:`graph.decoded`). Snapshots decode afresh, so a city-size match
        does not churn the cache."""
        return self._decoded.get(kind, props, version, self._load)

    # -- reads ------------------------------------------------------------------------------

    def get(self, kind: type[N], id: str) -> N:
        rows = self._node_rows(kind, [id])
        if not rows:
            raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id, kind=kind.KIND)
        return self._read_node(kind, rows[0][1], rows[0][2])

    def get_many(self, kind: type[N], ids: Iterable[str]) -> dict[str, N]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        return {id: self._read_node(kind, p, v)
                for id, p, v in sorted(self._node_rows(kind, wanted), key=lambda r: r[0])}

    def scope(self, scope_id: str) -> Scope:
        """The streets ``scope_id`` covers (see :mod:`graph.scopes`)."""
        return resolve(self.get(Organization, scope_id), self._streets_below)

    def _listing(self, kind: type[Node], scope: str | None,
                 filters: Mapping[str, Any] | None, order: str | None = None) -> Query:
        conditions: list[tuple[str, tuple[Any, ...]]] = []
        for name, value in (filters or {}).items():
            if name not in kind.model_fields or name == "version":
                raise ModelError(f"{kind.LABEL}没有可筛选的字段 {name}", field=name)
            if isinstance(value, list | tuple | set):
                conditions.append((name, tuple(sorted(str(v) for v in value))))
            else:
                conditions.append((name, (filter_value(value),)))
        where = None if scope is None else node_filter(kind, self.scope(scope))
        by = None if order is None else order_field(kind, order)
        return Query(kind, where, tuple(conditions), by)

    def list(self, kind: type[N], *, scope: str | None = None,
             filters: Mapping[str, Any] | None = None, page: int = 1,
             size: int = 50, order: str | None = None) -> Page[N]:
        if page < 1 or not 1 <= size <= MAX_PAGE:
            raise ModelError(f"分页参数无效：page={page}, size={size}（page≥1，1≤size≤10000）")
        query = self._listing(kind, scope, filters, order)
        total, rows = self._page_rows(query, (page - 1) * size, size)
        return Page([self._read_node(kind, p, v) for _, p, v in rows], total, page, size)

    def count(self, kind: type[N], *, scope: str | None = None,
              filters: Mapping[str, Any] | None = None) -> int:
        return self._count_rows(self._listing(kind, scope, filters))

    def values(self, kind: type[N], fields: Collection[str], *, scope: str | None = None,
               filters: Mapping[str, Any] | None = None) -> builtins.list[dict[str, Any]]:
        unknown = sorted(set(fields) - set(kind.model_fields))
        if unknown:
            raise ModelError(f"{kind.LABEL}没有这些字段：{'、'.join(unknown)}")
        query = self._listing(kind, scope, filters)
        names = [f for f in dict.fromkeys(fields) if f != "id"]
        total, rows = self._value_rows(query, names, MAX_VALUES)
        if total > MAX_VALUES:
            raise ModelError(f"{kind.LABEL}超过 {MAX_VALUES} 个，请缩小范围或加筛选条件")
        return _plain_rows(kind, ["id", *names], rows)

    def relationship_values(self, kind: str, fields: Collection[str] = ()
                            ) -> builtins.list[dict[str, Any]]:
        names = [f for f in dict.fromkeys(fields)]
        unknown = sorted(set(names) - (set(Relationship.model_fields) - {"kind", "src", "dst"}))
        if unknown:
            raise ModelError(f"关系没有这些字段：{'、'.join(unknown)}")
        rows = self._relationship_rows(kind, names)
        return _plain_rows(Relationship, ["src", "dst", *names], rows)

    def _relationship_rows(self, kind: str, fields: Sequence[str]
                           ) -> builtins.list[tuple[Any, ...]]:
        """(src, dst, values of ``fields``...) of the explicit relationships of ``kind``,
        by (src, dst), values as :meth:`_value_rows` gives them. By default from
        :meth:`relationships`; a backend may read the fields alone."""
        return [(r.src, r.dst, *(getattr(r, f) for f in fields))
                for r in self.relationships(kind)]

    def _value_rows(self, query: Query, fields: Sequence[str], limit: int
                    ) -> tuple[int, builtins.list[tuple[Any, ...]]]:
        """The total and (id, values of ``fields``...) of the first ``limit`` nodes of
        ``query``, by id: a field the node lacks is None; a date may be ISO text,
        a list or map JSON text, a truth value 0/1 (what a backend's JSON functions give).
        By default from the whole stored JSON; a backend may read the fields alone."""
        total, rows = self._page_rows(query, 0, limit)
        out = []
        for id_, props, _ in rows:
            data = json.loads(props)
            out.append((id_, *(data.get(f) for f in fields)))
        return total, out

    def neighbours(self, id: str, *, edge: str | None = None,
                   direction: str = "both") -> builtins.list[Edge]:
        if direction not in ("out", "in", "both"):
            raise ModelError(f"direction 只能是 out、in 或 both，收到 {direction}")
        return self._edges(id, edge or None, direction)

    def snapshot(self, scope: str, kinds: Collection[str] | None = None) -> Snapshot:
        wanted = snapshot_kinds(kinds)
        where = self.scope(scope)
        snap = Snapshot(scope_id=scope, street_ids=list(where.streets))
        queries = [Query(NODE_TYPES[name], node_filter(NODE_TYPES[name], where))
                   for name, _ in wanted]
        # the hierarchy above the scope is part of the picture
        above, found = self._scope_rows(where.start, queries)
        orgs = {o.id: o for o in self._loaded(Organization, above)}
        for (name, attr), rows in zip(wanted, found, strict=True):
            kind = NODE_TYPES[name]
            items = self._loaded(kind, rows)
            if kind is Organization:
                orgs.update((o.id, o) for o in items)  # type: ignore[misc]
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
                more = self._loaded(Resource, self._resources_of_units(sorted(extra)))
                snap.resources = sorted([*snap.resources, *more], key=lambda r: r.id)
            inside |= set(extra)
        snap.relationships = [r for r in rels if r.src in inside and r.dst in inside]
        return snap

    def counts(self, scope: str | None = None) -> dict[str, int]:
        if scope is None:
            return dict(sorted(self._totals().items()))
        out: dict[str, int] = {}
        snap = self.snapshot(scope)
        for node in snap.nodes():
            out[node.KIND] = out.get(node.KIND, 0) + 1
        for rel in snap.relationships:
            out[rel.kind] = out.get(rel.kind, 0) + 1
        return dict(sorted(out.items()))

    def to_networkx(self, scope: str) -> nx.MultiDiGraph:
        return snapshot_to_networkx(self.snapshot(scope))

    # -- writes -----------------------------------------------------------------------------

    def upsert(self, nodes: Iterable[Node] = (),
               relationships: Iterable[Relationship] = ()) -> UpsertReport:
        node_chunks, rel_chunks = Replay(nodes, BATCH), Replay(relationships, BATCH)

        def work(tx: WriteTx) -> UpsertReport:
            report = UpsertReport()  # afresh on each attempt
            for chunk in node_chunks.chunks():
                self._upsert_nodes(tx, chunk, report)
            for rchunk in rel_chunks.chunks():
                self._upsert_relationships(tx, rchunk, report)
            return report

        return self._in_write(work)

    def transition(self, kind: type[N], id: str, expected_version: int,
                   changes: Mapping[str, Any], also: Iterable[Node] = ()) -> N:
        extra = list(also)  # read once: the backend may run ``work`` again

        def work(tx: WriteTx) -> N:
            existing = tx.existing([id])
            old = existing.get(id)
            if old is None or old[0] != kind.KIND:
                raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id)
            _, version, props = old
            if version != expected_version:
                current = self._load(kind, props, version)
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
            versions = self._upsert_nodes(tx, [node, *extra], UpsertReport(), {id}, existing)
            # a change that changes nothing keeps the stored version: return that one
            return node.model_copy(update={"version": versions[id]})

        return self._in_write(work)

    def write(self, writes: Iterable[Versioned], also: Iterable[Node] = (),
              relationships: Iterable[Relationship] = ()) -> WriteResult:
        checked = list(writes)  # read once: the backend may run ``work`` again
        extra, rels = Replay(also, BATCH), Replay(relationships, BATCH)
        ids = [w.node.id for w in checked]

        def work(tx: WriteTx) -> WriteResult:
            report = UpsertReport()  # afresh on each attempt
            # locks every node of the batch that exists, then reads it: a writer that
            # committed before holds no more sway, one that comes after waits for us
            existing = tx.existing(ids)
            read = set(ids)
            check_versions(checked, existing)
            versions: dict[str, int] = {}
            for chunk in chunks([w.node for w in checked], BATCH):
                versions.update(self._upsert_nodes(tx, chunk, report, read, existing))
            for chunk in extra.chunks():
                self._upsert_nodes(tx, chunk, report)
            for rchunk in rels.chunks():
                self._upsert_relationships(tx, rchunk, report)
            return WriteResult({i: versions[i] for i in ids}, report)

        return self._in_write(work)

    def _upsert_nodes(self, tx: WriteTx, chunk: Sequence[Node], report: UpsertReport,
                      read: Collection[str] = (), known: Mapping[str, Stored] | None = None
                      ) -> dict[str, int]:
        """Write one chunk. ``read``: ids already looked up (and locked) in this
        transaction, ``known`` what was found of them."""
        seen = latest_by_id(chunk)
        existing = {i: (known or {})[i] for i in seen if i in (known or {})}
        unread = [i for i in seen if i not in read]
        if unread:
            existing.update(tx.existing(unread))
        plan = plan_nodes(seen, existing, report)
        found = dict(plan.batch_kinds)
        found.update(tx.kinds([t for t in plan.wanted if t not in found]))
        check_refs(plan.wanted, found)
        tx.apply(plan)
        return plan.versions

    def _upsert_relationships(self, tx: WriteTx, chunk: Sequence[Relationship],
                              report: UpsertReport) -> None:
        kinds = tx.kinds({i for r in chunk for i in (r.src, r.dst)})
        rows = relationship_rows(chunk, kinds)
        stored = tx.relationship_props(sorted({(k, s, d) for k, s, d, _ in rows}))
        # row by row: a row changes what differs from the stored value, or from the row
        # before it with the same key
        changed = 0
        final: dict[EdgeKey, str] = {}
        for kind, src, dst, blob in rows:
            key = (kind, src, dst)
            if final.get(key, stored.get(key)) != blob:
                changed += 1
            final[key] = blob
        tx.merge_relationships([(*key, blob) for key, blob in final.items()
                                if stored.get(key) != blob])
        created = sum(1 for kind, src, dst, _ in rows if (kind, src, dst) not in stored)
        report.count(report.created, "relationships", created)
        report.count(report.updated, "relationships", changed - created)
        report.count(report.unchanged, "relationships", len(rows) - changed)
