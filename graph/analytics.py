"""Network measures researchers and dashboards ask for, over a snapshot.

All figures are computed from what the store holds: coverage of communities by resident
units (through dual registration and through projects), the centrality of units in the
unit–community network, communities left isolated or weak, and which units lie within the
15-minute walking circle (一刻钟党建服务圈) of each community.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from graph.model import OrgLevel
from graph.store import Snapshot

WALK_KMH = 4.8  # an unhurried walk
CIRCLE_MINUTES = 15
ACTIVE = frozenset({"claimed", "confirmed", "under_review", "resolved", "agreed",
                    "in_progress", "completed", "evaluated"})


@dataclass(frozen=True)
class CommunityCoverage:
    community_id: str
    name: str
    street_id: str
    weak: bool
    registered_units: int
    active_projects: int
    units_within_circle: int
    needs: int
    needs_with_project: int

    @property
    def need_coverage(self) -> float:
        return self.needs_with_project / self.needs if self.needs else 1.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km(34.66, 112.39, 34.67, 112.39), 2)
    1.11
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def circle_km(minutes: float = CIRCLE_MINUTES, walk_kmh: float = WALK_KMH) -> float:
    """How far one walks in ``minutes``: 1.2 km for the 15-minute circle.

    >>> circle_km()
    1.2
    """
    return round(walk_kmh * minutes / 60, 3)


def community_coverage(snap: Snapshot, minutes: float = CIRCLE_MINUTES
                       ) -> list[CommunityCoverage]:
    """Per community: registered units, active projects, units in the walking circle."""
    radius = circle_km(minutes)
    communities = [o for o in snap.organizations if o.level == OrgLevel.COMMUNITY]
    registered: dict[str, set[str]] = defaultdict(set)
    unit_ids = {u.id for u in snap.units}
    for r in snap.relationships:
        if r.kind == "REGISTERED_WITH" and r.src in unit_ids:
            registered[r.dst].add(r.src)
    active: dict[str, int] = defaultdict(int)
    needs_with_project: dict[str, set[str]] = defaultdict(set)
    for p in snap.projects:
        if p.status in ACTIVE:
            active[p.community_id] += 1
            needs_with_project[p.community_id].add(p.need_id)
    needs: dict[str, int] = defaultdict(int)
    for n in snap.needs:
        needs[n.community_id] += 1
    near_units = _GridIndex([(u.lat, u.lon) for u in snap.units
                             if u.lat is not None and u.lon is not None], radius)
    out = []
    for c in communities:
        near = 0 if c.lat is None or c.lon is None else near_units.count_within(c.lat, c.lon)
        out.append(CommunityCoverage(
            community_id=c.id, name=c.name, street_id=c.street_id or "", weak=c.weak,
            registered_units=len(registered[c.id]), active_projects=active[c.id],
            units_within_circle=near, needs=needs[c.id],
            needs_with_project=len(needs_with_project[c.id])))
    return out


class _GridIndex:
    """Points bucketed in cells as large as the radius: a query looks at 9 cells only."""

    def __init__(self, points: list[tuple[float, float]], radius_km: float) -> None:
        self.radius = radius_km
        self.cell = max(radius_km / 111.0, 1e-6)  # degrees of latitude per cell
        self.buckets: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
        for lat, lon in points:
            self.buckets[self._key(lat, lon)].append((lat, lon))

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.cell), math.floor(lon / self.cell))

    def count_within(self, lat: float, lon: float) -> int:
        # a degree of longitude is shorter than one of latitude: widen the lon search
        span = math.ceil(1 / max(math.cos(math.radians(lat)), 0.1))
        ki, kj = self._key(lat, lon)
        return sum(1 for di in (-1, 0, 1) for dj in range(-span, span + 1)
                   for p in self.buckets.get((ki + di, kj + dj), ())
                   if distance_km(lat, lon, p[0], p[1]) <= self.radius)


def unit_community_graph(snap: Snapshot) -> nx.Graph:
    """Bipartite graph of units and communities linked by registration or a project."""
    g = nx.Graph()
    for c in snap.organizations:
        if c.level == OrgLevel.COMMUNITY:
            g.add_node(c.id, side="community", name=c.name, weak=c.weak)
    for u in snap.units:
        g.add_node(u.id, side="unit", name=u.name, unit_kind=u.kind.value)
    for r in snap.relationships:
        if r.kind == "REGISTERED_WITH" and r.src in g and r.dst in g:
            g.add_edge(r.src, r.dst, registered=True)
    for p in snap.projects:
        if p.status in ACTIVE and p.unit_id in g and p.community_id in g:
            if g.has_edge(p.unit_id, p.community_id):
                g.edges[p.unit_id, p.community_id]["projects"] = (
                    g.edges[p.unit_id, p.community_id].get("projects", 0) + 1)
            else:
                g.add_edge(p.unit_id, p.community_id, registered=False, projects=1)
    return g


def unit_centrality(snap: Snapshot) -> dict[str, float]:
    """Degree centrality of each unit in the unit–community network (0 when isolated)."""
    g = unit_community_graph(snap)
    communities = sum(1 for _, d in g.nodes(data=True) if d["side"] == "community")
    return {n: (g.degree(n) / communities if communities else 0.0)
            for n, d in g.nodes(data=True) if d["side"] == "unit"}


def nominal_units(snap: Snapshot) -> list[str]:
    """Units registered with a community that have no project and no service record.

    "Nominal participation" (registered, then nothing) is a finding, not a figure to hide.
    """
    unit_ids = {u.id for u in snap.units}
    registered = {r.src for r in snap.relationships
                  if r.kind == "REGISTERED_WITH" and r.src in unit_ids}
    working = {p.unit_id for p in snap.projects if p.status in ACTIVE}
    working |= {s.unit_id for s in snap.service_records if s.status == "valid"}
    return sorted(registered - working)


def weak_spots(snap: Snapshot, min_units: int = 1) -> list[CommunityCoverage]:
    """Communities that are weak, or have fewer than ``min_units`` units registered."""
    return [c for c in community_coverage(snap)
            if c.weak or c.registered_units < min_units]
