"""The matcher's output: pairs, unmatched needs and why, utilisation, scarcity, status.

Every field is plain data; :meth:`MatchResult.to_dict` gives a JSON-ready form that
the service stores with the run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from matching.scarcity import ScarcityRow

STATUSES = ("optimal", "time_limit", "heuristic")

#: reason codes of an unserved (or partly served) need
REASONS = {
    "no_candidate_in_reach": "no resource of any category reaches the need",
    "category_not_offered_in_reach": "resources reach the need, none of its category or a "
                                     "related one",
    "unit_not_offered": "resources of its category reach the need, none counted in its "
                        "unit of measure",
    "outside_time_window": "resources of its category and unit reach the need, none in its "
                           "time window",
    "declined_only": "every resource that could serve the need was declined for it",
    "capacity_taken": "its candidates' capacity went to pairs that add more to the objective",
    "unit_limit_reached": "its candidates' units reached their load limit",
    "min_share_elsewhere": "capacity went to meet another community's minimum share",
    "no_acceptable_fit": "resources could serve it by the rules, none fits well enough "
                         "(没有足够契合的资源): the best rejected one is shown",
}


@dataclass(frozen=True)
class Pair:
    """A need served by a resource with a quantity.

    ``breakdown`` holds the five feature values in [0, 1]; ``alternative`` is the best
    candidate resource of the same need that was not chosen, with its score;
    ``confidence`` is 高 or 中 (:mod:`matching.acceptance`; a pinned pair may be 低).
    """

    need_id: str
    resource_id: str
    quantity: int
    score: float
    breakdown: dict[str, float]
    alternative: tuple[str, float] | None = None
    pinned: bool = False
    confidence: str = "中"


@dataclass(frozen=True)
class Unserved:
    """A need left without (``served == 0``) or with part of its quantity."""

    need_id: str
    reason: str
    quantity: int
    served: int
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Utilisation:
    """How much of a resource's capacity the result uses (pinned included)."""

    resource_id: str
    used: int
    capacity: int


@dataclass(frozen=True)
class Shortfall:
    """A community's minimum share that could not be met, and by how much (in units)."""

    community_id: str
    share: float
    required: int
    served: int
    reachable: int
    shortfall: int


@dataclass
class MatchResult:
    """What a run produced; see the module docstring of :mod:`matching` for the objective.

    ``status`` is ``"optimal"`` (proved), ``"time_limit"`` (``gap`` is the relative gap
    to the best bound) or ``"heuristic"`` (the greedy baseline). ``timings`` gives seconds
    per stage: candidates, scores, solve, explain, scarcity, validate.
    """

    method: str
    solver: str
    status: str
    objective: float
    gap: float | None
    pairs: list[Pair]
    unmatched: list[Unserved]
    partial: list[Unserved]
    utilisation: list[Utilisation]
    scarcity: list[ScarcityRow]
    shortfalls: list[Shortfall]
    n_candidates: int
    share_units: int = 0
    scarcity_method: str = ""
    certificate_rounds: int = 0  # solve-and-price rounds of the certified solve (0: none)
    core_pairs: int = 0  # pairs in the certified solve's final core
    reused_pairs: int = 0  # pairs whose optimal flows came from ``previous`` (incremental)
    warm: dict[str, Any] = field(default_factory=dict)  # for the next run's ``previous``
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def served_quantity(self) -> int:
        return sum(p.quantity for p in self.pairs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists).

        Examples
        --------
        >>> import json
        >>> r = MatchResult("flow", "ortools-mcf", "optimal", 0.0, 0.0, [], [], [], [], [],
        ...                 [], 0)
        >>> json.loads(json.dumps(r.to_dict()))["status"]
        'optimal'
        """
        out = asdict(self)
        for p in out["pairs"]:
            if p["alternative"] is not None:
                p["alternative"] = list(p["alternative"])
        return out
