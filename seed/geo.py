"""Synthetic geography of the demo district and of the synthetic city around it.

**All coordinates are synthetic.** The statistics bureau publishes no coordinates below the
district, so the real streets of 洛阳市涧西区 get hand-placed centres inside the district's
rough bounding box (lat 34.62–34.70, lon 112.33–112.45) and their communities are scattered
around those centres. They are plausible, not surveyed: do not use them for navigation.

>>> lat, lon = STREET_CENTRES["410305008"]  # 武汉路街道
>>> DISTRICT_BOX[0] <= lat <= DISTRICT_BOX[1] and DISTRICT_BOX[2] <= lon <= DISTRICT_BOX[3]
True
>>> round(km_between(34.66, 112.40, 34.67, 112.40), 2)
1.11
"""

from __future__ import annotations

import math
import random

# lat_min, lat_max, lon_min, lon_max
DISTRICT_BOX = (34.62, 34.70, 112.33, 112.45)
# The synthetic city: about 40 km × 40 km around 涧西区, for up to CITY_STREETS synthetic
# streets (about 66,000 needs); a larger city grows the box so its density stays that of
# a dense city (about 50 candidate resources per need at the default reach).
CITY_BOX = (34.48, 34.84, 112.19, 112.63)
CITY_STREETS = 1100

KM_PER_DEG_LAT = 111.0
KM_PER_DEG_LON = 111.0 * math.cos(math.radians(34.66))

# Hand-placed, synthetic centres of the 11 real streets (west to east, roughly).
STREET_CENTRES: dict[str, tuple[float, float]] = {
    "410305001": (34.672, 112.385),  # 湖北路街道
    "410305002": (34.679, 112.401),  # 天津路街道
    "410305003": (34.668, 112.410),  # 长春路街道
    "410305004": (34.657, 112.419),  # 南昌路街道
    "410305005": (34.673, 112.426),  # 长安路街道
    "410305006": (34.684, 112.416),  # 重庆路街道
    "410305007": (34.650, 112.396),  # 郑州路街道
    "410305008": (34.664, 112.436),  # 武汉路街道
    "410305010": (34.640, 112.412),  # 珠江路街道
    "410305011": (34.668, 112.352),  # 周山路街道
    "410305012": (34.636, 112.372),  # 工农街道
}


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km on a local flat approximation (good to a few metres at city scale)."""
    dy = (lat1 - lat2) * KM_PER_DEG_LAT
    dx = (lon1 - lon2) * KM_PER_DEG_LON
    return math.hypot(dx, dy)


def jitter(rng: random.Random, lat: float, lon: float, sigma_km: float,
           box: tuple[float, float, float, float] | None = None) -> tuple[float, float]:
    """A point scattered around (lat, lon) with a Gaussian spread, kept inside ``box``."""
    la = lat + rng.gauss(0.0, sigma_km) / KM_PER_DEG_LAT
    lo = lon + rng.gauss(0.0, sigma_km) / KM_PER_DEG_LON
    if box is not None:
        la = min(max(la, box[0]), box[1])
        lo = min(max(lo, box[2]), box[3])
    return round(la, 6), round(lo, 6)


def city_box(n_streets: int) -> tuple[float, float, float, float]:
    """The box of a synthetic city of ``n_streets`` streets: ``CITY_BOX``, grown around its
    centre beyond ``CITY_STREETS`` so that streets per km² stay the same.

    >>> city_box(10) == CITY_BOX
    True
    >>> lat0, lat1, _, _ = city_box(4 * CITY_STREETS)
    >>> round((lat1 - lat0) / (CITY_BOX[1] - CITY_BOX[0]), 6)
    2.0
    """
    if n_streets <= CITY_STREETS:
        return CITY_BOX
    grow = math.sqrt(n_streets / CITY_STREETS)
    lat, lon = (CITY_BOX[0] + CITY_BOX[1]) / 2, (CITY_BOX[2] + CITY_BOX[3]) / 2
    half_lat, half_lon = (CITY_BOX[1] - CITY_BOX[0]) / 2, (CITY_BOX[3] - CITY_BOX[2]) / 2
    return (lat - grow * half_lat, lat + grow * half_lat,
            lon - grow * half_lon, lon + grow * half_lon)


def synthetic_street_centres(rng: random.Random, n: int) -> tuple[list[tuple[float, float]], float]:
    """Centres of ``n`` synthetic streets on a jittered grid over the city, outside 涧西区.

    Returns the centres and the grid cell's side in km (the spread of a street's
    communities is a fraction of it).
    """
    if n <= 0:
        return [], 0.0
    box = city_box(n)
    side = math.ceil(math.sqrt(n * 1.1)) + 1
    dlat = (box[1] - box[0]) / side
    dlon = (box[3] - box[2]) / side
    cells = []
    for i in range(side):
        for j in range(side):
            lat = box[0] + (i + 0.5) * dlat
            lon = box[2] + (j + 0.5) * dlon
            inside = (DISTRICT_BOX[0] - dlat / 2 <= lat <= DISTRICT_BOX[1] + dlat / 2
                      and DISTRICT_BOX[2] - dlon / 2 <= lon <= DISTRICT_BOX[3] + dlon / 2)
            if not inside:
                cells.append((lat, lon))
    # nearest to the real district first, so a small scale grows the city around it
    centre = ((DISTRICT_BOX[0] + DISTRICT_BOX[1]) / 2, (DISTRICT_BOX[2] + DISTRICT_BOX[3]) / 2)
    cells.sort(key=lambda c: km_between(c[0], c[1], *centre))
    if len(cells) < n:  # only for tiny grids; cannot happen with side² ≥ 1.1 n + margin
        cells += cells[: n - len(cells)]
    cell_km = min(dlat * KM_PER_DEG_LAT, dlon * KM_PER_DEG_LON)
    out = []
    for lat, lon in cells[:n]:
        out.append(jitter(rng, lat, lon, cell_km / 8, box))
    return out, cell_km
