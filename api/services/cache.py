"""What is computed from the store, kept until the store's next committed write.

A district's dashboard, map and network read thousands of records
(:mod:`api.services.figures`). They are computed once
per :meth:`~graph.store.GraphStore.data_version` and key, and served from memory until a
write — by this process or another — changes the data. Scope is checked before a lookup,
in the services: a key names what the value depends on (the scope, the parameters, or the
caller's :func:`reach` for a scoped listing), so people of the same reach share one
computation.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from api.identity import Identity
from graph import GraphStore

__all__ = ["cached", "reach"]

T = TypeVar("T")
# entries per store and pool: "figures" holds the scopes, runs and parameters in use at one
# time; "pages" the JSON list pages people are reading (a few hundred kB each at most)
MAX_ENTRIES = {"figures": 64, "pages": 512}

_lock = threading.Lock()
_entries: WeakKeyDictionary[Any, dict[str, OrderedDict[Hashable, tuple[str, Any]]]] = (
    WeakKeyDictionary())
# the computations under way, per store: (pool, key, version) -> the value's future
_running: WeakKeyDictionary[Any, dict[tuple[str, Hashable, str], Future[Any]]] = (
    WeakKeyDictionary())


def cached(store: GraphStore, key: Hashable, compute: Callable[[], T], *,
           pool: str = "figures") -> T:
    """``compute()`` for ``key``, or its value from before if the store has not changed.

    The version is read before computing: a write during the computation leaves a value
    tagged with the older version, recomputed on the next call. Each ``pool`` of
    :data:`MAX_ENTRIES` drops its least recently used entries on its own, so list pages
    never push out a dashboard's figures. Callers that miss the same key at the same
    version while it is being computed wait for that one computation (a write makes every
    page miss at once, and eight readers of one page would otherwise compute it eight
    times); they get its value, or its error.
    """
    version = store.data_version()
    flight = (pool, key, version)
    with _lock:
        entries = _entries.setdefault(store, {}).setdefault(pool, OrderedDict())
        hit = entries.get(key)
        if hit is not None and hit[0] == version:
            entries.move_to_end(key)
            return hit[1]  # type: ignore[no-any-return]
        running = _running.setdefault(store, {})
        future = running.get(flight)
        mine = future is None
        if future is None:
            future = running[flight] = Future()
    if not mine:  # someone computes this very value: wait for it rather than compute again
        return future.result()  # type: ignore[no-any-return]
    try:
        value = compute()
    except BaseException as error:
        with _lock:
            running.pop(flight, None)
        future.set_exception(error)
        raise
    with _lock:
        running.pop(flight, None)
        entries[key] = (version, value)
        entries.move_to_end(key)
        while len(entries) > MAX_ENTRIES[pool]:
            entries.popitem(last=False)
    future.set_result(value)
    return value


def reach(who: Identity) -> Hashable:
    """What decides what ``who`` may read (:mod:`api.identity`): a key part for an answer
    a scoped service computed, which callers of the same reach may share."""
    return (who.role, who.scope_id, who.street_ids, who.salt)

