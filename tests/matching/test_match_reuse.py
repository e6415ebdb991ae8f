"""Reuse of the pair work in a re-run (:mod:`matching.reuse`): after a small change the
candidates, refusals, features, scores and confidence codes are the very arrays a full
computation gives, only the touched pairs are computed afresh, and the whole re-run
equals a full run."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import pytest

from matching import MatchParams, MatchResult, Problem, check_result, match
from matching.arrays import arrays_of
from matching.growable import appended, room_for
from matching.matcher import scored_pairs
from matching.problem import NeedItem, ResourceItem
from matching.reuse import Pairs, _kept_refused, recall
from matching.semantic import DIM, EmbeddingCache, blended_similarity, text_key
from matching.synthetic import synthetic_problem
from matching.text import item_text, tfidf_evidence


def pairs_of(result: MatchResult) -> list[tuple[str, str, int]]:
    return sorted((p.need_id, p.resource_id, p.quantity) for p in result.pairs)


def with_facts(problem: Problem) -> Problem:
    """``problem`` with what refuses pairs and what is pinned or declined: seats and
    people, weekday and weekend days, written restrictions, registered-only resources."""
    needs = [dataclasses.replace(n, people=(i % 5) * 4 or None,
                                 days=("weekday", "weekend", None)[i % 3])
             for i, n in enumerate(problem.needs)]
    resources = [dataclasses.replace(
        r, seats=(6 if j % 4 == 0 else None), days=("weekend" if j % 9 == 0 else None),
        registered_only=j % 7 == 0, excludes=(("3号楼",) if j % 10 == 0 else ()))
        for j, r in enumerate(problem.resources)]
    pin = next(r for r in resources[20:] if r.unit_of_measure == needs[0].unit_of_measure
               and r.mode != "online")
    pinned = [(needs[0].id, pin.id, 1)]
    declined = [(needs[1].id, r.id) for r in resources[40:80] if r.mode != "online"]
    return rebuilt(problem, needs, resources, pinned=pinned, declined=declined)


def rebuilt(problem: Problem, needs: list[NeedItem], resources: list[ResourceItem],
            **context: object) -> Problem:
    kept = {"pinned": problem.pinned, "declined": problem.declined, **context}
    return Problem(needs, resources, problem.taxonomy, registrations=problem.registrations,
                   history=problem.history, **kept)  # type: ignore[arg-type]


def _online(problem: Problem) -> int:
    return next(j for j, r in enumerate(problem.resources) if r.mode == "online")


def added_need(p: Problem) -> Problem:
    new = dataclasses.replace(p.needs[5], id="N-ADDED", quantity=p.needs[5].quantity + 1)
    return rebuilt(p, [*p.needs, new], list(p.resources))


def added_online_need(p: Problem) -> Problem:
    like = next(n for n in p.needs if n.online_ok)
    return rebuilt(p, [*p.needs, dataclasses.replace(like, id="N-ONLINE")], list(p.resources))


def removed_need(p: Problem) -> Problem:
    return rebuilt(p, [n for i, n in enumerate(p.needs) if i != 17], list(p.resources))


def changed_quantity(p: Problem) -> Problem:
    needs = list(p.needs)
    needs[9] = dataclasses.replace(needs[9], quantity=needs[9].quantity + 3)
    return rebuilt(p, needs, list(p.resources))


def moved_need(p: Problem) -> Problem:
    needs = list(p.needs)
    needs[11] = dataclasses.replace(needs[11], lat=needs[30].lat, lon=needs[30].lon)
    return rebuilt(p, needs, list(p.resources))


def withdrawn_resource(p: Problem) -> Problem:
    return rebuilt(p, list(p.needs), [r for j, r in enumerate(p.resources) if j != 13])


def withdrawn_online_resource(p: Problem) -> Problem:
    gone = _online(p)
    return rebuilt(p, list(p.needs), [r for j, r in enumerate(p.resources) if j != gone])


def added_resources(p: Problem) -> Problem:
    onsite = dataclasses.replace(p.resources[3], id="R-ADDED", capacity=4)
    online = dataclasses.replace(p.resources[_online(p)], id="R-ONLINE")
    resources = list(p.resources)
    resources.insert(8, onsite)  # not only at the end: later positions shift
    return rebuilt(p, list(p.needs), [*resources, online])


def changed_capacity(p: Problem) -> Problem:
    resources = list(p.resources)
    resources[4] = dataclasses.replace(resources[4], capacity=resources[4].capacity + 5)
    return rebuilt(p, list(p.needs), resources)


CHANGES: list[Callable[[Problem], Problem]] = [
    added_need, added_online_need, removed_need, changed_quantity, moved_need,
    withdrawn_resource, withdrawn_online_resource, added_resources, changed_capacity]


def assert_same_pairs(got: Pairs, want: Pairs) -> None:
    for name in ("need", "res", "online"):
        assert np.array_equal(getattr(got.cands, name), getattr(want.cands, name)), name
    assert np.array_equal(got.cands.dist, want.cands.dist, equal_nan=True)
    for name in ("features", "score", "conf"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name
    assert got.refused == want.refused


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("seed", [1, 2])
def test_the_pair_work_of_a_re_run_is_the_full_computation_of_only_the_touched_pairs(
        change: Callable[[Problem], Problem], seed: int) -> None:
    before = with_facts(synthetic_problem(900, seed=seed, online_share=0.15))
    first = match(before)
    assert recall(first.warm["pair_work"]) is not None
    after = change(before)
    params = MatchParams()
    a = arrays_of(after)
    want = scored_pairs(after, a, params)
    got = scored_pairs(after, a, params, previous=first.warm)
    assert_same_pairs(got, want)
    assert want.refused  # the facts refuse some pairs, reused and fresh alike
    assert got.fresh < want.fresh / 4  # only the touched pairs computed again
    full = match(after)
    again = match(after, previous=first.warm)
    assert again.objective == pytest.approx(full.objective, rel=1e-12, abs=1e-12)
    assert pairs_of(again) == pairs_of(full)
    assert [u.need_id for u in again.unmatched] == [u.need_id for u in full.unmatched]
    check_result(after, again, params)


def test_a_new_text_moves_every_tfidf_weight_so_every_pair_is_computed_again() -> None:
    before = synthetic_problem(600, seed=3)
    first = match(before)
    needs = list(before.needs)
    needs[2] = dataclasses.replace(needs[2], title="从未出现过的全新需求描述")
    after = rebuilt(before, needs, list(before.resources))
    a = arrays_of(after)
    want = scored_pairs(after, a, MatchParams())
    got = scored_pairs(after, a, MatchParams(), previous=first.warm)
    assert got.fresh == want.fresh
    assert_same_pairs(got, want)


def test_other_weights_a_text_model_or_a_lost_cache_compute_every_pair() -> None:
    problem = synthetic_problem(400, seed=4)
    first = match(problem)
    a = arrays_of(problem)
    full = scored_pairs(problem, a, MatchParams())
    other = scored_pairs(problem, a, MatchParams(w_text=0.9), previous=first.warm)
    assert other.fresh == full.fresh
    assert scored_pairs(problem, a, MatchParams(), previous={"pair_work": "gone"}).fresh \
        == full.fresh
    assert scored_pairs(problem, a, MatchParams(), previous=first.warm).fresh == 0

    def model(need_texts: list[str], res_texts: list[str], need: np.ndarray,
              res: np.ndarray) -> np.ndarray:
        return np.full(len(need), 0.5)

    with_model = match(problem, text_similarity=model)
    assert "pair_work" not in with_model.warm  # a caller's model may read the whole problem
    # the default named as such is the default
    assert scored_pairs(problem, a, MatchParams(), tfidf_evidence, previous=first.warm
                        ).fresh == 0


def test_the_e5_blend_is_pair_local_and_its_pairs_are_reused_too() -> None:
    before = synthetic_problem(600, seed=6, online_share=0.15)
    rng = np.random.default_rng(6)
    texts = {item_text(x.title, x.description) for x in (*before.needs, *before.resources)}

    def unit() -> np.ndarray:
        v = rng.normal(size=DIM).astype(np.float32)
        out: np.ndarray = v / np.linalg.norm(v)
        return out

    cache = EmbeddingCache([(text_key(t, role), unit()) for t in sorted(texts)
                            for role in ("query", "passage")])
    first = match(before, text_similarity=blended_similarity(cache))
    after = added_need(withdrawn_resource(before))
    a = arrays_of(after)
    model = blended_similarity(cache)  # a new object of the same model and settings
    want = scored_pairs(after, a, MatchParams(), model)
    got = scored_pairs(after, a, MatchParams(), model, previous=first.warm)
    assert_same_pairs(got, want)
    assert got.fresh < want.fresh / 4
    other = blended_similarity(cache, e5_weight=0.2)
    assert scored_pairs(after, a, MatchParams(), other, previous=first.warm).fresh == \
        want.fresh


def test_a_re_run_of_a_re_run_reuses_the_work_the_first_re_run_kept() -> None:
    before = with_facts(synthetic_problem(700, seed=5, online_share=0.15))
    first = match(before)
    middle = added_resources(before)
    again = match(middle, previous=first.warm)
    after = withdrawn_online_resource(added_need(middle))
    a = arrays_of(after)
    want = scored_pairs(after, a, MatchParams())
    got = scored_pairs(after, a, MatchParams(), previous=again.warm)
    assert_same_pairs(got, want)
    assert got.fresh < want.fresh / 4
    assert pairs_of(match(after, previous=again.warm)) == pairs_of(match(after))


def test_a_need_far_away_moves_the_projection_so_every_distance_is_computed_again() -> None:
    before = synthetic_problem(500, seed=7)
    first = match(before)
    far = dataclasses.replace(before.needs[0], id="N-FAR", lat=before.needs[0].lat + 40)
    after = rebuilt(before, [*before.needs, far], list(before.resources))
    a = arrays_of(after)
    want = scored_pairs(after, a, MatchParams())
    got = scored_pairs(after, a, MatchParams(), previous=first.warm)
    assert got.fresh == want.fresh  # the origin of the projection moved
    assert_same_pairs(got, want)


def test_resources_in_another_order_are_all_paired_again() -> None:
    before = synthetic_problem(500, seed=8, online_share=0.3)
    first = match(before)
    after = rebuilt(before, list(before.needs), list(reversed(before.resources)))
    a = arrays_of(after)
    want = scored_pairs(after, a, MatchParams())
    got = scored_pairs(after, a, MatchParams(), previous=first.warm)
    assert got.fresh == want.fresh  # online ties are broken by resource order
    assert_same_pairs(got, want)


def served(result: MatchResult) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in result.pairs:
        out[p.need_id] = out.get(p.need_id, 0) + p.quantity
    return out


def test_an_added_need_that_takes_capacity_from_others_gives_the_full_runs_result() -> None:
    before = synthetic_problem(800, seed=9)
    first = match(before)
    full_res = {u.resource_id for u in first.utilisation if u.used == u.capacity}
    by_id = {n.id: n for n in before.needs}
    for p in first.pairs:  # an urgent one-unit copy of a need on a resource used up
        if p.resource_id not in full_res:
            continue
        like = by_id[p.need_id]
        new = dataclasses.replace(like, id="N-URGENT", quantity=1, urgency=3)
        after = rebuilt(before, [*before.needs, new], list(before.resources))
        full = match(after)
        lost = [n for n, q in served(first).items() if served(full).get(n, 0) < q]
        if "N-URGENT" in served(full) and lost:
            break
    else:
        pytest.fail("no added need took capacity from another")
    again = match(after, previous=first.warm)
    assert again.objective == pytest.approx(full.objective, rel=1e-12, abs=1e-12)
    assert pairs_of(again) == pairs_of(full)
    assert 0 < again.reused_pairs < again.n_candidates
    check_result(after, again, MatchParams())


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_the_arrays_of_a_re_run_are_those_a_full_build_gives(
        change: Callable[[Problem], Problem]) -> None:
    from dataclasses import fields

    from matching.arrays import Arrays
    from matching.reuse import reused_arrays

    before = with_facts(synthetic_problem(700, seed=3, online_share=0.15))
    first = match(before)
    after = change(before)
    got = reused_arrays(first.warm, after)
    if got is None:
        # an item gone may have been the first of its community or category: a full
        # build numbers them in another order, so the rows are read afresh
        assert change in (removed_need, withdrawn_resource, withdrawn_online_resource)
        return
    want = arrays_of(rebuilt(after, list(after.needs), list(after.resources)))
    for f in fields(Arrays):
        value, expected = getattr(got, f.name), getattr(want, f.name)
        if isinstance(expected, list):
            assert value == expected, f.name
        else:
            assert value.dtype == expected.dtype, f.name
            assert np.array_equal(value, expected, equal_nan=True), f.name


def test_a_new_category_or_a_lost_work_builds_the_arrays_afresh() -> None:
    from matching.reuse import forget, reused_arrays

    before = synthetic_problem(400, seed=2)
    first = match(before)
    new = dataclasses.replace(before.needs[0], id="N-NEW", category="brand_new_category")
    assert reused_arrays(first.warm, rebuilt(before, [*before.needs, new],
                                             list(before.resources))) is None
    forget()
    assert reused_arrays(first.warm, added_need(before)) is None


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_reasons_of_needs_without_a_candidate_are_searched_again_only_near_the_change(
        change: Callable[[Problem], Problem], monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import explain

    searched: list[int] = []
    real = explain._no_candidate_reasons

    def spy(a: object, needs: np.ndarray) -> object:
        searched.append(len(needs))
        return real(a, needs)  # type: ignore[arg-type]

    monkeypatch.setattr(explain, "_no_candidate_reasons", spy)
    base = with_facts(synthetic_problem(900, seed=4, online_share=0.15))
    # needs no resource can take: a unit of measure or a category none offers
    needs = [dataclasses.replace(n, unit_of_measure="立方米") if i % 9 == 4 else
             dataclasses.replace(n, category="no_such_service", online_ok=False)
             if i % 9 == 7 else n for i, n in enumerate(base.needs)]
    before = rebuilt(base, needs, list(base.resources))
    first = match(before)
    after = change(before)
    searched.clear()
    again = match(after, previous=first.warm)
    in_rerun = sum(searched)
    searched.clear()
    full = match(after)
    assert in_rerun < sum(searched)  # the reasons of needs far from the change kept
    for got, want in ((again.unmatched, full.unmatched), (again.partial, full.partial)):
        assert [dataclasses.asdict(u) for u in got] == [dataclasses.asdict(u) for u in want]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_the_ids_keys_of_a_re_run_are_the_hashes_of_its_ids(
        change: Callable[[Problem], Problem]) -> None:
    from matching.incremental import id_keys
    from matching.reuse import id_keys_of

    before = synthetic_problem(500, seed=6, online_share=0.15)
    first = match(before)
    after = change(before)
    again = match(after, previous=first.warm)  # maps the items onto the first run's
    a = arrays_of(after)
    keys = id_keys_of(first.warm, after, a, again.warm["pair_work"])
    assert np.array_equal(keys.need, id_keys(a.need_ids))
    assert np.array_equal(keys.res, id_keys(a.res_ids))
    assert np.array_equal(keys.unit, id_keys(a.units))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_kept_refused_pairs_taken_by_ranges_equal_those_filtered_pair_by_pair(
        seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_needs, n_res = 60, 40
    refused = sorted({(int(n), int(r), str(rng.choice(["甲", "乙", "丙"])))
                      for n, r in rng.integers(0, [n_needs, n_res], (400, 2))})
    clean = rng.random(n_needs) > 0.2
    same = np.arange(n_needs), np.arange(n_res)
    got = _kept_refused(refused, *same, clean, np.ones(n_res, bool))  # by ranges
    want = [(n, r, why) for n, r, why in refused if clean[n]]
    assert got == want and len(want) < len(refused)
    # a resource withdrawn or a need moved: the pair-by-pair filter, sorted all the same
    kept_res = np.ones(n_res, bool)
    kept_res[7] = False
    assert _kept_refused(refused, *same, clean, kept_res) == [
        (n, r, why) for n, r, why in want if r != 7]
    to = np.r_[np.arange(1, n_needs), 0]  # need 0 now last
    moved = _kept_refused(refused, to, same[1], clean, np.ones(n_res, bool))
    assert moved == sorted((int(to[n]), r, why) for n, r, why in want)


def test_a_need_added_writes_its_rows_after_the_kept_ones_in_place_and_a_second_re_run_copies(
) -> None:
    before = synthetic_problem(900, seed=5)
    assert not before.pinned  # (pinned rows follow the candidates': no room to grow then)
    first = match(before)
    work = recall(first.warm["pair_work"])
    assert work is not None
    kept = {name: np.array(getattr(work.cands, name)) for name in ("need", "res", "dist")}
    kept["features"], kept["score"] = np.array(work.features), np.array(work.score)
    params = MatchParams()
    runs = []
    for change in (added_need, added_online_need):  # two re-runs from the same run
        after = change(before)
        a = arrays_of(after)
        got = scored_pairs(after, a, params, previous=first.warm)
        assert_same_pairs(got, scored_pairs(after, a, params))
        runs.append((got, scored_pairs(after, a, params)))
    (grown, _), (copied, _) = runs
    # the first grew the kept arrays in place, the second could not (its rows were taken)
    assert np.shares_memory(grown.features, work.features)
    assert np.shares_memory(grown.cands.need, work.cands.need)
    assert np.shares_memory(grown.score, work.score)
    assert not np.shares_memory(copied.features, work.features)
    for got, want in runs:  # neither wrote over the other's rows, nor the kept ones
        assert_same_pairs(got, want)
    for name in ("need", "res", "dist"):
        assert np.array_equal(getattr(work.cands, name), kept[name], equal_nan=True)
    assert np.array_equal(work.features, kept["features"])
    assert np.array_equal(work.score, kept["score"])


def test_an_array_grows_in_place_only_at_the_end_of_what_its_memory_holds() -> None:
    a = room_for(5, (2,), np.float64)
    a[:] = np.arange(10).reshape(5, 2)
    b = appended(a, np.full((3, 2), 7.0))
    assert np.shares_memory(a, b) and b[:5].tolist() == a.tolist() and b[5:].min() == 7
    c = appended(a, np.full((1, 2), 9.0))  # b holds the rows after a: copied
    assert not np.shares_memory(a, c) and b[5:].min() == 7 and c[5:].tolist() == [[9, 9]]
    d = appended(b[:4], np.ones((1, 2)))  # not every row written there: copied
    assert not np.shares_memory(b, d) and b[4].tolist() == [8, 9]
    e = appended(np.zeros((2, 2)), np.ones((1, 2)))  # no room at all: copied, with room
    assert appended(e, np.ones((1, 2))).base is e.base
    big = appended(c, np.zeros((len(c.base), 2)))  # more than the room: copied
    assert not np.shares_memory(big, c) and big[:6].tolist() == c.tolist()


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_a_re_runs_scarcity_table_is_the_full_runs_with_the_equal_rows_kept(
        change: Callable[[Problem], Problem]) -> None:
    before = synthetic_problem(600, seed=3)
    first = match(before)
    after = change(before)
    again = match(after, previous=first.warm)
    full = match(after)
    assert again.scarcity == full.scarcity
    assert list(map(repr, again.scarcity)) == list(map(repr, full.scarcity))
    old = {(r.category, r.street_id): r for r in first.scarcity}
    kept = [r is old.get((r.category, r.street_id)) for r in again.scarcity]
    equal = [r == old.get((r.category, r.street_id)) for r in again.scarcity]
    assert all(e for k, e in zip(kept, equal, strict=True) if k)
    a0, a1 = arrays_of(before), arrays_of(after)
    if list(a0.streets) == list(a1.streets) and list(a0.categories) == list(a1.categories):
        assert kept == equal  # a row is the previous object exactly when it is equal
        assert any(kept)
    else:  # the keys name other (category, street) groups: every row made afresh
        assert not any(kept)


def test_the_candidates_of_touched_needs_among_their_groups_are_those_among_all_resources(
        ) -> None:
    """A re-run finds a touched need's candidates among the resources of the groups
    (unit of measure, category) that could pair with it, whole groups: the same as among
    all resources, also where a resource's unit differs from the need's and serves it, and
    where a resource of the group that does not fit the need's
    category ranks among its nearest online resources (the instance holds such needs:
    taking only the resources that fit, one by one, would give other candidates)."""
    from matching.reuse import _found, _groups_for
    base = synthetic_problem(300, seed=4, online_share=0.4)
    cats = sorted({n.category for n in base.needs})
    other_unit = {"次": "人次", "件": "个"}  # units that serve the needs' own, 1 : 1
    resources = [dataclasses.replace(r, also_categories=(cats[j % len(cats)],))
                 if j % 3 == 0 else r for j, r in enumerate(base.resources)]
    resources = [dataclasses.replace(r, unit_of_measure=other_unit[r.unit_of_measure])
                 if j % 4 == 1 and r.unit_of_measure in other_unit else r
                 for j, r in enumerate(resources)]
    needs = [dataclasses.replace(n, online_ok=True) if i % 2 else n
             for i, n in enumerate(base.needs)]
    p = rebuilt(base, needs, resources)
    a = arrays_of(p)
    every_pair = _found(a, np.arange(a.n_needs), np.arange(a.n_res), 3)
    assert np.any(a.r_uom[every_pair.res] != a.n_uom[every_pair.need])  # other units
    every = np.arange(a.n_res)
    differs = 0
    for i in range(a.n_needs):
        one = np.array([i])
        want, got = _found(a, one, every, 3), _found(a, one, _groups_for(a, one), 3)
        for name in ("need", "res", "online"):
            assert np.array_equal(getattr(got, name), getattr(want, name)), (i, name)
        assert np.array_equal(got.dist, want.dist, equal_nan=True)
        fitting = np.flatnonzero((a.r_uom == a.n_uom[i]) & a.r_fits[:, a.n_cat[i]])
        differs += not np.array_equal(_found(a, one, fitting, 3).res, want.res)
    assert differs  # the one-by-one filter would have failed here
    many = np.arange(a.n_needs)
    assert np.array_equal(_found(a, many, _groups_for(a, many), 3).res,
                          _found(a, many, every, 3).res)
