"""A past year of co-building for the demo district, so every page has real content.

:func:`past_year` takes a generated :class:`~seed.demo.District` and lays down, street by
street, projects at every stage of the lifecycle — claimed, confirmed, under review,
resolved, agreed, in progress, completed, evaluated, and declined pairs with their
reasons — with the audit line of every step, signed agreements for the projects past
resolution, monthly service records and evaluations. The demo community and unit (those
:func:`api.accounts.create_demo_accounts` picks) get their own: a resource for the unit,
and a project to confirm, one to start, one to record service on and one to evaluate.

Everything is derived from the district and ``today`` with a seeded generator and stable
ids, so laying it down twice writes the same nodes (loading is idempotent).

>>> from seed.demo import generate_district
>>> import datetime as dt
>>> h = past_year(generate_district(seed=7, scale=0.15), today=dt.date(2026, 12, 1))
>>> sorted({p.status for p in h.projects}) == sorted(STAGES)
True
>>> all(r.date <= dt.date(2026, 12, 1) for r in h.records)
True
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from graph import (
    Agreement,
    AuditEntry,
    Evaluation,
    Need,
    Node,
    OrgLevel,
    Project,
    Resource,
    ResourceStatus,
    Role,
    ServiceRecord,
    Signature,
)
from seed.demo import District

__all__ = ["STAGES", "History", "past_year"]

DEMO_STREET = "410305008"
# the steps that lead to each stage, and who takes them
PATH = [("claim", "claimed", Role.RESIDENT_UNIT), ("confirm", "confirmed", Role.COMMUNITY_ORG),
        ("submit", "under_review", Role.STREET_COMMITTEE),
        ("resolve", "resolved", Role.STREET_COMMITTEE), ("agree", "agreed", Role.SYSTEM),
        ("start", "in_progress", Role.RESIDENT_UNIT),
        ("complete", "completed", Role.COMMUNITY_ORG),
        ("evaluate", "evaluated", Role.COMMUNITY_ORG)]
STEPS = [s for _, s, _ in PATH]
STAGES = ("claimed", "confirmed", "under_review", "resolved", "agreed", "in_progress",
          "completed", "evaluated", "declined")
# per street, how many projects stand at each stage
PER_STREET = ("evaluated", "evaluated", "evaluated", "completed", "in_progress",
              "in_progress", "agreed", "resolved", "under_review", "confirmed", "claimed",
              "declined", "declined")
DECLINE_REASONS = ("本季度人手不足，暂不能承接", "服务地点超出单位志愿者的活动范围",
                   "需求时间与单位工作安排冲突")
COMMENTS = ("居民反映很好，希望长期开展", "服务及时，组织有序", "内容实用，老人们很满意",
            "次数略少，希望增加频次")


@dataclass
class History:
    projects: list[Project] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    records: list[ServiceRecord] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)  # added for the demo unit

    def nodes(self) -> list[Node]:
        """In an order the store accepts (referenced nodes first)."""
        return [*self.resources, *self.projects, *self.agreements, *self.records,
                *self.evaluations, *self.audit]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def _demo_pair(district: District) -> tuple[str | None, str | None]:
    """The demo street's first community and the unit the demo accounts speak for."""
    streets = sorted(s.id for s in district.streets)
    street = DEMO_STREET if DEMO_STREET in streets else (streets[0] if streets else None)
    communities = sorted(o.id for o in district.organizations
                         if o.level == OrgLevel.COMMUNITY and o.street_id == street)
    if not communities:
        return None, None
    community = communities[0]
    registered = sorted(r.src for r in district.registrations
                        if r.kind == "REGISTERED_WITH" and r.dst == community)
    units = {u.id for u in district.units}
    unit = next((u for u in registered if u in units), None)
    if unit is None:
        unit = next((u.id for u in sorted(district.units, key=lambda u: u.id)
                     if u.community_id == community), None)
    return community, unit


