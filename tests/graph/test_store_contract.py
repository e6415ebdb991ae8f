"""The contract every GraphStore backend passes (parametrized by ``any_store``)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator

import networkx as nx
import pytest

from graph import (
    GraphStore,
    ModelError,
    Need,
    Node,
    NotFound,
    Organization,
    PartyMember,
    Project,
    ReferenceMissing,
    Relationship,
    ResidentUnit,
    Resource,
    VersionConflict,
    Versioned,
)
from tests.graph.district import tiny_district


@pytest.fixture
def loaded(any_store: GraphStore) -> GraphStore:
    nodes, rels = tiny_district()
    any_store.upsert(nodes, rels)
    return any_store


def test_bulk_upsert_creates_every_node_and_relationship(any_store: GraphStore) -> None:
    nodes, rels = tiny_district()
    report = any_store.upsert(nodes, rels)
    assert sum(report.created.values()) == len(nodes) + len(rels)
    counts = any_store.counts()
    assert counts["Organization"] == 8
    assert counts["Need"] == 2
    assert counts["REGISTERED_WITH"] == 3


def test_upserting_the_same_batch_again_changes_nothing(loaded: GraphStore) -> None:
    nodes, rels = tiny_district()
    report = loaded.upsert(nodes, rels)
    assert report.changed == 0
    assert loaded.get(Need, "N1").version == 1


def test_changing_a_node_bumps_its_version(loaded: GraphStore) -> None:
    need = loaded.get(Need, "N1")
    report = loaded.upsert([need.model_copy(update={"quantity": 30})])
    assert report.updated == {"Need": 1}
    again = loaded.get(Need, "N1")
    assert (again.quantity, again.version) == (30, 2)


def test_get_of_an_unknown_id_raises_not_found_naming_it(loaded: GraphStore) -> None:
    with pytest.raises(NotFound, match="N99"):
        loaded.get(Need, "N99")
    with pytest.raises(NotFound, match="C1"):
        loaded.get(Need, "C1")  # exists, but is not a need


def test_get_many_returns_only_existing_nodes_of_the_kind(loaded: GraphStore) -> None:
    found = loaded.get_many(Need, ["N1", "N2", "N404", "C1"])
    assert sorted(found) == ["N1", "N2"]


def test_an_id_cannot_change_kind(loaded: GraphStore) -> None:
    with pytest.raises(ModelError, match="N1"):
        loaded.upsert([ResidentUnit(id="N1", name="x", kind="school", street_id="S1")])


def test_a_reference_to_an_unknown_node_rejects_the_whole_batch(loaded: GraphStore) -> None:
    before = loaded.counts()
    good = Need(id="N3", title="场地", category="venue", community_id="C1", street_id="S1",
                quantity=1, unit_of_measure="处")
    bad = Need(id="N4", title="场地", category="venue", community_id="C99", street_id="S1",
               quantity=1, unit_of_measure="处")
    with pytest.raises(ReferenceMissing, match="N4 的字段 community_id .*C99"):
        loaded.upsert([good, bad])
    assert loaded.counts() == before


def test_a_reference_to_a_node_of_the_wrong_kind_is_rejected(loaded: GraphStore) -> None:
    bad = Resource(id="R9", title="x", category="venue", unit_id="C1", street_id="S1",
                   capacity=1, unit_of_measure="处")
    with pytest.raises(ReferenceMissing, match="R9 的字段 unit_id"):
        loaded.upsert([bad])


def test_references_may_point_forward_within_one_batch(any_store: GraphStore) -> None:
    nodes, rels = tiny_district()
    any_store.upsert(list(reversed(nodes)), rels)
    assert any_store.counts()["Need"] == 2


def test_an_upsert_interrupted_half_way_leaves_nothing_of_the_batch(
        loaded: GraphStore) -> None:
    before = loaded.counts()

    def needs_then_crash() -> Iterator[Node]:
        for i in range(5000):  # more than one internal chunk is written before the crash
            yield Need(id=f"X{i}", title="助餐", category="elderly_care", community_id="C1",
                       street_id="S1", quantity=1, unit_of_measure="次")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        loaded.upsert(needs_then_crash())
    assert loaded.counts() == before
    assert loaded.get_many(Need, ["X0", "X4999"]) == {}


def test_a_relationship_to_an_unknown_node_rejects_the_batch(loaded: GraphStore) -> None:
    before = loaded.counts()
    with pytest.raises(ReferenceMissing, match="C404"):
        loaded.upsert([], [Relationship(kind="REGISTERED_WITH", src="U1", dst="C404")])
    assert loaded.counts() == before


def test_list_filters_by_indexed_and_plain_fields_and_pages(loaded: GraphStore) -> None:
    assert [n.id for n in loaded.list(Need, filters={"street_id": "S1"}).items] == ["N1"]
    assert [n.id for n in loaded.list(Need, filters={"category": "legal_advice"}).items] == [
        "N2"]
    assert loaded.list(Need, filters={"online_ok": True}).total == 1
    orgs = loaded.list(Organization, filters={"level": ["street", "district"]})
    assert [o.id for o in orgs.items] == ["D", "S1", "S2"]
    page2 = loaded.list(Organization, page=2, size=3)
    assert page2.total == 8
    assert [o.id for o in page2.items] == ["C3", "D", "P1"]


def test_list_by_scope_follows_the_hierarchy(loaded: GraphStore) -> None:
    assert loaded.list(Need, scope="D").total == 2
    assert [n.id for n in loaded.list(Need, scope="S2").items] == ["N2"]
    assert [n.id for n in loaded.list(Need, scope="C1").items] == ["N1"]


def test_list_orders_by_a_field_with_missing_values_last_and_ties_by_id(
        loaded: GraphStore) -> None:
    extra = [Need(id=f"N{i}", title=f"需求{i}", category="elderly_care", community_id="C1",
                  street_id="S1", quantity=q, unit_of_measure="次", urgency=u,
                  start=start)
             for i, q, u, start in ((3, 20, 3, dt.date(2026, 3, 1)), (4, 5, 1, None),
                                    (5, 20, 3, dt.date(2025, 3, 1)))]
    loaded.upsert(extra)

    def ids(order: str, **kw: object) -> list[str]:
        return [n.id for n in loaded.list(Need, order=order, **kw).items]  # type: ignore[arg-type]

    assert ids("quantity") == ["N4", "N2", "N1", "N3", "N5"]
    assert ids("-quantity") == ["N5", "N3", "N1", "N2", "N4"]
    assert ids("-urgency", filters={"street_id": "S1"}) == ["N5", "N3", "N1", "N4"]
    # a date orders as a date; a need without a start comes last either way
    assert ids("start") == ["N5", "N2", "N3", "N1", "N4"]
    assert ids("-start") == ["N3", "N2", "N5", "N4", "N1"]
    page = loaded.list(Need, order="-quantity", page=2, size=2)
    assert ([n.id for n in page.items], page.total) == (["N1", "N2"], 5)
    with pytest.raises(ModelError, match="没有可排序的字段 colour"):
        loaded.list(Need, order="-colour")


def test_count_is_the_total_list_would_page_through(loaded: GraphStore) -> None:
    assert loaded.count(Need) == 2
    assert loaded.count(Need, scope="S2") == loaded.list(Need, scope="S2").total == 1
    assert loaded.count(Organization, filters={"level": ["street", "district"]}) == 3
    assert loaded.count(Need, filters={"online_ok": False}) == 1
    with pytest.raises(ModelError, match="没有可筛选的字段 colour"):
        loaded.count(Need, filters={"colour": "red"})


def test_values_are_the_stored_fields_of_what_list_would_page_through(
        loaded: GraphStore) -> None:
    for kind in (Need, Organization, ResidentUnit, Resource, PartyMember, Project):
        for scope, filters in ((None, None), ("S1", None), ("D", {"status": "open"})):
            if filters and "status" not in kind.model_fields:
                continue
            nodes = loaded.list(kind, scope=scope, filters=filters, size=1000).items
            fields = [f for f in kind.model_fields if f != "version"]
            got = loaded.values(kind, fields, scope=scope, filters=filters)
            assert got == [n.model_dump(exclude={"version"}) for n in nodes], (kind, scope)
    need = loaded.values(Need, ["created", "online_ok", "title"], scope="S1")[0]
    assert set(need) == {"id", "created", "online_ok", "title"}
    assert isinstance(need["online_ok"], bool)
    assert need["created"] is None or isinstance(need["created"], dt.date)
    with pytest.raises(ModelError, match="没有这些字段：colour"):
        loaded.values(Need, ["title", "colour"])


def test_relationship_values_are_the_stored_fields_of_the_relationships(
        loaded: GraphStore) -> None:
    for kind in ("REGISTERED_WITH", "ALLIANCE_MEMBER", "PART_TIME_MEMBER"):
        rels = sorted(loaded.relationships(kind), key=lambda r: (r.src, r.dst))
        got = loaded.relationship_values(kind, ["since", "props"])
        assert got == [{"src": r.src, "dst": r.dst, "since": r.since, "props": r.props}
                       for r in rels]
    assert any(r["since"] is not None for r in loaded.relationship_values(
        "REGISTERED_WITH", ["since"]))
    with pytest.raises(ModelError, match="关系没有这些字段：colour"):
        loaded.relationship_values("REGISTERED_WITH", ["colour"])


def test_the_data_version_changes_with_every_committed_write_and_only_then(
        loaded: GraphStore) -> None:
    before = loaded.data_version()
    loaded.list(Need)
    loaded.snapshot("D")
    assert loaded.data_version() == before
    need = loaded.get(Need, "N1")
    loaded.transition(Need, "N1", need.version, {"quantity": 21})
    after_transition = loaded.data_version()
    assert after_transition != before
    loaded.remove_relationships([("REGISTERED_WITH", "U1", "C1")])
    after_removal = loaded.data_version()
    assert after_removal not in (before, after_transition)
    with pytest.raises(VersionConflict):  # a refused write commits nothing
        loaded.transition(Need, "N1", need.version, {"quantity": 22})
    assert loaded.data_version() == after_removal


def test_a_scope_names_the_streets_it_covers_and_its_community(loaded: GraphStore) -> None:
    district, street, community = loaded.scope("D"), loaded.scope("S1"), loaded.scope("C3")
    assert (district.streets, district.community) == (["S1", "S2"], None)
    assert (street.streets, street.community) == (["S1"], None)
    assert (community.streets, community.community, community.start) == (["S2"], "C3", "S2")
    with pytest.raises(ModelError, match="B1 是一号院党支部，只能按市、区、街道或社区选取范围"):
        loaded.scope("B1")
    with pytest.raises(NotFound, match="X9"):
        loaded.scope("X9")


def test_an_update_redraws_the_derived_edges_only_when_its_references_change(
        loaded: GraphStore) -> None:
    def raised_by(need_id: str) -> list[str]:
        return [e.dst for e in loaded.neighbours(need_id, edge="RAISED_BY", direction="out")]

    need = loaded.get(Need, "N1")
    loaded.transition(Need, "N1", need.version, {"quantity": 31})
    assert raised_by("N1") == ["C1"]  # same references: the edge stays
    need = loaded.get(Need, "N1")
    loaded.transition(Need, "N1", need.version, {"community_id": "C2"})
    assert raised_by("N1") == ["C2"]  # a changed reference: drawn again
    need = loaded.get(Need, "N1")
    with pytest.raises(ReferenceMissing, match="C404"):
        loaded.transition(Need, "N1", need.version, {"community_id": "C404"})
    assert raised_by("N1") == ["C2"] and loaded.get(Need, "N1").version == need.version


def test_list_rejects_an_unknown_filter_field(loaded: GraphStore) -> None:
    with pytest.raises(ModelError, match="没有可筛选的字段 colour"):
        loaded.list(Need, filters={"colour": "red"})


def test_neighbours_include_derived_and_explicit_edges(loaded: GraphStore) -> None:
    kinds = {(e.kind, e.src, e.dst) for e in loaded.neighbours("C1")}
    assert ("RAISED_BY", "N1", "C1") in kinds
    assert ("PART_OF", "C1", "S1") in kinds
    assert ("REGISTERED_WITH", "U1", "C1") in kinds
    out = loaded.neighbours("M1", direction="out")
    assert {e.kind for e in out} == {"MEMBER_OF", "WORKS_AT", "LIVES_IN", "REGISTERED_WITH"}


def test_relationships_can_be_listed_and_removed(loaded: GraphStore) -> None:
    assert len(loaded.relationships("REGISTERED_WITH", dst="C2")) == 2
    assert loaded.remove_relationships([("REGISTERED_WITH", "U2", "C2")]) == 1
    assert [r.src for r in loaded.relationships("REGISTERED_WITH", dst="C2")] == ["M1"]


def test_snapshot_of_a_street_holds_its_network(loaded: GraphStore) -> None:
    snap = loaded.snapshot("S1")
    assert snap.street_ids == ["S1"]
    assert {n.id for n in snap.needs} == {"N1"}
    assert {o.id for o in snap.organizations} >= {"D", "S1", "C1", "C2", "B1", "P1"}
    assert "C3" not in {o.id for o in snap.organizations}
    # U2 lies in S2 but registered with C2 in S1: it belongs to S1's network
    assert {u.id for u in snap.units} == {"U1", "U2"}
    assert {r.id for r in snap.resources} == {"R1", "R2"}
    assert {(r.src, r.dst) for r in snap.relationships} == {("U1", "C1"), ("U2", "C2"),
                                                           ("M1", "C2")}


def test_snapshot_of_the_district_holds_everything(loaded: GraphStore) -> None:
    snap = loaded.snapshot("D")
    nodes, rels = tiny_district()
    assert {n.id for n in snap.nodes()} == {n.id for n in nodes}
    assert len(snap.relationships) == len(rels)


def test_transition_with_the_current_version_applies_the_change(loaded: GraphStore) -> None:
    need = loaded.get(Need, "N1")
    changed = loaded.transition(Need, "N1", need.version, {"status": "withdrawn"})
    assert (changed.status, changed.version) == ("withdrawn", need.version + 1)
    assert loaded.get(Need, "N1").status == "withdrawn"


def test_version_conflict_is_rejected_without_writing(loaded: GraphStore) -> None:
    loaded.transition(Need, "N1", 1, {"urgency": 3})
    with pytest.raises(VersionConflict, match="第 1 版.*第 2 版") as err:
        loaded.transition(Need, "N1", 1, {"status": "withdrawn"})
    assert err.value.details["current"] == 2
    need = loaded.get(Need, "N1")
    assert (need.status, need.urgency, need.version) == ("open", 3, 2)


def test_transition_to_an_invalid_value_is_rejected_without_writing(
        loaded: GraphStore) -> None:
    with pytest.raises(ModelError, match="N1"):
        loaded.transition(Need, "N1", 1, {"quantity": -5})
    assert loaded.get(Need, "N1").version == 1


def test_two_concurrent_transitions_of_one_node_cannot_both_win(loaded: GraphStore) -> None:
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def writer(urgency: int) -> None:
        barrier.wait()
        try:
            loaded.transition(Need, "N1", 1, {"urgency": urgency})
            outcomes.append("won")
        except VersionConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=writer, args=(u,)) for u in (1, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "won"]
    assert loaded.get(Need, "N1").version == 2


def test_transition_of_an_unknown_node_raises_not_found(loaded: GraphStore) -> None:
    with pytest.raises(NotFound, match="P404"):
        loaded.transition(Project, "P404", 1, {"status": "claimed"})


def test_to_networkx_carries_kinds_and_properties(loaded: GraphStore) -> None:
    g = loaded.to_networkx("D")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["N1"]["kind"] == "Need"
    assert g.nodes["N1"]["category"] == "elderly_care"
    assert g.nodes["C2"]["weak"] is True
    assert g.has_edge("N1", "C1", key="RAISED_BY")
    assert g.has_edge("U1", "C1", key="REGISTERED_WITH")
    assert g.edges["U1", "C1", "REGISTERED_WITH"]["since"] == "2025-03-01"
    assert g.number_of_nodes() == 16


def test_member_names_never_leave_through_a_pseudonymous_graph(loaded: GraphStore) -> None:
    from graph import snapshot_to_networkx

    g = snapshot_to_networkx(loaded.snapshot("D"), salt="research")
    assert "张卫国" not in str(list(g.nodes(data=True))) and "M1" not in g
    members = [n for n, d in g.nodes(data=True) if d["kind"] == "PartyMember"]
    assert all(str(n).startswith("P-") and g.nodes[n]["label"] == n for n in members)
    full = loaded.to_networkx("D")
    others = [(u, v, k) for u, v, k in full.edges(keys=True)
              if "PartyMember" not in (full.nodes[u]["kind"], full.nodes[v]["kind"])]
    assert others and all(g.has_edge(u, v, key=k) for u, v, k in others)


def test_counts_under_a_scope(loaded: GraphStore) -> None:
    counts = loaded.counts("S2")
    assert counts["Need"] == 1
    assert counts["PartyMember"] == 1


def test_members_are_typed_on_the_way_back(loaded: GraphStore) -> None:
    member = loaded.get(PartyMember, "M1")
    assert member.category == "in_service"
    assert member.version == 1


def test_nodes_written_with_a_transition_share_its_fate(loaded: GraphStore) -> None:
    record = Need(id="N5", title="随行记录", category="venue", community_id="C1",
                  street_id="S1", quantity=1, unit_of_measure="处")
    broken = record.model_copy(update={"id": "N6", "community_id": "C404"})
    with pytest.raises(ReferenceMissing, match="C404"):
        loaded.transition(Need, "N1", 1, {"urgency": 3}, also=[record, broken])
    assert loaded.get(Need, "N1").version == 1
    assert loaded.get_many(Need, ["N5"]) == {}
    loaded.transition(Need, "N1", 1, {"urgency": 3}, also=[record])
    assert loaded.get(Need, "N5").title == "随行记录"


def test_the_report_tells_created_from_updated_relationships(any_store: GraphStore) -> None:
    nodes, rels = tiny_district()
    first = any_store.upsert(nodes, rels)
    assert first.created["relationships"] == 3
    assert first.updated.get("relationships", 0) == 0
    changed = rels[0].model_copy(update={"since": None})
    second = any_store.upsert([], [changed, rels[1]])
    assert second.updated["relationships"] == 1
    assert second.unchanged["relationships"] == 1


# -- versioned writes of many nodes -------------------------------------------------------

def _proposal(pid: str, need: str = "N1", resource: str = "R1", **changes: object) -> Project:
    fields: dict[str, object] = {
        "id": pid, "title": "课业辅导 → 助餐", "need_id": need, "resource_id": resource,
        "unit_id": "U1", "community_id": "C1", "street_id": "S1", "category": "elderly_care",
        "quantity": 5, "unit_of_measure": "次", **changes}
    return Project.model_validate(fields)


def test_a_versioned_batch_writes_new_and_changed_nodes_and_returns_their_versions(
        loaded: GraphStore) -> None:
    need = loaded.get(Need, "N1")
    result = loaded.write([Versioned(need.model_copy(update={"urgency": 3}), need.version),
                           Versioned(_proposal("PJ1"), None)])
    assert result.versions == {"N1": 2, "PJ1": 1}
    assert result.report.created == {"Project": 1}
    assert loaded.get(Need, "N1").urgency == 3
    assert loaded.get(Project, "PJ1").version == 1


def test_a_batch_with_one_stale_version_writes_nothing_and_names_that_node(
        loaded: GraphStore) -> None:
    loaded.write([Versioned(_proposal("PJ1"), None)])
    loaded.transition(Project, "PJ1", 1, {"status": "claimed"})
    before = loaded.counts()
    with pytest.raises(VersionConflict, match="PJ1.*第 1 版.*第 2 版") as err:
        loaded.write([Versioned(_proposal("PJ2", need="N2", resource="R2"), None),
                      Versioned(_proposal("PJ1", quantity=7), 1)],
                     also=[_proposal("PJ3")])
    assert err.value.details["conflicts"] == [
        {"id": "PJ1", "kind": "Project", "expected": 1, "current": 2}]
    assert loaded.counts() == before
    assert loaded.get_many(Project, ["PJ2", "PJ3"]) == {}
    assert loaded.get(Project, "PJ1").quantity == 5


def test_a_node_that_must_not_exist_yet_conflicts_when_it_does(loaded: GraphStore) -> None:
    with pytest.raises(VersionConflict, match="N1 已存在"):
        loaded.write([Versioned(loaded.get(Need, "N1"), None)])


def test_a_node_expected_at_a_version_but_never_stored_conflicts(loaded: GraphStore) -> None:
    with pytest.raises(VersionConflict, match="PJ9 不存在"):
        loaded.write([Versioned(_proposal("PJ9"), 3)])
    assert loaded.get_many(Project, ["PJ9"]) == {}


def test_a_versioned_write_that_changes_nothing_keeps_and_returns_the_stored_version(
        loaded: GraphStore) -> None:
    loaded.transition(Need, "N1", 1, {"urgency": 3})
    need = loaded.get(Need, "N1")
    result = loaded.write([Versioned(need, 2)])
    assert result.versions == {"N1": 2}
    assert result.report.changed == 0
    assert loaded.get(Need, "N1").version == 2


def test_a_transition_that_changes_nothing_returns_the_version_stored(
        loaded: GraphStore) -> None:
    same = loaded.transition(Need, "N1", 1, {"urgency": loaded.get(Need, "N1").urgency})
    assert same.version == 1
    assert loaded.get(Need, "N1").version == 1
    assert loaded.transition(Need, "N1", same.version, {"urgency": 3}).version == 2


def test_a_claim_made_while_a_run_computes_stays_claimed(loaded: GraphStore) -> None:
    # the run reads its snapshot: the proposal at version 1
    loaded.write([Versioned(_proposal("PJ1", status="proposed"), None)])
    seen = loaded.snapshot("S1").projects[0]
    # meanwhile the unit claims it
    loaded.transition(Project, "PJ1", seen.version, {"status": "claimed"})
    # the run writes from what it saw: refused, naming the project ...
    rewrite = seen.model_copy(update={"status": "superseded"})
    other = _proposal("PJ2", need="N2", resource="R2", community_id="C3", street_id="S2")
    with pytest.raises(VersionConflict) as err:
        loaded.write([Versioned(rewrite, seen.version), Versioned(other, None)])
    stale = {c["id"] for c in err.value.details["conflicts"]}
    assert stale == {"PJ1"}
    # ... and the run writes the rest without it
    loaded.write([Versioned(other, None)])
    assert loaded.get(Project, "PJ1").status == "claimed"
    assert loaded.get(Project, "PJ2").status == "proposed"


def test_two_concurrent_batches_over_one_node_cannot_both_win(loaded: GraphStore) -> None:
    outcomes: list[str] = []
    barrier = threading.Barrier(2)
    need = loaded.get(Need, "N1")

    def writer(urgency: int) -> None:
        barrier.wait()
        try:
            loaded.write([Versioned(need.model_copy(update={"urgency": urgency}), 1)])
            outcomes.append("won")
        except VersionConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=writer, args=(u,)) for u in (1, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "won"]
    assert loaded.get(Need, "N1").version == 2


def test_a_node_twice_in_one_versioned_batch_is_refused(loaded: GraphStore) -> None:
    need = loaded.get(Need, "N1")
    with pytest.raises(ModelError, match="N1"):
        loaded.write([Versioned(need, 1), Versioned(need, 1)])


def test_a_snapshot_can_load_only_the_kinds_asked_for(loaded: GraphStore) -> None:
    snap = loaded.snapshot("S1", kinds=["Need", "ResidentUnit"])
    assert [n.id for n in snap.needs] == ["N1"] and snap.units
    assert snap.members == [] and snap.resources == [] and snap.match_runs == []
    assert {o.id for o in snap.organizations} >= {"S1", "C1"}
    with pytest.raises(ModelError, match="AuditEntry"):
        loaded.snapshot("S1", kinds=["AuditEntry"])


def test_reading_an_empty_store_logs_no_warning(any_store: GraphStore,
                                                caplog: pytest.LogCaptureFixture) -> None:
    # a fresh Neo4j database knows none of the labels, types and properties yet; its
    # "does not exist" notes must not reach the person running a command
    with caplog.at_level(logging.WARNING):
        assert any_store.counts() == {}
        assert any_store.list(Need).total == 0
        assert any_store.relationships() == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
