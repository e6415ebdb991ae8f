"""Validation of problems and parameters: each error names its culprit."""

from __future__ import annotations

import datetime as dt

import pytest
from match_helpers import need, problem, res

import matching
from matching import MatchParams, NeedItem, ParamsError, ProblemError, Taxonomy


def test_public_surface_is_exactly_all() -> None:
    for name in matching.__all__:
        assert hasattr(matching, name), name


def test_a_need_with_a_negative_quantity_is_refused_by_name() -> None:
    with pytest.raises(ProblemError, match="need N12: quantity must be a positive integer, got -3"):
        need("N12", quantity=-3)


def test_a_need_urgency_outside_one_to_three_is_refused() -> None:
    with pytest.raises(ProblemError, match="need N1: urgency must be 1, 2 or 3"):
        need("N1", urgency=4)


def test_a_resource_with_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ProblemError, match="resource R1: mode must be one of"):
        res("R1", mode="by_post")


def test_a_time_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ProblemError, match="need N1: time window ends"):
        need("N1", start=dt.date(2025, 5, 1), end=dt.date(2025, 4, 1))


def test_half_a_position_is_refused() -> None:
    with pytest.raises(ProblemError, match="lat and lon must both be set"):
        NeedItem("N1", "C1", "S1", "venue", 1, "场地", lat=30.0)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ProblemError, match="duplicate resource id R1"):
        problem([need("N1")], [res("R1"), res("R1")])


def test_a_pinned_pair_naming_an_unknown_resource_is_refused() -> None:
    with pytest.raises(ProblemError, match=r"pinned pair \(N1, R9\) refers to unknown resource R9"):
        problem([need("N1")], [res("R1")], pinned=[("N1", "R9", 1)])


def test_pinned_quantity_beyond_the_need_is_refused() -> None:
    with pytest.raises(ProblemError, match="need N1: pinned pairs take 2, more than its quant"):
        problem([need("N1")], [res("R1", capacity=5)], pinned=[("N1", "R1", 2)])


def test_a_pair_both_pinned_and_declined_is_refused() -> None:
    with pytest.raises(ProblemError, match=r"pinned pair \(N1, R1\) is also declined"):
        problem([need("N1")], [res("R1")], pinned=[("N1", "R1", 1)], declined=[("N1", "R1")])


def test_a_declined_pair_naming_an_unknown_need_is_refused() -> None:
    with pytest.raises(ProblemError, match=r"declined pair \(N7, R1\) refers to unknown need N7"):
        problem([need("N1")], [res("R1")], declined=[("N7", "R1")])


def test_a_history_mean_outside_one_to_five_is_refused() -> None:
    with pytest.raises(ProblemError, match=r"history \(U1, C1\): mean evaluation"):
        problem([need("N1")], [res("R1")], history={("U1", "C1"): 7})


def test_a_limit_for_a_unit_without_resources_is_refused() -> None:
    with pytest.raises(ProblemError, match="max_projects_per_unit: unit U9 offers no resource"):
        problem([need("N1")], [res("R1")], max_projects_per_unit={"U9": 1})


def test_a_minimum_share_above_one_is_refused() -> None:
    with pytest.raises(ProblemError, match="share of \\* must be within 0..1"):
        problem([need("N1")], [res("R1")], min_share_per_community=1.5)


def test_a_problem_cannot_be_changed_after_construction() -> None:
    p = problem([need("N1")], [res("R1")])
    with pytest.raises(AttributeError, match="immutable"):
        p.needs = ()


def test_the_taxonomy_closes_relations_in_both_directions() -> None:
    t = Taxonomy.from_related({"a": {"b"}, "c": {"a"}})
    assert t.related("a") == {"b", "c"}
    assert t.is_related("b", "a")
    assert not t.is_related("b", "c")


def test_negative_weights_are_refused_by_name() -> None:
    with pytest.raises(ParamsError, match="w_text 不能为负数"):
        MatchParams(w_text=-0.1)


def test_all_zero_weights_are_refused() -> None:
    with pytest.raises(ParamsError, match="至少一个特征权重须大于 0"):
        MatchParams(w_category=0, w_text=0, w_distance=0, w_relationship=0, w_priority=0)


def test_the_problem_dict_is_order_stable_and_json_ready() -> None:
    import json

    a = problem([need("N1"), need("N2")], [res("R1")], declined=[("N2", "R1"), ("N1", "R1")])
    b = problem([need("N1"), need("N2")], [res("R1")], declined=[("N1", "R1"), ("N2", "R1")])
    assert json.dumps(a.to_dict(), ensure_ascii=False) == json.dumps(b.to_dict(),
                                                                     ensure_ascii=False)
