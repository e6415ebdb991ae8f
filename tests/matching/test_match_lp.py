"""The independent HiGHS solve on per-unit values far below HiGHS's default tolerance."""

import numpy as np

from matching.certified import solve_certified
from matching.lp import solve_lp
from matching.model import UNLIMITED, Model, model_objective


def _funds(n: int) -> Model:
    """``n`` needs of 54,000 元, each at two resources of 54,000: one scoring 0.8224
    listed first, one scoring 0.825 (a difference of 5e-8 per unit)."""
    score = np.tile([0.8224, 0.825], n)
    return Model(
        n_needs=n, n_res=2 * n, n_units=1, n_comms=1,
        need_cap=np.full(n, 54_000), res_cap=np.full(2 * n, 54_000),
        pair_need=np.repeat(np.arange(n), 2), pair_res=np.arange(2 * n),
        pair_cap=np.full(2 * n, 54_000), score=score, weight=score / 54_000,
        res_unit=np.zeros(2 * n, np.int64), unit_qty_cap=np.array([UNLIMITED]),
        unit_proj_cap=np.array([UNLIMITED]), need_comm=np.zeros(n, np.int64),
        comm_min=np.array([0]))


def test_highs_finds_the_better_of_two_nearly_equal_resources_of_a_large_need() -> None:
    model = _funds(3)
    lp = solve_lp(model, 10.0)
    flow = solve_certified(model)
    assert lp.status == "optimal"
    assert lp.x.tolist() == [0, 54_000] * 3
    assert abs(model_objective(model, lp.x) - model_objective(model, flow.x)) <= 1e-12
