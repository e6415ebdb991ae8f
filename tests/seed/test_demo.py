"""The demo district generator: real divisions, realistic content, determinism, loading."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph import (
    CommunityType,
    EmbeddedStore,
    MemberCategory,
    OrgLevel,
    UnitKind,
)
from graph.model import CHINA_LAT, CHINA_LON, UNITS_OF_MEASURE
from seed import District, generate_district, load_district
from seed import wording as w
from seed.demo import DATA


@pytest.fixture(scope="module")
def demo() -> District:
    return generate_district()


def test_same_seed_gives_identical_district(demo: District) -> None:
    again = generate_district(seed=7)
    assert [n.content() for n in again.nodes()] == [n.content() for n in demo.nodes()]
    assert again.relationships() == demo.relationships()


def test_different_seed_gives_a_different_district(demo: District) -> None:
    other = generate_district(seed=8)
    assert [n.title for n in other.needs] != [n.title for n in demo.needs]
    assert [u.name for u in other.units] != [u.name for u in demo.units]


def test_generation_leaves_the_global_random_state_alone() -> None:
    import random

    random.seed(1)
    expected = random.random()
    random.seed(1)
    generate_district(seed=3, scale=0.1)
    assert random.random() == expected


def test_demo_has_the_eleven_real_streets_and_76_real_communities(demo: District) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = {s.name for s in demo.streets}
    assert len(demo.streets) == 11
    assert {"武汉路街道党工委", "湖北路街道党工委"} <= names
    assert {s.id for s in demo.streets} == {s["code"] for s in data["streets"]}
    real = {c["code"]: c["name"].removesuffix("居民委员会")
            for s in data["streets"] for c in s["communities"]}
    assert len(real) == 76
    assert {c.id: c.name for c in demo.communities} == real
    assert demo.communities[0].name == "唐村社区"
    assert all(len(c.id) == 12 and c.parent_id == c.id[:9] for c in demo.communities)


def test_demo_hierarchy_runs_from_city_to_building_groups(demo: District) -> None:
    levels = Counter(o.level for o in demo.organizations)
    assert levels[OrgLevel.CITY] == 1 and levels[OrgLevel.DISTRICT] == 1
    by_id = {o.id: o for o in demo.organizations}
    assert by_id["410305"].parent_id == "4103"
    for level in (OrgLevel.COMPOUND_BRANCH, OrgLevel.GRID_BRANCH, OrgLevel.BUILDING_GROUP,
                  OrgLevel.REGIONAL_COMMITTEE, OrgLevel.SECTOR_ORG):
        assert levels[level] > 0, level
    assert levels[OrgLevel.ALLIANCE] == 11
    for c in demo.communities:
        branches = [o for o in demo.organizations if o.parent_id == c.id]
        assert 1 <= len(branches) <= 4


def test_demo_has_all_community_types_and_a_few_weak_ones(demo: District) -> None:
    types = Counter(c.community_type for c in demo.communities)
    assert set(types) == set(CommunityType)
    weak = [c for c in demo.communities if c.weak]
    assert 3 <= len(weak) <= 8
    by_name = {c.name: c for c in demo.communities}
    assert by_name["七二五社区"].community_type in (CommunityType.UNIT_BASED, CommunityType.OLD)
    villages = [c for c in demo.communities if "沟" in c.name]
    assert sum(c.community_type == CommunityType.VILLAGE_TO_RESIDENCE for c in villages) >= 3


def test_demo_has_units_of_every_kind_each_with_its_party_org(demo: District) -> None:
    assert 280 <= len(demo.units) <= 320
    assert {u.kind for u in demo.units} == set(UnitKind)
    orgs = {o.unit_id: o for o in demo.unit_party_orgs}
    assert set(orgs) == {u.id for u in demo.units}
    assert all(o.level == OrgLevel.UNIT_PARTY_ORG for o in orgs.values())
    assert all(u.liaison_name and u.liaison_phone for u in demo.units)
    assert len({u.name for u in demo.units}) == len(demo.units)


def test_demo_has_members_of_all_four_categories_with_dual_registration(demo: District) -> None:
    assert 2800 <= len(demo.members) <= 3200
    assert {m.category for m in demo.members} == set(MemberCategory)
    in_service = [m for m in demo.members if m.category == MemberCategory.IN_SERVICE]
    assert all(m.work_unit_id and m.home_community_id for m in in_service)
    registered = {(r.src, r.dst) for r in demo.registrations}
    members_registered = [m for m in in_service if (m.id, m.home_community_id) in registered]
    assert 0.6 < len(members_registered) / len(in_service) < 0.95
    communities = {c.id for c in demo.communities}
    assert all(r.kind == "REGISTERED_WITH" and r.dst in communities for r in demo.registrations)


def test_some_units_register_but_offer_nothing(demo: District) -> None:
    units = {u.id for u in demo.units}
    registered = {r.src for r in demo.registrations if r.src in units}
    offering = {r.unit_id for r in demo.resources}
    nominal = registered - offering
    assert 0.75 * len(units) < len(registered)
    assert 20 <= len(nominal) <= 90


def test_needs_and_resources_cover_the_taxonomy_with_chinese_wording(demo: District) -> None:
    assert len(demo.needs) == 600 and len(demo.resources) == 900
    assert len({n.category for n in demo.needs}) >= 20
    assert len({r.category for r in demo.resources}) >= 20
    assert len({n.title for n in demo.needs}) > 300  # varied wording
    assert len({n.description for n in demo.needs}) > 550
    assert len({r.description for r in demo.resources}) > 800
    for item in [*demo.needs[:50], *demo.resources[:50]]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in item.title + item.description)
        assert "{" not in item.title + item.description
    assert {n.urgency for n in demo.needs} == {1, 2, 3}
    assert any(n.online_ok for n in demo.needs)
    assert {r.mode.value for r in demo.resources} == {"onsite", "at_unit", "online"}
    assert any(n.end is None for n in demo.needs) and any(n.end for n in demo.needs)


def test_every_need_unit_of_measure_is_offered_somewhere(demo: District) -> None:
    offered = {r.unit_of_measure for r in demo.resources}
    assert {n.unit_of_measure for n in demo.needs} <= offered
    pairs = {(r.category, r.unit_of_measure) for r in demo.resources}
    for code, spec in w.CATALOG.items():  # the templates themselves always line up
        assert {t.uom for t in spec.needs} <= {t.uom for t in spec.resources}, code
        assert {t.uom for t in (*spec.needs, *spec.resources)} <= set(UNITS_OF_MEASURE)
    covered = sum((n.category, n.unit_of_measure) in pairs for n in demo.needs)
    assert covered / len(demo.needs) > 0.9


def test_some_categories_are_scarce_in_some_streets(demo: District) -> None:
    offered = Counter((r.street_id, r.category) for r in demo.resources)
    asked = Counter((n.street_id, n.category) for n in demo.needs)
    short = [key for key, n in asked.items() if offered[key] == 0]
    assert len(short) >= 11


def test_coordinates_are_inside_china_and_the_district(demo: District) -> None:
    located = [*demo.communities, *demo.units, *demo.needs, *demo.resources]
    for node in located:
        assert node.lat is not None and node.lon is not None
        assert CHINA_LAT[0] <= node.lat <= CHINA_LAT[1]
        assert CHINA_LON[0] <= node.lon <= CHINA_LON[1]
    for c in demo.communities:
        assert c.lat is not None and c.lon is not None
        assert 34.62 <= c.lat <= 34.70 and 112.33 <= c.lon <= 112.45
    where = {c.id: (c.lat, c.lon) for c in demo.communities}
    assert all((n.lat, n.lon) == where[n.community_id] for n in demo.needs)


def test_demo_loads_into_the_embedded_store_with_the_expected_counts(
        demo: District, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.db")
    seen: list[int] = []
    try:
        report = load_district(store, demo, progress=seen.append)
        counts = store.counts()
        node_counts = {k: v for k, v in demo.counts().items() if "_" not in k}
        assert report.created == {**node_counts,
                                  "relationships": len(demo.relationships())}
        assert {k: counts[k] for k in demo.counts()} == demo.counts()
        total = len(demo.nodes()) + len(demo.relationships())
        assert seen[-1] == total and seen == sorted(seen)
        assert store.counts("410305008")["Need"] == sum(
            n.street_id == "410305008" for n in demo.needs)
        assert load_district(store, demo).changed == 0
    finally:
        store.close()


def test_scale_three_gives_about_three_times_the_needs() -> None:
    city = generate_district(seed=7, scale=3)
    assert len(city.needs) == 1800 and len(city.resources) == 2700
    assert len(city.streets) == 33 and 190 <= len(city.communities) <= 270
    synthetic = [s for s in city.streets if s.id.startswith("S")]
    assert len(synthetic) == 22 and all(s.name.endswith("街道党工委") for s in synthetic)
    assert any(c.id.startswith("C0012-") for c in city.communities)
    districts = [o for o in city.organizations if o.level == OrgLevel.DISTRICT]
    assert len(districts) == 4 and all(d.parent_id == "4103" for d in districts)
    assert len(city.members) < 3 * 3000
    ids = [n.id for n in city.nodes()]
    assert len(ids) == len(set(ids))


def test_small_scale_keeps_the_first_real_streets() -> None:
    small = generate_district(seed=7, scale=0.5)
    assert [s.id for s in small.streets] == [f"41030500{i}" for i in range(1, 7)]
    assert len(small.needs) == 300


def test_scale_must_be_positive() -> None:
    with pytest.raises(ValueError, match="scale"):
        generate_district(scale=0)