class _Builder:
    def __init__(self, district: District, today: dt.date) -> None:
        self.d = district
        self.today = today
        self.rng = random.Random(district.seed * 7919 + 1)
        self.out = History()
        self.left = {r.id: r.capacity for r in district.resources}
        self.used_needs: set[str] = set()
        self.streets = {s.id: s for s in district.streets}

    def project(self, need: Need, resource: Resource, stage: str, n: int) -> None:
        quantity = max(1, min(need.quantity, self.left[resource.id]) // 2)
        self.left[resource.id] -= quantity
        self.used_needs.add(need.id)
        start = self.today - dt.timedelta(days=330 - 20 * (n % 8))
        pid = f"PJ-H-{need.id}-{resource.id}"[:64]
        project = Project(
            id=pid, title=f"{resource.title} → {need.title}"[:200], need_id=need.id,
            resource_id=resource.id, unit_id=resource.unit_id,
            community_id=need.community_id, street_id=need.street_id,
            category=need.category, quantity=quantity, unit_of_measure=need.unit_of_measure,
            status=stage, score=round(0.55 + 0.4 * self.rng.random(), 3),
            explanation="往年双向认领形成的项目", start=start,
            end=start + dt.timedelta(days=364))
        day = start - dt.timedelta(days=40)
        state = "proposed"
        steps = ["decline"] if stage == "declined" else STEPS[:STEPS.index(stage) + 1]
        for i, target in enumerate(steps):
            action, role = ("decline", Role.RESIDENT_UNIT) if target == "decline" else \
                next((a, r) for a, s, r in PATH if s == target)
            to = "declined" if target == "decline" else target
            day = min(self.today, day + dt.timedelta(days=4 + 3 * i))
            note = DECLINE_REASONS[n % len(DECLINE_REASONS)] if action == "decline" else ""
            self.line(project, action, state, to, role, day, note, i)
            state = to
        self.out.projects.append(project)
        if stage in STEPS[STEPS.index("agreed"):]:
            self.agreement(project, start)
        if stage in ("in_progress", "completed", "evaluated"):
            self.services(project, start)
        if stage == "evaluated":
            score = 5 if n % 3 else 4
            self.out.evaluations.append(Evaluation(
                id=f"EV-H-{pid}"[:64], target_id=pid, street_id=project.street_id,
                unit_id=project.unit_id, community_id=project.community_id, score=score,
                comment=COMMENTS[n % len(COMMENTS)], by_role=Role.COMMUNITY_ORG,
                by_id=project.community_id, date=min(self.today, day)))

    def line(self, target: Node, action: str, frm: str | None, to: str | None, role: Role,
             day: dt.date, note: str, i: int) -> None:
        street = getattr(target, "street_id", None)
        community = getattr(target, "community_id", None)
        unit = getattr(target, "unit_id", None) or (getattr(target, "unit_ids", None)
                                                    or [None])[0]
        by = {Role.RESIDENT_UNIT: unit, Role.COMMUNITY_ORG: community,
              Role.STREET_COMMITTEE: street}.get(role) or "gongjian"
        self.out.audit.append(AuditEntry(
            id=f"AU-H-{target.id}-{i}-{action}"[:64], target_kind=target.KIND,
            target_id=target.id, action=action, from_state=frm, to_state=to, by_role=role,
            by_id=by, at=_at(day), note=note, street_id=street, community_id=community,
            unit_id=unit))

    def agreement(self, project: Project, start: dt.date) -> None:
        signed = _at(start - dt.timedelta(days=3), 15)
        street = self.streets.get(project.street_id)
        signatures = [Signature(party_id=project.street_id, role=Role.STREET_COMMITTEE,
                                signer="街道党工委书记", signed_at=signed),
                      Signature(party_id=project.community_id, role=Role.COMMUNITY_ORG,
                                signer="社区党组织书记", signed_at=signed),
                      Signature(party_id=project.unit_id, role=Role.RESIDENT_UNIT,
                                signer="党建联络员", signed_at=signed)]
        aid = f"AG-H-{project.id[5:]}"[:64]
        agreement = Agreement(
            id=aid, title=f"{project.title[:90]}共建协议", project_ids=[project.id],
            community_id=project.community_id, street_id=project.street_id,
            unit_ids=[project.unit_id], status="active", start=project.start,
            end=project.end, signatures=signatures,
            number=f"{(street.name[:2] if street else '')}共建〔{start.year}〕"
                   f"{len(self.out.agreements) + 1}号",
            terms="一、各方按本协议所列项目、数量和期限开展共建。\n"
                  "二、街道党工委负责统筹协调、督促落实。\n"
                  "三、各方应保护居民和党员个人信息。")
        self.out.agreements.append(agreement)
        day = signed.date()
        self.line(agreement, "draft", None, "draft", Role.STREET_COMMITTEE,
                  day - dt.timedelta(days=5), "", 0)
        self.line(agreement, "seal", "signing", "signed", Role.STREET_COMMITTEE, day, "", 1)
        self.line(agreement, "activate", "signed", "active", Role.STREET_COMMITTEE, day, "", 2)

    def services(self, project: Project, start: dt.date) -> None:
        day = start + dt.timedelta(days=10)
        for month in range(12):
            if day > self.today or (project.end and day > project.end):
                break
            self.out.records.append(ServiceRecord(
                id=f"SR-H-{project.id[5:]}-{month}"[:64], project_id=project.id,
                street_id=project.street_id, unit_id=project.unit_id,
                community_id=project.community_id, date=day,
                hours=float(2 + (month + len(project.id)) % 4),
                note=f"第{month + 1}次服务"))
            day += dt.timedelta(days=30)

    def run(self) -> History:
        needs_by_street: dict[str, list[Need]] = defaultdict(list)
        for need in sorted(self.d.needs, key=lambda x: x.id):
            needs_by_street[need.street_id].append(need)
        res_by_key: dict[tuple[str, str, str], list[Resource]] = defaultdict(list)
        for r in sorted(self.d.resources, key=lambda r: r.id):
            if r.status == ResourceStatus.AVAILABLE:
                res_by_key[(r.street_id, r.category, r.unit_of_measure)].append(r)
        community, unit = _demo_pair(self.d)
        if community and unit:
            self.demo(community, unit, res_by_key)
        n = 0
        for street in sorted(needs_by_street):
            stages = list(PER_STREET)
            for need in needs_by_street[street]:
                if not stages:
                    break
                if need.id in self.used_needs:
                    continue
                pool = [r for r in res_by_key[(street, need.category, need.unit_of_measure)]
                        if self.left[r.id] >= 2]
                if not pool:
                    continue
                self.project(need, pool[n % len(pool)], stages.pop(0), n)
                n += 1
        return self.out

    def demo(self, community: str, unit_id: str,
             res_by_key: dict[tuple[str, str, str], list[Resource]]) -> None:
        """Something for the demo community and unit to act on."""
        unit = next(u for u in self.d.units if u.id == unit_id)
        needs = sorted((n for n in self.d.needs if n.street_id == unit.street_id),
                       key=lambda n: (n.community_id != community, n.id))
        for i, stage in enumerate(("claimed", "agreed", "in_progress", "completed")):
            need = next((n for n in needs if n.id not in self.used_needs), None)
            if need is None:
                break
            resource = Resource(
                id=f"R-H-{unit.id}-{i}"[:64], title=f"{unit.name[:30]}党员志愿服务",
                description="单位党员志愿者到社区开展服务", category=need.category,
                unit_id=unit.id, street_id=unit.street_id, capacity=2 * need.quantity,
                unit_of_measure=need.unit_of_measure, reach_km=5.0, lat=unit.lat,
                lon=unit.lon)
            self.out.resources.append(resource)
            self.left[resource.id] = resource.capacity
            self.project(need, resource, stage, i)


def past_year(district: District, *, today: dt.date) -> History:
    """The history of the year before ``today`` for ``district`` (deterministic)."""
    return _Builder(district, today).run()
