"""Which units of measure serve which: the one place the candidate stage, the pinned
pairs, the validator and the explanations ask.

A resource counted in one unit serves a need counted in another only when one unit of
the resource is one unit of the need. The flow model (:mod:`matching.flow`) is a pure
min-cost flow: a pair's flow is a single number that the need's cap (``need_cap``), the
pair's cap (``pair_cap``) and the resource's cap (``res_cap``) all count. A conversion
``k`` units of the resource per unit of the need would be an arc with a gain (a
generalised flow), which a min-cost flow does not express, and rounding it would break
the certificate of optimality. So every compatible pair converts **1 : 1** and a pair
of units with no 1 : 1 reading is not compatible.

Compatible (need unit, resource unit), both ways:

* 人 / 名: both count persons.
* 人次 with 人 / 名: a service counted in person-times gives each person it serves one
  time; a need counted in persons asks one time for each.
* 人次 with 次: a service counted in times (a haircut, a home visit) is given to one
  person each time, so one time is one person-time.
* 件 / 个: both count items.
* 处 / 间 / 场地: all count places (a spot, a room, a venue).

Not compatible (each unit also serves itself):

* 次 with 场: both look like occasions, but as clerks and liaisons write them they
  count different help. A 场 is a session held once for a group (a lecture, a class, a
  drill, a match); a 次 is one act of service to one party (a visit, a repair, a
  consultation, a delivery). A repair asked in 次 is not a safety lecture given in 场.
  Measured on the tuning halves T–T7: 12 labelled tempting wrong pairs join 次 and 场
  (6 each way), no right pair does; allowing them let two wrong pairs in (T, T6).
* 场 with 人 / 名 / 人次: a session holds many people; how many it takes (its seats)
  is a factor per resource, a gain the network cannot carry. Seats already work as a
  fact (:func:`matching.candidates.refused_by_facts`: the need's people must fit).
* 次 with 人 / 名: an act of service is not a person.
* 元 only with 元: money converts to nothing else (a repair in 次 is not a sum of 元).
* 小时 only with 小时: an hour is neither an occasion nor a person.
* 户 only with 户: a household is neither a person nor an occasion.
* 件 / 个 with 次: an item given is not a service given (a case worker's visit in 次 does
  not hand over goods counted in 件).

The relation is symmetric but not transitive (人 ~ 人次 ~ 次, yet 人 is not 次): each pair
is decided on its own, which is all a 1 : 1 flow needs. Any unit outside the groups
serves only itself.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

# groups of units that count the same thing, one unit for one unit
_SAME_THING: tuple[tuple[str, ...], ...] = (
    ("人", "名", "人次"),  # persons (人次: a person-time is one person served once)
    ("人次", "次"),  # a time given to one person is one person-time
    ("件", "个"),  # items
    ("处", "间", "场地"),  # places
)

COMPATIBLE: frozenset[tuple[str, str]] = frozenset(
    pair for group in _SAME_THING for a, b in combinations(group, 2)
    for pair in ((a, b), (b, a)))


def compatible(need_unit: str, resource_unit: str) -> bool:
    """Whether a resource counted in ``resource_unit`` serves a need counted in
    ``need_unit`` (one unit of the resource for one unit of the need)."""
    return need_unit == resource_unit or (need_unit, resource_unit) in COMPATIBLE


def converted(quantity: int, need_unit: str, resource_unit: str) -> int:
    """``quantity`` units of the resource in the need's unit: the same number, since every
    compatible pair converts 1 : 1 (raises for an incompatible pair)."""
    if not compatible(need_unit, resource_unit):
        raise ValueError(f"{resource_unit} does not serve a need counted in {need_unit}")
    return quantity


@lru_cache(maxsize=64)
def _fits(vocab: tuple[str, ...]) -> NDArray[np.bool_]:
    out = np.array([[compatible(n, r) for n in vocab] for r in vocab], dtype=np.bool_)
    out.setflags(write=False)
    return out


def fits_matrix(vocab: list[str]) -> NDArray[np.bool_]:
    """``fits[r, n]``: a resource of unit code ``r`` serves a need of unit code ``n``
    (codes index ``vocab``, e.g. :attr:`matching.arrays.Arrays.units_of_measure`)."""
    return _fits(tuple(vocab))


def served_codes(vocab: list[str]) -> list[list[int]]:
    """For each resource unit code, the need unit codes it serves (its own first)."""
    fits = fits_matrix(vocab)
    return [[r] + [n for n in np.flatnonzero(fits[r]).tolist() if n != r]
            for r in range(len(vocab))]
