"""What the dashboard, the map and the network read of a street or the district.

The few fields each figure needs of every unit, need, project, service record and
evaluation of the scope (:meth:`~graph.store.GraphStore.values`: stored values, no models
built -- a district's ~3000 rows in a fraction of a snapshot's time), its communities and
streets, and the units' registrations with the communities. Read once per data version
(:func:`api.services.cache.cached`) and shared by the three pages: callers must not change
it. Rows are plain dicts (``row["status"]``; templates read ``row.name`` alike).
"""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from typing import Any

from api.services.cache import cached
from graph import (
    Evaluation,
    GraphStore,
    Need,
    Node,
    Organization,
    OrgLevel,
    Project,
    ResidentUnit,
    ServiceRecord,
)

__all__ = ["Figures", "Row", "figures", "read_figures", "street_of_row"]

Row = dict[str, Any]

ORG_FIELDS = ("name", "level", "parent_id", "street_id", "weak", "lat", "lon")
UNIT_FIELDS = ("name", "street_id", "lat", "lon")
NEED_FIELDS = ("title", "community_id", "street_id", "status", "created", "end")
PROJECT_FIELDS = ("need_id", "unit_id", "community_id", "street_id", "status", "category",
                  "quantity", "match_run_id")
RECORD_FIELDS = ("street_id", "unit_id", "status", "hours", "member_ids", "date")
EVALUATION_FIELDS = ("street_id", "score")


class Figures:
    """A scope's figures. The places (streets, communities, units, registrations) are
    read at once; projects, and needs, records and evaluations, when first asked for, so
    the map and the network read neither needs nor records."""

    def __init__(self, store: GraphStore, scope_id: str) -> None:
        self._store = weakref.ref(store)  # the cache holds figures weakly by store
        self.scope_id = scope_id
        self.street_ids = list(store.scope(scope_id).streets)
        orgs = store.values(Organization, ORG_FIELDS, scope=scope_id,
                            filters={"level": [OrgLevel.COMMUNITY, OrgLevel.STREET]})
        inside = set(self.street_ids)
        # the scope's streets: id -> name; its communities and units, by id
        names = {o["id"]: o["name"] for o in orgs if o["level"] == OrgLevel.STREET}
        self.streets: dict[str, str] = {s: names.get(s, s) for s in self.street_ids}
        self.communities: list[Row] = [
            o for o in orgs if o["level"] == OrgLevel.COMMUNITY and street_of_row(o) in inside]
        community_ids = {c["id"] for c in self.communities}
        # (unit, community, since) of the registrations with the scope's communities
        self.registrations: list[tuple[str, str, dt.date | None]] = [
            (r["src"], r["dst"], r["since"])
            for r in store.relationship_values("REGISTERED_WITH", ["since"])
            if r["dst"] in community_ids]
        units = store.values(ResidentUnit, UNIT_FIELDS, scope=scope_id)
        outside = sorted({u for u, _, _ in self.registrations} - {u["id"] for u in units})
        if outside:  # units of other streets registered with a community here
            units = sorted([*units, *store.values(ResidentUnit, UNIT_FIELDS,
                                                  filters={"id": outside})],
                           key=lambda u: u["id"])
        self.units: list[Row] = units

    def _read(self, kind: type[Node], fields: tuple[str, ...]) -> list[Row]:
        store = self._store()
        if store is None:
            raise RuntimeError("the store of these figures is closed")
        return store.values(kind, fields, scope=self.scope_id)

    @functools.cached_property
    def projects(self) -> list[Row]:
        return self._read(Project, PROJECT_FIELDS)

    @functools.cached_property
    def needs(self) -> list[Row]:
        return self._read(Need, NEED_FIELDS)

    @functools.cached_property
    def records(self) -> list[Row]:
        """Every service record, voided ones too."""
        return self._read(ServiceRecord, RECORD_FIELDS)

    @functools.cached_property
    def evaluations(self) -> list[Row]:
        return self._read(Evaluation, EVALUATION_FIELDS)


def street_of_row(org: Row) -> str:
    """The street of a community row (as :func:`graph.street_of`)."""
    return str(org["street_id"] or org["parent_id"] or "")


def read_figures(store: GraphStore, scope_id: str) -> Figures:
    """The scope's figures, read now (the places) and when asked for (the rest)."""
    return Figures(store, scope_id)


def figures(store: GraphStore, scope_id: str) -> Figures:
    """:func:`read_figures` once per data version (scope checked by the caller)."""
    return cached(store, ("figures", scope_id), lambda: read_figures(store, scope_id))
