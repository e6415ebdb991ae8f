"""Match runs in the background, every state: running (queued, with its stage), refused
while one runs, done (draft, published, unchanged input), failed, and interrupted by a
restart -- marked failed on start-up and never half-written."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.errors import NotAllowed, RunInProgress
from api.http import create_app
from api.runs import Runner
from api.runs import service as runs
from api.runs.background import INTERRUPTED, PROGRESS, begin, carry_out
from api.settings import Settings
from graph import (
    AuditEntry,
    EmbeddedStore,
    GraphStore,
    MatchRun,
    Project,
    StoreUnavailable,
    Versioned,
)
from tests.api.world import S1, S2, Api, identity, load_world

T = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)  # inside the world's needs' windows


@pytest.fixture
def store(backend_store: GraphStore) -> GraphStore:
    load_world(backend_store)
    return backend_store


@pytest.fixture
def runner() -> Iterator[Runner]:
    r = Runner()
    yield r
    r.close()


class Gate:
    """A job that holds the runner's one worker until opened: runs behind it queue."""

    def __init__(self, runner: Runner) -> None:
        self.open = threading.Event()
        runner.submit("gate", lambda: self.open.wait(60))


class Recording:
    """The real store, with every write of a run recorded (state, stage, progress) and a
    snapshot that can be made to fail as an unreachable database does."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.seen: list[tuple[str, str, float]] = []
        self.down = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def write(self, writes: Any, *args: Any, **kw: Any) -> Any:
        writes = list(writes)
        self.seen += [(w.node.state, w.node.stage, w.node.progress) for w in writes
                      if isinstance(w.node, MatchRun)]
        return self.store.write(writes, *args, **kw)

    def snapshot(self, *args: Any, **kw: Any) -> Any:
        if self.down:
            raise StoreUnavailable("图数据库暂时无法连接，请稍后重试")
        return self.store.snapshot(*args, **kw)


def proposed(store: GraphStore) -> dict[str, int]:
    return {p.id: p.version for p in store.list(Project, scope=S1, size=500).items}


def test_a_started_run_is_stored_running_at_once_and_queues_behind_the_worker(
        store: GraphStore, runner: Runner) -> None:
    street = identity(store, "street")
    gate = Gate(runner)
    started = runs.start_run(store, street, S1, runner=runner, now=T)
    assert (started.state, started.stage, started.progress) == ("running", "排队等候", 0.0)
    assert started.draft and not started.result and started.publish_when_done
    assert runs.get_run(store, street, started.id).state == "running"
    assert proposed(store) == {}  # nothing of it is live while it runs
    gate.open.set()
    assert runner.wait(started.id, timeout=120)
    done = runs.get_run(store, street, started.id)
    assert (done.state, done.stage, done.progress, done.draft) == ("done", "完成", 1.0, False)
    assert set(proposed(store)) == set(done.proposals) and done.proposals


def test_a_second_run_of_the_scope_is_refused_with_the_running_runs_id(
        store: GraphStore, runner: Runner) -> None:
    street, district = identity(store, "street"), identity(store, "district")
    gate = Gate(runner)
    first = runs.start_run(store, street, S1, runner=runner, now=T)
    with pytest.raises(RunInProgress, match=first.id) as refused:
        runs.start_run(store, district, S1, runner=runner, draft=True, now=T)
    assert refused.value.running["id"] == first.id
    with pytest.raises(RunInProgress, match=first.id):
        runs.start_run(store, street, S1, now=T)  # nor one computed here, as the CLI does
    other = runs.start_run(store, district, S2, runner=runner, now=T)  # another scope may run
    with pytest.raises(NotAllowed, match="仍在运行"):
        runs.compare_run(store, street, first.id)
    with pytest.raises(NotAllowed, match="仍在运行"):
        runs.publish_run(store, street, first.id, first.version)
    gate.open.set()
    assert runner.wait(first.id, timeout=120) and runner.wait(other.id, timeout=120)
    assert runs.start_run(store, street, S1, {"weights": {"text": 0.9}}, runner=runner, now=T)


def test_a_run_reports_each_stage_and_is_written_whole_in_its_last_write(
        store: GraphStore, runner: Runner) -> None:
    seen = Recording(store)
    running = begin(seen, S1, {}, publish_when_done=False, now=T)  # type: ignore[arg-type]
    done = carry_out(seen, running, {}, now=T)  # type: ignore[arg-type]
    stages = [stage for _state, stage, _p in seen.seen]
    assert stages == ["排队等候", "读取范围数据", "计算候选", "评分", "求解最优配对", "生成解释",
                      "计算稀缺度", "校验结果", "保存草稿", "完成"]
    assert [p for *_x, p in seen.seen[:-1]] == sorted(PROGRESS[s] for s in stages[:-1])
    assert [state for state, *_x in seen.seen] == ["running"] * 9 + ["done"]
    assert done.state == "done" and done.draft and done.result["pairs"]
    assert proposed(store) == {}  # a draft: no live proposal
    lines = store.list(AuditEntry, filters={"target_id": done.id}).items
    assert [a.action for a in lines] == ["match_draft"]


def test_a_published_background_run_on_unchanged_input_points_at_the_live_run(
        store: GraphStore, runner: Runner) -> None:
    street = identity(store, "street")
    live = runs.start_run(store, street, S1, now=T)
    before = proposed(store)
    again = runs.start_run(store, street, S1, runner=runner, now=T)
    assert runner.wait(again.id, timeout=120)
    same = runs.get_run(store, street, again.id)
    assert same.state == "done" and same.same_as == live.id and same.summary["unchanged_input"]
    assert same.draft and not same.proposals and proposed(store) == before
    with pytest.raises(NotAllowed, match="无需发布"):
        runs.publish_run(store, street, same.id, same.version)


def test_a_run_whose_store_fails_ends_failed_with_a_chinese_message_and_no_result(
        store: GraphStore) -> None:
    seen = Recording(store)
    running = begin(seen, S1, {}, publish_when_done=True, now=T)  # type: ignore[arg-type]
    seen.down = True
    failed = carry_out(seen, running, {}, now=T)  # type: ignore[arg-type]
    assert failed.state == "failed" and "无法连接" in (failed.error or "")
    assert not failed.result and not failed.proposals and proposed(store) == {}
    assert [a.action for a in store.list(AuditEntry, filters={"target_id": failed.id}).items
            ] == ["match_failed"]
    street = identity(store, "street")
    assert runs.start_run(store, street, S1, now=T).state == "done"  # the scope is free again


def test_a_restart_in_the_middle_marks_the_run_failed_and_a_late_worker_cannot_write_it(
        tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, neo4j_uri=None)
    store = EmbeddedStore(settings.store_path)
    load_world(store)
    running = begin(store, S1, {}, publish_when_done=True, now=T)
    # the process stops here: the run stays stored as running with no worker
    step = running.model_copy(update={"stage": "求解最优配对", "progress": 0.48})
    store.write([Versioned(step, running.version)])
    store.close()
    app = create_app(settings, secret=secrets.token_urlsafe(48))  # the restart
    restarted = app.state.ctx.store
    failed = restarted.get(MatchRun, running.id)
    assert (failed.state, failed.error, failed.stage) == ("failed", INTERRUPTED, "求解最优配对")
    assert not failed.result and not failed.proposals
    late = carry_out(restarted, running, {}, now=T)  # the old worker, had it gone on
    assert late.state == "failed" and late.error == INTERRUPTED
    assert proposed(restarted) == {}  # never half-written
    app.state.ctx.runs.close()
    restarted.close()



def test_starting_a_run_over_http_answers_202_and_a_second_start_409_with_its_id(
        api: Api) -> None:
    gate = Gate(api.app.state.ctx.runs)
    headers = api.headers("street")
    first = api.client.post("/api/match-runs", json={"scope_id": S1}, headers=headers)
    assert first.status_code == 202 and first.json()["state"] == "running"
    got = api.client.get(f"/api/match-runs/{first.json()['id']}", headers=headers).json()
    assert (got["state"], got["stage"], got["progress"]) == ("running", "排队等候", 0.0)
    second = api.client.post("/api/match-runs", json={"scope_id": S1, "draft": True},
                             headers=api.headers("district"))
    assert second.status_code == 409
    error = second.json()["error"]
    assert error["code"] == "run_in_progress" and error["current"]["id"] == got["id"]
    assert got["id"] in error["message"]
    gate.open.set()
    done = api.finish("street", first)
    assert done["state"] == "done" and not done["draft"] and done["published"]


def test_every_stage_of_the_matcher_has_a_chinese_label_and_a_progress() -> None:
    from api.runs.engine import STAGE_LABELS
    from matching.matcher import STAGES

    assert list(STAGE_LABELS) == list(STAGES)
    progress = [PROGRESS[STAGE_LABELS[s]] for s in STAGES]
    assert progress == sorted(progress) and progress[0] > 0 and progress[-1] < 1
