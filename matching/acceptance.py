"""The acceptance rule: a pair is proposed only when its fit is evidenced absolutely.

Evidence of fit is the category (the resource serves the need's category, or only a
related one) and the absolute text evidence (the ``text`` feature, in [0, 1], never
divided by the need's best candidate). Each candidate pair gets a confidence:

* 高 (high): the resource serves the need's category and ``text >= high_text``;
* 中 (medium): it serves the category and ``text >= accept_text``, or only a related
  category and ``text >= accept_related_text`` (a related category is weaker evidence:
  it needs clear textual or semantic evidence);
* 中 also when the need or the resource has no text at all and the resource serves the
  need's category (nothing to read: the category alone decides);
* 低 (low): anything less. Low pairs are never proposed: the solve runs on 高 and 中
  pairs only, and a need left with nothing better shows its best low pair as a
  suggestion for a person to confirm (reason ``no_acceptable_fit``, 没有足够契合的资源).

The rule is one function of the pair's category fit and text feature, so the
independent validator applies the same rule to each reported pair.
"""

from __future__ import annotations

import numpy as np

from matching.arrays import F64, I64, B
from matching.growable import room_for
from matching.params import MatchParams

CONFIDENCE = ("高", "中", "低")
HIGH, MEDIUM, LOW = 0, 1, 2


def confidence_codes(category: F64, text: F64, params: MatchParams,
                     text_known: B | None = None) -> I64:
    """Confidence codes (0 高, 1 中, 2 低) of pairs from their ``category`` feature (1.0:
    the resource serves the need's category) and their ``text`` feature.

    ``text_known`` is False for a pair where the need or the resource has no text at
    all: nothing can be read, so the category alone decides (same: 中, related: 低).

    Examples
    --------
    >>> p = MatchParams()
    >>> codes = confidence_codes(np.array([1.0, 1.0, p.related_fit, p.related_fit]),
    ...                          np.array([0.9, p.accept_text, 0.96, 0.9]), p)
    >>> [CONFIDENCE[c] for c in codes]
    ['高', '中', '中', '低']
    """
    same = category >= 1.0 - 1e-9
    high = same & (text >= params.high_text)
    medium = (same & (text >= params.accept_text)) | (
        ~same & (text >= params.accept_related_text))
    if text_known is not None:
        medium |= same & ~text_known
    out: I64 = room_for(len(high), (), np.int64)  # a re-run appends to it
    out.fill(LOW)
    out[medium] = MEDIUM
    out[high] = HIGH
    return out


def confidence_of(category: float, text: float, params: MatchParams,
                  text_known: bool = True) -> str:
    """The confidence label of one pair (the validator's form of the same rule)."""
    code = confidence_codes(np.array([category]), np.array([text]), params,
                            np.array([text_known]))[0]
    return CONFIDENCE[int(code)]
