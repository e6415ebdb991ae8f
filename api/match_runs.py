"""Match runs: snapshot a scope, build the matcher's problem, solve, validate, store.

A run keeps its parameters, a hash of its input, the result and its timings as a
:class:`~graph.MatchRun`, and its pairs as *proposed* projects with their score breakdown
and a Chinese explanation. Projects already claimed or beyond are pinned (kept as they
are); declined and rejected pairs are never proposed again; proposals of an earlier run
that the new run does not repeat are superseded. Running twice on unchanged data proposes
the same pairs under the same project ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from graph import (
    PROJECT,
    TAXONOMY,
    AuditEntry,
    GraphStore,
    MatchRun,
    Need,
    NeedStatus,
    Node,
    Organization,
    OrgLevel,
    Project,
    ResidentUnit,
    Resource,
    ResourceStatus,
    Role,
    Snapshot,
)
from matching import (
    MatchParams,
    MatchResult,
    NeedItem,
    ParamsError,
    Problem,
    ResourceItem,
    Taxonomy,
    check_result,
    match,
)

# Projects in these states hold their need's quantity and their resource's capacity.
PINNED_STATES = frozenset({"claimed", "confirmed", "under_review", "resolved", "agreed",
                           "in_progress", "completed", "evaluated"})
DECLINED_STATES = frozenset({"declined", "rejected"})


@dataclass
class RunSummary:
    """What a person wants to see after a run."""

    run_id: str
    scope_id: str
    needs: int
    resources: int
    candidates: int
    served: int
    partly_served: int
    unmatched: dict[str, int] = field(default_factory=dict)
    proposed: int = 0
    pinned: int = 0
    objective: float = 0.0
    status: str = ""
    seconds: dict[str, float] = field(default_factory=dict)


def build_problem(snap: Snapshot, today: dt.date | None = None) -> Problem:
    """The matcher's problem for a snapshot: open needs, available resources, context."""
    today = today or dt.date.today()
    orgs = {o.id: o for o in snap.organizations}
    units = {u.id: u for u in snap.units}
    needs = [n for n in snap.needs if n.status == NeedStatus.OPEN
             and (n.end is None or n.end >= today)]
    resources = [r for r in snap.resources if r.status == ResourceStatus.AVAILABLE
                 and (r.end is None or r.end >= today)]
    need_items = [_need_item(n, orgs) for n in needs]
    resource_items = [_resource_item(r, units) for r in resources]
    pinned, declined, capacity = _pinned_and_declined(snap.projects, need_items,
                                                      resource_items)
    resource_items = [r if capacity[r.id] == r.capacity
                      else dataclasses.replace(r, capacity=capacity[r.id])
                      for r in resource_items if capacity[r.id] > 0]
    registrations = {(r.src, r.dst) for r in snap.relationships
                     if r.kind == "REGISTERED_WITH" and r.src in units}
    projects = {p.id: p for p in snap.projects}
    scores: dict[tuple[str, str], list[int]] = defaultdict(list)
    for e in snap.evaluations:
        project = projects.get(e.target_id)
        if project is not None:
            scores[(project.unit_id, project.community_id)].append(e.score)
    history = {k: sum(v) / len(v) for k, v in scores.items()}
    return Problem(
        needs=need_items, resources=resource_items,
        taxonomy=Taxonomy.from_related(TAXONOMY.related_map()),
        registrations=registrations, history=history, pinned=pinned, declined=declined)


def _pinned_and_declined(projects: list[Project], needs: list[NeedItem],
                         resources: list[ResourceItem]
                         ) -> tuple[list[tuple[str, str, int]], set[tuple[str, str]],
                                    dict[str, int]]:
    """Pinned pairs (projects under way, merged per pair and clipped to what the need and
    the resource still hold), declined pairs, and each resource's capacity left once
    projects outside the problem (their need closed or past its window, or counted in
    another unit of measure) are counted."""
    need_left = {n.id: n.quantity for n in needs}
    need_unit = {n.id: n.unit_of_measure for n in needs}
    res_unit = {r.id: r.unit_of_measure for r in resources}
    capacity = {r.id: r.capacity for r in resources}
    held: dict[tuple[str, str], int] = defaultdict(int)
    declined: set[tuple[str, str]] = set()
    for p in projects:
        if p.resource_id not in capacity:
            continue
        if p.status in PINNED_STATES:
            if need_unit.get(p.need_id) == res_unit[p.resource_id]:
                held[(p.need_id, p.resource_id)] += p.quantity
            else:
                capacity[p.resource_id] = max(0, capacity[p.resource_id] - p.quantity)
        elif p.status in DECLINED_STATES and p.need_id in need_left:
            declined.add((p.need_id, p.resource_id))
    res_left = dict(capacity)
    pinned = []
    for (need_id, resource_id), quantity in sorted(held.items()):
        q = min(quantity, need_left[need_id], res_left[resource_id])
        if q > 0:
            pinned.append((need_id, resource_id, q))
            need_left[need_id] -= q
            res_left[resource_id] -= q
    declined -= {(n, r) for n, r, _ in pinned}
    return pinned, declined, capacity


