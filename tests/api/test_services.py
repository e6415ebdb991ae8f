"""The use cases over a real embedded store: lifecycle, scope, audit, no lost update."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from docx import Document

from api.errors import Forbidden, InvalidRequest, NotAllowed, ReadOnly
from api.identity import Identity
from api.services import agreements, audit, evaluations, needs_resources, projects, records
from graph import (
    AuditEntry,
    EmbeddedStore,
    GraphStore,
    Need,
    NotFound,
    Project,
    Resource,
    TransitionNotAllowed,
    VersionConflict,
)
from tests.api.world import C1, C3, S1, identity, load_world, propose


def who(store: GraphStore, name: str) -> Identity:
    return identity(store, name)


def step(store: GraphStore, name: str, pid: str, action: str) -> Project:
    current = store.get(Project, pid)
    return projects.transition(store, who(store, name), pid, action, current.version,
                               f"{name} {action}")


def resolved_project(store: GraphStore, pid: str = "P1") -> Project:
    propose(store, pid, "N1", "R1")
    step(store, "unit", pid, "claim")
    step(store, "community", pid, "confirm")
    step(store, "community", pid, "submit")
    return step(store, "street", pid, "resolve")


def test_a_project_goes_from_proposal_to_evaluation_with_an_audit_line_per_step(
        world: GraphStore) -> None:
    resolved_project(world)
    ag = agreements.draft(world, who(world, "community"), ["P1"],
                          now=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    assert ag.status == "draft" and ag.unit_ids == ["U1"] and ag.street_id == S1
    for name in ("unit", "community", "street"):
        ag = agreements.sign(world, who(world, name), ag.id, ag.version)
    assert ag.status == "signed" and len(ag.signatures) == 3
    ag = agreements.activate(world, who(world, "street"), ag.id, ag.version)
    assert ag.status == "active"
    assert world.get(Project, "P1").status == "agreed"
    step(world, "unit", "P1", "start")
    rec = records.create_record(world, who(world, "unit"), "P1", date=dt.date(2026, 1, 10),
                                hours=3.5, member_ids=["M1"])
    assert rec.hours == 3.5 and rec.community_id == C1
    step(world, "community", "P1", "complete")
    p = world.get(Project, "P1")
    ev = evaluations.evaluate(world, who(world, "community"), "P1", 5, "居民很满意",
                              expected_version=p.version)
    assert ev.score == 5 and world.get(Project, "P1").status == "evaluated"
    trail = audit.list_audit(world, who(world, "street"), target_id="P1", size=100).items
    assert [(a.action, a.to_state) for a in trail][:4] == [
        ("claim", "claimed"), ("confirm", "confirmed"), ("submit", "under_review"),
        ("resolve", "resolved")]
    assert {a.action for a in trail} >= {"agree", "start", "complete", "evaluate"}


def active_agreement(store: GraphStore) -> str:
    resolved_project(store)
    ag = agreements.draft(store, who(store, "community"), ["P1"],
                          now=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    for name in ("unit", "community", "street"):
        ag = agreements.sign(store, who(store, name), ag.id, ag.version)
    return agreements.activate(store, who(store, "street"), ag.id, ag.version).id


def test_an_agreement_is_evaluated_once_a_year_and_a_second_evaluation_is_refused(
        world: GraphStore) -> None:
    ag = active_agreement(world)
    june = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    first = evaluations.evaluate(world, who(world, "community"), ag, 4, now=june)
    with pytest.raises(NotAllowed, match=f"协议 {ag} 已在 2026 年评议过（2026-06-01，评分 4）"):
        evaluations.evaluate(world, who(world, "street"), ag, 2, now=june)
    later = evaluations.evaluate(world, who(world, "street"), ag, 5,
                                 now=dt.datetime(2027, 1, 3, tzinfo=dt.UTC))
    scores = [e.score for e in evaluations.list_evaluations(
        world, who(world, "street"), target_id=ag).items]
    assert sorted(scores) == [4, 5] and first.id != later.id


def test_two_evaluations_of_one_agreement_at_once_give_one_evaluation(
        world: GraphStore) -> None:
    ag = active_agreement(world)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def rate(name: str, score: int) -> None:
        barrier.wait()
        try:
            evaluations.evaluate(world, who(world, name), ag, score)
            outcomes.append("ok")
        except NotAllowed as e:
            assert "已在" in e.message
            outcomes.append("refused")

    threads = [threading.Thread(target=rate, args=("community", 3)),
               threading.Thread(target=rate, args=("street", 5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert evaluations.list_evaluations(world, who(world, "street"), target_id=ag).total == 1


def test_a_unit_cannot_see_or_change_another_units_project(world: GraphStore) -> None:
    propose(world, "P3", "N3", "R3")
    with pytest.raises(NotFound, match="没有编号为 P3 的共建项目"):
        projects.get_project(world, who(world, "unit"), "P3")
    with pytest.raises(NotFound, match="没有编号为 P3 的共建项目"):
        projects.transition(world, who(world, "unit"), "P3", "claim", 1)
    assert projects.list_projects(world, who(world, "unit")).total == 0
    assert projects.list_projects(world, who(world, "unit2")).total == 1
    assert world.get(Project, "P3").status == "proposed"


def test_a_community_edits_only_its_own_needs(world: GraphStore) -> None:
    community = who(world, "community")
    need = needs_resources.create(world, community, Need, {
        "title": "楼道照明维修", "category": "环境整治", "quantity": 3, "unit_of_measure": "处"})
    assert need.community_id == C1 and need.street_id == S1
    with pytest.raises(NotFound, match="没有编号为 N3 的需求"):  # another street's
        needs_resources.update(world, community, Need, "N3", 1, {"quantity": 2})
    with pytest.raises(Forbidden):
        needs_resources.update(world, community, Need, "N2", 1, {"quantity": 2})
    with pytest.raises(Forbidden):
        needs_resources.create(world, community, Need, {
            "title": "x", "category": "法律服务", "quantity": 1, "unit_of_measure": "次",
            "community_id": C3})
    changed = needs_resources.update(world, community, Need, "N1", 1, {"quantity": 20})
    assert changed.quantity == 20 and changed.version == 2
    with pytest.raises(VersionConflict, match="已被他人修改"):
        needs_resources.update(world, community, Need, "N1", 1, {"quantity": 21})


def test_a_unit_edits_only_its_own_resources_and_a_researcher_nothing(
        world: GraphStore) -> None:
    with pytest.raises(NotFound, match="没有编号为 R2 的资源"):
        needs_resources.withdraw(world, who(world, "unit"), Resource, "R2", 1)
    r = needs_resources.withdraw(world, who(world, "unit"), Resource, "R1", 1)
    assert r.status == "withdrawn"
    with pytest.raises(ReadOnly, match="只读"):
        needs_resources.withdraw(world, who(world, "researcher"), Resource, "R2", 1)


def test_an_agreement_covers_resolved_projects_of_one_community_only(
        world: GraphStore) -> None:
    propose(world, "P2", "N2", "R2")
    with pytest.raises(NotAllowed, match="已决议"):
        agreements.draft(world, who(world, "street"), ["P2"])
    resolved_project(world, "P1")
    for name, action in (("unit_c2", "claim"), ("community_c2", "confirm"),
                         ("community_c2", "submit"), ("street", "resolve")):
        step(world, name, "P2", action)
    with pytest.raises(InvalidRequest, match="一个社区"):
        agreements.draft(world, who(world, "street"), ["P1", "P2"])
    with pytest.raises(Forbidden):
        agreements.draft(world, who(world, "unit"), ["P1"])
    ag = agreements.draft(world, who(world, "street"), ["P1"])
    with pytest.raises(NotAllowed, match="已在协议"):
        agreements.draft(world, who(world, "community"), ["P1"])
    with pytest.raises(Forbidden, match="不是协议"):
        agreements.sign(world, who(world, "district"), ag.id, ag.version)


def test_the_agreement_document_is_chinese_and_prints(world: GraphStore) -> None:
    resolved_project(world)
    ag = agreements.draft(world, who(world, "community"), ["P1"])
    ag = agreements.sign(world, who(world, "unit"), ag.id, ag.version, signer="王敏")
    page = agreements.document_html(world, who(world, "unit"), ag.id)
    assert "<h1>共建协议</h1>" in page and "涧西区人民医院" in page and "王敏" in page
    assert "12次" in page and "（盖章）" in page
    data = agreements.document_docx(world, who(world, "community"), ag.id)
    import io

    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "共建协议" in text and "签约各方" in text and "唐村社区" in text
    with pytest.raises(NotFound, match=f"没有编号为 {ag.id} 的共建协议"):
        agreements.document_html(world, who(world, "unit2"), ag.id)


def test_service_records_need_a_project_in_progress_and_its_own_members(
        world: GraphStore) -> None:
    resolved_project(world)
    with pytest.raises(NotAllowed, match="实施中"):
        records.create_record(world, who(world, "unit"), "P1", date=dt.date(2026, 1, 1),
                              hours=2)
    p = world.get(Project, "P1")
    world.upsert([p.model_copy(update={"status": "in_progress"})])
    with pytest.raises(InvalidRequest, match="M3"):
        records.create_record(world, who(world, "unit"), "P1", date=dt.date(2026, 1, 1),
                              hours=2, member_ids=["M3"])
    with pytest.raises(NotFound, match="没有编号为 P1 的共建项目"):
        records.create_record(world, who(world, "unit2"), "P1", date=dt.date(2026, 1, 1),
                              hours=2)
    assert records.list_records(world, who(world, "street")).total == 0


def test_roles_the_lifecycle_does_not_allow_are_refused(world: GraphStore) -> None:
    propose(world, "P1", "N1", "R1")
    with pytest.raises(TransitionNotAllowed, match="社区党组织"):
        projects.transition(world, who(world, "community"), "P1", "claim", 1)
    with pytest.raises(NotAllowed, match="协议"):
        projects.transition(world, who(world, "street"), "P1", "agree", 1)


def test_two_writers_of_one_project_cannot_both_win(world: GraphStore) -> None:
    propose(world, "P1", "N1", "R1")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def claim(name: str, action: str) -> None:
        barrier.wait()
        try:
            projects.transition(world, who(world, name), "P1", action, 1)
            outcomes.append("ok")
        except (VersionConflict, TransitionNotAllowed):
            outcomes.append("conflict")

    threads = [threading.Thread(target=claim, args=("unit", "claim")),
               threading.Thread(target=claim, args=("community", "decline"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert world.get(Project, "P1").version == 2
    lines = world.list(AuditEntry, filters={"target_id": "P1"}).items
    assert len(lines) == 1


def test_a_failed_step_writes_nothing(world: GraphStore) -> None:
    propose(world, "P1", "N1", "R1")
    before = world.counts()
    with pytest.raises(VersionConflict):
        projects.transition(world, who(world, "unit"), "P1", "claim", 7)
    with pytest.raises(TransitionNotAllowed):
        projects.transition(world, who(world, "unit"), "P1", "complete", 1)
    assert world.counts() == before


class CancellingStore(EmbeddedStore):
    """A real store where another writer cancels a project right after it is read (the
    versioned write itself is checked on both backends by the store contract suite)."""

    cancel: str | None = None

    def get_many(self, kind, ids):  # type: ignore[no-untyped-def]
        found = super().get_many(kind, ids)
        if kind is Project and self.cancel in found:
            pid, self.cancel = self.cancel, None
            super().transition(Project, pid, found[pid].version, {"status": "cancelled"})
        return found


def test_activating_an_agreement_refuses_when_a_project_changed_after_it_was_read(
        tmp_path: Path) -> None:
    store = CancellingStore(tmp_path / "graph.db")
    load_world(store)
    resolved_project(store)
    ag = agreements.draft(store, who(store, "community"), ["P1"])
    for name in ("unit", "community", "street"):
        ag = agreements.sign(store, who(store, name), ag.id, ag.version)
    store.cancel = "P1"
    with pytest.raises(VersionConflict, match="P1"):
        agreements.activate(store, who(store, "street"), ag.id, ag.version)
    assert store.get(Project, "P1").status == "cancelled"
    assert store.get(type(ag), ag.id).status == "signed"
    store.close()
