"""Match runs over a real store: stable proposals, pinned and declined pairs from the store,
stale proposals superseded, explanations, and the problem built from a snapshot."""

from __future__ import annotations

import datetime as dt

import pytest

from api.match_runs import REASON_LABELS, build_problem, run_match
from api.services import projects, runs
from graph import (
    AuditEntry,
    GraphStore,
    Need,
    NeedStatus,
    Project,
    Snapshot,
)
from matching import REASONS, ParamsError, check_result, match
from tests.api.world import C1, S1, identity, load_world

T1 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 1, 6, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(backend_store: GraphStore) -> GraphStore:
    """The hand-made district, on each backend."""
    load_world(backend_store)
    return backend_store


def street_projects(store: GraphStore) -> dict[str, Project]:
    return {p.id: p for p in store.list(Project, scope=S1, size=500).items}


def test_running_twice_on_unchanged_data_proposes_the_same_pairs(store: GraphStore
                                                                 ) -> None:
    first, summary = run_match(store, S1, now=T1)
    after_first = street_projects(store)
    second, _ = run_match(store, S1, now=T2)
    after_second = street_projects(store)
    assert summary.proposed == len(after_first) > 0
    assert first.input_hash == second.input_hash and first.id != second.id
    assert {(p.id, p.need_id, p.resource_id, p.quantity, p.status)
            for p in after_first.values()} == {
        (p.id, p.need_id, p.resource_id, p.quantity, p.status)
        for p in after_second.values()}


def test_proposals_carry_a_score_breakdown_and_a_chinese_explanation(store: GraphStore
                                                                     ) -> None:
    run, _ = run_match(store, S1, now=T1)
    project = street_projects(store)["PJ-N1-R1"]
    assert project.status == "proposed" and project.match_run_id == run.id
    assert set(project.breakdown) == {"category", "text", "distance", "relationship",
                                      "priority"}
    assert project.explanation.startswith("综合得分") and "类别契合" in project.explanation
    assert run.status == "optimal" and run.result["pairs"]


def test_a_claimed_project_is_pinned_and_a_declined_pair_never_proposed_again(
        store: GraphStore) -> None:
    run_match(store, S1, now=T1)
    unit = identity(store, "unit")
    claimed = projects.transition(store, unit, "PJ-N1-R1", "claim", 1, now=T1)
    school = identity(store, "unit_c2")
    projects.transition(store, school, "PJ-N2-R2", "decline", 1, now=T1)
    run, _ = run_match(store, S1, now=T2)
    after = street_projects(store)
    assert after["PJ-N1-R1"].status == "claimed"
    assert after["PJ-N1-R1"].version == claimed.version  # a pinned project is not rewritten
    assert after["PJ-N2-R2"].status == "declined"
    pairs = {(p["need_id"], p["resource_id"]): p for p in run.result["pairs"]}
    assert pairs[("N1", "R1")]["pinned"] is True
    assert ("N2", "R2") not in pairs


def test_a_proposal_the_new_run_does_not_repeat_is_superseded_and_audited(
        store: GraphStore) -> None:
    run_match(store, S1, now=T1)
    need = store.get(Need, "N1")
    store.upsert([need.model_copy(update={"status": NeedStatus.WITHDRAWN})])
    run, _ = run_match(store, S1, now=T2)
    assert street_projects(store)["PJ-N1-R1"].status == "superseded"
    trail = store.list(AuditEntry, filters={"target_id": "PJ-N1-R1"}).items
    assert [(a.action, a.from_state, a.to_state) for a in trail] == [
        ("supersede", "proposed", "superseded")]
    assert run.id in trail[0].note


def test_an_unmatched_need_is_listed_with_its_reason_in_chinese(store: GraphStore) -> None:
    store.upsert([Need(id="N7", title="社区活动场地", category="场地阵地", community_id=C1,
                       street_id=S1, quantity=2, unit_of_measure="场")])
    run, summary = run_match(store, S1, now=T1)
    (item,) = [u for u in runs.run_part(store, identity(store, "street"), run.id, "unmatched")
               if u["need_id"] == "N7"]
    assert item["reason"] in summary.unmatched
    assert item["reason_label"] == REASON_LABELS[item["reason"]]


def test_an_unknown_parameter_is_named_with_the_valid_ones(store: GraphStore) -> None:
    with pytest.raises(ParamsError, match="未知的匹配参数 w_colour.*w_text"):
        run_match(store, S1, {"w_colour": 1.0}, now=T1)
    assert not store.list(Project, scope=S1).items  # nothing written


def test_every_reason_of_the_matcher_has_a_chinese_label() -> None:
    assert set(REASON_LABELS) == set(REASONS)


def _project(pid: str, need: str, resource: str, quantity: int, status: str) -> Project:
    return Project(id=pid, title="测试", need_id=need, resource_id=resource, unit_id="U1",
                   community_id="410305001001", street_id=S1, category="家庭医疗",
                   quantity=quantity, unit_of_measure="次", status=status)


def test_pinned_projects_are_merged_per_pair_clipped_and_hold_capacity(
        store: GraphStore) -> None:
    snap = store.snapshot(S1)
    closed = Need(id="N9", title="已撤回的义诊", category="家庭医疗",
                  community_id="410305001001", street_id=S1, quantity=5,
                  unit_of_measure="次", status=NeedStatus.WITHDRAWN)
    snap = Snapshot(**{**snap.__dict__, "needs": [*snap.needs, closed], "projects": [
        _project("P1", "N1", "R1", 8, "claimed"),
        _project("P2", "N1", "R1", 8, "agreed"),      # together more than N1's 12
        _project("P3", "N9", "R1", 5, "in_progress"),  # a withdrawn need still holds R1
    ]})
    problem = build_problem(snap, today=dt.date(2026, 1, 5))
    assert problem.pinned == (("N1", "R1", 12),)
    r1 = next(r for r in problem.resources if r.id == "R1")
    assert r1.capacity == 24 - 5
    result = match(problem)
    check_result(problem, result)
