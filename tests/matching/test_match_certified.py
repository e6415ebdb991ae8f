"""The certified sparse solve: the core's optimum, priced on every pair, is the full optimum."""

from __future__ import annotations

import numpy as np
import pytest

from matching import certified, check_result, match
from matching.certified import arc_flows, core_pairs, distances, residual, solve_certified
from matching.errors import MatchingError
from matching.flow import T, build_network, initial_scale, solve_flow
from matching.lp import solve_lp
from matching.model import UNLIMITED, Model, model_objective
from matching.scarcity import certified_gains, flow_gains
from matching.synthetic import synthetic_problem


def make_model(need_cap: list[int], res_cap: list[int], pairs: list[tuple[int, int, float]],
               unit_of: list[int] | None = None, unit_cap: list[int] | None = None) -> Model:
    pairs = sorted(pairs)
    pn = np.array([p[0] for p in pairs], np.int64)
    pr = np.array([p[1] for p in pairs], np.int64)
    w = np.array([p[2] for p in pairs])
    n_cap = np.array(need_cap, np.int64)
    r_cap = np.array(res_cap, np.int64)
    units = np.array(unit_of if unit_of is not None else [0] * len(res_cap), np.int64)
    caps = np.array(unit_cap if unit_cap is not None else [UNLIMITED] * (units.max() + 1),
                    np.int64)
    return Model(n_needs=len(need_cap), n_res=len(res_cap), n_units=len(caps), n_comms=1,
                 need_cap=n_cap, res_cap=r_cap, pair_need=pn, pair_res=pr,
                 pair_cap=np.minimum(n_cap[pn], r_cap[pr]), score=w, weight=w,
                 res_unit=units, unit_qty_cap=caps,
                 unit_proj_cap=np.full(len(caps), UNLIMITED, np.int64),
                 need_comm=np.zeros(len(need_cap), np.int64), comm_min=np.zeros(1, np.int64))


def random_model(seed: int, n: int = 40, m: int = 30, unit_limits: bool = False) -> Model:
    rng = np.random.default_rng(seed)
    pairs = {(int(i), int(j)): float(rng.uniform(0.01, 1.0))
             for i, j in zip(rng.integers(0, n, 6 * n), rng.integers(0, m, 6 * n), strict=True)}
    units = rng.integers(0, 6, m).tolist()
    unit_cap = rng.integers(2, 8, 6).tolist() if unit_limits else None
    return make_model(rng.integers(1, 5, n).tolist(), rng.integers(1, 4, m).tolist(),
                      [(i, j, w) for (i, j), w in pairs.items()], units, unit_cap)


def test_the_optimum_can_need_a_pair_outside_the_core_and_the_pricing_finds_it() -> None:
    # core with k=1: N0-R0, N1-R0 (both needs' best) and N0-R1 (R1's best); the optimum
    # N0-R0 + N1-R1 (1.6) uses N1-R1, which no one ranks first
    model = make_model([1, 1], [1, 1], [(0, 0, 0.9), (0, 1, 0.75), (1, 0, 0.8), (1, 1, 0.7)])
    core = core_pairs(model, 1)
    assert 3 not in core.tolist()
    sol = solve_certified(model, k=1)
    assert sol.certificate is not None and sol.certificate.rounds == 2
    assert sol.x.tolist() == [1, 0, 0, 1]
    assert model_objective(model, sol.x) == pytest.approx(1.6)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("k", [1, 2, 0])
def test_the_certified_solve_equals_the_full_solve_on_random_models(seed: int, k: int) -> None:
    model = random_model(seed, unit_limits=seed % 3 == 0)
    sol = solve_certified(model, k=k)
    full = solve_flow(model)
    lp = solve_lp(model, 30.0)
    assert sol.certificate is not None
    assert model_objective(model, sol.x) == pytest.approx(model_objective(model, full.x),
                                                          rel=1e-9)
    assert model_objective(model, sol.x) == pytest.approx(model_objective(model, lp.x),
                                                          rel=1e-7)
    served = np.bincount(model.pair_need, weights=sol.x, minlength=model.n_needs)
    used = np.bincount(model.pair_res, weights=sol.x, minlength=model.n_res)
    assert np.all(served <= model.need_cap) and np.all(used <= model.res_cap)
    assert np.all(sol.x >= 0) and np.all(sol.x <= model.pair_cap)


def test_small_cores_need_several_rounds_on_random_models_and_use_pairs_outside_them() -> None:
    outside = 0
    for seed in range(12):
        model = random_model(seed)
        sol = solve_certified(model, k=1)
        assert sol.certificate is not None
        outside += int(np.sum(sol.x[np.setdiff1d(np.arange(model.n_pairs),
                                                  core_pairs(model, 1))] > 0))
        if sol.certificate.rounds > 1:
            assert sol.certificate.core_pairs[-1] > sol.certificate.core_pairs[0]
    assert outside > 0


