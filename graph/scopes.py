"""Scopes, resolved once for every backend and every caller.

A scope is an organization: a street, a community (its street, narrowed to it), or a
district or city (every street below it). :func:`resolve` says which streets a scope
covers; :func:`node_filter` says which nodes of a kind lie inside it, as a backend-neutral
:class:`ScopeFilter` that each backend turns into its own query (SQL or Cypher).

>>> from graph.model import Need, Organization
>>> street = Organization(id="S1", name="街道", level="street", parent_id="D")
>>> resolve(street, lambda scope_id: [])
Scope(id='S1', streets=['S1'], community=None)
>>> node_filter(Need, resolve(street, lambda scope_id: []))
ScopeFilter(field='street_id', values=('S1',), ids=())
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.errors import ModelError
from graph.model import MatchRun, Node, Organization, OrgLevel


@dataclass(frozen=True)
class Scope:
    """The streets a scope covers, and the community when the scope is one."""

    id: str
    streets: list[str]
    community: str | None = None

    @property
    def start(self) -> str:
        """Where the hierarchy above the scope is read from (a community: its street)."""
        return self.streets[0] if self.community and self.streets else self.id


@dataclass(frozen=True)
class ScopeFilter:
    """Nodes whose ``field`` is among ``values``, or whose id is among ``ids``.

    ``field`` is a model field (``street_id``, ``community_id``, ``scope_id``); a filter
    with neither values nor ids holds nothing (a district without streets).
    """

    field: str
    values: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


def street_of(org: Organization) -> str | None:
    """The street a community (or anything below a street) belongs to."""
    return org.street_id or org.parent_id


def resolve(org: Organization, streets_below: Callable[[str], list[str]]) -> Scope:
    """The scope ``org`` stands for; ``streets_below(id)`` lists a district's streets
    (the backend's query down the ``PART_OF`` edges)."""
    if org.level == OrgLevel.STREET:
        return Scope(org.id, [org.id])
    if org.level == OrgLevel.COMMUNITY:
        return Scope(org.id, [street_of(org) or ""], org.id)
    if org.level not in (OrgLevel.DISTRICT, OrgLevel.CITY):
        raise ModelError(f"范围 {org.id} 是{org.name}，只能按市、区、街道或社区选取范围")
    return Scope(org.id, sorted(streets_below(org.id)))


def node_filter(kind: type[Node], scope: Scope) -> ScopeFilter:
    """Which nodes of ``kind`` lie inside ``scope``."""
    if scope.community is not None:
        if "community_id" not in kind.model_fields:
            return ScopeFilter("street_id", (scope.streets[0],))
        return ScopeFilter("community_id", (scope.community,), (scope.community,))
    if kind is MatchRun:
        return ScopeFilter("scope_id", (scope.id, *scope.streets))
    streets = tuple(scope.streets)
    if kind is Organization:
        return ScopeFilter("street_id", streets, streets)
    return ScopeFilter("street_id", streets)
