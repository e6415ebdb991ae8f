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
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from api.identity import Identity
from graph import GraphStore

__all__ = ["cached", "reach"]

T = TypeVar("T")
MAX_ENTRIES = 64  # per store: the scopes, runs and parameters in use at one time

_lock = threading.Lock()
_entries: WeakKeyDictionary[Any, OrderedDict[Hashable, tuple[str, Any]]] = WeakKeyDictionary()


def cached(store: GraphStore, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` for ``key``, or its value from before if the store has not changed.

    The version is read before computing: a write during the computation leaves a value
    tagged with the older version, recomputed on the next call.
    """
    version = store.data_version()
    with _lock:
        entries = _entries.setdefault(store, OrderedDict())
        hit = entries.get(key)
        if hit is not None and hit[0] == version:
            entries.move_to_end(key)
            return hit[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        entries[key] = (version, value)
        entries.move_to_end(key)
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
    return value


def reach(who: Identity) -> Hashable:
    """What decides what ``who`` may read (:mod:`api.identity`): a key part for an answer
    a scoped service computed, which callers of the same reach may share."""
    return (who.role, who.scope_id, who.street_ids, who.salt)

