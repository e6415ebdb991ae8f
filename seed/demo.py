"""The demo district: a deterministic, realistic regional party-building network.

At ``scale=1`` it is 洛阳市涧西区 (statistical code 410305) with its **real** 11 streets and
76 communities (names and 统计用区划代码 from ``seed/data/jianxi_divisions.json``), and
**synthetic** everything else: compounds and grids, about 300 resident units with their
party organizations and liaisons, about 3,000 party members with dual registrations,
about 600 needs and 900 resources. Above ``scale=1`` synthetic streets and communities
(ids ``S0012``, ``C0012-03``; grouped into synthetic districts ``D0002``...) fill a city of
about 40 × 40 km around it, for benchmarks: ``scale≈167`` gives ~100,000 needs and
~150,000 resources.

* **All people are fictitious** (names drawn from common characters, random phone numbers).
* **All coordinates are synthetic** (see :mod:`seed.geo`): plausible, not surveyed.
* Unit names are invented from generic parts; none describes a real organization's conduct.

The generator is seeded (its own ``random.Random``, never the global state): the same seed
and scale give the same district, node for node.

>>> d = generate_district(seed=7, scale=0.1)
>>> d.counts()["Organization"] > 0, len(d.needs), len(d.resources)
(True, 60, 90)
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from graph.model import (
    CommunityType,
    MemberCategory,
    Need,
    Node,
    Organization,
    OrgLevel,
    PartyMember,
    Relationship,
    ResidentUnit,
    Resource,
    ServiceMode,
    UnitKind,
)
from graph.store import GraphStore, UpsertReport
from seed import geo
from seed import wording as w

DATA = Path(__file__).resolve().parent / "data" / "jianxi_divisions.json"

# Targets at scale 1.
UNITS_PER_SCALE = 300
MEMBERS_PER_SCALE = 3000
NEEDS_PER_SCALE = 600
RESOURCES_PER_SCALE = 900
WEAK_SHARE = 5 / 76
STREETS_PER_SYNTHETIC_DISTRICT = 10

UNIT_KIND_WEIGHTS: dict[UnitKind, float] = {
    UnitKind.GOVERNMENT_AGENCY: 0.08, UnitKind.PUBLIC_INSTITUTION: 0.09, UnitKind.SCHOOL: 0.13,
    UnitKind.HOSPITAL: 0.05, UnitKind.STATE_OWNED: 0.12, UnitKind.PRIVATE_ENTERPRISE: 0.24,
    UnitKind.SOCIAL_ORGANIZATION: 0.12, UnitKind.INTERNET_COMPANY: 0.06,
    UnitKind.PROPERTY_COMPANY: 0.11,
}
# staff range and share of party members among staff
UNIT_STAFF: dict[UnitKind, tuple[int, int, float]] = {
    UnitKind.GOVERNMENT_AGENCY: (30, 200, 0.6), UnitKind.PUBLIC_INSTITUTION: (20, 300, 0.4),
    UnitKind.SCHOOL: (60, 400, 0.35), UnitKind.HOSPITAL: (200, 2000, 0.3),
    UnitKind.STATE_OWNED: (100, 5000, 0.25), UnitKind.PRIVATE_ENTERPRISE: (10, 500, 0.05),
    UnitKind.SOCIAL_ORGANIZATION: (5, 60, 0.1), UnitKind.INTERNET_COMPANY: (20, 600, 0.08),
    UnitKind.PROPERTY_COMPANY: (20, 300, 0.06),
}
# big units' party organizations belong to the street, small ones to the community
STREET_PARENTED = (UnitKind.GOVERNMENT_AGENCY, UnitKind.PUBLIC_INSTITUTION, UnitKind.SCHOOL,
                   UnitKind.HOSPITAL, UnitKind.STATE_OWNED)
MEMBER_SHARES: dict[MemberCategory, float] = {
    MemberCategory.IN_SERVICE: 0.35, MemberCategory.RETIRED: 0.33,
    MemberCategory.DIRECT: 0.22, MemberCategory.FLOATING: 0.10,
}
HOUSEHOLDS: dict[CommunityType, tuple[int, int]] = {
    CommunityType.OLD: (2000, 5000), CommunityType.COMMODITY: (1500, 6000),
    CommunityType.UNIT_BASED: (2500, 7000), CommunityType.VILLAGE_TO_RESIDENCE: (1000, 4000),
}
NOMINAL_SHARE = 0.15  # units that register and then offer nothing
UNREGISTERED_SHARE = 0.08  # units that never registered with a community
SCARCE_PER_STREET = 3  # categories few units of a street offer
ABSENT_PER_STREET = 1  # of which nobody in the street offers
RARE_SUPPLY = 0.4  # weight factor of rare categories (tailoring, nursing, delivery)

ProgressCallback = Callable[[int], None]
T = TypeVar("T")


@dataclass
class District:
    """A generated district (or city): nodes by kind and explicit relationships.

    ``registrations`` holds the dual registrations (``REGISTERED_WITH``: unit → community,
    in-service member → home community); ``memberships`` the alliance members and part-time
    committee members (``ALLIANCE_MEMBER``, ``PART_TIME_MEMBER``).
    """

    seed: int
    scale: float
    organizations: list[Organization] = field(default_factory=list)
    units: list[ResidentUnit] = field(default_factory=list)
    unit_party_orgs: list[Organization] = field(default_factory=list)
    members: list[PartyMember] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    registrations: list[Relationship] = field(default_factory=list)
    memberships: list[Relationship] = field(default_factory=list)

    def nodes(self) -> list[Node]:
        """Every node, in an order the store accepts (referenced nodes come first)."""
        return [*self.organizations, *self.units, *self.unit_party_orgs, *self.members,
                *self.needs, *self.resources]

    def relationships(self) -> list[Relationship]:
        """Every explicit relationship: registrations, then memberships."""
        return [*self.registrations, *self.memberships]

    def counts(self) -> dict[str, int]:
        """Nodes per kind and relationships per kind, like :meth:`GraphStore.counts`."""
        out: dict[str, int] = {
            "Organization": len(self.organizations) + len(self.unit_party_orgs),
            "ResidentUnit": len(self.units), "PartyMember": len(self.members),
            "Need": len(self.needs), "Resource": len(self.resources),
        }
        for r in self.relationships():
            out[r.kind] = out.get(r.kind, 0) + 1
        return dict(sorted(out.items()))

    @property
    def streets(self) -> list[Organization]:
        return [o for o in self.organizations if o.level == OrgLevel.STREET]

    @property
    def communities(self) -> list[Organization]:
        return [o for o in self.organizations if o.level == OrgLevel.COMMUNITY]


# -- internal plan of the geography ----------------------------------------------------


@dataclass
class _Community:
    id: str
    name: str
    street: int  # index into streets
    lat: float
    lon: float
    type: CommunityType = CommunityType.OLD
    weak: bool = False
    households: int = 0
    compounds: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)  # branch org ids
    groups: list[str] = field(default_factory=list)  # building group org ids


@dataclass
class _Street:
    id: str
    name: str
    district: int  # index into districts
    lat: float
    lon: float
    spread_km: float
    communities: list[int] = field(default_factory=list)
    roads: tuple[str, ...] = ()
    scarce: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    alliance_id: str = ""

    @property
    def short(self) -> str:
        return self.name.removesuffix("街道")


@dataclass
class _District:
    id: str
    name: str
    streets: list[int] = field(default_factory=list)


@dataclass
class _Unit:
    id: str
    name: str
    kind: UnitKind
    community: int
    lat: float
    lon: float
    staff: int
    members_estimate: int
    nominal: bool
    party_org_id: str
    trade: str = ""
    in_service: int = 0


# -- small helpers --------------------------------------------------------------------


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十 (1 ≤ n ≤ 99).

    >>> chinese_number(12), chinese_number(40), chinese_number(7)
    ('十二', '四十', '七')
    """
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def _nice(v: float) -> int:
    """Round a quantity to a number a person would write."""
    for bound, step in ((10_000, 1000), (1000, 100), (100, 10), (40, 5)):
        if v >= bound:
            return max(step, round(v / step) * step)
    return max(1, round(v))


