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
from dataclasses import dataclass
from typing import Any

from api.services.cache import cached
from graph import (
    Evaluation,
    GraphStore,
    Need,
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


@dataclass(frozen=True)
class Figures:
    scope_id: str
    street_ids: list[str]
    streets: dict[str, str]  # id -> name, of the scope's streets
    communities: list[Row]  # of the scope's streets, by id
    units: list[Row]  # of the scope, and registered with one of its communities, by id
    needs: list[Row]
    projects: list[Row]
    records: list[Row]  # every service record, voided ones too
    evaluations: list[Row]
    registrations: list[tuple[str, str, dt.date | None]]  # (unit, community, since)


def street_of_row(org: Row) -> str:
    """The street of a community row (as :func:`graph.street_of`)."""
    return str(org["street_id"] or org["parent_id"] or "")


def read_figures(store: GraphStore, scope_id: str) -> Figures:
    """The scope's figures, read now."""
    streets = list(store.scope(scope_id).streets)
    orgs = store.values(Organization, ORG_FIELDS, scope=scope_id,
                        filters={"level": [OrgLevel.COMMUNITY, OrgLevel.STREET]})
    inside = set(streets)
    communities = [o for o in orgs
                   if o["level"] == OrgLevel.COMMUNITY and street_of_row(o) in inside]
    names = {o["id"]: o["name"] for o in orgs if o["level"] == OrgLevel.STREET}
    units = store.values(ResidentUnit, UNIT_FIELDS, scope=scope_id)
    community_ids = {c["id"] for c in communities}
    registrations = [(r["src"], r["dst"], r["since"])
                     for r in store.relationship_values("REGISTERED_WITH", ["since"])
                     if r["dst"] in community_ids]
    known = {u["id"] for u in units}
    outside = sorted({u for u, _, _ in registrations} - known)
    if outside:  # units of other streets registered with a community here
        units = sorted([*units, *store.values(ResidentUnit, UNIT_FIELDS,
                                              filters={"id": outside})],
                       key=lambda u: u["id"])
    return Figures(
        scope_id=scope_id, street_ids=streets,
        streets={s: names.get(s, s) for s in streets}, communities=communities, units=units,
        needs=store.values(Need, NEED_FIELDS, scope=scope_id),
        projects=store.values(Project, PROJECT_FIELDS, scope=scope_id),
        records=store.values(ServiceRecord, RECORD_FIELDS, scope=scope_id),
        evaluations=store.values(Evaluation, EVALUATION_FIELDS, scope=scope_id),
        registrations=registrations)


def figures(store: GraphStore, scope_id: str) -> Figures:
    """:func:`read_figures` once per data version (scope checked by the caller)."""
    return cached(store, ("figures", scope_id), lambda: read_figures(store, scope_id))
