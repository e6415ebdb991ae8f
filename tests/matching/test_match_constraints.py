"""Capacities, pinned and declined pairs, per-unit limits and minimum shares."""

from __future__ import annotations

import pytest
from match_helpers import need, problem, reasons, res, served

from matching import match

EXACT = ["flow", "lp"]


@pytest.mark.parametrize("method", [*EXACT, "greedy"])
def test_capacity_is_shared_and_never_exceeded(method: str) -> None:
    p = problem([need("N1", quantity=3), need("N2", quantity=3)], [res("R1", capacity=4)])
    result = match(p, method=method)
    assert sum(served(result).values()) == 4


@pytest.mark.parametrize("method", EXACT)
def test_a_need_can_be_split_over_several_resources(method: str) -> None:
    p = problem([need("N1", quantity=5)], [res("R1", capacity=2), res("R2", capacity=3)])
    assert served(match(p, method=method)) == {("N1", "R1"): 2, ("N1", "R2"): 3}


@pytest.mark.parametrize("method", EXACT)
def test_the_objective_counts_a_full_need_by_its_score_not_its_size(method: str) -> None:
    # one unit of capacity: serving the one-unit need in full beats 1/100 of the big one
    p = problem([need("N1", quantity=100), need("N2", quantity=1)], [res("R1")])
    assert served(match(p, method=method)) == {("N2", "R1"): 1}


@pytest.mark.parametrize("method", [*EXACT, "greedy"])
def test_pinned_pairs_are_kept_even_when_they_are_not_candidates(method: str) -> None:
    p = problem([need("N1", quantity=2, x=10.0), need("N2")],
                [res("R1", capacity=2)], pinned=[("N1", "R1", 1)])
    result = match(p, method=method)
    assert served(result) == {("N1", "R1"): 1, ("N2", "R1"): 1}
    assert [pair.pinned for pair in result.pairs] == [True, False]


@pytest.mark.parametrize("method", EXACT)
def test_pinned_quantity_reduces_what_is_left(method: str) -> None:
    p = problem([need("N1", quantity=2), need("N2", quantity=2)], [res("R1", capacity=3)],
                pinned=[("N1", "R1", 2)])
    result = match(p, method=method)
    assert served(result) == {("N1", "R1"): 2, ("N2", "R1"): 1}
    assert {u.resource_id: u.used for u in result.utilisation} == {"R1": 3}


@pytest.mark.parametrize("method", [*EXACT, "greedy"])
def test_a_unit_quantity_limit_holds_across_its_resources(method: str) -> None:
    p = problem([need("N1", quantity=3), need("N2", quantity=3)],
                [res("R1", capacity=3), res("R2", capacity=3)],
                max_quantity_per_unit={"U1": 4})
    assert sum(served(match(p, method=method)).values()) == 4


@pytest.mark.parametrize("method", [*EXACT, "greedy"])
def test_a_unit_project_limit_counts_pairs(method: str) -> None:
    p = problem([need("N1"), need("N2"), need("N3")], [res("R1", capacity=3)],
                max_projects_per_unit={"U1": 2})
    result = match(p, method=method)
    assert len(result.pairs) == 2
    if method != "greedy":
        assert result.solver == "highs-milp" and result.status == "optimal"


def test_project_limits_count_pinned_projects() -> None:
    p = problem([need("N1"), need("N2"), need("N3")], [res("R1", capacity=3)],
                max_projects_per_unit={"U1": 2}, pinned=[("N1", "R1", 1)])
    assert len(match(p).pairs) == 2


@pytest.mark.parametrize("method", EXACT)
def test_a_minimum_share_is_met_when_it_can_be(method: str) -> None:
    # C2's need scores lower (farther away) but C2 must get half its demand
    p = problem([need("N1", quantity=2, community="C1"),
                 need("N2", quantity=2, community="C2", x=2.9)],
                [res("R1", capacity=2)], min_share_per_community=0.5)
    result = match(p, method=method)
    assert served(result) == {("N1", "R1"): 1, ("N2", "R1"): 1}
    assert result.shortfalls == []
    without = match(problem(list(p.needs), list(p.resources)), method=method)
    assert served(without) == {("N1", "R1"): 2}


@pytest.mark.parametrize("method", EXACT)
def test_a_minimum_share_that_cannot_hold_is_reported_with_its_shortfall(method: str) -> None:
    p = problem([need("N1", quantity=4, community="C1"),
                 need("N2", quantity=10, community="C2", x=50.0)],
                [res("R1", capacity=4)], min_share_per_community={"C2": 0.3})
    result = match(p, method=method)
    assert served(result) == {("N1", "R1"): 4}
    [short] = result.shortfalls
    assert (short.community_id, short.required, short.served, short.reachable,
            short.shortfall) == ("C2", 3, 0, 0, 3)


def test_shares_go_as_far_as_they_can_when_they_compete() -> None:
    p = problem([need("N1", quantity=2, community="C1"), need("N2", quantity=2, community="C2")],
                [res("R1", capacity=2)], min_share_per_community=1.0)
    flow, lp = match(p, method="flow"), match(p, method="lp")
    assert flow.share_units == lp.share_units == 2
    assert flow.objective == pytest.approx(lp.objective, rel=1e-9)
    assert sum(s.shortfall for s in flow.shortfalls) == 2


def test_declined_pairs_leave_the_need_to_the_next_best() -> None:
    p = problem([need("N1")], [res("R1"), res("R2", x=2.0)], declined=[("N1", "R1")])
    result = match(p)
    assert served(result) == {("N1", "R2"): 1}
    assert result.pairs[0].alternative is None
    assert reasons(result) == {}