def _quotas(rng: random.Random, weights: dict[T, float], n: int) -> list[T]:
    """``n`` labels in proportion to ``weights`` (largest remainder), shuffled."""
    total = sum(weights.values())
    exact = {k: n * v / total for k, v in weights.items()}
    counts = {k: int(x) for k, x in exact.items()}
    rest = n - sum(counts.values())
    for k in sorted(exact, key=lambda k: counts[k] - exact[k])[:rest]:
        counts[k] += 1
    out = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(out)
    return out


class _Picker:
    """Weighted choice with precomputed cumulative weights (fast for many draws)."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items: Sequence[Any] = items
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1] if self.cum else 0.0

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def _person(rng: random.Random) -> str:
    given = rng.choice(w.GIVEN) + (rng.choice(w.GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(w.SURNAMES) + given


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"0379-6{rng.randrange(10**6, 10**7)}"
    return f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}"


def _brand(rng: random.Random) -> str:
    a, b = rng.sample(w.BRAND_CHARS, 2)
    return a + b


def _place_name(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.sample(w.PLACE_CHARS, n))


def _community_type(rng: random.Random, name: str) -> CommunityType:
    """A plausible type from a community's name (factories, villages, estates)."""
    r = rng.random()
    if any(k in name for k in w.FACTORY_WORDS):
        return CommunityType.UNIT_BASED if r < 0.85 else CommunityType.OLD
    if "新村" in name:
        return CommunityType.UNIT_BASED if r < 0.5 else CommunityType.OLD
    if any(k in name for k in w.VILLAGE_WORDS):
        return CommunityType.VILLAGE_TO_RESIDENCE if r < 0.85 else CommunityType.OLD
    if any(k in name for k in w.COMMODITY_WORDS):
        return CommunityType.COMMODITY if r < 0.85 else CommunityType.OLD
    if r < 0.5:
        return CommunityType.OLD
    return CommunityType.UNIT_BASED if r < 0.75 else CommunityType.COMMODITY


