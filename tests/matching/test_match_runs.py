"""The front door: methods, determinism, the stored form, scarcity, timings."""

from __future__ import annotations

import json

import pytest
from match_helpers import need, problem, res

from matching import METHODS, MatchParams, UnknownMethod, match
from matching.synthetic import synthetic_problem


def test_an_unknown_method_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownMethod, match="valid methods: flow, lp, greedy"):
        match(problem([need("N1")], [res("R1")]), method="hungarian")


@pytest.mark.parametrize("method", METHODS)
def test_the_same_problem_gives_the_identical_result(method: str) -> None:
    first = match(synthetic_problem(300, seed=5), method=method).to_dict()
    second = match(synthetic_problem(300, seed=5), method=method).to_dict()
    first.pop("timings"), second.pop("timings")
    assert first == second


def test_the_result_is_json_serializable_and_sorted() -> None:
    result = match(synthetic_problem(200, seed=1))
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    keys = [(p["need_id"], p["resource_id"]) for p in data["pairs"]]
    assert keys == sorted(keys)
    assert set(data["timings"]) == {"candidates", "scores", "solve", "explain", "scarcity",
                                    "validate"}


def test_flow_and_lp_agree_on_a_clustered_instance() -> None:
    p = synthetic_problem(600, seed=11)
    flow, lp = match(p, method="flow"), match(p, method="lp")
    assert flow.status == lp.status == "optimal" and flow.gap == 0.0
    assert flow.objective == pytest.approx(lp.objective, rel=1e-6)
    assert match(p, method="greedy").objective <= flow.objective


def test_scarcity_is_the_gain_of_one_more_unit_of_capacity() -> None:
    # two needs, one resource: one more unit at R1 serves N2 in full
    p = problem([need("N1", urgency=3), need("N2", urgency=1, x=0.5)], [res("R1")])
    result = match(p)
    [row] = [r for r in result.scarcity if r.category == "venue"]
    assert row.best_resource_id == "R1"
    assert row.unmet_quantity == 1 and row.unmet_needs == 1
    bigger = match(problem(list(p.needs), [res("R1", capacity=2)]))
    assert row.marginal_value == pytest.approx(bigger.objective - result.objective, abs=1e-6)


def test_scarcity_matches_a_resolve_on_a_random_instance() -> None:
    import dataclasses

    from matching import Problem

    p = synthetic_problem(150, seed=4)
    base = match(p)
    row = next(r for r in base.scarcity if r.best_resource_id is not None)
    grown = [dataclasses.replace(r, capacity=r.capacity + 1) if r.id == row.best_resource_id
             else r for r in p.resources]
    again = match(Problem(p.needs, grown, p.taxonomy, registrations=p.registrations,
                          history=p.history))
    assert row.marginal_value == pytest.approx(again.objective - base.objective, abs=1e-6)


def test_greedy_reports_no_scarcity_and_no_gap() -> None:
    result = match(problem([need("N1")], [res("R1")]), method="greedy")
    assert result.status == "heuristic" and result.gap is None and result.scarcity == []


def test_scarcity_can_be_turned_off() -> None:
    result = match(problem([need("N1")], [res("R1")]), MatchParams(scarcity=False))
    assert result.scarcity == [] and result.scarcity_method == "not computed"


def test_each_stage_is_told_as_it_begins_in_order_and_every_stage_is_timed() -> None:
    from matching.matcher import STAGES

    seen: list[str] = []
    result = match(synthetic_problem(40, seed=3), on_stage=seen.append)
    assert seen == list(STAGES)
    assert set(result.timings) == set(STAGES)