def match_params(params: dict[str, Any] | None) -> MatchParams:
    """The run's parameters from a plain dict, naming any key the matcher does not know."""
    known = {f.name for f in dataclasses.fields(MatchParams)}
    unknown = sorted(set(params or {}) - known)
    if unknown:
        raise ParamsError(f"未知的匹配参数 {', '.join(unknown)}；"
                          f"可用的参数：{', '.join(sorted(known))}")
    return MatchParams(**(params or {}))


def demo_problem(n_needs: int, seed: int = 7) -> Problem:
    """A benchmark instance from the demo generator with about ``n_needs`` needs (and 1.5
    times as many resources): the demo district scaled, seen whole, nothing pinned."""
    from seed import NEEDS_PER_SCALE, generate_district

    district = generate_district(seed=seed, scale=n_needs / NEEDS_PER_SCALE)
    snap = Snapshot(scope_id="bench", street_ids=[], organizations=district.organizations,
                    units=district.units, needs=district.needs, resources=district.resources,
                    relationships=district.registrations)
    return build_problem(snap, today=dt.date.min)


def _need_item(n: Need, orgs: dict[str, Organization]) -> NeedItem:
    community = orgs.get(n.community_id)
    lat, lon = _place(n.lat, n.lon, community)
    return NeedItem(
        id=n.id, community_id=n.community_id, street_id=n.street_id, category=n.category,
        quantity=n.quantity, unit_of_measure=n.unit_of_measure, urgency=n.urgency,
        lat=lat, lon=lon, start=n.start, end=n.end, online_ok=n.online_ok,
        title=n.title, description=n.description,
        weak_community=bool(community and community.weak))


def _resource_item(r: Resource, units: dict[str, ResidentUnit]) -> ResourceItem:
    unit = units.get(r.unit_id)
    lat, lon = _place(r.lat, r.lon, unit)
    return ResourceItem(
        id=r.id, unit_id=r.unit_id, street_id=r.street_id, category=r.category,
        capacity=r.capacity, unit_of_measure=r.unit_of_measure, lat=lat, lon=lon,
        reach_km=r.reach_km, mode=r.mode.value, start=r.start, end=r.end,
        title=r.title, description=r.description)


def _place(lat: float | None, lon: float | None,
           owner: Organization | ResidentUnit | None) -> tuple[float, float]:
    """A need sits at its community, a resource at its unit, unless placed explicitly."""
    if lat is not None and lon is not None:
        return lat, lon
    if owner is not None and owner.lat is not None and owner.lon is not None:
        return owner.lat, owner.lon
    return float("nan"), float("nan")  # the matcher treats it as reachable online only


