"""The Neo4j backend without a server: driver errors translated, misconfiguration fails fast.

With ``NEO4J_URI`` set, the whole contract suite also runs against a real server
(``tests/graph/test_store_contract.py`` through the ``any_store`` fixture).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as neo4j_errors

from graph import GraphError, StoreUnavailable, VersionConflict
from graph.core import Replay
from graph.neo4j_errors import DRIVER_ERRORS, translate
from graph.neo4j_store import Neo4jStore
from tests.conftest import NEO4J_URI, NO_NEO4J
from tests.graph.district import tiny_district


def driver_exception_classes() -> list[type[Exception]]:
    return sorted((cls for _, cls in inspect.getmembers(neo4j_errors, inspect.isclass)
                   if issubclass(cls, Exception) and cls.__module__.startswith("neo4j")),
                  key=lambda c: c.__name__)


def instance(cls: type[Exception], code: str | None = None) -> Exception:
    """An exception of ``cls`` carrying the text "boom", made as the driver makes it."""
    if issubclass(cls, neo4j_errors.Neo4jError):
        error = neo4j_errors.Neo4jError._hydrate_neo4j(
            code=code or "Neo.DatabaseError.General.UnknownError", message="boom")
        if type(error) is not cls:  # the code picks the class; force the one tested
            error.__class__ = cls
        return error
    params = list(inspect.signature(cls.__init__).parameters)
    if len(params) > 1 and params[1].endswith("_"):  # SessionError(session_, *args)...
        return cls(None, "boom")
    return cls("boom")


def test_every_exception_class_of_the_driver_has_a_translation() -> None:
    missing = [c.__name__ for c in driver_exception_classes() if c not in DRIVER_ERRORS]
    assert not missing, f"add these neo4j exceptions to DRIVER_ERRORS: {missing}"


@pytest.mark.parametrize("cls", driver_exception_classes(), ids=lambda c: c.__name__)
def test_each_driver_exception_becomes_a_graph_error_with_a_message(
        cls: type[Exception]) -> None:
    error = translate(instance(cls), uri="bolt://db:7687", user="neo4j", database="neo4j")
    assert isinstance(error, GraphError)
    assert not isinstance(error, neo4j_errors.GqlError)
    assert error.message and "boom" in error.message
    assert error.details["driver_error"] == cls.__name__


@pytest.mark.parametrize(("error", "kind", "setting"), [
    (neo4j_errors.ServiceUnavailable("refused"), StoreUnavailable, "NEO4J_URI"),
    (neo4j_errors.ConfigurationError("bad uri"), StoreUnavailable, "NEO4J_URI"),
    (instance(neo4j_errors.AuthError, "Neo.ClientError.Security.Unauthorized"),
     StoreUnavailable, "NEO4J_PASSWORD"),
    (instance(neo4j_errors.ClientError, "Neo.ClientError.Security.AuthenticationRateLimit"),
     StoreUnavailable, "NEO4J_USER"),
    (instance(neo4j_errors.ClientError, "Neo.ClientError.Database.DatabaseNotFound"),
     StoreUnavailable, "NEO4J_DATABASE"),
    (instance(neo4j_errors.Forbidden, "Neo.ClientError.Security.Forbidden"),
     StoreUnavailable, "NEO4J_USER"),
    (instance(neo4j_errors.ConstraintError,
              "Neo.ClientError.Schema.ConstraintValidationFailed"), VersionConflict, "请重试"),
    (instance(neo4j_errors.TransientError, "Neo.TransientError.Transaction.DeadlockDetected"),
     StoreUnavailable, "请稍后再试"),
])
def test_translations_name_the_setting_to_fix(error: Exception, kind: type[GraphError],
                                              setting: str) -> None:
    translated = translate(error, uri="bolt://db:7687", user="neo4j", database="gongjian")
    assert type(translated) is kind
    assert setting in translated.message


def test_an_unreachable_server_fails_fast_naming_neo4j_uri() -> None:
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match=r"bolt://127\.0\.0\.1:1.*NEO4J_URI"):
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret", "neo4j", connection_timeout=2)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("uri", ["localhost:7687", "http://localhost:7474", ""])
def test_an_address_that_is_not_bolt_is_refused_naming_neo4j_uri(uri: str) -> None:
    with pytest.raises(StoreUnavailable, match="NEO4J_URI"):
        Neo4jStore(uri, "neo4j", "secret", "neo4j")


class FakeSession:
    """The driver's edge: a session whose statements fail as the server would."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def run(self, query: str, *args: Any, **kwargs: Any) -> Any:
        raise self.error


class FakeDriver:
    def __init__(self, error: Exception, at: str) -> None:
        self.error, self.at, self.closed = error, at, False

    def verify_connectivity(self) -> None:
        if self.at == "connect":
            raise self.error

    def session(self, **config: Any) -> FakeSession:
        return FakeSession(self.error)

    def close(self) -> None:
        self.closed = True


class Plan:
    def __init__(self) -> None:
        self.error: Exception = RuntimeError("unset")
        self.at = "connect"
        self.made: list[FakeDriver] = []


@pytest.fixture
def plan(monkeypatch: pytest.MonkeyPatch) -> Plan:
    """``neo4j.GraphDatabase.driver`` replaced by one failing as the plan says."""
    p = Plan()

    def driver(uri: str, **config: Any) -> FakeDriver:
        p.made.append(FakeDriver(p.error, p.at))
        return p.made[-1]

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", driver)
    return p


@pytest.mark.parametrize(("at", "error", "setting"), [
    ("connect", instance(neo4j_errors.AuthError, "Neo.ClientError.Security.Unauthorized"),
     "NEO4J_USER 与 NEO4J_PASSWORD"),
    ("query", instance(neo4j_errors.ClientError, "Neo.ClientError.Database.DatabaseNotFound"),
     "NEO4J_DATABASE"),
])
def test_wrong_credentials_or_a_missing_database_fail_the_start_naming_the_setting(
        plan: Plan, at: str, error: Exception, setting: str) -> None:
    plan.error, plan.at = error, at
    with pytest.raises(StoreUnavailable, match=setting):
        Neo4jStore("bolt://db:7687", "neo4j", "wrong", "gongjian")
    assert plan.made[0].closed


def test_a_replayed_input_yields_the_same_chunks_to_a_retried_transaction() -> None:
    read: list[int] = []

    def source() -> Iterator[int]:
        for i in range(5):
            read.append(i)
            yield i

    replay = Replay(source(), 2)
    first = replay.chunks()
    assert next(first) == [0, 1]  # a transient error here: the driver runs the work again
    assert list(replay.chunks()) == [[0, 1], [2, 3], [4]]
    assert read == [0, 1, 2, 3, 4]  # the caller's iterator was read once


@pytest.mark.skipif(not NEO4J_URI, reason=NO_NEO4J)
@pytest.mark.parametrize("any_store", ["neo4j"], indirect=True)
def test_the_data_version_is_one_node_even_when_two_first_writes_race(any_store: Any) -> None:
    """Two first writes at once MERGE the same bookkeeping node, never two copies."""
    store: Neo4jStore = any_store
    nodes, rels = tiny_district()
    store.upsert(nodes, rels)
    before = store.data_version()
    with (store._driver.session(database=store.database) as session,
          pytest.raises(neo4j_errors.ConstraintError)):
        session.run("CREATE (:GongjianMeta {key: 'data_version', token: 'copy'})").consume()
    assert before and store.data_version() == before
