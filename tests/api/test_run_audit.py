"""A match run started through the API writes an audit line, and two runs of one street in
the same second get two ids (a run on unchanged input writes nothing, not even a line)."""

from __future__ import annotations

import datetime as dt

from api.runs.service import start_run
from graph import AuditEntry, GraphStore, MatchRun
from tests.api.world import S1, identity


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
