"""The graph package's exceptions.

::

    GraphError
    ├── ModelError            a value that breaks a rule of the domain model
    ├── NotFound              no node with that id (and kind)
    ├── ReferenceMissing      a node or relationship refers to an unknown node
    ├── VersionConflict       a state change based on a version that is no longer current
    ├── TransitionNotAllowed  an action the state machine or the role does not allow
    └── StoreUnavailable      the store cannot be opened or reached

Messages are Chinese first and name the culprit, so a person can act on them.
"""

from __future__ import annotations

from typing import Any


class GraphError(Exception):
    """Base of every error the graph package raises."""

    code = "graph_error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ModelError(GraphError):
    code = "invalid_value"


class NotFound(GraphError):
    code = "not_found"


class ReferenceMissing(GraphError):
    code = "reference_missing"


class VersionConflict(GraphError):
    code = "version_conflict"


class TransitionNotAllowed(GraphError):
    code = "transition_not_allowed"


class StoreUnavailable(GraphError):
    code = "store_unavailable"
