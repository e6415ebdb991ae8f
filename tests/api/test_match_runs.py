"""Match runs over a real store: stable proposals, pinned and declined pairs from the store,
stale proposals superseded, explanations, and the problem built from a snapshot."""

from __future__ import annotations

import datetime as dt

import pytest

import matching.matcher as matcher
from api.runs import REASON_LABELS, build_problem, run_match
from api.runs import service as runs
from api.runs.engine import compute
from api.services import projects
from graph import (
    AuditEntry,
    GraphStore,
    Need,
    NeedStatus,
    Project,
    Snapshot,
)
from matching import REASONS, ParamsError, check_result, match
from matching.reuse import forget
from tests.api.world import C1, C2, S1, identity, load_world

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
    assert second.id == first.id  # the live run had the same input: nothing written
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
    assert "综合得分" in project.explanation and "类别契合" in project.explanation
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
    with pytest.raises(ParamsError, match="未知的匹配参数 w_colour.*weights"):
        run_match(store, S1, {"w_colour": 1.0}, now=T1)
    assert not store.list(Project, scope=S1).items  # nothing written


def test_a_time_limit_over_an_hour_is_refused_before_anything_is_read(
        store: GraphStore) -> None:
    with pytest.raises(ParamsError, match="time_limit_s 最多 3600 秒，收到 1000000000000.0"):
        run_match(store, S1, {"time_limit_s": 1e12}, now=T1)
    assert not store.list(Project, scope=S1).items
    run, _ = run_match(store, S1, {"time_limit_s": 3600}, now=T1)
    assert run.params["time_limit_s"] == 3600


def test_every_reason_of_the_matcher_has_a_chinese_label() -> None:
    # and one more: an open need past its end date, kept out of the problem but listed
    assert set(REASON_LABELS) - set(REASONS) == {"need_window_passed"}
    assert set(REASONS) <= set(REASON_LABELS)


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


# -- runs a street office can trust ------------------------------------------------------

T3 = dt.datetime(2026, 1, 7, 9, 0, tzinfo=dt.UTC)
TEXT = {"weights": {"text": 0.9}}


def versions(store: GraphStore) -> dict[str, tuple[str, int]]:
    return {p.id: (p.status, p.version) for p in street_projects(store).values()}


def test_a_claim_made_while_a_run_computes_stays_claimed_and_the_run_reports_it(
        store: GraphStore) -> None:
    run_match(store, S1, now=T1)
    unit = identity(store, "unit")
    claimed: list[Project] = []

    def meanwhile(stage: str) -> None:
        if stage == "计算候选":  # the run has read its snapshot
            claimed.append(projects.transition(store, unit, "PJ-N1-R1", "claim", 1, now=T2))

    run, summary = run_match(store, S1, TEXT, now=T2, progress=meanwhile)
    after = store.get(Project, "PJ-N1-R1")
    assert (after.status, after.version) == ("claimed", claimed[0].version)
    assert [s["project_id"] for s in run.skipped] == ["PJ-N1-R1"]
    assert summary.skipped == 1 and "PJ-N1-R1" not in run.proposals
    trail = store.list(AuditEntry, filters={"target_id": "PJ-N1-R1"}).items
    assert [a.action for a in trail] == ["claim"]


def test_re_running_on_unchanged_data_writes_nothing(store: GraphStore) -> None:
    first, _ = run_match(store, S1, now=T1)
    before, counts = versions(store), store.counts()
    second, summary = run_match(store, S1, now=T2)
    assert second.id == first.id and summary.unchanged_input
    assert versions(store) == before and store.counts() == counts


def test_every_run_keeps_its_proposals_listable(store: GraphStore) -> None:
    first, _ = run_match(store, S1, now=T1)
    second, _ = run_match(store, S1, TEXT, now=T2)
    street = identity(store, "street")
    for run in (first, second):
        listed = runs.run_proposals(store, street, run.id)
        assert [p.id for p in listed.items] == run.proposals and listed.total > 0


def test_a_superseded_pair_comes_back_when_a_later_run_proposes_it(
        store: GraphStore) -> None:
    run_match(store, S1, now=T1)
    need = store.get(Need, "N1")
    store.upsert([need.model_copy(update={"status": NeedStatus.WITHDRAWN})])
    run_match(store, S1, now=T2)
    gone = store.get(Project, "PJ-N1-R1")
    assert gone.status == "superseded"
    need = store.get(Need, "N1")
    store.upsert([need.model_copy(update={"status": NeedStatus.OPEN})])
    run, _ = run_match(store, S1, now=T3)
    back = store.get(Project, "PJ-N1-R1")
    assert (back.status, back.version) == ("proposed", gone.version + 1)
    assert back.match_run_id == run.id
    trail = store.list(AuditEntry, filters={"target_id": "PJ-N1-R1"}).items
    assert [(a.action, a.to_state) for a in trail] == [
        ("supersede", "superseded"), ("repropose", "proposed")]


def test_after_any_sequence_of_runs_the_live_proposals_are_the_last_runs_pairs(
        store: GraphStore) -> None:
    for params, now in ((None, T1), (TEXT, T2), ({"weights": {"distance": 0.0}}, T3)):
        run, _ = run_match(store, S1, params, now=now)
        live = {p.id for p in street_projects(store).values() if p.status == "proposed"}
        assert live == set(run.proposals)


