"""Warm start of a changed bucket from the previous optimum: the same flows as a cold
solve of the changed model (objective and pairs), ties included, and certified."""

from __future__ import annotations

import numpy as np
import pytest

from matching.certified import arc_flows, canonical, solve_bucket, solve_certified
from matching.flow import build_network, run_network
from matching.incremental import Keys, forget_priors, id_keys
from matching.model import UNLIMITED, Model, Solution, model_objective
from matching.warmstart import fill_potentials, reoptimize
from tests.matching.test_match_certified import make_model


def instance(seed: int, ties: bool, change: str = "", n: int = 240, m: int = 160,
             unit_limits: bool = False) -> tuple[Model, Keys]:
    """One large component (5 pairs a need), weights drawn from three values when
    ``ties``; ``change``: "need" adds a need (last, with 6 pairs), "resource" withdraws
    the resource most used."""
    rng = np.random.default_rng(seed)
    need_cap = rng.integers(1, 5, n).tolist()
    res_cap = rng.integers(1, 4, m).tolist()
    units = rng.integers(0, 8, m).tolist()
    unit_cap = rng.integers(3, 9, 8).tolist() if unit_limits else None

    def weight() -> float:
        return float(rng.choice([0.4, 0.6, 0.8])) if ties else float(rng.uniform(0.1, 1))

    pairs = {(i, int(j)): weight() for i in range(n) for j in rng.choice(m, 5, replace=False)}
    need_ids = [f"N{i}" for i in range(n)]
    res_ids = [f"R{j}" for j in range(m)]
    if change == "need":
        need_cap.append(3)
        need_ids.append("N-ADDED")
        pairs.update({(n, int(j)): 0.8 if ties else 0.95
                      for j in rng.choice(m, 6, replace=False)})
    if change == "resource":
        gone = 7
        keep = [j for j in range(m) if j != gone]
        new_of = {j: k for k, j in enumerate(keep)}
        res_cap = [res_cap[j] for j in keep]
        units = [units[j] for j in keep]
        res_ids = [res_ids[j] for j in keep]
        pairs = {(i, new_of[j]): w for (i, j), w in pairs.items() if j != gone}
    model = make_model(need_cap, res_cap, [(i, j, w) for (i, j), w in pairs.items()],
                       units, unit_cap)
    return model, Keys(id_keys(need_ids), id_keys(res_ids),
                       id_keys([f"U{u}" for u in range(model.n_units)]))


def feasible(model: Model, x: np.ndarray) -> bool:
    served = np.bincount(model.pair_need, weights=x, minlength=model.n_needs)
    used = np.bincount(model.pair_res, weights=x, minlength=model.n_res)
    unit = np.bincount(model.res_unit, weights=used, minlength=model.n_units)
    limited = model.unit_qty_cap != UNLIMITED
    return bool(np.all(x >= 0) and np.all(x <= model.pair_cap)
                and np.all(served <= model.need_cap) and np.all(used <= model.res_cap)
                and np.all(unit[limited] <= model.unit_qty_cap[limited]))


def certified(model: Model, keys: Keys, warm: object = None) -> Solution:
    sol = solve_certified(model, keys=keys, warm=warm)  # type: ignore[arg-type]
    assert sol.status == "optimal" and sol.certificate is not None
    return sol