def input_hash(problem: Problem, params: MatchParams) -> str:
    """A stable hash of what a run saw, to tell whether two runs had the same input."""
    blob = json.dumps([problem.to_dict(), asdict(params)], sort_keys=True, default=str,
                      ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def project_id(need_id: str, resource_id: str) -> str:
    raw = f"PJ-{need_id}-{resource_id}"
    if len(raw) <= 64:
        return raw
    return "PJ-" + hashlib.sha256(raw.encode()).hexdigest()[:24]


def run_match(store: GraphStore, scope_id: str, params: dict[str, Any] | None = None, *,
              by_role: Role = Role.SYSTEM, by_id: str = "gongjian",
              now: dt.datetime | None = None,
              progress: Callable[[str], None] | None = None) -> tuple[MatchRun, RunSummary]:
    """Run the matcher for ``scope_id`` and store the run and its proposals."""
    say = progress or (lambda _stage: None)
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    say("读取范围数据")
    scope = store.get(Organization, scope_id)
    snap = store.snapshot(scope_id)
    problem = build_problem(snap, today=now.date())
    run_params = match_params(params)
    say("计算匹配")
    result = match(problem, run_params)
    say("校验结果")
    check_result(problem, result, run_params)
    digest = input_hash(problem, run_params)
    # unique even for two runs of one scope and input in the same second
    run_id = f"MR-{now:%Y%m%d%H%M%S}-{digest[:8]}-{secrets.token_hex(3)}"
    summary = summarize(run_id, scope_id, problem, result)
    run = MatchRun(
        id=run_id, scope_id=scope_id,
        street_id=scope_id if scope.level == OrgLevel.STREET else None,
        created=now, params=asdict(run_params), input_hash=digest, status=result.status,
        objective=result.objective, summary=asdict(summary), result=result.to_dict())
    say("保存提议")
    nodes: list[Node] = [run, *_proposals(snap, result, run_id, now, by_role, by_id)]
    store.upsert(nodes)
    return run, summary


def _proposals(snap: Snapshot, result: MatchResult, run_id: str, now: dt.datetime,
               by_role: Role, by_id: str) -> list[Node]:
    needs = {n.id: n for n in snap.needs}
    resources = {r.id: r for r in snap.resources}
    existing = {p.id: p for p in snap.projects}
    proposed_now: set[str] = set()
    out: list[Node] = []
    for pair in result.pairs:
        pid = project_id(pair.need_id, pair.resource_id)
        old = existing.get(pid)
        if old is not None and old.status != "proposed":
            continue  # pinned: the project is already on its way
        need, resource = needs[pair.need_id], resources[pair.resource_id]
        proposed_now.add(pid)
        project = Project(
            id=pid, title=f"{resource.title} → {need.title}", need_id=need.id,
            resource_id=resource.id, unit_id=resource.unit_id,
            community_id=need.community_id, street_id=need.street_id,
            category=need.category, quantity=pair.quantity,
            unit_of_measure=need.unit_of_measure, status="proposed",
            score=round(min(1.0, max(0.0, pair.score)), 6),
            breakdown={k: round(v, 6) for k, v in pair.breakdown.items()},
            explanation=explain_pair(pair, resources), match_run_id=run_id,
            start=need.start, end=need.end)
        if old is not None:
            project = project.model_copy(update={"version": old.version})
        out.append(project)
    for old in existing.values():
        if old.status == "proposed" and old.id not in proposed_now:
            target = PROJECT.apply(old.status, "supersede", Role.SYSTEM)
            out.append(old.model_copy(update={"status": target}))
            out.append(AuditEntry(
                id=f"AU-{run_id}-{old.id}"[:64], target_kind="Project", target_id=old.id,
                action="supersede", from_state=old.status, to_state=target,
                by_role=by_role, by_id=by_id, at=now, note=f"匹配批次 {run_id} 未再提议",
                street_id=old.street_id, community_id=old.community_id,
                unit_id=old.unit_id))
    return out


REASON_LABELS = {
    "no_candidate_in_reach": "服务半径内没有任何资源",
    "category_not_offered_in_reach": "服务半径内没有这一类别（或相近类别）的资源",
    "unit_not_offered": "同类资源的计量单位不同",
    "outside_time_window": "同类资源都不在需求的时间范围内",
    "declined_only": "可用资源都已被婉拒",
    "capacity_taken": "资源已被得分更高的配对占用",
    "unit_limit_reached": "相关单位已达承接上限",
    "min_share_elsewhere": "资源用于保障其他社区的最低满足比例",
    "no_acceptable_fit": "没有足够契合的资源",
}

FEATURE_NAMES = {"category": "类别契合", "text": "描述相似", "distance": "距离",
                 "relationship": "既有关系", "priority": "优先程度"}


def explain_pair(pair: Any, resources: dict[str, Resource]) -> str:
    """A Chinese sentence on why this pair was chosen and what it beat."""
    parts = [f"{FEATURE_NAMES.get(k, k)} {v:.2f}" for k, v in pair.breakdown.items()]
    text = f"综合得分 {pair.score:.2f}（" + "，".join(parts) + "）"
    alt = getattr(pair, "alternative", None)
    if alt is not None:
        alt_id, alt_score = alt
        title = resources[alt_id].title if alt_id in resources else alt_id
        text += f"；优于次选资源「{title}」（得分 {alt_score:.2f}）"
    return text


def summarize(run_id: str, scope_id: str, problem: Problem, result: MatchResult
              ) -> RunSummary:
    served_qty: dict[str, int] = defaultdict(int)
    for pair in result.pairs:
        served_qty[pair.need_id] += pair.quantity
    quantity = {n.id: n.quantity for n in problem.needs}
    served = sum(1 for k, q in served_qty.items() if q >= quantity[k])
    partly = sum(1 for k, q in served_qty.items() if 0 < q < quantity[k])
    unmatched: dict[str, int] = defaultdict(int)
    for u in result.unmatched:
        unmatched[u.reason] += 1
    return RunSummary(
        run_id=run_id, scope_id=scope_id, needs=len(problem.needs),
        resources=len(problem.resources), candidates=result.n_candidates, served=served,
        partly_served=partly, unmatched=dict(sorted(unmatched.items())),
        proposed=len(result.pairs), pinned=len(problem.pinned),
        objective=result.objective, status=result.status,
        seconds=dict(result.timings))
