"""Shared fixtures: every store-backed test gets a fresh store in a temporary directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import EmbeddedStore, GraphStore

BACKENDS = ["embedded"]
if os.environ.get("NEO4J_URI"):
    BACKENDS.append("neo4j")


def pytest_report_header() -> str:
    if "neo4j" in BACKENDS:
        return "graph store backends: embedded, neo4j (NEO4J_URI is set)"
    return "graph store backends: embedded only (NEO4J_URI is not set, Neo4j contract skipped)"


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh, empty store of each backend the machine can run."""
    if request.param == "embedded":
        store: GraphStore = EmbeddedStore(tmp_path / "graph.db")
    else:  # pragma: no cover - needs a Neo4j server; see issue 5
        pytest.fail("the Neo4j backend is not built yet, but NEO4J_URI is set")
    yield store
    store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A fresh embedded store, for tests that are not about backends."""
    s = EmbeddedStore(tmp_path / "graph.db")
    yield s
    s.close()
