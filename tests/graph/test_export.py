"""Exports for researchers' tools: GEXF with names as labels, k-anonymous members."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import EmbeddedStore, MatchRun, Organization, PartyMember, ResidentUnit
from graph.anonymity import K_ANONYMITY
from graph.export import (
    graph_to_snapshot,
    pseudonym,
    read_json,
    snapshot_to_networkx,
    write_gexf,
    write_graphml,
    write_json,
)
from graph.store import Snapshot
from seed import District, generate_district, load_district

SALT = "a-secret-salt-of-the-data-directory"


def district_snapshot(d: District, lists: bool = True) -> Snapshot:
    """The whole generated district as a snapshot, without a store in between (its needs
    and resources left out unless ``lists``)."""
    return Snapshot(
        scope_id=next(o.id for o in d.organizations if o.level == "district"),
        street_ids=[s.id for s in d.streets],
        organizations=[*d.organizations, *d.unit_party_orgs], units=d.units,
        members=d.members, needs=d.needs if lists else [],
        resources=d.resources if lists else [], relationships=d.relationships())


def quasi_identifiers(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the export says about each member but its pseudonym: its attributes and
    its edges (either way) with their attributes."""
    out = {}
    for n, attrs in g.nodes(data=True):
        if attrs["kind"] != "PartyMember":
            continue
        said = tuple(sorted((k, str(v)) for k, v in attrs.items() if k != "label"))
        edges = sorted((k, v, str(sorted(d.items())))
                       for _, v, k, d in g.out_edges(n, keys=True, data=True))
        edges += sorted((k, u, str(sorted(d.items())))
                        for u, _, k, d in g.in_edges(n, keys=True, data=True))
        out[n] = (said, tuple(edges))
    return out


def assert_k_anonymous(g: nx.MultiDiGraph, members: list[PartyMember]) -> None:
    qis = quasi_identifiers(g)
    sizes = Counter(qis.values())
    assert min(sizes.values()) >= K_ANONYMITY
    assert len(qis) >= 0.8 * len(members)  # generalised, not mostly suppressed
    text = str([(n, a, list(g.out_edges(n, data=True))) for n, a in g.nodes(data=True)
                if a["kind"] == "PartyMember"])
    for m in members[:200]:
        assert m.id not in g and f"'{m.name}'" not in text and str(m.phone) not in text
    assert SALT not in text


@pytest.fixture(scope="module")
def demo() -> District:
    return generate_district(seed=7)


@pytest.fixture(scope="module")
def street(demo: District, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """One street of the demo district, as the store gives it."""
    store = EmbeddedStore(tmp_path_factory.mktemp("store") / "g.db")
    load_district(store, demo)
    snap = store.snapshot(demo.streets[0].id)
    store.close()
    return snap


def test_the_demo_district_exported_pseudonymously_is_5_anonymous(demo: District) -> None:
    g = snapshot_to_networkx(district_snapshot(demo), salt=SALT)
    assert_k_anonymous(g, demo.members)
    bands = Counter(a.get("age_band") for _, a in g.nodes(data=True)
                    if a["kind"] == "PartyMember")
    assert len(bands) >= 3  # age bands stand for many, not all, of the members
    assert not [a for _, a in g.nodes(data=True) if "birth_year" in a]


def test_a_city_size_instance_exported_pseudonymously_is_5_anonymous() -> None:
    city = generate_district(seed=11, scale=8)
    assert len(city.members) > 10_000 and len(city.streets) > 80
    g = snapshot_to_networkx(district_snapshot(city, lists=False), salt=SALT)
    assert_k_anonymous(g, city.members)


def test_gexf_loads_in_networkx_with_names_as_labels(demo: District, street: Snapshot,
                                                     tmp_path: Path) -> None:
    snap = street
    path = tmp_path / "demo.gexf"
    write_gexf(snapshot_to_networkx(snap, salt=SALT), path)
    g = nx.read_gexf(path)
    labels = {n: a["label"] for n, a in g.nodes(data=True)}
    unit = snap.units[0]
    assert labels[unit.id] == unit.name and g.nodes[unit.id]["kind"] == "ResidentUnit"
    assert g.nodes[unit.id]["unit_kind"] == unit.kind.value
    community = next(o for o in snap.organizations if o.level == "community")
    assert labels[community.id] == community.name
    need = snap.needs[0]
    assert labels[need.id] == need.title
    members = [n for n, a in g.nodes(data=True) if a["kind"] == "PartyMember"]
    assert len(members) > 0.8 * len(snap.members)
    assert {labels[m] for m in members} == {pseudonym(m.id, SALT) for m in snap.members
                                            if pseudonym(m.id, SALT) in g}
    assert g.number_of_edges() > len(snap.units)


def test_graphml_and_json_keep_the_same_labels(street: Snapshot, tmp_path: Path) -> None:
    g = snapshot_to_networkx(street)
    write_graphml(g, tmp_path / "d.graphml")
    h = nx.read_graphml(tmp_path / "d.graphml")
    member = street.members[0]
    assert h.nodes[member.id]["label"] == member.name  # administrators see names
    write_json(g, tmp_path / "d.json")
    assert read_json(tmp_path / "d.json").nodes[member.id]["label"] == member.name


def test_match_run_results_are_left_out_of_exports(tmp_path: Path) -> None:
    run = MatchRun(id="MR1", scope_id="S1", created=dt.datetime(2026, 3, 1, 9, 30),
                   input_hash="h", status="optimal", objective=1.0,
                   summary={"needs": 3}, result={"pairs": ["x" * 1000] * 20})
    g = snapshot_to_networkx(Snapshot(scope_id="S1", street_ids=["S1"], match_runs=[run]))
    attrs = g.nodes["MR1"]
    assert "result" not in attrs and attrs["summary"] == {"needs": 3}
    assert attrs["label"] == "匹配批次 2026-03-01 09:30"


def test_a_pseudonymous_json_export_reads_back_as_a_snapshot(demo: District, street: Snapshot,
                                                             tmp_path: Path) -> None:
    snap = street
    write_json(snapshot_to_networkx(snap, salt=SALT), tmp_path / "s.json")
    back = graph_to_snapshot(read_json(tmp_path / "s.json"))
    assert [(u.id, u.name, u.kind, u.lat) for u in back.units] == [
        (u.id, u.name, u.kind, u.lat) for u in snap.units]
    assert {u.liaison_phone for u in back.units} == {None}
    assert [n.id for n in back.needs] == [n.id for n in snap.needs]
    assert back.members == [] and back.street_ids == [demo.streets[0].id]
    assert {r.key for r in back.relationships} == {
        r.key for r in snap.relationships if not r.src.startswith("M")}
    assert isinstance(back.organizations[0], Organization)
    assert isinstance(back.units[0], ResidentUnit)
