"""Incremental re-matching: after a small change a re-run solves only the buckets of
components the change touches, reuses the rest of the previous optimum, and gives the same
result as a full run (objective and pairs), checked by the validator."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from matching import MatchParams, MatchResult, Problem, check_result, match
from matching.certified import solve_certified
from matching.incremental import Keys, Warm, id_keys
from matching.model import model_objective
from matching.synthetic import synthetic_problem
from tests.matching.test_match_certified import make_model


def pairs_of(result: MatchResult) -> list[tuple[str, str, int]]:
    return sorted((p.need_id, p.resource_id, p.quantity) for p in result.pairs)


def rebuilt(problem: Problem, needs: list, resources: list) -> Problem:  # type: ignore[type-arg]
    return Problem(needs, resources, problem.taxonomy, registrations=problem.registrations,
                   history=problem.history)


def added_need(problem: Problem, seed: int) -> Problem:
    like = problem.needs[seed * 37 % len(problem.needs)]
    new = dataclasses.replace(like, id=f"{like.id}-ADDED", quantity=like.quantity + 1)
    return rebuilt(problem, [*problem.needs, new], list(problem.resources))


def withdrawn_resource(problem: Problem, seed: int) -> Problem:
    gone = seed * 53 % len(problem.resources)
    return rebuilt(problem, list(problem.needs),
                   [r for i, r in enumerate(problem.resources) if i != gone])


def changed_quantity(problem: Problem, seed: int) -> Problem:
    at = seed * 41 % len(problem.needs)
    needs = list(problem.needs)
    needs[at] = dataclasses.replace(needs[at], quantity=needs[at].quantity + 3)
    return rebuilt(problem, needs, list(problem.resources))


@pytest.mark.parametrize("change", [added_need, withdrawn_resource, changed_quantity])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_re_run_after_a_small_change_equals_a_full_run_and_reuses_the_rest(
        change: object, seed: int) -> None:
    before = synthetic_problem(1200, seed=seed)
    first = match(before)
    assert first.warm["components"] and first.reused_pairs == 0
    after = change(before, seed)  # type: ignore[operator]
    full = match(after)
    again = match(after, previous=first.warm)
    assert again.objective == pytest.approx(full.objective, rel=1e-12, abs=1e-12)
    assert pairs_of(again) == pairs_of(full)
    check_result(after, again, MatchParams())
    assert 0 < again.reused_pairs < again.n_candidates  # only the touched buckets solved
    assert again.warm == full.warm  # and the next re-run starts from the same place


def test_a_previous_run_with_other_weights_reuses_nothing_and_is_still_optimal() -> None:
    problem = synthetic_problem(600, seed=4)
    other = match(problem, MatchParams(w_text=0.9))
    again = match(problem, previous=other.warm)
    assert again.reused_pairs == 0
    assert pairs_of(again) == pairs_of(match(problem))


def clustered(n_clusters: int, seed: int, extra: bool = False
              ) -> tuple[object, Keys]:
    """Disjoint clusters of 4 needs x 3 resources with many tied weights; ``extra`` adds
    a need to cluster 0 (last index, as a new need sorted last)."""
    rng = np.random.default_rng(seed)
    need_cap, res_cap, pairs = [], [], []
    for c in range(n_clusters):
        for i in range(4):
            need_cap.append(int(rng.integers(1, 4)))
            for j in range(3):
                pairs.append((4 * c + i, 3 * c + j, float(rng.choice([0.5, 0.7, 0.9]))))
        res_cap.extend(int(v) for v in rng.integers(1, 4, 3))
    need_ids = [f"N{i}" for i in range(len(need_cap))]
    if extra:
        need_cap.append(2)
        pairs += [(len(need_cap) - 1, 0, 0.9), (len(need_cap) - 1, 1, 0.9)]
        need_ids.append("N-ADDED")
    model = make_model(need_cap, res_cap, pairs, unit_of=list(range(len(res_cap))))
    keys = Keys(id_keys(need_ids), id_keys([f"R{j}" for j in range(len(res_cap))]),
                id_keys([f"U{j}" for j in range(len(res_cap))]))
    return model, keys


def test_with_tied_weights_the_re_run_breaks_ties_as_the_full_run_does() -> None:
    before, keys = clustered(2000, seed=5)
    first = solve_certified(before, keys=keys)  # type: ignore[arg-type]
    assert first.certificate is not None and first.certificate.warm is not None
    after, keys2 = clustered(2000, seed=5, extra=True)
    full = solve_certified(after, keys=keys2)  # type: ignore[arg-type]
    again = solve_certified(after, keys=keys2, warm=first.certificate.warm)  # type: ignore[arg-type]
    assert again.certificate is not None and again.certificate.reused_pairs > 0
    assert np.array_equal(again.x, full.x)
    assert model_objective(after, again.x) == model_objective(after, full.x)  # type: ignore[arg-type]


def test_reused_flows_that_are_not_optimal_are_caught_and_solved_afresh() -> None:
    model, keys = clustered(300, seed=6)
    cold = solve_certified(model, keys=keys)  # type: ignore[arg-type]
    assert cold.certificate is not None and cold.certificate.warm is not None
    warm = cold.certificate.warm
    bad = Warm(warm.n_buckets, warm.components, warm.pairs, np.zeros_like(warm.flows),
               warm.scales)  # every bucket "unchanged", every flow zero
    again = solve_certified(model, keys=keys, warm=bad)  # type: ignore[arg-type]
    assert np.array_equal(again.x, cold.x)
    assert again.certificate is not None and again.certificate.reused_pairs == 0


def test_a_stored_warm_start_survives_json_and_a_malformed_one_is_ignored() -> None:
    model, keys = clustered(50, seed=7)
    sol = solve_certified(model, keys=keys)  # type: ignore[arg-type]
    assert sol.certificate is not None and sol.certificate.warm is not None
    data = sol.certificate.warm.to_dict()
    back = Warm.from_dict(data)
    assert back is not None and back.to_dict() == data
    assert Warm.from_dict({"scale": 1.0}) is None
    assert Warm.from_dict({k: v for k, v in data.items() if k != "scales"}) is None
    assert Warm.from_dict({**data, "flows": data["flows"][:-1]}) is None


def test_the_bench_adds_its_need_where_the_previous_optimum_is_largest() -> None:
    from matching.bench import need_in_largest_component, with_one_more_need
    from matching.lp import components
    from matching.matcher import problem_model

    problem = synthetic_problem(300, seed=4)
    model = problem_model(problem, MatchParams())
    _, labels = components(model)
    largest = int(np.bincount(labels).argmax())
    in_largest = set(model.pair_need[labels == largest].tolist())
    outside = next(i for i in range(len(problem.needs)) if i not in in_largest)
    # the first need is outside the largest component: a copy of it would touch little
    needs = [problem.needs[outside], *(n for i, n in enumerate(problem.needs) if i != outside)]
    moved = rebuilt(problem, needs, list(problem.resources))
    model = problem_model(moved, MatchParams())
    like = need_in_largest_component(moved, model)
    _, labels = components(model)
    index = [n.id for n in moved.needs].index(like.id)
    assert index != 0
    assert labels[model.pair_need == index][0] == np.bincount(labels).argmax()
    changed = with_one_more_need(moved, like)
    assert changed.needs[-1].id == f"{like.id}-ADDED"
    assert changed.needs[-1].quantity == like.quantity + 1


def comparable(result: MatchResult) -> dict:  # type: ignore[type-arg]
    """Everything a run reports but its timings and the names of what it kept."""
    out = result.to_dict()
    for name in ("timings", "reused_pairs"):
        out.pop(name)
    out["warm"] = {k: v for k, v in out["warm"].items() if k not in ("pair_work",)}
    return out


@pytest.mark.parametrize("change", [added_need, withdrawn_resource, changed_quantity])
def test_a_re_run_updates_the_kept_solve_only_where_the_change_lands(
        change: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import certified

    updated: list[bool] = []
    real = certified._buckets_incremental

    def spy(*args: object) -> object:
        got = real(*args)  # type: ignore[arg-type]
        updated.append(got is not None and got.certificate is not None
                       and got.certificate.updated)
        return got

    monkeypatch.setattr(certified, "_buckets_incremental", spy)
    before = synthetic_problem(1500, seed=8)
    first = match(before)
    after = change(before, 8)  # type: ignore[operator]
    again = match(after, previous=first.warm)
    assert updated == [True]  # labels, hashes, potentials updated, not recomputed
    full = match(after)
    assert comparable(again) == comparable(full)  # scarcity and reasons included
    check_result(after, again, MatchParams())
    # and the re-run of the re-run starts from the state the first re-run kept
    later = added_need(after, 9)
    assert comparable(match(later, previous=again.warm)) == comparable(match(later))
    assert updated[-1] is True


def test_kept_potentials_that_no_longer_prove_the_flow_are_not_trusted() -> None:
    from matching.incremental import recall_prior

    before = synthetic_problem(900, seed=10)
    first = match(before)
    warm = Warm.from_dict(first.warm)
    prior = recall_prior(warm)
    assert prior is not None and prior.state is not None
    res0 = 3 + prior.state.model.n_needs
    # every resource worth a million more: trusted, the scarcity table would say so
    prior.state.potentials[res0:res0 + prior.state.model.n_res] -= 10**6
    after = added_need(before, 10)
    assert comparable(match(after, previous=first.warm)) == comparable(match(after))


def test_a_re_run_reports_an_unchanged_pair_with_the_previous_runs_object() -> None:
    before = synthetic_problem(1500, seed=11)
    first = match(before)
    after = added_need(before, 11)
    again = match(after, previous=first.warm)
    full = match(after)
    assert comparable(again) == comparable(full)
    old = {(p.need_id, p.resource_id): p for p in first.pairs}
    kept = [p for p in again.pairs if old.get((p.need_id, p.resource_id)) is p]
    assert len(kept) > len(again.pairs) // 2  # not built again
    # and every kept one reports exactly what the full run reports for it
    want = {(p.need_id, p.resource_id): p for p in full.pairs}
    assert all(want[(p.need_id, p.resource_id)] == p for p in kept)
    changed = [p for p in again.pairs if (p.need_id, p.resource_id) in old
               and old[(p.need_id, p.resource_id)] != p]
    assert all(old[(p.need_id, p.resource_id)] is not p for p in changed)
    # the utilisation of a resource whose use did not move: the same object too
    before_use = {u.resource_id: u for u in first.utilisation}
    same = [u for u in again.utilisation if before_use[u.resource_id] is u]
    assert len(same) > len(again.utilisation) // 2
    assert all(before_use[u.resource_id] == u for u in same)
    moved = [u for u in again.utilisation if before_use[u.resource_id].used != u.used]
    assert moved and all(before_use[u.resource_id] is not u for u in moved)


def test_with_the_kept_state_gone_a_re_run_computes_everything_and_agrees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import certified
    from matching.incremental import forget_priors
    from matching.reuse import forget

    updated: list[bool] = []
    real = certified._buckets_incremental

    def spy(*args: object) -> object:
        got = real(*args)  # type: ignore[arg-type]
        updated.append(got is not None)
        return got

    monkeypatch.setattr(certified, "_buckets_incremental", spy)
    before = synthetic_problem(900, seed=12)
    first = match(before)
    after = added_need(before, 12)
    forget_priors()  # another process, a restart: the solve state is gone
    again = match(after, previous=first.warm)
    assert updated == [False]
    assert comparable(again) == comparable(match(after))
    forget()  # and the pair work too: every pair computed, still the same
    assert comparable(match(after, previous=first.warm)) == comparable(match(after))


@pytest.mark.parametrize(("seed", "used"), [(11, True), (3, True), (8, False)])
def test_the_warm_buckets_distances_are_the_potentials_the_region_pass_computes(
        seed: int, used: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # a need added with more than its bucket can serve (S then at distance 0 from T),
    # and one whose bucket serves every need in full (seed 8: S farther, not used)
    from matching import certified
    from matching.bench import _model_of, need_in_largest_component, with_one_more_need

    before = synthetic_problem(1500, seed=seed)
    first = match(before)
    like = need_in_largest_component(before, _model_of(before, MatchParams()))
    after = with_one_more_need(before, dataclasses.replace(like, quantity=like.quantity + 60))
    taken: list[bool] = []
    real = certified._warm_potentials

    def spy(*args: object) -> bool:
        taken.append(real(*args))  # type: ignore[arg-type]
        return taken[-1]

    monkeypatch.setattr(certified, "_warm_potentials", spy)
    warm = match(after, previous=first.warm)
    assert taken == [used]  # the buckets' own distances used where they apply
    monkeypatch.setattr(certified, "_warm_potentials", lambda *args: False)
    region = match(after, previous=first.warm)  # the shortest-path pass over the region
    assert np.array_equal(certified_potentials(warm), certified_potentials(region))
    assert comparable(warm) == comparable(region) == comparable(match(after))


def certified_potentials(result: MatchResult) -> np.ndarray:
    from matching.incremental import recall_prior

    prior = recall_prior(Warm.from_dict(result.warm))
    assert prior is not None and prior.state is not None
    return prior.state.potentials
