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
    else:  # pragma: no cover - needs a Neo4j server (NEO4J_URI)
        from graph.neo4j_store import Neo4jStore

        neo = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                         os.environ.get("NEO4J_PASSWORD", ""),
                         os.environ.get("NEO4J_DATABASE", "neo4j"))
        neo.clear(confirm=neo.database)  # every test starts from an empty database
        store = neo
    yield store
    store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A fresh embedded store, for tests that are not about backends."""
    s = EmbeddedStore(tmp_path / "graph.db")
    yield s
    s.close()
