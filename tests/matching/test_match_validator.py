"""The validator catches each kind of broken result."""

from __future__ import annotations

import dataclasses

import pytest
from match_helpers import need, problem, res

from matching import MatchResult, Pair, Problem, ResultInvalid, check_result, match


def _solved() -> tuple[Problem, MatchResult]:
    p = problem([need("N1", quantity=2), need("N2", x=20.0), need("N3")],
                [res("R1", capacity=2), res("R2", capacity=1, unit="U2")],
                pinned=[("N3", "R2", 1)], declined=[("N1", "R2")],
                max_quantity_per_unit={"U1": 2})
    return p, match(p)


def _with_pair(result: MatchResult, index: int, **change: object) -> MatchResult:
    pairs = list(result.pairs)
    pairs[index] = dataclasses.replace(pairs[index], **change)  # type: ignore[arg-type]
    return dataclasses.replace(result, pairs=pairs)


def test_a_good_result_passes() -> None:
    p, result = _solved()
    check_result(p, result)


def test_too_much_for_a_need_is_caught() -> None:
    p, result = _solved()
    bad = _with_pair(result, 0, quantity=3)
    with pytest.raises(ResultInvalid, match="need N1 is served 3, more than its quantity 2"):
        check_result(p, bad)


def test_a_fractional_quantity_is_caught() -> None:
    p, result = _solved()
    with pytest.raises(ResultInvalid, match="quantity must be a positive integer"):
        check_result(p, _with_pair(result, 0, quantity=1.5))


def test_a_pair_that_is_not_a_candidate_is_caught() -> None:
    p, result = _solved()
    bad = dataclasses.replace(result, pairs=[*result.pairs, dataclasses.replace(
        result.pairs[0], need_id="N2", resource_id="R1", quantity=1)])
    with pytest.raises(ResultInvalid, match=r"pair \(N2, R1\) is not a candidate: distance"):
        check_result(p, bad)


def test_a_declined_pair_is_caught() -> None:
    p, result = _solved()
    bad = _with_pair(result, 0, resource_id="R2")
    with pytest.raises(ResultInvalid, match=r"pair \(N1, R2\) was declined"):
        check_result(p, bad)


def test_a_dropped_pinned_pair_is_caught() -> None:
    p, result = _solved()
    bad = dataclasses.replace(result, pairs=[q for q in result.pairs if not q.pinned])
    with pytest.raises(ResultInvalid, match=r"pinned pair \(N3, R2\) is missing"):
        check_result(p, bad)


def test_a_unit_over_its_limit_is_caught() -> None:
    p, result = _solved()
    over = Problem(p.needs, p.resources, p.taxonomy, pinned=p.pinned, declined=p.declined,
                   max_quantity_per_unit={"U1": 1})
    with pytest.raises(ResultInvalid, match="unit U1 gives 2 in total, more than its limit 1"):
        check_result(over, result)


def test_a_score_that_does_not_match_its_breakdown_is_caught() -> None:
    p, result = _solved()
    with pytest.raises(ResultInvalid, match="differs from its weighted breakdown"):
        check_result(p, _with_pair(result, 0, score=0.99))


def test_a_misreported_objective_is_caught() -> None:
    p, result = _solved()
    with pytest.raises(ResultInvalid, match="reported objective"):
        check_result(p, dataclasses.replace(result, objective=result.objective + 1e-3))


def test_an_unlisted_unserved_need_is_caught() -> None:
    p, result = _solved()
    with pytest.raises(ResultInvalid, match="need N2 is served 0 of 1 but not listed"):
        check_result(p, dataclasses.replace(result, unmatched=[]))


def test_a_pair_pointing_at_an_unknown_resource_is_caught() -> None:
    p, result = _solved()
    ghost = Pair("N1", "R9", 1, 0.5, dict(result.pairs[0].breakdown))
    with pytest.raises(ResultInvalid, match=r"pair \(N1, R9\) refers to an unknown"):
        check_result(p, dataclasses.replace(result, pairs=[*result.pairs, ghost]))


def test_verdicts_kept_from_the_last_check_serve_only_the_same_items_in_the_same_context(
        ) -> None:
    from matching import MatchParams
    from matching.synthetic import synthetic_problem
    from matching.validate import haversine_km

    p = synthetic_problem(300, seed=3)
    result = match(p)  # validated: its verdicts are kept
    check_result(p, result)  # from the kept verdicts
    needs = {n.id: n for n in p.needs}
    on_site = next(x for x in result.pairs if not x.pinned and
                   p.resources[[r.id for r in p.resources].index(x.resource_id)].mode
                   != "online")
    at = [r.id for r in p.resources].index(on_site.resource_id)
    r = p.resources[at]
    n = needs[on_site.need_id]
    assert haversine_km(n.lat, n.lon, r.lat, r.lon) > 1e-3
    # a new object under the same id, out of reach: derived afresh, refused
    near = dataclasses.replace(r, reach_km=1e-6)
    moved = Problem(p.needs, [*p.resources[:at], near, *p.resources[at + 1:]], p.taxonomy,
                    registrations=p.registrations, history=p.history)
    with pytest.raises(ResultInvalid, match="exceeds reach"):
        check_result(moved, result)
    # the same objects under other parameters: the features are derived afresh
    check_result(p, result)
    with pytest.raises(ResultInvalid, match="feature distance"):
        check_result(p, result, MatchParams(walk_km=0.0, decay_km=1e-3))
    # the same items and context, a pair reporting another score: checked afresh
    check_result(p, result)
    at_pair = result.pairs.index(on_site)
    tampered = dataclasses.replace(result, pairs=[
        *result.pairs[:at_pair], dataclasses.replace(on_site, score=on_site.score + 0.01),
        *result.pairs[at_pair + 1:]])
    with pytest.raises(ResultInvalid, match="differs from its weighted breakdown"):
        check_result(p, tampered)
    confident = dataclasses.replace(result, pairs=[
        *result.pairs[:at_pair], dataclasses.replace(on_site, confidence="低"),
        *result.pairs[at_pair + 1:]])
    with pytest.raises(ResultInvalid, match="acceptance rule"):
        check_result(p, confident)


