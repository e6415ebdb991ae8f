"""Benchmark core: run the pipeline on named problems and report per-stage figures.

The CLI (``gongjian bench``) builds the problems from the demo generator and prints the
rows; this module only measures. Peak memory is the process high-water mark
(``resource.getrusage``: it covers OR-Tools' and HiGHS' C++ allocations, which
``tracemalloc`` does not see), so run sizes in increasing order; the worker processes of
a large solve (:mod:`matching.workers`) are reported apart, as the sum of their peaks.
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import time
from collections.abc import Mapping
from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow

from matching import workers
from matching.flow import build_network, initial_scale, share_units
from matching.lp import components, solve_lp
from matching.matcher import STAGES, match, problem_model
from matching.model import Model, model_objective
from matching.params import MatchParams
from matching.problem import NeedItem, Problem
from matching.text import TextSimilarity


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _model_of(problem: Problem, params: MatchParams) -> Model:
    """The optimization model of a run (without pinned pairs), built as ``match`` does."""
    return problem_model(problem, params)


def raw_ortools_seconds(model: Model) -> float:
    """Time OR-Tools' SimpleMinCostFlow alone (add arcs + solve) on the run's network.

    Same arcs, capacities, integer costs (same scale) and supplies as ``solve_flow``'s
    first pass; ``solve_flow`` may add a second pass when its rounding check asks for it.
    """
    net = build_network(model, share_units(model), scale=initial_scale(model))
    t0 = time.perf_counter()
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(net.tails, net.heads, net.caps, net.costs)
    solver.set_nodes_supplies(np.arange(net.n_nodes), net.supplies)
    solver.solve()
    return time.perf_counter() - t0


def with_one_more_need(problem: Problem, like: NeedItem | None = None) -> Problem:
    """``problem`` with one need added (a copy of ``like``, by default its first need,
    under a new id, one more unit of quantity): the small change of the incremental
    re-run."""
    like = like or problem.needs[0]
    new = dataclasses.replace(like, id=f"{like.id}-ADDED", quantity=like.quantity + 1)
    return Problem([*problem.needs, new], problem.resources, problem.taxonomy,
                   registrations=problem.registrations, history=problem.history,
                   pinned=problem.pinned, declined=problem.declined,
                   max_projects_per_unit=problem.max_projects_per_unit,
                   max_quantity_per_unit=problem.max_quantity_per_unit,
                   min_share_per_community=problem.min_share_per_community)


def need_in_largest_component(problem: Problem, model: Model) -> NeedItem:
    """A need of the largest component of ``model``'s candidate network: a copy of it is
    the added need that touches the most of the previous optimum (a need without an
    accepted candidate would leave the re-run nothing to solve)."""
    _, labels = components(model)
    if not len(labels):
        return problem.needs[0]
    largest = int(np.bincount(labels).argmax())
    first = int(model.pair_need[np.flatnonzero(labels == largest)[0]])
    return problem.needs[first]


def _pairs_of(result: Any) -> list[tuple[str, str, int]]:
    return sorted((p.need_id, p.resource_id, p.quantity) for p in result.pairs)


def bench(problems: Mapping[str, Problem], params: MatchParams | None = None,
          compare: bool = False, greedy: bool = True,
          text_similarity: TextSimilarity | None = None, rerun: bool = False,
          rerun_full: bool = True) -> list[dict[str, Any]]:
    """One row of figures per named problem.

    Parameters
    ----------
    problems
        Name -> problem, run in the given order (put small sizes first).
    params
        Run parameters (``MatchParams()`` by default).
    compare
        Also solve with HiGHS (``method="lp"``) and time OR-Tools' raw min-cost flow on
        the same network; report agreement of the objectives (1e-6 relative).
    greedy
        Also run the greedy baseline and report its gap to the exact objective.
    text_similarity
        The text model of the runs (the matcher's TF-IDF by default), as in
        :func:`matching.matcher.match`.
    rerun
        Also re-run after one added need (:func:`with_one_more_need`) from the first
        run's result (``previous``: its pair work and its optimum): its time (and its
        ratio to the first run's), the time of its pair stages (candidates and scores),
        of its solve and of the stages after it, and the share of pairs whose optimum
        was reused;
        with ``rerun_full`` also a full run of the changed problem, and whether the two
        agree (objective within 1e-9 relative, same pairs).

    Examples
    --------
    >>> from matching.synthetic import synthetic_problem
    >>> rows = bench({"tiny": synthetic_problem(60, seed=2)}, compare=True)
    >>> rows[0]["status"], rows[0]["agree"], rows[0]["greedy_gap_pct"] >= 0
    ('optimal', True, True)
    """
    params = params or MatchParams()
    rows: list[dict[str, Any]] = []
    for name, problem in problems.items():
        t0 = time.perf_counter()
        result = match(problem, params, method="flow", text_similarity=text_similarity)
        total = time.perf_counter() - t0
        row: dict[str, Any] = {
            "size": name, "n_needs": len(problem.needs), "n_resources": len(problem.resources),
            "n_candidates": result.n_candidates,
            **{f"t_{s}": round(result.timings.get(s, 0.0), 3) for s in STAGES},
            "t_total": round(total, 3), "peak_rss_mib": round(peak_rss_mib(), 1),
            "workers_peak_mib": round(workers.peak_rss_mib(), 1),
            "objective": result.objective, "status": result.status,
            "served_quantity": result.served_quantity, "unmatched": len(result.unmatched),
            "rounds": result.certificate_rounds, "core_pairs": result.core_pairs,
            "scarcity_rows": len(result.scarcity)}
        model = _model_of(problem, params) if rerun or compare else None
        if rerun:
            assert model is not None
            changed = with_one_more_need(problem, need_in_largest_component(problem, model))
            t1 = time.perf_counter()
            again = match(changed, params, method="flow", text_similarity=text_similarity,
                          previous=result.warm)
            row["t_rerun"] = round(time.perf_counter() - t1, 3)
            row["rerun_ratio"] = round(row["t_rerun"] / max(total, 1e-9), 3)
            stage = again.timings.get
            row["t_rerun_pairs"] = round(stage("candidates", 0.0) + stage("scores", 0.0), 3)
            row["t_rerun_solve"] = round(stage("solve", 0.0), 3)
            row["t_rerun_after"] = round(stage("explain", 0.0) + stage("scarcity", 0.0)
                                         + stage("validate", 0.0), 3)
            row["reused_pct"] = round(100 * again.reused_pairs / max(again.n_candidates, 1), 1)
            if rerun_full:
                full = match(changed, params, method="flow", text_similarity=text_similarity)
                row["t_rerun_full_solve"] = round(full.timings.get("solve", 0.0), 3)
                row["rerun_same"] = bool(
                    abs(full.objective - again.objective) <= 1e-9 * max(abs(full.objective), 1)
                    and _pairs_of(full) == _pairs_of(again))
        if greedy:
            g = match(problem, params, method="greedy", text_similarity=text_similarity)
            row["greedy_objective"] = g.objective
            row["greedy_gap_pct"] = round(100 * (result.objective - g.objective)
                                          / max(abs(result.objective), 1e-12), 3)
        if compare:
            assert model is not None
            raw = raw_ortools_seconds(model)
            row["t_ortools_raw"] = round(raw, 3)
            row["solve_ratio"] = round(result.timings["solve"] / max(raw, 1e-9), 3)
            t1 = time.perf_counter()
            lp = solve_lp(model, params.time_limit_s)
            row["t_lp_solve"] = round(time.perf_counter() - t1, 3)
            pinned_part = result.objective - _model_part(result, problem)
            lp_objective = model_objective(model, lp.x) + pinned_part
            row["lp_objective"] = lp_objective
            row["lp_status"] = lp.status
            diff = abs(lp_objective - result.objective) / max(abs(result.objective), 1e-12)
            row["rel_diff"] = float(f"{diff:.3g}")
            row["agree"] = lp.status == "optimal" and diff <= 1e-6
        rows.append(row)
    return rows


def _model_part(result: Any, problem: Problem) -> float:
    qty = {n.id: n.quantity for n in problem.needs}
    return float(sum(p.score * p.quantity / qty[p.need_id] for p in result.pairs
                     if not p.pinned))
