"""A match run started through the API writes an audit line, and two runs of one street in
the same second get two ids (a run on unchanged input writes nothing, not even a line)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from api.runs.engine import compute, publish, save_draft
from api.runs.service import start_run
from graph import (
    AuditEntry,
    EmbeddedStore,
    GraphStore,
    MatchRun,
    Node,
    Relationship,
    UpsertReport,
    Versioned,
    WriteResult,
)
from tests.api.world import S1, identity, load_world

T = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def test_two_runs_in_one_second_get_two_ids_and_each_an_audit_line(
        world: GraphStore) -> None:
    who = identity(world, "street")
    now = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    first = start_run(world, who, S1, now=now)
    second = start_run(world, who, S1, {"weights": {"text": 0.9}}, now=now)
    assert first.id != second.id
    assert start_run(world, who, S1, {"weights": {"text": 0.9}}, now=now).id == second.id
    assert world.list(MatchRun).total == 2
    lines = world.list(AuditEntry, filters={"action": "match_run"}).items
    assert sorted(a.target_id for a in lines) == sorted([first.id, second.id])
    assert all(a.by_id == "street" and a.target_kind == "MatchRun" for a in lines)


class Recording(EmbeddedStore):
    """The embedded store, noting each write and upsert: (method, kinds written)."""

    calls: list[tuple[str, list[str]]]

    def write(self, writes: Iterable[Versioned], also: Iterable[Node] = (),
              relationships: Iterable[Relationship] = ()) -> WriteResult:
        checked, extra = list(writes), list(also)
        self.calls.append(("write", [w.node.KIND for w in checked]
                           + [f"{n.KIND}:{getattr(n, 'action', '')}" for n in extra]))
        return super().write(checked, extra, relationships)

    def upsert(self, nodes: Iterable[Node], relationships: Iterable[Relationship] = ()
               ) -> UpsertReport:
        listed = list(nodes)
        self.calls.append(("upsert", [n.KIND for n in listed]))
        return super().upsert(listed, relationships)


def test_a_published_run_and_its_audit_line_are_one_write(tmp_path: Path) -> None:
    store = Recording(tmp_path / "graph.db")
    store.calls = []
    load_world(store)
    run, _ = compute(store, S1, now=T)
    draft = save_draft(store, run, now=T)
    store.calls = []
    publish(store, draft, now=T)
    (call,) = store.calls  # no second write for the line, before or after
    assert call[0] == "write" and "MatchRun" in call[1] and "AuditEntry:match_run" in call[1]
    store.close()
