"""The graph store protocol every backend implements, and the values it returns.

A store keeps typed nodes (:mod:`graph.model`) and relationships. Edges that follow from a
node's reference fields (``Node.REFS``) are drawn by the store itself; explicit
relationships (dual registration, alliance membership) are upserted beside the nodes.
All backends pass one contract suite (``tests/graph/test_store_contract.py``).
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

import networkx as nx

from graph.errors import ModelError
from graph.model import (
    Agreement,
    Evaluation,
    MatchRun,
    Need,
    Node,
    Organization,
    PartyMember,
    Project,
    Relationship,
    ResidentUnit,
    Resource,
    ServiceRecord,
)
from graph.scopes import Scope

N = TypeVar("N", bound=Node)

# Columns every backend indexes; other fields are filtered on their stored value.
INDEXED_FIELDS = ("street_id", "community_id", "unit_id", "status")

# Node kinds of a snapshot and the attribute holding them. Audit entries are not part of
# a snapshot: they are read through ``list``.
SNAPSHOT_KINDS: tuple[tuple[str, str], ...] = (
    ("Organization", "organizations"), ("ResidentUnit", "units"), ("PartyMember", "members"),
    ("Need", "needs"), ("Resource", "resources"), ("Project", "projects"),
    ("Agreement", "agreements"), ("ServiceRecord", "service_records"),
    ("Evaluation", "evaluations"), ("MatchRun", "match_runs"),
)


def snapshot_kinds(kinds: Collection[str] | None) -> tuple[tuple[str, str], ...]:
    """The snapshot kinds to load: all, or ``kinds`` (organizations always).

    >>> [k for k, _ in snapshot_kinds(["Need"])]
    ['Organization', 'Need']
    """
    if kinds is None:
        return SNAPSHOT_KINDS
    unknown = sorted(set(kinds) - {k for k, _ in SNAPSHOT_KINDS})
    if unknown:
        raise ModelError(f"快照没有这些类型：{'、'.join(unknown)}")
    return tuple((k, a) for k, a in SNAPSHOT_KINDS if k == "Organization" or k in kinds)


def order_field(kind: type[Node], order: str) -> tuple[str, bool]:
    """The field and direction of a :meth:`GraphStore.list` ``order`` ("-urgency").

    >>> order_field(Need, "-urgency")
    ('urgency', True)
    """
    name, descending = (order[1:], True) if order.startswith("-") else (order, False)
    if name not in kind.model_fields or name == "version":
        raise ModelError(f"{kind.LABEL}没有可排序的字段 {name}", field=name)
    return name, descending


@dataclass
class Page(Generic[N]):
    """One page of a listing: ``items`` plus the ``total`` matching the filters."""

    items: list[N]
    total: int
    page: int
    size: int


@dataclass
class UpsertReport:
    """What a bulk upsert changed, by node kind (and ``relationships``)."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str, n: int = 1) -> None:
        if n:
            bucket[kind] = bucket.get(kind, 0) + n

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


@dataclass(frozen=True)
class Versioned:
    """One node of a :meth:`GraphStore.write`, with the version its writer saw.

    ``expected`` is the version read before the change, or ``None`` when the node must
    not exist yet. The node's own ``version`` field is ignored: the store sets it.
    """

    node: Node
    expected: int | None


@dataclass
class WriteResult:
    """What a versioned write stored: each node's version after it, and the counts.

    A node whose content did not change keeps its stored version (nothing is written).
    """

    versions: dict[str, int]
    report: UpsertReport


@dataclass(frozen=True)
class Edge:
    """An edge as stored: kind, source, target, properties, and whether it is derived."""

    kind: str
    src: str
    dst: str
    props: Mapping[str, Any] = field(default_factory=dict)
    derived: bool = True


@dataclass
class Snapshot:
    """Everything under a scope that matching and analytics need, loaded in one call."""

    scope_id: str
    street_ids: list[str]
    organizations: list[Organization] = field(default_factory=list)
    units: list[ResidentUnit] = field(default_factory=list)
    members: list[PartyMember] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    service_records: list[ServiceRecord] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    match_runs: list[MatchRun] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    def nodes(self) -> list[Node]:
        return [*self.organizations, *self.units, *self.members, *self.needs,
                *self.resources, *self.projects, *self.agreements, *self.service_records,
                *self.evaluations, *self.match_runs]