def test_a_breakdown_changed_in_place_after_a_check_is_checked_again() -> None:
    p, result = _solved()
    check_result(p, result)  # its verdicts are kept
    first = next(x for x in result.pairs if not x.pinned)
    first.breakdown["category"] = 0.0  # the same pair object, another report
    with pytest.raises(ResultInvalid, match=r"pair \(N1, R1\)"):
        check_result(p, result)


@pytest.mark.parametrize("field", ["used", "capacity", "resource_id"])
def test_a_misreported_utilisation_row_is_named(field: str) -> None:
    from matching.synthetic import synthetic_problem

    p = synthetic_problem(300, seed=4)
    result = match(p)
    at = next(k for k, u in enumerate(result.utilisation) if u.used > 0)
    u = result.utilisation[at]
    wrong = {"used": u.used + 1, "capacity": u.capacity + 1, "resource_id": "R-NONE"}[field]
    rows = [*result.utilisation[:at], dataclasses.replace(u, **{field: wrong}),
            *result.utilisation[at + 1:]]
    named = wrong if field == "resource_id" else u.resource_id
    with pytest.raises(ResultInvalid, match=rf"utilisation of resource {named} is misreported"):
        check_result(p, dataclasses.replace(result, utilisation=rows))


def test_the_totals_of_many_pairs_catch_a_need_and_a_resource_over_their_quantity() -> None:
    # every pair passed the last check: only the totals can catch the extra unit
    from matching.synthetic import synthetic_problem

    p = synthetic_problem(300, seed=5)
    result = match(p)
    check_result(p, result)
    needs = {n.id: n for n in p.needs}
    resources = {r.id: r for r in p.resources}
    full = next(x for x in result.pairs if x.quantity == needs[x.need_id].quantity)
    fewer = Problem([dataclasses.replace(n, quantity=n.quantity - 1) if n.id == full.need_id
                     else n for n in p.needs], p.resources, p.taxonomy,
                    registrations=p.registrations, history=p.history)
    with pytest.raises(ResultInvalid, match=rf"need {full.need_id} is served"):
        check_result(fewer, result)
    used = {u.resource_id: u.used for u in result.utilisation}
    busy = next(r for r in used if used[r] == resources[r].capacity and used[r] > 1)
    smaller = Problem(p.needs, [dataclasses.replace(r, capacity=r.capacity - 1)
                                if r.id == busy else r for r in p.resources], p.taxonomy,
                      registrations=p.registrations, history=p.history)
    with pytest.raises(ResultInvalid, match=rf"resource {busy} gives"):
        check_result(smaller, result)


def test_whole_list_checks_of_many_pairs_name_a_repeat_and_a_misreported_unserved_need(
        ) -> None:
    # no pinned or declined pair, every item known: the repeats, the totals and the
    # unserved lists are checked by whole arrays first, after a check that kept them all
    from matching import Unserved
    from matching.synthetic import synthetic_problem

    p = synthetic_problem(300, seed=6)
    result = match(p)
    assert not p.pinned and not p.declined and result.partial and result.unmatched
    check_result(p, result)
    one = next(x for x in result.pairs if x.quantity == 1)
    twice = dataclasses.replace(result, pairs=[*result.pairs, one])
    with pytest.raises(ResultInvalid, match=rf"pair \({one.need_id}, {one.resource_id}\) "
                                            "appears twice"):
        check_result(p, twice)
    part = result.partial[0]
    wrong = dataclasses.replace(part, served=part.served + 1)
    with pytest.raises(ResultInvalid, match=rf"need {part.need_id} is served {part.served} "
                                            "of"):
        check_result(p, dataclasses.replace(result, partial=[wrong, *result.partial[1:]]))
    full = next(x.need_id for x in result.pairs
                if x.need_id not in {u.need_id for u in result.partial})
    listed = Unserved(full, "capacity_taken", 1, 0)
    with pytest.raises(ResultInvalid, match=rf"need {full} is served"):
        check_result(p, dataclasses.replace(result, partial=[*result.partial, listed]))
    check_result(p, result)  # the result as it was still passes