def _windows() -> list[tuple[dt.date | None, dt.date | None]]:
    """Candidate time windows: month-aligned, mostly within 2026–2027, some open."""
    out: list[tuple[dt.date | None, dt.date | None]] = []
    for year, month in itertools.product((2026, 2027), range(1, 13)):
        for months in (3, 6, 12):
            end_month = month + months
            end_year = year + (end_month - 1) // 12
            end_month = (end_month - 1) % 12 + 1
            end = dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
            if end <= dt.date(2027, 12, 31):
                out.append((dt.date(year, month, 1), end))
    return out


WINDOWS = _windows()
SINCE = [dt.date(y, m, 1) for y in (2023, 2024, 2025) for m in range(1, 13)]
CREATED = [dt.date(2025, 9, 1) + dt.timedelta(days=d) for d in range(0, 180, 3)]


def _window(rng: random.Random, open_share: float) -> tuple[dt.date | None, dt.date | None]:
    r = rng.random()
    if r < open_share:
        return None, None
    start, end = rng.choice(WINDOWS)
    if r < open_share * 1.5:
        return start, None  # open-ended
    return start, end


# -- the generator ----------------------------------------------------------------------


class _Generator:
    def __init__(self, seed: int, scale: float) -> None:
        if not scale > 0 or not math.isfinite(scale):
            raise ValueError(f"规模倍数 scale 须为正数，收到 {scale}")
        self.rng = random.Random(seed)
        self.scale = scale
        self.out = District(seed=seed, scale=scale)
        self.districts: list[_District] = []
        self.streets: list[_Street] = []
        self.communities: list[_Community] = []
        self.units: list[_Unit] = []
        self.data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))

    def run(self) -> District:
        self._geography()
        self._network()
        self._units()
        self._members()
        self._needs()
        self._resources()
        return self.out

    # geography: districts, streets, communities (plan only)

    def _geography(self) -> None:
        rng, data = self.rng, self.data
        n_streets = max(1, round(len(data["streets"]) * self.scale))
        real = data["streets"][:n_streets]
        self.districts.append(_District(data["district"]["code"], data["district"]["name"]))
        for s in real:
            lat, lon = geo.STREET_CENTRES[s["code"]]
            street = _Street(s["code"], s["name"], 0, lat, lon, 0.75, roads=w.ROADS)
            self._add_street(street)
            for c in s["communities"]:
                name = c["name"].removesuffix("居民委员会")
                self._add_community(street, c["code"], name, geo.DISTRICT_BOX)
        n_synthetic = n_streets - len(real)
        centres, cell_km = geo.synthetic_street_centres(rng, n_synthetic)
        street_names: set[str] = {s.name for s in self.streets}
        district_names: set[str] = {self.districts[0].name}
        for i, (lat, lon) in enumerate(centres):
            number = len(self.streets) + 1
            if i % STREETS_PER_SYNTHETIC_DISTRICT == 0:
                d_name = self._unique(district_names, lambda: _place_name(rng) + "区",
                                      f"第{len(self.districts) + 1}区")
                self.districts.append(_District(f"D{len(self.districts) + 1:04d}", d_name))
            s_name = self._unique(street_names, lambda: _place_name(rng) + "路街道",
                                  f"第{chinese_number(number % 100 or 1)}街道{number}")
            road_stem = s_name.removesuffix("街道")
            roads = (road_stem, *(_place_name(rng) + "路" for _ in range(5)))
            street = _Street(f"S{number:04d}", s_name, len(self.districts) - 1, lat, lon,
                             min(0.75, max(cell_km / 4, 0.15)), roads=roads)
            self._add_street(street)
            names: set[str] = set()
            for j in range(rng.randint(4, 10)):
                c_name = self._unique(
                    names, lambda: _place_name(rng) + rng.choice(w.PLACE_SUFFIX_COMMUNITY) + "社区",
                    f"{street.short}第{chinese_number(j + 1)}社区")
                self._add_community(street, f"C{number:04d}-{j + 1:02d}", c_name,
                                    geo.city_box(n_synthetic))
        # weak communities: mostly village-to-residence (Efraimidis–Spirakis weighted sample)
        n_weak = round(len(self.communities) * WEAK_SHARE)
        keyed = sorted(
            range(len(self.communities)),
            key=lambda i: rng.random() ** (
                1 / (6.0 if self.communities[i].type == CommunityType.VILLAGE_TO_RESIDENCE
                     else 1.0)),
            reverse=True)
        for i in keyed[:n_weak]:
            self.communities[i].weak = True
        # scarce categories per street: some needs stay unmatched for real reasons
        codes = sorted(w.CATALOG)
        for street in self.streets:
            scarce = rng.sample(codes, SCARCE_PER_STREET)
            street.scarce = frozenset(scarce)
            street.absent = frozenset(scarce[:ABSENT_PER_STREET])

    @staticmethod
    def _unique(taken: set[str], make: Callable[[], str], fallback: str) -> str:
        for _ in range(20):
            name = make()
            if name not in taken:
                taken.add(name)
                return name
        taken.add(fallback)
        return fallback

    def _add_street(self, street: _Street) -> None:
        self.districts[street.district].streets.append(len(self.streets))
        self.streets.append(street)

    def _add_community(self, street: _Street, cid: str, name: str,
                       box: tuple[float, float, float, float]) -> None:
        rng = self.rng
        lat, lon = geo.jitter(rng, street.lat, street.lon, street.spread_km, box)
        ctype = _community_type(rng, name)
        low, high = HOUSEHOLDS[ctype]
        c = _Community(cid, name, len(self.streets) - 1, lat, lon, ctype,
                       households=rng.randrange(low, high, 10))
        street.communities.append(len(self.communities))
        self.communities.append(c)

    # organizations of the network

    def _network(self) -> None:
        rng, out, data = self.rng, self.out, self.data
        orgs = out.organizations
        city = data["city"]
        orgs.append(Organization(id=city["code"], name=f"{city['name']}委", level=OrgLevel.CITY))
        for d in self.districts:
            orgs.append(Organization(id=d.id, name=f"{d.name}委", level=OrgLevel.DISTRICT,
                                     parent_id=city["code"]))
        for si, s in enumerate(self.streets):
            district = self.districts[s.district]
            orgs.append(Organization(
                id=s.id, name=f"{s.name}党工委", level=OrgLevel.STREET, parent_id=district.id,
                street_id=s.id, lat=round(s.lat, 6), lon=round(s.lon, 6),
                address=f"{city['name']}{district.name}{rng.choice(s.roads)}"
                        f"{rng.randint(1, 300)}号"))
            for ci in s.communities:
                self._community_orgs(si, self.communities[ci])
            self._street_extras(si, s)

    def _community_orgs(self, si: int, c: _Community) -> None:
        rng, orgs = self.rng, self.out.organizations
        s = self.streets[si]
        orgs.append(Organization(
            id=c.id, name=c.name, level=OrgLevel.COMMUNITY, parent_id=s.id, street_id=s.id,
            community_id=c.id, community_type=c.type, weak=c.weak, households=c.households,
            lat=c.lat, lon=c.lon, address=f"{s.name}{rng.choice(s.roads)}{rng.randint(1, 400)}号"))
        grid = c.type in (CommunityType.OLD, CommunityType.VILLAGE_TO_RESIDENCE)
        n_branches = rng.randint(1, 4)
        used: set[str] = set()
        for b in range(1, n_branches + 1):
            bid = f"{c.id}-B{b}"
            blat, blon = geo.jitter(rng, c.lat, c.lon, 0.15)
            if grid and rng.random() < 0.7:
                name, level = f"{c.name}第{chinese_number(b)}网格党支部", OrgLevel.GRID_BRANCH
            else:
                compound = self._unique(
                    used, lambda: rng.choice(w.COMPOUND_PREFIX) + rng.choice(w.COMPOUND_SUFFIX),
                    f"{c.name}{b}号院")
                c.compounds.append(compound)
                name, level = f"{c.name}{compound}党支部", OrgLevel.COMPOUND_BRANCH
            orgs.append(Organization(id=bid, name=name, level=level, parent_id=c.id,
                                     street_id=s.id, community_id=c.id, lat=blat, lon=blon))
            c.branches.append(bid)
            first = rng.randint(1, 20)
            for g in range(rng.randint(1, 3)):
                gid = f"{bid}-L{g + 1}"
                building = first + g
                orgs.append(Organization(
                    id=gid, name=f"{name.removesuffix('党支部')}{building}号楼党小组",
                    level=OrgLevel.BUILDING_GROUP, parent_id=bid, street_id=s.id,
                    community_id=c.id))
                c.groups.append(gid)
                if level == OrgLevel.GRID_BRANCH and rng.random() < 0.5:
                    orgs.append(Organization(
                        id=f"{gid}-H1",
                        name=f"{c.name}{building}号楼{rng.randint(1, 4)}单元党员中心户",
                        level=OrgLevel.MEMBER_HOUSEHOLD, parent_id=gid, street_id=s.id,
                        community_id=c.id))

    def _street_extras(self, si: int, s: _Street) -> None:
        rng, out = self.rng, self.out
        district = self.districts[s.district]
        extras: list[Organization] = []
        if rng.random() < 0.6:
            extras.append(Organization(id=f"{s.id}-RC", name=f"{s.name}区域党委",
                                       level=OrgLevel.REGIONAL_COMMITTEE, parent_id=s.id,
                                       street_id=s.id))
        sector_names = (f"{s.short}{_brand(rng)}商务楼宇党委",
                        f"{rng.choice(s.roads)}商圈市场党支部",
                        f"{s.short}科技产业园区党委",
                        f"{district.name}{rng.choice(w.TRADES)}行业协会党支部")
        for k in range(1 if extras else rng.randint(1, 2)):
            extras.append(Organization(id=f"{s.id}-SO{k + 1}", name=rng.choice(sector_names),
                                       level=OrgLevel.SECTOR_ORG, parent_id=s.id,
                                       street_id=s.id))
        s.alliance_id = f"{s.id}-AL"
        alliance = rng.choice((f"{s.name}区域党建联盟", f"{s.short}党建联合体",
                               f"{s.name}红色物业党建联盟"))
        extras.append(Organization(id=s.alliance_id, name=alliance, level=OrgLevel.ALLIANCE,
                                   parent_id=s.id, street_id=s.id))
        out.organizations.extend(extras)
        for e in extras[:-1]:
            out.memberships.append(Relationship(kind="ALLIANCE_MEMBER", src=e.id,
                                                dst=s.alliance_id, since=rng.choice(SINCE)))

    # resident units and their party organizations

    def _unit_name(self, kind: UnitKind, c: _Community, trade: str) -> str:
        rng = self.rng
        s = self.streets[c.street]
        dname = self.districts[s.district].name
        road = rng.choice(s.roads)
        short_road = road.removesuffix("路")
        brand = _brand(rng)
        r = rng.random()
        if kind == UnitKind.GOVERNMENT_AGENCY:
            if r < 0.55:
                return dname + rng.choice(w.BUREAUS)
            return s.short + rng.choice(w.STREET_OFFICES)
        if kind == UnitKind.PUBLIC_INSTITUTION:
            if r < 0.6:
                return dname + rng.choice(w.INSTITUTIONS)
            return f"{s.short}社区卫生服务中心" if r < 0.8 else f"{s.name}党群服务中心"
        if kind == UnitKind.SCHOOL:
            if r < 0.3:
                return f"洛阳市第{chinese_number(rng.randint(2, 60))}中学"
            if r < 0.6:
                return f"{dname}{short_road}{rng.choice(('小学', '实验小学', '第二小学'))}"
            if r < 0.85:
                return f"{dname}{short_road}幼儿园"
            return f"洛阳{brand}职业技术学校"
        if kind == UnitKind.HOSPITAL:
            if r < 0.35:
                return f"{dname}{rng.choice(('人民医院', '中医院', '妇幼保健院', '第二人民医院'))}"
            if r < 0.7:
                return f"洛阳市第{chinese_number(rng.randint(1, 9))}人民医院{s.short}院区"
            return f"洛阳市{rng.choice(w.SPECIALTIES)}医院{s.short}分院"
        if kind == UnitKind.STATE_OWNED:
            return rng.choice((
                f"中国一拖集团{brand}分公司", f"国网洛阳供电公司{s.short}供电所",
                f"中国移动洛阳分公司{short_road}营业部",
                f"中国邮政洛阳市{dname}分公司{s.short}支局",
                f"洛阳{brand}燃气有限公司{s.short}服务站", f"洛阳水务集团{s.short}营业所",
                f"中国工商银行洛阳{short_road}支行", f"洛阳城市建设投资集团{brand}公司",
                f"洛阳公交集团第{chinese_number(rng.randint(1, 30))}车队",
                f"洛阳热力公司{s.short}换热站"))
        if kind == UnitKind.PRIVATE_ENTERPRISE:
            return f"洛阳{brand}{trade}有限公司"
        if kind == UnitKind.SOCIAL_ORGANIZATION:
            if r < 0.4:
                return dname + rng.choice(w.SOCIAL_KINDS)
            return f"洛阳市{brand}{rng.choice(w.SOCIAL_KINDS)}"
        if kind == UnitKind.INTERNET_COMPANY:
            trade = rng.choice(("网络科技", "信息技术", "数字科技", "软件", "电子商务"))
            return f"洛阳{brand}{trade}有限公司"
        if r < 0.6:
            return f"洛阳{brand}物业服务有限公司"
        return f"{brand}物业管理有限公司{short_road}项目部"

    def _units(self) -> None:
        rng, out = self.rng, self.out
        n_units = max(len(UnitKind), round(UNITS_PER_SCALE * self.scale))
        kinds = _quotas(rng, UNIT_KIND_WEIGHTS, n_units)
        pick_community = _Picker(range(len(self.communities)),
                                 [c.households for c in self.communities])
        taken: dict[int, set[str]] = {}
        for i, kind in enumerate(kinds, start=1):
            ci = pick_community(rng)
            c = self.communities[ci]
            names = taken.setdefault(self.streets[c.street].district, set())
            trade = rng.choice(w.TRADES) if kind == UnitKind.PRIVATE_ENTERPRISE else ""
            name = self._unique(names, partial(self._unit_name, kind, c, trade),
                                f"洛阳{_brand(rng)}{_brand(rng)}{trade or '商贸'}有限公司")
            low, high, share = UNIT_STAFF[kind]
            staff = _nice(math.exp(rng.uniform(math.log(low), math.log(high))))
            lat, lon = geo.jitter(rng, c.lat, c.lon, 0.35)
            self.units.append(_Unit(f"U{i:06d}", name, kind, ci, lat, lon, staff,
                                    max(3, round(staff * share)),
                                    rng.random() < NOMINAL_SHARE, f"UP{i:06d}", trade))
        # in-service members are assigned before the units are built (to count them)
        self._plan_members()
        for u in self.units:
            c = self.communities[u.community]
            s = self.streets[c.street]
            s_road = rng.choice(s.roads)
            out.units.append(ResidentUnit(
                id=u.id, name=u.name, kind=u.kind, street_id=s.id, community_id=c.id,
                address=f"{self.districts[s.district].name}{s_road}{rng.randint(1, 500)}号",
                liaison_name=_person(rng), liaison_phone=_phone(rng), staff=u.staff,
                party_members=max(u.members_estimate, u.in_service), lat=u.lat, lon=u.lon))
            big = u.kind in STREET_PARENTED
            suffix = "党委" if u.staff >= 500 else ("党总支" if u.staff >= 100 else "党支部")
            out.unit_party_orgs.append(Organization(
                id=u.party_org_id, name=u.name + suffix, level=OrgLevel.UNIT_PARTY_ORG,
                parent_id=s.id if big else c.id, street_id=s.id, community_id=c.id,
                unit_id=u.id, lat=u.lat, lon=u.lon))
            # dual registration with 1-3 nearby communities of the street
            if u.nominal or rng.random() >= UNREGISTERED_SHARE:
                near = sorted(s.communities, key=lambda j: geo.km_between(
                    u.lat, u.lon, self.communities[j].lat, self.communities[j].lon))
                for j in near[:rng.choice((1, 1, 2, 2, 3))]:
                    out.registrations.append(Relationship(
                        kind="REGISTERED_WITH", src=u.id, dst=self.communities[j].id,
                        since=rng.choice(SINCE)))
            if rng.random() < 0.3:
                out.memberships.append(Relationship(kind="ALLIANCE_MEMBER", src=u.id,
                                                    dst=s.alliance_id, since=rng.choice(SINCE)))
            if big and rng.random() < 0.15:
                out.memberships.append(Relationship(
                    kind="PART_TIME_MEMBER", src=u.id, dst=s.id, since=rng.choice(SINCE),
                    props={"role": "兼职委员", "reports": "每年述职"}))

    # party members

    def _plan_members(self) -> None:
        rng = self.rng
        n = round(MEMBERS_PER_SCALE * min(self.scale, self.scale ** 0.75))
        n = max(len(MemberCategory), min(n, 10 * len(self.units)))
        self.member_plan = _quotas(rng, MEMBER_SHARES, n)
        pick_unit = _Picker(range(len(self.units)), [u.members_estimate for u in self.units])
        self.member_units: list[int] = []
        for category in self.member_plan:
            if category == MemberCategory.IN_SERVICE:
                ui = pick_unit(rng)
                self.units[ui].in_service += 1
                self.member_units.append(ui)
            else:
                self.member_units.append(-1)

    def _members(self) -> None:
        rng, out = self.rng, self.out
        pick_home = _Picker(range(len(self.communities)),
                            [c.households for c in self.communities])
        for i, (category, ui) in enumerate(zip(self.member_plan, self.member_units, strict=True),
                                           start=1):
            work_unit_id = None
            if ui >= 0:
                u = self.units[ui]
                work_unit_id = u.id
                if rng.random() < 0.65:  # lives in the unit's street
                    street = self.streets[self.communities[u.community].street]
                else:  # elsewhere in the unit's district
                    d = self.districts[self.streets[self.communities[u.community].street].district]
                    street = self.streets[rng.choice(d.streets)]
                home = self.communities[rng.choice(street.communities)]
                org_id = u.party_org_id
            else:
                home = self.communities[pick_home(rng)]
                r = rng.random()
                if category == MemberCategory.FLOATING or r < 0.2:
                    org_id = home.id
                elif r < 0.5:
                    org_id = rng.choice(home.branches)
                else:
                    org_id = rng.choice(home.groups)
            if category == MemberCategory.RETIRED:
                birth = rng.randint(1938, 1964)
            else:
                birth = rng.randint(1965, 2003)
            mid = f"M{i:07d}"
            out.members.append(PartyMember(
                id=mid, name=_person(rng), category=category, org_id=org_id,
                street_id=self.streets[home.street].id, work_unit_id=work_unit_id,
                home_community_id=home.id, phone=_phone(rng), birth_year=birth,
                points=rng.randint(0, 120)))
            if category == MemberCategory.IN_SERVICE and rng.random() < 0.8:
                out.registrations.append(Relationship(kind="REGISTERED_WITH", src=mid,
                                                      dst=home.id, since=rng.choice(SINCE)))

    # needs and resources

    def _slots(self, spec: w.CategorySpec, place: str, unit: str, q: int,
               uom: str) -> dict[str, Any]:
        rng = self.rng
        if uom in ("次", "场"):  # "每月……全年12次": the frequency agrees with the count
            freq = min(w.FREQ, key=lambda f: abs(math.log(q / w.PER_YEAR[f])))
        else:
            freq = rng.choice(w.FREQ)
        return {"place": place, "unit": unit, "who": rng.choice(spec.who),
                "obj": rng.choice(spec.obj), "n": rng.choice(w.HEADCOUNTS),
                "k": rng.choice(w.CN_COUNT), "freq": freq, "q": q, "u": uom,
                "time": rng.choice(w.TIMES), "cap": rng.choice(w.CAPACITIES)}

    def _needs(self) -> None:
        rng, out = self.rng, self.out
        n = round(NEEDS_PER_SCALE * self.scale)
        codes = sorted(w.CATALOG)
        by_type = {t: _Picker(codes, [w.CATALOG[k].demand * w.COMMUNITY_FOCUS[t].get(k, 1.0)
                                      for k in codes]) for t in CommunityType}
        pick_community = _Picker(range(len(self.communities)),
                                 [c.households * (1.3 if c.weak else 1.0)
                                  for c in self.communities])
        for i in range(1, n + 1):
            c = self.communities[pick_community(rng)]
            code: str = by_type[c.type](rng)
            spec = w.CATALOG[code]
            t = rng.choice(spec.needs)
            place = c.name
            if c.compounds and rng.random() < 0.35:
                place += rng.choice(c.compounds)
            q = _nice(rng.uniform(t.low, t.high))
            slots = self._slots(spec, place, "", q, t.uom)
            start, end = _window(rng, 0.12)
            urgency = rng.choices((1, 2, 3), (0.4, 0.42, 0.18) if not c.weak
                                  else (0.25, 0.45, 0.3))[0]
            out.needs.append(Need(
                id=f"N{i:07d}", title=t.title.format(**slots),
                description=t.description.format(**slots), category=code,
                community_id=c.id, street_id=self.streets[c.street].id, quantity=q,
                unit_of_measure=t.uom, urgency=urgency,
                online_ok=t.online_ok and rng.random() < 0.85,
                created=rng.choice(CREATED), start=start, end=end, lat=c.lat, lon=c.lon))

    def _resources(self) -> None:
        rng, out = self.rng, self.out
        n = round(RESOURCES_PER_SCALE * self.scale)
        codes = sorted(w.CATALOG)
        active = [i for i, u in enumerate(self.units) if not u.nominal] or [0]
        pick_unit = _Picker(active, [1.0 + math.log10(self.units[i].staff) for i in active])
        pickers: dict[tuple[UnitKind, str, int], _Picker] = {}
        for i in range(1, n + 1):
            u = self.units[pick_unit(rng)]
            c = self.communities[u.community]
            street = self.streets[c.street]
            key = (u.kind, u.trade, c.street)
            picker = pickers.get(key)
            if picker is None:
                supply = w.UNIT_SUPPLY[u.kind]
                speciality = w.TRADE_SERVICES.get(u.trade)
                weights = []
                for k in codes:
                    weight = supply.get(k, w.OFF_PROFILE)
                    if k == speciality:
                        weight += 5.0
                    elif k in w.TRADE_ONLY and k not in supply:
                        weight = 0.01
                    if w.CATALOG[k].rare:
                        weight *= RARE_SUPPLY
                    if k in street.absent:
                        weight = 0.0
                    elif k in street.scarce:
                        weight *= 0.05
                    weights.append(weight)
                picker = pickers[key] = _Picker(codes, weights)
            code: str = picker(rng)
            spec = w.CATALOG[code]
            t = rng.choice(spec.resources)
            q = _nice(rng.uniform(t.low, t.high))
            slots = self._slots(spec, c.name, u.name, q, t.uom)
            mode = ServiceMode(t.mode)
            if mode == ServiceMode.ONLINE:
                reach = 100.0
            elif mode == ServiceMode.AT_UNIT:
                reach = rng.choice((1.0, 1.5, 2.0, 3.0))
            elif spec.rare:
                reach = rng.choice((1.0, 1.5, 2.0))
            else:
                reach = rng.choice((1.0, 1.5, 2.0, 3.0, 3.0, 4.0, 5.0))
            start, end = _window(rng, 0.2)
            out.resources.append(Resource(
                id=f"R{i:07d}", title=t.title.format(**slots),
                description=t.description.format(**slots), category=code, unit_id=u.id,
                street_id=street.id, capacity=q, unit_of_measure=t.uom, mode=mode,
                reach_km=reach, start=start, end=end, lat=u.lat, lon=u.lon))


