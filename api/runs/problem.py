"""From a scope's snapshot to the matcher's problem, and the parameters of a run.

Needs and resources in the problem are the open ones whose time window has not passed;
open needs past their end date are kept aside (:func:`expired_needs`) so a run still
accounts for them. Projects under way are pinned (they hold their need's quantity and
their resource's capacity); declined and rejected pairs are never proposed again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import multiprocessing
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from typing import Any

from graph import (
    TAXONOMY,
    Need,
    NeedStatus,
    Organization,
    Project,
    ResidentUnit,
    Resource,
    ResourceStatus,
    Snapshot,
)
from matching import (
    FEATURES,
    MatchParams,
    NeedItem,
    ParamsError,
    Problem,
    ResourceItem,
    Taxonomy,
)
from matching.facts import need_facts, online_basis, resource_facts
from matching.units import compatible

# Projects in these states hold their need's quantity and their resource's capacity.
PINNED_STATES = frozenset({"claimed", "confirmed", "under_review", "resolved", "agreed",
                           "in_progress", "completed", "evaluated"})
# Pairs in these states are never proposed again (superseded ones may come back).
DECLINED_STATES = frozenset({"declined", "rejected"})

MAX_WEIGHT = 1.0
FEATURE_LABELS = {"category": "类别契合", "text": "描述相似", "distance": "距离",
                  "relationship": "既有关系", "priority": "优先程度"}


def run_params(params: dict[str, Any] | None) -> MatchParams:
    """The run's parameters from the one vocabulary the CLI and the API share.

    ``{"weights": {"text": 0.9, ...}, "walk_km": 1.5, ...}``: weights by feature name
    (category, text, distance, relationship, priority), each in [0, 1] -- the score is
    their weighted mean, so it stays in [0, 1] --, other knobs by their own name. An
    unknown key or weight, a weight out of range, is named in the error.

    >>> run_params({"weights": {"text": 0.9}}).w_text
    0.9
    >>> run_params({"weights": {"text": 2}})
    Traceback (most recent call last):
    ...
    matching.errors.ParamsError: 权重 text（描述相似）须在 0 到 1 之间，收到 2
    """
    raw = dict(params or {})
    weights = raw.pop("weights", None) or {}
    if not isinstance(weights, dict):
        raise ParamsError(f"weights 须为 特征→权重 的对应表，如 {{\"text\": 0.3}}，"
                          f"收到 {weights!r}")
    knobs = {f.name for f in dataclasses.fields(MatchParams) if not f.name.startswith("w_")}
    unknown = sorted(set(raw) - knobs)
    if unknown:
        hint = "；权重写在 weights 里，如 {\"weights\": {\"text\": 0.3}}" \
            if any(k.startswith("w_") for k in unknown) else ""
        raise ParamsError(f"未知的匹配参数 {', '.join(unknown)}；可用的参数：weights、"
                          f"{', '.join(sorted(knobs))}{hint}")
    out: dict[str, Any] = {}
    for name, value in weights.items():
        if name not in FEATURES:
            raise ParamsError(f"未知的权重 {name}；权重有 "
                              + "、".join(f"{f}（{FEATURE_LABELS[f]}）" for f in FEATURES))
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not 0 <= value <= MAX_WEIGHT:
            raise ParamsError(f"权重 {name}（{FEATURE_LABELS[name]}）须在 0 到 1 之间，"
                              f"收到 {value!r}")
        out[f"w_{name}"] = float(value)
    return MatchParams(**out, **raw)


def params_dict(params: MatchParams) -> dict[str, Any]:
    """The parameters in the shared vocabulary (what a run stores and shows)."""
    plain = asdict(params)
    weights = {f: plain.pop(f"w_{f}") for f in FEATURES}
    return {"weights": weights, **plain}


def open_needs(snap: Snapshot) -> list[Need]:
    return [n for n in snap.needs if n.status == NeedStatus.OPEN]


def expired_needs(snap: Snapshot, today: dt.date) -> list[Need]:
    """Open needs whose end date has passed: not matched, but accounted for."""
    return [n for n in open_needs(snap) if n.end is not None and n.end < today]


def build_problem(snap: Snapshot, today: dt.date | None = None) -> Problem:
    """The matcher's problem for a snapshot: open needs, available resources, context."""
    today = today or dt.date.today()
    orgs = {o.id: o for o in snap.organizations}
    units = {u.id: u for u in snap.units}
    needs = [n for n in open_needs(snap) if n.end is None or n.end >= today]
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
            if p.need_id in need_unit and compatible(need_unit[p.need_id],
                                                     res_unit[p.resource_id]):
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


