"""The nodes a store has already decoded, keyed by their stored text.

Reading a node means parsing its JSON and validating every field into its model; at a
200-row page that was most of a list request. A node's stored text and version say all
there is to say about it, and nodes are immutable (``frozen``), so the model decoded from
the same kind, text and version can be handed out again. The key *is* the content, so the
cache never answers with a stale node: a changed node has another text or version and
misses. It is bounded (:data:`MAX_NODES`); when full, the older half is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import islice
from typing import TypeVar

from graph.model import Node

N = TypeVar("N", bound=Node)

MAX_NODES = 20_000

Key = tuple[type[Node], int, str]


class DecodedNodes:
    """A bounded map (kind, version, stored text) → the node decoded from them."""

    def __init__(self, max_nodes: int = MAX_NODES) -> None:
        self._nodes: dict[Key, Node] = {}
        self._max = max_nodes
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._nodes)

    def get(self, kind: type[N], props: str, version: int,
            decode: Callable[[type[N], str, int], N]) -> N:
        """The node of ``kind`` stored as ``props`` at ``version``: decoded once."""
        key = (kind, version, props)
        node = self._nodes.get(key)
        if node is None:
            node = decode(kind, props, version)
            with self._lock:
                if len(self._nodes) >= self._max:
                    for old in list(islice(self._nodes, self._max // 2)):
                        del self._nodes[old]
                self._nodes[key] = node
        return node  # type: ignore[return-value]  # stored under its own kind