def generate_district(seed: int = 7, scale: float = 1.0) -> District:
    """Generate the demo district (``scale=1``) or a synthetic city around it.

    Parameters
    ----------
    seed : int
        Seed of the generator's own random state; the same seed and scale give the same
        district.
    scale : float
        Multiplies streets, communities, units, needs and resources (members grow more
        slowly, as ``scale ** 0.75`` above 1, at most 10 per unit). Below 1 the first real
        streets are kept; above 1 synthetic streets and communities are added.

    Returns
    -------
    District
        Organizations, units, unit party organizations, members, needs, resources and
        relationships, ready for :func:`load_district`.

    Examples
    --------
    >>> d = generate_district(seed=7, scale=0.2)
    >>> [s.name for s in d.streets]
    ['湖北路街道党工委', '天津路街道党工委']
    >>> d.needs[0].id, d.needs[0].street_id in {s.id for s in d.streets}
    ('N0000001', True)
    """
    return _Generator(seed, scale).run()


def _counted(items: Iterable[T], done: list[int], progress: ProgressCallback,
             every: int = 2000) -> Iterator[T]:
    for item in items:
        yield item
        done[0] += 1
        if done[0] % every == 0:
            progress(done[0])


def load_district(store: GraphStore, district: District,
                  progress: ProgressCallback | None = None) -> UpsertReport:
    """Upsert a district into ``store`` in one transaction (all or nothing).

    Parameters
    ----------
    store : GraphStore
        Any backend of the store protocol.
    district : District
        What :func:`generate_district` returned.
    progress : callable, optional
        Called with the number of nodes and relationships written so far (every 2,000 and
        once at the end), so a command line can draw a bar.

    Returns
    -------
    UpsertReport
        Created, updated and unchanged counts by kind. Loading the same district twice
        changes nothing.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.embedded import EmbeddedStore
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g.db")
    >>> d = generate_district(seed=7, scale=0.1)
    >>> report = load_district(store, d)
    >>> report.created["Need"], load_district(store, d).changed
    (60, 0)
    >>> store.close()
    """
    nodes: Iterable[Node] = district.nodes()
    relationships: Iterable[Relationship] = district.relationships()
    if progress is None:
        return store.upsert(nodes, relationships)
    done = [0]
    report = store.upsert(_counted(nodes, done, progress),
                          _counted(relationships, done, progress))
    progress(done[0])
    return report
