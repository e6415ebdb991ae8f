"""Small builders for hand-made matching problems (positions in km east/north of a point)."""

from __future__ import annotations

import math
from typing import Any

from graph.taxonomy import TAXONOMY as CATEGORIES
from matching import MatchResult, NeedItem, Problem, ResourceItem, Taxonomy

LAT0, LON0 = 30.0, 120.0
KM_LAT = 6371.0088 * math.pi / 180
KM_LON = KM_LAT * math.cos(math.radians(LAT0))

# the product's one taxonomy (graph.taxonomy), as the service hands it to the matcher
TAXONOMY = Taxonomy.from_related(CATEGORIES.related_map())


def need(id: str, category: str = "venue", quantity: int = 1, uom: str = "场地",
         x: float = 0.0, y: float = 0.0, community: str = "C1", **kw: Any) -> NeedItem:
    kw.setdefault("street_id", "S1")
    return NeedItem(id=id, community_id=community, category=category, quantity=quantity,
                    unit_of_measure=uom, lat=LAT0 + y / KM_LAT, lon=LON0 + x / KM_LON, **kw)


def res(id: str, category: str = "venue", capacity: int = 1, uom: str = "场地",
        x: float = 0.0, y: float = 0.0, unit: str = "U1", reach: float = 3.0,
        **kw: Any) -> ResourceItem:
    kw.setdefault("street_id", "S1")
    return ResourceItem(id=id, unit_id=unit, category=category, capacity=capacity,
                        unit_of_measure=uom, lat=LAT0 + y / KM_LAT, lon=LON0 + x / KM_LON,
                        reach_km=reach, **kw)


def problem(needs: list[NeedItem], resources: list[ResourceItem], **kw: Any) -> Problem:
    return Problem(needs, resources, TAXONOMY, **kw)


def served(result: MatchResult) -> dict[tuple[str, str], int]:
    return {(p.need_id, p.resource_id): p.quantity for p in result.pairs}


def reasons(result: MatchResult) -> dict[str, str]:
    return {u.need_id: u.reason for u in (*result.unmatched, *result.partial)}
