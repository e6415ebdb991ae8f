"""Property tests on random small problems: every method passes the validator, the two
exact methods agree, and both equal a brute-force enumeration on tiny instances."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from match_helpers import need, problem, res

from matching import MatchParams, Problem, check_result, match

# brute force needs the candidate pairs and scores: internal modules, on purpose
from matching.matcher import problem_model

CATS = [("venue", "场地"), ("elderly_care", "次"), ("home_medical", "次"),
        ("legal_advice", "次")]
PLACES = [0.0, 1.0, 2.5, 4.0]


@st.composite
def problems(draw: st.DrawFn, max_needs: int = 5, max_res: int = 4, max_qty: int = 3,
             limits: bool = True) -> Problem:
    n_needs = draw(st.integers(1, max_needs))
    n_res = draw(st.integers(1, max_res))
    needs = []
    for i in range(n_needs):
        cat, uom = draw(st.sampled_from(CATS))
        needs.append(need(f"N{i}", cat, draw(st.integers(1, max_qty)), uom,
                          x=draw(st.sampled_from(PLACES)), y=draw(st.sampled_from(PLACES)),
                          community=f"C{draw(st.integers(0, 1))}",
                          urgency=draw(st.integers(1, 3)), online_ok=draw(st.booleans()),
                          weak_community=draw(st.booleans()),
                          title=draw(st.sampled_from(["老人照料", "法律咨询", "活动场地", ""]))))
    resources = []
    for j in range(n_res):
        cat, uom = draw(st.sampled_from(CATS))
        resources.append(res(f"R{j}", cat, draw(st.integers(1, max_qty)), uom,
                             x=draw(st.sampled_from(PLACES)), y=draw(st.sampled_from(PLACES)),
                             unit=f"U{draw(st.integers(0, 1))}",
                             reach=draw(st.sampled_from([1.0, 3.0])),
                             mode=draw(st.sampled_from(["onsite", "onsite", "at_unit", "online"])),
                             title=draw(st.sampled_from(["上门照料老人", "律师咨询", "场地开放"]))))
    kw: dict[str, object] = {}
    units = {r.unit_id for r in resources}
    if limits and draw(st.booleans()):
        kw["max_quantity_per_unit"] = {u: draw(st.integers(0, 4)) for u in sorted(units)}
    if limits and draw(st.booleans()):
        kw["min_share_per_community"] = draw(st.sampled_from([0.3, 0.5, 1.0]))
    if draw(st.booleans()):
        kw["declined"] = {(f"N{draw(st.integers(0, n_needs - 1))}",
                           f"R{draw(st.integers(0, n_res - 1))}")}
    kw["registrations"] = {("U0", "C0")}
    kw["history"] = {("U1", "C1"): 2.0}
    built: Problem = problem(needs, resources, **kw)
    return built


FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(problems())
def test_every_method_passes_the_validator(p: Problem) -> None:
    for method in ("flow", "lp", "greedy"):
        check_result(p, match(p, method=method))


@FAST
@given(problems())
def test_flow_and_lp_reach_the_same_objective(p: Problem) -> None:
    flow, lp = match(p, method="flow"), match(p, method="lp")
    assert flow.share_units == lp.share_units
    assert flow.objective == pytest.approx(lp.objective, rel=1e-6, abs=1e-9)


@FAST
@given(problems(limits=False))
def test_greedy_never_beats_the_exact_solution(p: Problem) -> None:
    assert match(p, method="greedy").objective <= match(p).objective + 1e-9


def _brute_force(p: Problem) -> tuple[int, float] | None:
    """(share units, objective) maximized lexicographically by enumeration."""
    params = MatchParams()
    m = problem_model(p, params)
    if m.n_pairs > 7:
        return None
    best: tuple[int, float] | None = None
    for x in itertools.product(*[range(int(cap) + 1) for cap in m.pair_cap]):
        xs = np.array(x, dtype=np.int64)
        if np.any(np.bincount(m.pair_need, weights=xs, minlength=m.n_needs) > m.need_cap):
            continue
        used = np.bincount(m.pair_res, weights=xs, minlength=m.n_res)
        if np.any(used > m.res_cap):
            continue
        unit_used = np.bincount(m.res_unit, weights=used, minlength=m.n_units)
        limited = m.unit_qty_cap >= 0
        if np.any(unit_used[limited] > m.unit_qty_cap[limited]):
            continue
        projects = np.bincount(m.res_unit[m.pair_res[xs > 0]], minlength=m.n_units)
        plimited = m.unit_proj_cap >= 0
        if np.any(projects[plimited] > m.unit_proj_cap[plimited]):
            continue
        served = np.bincount(m.need_comm, minlength=m.n_comms,
                             weights=np.bincount(m.pair_need, weights=xs, minlength=m.n_needs))
        shares = int(np.minimum(served, m.comm_min).sum())
        value = (shares, float(np.dot(m.weight, xs)))
        if best is None or value[0] > best[0] or (value[0] == best[0]
                                                  and value[1] > best[1] + 1e-12):
            best = value
    return best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(problems(max_needs=3, max_res=3, max_qty=2), st.booleans())
def test_exact_methods_equal_brute_force_on_tiny_problems(p: Problem, projects: bool) -> None:
    if projects:
        units = sorted({r.unit_id for r in p.resources})
        p = Problem(p.needs, p.resources, p.taxonomy, registrations=p.registrations,
                    history=p.history, declined=p.declined,
                    max_projects_per_unit={u: 1 for u in units},
                    min_share_per_community=p.min_share_per_community)
    brute = _brute_force(p)
    if brute is None:
        return
    for method in ("flow", "lp"):
        result = match(p, method=method)
        model_part = sum(q.score * q.quantity / next(n.quantity for n in p.needs
                                                      if n.id == q.need_id)
                         for q in result.pairs)
        assert result.share_units == brute[0]
        assert math.isclose(model_part, brute[1], rel_tol=1e-6, abs_tol=1e-9)
