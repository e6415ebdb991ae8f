"""Arrays with room to grow: a re-run appends its fresh rows after the kept ones in place.

After a need is added, a re-run's pair arrays (candidates, features, scores, codes) are
the previous run's rows, every one of them, then the few fresh ones. Copying the kept
rows into new arrays costs more than the copy: at 100,000 needs it is ~450 MB of memory
never touched before, and on a virtual machine that hands freed memory back to its host
each first touch of a page is slow (~0.35 GB/s measured, against ~14 GB/s for memory the
process reuses). So the pair arrays are made with room after their rows (:func:`room_for`:
room that is never written costs no memory), and :func:`appended` writes the fresh rows
into that room and answers a longer view of the same memory.

A view may only grow at the end of what its memory holds: the owner of the memory records
how many rows are written, and a view that is not exactly those rows (a second re-run
from the same previous run, whose first re-run already wrote after them) is copied into
new memory instead. The previous run's rows are never written again, so its view reads
what it read before.

Examples
--------
>>> a = room_for(3, (), np.int64)
>>> a[:] = [1, 2, 3]
>>> b = appended(a, np.array([4]))
>>> b.tolist(), bool(np.shares_memory(a, b))
([1, 2, 3, 4], True)
>>> c = appended(a, np.array([9]))  # ``a`` no longer ends what its memory holds: a copy
>>> c.tolist(), b.tolist(), bool(np.shares_memory(a, c))
([1, 2, 3, 9], [1, 2, 3, 4], False)
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np
from numpy.typing import DTypeLike, NDArray

ROOM_SHARE = 1 / 64
ROOM_MIN = 1 << 14
"""Rows of room after ``n`` rows: ``max(n * ROOM_SHARE, ROOM_MIN)`` (a few hundred
added needs at 100,000 needs, before a re-run copies once and gets room again)."""

_WRITTEN: dict[int, tuple[weakref.ref[NDArray[Any]], int]] = {}
_LOCK = threading.Lock()


def _forget(key: int) -> None:
    with _LOCK:
        _WRITTEN.pop(key, None)


def _register(owner: NDArray[Any], rows: int) -> None:
    key = id(owner)
    with _LOCK:
        _WRITTEN[key] = (weakref.ref(owner, lambda _ref: _forget(key)), rows)


def room_for(n: int, rest: tuple[int, ...], dtype: DTypeLike) -> NDArray[Any]:
    """An uninitialized array of ``n`` rows (each of shape ``rest``) with room after
    them for :func:`appended`; its ``n`` rows count as written."""
    owner = np.empty((n + max(int(n * ROOM_SHARE), ROOM_MIN), *rest), dtype)
    _register(owner, n)
    view: NDArray[Any] = owner[:n]
    return view


def _owner(view: NDArray[Any]) -> NDArray[Any] | None:
    """The array whose memory ``view`` starts (None when it does not start it)."""
    owner = view.base
    if not isinstance(owner, np.ndarray) or owner.base is not None or \
            not view.flags.c_contiguous or owner.shape[1:] != view.shape[1:] or \
            owner.dtype != view.dtype or \
            view.__array_interface__["data"][0] != owner.__array_interface__["data"][0]:
        return None
    return owner


def appended(kept: NDArray[Any], fresh: NDArray[Any]) -> NDArray[Any]:
    """``kept`` then ``fresh`` (rows of the same shape and type): written after ``kept``
    in its own memory when ``kept`` is every row written there and the room suffices,
    else one new array with room (:func:`room_for`)."""
    n, k = len(kept), len(fresh)
    owner = _owner(kept)
    if owner is not None and k <= len(owner) - n:
        with _LOCK:
            entry = _WRITTEN.get(id(owner))
            mine = entry is not None and entry[0]() is owner and entry[1] == n
            if mine:
                _WRITTEN[id(owner)] = (entry[0], n + k)  # type: ignore[index]
        if mine:
            out: NDArray[Any] = owner[:n + k]
            out[n:] = fresh
            return out
    out = room_for(n + k, kept.shape[1:], kept.dtype)
    out[:n] = kept
    out[n:] = fresh
    return out
