"""Copying a whole store, and the JSON-lines dump: nothing lost, nothing doubled."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graph import (
    NODE_TYPES,
    Agreement,
    AuditEntry,
    EmbeddedStore,
    Evaluation,
    GraphError,
    GraphStore,
    MatchRun,
    ModelError,
    Node,
    Organization,
    Project,
    Relationship,
    ServiceRecord,
)
from graph.migrate import KIND_ORDER, copy_store, dump_store, load_store
from tests.graph.district import tiny_district


def rich_district() -> tuple[list[Node], list[Relationship]]:
    """The tiny district plus one node of every other kind and relationships with props."""
    nodes, rels = tiny_district()
    at = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    nodes += [
        MatchRun(id="MR1", scope_id="S1", street_id="S1", created=at, input_hash="abc",
                 status="done", objective=1.5, params={"w": {"distance": 0.3}},
                 summary={"pairs": 1}, result={"pairs": [["N1", "R1", 10]]}),
        Project(id="PJ1", title="助餐配送", need_id="N1", resource_id="R1", unit_id="U1",
                community_id="C1", street_id="S1", category="elderly_care", quantity=10,
                unit_of_measure="次", status="resolved", score=0.8,
                breakdown={"category": 1.0, "distance": 0.6}, match_run_id="MR1",
                pinned=True, start=dt.date(2026, 4, 1)),
        Agreement(id="AG1", title="共建协议", project_ids=["PJ1"], community_id="C1",
                  street_id="S1", unit_ids=["U1"], status="signed", terms="每周一次",
                  signatures=[{"party_id": "U1", "role": "resident_unit", "signer": "王校长",
                               "signed_at": at}]),
        ServiceRecord(id="SR1", project_id="PJ1", street_id="S1", unit_id="U1",
                      community_id="C1", date=dt.date(2026, 4, 8), hours=2.5, quantity=3,
                      member_ids=["M1"], note="送餐三户"),
        Evaluation(id="EV1", target_id="AG1", street_id="S1", unit_id="U1",
                   community_id="C1", score=5, comment="满意", by_role="community_org",
                   by_id="C1", date=dt.date(2026, 4, 30)),
        AuditEntry(id="AU1", target_kind="Project", target_id="PJ1", action="resolve",
                   from_state="confirmed", to_state="resolved", by_role="street_committee",
                   by_id="S1", at=at, street_id="S1"),
        Organization(id="AL1", name="武汉路党建联盟", level="alliance", parent_id="S1",
                     street_id="S1"),
        # a unit's party organization listed before the unit it belongs to
        Organization(id="P2", name="医院党委", level="unit_party_org", parent_id="S2",
                     street_id="S2", unit_id="U2"),
    ]
    rels += [
        Relationship(kind="ALLIANCE_MEMBER", src="U1", dst="AL1",
                     props={"role": "成员单位", "order": 1}),
        Relationship(kind="PART_TIME_MEMBER", src="U2", dst="C3", since=dt.date(2024, 1, 1)),
    ]
    return nodes, rels


def everything(store: GraphStore) -> tuple[dict[str, dict[str, object]], list[object]]:
    """Every node's content (by kind and id) and every relationship, version aside."""
    nodes = {}
    for kind, cls in NODE_TYPES.items():
        for n in store.list(cls, size=10_000).items:
            nodes[f"{kind}:{n.id}"] = n.content()
    rels = [r.model_dump(mode="json") for r in store.relationships()]
    return nodes, rels


@pytest.fixture
def source(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "source.db")
    nodes, rels = rich_district()
    store.upsert(nodes, rels)
    return store


def test_every_kind_is_written_after_the_kinds_it_refers_to() -> None:
    assert sorted(KIND_ORDER) == sorted(NODE_TYPES)
    for i, kind in enumerate(KIND_ORDER[2:], start=2):
        for _, targets in NODE_TYPES[kind].REFS.values():
            assert set(targets) <= set(KIND_ORDER[:i]), kind


def test_a_dump_loaded_into_a_new_store_holds_every_node_relationship_and_property(
        source: EmbeddedStore, tmp_path: Path) -> None:
    counts = dump_store(source, tmp_path / "graph.jsonl")
    assert counts["Organization"] == 10 and counts["ALLIANCE_MEMBER"] == 1
    target = EmbeddedStore(tmp_path / "target.db")
    assert load_store(target, tmp_path / "graph.jsonl") == counts
    assert everything(target) == everything(source)
    assert target.counts() == source.counts()
    # derived edges are drawn again from the reference fields
    assert {(e.kind, e.dst) for e in target.neighbours("SR1", direction="out")} == {
        ("RECORDS", "PJ1"), ("SERVED_BY", "M1")}
    target.close()
    source.close()


def test_loading_a_dump_twice_changes_nothing(source: EmbeddedStore, tmp_path: Path) -> None:
    dump_store(source, tmp_path / "graph.jsonl")
    target = EmbeddedStore(tmp_path / "target.db")
    load_store(target, tmp_path / "graph.jsonl")
    load_store(target, tmp_path / "graph.jsonl")
    assert target.get(Project, "PJ1").version == 1
    assert target.counts() == source.counts()
    target.close()
    source.close()


def test_a_truncated_dump_is_refused_before_anything_is_written(
        source: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonl"
    dump_store(source, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-3]), encoding="utf-8")
    target = EmbeddedStore(tmp_path / "target.db")
    with pytest.raises(ModelError, match="缺少结束行"):
        load_store(target, path)
    assert target.counts() == {}
    target.close()
    source.close()


def test_a_bad_line_is_named_with_its_number(source: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonl"
    dump_store(source, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = json.loads(lines[3])
    broken["data"]["id"] = "has space"
    lines[3] = json.dumps(broken, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ModelError, match="第 4 行 无法读取"):
        load_store(EmbeddedStore(tmp_path / "target.db"), path)
    source.close()


def test_copy_store_copies_everything_and_reports_counts_per_kind(
        source: EmbeddedStore, tmp_path: Path) -> None:
    target = EmbeddedStore(tmp_path / "target.db")
    seen: list[tuple[str, int, int]] = []
    counts = copy_store(source, target, progress=lambda k, n, t: seen.append((k, n, t)))
    assert counts["Organization"] == (10, 10)
    assert counts["REGISTERED_WITH"] == (3, 3)
    assert everything(target) == everything(source)
    assert ("Need", 2, 2) in seen
    assert copy_store(source, target) == counts  # safe to re-run
    assert target.get(Organization, "C1").version == 1
    target.close()
    source.close()


def test_copy_store_names_the_kind_whose_counts_differ(
        source: EmbeddedStore, tmp_path: Path) -> None:
    target = EmbeddedStore(tmp_path / "target.db")
    target.upsert([Organization(id="ELSEWHERE", name="另一个区", level="district")])
    with pytest.raises(GraphError, match="Organization 的数量不一致：源 10，目标 11"):
        copy_store(source, target)
    target.close()
    source.close()