@runtime_checkable
class GraphStore(Protocol):
    """The operations gongjian needs of a graph database. Small on purpose."""

    def upsert(self, nodes: Iterable[Node] = (),
               relationships: Iterable[Relationship] = ()) -> UpsertReport:
        """Create or update nodes and relationships in one transaction: all or nothing."""
        ...

    def get(self, kind: type[N], id: str) -> N:
        """The node of ``kind`` with ``id``, or :class:`~graph.errors.NotFound`."""
        ...

    def get_many(self, kind: type[N], ids: Iterable[str]) -> dict[str, N]:
        """The nodes of ``kind`` among ``ids`` that exist, by id."""
        ...

    def list(self, kind: type[N], *, scope: str | None = None,
             filters: Mapping[str, Any] | None = None, page: int = 1,
             size: int = 50, order: str | None = None) -> Page[N]:
        """Nodes of ``kind`` (under ``scope``, equal to ``filters``), ordered by id.

        ``order``: a scalar field to order by instead (``"-field"`` descending); nodes
        without a value come last, ties go by id in the same direction (see
        :func:`order_field`).
        """
        ...

    def count(self, kind: type[N], *, scope: str | None = None,
              filters: Mapping[str, Any] | None = None) -> int:
        """How many nodes :meth:`list` would page through, without reading them."""
        ...

    def values(self, kind: type[N], fields: Collection[str], *, scope: str | None = None,
               filters: Mapping[str, Any] | None = None) -> builtins.list[dict[str, Any]]:
        """``id`` and ``fields`` of every node :meth:`list` would page through (by id, at
        most :data:`~graph.core.MAX_VALUES`), as stored -- dates as ``date``, times as
        ``datetime``, enumerations as their codes -- without building the models: for
        figures and lists over thousands of rows that need a few fields of each. Never
        for writing back."""
        ...

    def data_version(self) -> str:
        """A token that changes whenever a write is committed, by any connection or
        process: what is computed from the store can be cached until it changes."""
        ...

    def scope(self, scope_id: str) -> Scope:
        """The streets the organization ``scope_id`` covers, and the community when it is
        one (:func:`graph.scopes.resolve`): what ``list(scope=...)`` and ``snapshot`` use."""
        ...

    def neighbours(self, id: str, *, edge: str | None = None,
                   direction: str = "both") -> builtins.list[Edge]:
        """Edges touching node ``id`` (``direction`` "out", "in" or "both")."""
        ...

    def relationships(self, kind: str | None = None, *, src: str | None = None,
                      dst: str | None = None) -> builtins.list[Relationship]:
        """Explicit relationships, filtered by kind, source and target."""
        ...

    def relationship_values(self, kind: str, fields: Collection[str] = ()
                            ) -> builtins.list[dict[str, Any]]:
        """``src``, ``dst`` and ``fields`` (``since``, ``props``) of every explicit
        relationship of ``kind``, by (src, dst), without building the models (as
        :meth:`values`)."""
        ...

    def remove_relationships(self, keys: Iterable[tuple[str, str, str]]) -> int:
        """Delete explicit relationships by (kind, src, dst); returns how many went."""
        ...

    def snapshot(self, scope: str, kinds: Collection[str] | None = None) -> Snapshot:
        """Every node and relationship under ``scope`` (a street, district or city).

        ``kinds``: only these node kinds (and organizations), e.g. what the matcher needs.
        """
        ...

    def transition(self, kind: type[N], id: str, expected_version: int,
                   changes: Mapping[str, Any], also: Iterable[Node] = ()) -> N:
        """Apply ``changes`` if the node is still at ``expected_version``; else conflict.

        ``also``: nodes upserted in the same transaction (an audit entry, a record), so
        the change and what goes with it are written together or not at all.
        """
        ...

    def write(self, writes: Iterable[Versioned], also: Iterable[Node] = (),
              relationships: Iterable[Relationship] = ()) -> WriteResult:
        """Write many nodes in one transaction, each checked against its expected version.

        If any node of ``writes`` is stale (changed since its writer read it, or existing
        when it must not), nothing is written and :class:`~graph.errors.VersionConflict`
        names it (``details["conflicts"]`` lists every stale node). ``also`` (audit lines)
        and ``relationships`` are upserted unchecked in the same transaction.
        """
        ...

    def counts(self, scope: str | None = None) -> dict[str, int]:
        """Number of nodes per kind and relationships per kind (under ``scope``)."""
        ...

    def to_networkx(self, scope: str) -> nx.MultiDiGraph:
        """The scope as a MultiDiGraph whose nodes and edges carry kind and properties."""
        ...

    def close(self) -> None: ...
