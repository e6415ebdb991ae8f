"""The parameters of a matching run: feature weights, decay, limits."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from matching.errors import ParamsError

FEATURES = ("category", "text", "distance", "relationship", "priority")
# the longest a run may ask HiGHS to work (the city-scale bench's LP takes 900 s)
MAX_TIME_LIMIT_S = 3600.0


@dataclass(frozen=True)
class MatchParams:
    """Weights and knobs of one run; every field is a plain number (JSON-ready).

    The score of a pair is ``sum(w_f * feature_f) / sum(w_f)`` over the five features, so
    it stays in [0, 1] whatever the weights.

    Attributes
    ----------
    w_category, w_text, w_distance, w_relationship, w_priority
        Feature weights (>= 0, not all zero).
    related_fit
        Category fit of a resource of a related category (same category is 1.0).
    accept_text, accept_related_text, high_text
        The acceptance rule (:mod:`matching.acceptance`): least text evidence for a pair
        of the same category to be proposed (confidence 中), for a pair of a related
        category (中), and for 高 (same category only). ``accept_text`` 0.10 is what 4-fold
        cross-validation on the tuning half T picks (``scripts/cv_acceptance.py``, ties to
        the strictest): with the thesaurus boost of 0.10 a same-category pair that meets
        on a concept is proposed whatever its other text evidence.
    walk_km
        Radius of the 15-minute circle: distance fit is 1.0 inside it.
    decay_km
        Beyond ``walk_km`` the distance fit decays as ``exp(-(d - walk_km) / decay_km)``.
    online_fit
        Distance fit of an online resource.
    online_inferred_fit
        Distance fit of an online resource for a need whose 可线上 was inferred (from its
        words or category), not stated: weaker, so in-person help within about 3 km wins.
    max_online_per_need
        An online resource reaches every need that accepts online service; each need keeps
        only this many nearest online candidates, so the candidate graph stays sparse.
    time_limit_s
        Time limit of the HiGHS paths (the LP, and the MILP used with per-unit project
        limits), at most ``MAX_TIME_LIMIT_S``; the min-cost flow has none.
    scarcity
        Whether to compute the scarcity table (read off the certified solve's potentials;
        never skipped for size).

    Examples
    --------
    >>> MatchParams(w_text=0.3).weights()["text"]
    0.3
    >>> MatchParams(related_fit=1.5)
    Traceback (most recent call last):
    ...
    matching.errors.ParamsError: related_fit 须在 0 到 1 之间，收到 1.5
    """

    w_category: float = 0.35
    w_text: float = 0.2
    w_distance: float = 0.2
    w_relationship: float = 0.1
    w_priority: float = 0.15
    related_fit: float = 0.6
    accept_text: float = 0.1
    accept_related_text: float = 0.95
    high_text: float = 0.6
    walk_km: float = 1.2
    decay_km: float = 1.5
    online_fit: float = 0.7
    online_inferred_fit: float = 0.3
    max_online_per_need: int = 30
    time_limit_s: float = 60.0
    scarcity: bool = True

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "scarcity":
                if not isinstance(value, bool):
                    raise ParamsError(f"scarcity 须为 true 或 false，收到 {value!r}")
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value):
                raise ParamsError(f"{f.name} 须为有限的数，收到 {value!r}")
            if f.name.startswith("w_") and value < 0:
                raise ParamsError(f"{f.name} 不能为负数，收到 {value!r}")
        if sum(self.weights().values()) <= 0:
            raise ParamsError("至少一个特征权重须大于 0")
        for name in ("related_fit", "online_fit", "online_inferred_fit", "accept_text",
                     "accept_related_text", "high_text"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ParamsError(f"{name} 须在 0 到 1 之间，收到 {value!r}")
        for name in ("decay_km", "time_limit_s"):
            if getattr(self, name) <= 0:
                raise ParamsError(f"{name} 须大于 0，收到 {getattr(self, name)!r}")
        if self.time_limit_s > MAX_TIME_LIMIT_S:
            raise ParamsError(f"time_limit_s 最多 {MAX_TIME_LIMIT_S:g} 秒，"
                              f"收到 {self.time_limit_s!r}")
        if not isinstance(self.max_online_per_need, int) or self.max_online_per_need < 1:
            raise ParamsError(f"max_online_per_need 须为不小于 1 的整数，"
                              f"收到 {self.max_online_per_need!r}")
        if self.walk_km < 0:
            raise ParamsError(f"walk_km 不能为负数，收到 {self.walk_km!r}")

    def weights(self) -> dict[str, float]:
        """Feature name -> weight, in the order of ``FEATURES``."""
        return {f: float(getattr(self, f"w_{f}")) for f in FEATURES}
