"""The scarcity table built with whole-array operations is the table of the plain loop
over (category, street) groups: the same rows in the same order."""

from __future__ import annotations

import numpy as np
import pytest

from matching import MatchParams
from matching.arrays import arrays_of
from matching.matcher import problem_model
from matching.scarcity import ScarcityRow, groups, scarcity_rows
from matching.synthetic import synthetic_problem


def loop_rows(a, model, x, gain):  # type: ignore[no-untyped-def]
    """The table as one loop over the groups (the former implementation)."""
    n_streets = len(a.streets)
    group, unmet_qty, unmet_cnt, keys = groups(a, model, x)
    rows = []
    order = np.lexsort((np.arange(model.n_res), -gain, group))
    first = {int(group[o]): int(o) for o in order[::-1]}
    for key in keys.tolist():
        cat, street = divmod(key, n_streets)
        best = first.get(key)
        value = float(gain[best]) if best is not None else 0.0
        rows.append(ScarcityRow(
            category=a.categories[cat], street_id=a.streets[street],
            marginal_value=round(value, 12),
            best_resource_id=a.res_ids[best] if best is not None and value > 0 else None,
            unmet_quantity=int(unmet_qty[key]), unmet_needs=int(unmet_cnt[key])))
    rows.sort(key=lambda r: (-r.marginal_value, -r.unmet_quantity, r.category, r.street_id))
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_vectorised_table_is_the_loops_table(seed: int) -> None:
    problem = synthetic_problem(700, seed=seed)
    a = arrays_of(problem)
    model = problem_model(problem, MatchParams())
    rng = np.random.default_rng(seed)
    x = np.minimum(model.pair_cap, rng.integers(0, 2, model.n_pairs))
    # gains with ties (equal values in a group), zeros and tiny values
    gain = rng.choice([0.0, 1e-13, 0.25, 0.5, 0.75], size=model.n_res,
                      p=[0.7, 0.05, 0.1, 0.1, 0.05])
    got = scarcity_rows(a, model, x, gain)
    assert got == loop_rows(a, model, x, gain)
    assert any(r.best_resource_id is None for r in got)
    assert len({r.marginal_value for r in got}) > 2