@pytest.mark.parametrize("ties", [True, False])
@pytest.mark.parametrize("change", ["need", "resource"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_warm_started_bucket_equals_the_cold_solve_of_the_changed_model(
        ties: bool, change: str, seed: int) -> None:
    before, keys = instance(seed, ties, unit_limits=seed % 2 == 0)
    first = certified(before, keys)
    after, keys_after = instance(seed, ties, change, unit_limits=seed % 2 == 0)
    cold = certified(after, keys_after)
    warm = certified(after, keys_after, first.certificate.warm)  # type: ignore[union-attr]
    assert warm.certificate is not None and warm.certificate.warm_pairs > 0  # warm, not cold
    assert np.array_equal(warm.x, cold.x)
    assert model_objective(after, warm.x) == model_objective(after, cold.x)
    assert feasible(after, warm.x)
    assert warm.certificate.warm.to_dict() == cold.certificate.warm.to_dict()  # type: ignore[union-attr]


def test_without_the_kept_potentials_the_changed_bucket_is_solved_cold_alike() -> None:
    before, keys = instance(5, True)
    first = certified(before, keys)
    after, keys_after = instance(5, True, "need")
    forget_priors()
    again = certified(after, keys_after, first.certificate.warm)  # type: ignore[union-attr]
    assert again.certificate is not None and again.certificate.warm_pairs == 0
    assert np.array_equal(again.x, certified(after, keys_after).x)


def test_of_tied_optima_every_one_gives_the_same_canonical_flows() -> None:
    # two needs and two resources of one unit each, every weight equal: two optima
    model = make_model([1, 1], [1, 1], [(0, 0, 0.5), (0, 1, 0.5), (1, 0, 0.5), (1, 1, 0.5)],
                       [0, 1])
    net = build_network(model, 0, scale=2.0**20)
    _, flows = run_network(net)
    x = flows[:4]
    other = np.r_[1 - x, flows[4:]]  # the other diagonal: the same arcs' flows elsewhere
    assert model_objective(model, other[:4]) == model_objective(model, x)
    assert not np.array_equal(other[:4], x)
    assert np.array_equal(canonical(model, net, flows), canonical(model, net, other))


def test_a_warm_start_from_a_poor_flow_still_ends_optimal_or_gives_up() -> None:
    model, _ = instance(6, False)
    net = build_network(model, 0, scale=2.0**24)
    _, best = run_network(net)
    zero = np.zeros(net.n_arcs, np.int64)
    zero[-1] = int(model.need_cap.sum())  # all on the bypass: feasible, far from optimal
    pi = fill_potentials(net, np.zeros(net.n_nodes, np.int64), np.zeros(net.n_nodes, bool))
    got = reoptimize(net, zero, pi, max_paths=10_000)
    assert got is not None
    flows, pi = got
    rc = net.costs + pi[net.tails] - pi[net.heads]
    assert not np.any((rc < 0) & (flows < net.caps)) and not np.any((rc > 0) & (flows > 0))
    assert int(net.costs @ flows) == int(net.costs @ best)
    assert reoptimize(net, zero, pi * 0, max_paths=1) is None  # too many paths: cold


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_added_need_takes_a_potential_its_pair_arcs_allow_and_only_s_to_it_violates(
        seed: int) -> None:
    # the previous optimum's potentials, the added need (last) unknown: it must not
    # push its quantity down every pair arc paying more than the potential of S (each to
    # a full resource, one phase of the warm start per arc to bring it back)
    before, keys = instance(seed, False)
    first = certified(before, keys)
    cert = first.certificate
    assert cert is not None
    after, _ = instance(seed, False, "need")
    net = build_network(after, 0, scale=cert.scale)
    pi = np.zeros(net.n_nodes, np.int64)
    known = np.ones(net.n_nodes, bool)
    pi[:net.need_node0 + before.n_needs] = cert.potentials[:cert.res_node0]
    pi[net.res_node0:] = cert.potentials[cert.res_node0:]
    added = net.need_node0 + before.n_needs
    known[added] = False
    filled = fill_potentials(net, pi, known)
    assert np.array_equal(np.delete(filled, added), np.delete(pi, added))
    rc = net.costs + filled[net.tails] - filled[net.heads]
    out = np.flatnonzero(net.tails == added)
    assert len(out) == 6 and np.all(rc[out] >= 0)
    into = np.flatnonzero(net.heads == added)
    assert rc[into].min() < 0  # the added need pays: S -> it is what the warm start routes
    x0 = np.zeros(after.n_pairs, np.int64)
    x0[after.pair_need < before.n_needs] = first.x  # the added need's pairs come last
    got = reoptimize(net, arc_flows(after, net, x0), filled)
    assert got is not None
    assert np.array_equal(canonical(after, net, *got), solve_bucket((after, cert.scale)))
