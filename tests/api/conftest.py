"""The hand-made district (:mod:`tests.api.world`) as fixtures: the store on each backend,
and the app over an embedded store with its test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import GraphStore
from tests.api.world import Api, load_world, make_api


@pytest.fixture
def world(backend_store: GraphStore) -> GraphStore:
    """The hand-made district, on each backend."""
    load_world(backend_store)
    return backend_store


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    """The app over the hand-made district in an embedded store, with its test client."""
    a = make_api(tmp_path)
    with a.client:
        yield a
