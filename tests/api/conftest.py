"""The hand-made district (:mod:`tests.api.world`) as a fixture, on each backend."""

from __future__ import annotations

import pytest

from graph import GraphStore
from tests.api.world import load_world


@pytest.fixture
def world(backend_store: GraphStore) -> GraphStore:
    """The hand-made district, on each backend."""
    load_world(backend_store)
    return backend_store
