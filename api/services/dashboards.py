"""Dashboards for a street or the district: every figure computed from the records held.

Nothing here is typed in: participation is counted from projects and service records,
coverage from projects per community, waiting time from each need's registration date.
The early warnings follow DOMAIN.md: units registered but idle, needs open past their
window, weak communities left uncovered.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from statistics import mean, median

from pydantic import BaseModel, Field

from api.identity import Identity
from api.services.cache import cached, snapshot
from api.services.graph_export import check_scope
from graph import (
    PROJECT,
    TAXONOMY,
    GraphStore,
    Need,
    NeedStatus,
    Organization,
    OrgLevel,
    Project,
    ResidentUnit,
    ServiceRecord,
    Snapshot,
    street_of,
)

__all__ = ["Dashboard", "DashboardParams", "dashboard"]

# A project in these states is real co-building (agreed and beyond).
ACTIVE = frozenset({"agreed", "in_progress", "completed", "evaluated"})
# A need with a project in these states is being served or about to be.
HELD = ACTIVE | {"proposed", "claimed", "confirmed", "under_review", "resolved"}
SHARED_CATEGORIES = {"venue": "场地", "materials": "物资", "funds": "资金"}


class DashboardParams(BaseModel):
    idle_days: int = Field(default=180, ge=1, le=3650,
                           description="单位登记后多少天无项目、无服务即预警")
    coverage_floor: int = Field(default=1, ge=1, le=100,
                                description="社区至少有几个在办项目才算覆盖")


class StatusCount(BaseModel):
    status: str
    label: str
    count: int


class OpenNeed(BaseModel):
    id: str
    title: str
    community_id: str
    days_open: int | None
    end: dt.date | None


class SharedItem(BaseModel):
    category: str
    label: str
    projects: int
    quantity: int


class IdleUnit(BaseModel):
    id: str
    name: str
    registered_with: list[str]
    since: dt.date | None
    last_service: dt.date | None


class WeakCommunity(BaseModel):
    id: str
    name: str
    active_projects: int
    weak: bool


class StreetFigures(BaseModel):
    street_id: str
    name: str
    communities: int
    covered_communities: int
    units_taking_part: int
    service_hours: float
    open_needs_unmatched: int


class Warnings(BaseModel):
    idle_units: list[IdleUnit]
    needs_past_window: list[OpenNeed]
    weak_communities_low_coverage: list[WeakCommunity]


class Dashboard(BaseModel):
    scope_id: str
    scope_name: str
    as_of: dt.date
    params: DashboardParams
    units_registered: int
    units_taking_part: int
    projects_by_status: list[StatusCount]
    needs_open: int
    needs_unmatched: int
    needs_unmatched_median_days: float | None
    needs_unmatched_max_days: int | None
    oldest_unmatched_needs: list[OpenNeed]
    shared: list[SharedItem]
    service_hours: float
    service_records: int
    members_serving: int
    evaluations: int
    evaluation_average: float | None
    communities: int
    communities_covered: int
    coverage: float | None
    streets: list[StreetFigures]
    warnings: Warnings


def dashboard(store: GraphStore, who: Identity, scope_id: str, *,
              params: DashboardParams | None = None, today: dt.date | None = None
              ) -> Dashboard:
    """The figures of a street or district, as of ``today``."""
    org = check_scope(store, who, scope_id, "查看工作看板")
    params = params or DashboardParams()
    day = today or dt.date.today()
    return cached(store, ("dashboard", scope_id, params.model_dump_json(), day),
                  lambda: compute(snapshot(store, scope_id), org.name, params, day))


def compute(snap: Snapshot, scope_name: str, params: DashboardParams,
            today: dt.date) -> Dashboard:
    streets = set(snap.street_ids)
    communities = [o for o in snap.organizations
                   if o.level == OrgLevel.COMMUNITY and street_of(o) in streets]
    units = [u for u in snap.units if u.street_id in streets]
    projects = [p for p in snap.projects if p.street_id in streets]
    # voided records (作废) are kept for the trail but never counted
    records = [r for r in snap.service_records
               if r.street_id in streets and r.status == "valid"]
    needs = [n for n in snap.needs if n.street_id in streets]

    by_status = Counter(p.status for p in projects)
    active = [p for p in projects if p.status in ACTIVE]
    taking_part = {p.unit_id for p in active} | {r.unit_id for r in records}

    held_needs = {p.need_id for p in projects if p.status in HELD}
    open_needs = [n for n in needs if n.status == NeedStatus.OPEN]
    unmatched = [n for n in open_needs if n.id not in held_needs]

    def days(created: dt.date | None) -> int | None:
        return (today - created).days if created else None

    waits = [d for n in unmatched if (d := days(n.created)) is not None]
    oldest = sorted(unmatched, key=lambda n: (n.created or today, n.id))[:20]

    shared: dict[str, list[Project]] = defaultdict(list)
    for p in active:
        if p.category in SHARED_CATEGORIES:
            shared[p.category].append(p)

    scores = [e.score for e in snap.evaluations if e.street_id in streets]
    coverage_count = Counter(p.community_id for p in active)
    covered = [c for c in communities if coverage_count[c.id] >= params.coverage_floor]

    unit_street = {u.id: u.street_id for u in units}
    street_rows = []
    for sid in sorted(streets):
        name = next((o.name for o in snap.organizations if o.id == sid), sid)
        s_comms = [c for c in communities if street_of(c) == sid]
        street_rows.append(StreetFigures(
            street_id=sid, name=name, communities=len(s_comms),
            covered_communities=sum(1 for c in s_comms
                                    if coverage_count[c.id] >= params.coverage_floor),
            units_taking_part=sum(1 for u in taking_part if unit_street.get(u) == sid),
            service_hours=round(sum(r.hours for r in records if r.street_id == sid), 2),
            open_needs_unmatched=sum(1 for n in unmatched if n.street_id == sid)))

    return Dashboard(
        scope_id=snap.scope_id, scope_name=scope_name, as_of=today, params=params,
        units_registered=len(units), units_taking_part=len(taking_part & {u.id for u in units}),
        projects_by_status=[StatusCount(status=s, label=PROJECT.states.get(s, s),
                                        count=by_status[s])
                            for s in PROJECT.states if by_status[s]],
        needs_open=len(open_needs), needs_unmatched=len(unmatched),
        needs_unmatched_median_days=float(median(waits)) if waits else None,
        needs_unmatched_max_days=max(waits) if waits else None,
        oldest_unmatched_needs=[OpenNeed(id=n.id, title=n.title, community_id=n.community_id,
                                         days_open=days(n.created), end=n.end)
                                for n in oldest],
        shared=[SharedItem(category=c, label=TAXONOMY[c].name if c in TAXONOMY else label,
                           projects=len(shared[c]),
                           quantity=sum(p.quantity for p in shared[c]))
                for c, label in SHARED_CATEGORIES.items()],
        service_hours=round(sum(r.hours for r in records), 2), service_records=len(records),
        members_serving=len({m for r in records for m in r.member_ids}),
        evaluations=len(scores),
        evaluation_average=round(mean(scores), 2) if scores else None,
        communities=len(communities), communities_covered=len(covered),
        coverage=round(len(covered) / len(communities), 4) if communities else None,
        streets=street_rows,
        warnings=_warnings(snap, units, projects, records, unmatched, communities,
                           coverage_count, params, today),
    )


def _warnings(snap: Snapshot, units: list[ResidentUnit], projects: list[Project],
              records: list[ServiceRecord], unmatched: list[Need],
              communities: list[Organization], coverage: Counter[str],
              params: DashboardParams, today: dt.date) -> Warnings:
    cutoff = today - dt.timedelta(days=params.idle_days)
    registrations: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for r in snap.relationships:
        if r.kind == "REGISTERED_WITH":
            registrations[r.src].append((r.dst, r.since))
    with_project = {p.unit_id for p in projects if p.status not in ("proposed", "superseded")}
    last_service: dict[str, dt.date] = {}
    for rec in records:
        if rec.unit_id not in last_service or rec.date > last_service[rec.unit_id]:
            last_service[rec.unit_id] = rec.date
    idle = []
    for u in units:
        regs = registrations.get(u.id)
        if not regs:
            continue
        dates = [d for _, d in regs if d is not None]
        since = min(dates) if dates else None
        if since is not None and since > cutoff:
            continue  # registered recently: give it time
        served = last_service.get(u.id)
        if u.id in with_project or (served is not None and served > cutoff):
            continue
        idle.append(IdleUnit(id=u.id, name=u.name, registered_with=sorted(c for c, _ in regs),
                             since=since, last_service=served))
    past = [OpenNeed(id=n.id, title=n.title, community_id=n.community_id,
                     days_open=(today - n.created).days if n.created else None, end=n.end)
            for n in unmatched if n.end is not None and n.end < today]
    weak = [WeakCommunity(id=c.id, name=c.name, active_projects=coverage[c.id], weak=c.weak)
            for c in communities if c.weak and coverage[c.id] < params.coverage_floor]
    return Warnings(idle_units=idle, needs_past_window=sorted(past, key=lambda n: n.id),
                    weak_communities_low_coverage=weak)
