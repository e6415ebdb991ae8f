"""The scarcity table built with whole-array operations is the table of the plain loop
over (category, street) groups: the same rows in the same order."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from matching import MatchParams
from matching.arrays import arrays_of
from matching.matcher import problem_model
from matching.scarcity import KeptRows, ScarcityRow, groups, scarcity_rows
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


def test_a_table_made_from_a_kept_one_equals_a_fresh_one_field_by_field() -> None:
    problem = synthetic_problem(700, seed=4)
    a = arrays_of(problem)
    model = problem_model(problem, MatchParams())
    rng = np.random.default_rng(4)
    x = np.minimum(model.pair_cap, rng.integers(0, 2, model.n_pairs))
    gain = rng.choice([0.0, 0.25, 0.5, 0.75], size=model.n_res, p=[0.6, 0.2, 0.1, 0.1])
    group = a.r_cat * len(a.streets) + a.r_street
    zero = int(group[np.flatnonzero(gain > 0)[-1]])
    gain[group == zero] = 0.0
    held: list[KeptRows] = []
    first = scarcity_rows(a, model, x, gain, keep=held.append)
    kept = held[0]
    # one group's value up, one group's 0.0 turned -0.0 (equal, but printed otherwise),
    # one need's service down (its group's unmet quantity changes)
    valued = np.flatnonzero(gain > 0)
    assert group[valued[0]] != zero
    gain2 = gain.copy()
    gain2[group == group[valued[0]]] += 0.125
    gain2[group == zero] = -0.0
    x2 = x.copy()
    x2[np.flatnonzero(x > 0)[0]] = 0
    again = scarcity_rows(a, model, x2, gain2, kept)
    fresh = scarcity_rows(a, model, x2, gain2)
    assert again == fresh
    assert list(map(repr, again)) == list(map(repr, fresh))  # -0.0 too
    old = {(r.category, r.street_id): r for r in first}
    reused = [r for r in again if old.get((r.category, r.street_id)) is r]
    changed = [r for r in again if r != old.get((r.category, r.street_id)) or
               repr(r) != repr(old.get((r.category, r.street_id)))]
    assert len(changed) >= 3
    assert len(reused) == len(again) - len(changed)
    # names the keys stand for changed: nothing is taken from the kept table
    other = dataclasses.replace(a, streets=[f"{s}x" for s in a.streets])
    renamed = scarcity_rows(other, model, x2, gain2, kept)
    assert not any(r is old.get((r.category, r.street_id[:-1])) for r in renamed)
    assert renamed == scarcity_rows(other, model, x2, gain2)
