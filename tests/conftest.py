"""Shared fixtures: every store-backed test gets a fresh store.

Tests that take ``any_store`` (the store contract) or ``backend_store`` (the service, HTTP
and CLI tests) run once per backend: on the embedded store, and on Neo4j when
``NEO4J_URI`` names a server (``.ci/run`` starts one with the launcher in
``neo4j-launcher/``). Without it the Neo4j cases are reported as skipped, with the reason.
One Neo4j connection serves the whole session; every test starts from an empty database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import EmbeddedStore, GraphStore

NEO4J_URI = os.environ.get("NEO4J_URI", "")
NO_NEO4J = "NEO4J_URI is not set: no Neo4j server to run the Neo4j backend against"
BACKENDS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.skipif(not NEO4J_URI, reason=NO_NEO4J)),
]


def pytest_configure(config: pytest.Config) -> None:
    # nothing reaches the test server by accident (a CLI run, an app built from the
    # environment): the tests that mean to use it say so through the fixtures below
    os.environ.pop("NEO4J_URI", None)


def backends_line() -> str:
    """Which graph store backends this session runs the store-backed tests on."""
    if NEO4J_URI:
        return f"graph store backends: embedded, neo4j ({NEO4J_URI})"
    return f"graph store backends: embedded only ({NO_NEO4J}; the neo4j cases are skipped)"


def pytest_report_header() -> str:
    return backends_line()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # again at the end: ``pytest -q`` (make test) shows no header
    terminalreporter.write_line(backends_line())


def neo4j_settings() -> dict[str, Any]:
    """The Settings fields that point at the test server."""
    return {"neo4j_uri": NEO4J_URI, "neo4j_user": os.environ.get("NEO4J_USER", "neo4j"),
            "neo4j_password": os.environ.get("NEO4J_PASSWORD", ""),
            "neo4j_database": os.environ.get("NEO4J_DATABASE", "neo4j")}


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Any]:
    """One connection to the test server for the whole session (tests clear it)."""
    from graph.neo4j_store import Neo4jStore

    class SharedNeo4jStore(Neo4jStore):
        """Stays open when a test closes it; the session closes it at the end."""

        def close(self) -> None:
            pass

        def really_close(self) -> None:
            super().close()

    s = neo4j_settings()
    neo = SharedNeo4jStore(s["neo4j_uri"], s["neo4j_user"], s["neo4j_password"],
                           s["neo4j_database"])
    yield neo
    neo.really_close()


def _fresh_store(request: pytest.FixtureRequest, path: Path) -> GraphStore:
    if request.param == "embedded":
        return EmbeddedStore(path)
    neo = request.getfixturevalue("neo4j_server")
    neo.clear(confirm=neo.database)  # every test starts from an empty database
    store: GraphStore = neo
    return store


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh, empty store of each backend (the store contract suite)."""
    store = _fresh_store(request, tmp_path / "graph.db")
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def backend_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh, empty store of each backend, for the service, HTTP and CLI tests."""
    store = _fresh_store(request, tmp_path / "graph.db")
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The Settings fields selecting each backend, its store empty: ``neo4j_uri`` unset
    (embedded) or pointing at the test server, cleared."""
    if request.param == "embedded":
        return {"neo4j_uri": None}
    neo = request.getfixturevalue("neo4j_server")
    neo.clear(confirm=neo.database)
    return neo4j_settings()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A fresh embedded store, for tests that are not about backends."""
    s = EmbeddedStore(tmp_path / "graph.db")
    yield s
    s.close()