def test_a_draft_touches_no_live_proposal_until_published(store: GraphStore) -> None:
    street = identity(store, "street")
    live = runs.start_run(store, street, S1, now=T1)
    before = versions(store)
    draft = runs.draft_run(store, street, S1, TEXT, now=T2)
    assert draft.draft and versions(store) == before
    diff = runs.compare_run(store, street, draft.id)
    assert diff["live_id"] == live.id and diff["objective"]["draft"] == draft.objective
    assert {r["reason"] for r in diff["unmatched_by_reason"]} >= set(draft.summary["unmatched"])
    assert sum(c["draft"] for c in diff["served_by_community"]) == sum(
        p["quantity"] for p in runs.run_part(store, street, draft.id, "pairs"))
    published = runs.publish_run(store, street, draft.id, draft.version, now=T2)
    assert not published.draft and published.published == T2
    after = versions(store)
    # running again with the published parameters on unchanged data changes nothing
    again = runs.start_run(store, street, S1, TEXT, now=T3)
    assert again.id == draft.id and versions(store) == after


def test_a_draft_computed_before_another_run_went_live_cannot_be_published(
        store: GraphStore) -> None:
    street = identity(store, "street")
    draft = runs.draft_run(store, street, S1, TEXT, now=T1)
    runs.start_run(store, street, S1, now=T2)
    with pytest.raises(Exception, match="请重新计算后再发布"):
        runs.publish_run(store, street, draft.id, draft.version, now=T3)


def test_every_open_need_is_accounted_for_even_past_its_end_date(
        store: GraphStore) -> None:
    late = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)  # N2 ended on 2026-01-31
    run, summary = run_match(store, S1, now=late)
    assert summary.open_needs == 2
    assert summary.served + summary.partly_served + sum(summary.unmatched.values()) == 2
    (item,) = [u for u in run.result["unmatched"] if u["need_id"] == "N2"]
    assert item["reason"] == "need_window_passed"
    assert item["explanation"] == (
        "天四社区的「留守儿童课业辅导」（社区教育，40 小时）未能匹配："
        "需求的结束日期已过，未参与匹配。")


def test_a_proposal_reads_as_a_clerk_needs_it(store: GraphStore) -> None:
    run, _ = run_match(store, S1, now=T1)
    (pair,) = [p for p in run.result["pairs"] if p["project_id"] == "PJ-N1-R1"]
    assert pair["unit_name"] == "涧西区人民医院" and pair["community_name"] == "唐村社区"
    assert pair["distance_km"] is not None and pair["distance_km"] < 1
    assert [p["label"] for p in pair["parts"]] == ["类别契合", "描述相似", "距离", "既有关系",
                                                   "优先程度"]
    assert pair["explanation"].startswith(
        "由涧西区人民医院的「医生每月义诊」服务唐村社区的「老年人免费义诊」，12 次，相距")
    for p in run.result["pairs"]:
        alt = p["alternative"]
        if alt is not None:
            chosen = {q["resource_id"] for q in run.result["pairs"]
                      if q["need_id"] == p["need_id"]}
            assert alt["resource_id"] not in chosen
            assert alt["beaten"] == (alt["score"] <= p["score"])
            assert ("优于" in p["explanation"]) == alt["beaten"]


def test_weights_share_one_vocabulary_and_are_bounded_naming_the_weight(
        store: GraphStore) -> None:
    with pytest.raises(ParamsError, match="权重 text（描述相似）须在 0 到 1 之间"):
        run_match(store, S1, {"weights": {"text": 2}}, now=T1)
    with pytest.raises(ParamsError, match="未知的权重 colour"):
        run_match(store, S1, {"weights": {"colour": 0.5}}, now=T1)
    run, _ = run_match(store, S1, TEXT, now=T1)
    assert run.params["weights"]["text"] == 0.9
    assert not store.list(Project, filters={"match_run_id": "x"}).items


def run_pairs(result: dict[str, object]) -> list[tuple[str, str, int]]:
    return sorted((p["need_id"], p["resource_id"], p["quantity"])  # type: ignore[index]
                  for p in result["pairs"])  # type: ignore[attr-defined]


def test_a_re_run_after_an_added_need_reuses_the_pair_work_and_equals_a_full_run(
        store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = run_match(store, S1, now=T1)
    assert first.result["warm"]["pair_work"]
    store.upsert([Need(id="N4", title="老年人免费义诊", category="家庭医疗", community_id=C2,
                       street_id=S1, quantity=3, unit_of_measure="次",
                       created=dt.date(2025, 12, 1))], [])
    reused: list[object] = []
    real = matcher.reuse_pairs

    def spy(*args: object, **kwargs: object) -> object:
        out = real(*args, **kwargs)  # type: ignore[arg-type]
        reused.append(out)
        return out

    monkeypatch.setattr(matcher, "reuse_pairs", spy)
    again, _ = run_match(store, S1, now=T2)
    assert reused and reused[0] is not None  # the live run's pair work was taken
    assert again.id != first.id and any(p[0] == "N4" for p in run_pairs(again.result))
    forget()  # no kept work: every pair computed
    reused.clear()
    full, _ = compute(store, S1, now=T2)
    assert not reused
    assert run_pairs(full.result) == run_pairs(again.result)
    assert full.result["objective"] == pytest.approx(again.result["objective"], rel=1e-12)
