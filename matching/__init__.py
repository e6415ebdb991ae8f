"""matching: pair community needs with resident units' resources, exactly and explainably.

A pure package (numpy, scipy, OR-Tools; no I/O, no environment).

The objective of a run is

    maximize  sum over pairs (i, j) of  score_ij * x_ij / quantity_i

over integral quantities ``x_ij`` on candidate pairs, within each need's quantity, each
resource's capacity and each unit's limits, with pinned pairs fixed and declined pairs
absent. A need served in full adds its score whatever its size; urgency and weak
communities raise the score through its ``priority`` feature. Minimum shares of each
community's demand are served first (lexicographically) and reported when they cannot
all hold.

Exceptions::

    MatchingError
    ├── ProblemError      malformed problem (names the need, resource or pair)
    ├── ParamsError       parameter out of range
    ├── UnknownMethod     ``match(method=...)`` unknown (lists the valid ones)
    └── ResultInvalid     ``check_result`` found a broken rule

>>> sorted(METHODS)
['flow', 'greedy', 'lp']
"""

from matching.errors import MatchingError, ParamsError, ProblemError, ResultInvalid, UnknownMethod
from matching.matcher import METHODS, match
from matching.params import FEATURES, MatchParams
from matching.problem import NeedItem, Problem, ResourceItem, Taxonomy
from matching.result import (
    REASONS,
    MatchResult,
    Pair,
    Shortfall,
    Unserved,
    Utilisation,
)
from matching.scarcity import ScarcityRow
from matching.validate import check_result

__all__ = [
    "FEATURES",
    "METHODS",
    "REASONS",
    "MatchParams",
    "MatchResult",
    "MatchingError",
    "NeedItem",
    "Pair",
    "ParamsError",
    "Problem",
    "ProblemError",
    "ResourceItem",
    "ResultInvalid",
    "ScarcityRow",
    "Shortfall",
    "Taxonomy",
    "UnknownMethod",
    "Unserved",
    "Utilisation",
    "check_result",
    "match",
]
