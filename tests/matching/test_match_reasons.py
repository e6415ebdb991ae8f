"""Every unmatched need says why, in a machine-readable reason."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from match_helpers import need, problem, reasons, res

from matching import MatchParams, match
from matching.explain import alternatives
from tests.matching.test_match_certified import random_model


def test_nothing_in_reach_is_no_candidate_in_reach() -> None:
    result = match(problem([need("N1", x=20.0)], [res("R1")]))
    assert reasons(result) == {"N1": "no_candidate_in_reach"}
    assert result.unmatched[0].details["in_reach"] == 0


def test_only_other_categories_in_reach_is_category_not_offered() -> None:
    result = match(problem([need("N1", "legal_advice", uom="次")], [res("R1", "venue")]))
    assert reasons(result) == {"N1": "category_not_offered_in_reach"}
    assert result.unmatched[0].details["offered_categories"] == ["venue"]


def test_only_other_units_of_measure_is_unit_not_offered() -> None:
    result = match(problem([need("N1", "elderly_care", uom="小时")],
                           [res("R1", "elderly_care", uom="次")]))
    assert reasons(result) == {"N1": "unit_not_offered"}
    assert result.unmatched[0].details["offered_units"] == ["次"]


def test_only_other_time_windows_is_outside_time_window() -> None:
    result = match(problem([need("N1", end=dt.date(2025, 3, 1))],
                           [res("R1", start=dt.date(2025, 4, 1))]))
    assert reasons(result) == {"N1": "outside_time_window"}


def test_only_declined_resources_is_declined_only() -> None:
    result = match(problem([need("N1")], [res("R1")], declined=[("N1", "R1")]))
    assert reasons(result) == {"N1": "declined_only"}


def test_capacity_taken_names_the_best_candidate_and_who_took_it() -> None:
    result = match(problem([need("N1", urgency=3), need("N2", urgency=1)], [res("R1")]))
    assert reasons(result) == {"N2": "capacity_taken"}
    details = result.unmatched[0].details
    assert details["best_resource_id"] == "R1"
    assert [taker[0] for taker in details["taken_by"]] == ["N1"]


def test_a_unit_at_its_limit_is_unit_limit_reached() -> None:
    result = match(problem([need("N1", urgency=3), need("N2")], [res("R1", capacity=2)],
                           max_projects_per_unit={"U1": 1}))
    assert reasons(result) == {"N2": "unit_limit_reached"}
    assert result.unmatched[0].details["unit_ids"] == ["U1"]


def test_a_partly_served_need_reports_what_it_got() -> None:
    result = match(problem([need("N1", quantity=3)], [res("R1", capacity=2)]))
    [part] = result.partial
    assert (part.need_id, part.served, part.quantity, part.reason) == ("N1", 2, 3,
                                                                       "capacity_taken")
    assert result.unmatched == []


def test_capacity_held_by_pinned_pairs_is_capacity_taken() -> None:
    result = match(problem([need("N1"), need("N2")], [res("R1")], pinned=[("N1", "R1", 1)]),
                   MatchParams())
    assert reasons(result) == {"N2": "capacity_taken"}


@pytest.mark.parametrize("seed", range(5))
def test_each_need_s_alternative_is_its_best_unchosen_pair_ties_to_the_lowest_resource(
        seed: int) -> None:
    model = random_model(seed)
    rng = np.random.default_rng(seed)
    model.score[:] = rng.choice([0.3, 0.6, 0.9], model.n_pairs)  # many ties
    x = (rng.random(model.n_pairs) < 0.3).astype(np.int64)
    want = np.full(model.n_needs, -1)
    for i in range(model.n_needs):
        free = [p for p in range(model.n_pairs) if model.pair_need[p] == i and x[p] == 0]
        if free:
            want[i] = min(free, key=lambda p: (-model.score[p], model.pair_res[p]))
    assert alternatives(model, x).tolist() == want.tolist()


def test_the_reasons_of_needs_without_a_candidate_do_not_depend_on_the_chunks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import explain

    needs = [need("N1", x=20.0), need("N2", "legal_advice", uom="次"),
             need("N3", "elderly_care", uom="小时"), need("N4", end=dt.date(2025, 3, 1)),
             need("N5", "legal_advice", uom="次", x=0.5), need("N6", x=-20.0),
             need("N7", "elderly_care", uom="小时", y=1.0)]
    resources = [res("R1", start=dt.date(2025, 4, 1)), res("R2", "elderly_care", uom="次"),
                 res("R3", "venue", x=0.2, y=0.5, start=dt.date(2025, 4, 1))]
    whole = match(problem(needs, resources))
    assert len({u.reason for u in whole.unmatched}) == 4
    monkeypatch.setattr(explain, "REASON_CHUNK", 2)
    chunked = match(problem(needs, resources))
    assert chunked.unmatched == whole.unmatched and chunked.partial == whole.partial
