"""Each candidate rule, seen through ``match``: a pair is proposed only when all hold."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st
from match_helpers import need, problem, res, served

from matching import match


def test_the_same_category_is_a_candidate() -> None:
    assert served(match(problem([need("N1")], [res("R1")]))) == {("N1", "R1"): 1}


def test_a_related_category_with_clear_text_evidence_is_proposed_at_a_lower_fit() -> None:
    p = problem([need("N1", "elderly_care", uom="次", title="老人行动不便需要医生上门巡诊")],
                [res("R1", "home_medical", uom="次", title="医生上门巡诊，老人行动不便可预约")])
    result = match(p)
    assert served(result) == {("N1", "R1"): 1}
    assert result.pairs[0].breakdown["category"] == 0.6
    assert result.pairs[0].confidence == "中"


def test_a_related_category_without_text_evidence_is_not_proposed() -> None:
    p = problem([need("N1", "elderly_care", uom="次")],
                [res("R1", "home_medical", uom="次")])
    result = match(p)
    assert result.pairs == []
    assert [(u.need_id, u.reason) for u in result.unmatched] == [("N1", "no_acceptable_fit")]
    assert result.unmatched[0].details["best_rejected_id"] == "R1"


def test_each_need_left_with_low_pairs_alone_names_its_own_best_one() -> None:
    # N1 and N3 have only related-category pairs without text (low), N2 sits between
    # them with an accepted candidate: each of N1, N3 names the nearest of its own
    p = problem([need("N1", "elderly_care", uom="次", x=0.0),
                 need("N2", "home_medical", uom="次", x=1.0, community="C2"),
                 need("N3", "elderly_care", uom="次", x=2.0, community="C3")],
                [res("R1", "home_medical", uom="次", x=2.0, capacity=3),
                 res("R2", "home_medical", uom="次", x=0.5, capacity=3)])
    result = match(p)
    assert {n for n, _ in served(result)} == {"N2"}
    best = {u.need_id: u.details["best_rejected_id"] for u in result.unmatched}
    assert best == {"N1": "R2", "N3": "R1"}

def test_an_unrelated_category_is_never_a_candidate() -> None:
    p = problem([need("N1", "elderly_care", uom="次")], [res("R1", "legal_advice", uom="次")])
    assert match(p).pairs == []


def test_the_tests_use_the_products_one_taxonomy_where_psychology_is_related_to_medicine(
        ) -> None:
    from match_helpers import TAXONOMY

    from graph.taxonomy import TAXONOMY as CATEGORIES

    assert {c: set(TAXONOMY.related(c)) for c in CATEGORIES} == CATEGORIES.related_map()
    p = problem([need("N1", "home_medical", uom="次", title="老人查出癌症后整夜睡不着想不开")],
                [res("R1", "psychological", uom="次",
                     title="老人查出癌症后想不开，心理医生上门疏导")])
    assert served(match(p)) == {("N1", "R1"): 1}


def test_a_different_unit_of_measure_is_never_a_candidate() -> None:
    p = problem([need("N1", "elderly_care", uom="小时")], [res("R1", "elderly_care", uom="次")])
    assert match(p).pairs == []


def test_a_need_beyond_the_reach_is_not_a_candidate_and_one_inside_is() -> None:
    p = problem([need("N1", x=2.9), need("N2", x=-3.1)], [res("R1", capacity=2, reach=3.0)])
    assert served(match(p)) == {("N1", "R1"): 1}


def test_at_unit_resources_use_their_reach_too() -> None:
    p = problem([need("N1", x=1.0), need("N2", x=4.0)],
                [res("R1", capacity=2, reach=2.0, mode="at_unit")])
    assert served(match(p)) == {("N1", "R1"): 1}


def test_online_resources_reach_any_distance_but_only_online_needs() -> None:
    p = problem([need("N1", x=80.0, online_ok=True), need("N2", x=0.5)],
                [res("R1", capacity=2, reach=0.0, mode="online")])
    result = match(p)
    assert served(result) == {("N1", "R1"): 1}
    assert result.pairs[0].breakdown["distance"] == 0.7


def test_a_need_without_a_place_is_served_only_online() -> None:
    from matching import NeedItem

    placeless = NeedItem("N1", "C1", "S1", "venue", 1, "场地", online_ok=True)
    p = problem([placeless], [res("R1"), res("R2", mode="online")])
    assert served(match(p)) == {("N1", "R2"): 1}


def test_time_windows_must_overlap_and_open_ends_overlap_everything() -> None:
    may = dict(start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31))
    june = dict(start=dt.date(2025, 6, 1), end=dt.date(2025, 6, 30))
    p = problem([need("N1", **may), need("N2", **may), need("N3")],
                [res("R1", capacity=3, **june), res("R2", capacity=3, start=dt.date(2025, 5, 20))])
    pairs = served(match(p))
    assert ("N1", "R1") not in pairs and ("N2", "R1") not in pairs
    assert {("N1", "R2"), ("N2", "R2")} <= set(pairs)


def test_declined_pairs_are_never_proposed() -> None:
    p = problem([need("N1")], [res("R1"), res("R2", x=2.0)], declined=[("N1", "R1")])
    assert served(match(p)) == {("N1", "R2"): 1}


def test_each_need_keeps_only_its_nearest_online_resources() -> None:
    from matching import MatchParams

    online = [res(f"R{k}", x=float(k), mode="online") for k in range(5)]
    result = match(problem([need("N1", online_ok=True)], online),
                   MatchParams(max_online_per_need=2))
    assert result.n_candidates == 2


@given(st.lists(st.tuples(st.sampled_from([0.0, 1.0, 2.0, None]), st.booleans()),
                min_size=1, max_size=6),
       st.lists(st.tuples(st.sampled_from([0.0, 1.0, 1.0, 3.0, None]),
                          st.sampled_from(["venue", "reading_room"])),
                min_size=1, max_size=8),
       st.integers(1, 4))
@settings(max_examples=150, deadline=None, derandomize=True)
def test_online_candidates_are_each_needs_k_nearest_with_ties_by_resource_order(
        needs_at: list[tuple[float | None, bool]],
        online_at: list[tuple[float | None, str]], k: int) -> None:
    """Against a brute-force ranking of every pair: nearest first, ties (and resources or
    needs without a place, which rank last) by resource order."""
    from matching import NeedItem, ResourceItem
    from matching.arrays import arrays_of
    from matching.candidates import find_candidates

    needs = [need(f"N{i}", x=x) if x is not None else NeedItem(
        f"N{i}", "C1", "S1", "venue", 1, "场地", online_ok=True)
        for i, (x, _) in enumerate(needs_at)]
    needs = [dataclasses.replace(n, online_ok=True) if online else n
             for n, (_, online) in zip(needs, needs_at, strict=True)]
    resources = [res(f"R{j}", category=c, x=x, mode="online") if x is not None else
                 ResourceItem(f"R{j}", "U1", "S1", c, 1, "场地", mode="online")
                 for j, (x, c) in enumerate(online_at)]
    p = problem(needs, resources)
    cands = find_candidates(arrays_of(p), k)
    got = sorted(zip(cands.need.tolist(), cands.res.tolist(), strict=True))
    expected = []
    for i, n in enumerate(p.needs):
        if not n.online_ok:
            continue
        ranked = []
        for j, r in enumerate(p.resources):
            if r.category == n.category:  # venue and reading_room are unrelated here
                d = math.hypot(n.lat - r.lat, n.lon - r.lon)
                ranked.append((d if not math.isnan(d) else math.inf, j))
        expected += [(i, j) for _, j in sorted(ranked)[:k]]
    assert got == sorted(expected)


_TEXTS = ("独居老人想有人帮做饭", "初三学生焦虑失眠", "需要一台轮椅", "想要两床棉被",
          "小区电梯老是停", "腿脚不便买药难", "楼道照明坏了", "",
          "老人摔伤后出门要一台轮椅，需要有人上门")
_TERMS = ("做饭", "青少年", "电梯维修", "药品", "楼道照明", "老人", "轮椅")
_GOODS = ((), ("口罩", "消毒液", "冬季棉被"), ("轮椅",))


@given(st.lists(st.tuples(st.sampled_from(_TEXTS), st.sampled_from(["C1", "C2", "C3"])),
                min_size=1, max_size=8),
       st.lists(st.tuples(st.lists(st.sampled_from(_TERMS), max_size=2, unique=True),
                          st.lists(st.sampled_from(_TERMS), max_size=2, unique=True),
                          st.booleans(), st.sampled_from(_GOODS),
                          st.sampled_from(["U1", "U2"])),
                min_size=1, max_size=8),
       st.sets(st.tuples(st.sampled_from(["U1", "U2"]), st.sampled_from(["C1", "C2", "C3"]))))
@settings(max_examples=150, deadline=None, derandomize=True)
def test_refusals_of_restricted_resources_are_those_of_each_pair_alone(
        needs_at: list[tuple[str, str]],
        restrictions: list[tuple[list[str], list[str], bool, tuple[str, ...], str]],
        registrations: set[tuple[str, str]]) -> None:
    """The refusals computed once per distinct (restrictions, need text), with the
    registrations looked up by key, are :func:`pair_refusal` of every pair, one by one."""
    import numpy as np

    from matching.arrays import arrays_of
    from matching.candidates import (
        find_candidates,
        pair_refusal,
        refused_by_facts,
        restriction_refusals,
    )

    needs = [need(f"N{i}", title=text, community=c) for i, (text, c) in enumerate(needs_at)]
    # help that comes to the door: no need here asks for help the resources do not give
    resources = [res(f"R{j}", unit=u, only_for=tuple(o), excludes=tuple(e),
                     registered_only=reg, goods=goods, title="志愿者上门服务")
                 for j, (o, e, reg, goods, u) in enumerate(restrictions)]
    p = problem(needs, resources, registrations=registrations)
    a = arrays_of(p)
    cands = find_candidates(a)
    expected = [pair_refusal(p, p.needs[n], p.resources[r])
                for n, r in zip(cands.need.tolist(), cands.res.tolist(), strict=True)]
    got = restriction_refusals(p, a, cands.need, cands.res)
    assert got.tolist() == expected
    _, refused = refused_by_facts(p, a, cands)
    assert refused == sorted((n, r, why) for n, r, why in zip(
        cands.need.tolist(), cands.res.tolist(), expected, strict=True) if why is not None)
    assert np.array_equal(restriction_refusals(p, a, cands.need[:0], cands.res[:0]),
                          np.zeros(0, object))


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9),
                          st.sampled_from([0.0, 0.5, 1.0, 2.25, math.inf, -1.0, math.nan])),
                max_size=40))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_pairs_ordered_by_need_rank_and_resource_as_a_lexsort(
        triples: list[tuple[int, int, float]]) -> None:
    """The packed sort of (need, rank, resource) gives lexsort's order, ties and
    infinite ranks included (negative or NaN ranks take the lexsort itself)."""
    import numpy as np

    from matching.candidates import _by_need_rank_res

    need = np.array([t[0] for t in triples], dtype=np.int64)
    res = np.array([t[1] for t in triples], dtype=np.int64)
    rank = np.array([t[2] for t in triples], dtype=np.float64)
    order = np.lexsort((res, rank, need))
    got = _by_need_rank_res(need, res, rank)
    assert np.array_equal(got[0], need[order]) and np.array_equal(got[1], res[order])
    assert np.array_equal(got[2], rank[order], equal_nan=True)