@pytest.mark.parametrize("seed", [3, 11])
def test_match_with_the_certified_solve_passes_the_validator_and_agrees_with_highs(
        seed: int) -> None:
    problem = synthetic_problem(300, seed=seed)
    flow = match(problem)
    lp = match(problem, method="lp")
    check_result(problem, flow)
    assert flow.solver == "ortools-mcf-certified"
    assert flow.objective == pytest.approx(lp.objective, rel=1e-6)


def test_a_flow_that_is_not_optimal_has_a_negative_cycle_in_its_residual_network() -> None:
    model = make_model([1, 1], [1, 1], [(0, 0, 0.9), (0, 1, 0.75), (1, 0, 0.8), (1, 1, 0.7)])
    net = build_network(model, 0, scale=initial_scale(model))
    x = np.array([0, 1, 1, 0])  # 1.55 < 1.6
    tails, heads, costs = residual(net, arc_flows(model, net, x))
    with pytest.raises(MatchingError, match="negative cycle"):
        distances(net.n_nodes, tails, heads, costs, np.array([T]))


@pytest.mark.parametrize("seed", range(6))
def test_scarcity_from_the_potentials_equals_the_shortest_path_tree_of_the_full_network(
        seed: int) -> None:
    model = random_model(seed, unit_limits=seed % 2 == 0)
    sol = solve_certified(model, k=1)
    assert sol.certificate is not None
    net = build_network(model, 0, scale=sol.certificate.scale)
    np.testing.assert_allclose(certified_gains(model, sol.certificate),
                               flow_gains(model, net, sol.x), atol=1e-12)


def test_scarcity_from_the_potentials_agrees_with_a_resolve_with_one_more_unit() -> None:
    # the dual value of a resource's capacity row: the pairs' own caps stay as they are
    for seed in range(6):
        model = random_model(seed)
        sol = solve_certified(model)
        assert sol.certificate is not None
        gains = certified_gains(model, sol.certificate)
        base = model_objective(model, sol.x)
        for j in np.argsort(-gains)[:3].tolist():
            cap = model.res_cap.copy()
            cap[j] += 1
            bigger = Model(**{**model.__dict__, "res_cap": cap})
            again = solve_flow(bigger)
            assert model_objective(bigger, again.x) - base == pytest.approx(
                gains[j], abs=1e-6)


def two_scales_model(seed: int) -> Model:
    """Clusters of needs of small quantities and clusters of needs of huge ones (as money
    or hours are counted), each cluster its own component."""
    rng = np.random.default_rng(seed)
    need_cap: list[int] = []
    res_cap: list[int] = []
    pairs: list[tuple[int, int, float]] = []
    for c in range(40):
        big = c % 2 == 1
        n0, r0 = len(need_cap), len(res_cap)
        need_cap += [int(v) for v in rng.integers(20_000, 80_000, 4)] if big else \
            [int(v) for v in rng.integers(1, 4, 4)]
        res_cap += [int(v) for v in rng.integers(10_000, 60_000, 3)] if big else \
            [int(v) for v in rng.integers(1, 3, 3)]
        for i in range(4):
            for j in range(3):
                if rng.random() < 0.8:
                    score = float(rng.uniform(0.05, 1.0))
                    pairs.append((n0 + i, r0 + j, score / need_cap[n0 + i]))
    return make_model(need_cap, res_cap, pairs)


@pytest.mark.parametrize("seed", range(4))
def test_every_bucket_solves_on_the_network_scale_and_the_result_stays_exact(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(certified, "BUCKET_PAIRS", 8)  # many buckets on a small model
    model = two_scales_model(seed)
    sol = solve_certified(model)
    assert sol.certificate is not None and sol.certificate.warm is not None
    # one scale, from a lower bound on the optimum, capped by each bucket's size
    assert np.all(sol.certificate.warm.scales <= certified.network_scale(model))
    full = solve_flow(model)  # one scale for the whole network
    assert model_objective(model, sol.x) == pytest.approx(model_objective(model, full.x),
                                                          rel=1e-9)
    # HiGHS' tolerances are coarse for weights of 1e-5 per unit: it may fall short, never
    # beat the optimum
    lp = solve_lp(model, 30.0)
    assert model_objective(model, sol.x) >= model_objective(model, lp.x) * (1 - 1e-9)
    assert sol.notes == []  # the summed rounding bound is within ROUNDING_REL
    served = np.bincount(model.pair_need, weights=sol.x, minlength=model.n_needs)
    assert np.all(served <= model.need_cap) and np.all(sol.x <= model.pair_cap)
    gains = certified_gains(model, sol.certificate)  # per-resource scales
    net = build_network(model, 0, scale=initial_scale(model))
    np.testing.assert_allclose(gains, flow_gains(model, net, sol.x), rtol=1e-5, atol=1e-9)
