"""What every solver sees: the residual optimization model after pinned pairs (private).

The objective is ``max sum_p w_p x_p`` with ``w_p = score_p / quantity_of_need(p)``: a
need served in full adds its score whatever its quantity, so a need of 100 hours does
not outweigh a need of one venue. Pinned pairs are fixed before the model is built:
they reduce quantities, capacities and unit limits, and add their own (constant) part to
the reported objective.

Minimum shares are lexicographic: first serve as many units of the required minima as
possible (``B*``, the *share units*), then maximize the score among the solutions that
reach ``B*``. When ``B*`` covers every minimum the shares hold as hard constraints;
otherwise the shortfall is reported community by community.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from matching.arrays import F64, I64, Arrays
from matching.candidates import Candidates
from matching.incremental import Warm
from matching.problem import Problem

UNLIMITED = -1


@dataclass(frozen=True, eq=False)
class Model:
    """The residual model: pair columns and the capacities left after pinned pairs."""

    n_needs: int
    n_res: int
    n_units: int
    n_comms: int
    need_cap: I64
    res_cap: I64
    pair_need: I64
    pair_res: I64
    pair_cap: I64
    score: F64
    weight: F64
    res_unit: I64
    unit_qty_cap: I64  # UNLIMITED or units left
    unit_proj_cap: I64  # UNLIMITED or projects left
    need_comm: I64
    comm_min: I64  # share units still required (0 = no minimum)

    @property
    def n_pairs(self) -> int:
        return int(self.pair_need.shape[0])

    @property
    def has_min_share(self) -> bool:
        return bool(np.any(self.comm_min > 0))

    @property
    def has_project_limits(self) -> bool:
        return bool(np.any(self.unit_proj_cap >= 0))


@dataclass
class Certificate:
    """The proof of a certified solve (:mod:`matching.certified`): node potentials of the
    full candidate network under which no residual arc has a negative reduced cost."""

    rounds: int = 0
    core_pairs: list[int] = field(default_factory=list)  # core size at each round
    solved_pairs: list[int] = field(default_factory=list)  # pairs solved at each round
    potentials: I64 = field(default_factory=lambda: np.zeros(0, np.int64))
    scale: float = 1.0  # integer cost scale K of the potentials (the largest, by bucket)
    # each resource's K when buckets have their own (empty: ``scale`` for all)
    res_scale: F64 = field(default_factory=lambda: np.zeros(0, np.float64))
    res_node0: int = 0  # node id of the first resource in the potentials
    reused_pairs: int = 0  # pairs whose flows came from the previous solve (incremental)
    warm_pairs: int = 0  # pairs of changed buckets warm-started from the previous optimum
    warm: Warm | None = None  # what the next solve may reuse (matching.incremental)
    updated: bool = False  # the previous solve's state updated where the change landed


@dataclass
class Solution:
    """A solver's answer on a model."""

    x: I64
    status: str  # "optimal" | "time_limit" | "heuristic"
    solver: str
    share_units: int = 0  # B*: share units reached
    bound: float | None = None  # best bound on the model objective (None = unknown)
    notes: list[str] = field(default_factory=list)
    certificate: Certificate | None = None


def build_model(problem: Problem, a: Arrays, cands: Candidates, score: F64) -> Model:
    """The residual model of ``problem`` over its candidate pairs."""
    need, res = cands.need, cands.res
    unit_index = {u: i for i, u in enumerate(a.units)}
    n_units = len(a.units)
    pin_unit = a.r_unit[a.pin_res]
    unit_qty = np.full(n_units, UNLIMITED, dtype=np.int64)
    pinned_qty = np.bincount(pin_unit, weights=a.pin_qty, minlength=n_units)
    for u, limit in problem.max_quantity_per_unit.items():
        i = unit_index[u]
        unit_qty[i] = limit - int(pinned_qty[i])
    unit_proj = np.full(n_units, UNLIMITED, dtype=np.int64)
    pinned_proj = np.bincount(pin_unit, minlength=n_units)
    for u, limit in problem.max_projects_per_unit.items():
        i = unit_index[u]
        unit_proj[i] = limit - int(pinned_proj[i])
    n_comms = len(a.communities)
    demand = np.bincount(a.n_comm, weights=a.n_qty, minlength=n_comms)
    pinned_comm = np.bincount(a.n_comm[a.pin_need], weights=a.pin_qty, minlength=n_comms)
    left = np.bincount(a.n_comm, weights=a.n_left, minlength=n_comms).astype(np.int64)
    comm_min = np.zeros(n_comms, dtype=np.int64)
    for k, community in enumerate(a.communities):
        share = problem.min_share(community)
        if share > 0:
            required = math.ceil(share * demand[k] - 1e-9) - int(pinned_comm[k])
            comm_min[k] = min(max(required, 0), int(left[k]))
    return Model(
        n_needs=a.n_needs, n_res=a.n_res, n_units=n_units, n_comms=n_comms,
        need_cap=a.n_left, res_cap=a.r_left, pair_need=need, pair_res=res,
        pair_cap=np.minimum(a.n_left[need], a.r_left[res]), score=score,
        weight=score / a.n_qty[need], res_unit=a.r_unit, unit_qty_cap=unit_qty,
        unit_proj_cap=unit_proj, need_comm=a.n_comm, comm_min=comm_min)


def model_objective(model: Model, x: I64) -> float:
    """``sum_p w_p x_p`` in floating point, summed in a fixed order."""
    return float(np.dot(model.weight, x.astype(np.float64)))