def demo_problem(n_needs: int, seed: int = 7) -> Problem:
    """A benchmark instance from the demo generator with about ``n_needs`` needs (and 1.5
    times as many resources): the demo district scaled, seen whole, nothing pinned."""
    from seed import NEEDS_PER_SCALE, generate_district

    district = generate_district(seed=seed, scale=n_needs / NEEDS_PER_SCALE)
    snap = Snapshot(scope_id="bench", street_ids=[], organizations=district.organizations,
                    units=district.units, needs=district.needs, resources=district.resources,
                    relationships=district.registrations)
    return build_problem(snap, today=dt.date.min)


def demo_problem_apart(n_needs: int, seed: int = 7) -> Problem:
    """:func:`demo_problem`, built in a child process and handed back pickled.

    The generated district's models (about 1 GiB at 100,000 needs, most of it kept by
    the allocator after they are freed) never enter this process, so a benchmark's
    peak memory is that of the problem and the run. (A run of the API keeps the
    scope's snapshot beside it: its pair views are made from it.)

    >>> demo_problem_apart(40).needs == demo_problem(40).needs
    True
    """
    context = multiprocessing.get_context("spawn")  # no threads or pipes inherited
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(demo_problem, n_needs, seed).result()


def _need_item(n: Need, orgs: dict[str, Organization]) -> NeedItem:
    community = orgs.get(n.community_id)
    lat, lon = _place(n.lat, n.lon, community)
    facts = need_facts(f"{n.title}，{n.description}", n.category)  # columns win
    return NeedItem(
        id=n.id, community_id=n.community_id, street_id=n.street_id, category=n.category,
        quantity=n.quantity, unit_of_measure=n.unit_of_measure, urgency=n.urgency,
        lat=lat, lon=lon, start=n.start, end=n.end,
        online_ok=n.online_ok or bool(facts.online_ok),
        title=n.title, description=n.description,
        weak_community=bool(community and community.weak),
        people=n.people or facts.people, days=facts.days, needs_place=facts.needs_place,
        online_source="stated" if n.online_ok else online_basis(
            f"{n.title}，{n.description}", n.category) if facts.online_ok else "")


def _resource_item(r: Resource, units: dict[str, ResidentUnit]) -> ResourceItem:
    unit = units.get(r.unit_id)
    lat, lon = _place(r.lat, r.lon, unit)
    facts = resource_facts(f"{r.title}，{r.description}，{r.restriction}")
    return ResourceItem(
        id=r.id, unit_id=r.unit_id, street_id=r.street_id, category=r.category,
        capacity=r.capacity, unit_of_measure=r.unit_of_measure, lat=lat, lon=lon,
        reach_km=r.reach_km, mode=r.mode.value, start=r.start, end=r.end,
        title=r.title, description=r.description, seats=r.seats or facts.seats,
        also_categories=tuple(r.also_categories), only_for=facts.only_for,
        excludes=facts.excludes, registered_only=facts.registered_only, days=facts.days,
        goods=facts.goods)


def _place(lat: float | None, lon: float | None,
           owner: Organization | ResidentUnit | None) -> tuple[float, float]:
    """A need sits at its community, a resource at its unit, unless placed explicitly."""
    if lat is not None and lon is not None:
        return lat, lon
    if owner is not None and owner.lat is not None and owner.lon is not None:
        return owner.lat, owner.lon
    return float("nan"), float("nan")  # the matcher treats it as reachable online only


def input_hash(problem: Problem, params: MatchParams, expired: list[Need],
               text_model: str = "tfidf") -> str:
    """A stable hash of what a run saw, to tell whether two runs had the same input (the
    name of the text model included: another model is another input)."""
    blob = json.dumps([problem.to_dict(), asdict(params), sorted(n.id for n in expired),
                       text_model],
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def project_id(need_id: str, resource_id: str) -> str:
    raw = f"PJ-{need_id}-{resource_id}"
    if len(raw) <= 64:
        return raw
    return "PJ-" + hashlib.sha256(raw.encode()).hexdigest()[:24]
