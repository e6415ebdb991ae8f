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
from typing import Any

from pydantic import BaseModel, Field

from api.identity import Identity
from api.services.cache import cached
from api.services.figures import Figures, Row, figures, street_of_row
from api.services.graph_export import check_scope
from graph import PROJECT, TAXONOMY, GraphStore, NeedStatus

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
                  lambda: compute(figures(store, scope_id), org.name, params, day))


def compute(fig: Figures, scope_name: str, params: DashboardParams,
            today: dt.date) -> Dashboard:
    streets = set(fig.street_ids)
    communities = fig.communities
    units = [u for u in fig.units if u["street_id"] in streets]
    projects = [p for p in fig.projects if p["street_id"] in streets]
    # voided records (作废) are kept for the trail but never counted
    records = [r for r in fig.records if r["street_id"] in streets and r["status"] == "valid"]
    needs = [n for n in fig.needs if n["street_id"] in streets]

    by_status = Counter(p["status"] for p in projects)
    active = [p for p in projects if p["status"] in ACTIVE]
    taking_part = {p["unit_id"] for p in active} | {r["unit_id"] for r in records}

    held_needs = {p["need_id"] for p in projects if p["status"] in HELD}
    open_needs = [n for n in needs if n["status"] == NeedStatus.OPEN]
    unmatched = [n for n in open_needs if n["id"] not in held_needs]

    def days(created: dt.date | None) -> int | None:
        return (today - created).days if created else None

    waits = [d for n in unmatched if (d := days(n["created"])) is not None]
    oldest = sorted(unmatched, key=lambda n: (n["created"] or today, n["id"]))[:20]

    shared: dict[str, list[Row]] = defaultdict(list)
    for p in active:
        if p["category"] in SHARED_CATEGORIES:
            shared[p["category"]].append(p)

    scores = [e["score"] for e in fig.evaluations if e["street_id"] in streets]
    coverage_count = Counter(p["community_id"] for p in active)
    covered = [c for c in communities if coverage_count[c["id"]] >= params.coverage_floor]

    unit_street = {u["id"]: u["street_id"] for u in units}
    per_street: dict[str, dict[str, Any]] = {
        sid: {"communities": 0, "covered": 0, "units": 0, "hours": 0.0, "unmatched": 0}
        for sid in streets}
    for c in communities:
        row = per_street[street_of_row(c)]
        row["communities"] += 1
        row["covered"] += coverage_count[c["id"]] >= params.coverage_floor
    for u in taking_part:
        if unit_street.get(u) in per_street:
            per_street[unit_street[u]]["units"] += 1
    for r in records:
        per_street[r["street_id"]]["hours"] += r["hours"]
    for n in unmatched:
        per_street[n["street_id"]]["unmatched"] += 1
    street_rows = [StreetFigures(
        street_id=sid, name=fig.streets.get(sid, sid), communities=row["communities"],
        covered_communities=row["covered"], units_taking_part=row["units"],
        service_hours=round(row["hours"], 2), open_needs_unmatched=row["unmatched"])
        for sid, row in sorted(per_street.items())]

    return Dashboard(
        scope_id=fig.scope_id, scope_name=scope_name, as_of=today, params=params,
        units_registered=len(units),
        units_taking_part=len(taking_part & {u["id"] for u in units}),
        projects_by_status=[StatusCount(status=s, label=PROJECT.states.get(s, s),
                                        count=by_status[s])
                            for s in PROJECT.states if by_status[s]],
        needs_open=len(open_needs), needs_unmatched=len(unmatched),
        needs_unmatched_median_days=float(median(waits)) if waits else None,
        needs_unmatched_max_days=max(waits) if waits else None,
        oldest_unmatched_needs=[_open_need(n, today) for n in oldest],
        shared=[SharedItem(category=c, label=TAXONOMY[c].name if c in TAXONOMY else label,
                           projects=len(shared[c]),
                           quantity=sum(p["quantity"] for p in shared[c]))
                for c, label in SHARED_CATEGORIES.items()],
        service_hours=round(sum(r["hours"] for r in records), 2),
        service_records=len(records),
        members_serving=len({m for r in records for m in r["member_ids"]}),
        evaluations=len(scores),
        evaluation_average=round(mean(scores), 2) if scores else None,
        communities=len(communities), communities_covered=len(covered),
        coverage=round(len(covered) / len(communities), 4) if communities else None,
        streets=street_rows,
        warnings=_warnings(fig, units, projects, records, unmatched, communities,
                           coverage_count, params, today),
    )


def _open_need(n: Row, today: dt.date) -> OpenNeed:
    return OpenNeed(id=n["id"], title=n["title"], community_id=n["community_id"],
                    days_open=(today - n["created"]).days if n["created"] else None,
                    end=n["end"])


def _warnings(fig: Figures, units: list[Row], projects: list[Row], records: list[Row],
              unmatched: list[Row], communities: list[Row], coverage: Counter[str],
              params: DashboardParams, today: dt.date) -> Warnings:
    cutoff = today - dt.timedelta(days=params.idle_days)
    registrations: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for unit, community, since in fig.registrations:
        registrations[unit].append((community, since))
    with_project = {p["unit_id"] for p in projects
                    if p["status"] not in ("proposed", "superseded")}
    last_service: dict[str, dt.date] = {}
    for rec in records:
        if rec["unit_id"] not in last_service or rec["date"] > last_service[rec["unit_id"]]:
            last_service[rec["unit_id"]] = rec["date"]
    idle = []
    for u in units:
        regs = registrations.get(u["id"])
        if not regs:
            continue
        dates = [d for _, d in regs if d is not None]
        since = min(dates) if dates else None
        if since is not None and since > cutoff:
            continue  # registered recently: give it time
        served = last_service.get(u["id"])
        if u["id"] in with_project or (served is not None and served > cutoff):
            continue
        idle.append(IdleUnit(id=u["id"], name=u["name"],
                             registered_with=sorted(c for c, _ in regs),
                             since=since, last_service=served))
    past = [_open_need(n, today) for n in unmatched if n["end"] is not None and n["end"] < today]
    weak = [WeakCommunity(id=c["id"], name=c["name"], active_projects=coverage[c["id"]],
                          weak=c["weak"])
            for c in communities if c["weak"] and coverage[c["id"]] < params.coverage_floor]
    return Warnings(idle_units=idle, needs_past_window=sorted(past, key=lambda n: n.id),
                    weak_communities_low_coverage=weak)
