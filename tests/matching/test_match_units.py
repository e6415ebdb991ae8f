"""Units of measure that serve each other one for one (matching.units), and those that do
not: candidates, quantities in the flow, pinned pairs, the validator and the reasons."""

from __future__ import annotations

import dataclasses

import pytest
from match_helpers import need, problem, reasons, res, served

from api.runs.explain import REASON_LABELS
from matching import ProblemError, ResultInvalid, check_result, match
from matching.units import COMPATIBLE, compatible, converted, fits_matrix, served_codes

LECTURE = "社区老年人防诈骗知识讲座"


def lecture_need(id: str, uom: str, quantity: int = 1, **kw: object) -> object:
    return need(id, "community_education", quantity, uom, title=LECTURE, **kw)


def lecture_res(id: str, uom: str, capacity: int = 1, **kw: object) -> object:
    return res(id, "community_education", capacity, uom, title=LECTURE, **kw)


@pytest.mark.parametrize(("need_uom", "res_uom"), [
    ("人", "名"), ("名", "人"), ("人", "人次"), ("人次", "名"), ("人次", "次"), ("次", "人次"),
    ("件", "个"), ("个", "件"), ("处", "间"), ("间", "场地")])
def test_a_resource_in_a_unit_that_counts_the_same_thing_is_a_candidate(
        need_uom: str, res_uom: str) -> None:
    p = problem([lecture_need("N1", need_uom)], [lecture_res("R1", res_uom)])
    assert served(match(p)) == {("N1", "R1"): 1}


@pytest.mark.parametrize(("need_uom", "res_uom"), [
    ("人", "场"), ("名", "场"), ("人次", "场"), ("次", "场"), ("场", "次"), ("人", "次"),
    ("元", "次"), ("次", "元"), ("件", "次"), ("小时", "次"), ("户", "人"), ("元", "件")])
def test_a_resource_in_a_unit_that_counts_something_else_stays_out_and_says_so(
        need_uom: str, res_uom: str) -> None:
    p = problem([lecture_need("N1", need_uom)], [lecture_res("R1", res_uom, seats=40)])
    result = match(p)
    assert result.pairs == []
    assert reasons(result) == {"N1": "unit_not_offered"}
    assert result.unmatched[0].details["offered_units"] == [res_uom]
    assert REASON_LABELS[result.unmatched[0].reason] == "同类资源的计量单位不同"


def test_quantities_convert_one_for_one_across_compatible_units() -> None:
    # 5 人次 serve a need of 3 人 and a need of 4 名 at once: 3 + 2, one for one
    p = problem([lecture_need("N1", "人", 3, urgency=3),
                 lecture_need("N2", "名", 4, community="C2")],
                [lecture_res("R1", "人次", 5)])
    assert served(match(p)) == {("N1", "R1"): 3, ("N2", "R1"): 2}
    assert converted(3, "人", "人次") == 3
    with pytest.raises(ValueError, match="does not serve"):
        converted(3, "人", "场")


def test_online_resources_serve_needs_in_a_compatible_unit_and_no_other() -> None:
    p = problem([lecture_need("N1", "次", online_ok=True),
                 lecture_need("N2", "场", online_ok=True, community="C2")],
                [lecture_res("R1", "人次", 2, mode="online", x=50.0)])
    result = match(p)
    assert served(result) == {("N1", "R1"): 1}
    assert reasons(result) == {"N2": "unit_not_offered"}


def test_the_validator_refuses_a_pair_of_incompatible_units_and_passes_a_compatible_one(
        ) -> None:
    p = problem([lecture_need("N1", "次"), lecture_need("N2", "场", community="C2")],
                [lecture_res("R1", "人次", 2)])
    result = match(p)
    assert served(result) == {("N1", "R1"): 1}
    check_result(p, result)
    bad = dataclasses.replace(result, pairs=[*result.pairs, dataclasses.replace(
        result.pairs[0], need_id="N2")],
        unmatched=[u for u in result.unmatched if u.need_id != "N2"])
    with pytest.raises(ResultInvalid,
                       match=r"pair \(N2, R1\) is not a candidate: units of measure do not "
                             r"serve each other \(场 vs 人次\)"):
        check_result(p, bad)


def test_a_pinned_pair_may_join_compatible_units_and_never_incompatible_ones() -> None:
    ok = problem([lecture_need("N1", "次", 2)], [lecture_res("R1", "人次", 2)],
                 pinned=[("N1", "R1", 1)])
    assert served(match(ok)) == {("N1", "R1"): 1}  # the pinned pair, kept
    with pytest.raises(ProblemError, match="units of measure do not serve each other"):
        problem([lecture_need("N1", "次", 2)], [lecture_res("R1", "场", 2)],
                pinned=[("N1", "R1", 1)])


def test_the_relation_is_symmetric_not_transitive_and_the_matrix_follows_it() -> None:
    assert all((b, a) in COMPATIBLE for a, b in COMPATIBLE)
    assert compatible("人", "人次") and compatible("人次", "次") and not compatible("人", "次")
    assert compatible("场地", "场地") and not compatible("元", "小时")
    assert not compatible("次", "场") and not compatible("场", "次")
    vocab = ["人", "次", "场", "元", "人次", "未知"]
    fits = fits_matrix(vocab)
    assert [[bool(fits[r, n]) for n in range(len(vocab))] for r in range(len(vocab))] == \
        [[compatible(n, r) for n in vocab] for r in vocab]
    assert served_codes(vocab)[4] == [4, 0, 1]  # 人次 serves 人次, then 人 and 次
    assert served_codes(vocab)[2] == [2]
    assert served_codes(vocab)[5] == [5]
