"""Match runs in the background: stored at once, one per scope, written whole at the end.

::

    begin        store the run as ``running`` (a draft with no result) and answer its id;
                 refused (:class:`~api.errors.RunInProgress`) while the scope has one
    carry_out    compute it, writing its stage as it goes, then write it whole in one
                 versioned write: ``done`` (a draft, published, or ``same_as`` the live run
                 when the input did not change) or ``failed`` with a Chinese message
    fail_interrupted   at start-up: every run still ``running`` has no worker any more
                 (the process that ran it stopped), so it is marked ``failed``
    Runner       the worker thread(s) of one process

A run is never half-written: until its last write it holds no result and no proposal, and
that write replaces it at the version its stage writes left, so a run marked failed by a
restart meanwhile cannot be overwritten by a late worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any

from api.errors import ApiError, RunInProgress
from api.runs.engine import (
    By,
    RunSummary,
    Say,
    brief,
    compute,
    new_run_id,
    publish,
    run_line,
    save_draft,
)
from api.runs.problem import params_dict, run_params
from graph import (
    GraphError,
    GraphStore,
    MatchRun,
    Organization,
    OrgLevel,
    VersionConflict,
    Versioned,
)
from matching import MatchingError

__all__ = ["PROGRESS", "Runner", "begin", "carry_out", "fail_interrupted", "refuse_if_running",
           "run_match"]

LOG = logging.getLogger("gongjian.runs")

# the stages a run reports, and how far along each one starts
# (the matcher's stages by their share of a city-size run: 100,000 needs, 22 s in all)
PROGRESS = {"排队等候": 0.0, "读取范围数据": 0.05, "计算候选": 0.15, "评分": 0.25,
            "求解最优配对": 0.48, "生成解释": 0.71, "计算稀缺度": 0.78, "校验结果": 0.79,
            "保存提议": 0.9, "保存草稿": 0.9}
INTERRUPTED = "服务重启时该批次仍在运行，已中断，结果未写入；请重新发起匹配"

SYSTEM = By()
_GUARD = threading.Lock()  # one check-and-store at a time in this process


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC).replace(microsecond=0)


def running_run(store: GraphStore, scope_id: str) -> MatchRun | None:
    """The scope's run still running (the first started, if a race left two)."""
    found = store.list(MatchRun, filters={"scope_id": scope_id, "state": "running"}, size=1)
    return found.items[0] if found.items else None


def _refusal(run: MatchRun) -> RunInProgress:
    return RunInProgress(
        f"范围 {run.scope_id} 的匹配批次 {run.id} 正在运行（{run.stage or '排队等候'}），"
        "请等它结束后再发起", running=brief(run).model_dump(mode="json"))


def refuse_if_running(store: GraphStore, scope_id: str) -> None:
    run = running_run(store, scope_id)
    if run is not None:
        raise _refusal(run)


def begin(store: GraphStore, scope_id: str, params: dict[str, Any] | None = None, *,
          publish_when_done: bool, now: dt.datetime | None = None) -> MatchRun:
    """Store a run of ``scope_id`` as running and return it (its id is the answer)."""
    run_p = run_params(params)  # a bad weight is refused before anything is stored
    now = _now(now)
    scope = store.get(Organization, scope_id)
    run = MatchRun(
        id=new_run_id(now, secrets.token_hex(3)), scope_id=scope_id,
        street_id=scope_id if scope.level == OrgLevel.STREET else None, created=now,
        params=params_dict(run_p), input_hash="", status="running", objective=0.0,
        draft=True, state="running", stage="排队等候", progress=0.0,
        publish_when_done=publish_when_done)
    with _GUARD:
        refuse_if_running(store, scope_id)
        store.write([Versioned(run, None)])
    first = running_run(store, scope_id)  # another process may have stored one meanwhile
    stored = store.get(MatchRun, run.id)
    if first is not None and first.id != run.id:
        _fail(store, stored, f"同一范围的匹配批次 {first.id} 已在运行，本批次未执行")
        raise _refusal(first)
    return stored


def _fail(store: GraphStore, run: MatchRun, message: str, *, by: By = SYSTEM,
          now: dt.datetime | None = None) -> MatchRun:
    """Mark a running run failed (nothing else of it is written); a run already marked
    (by a restart's clean-up) is left as it is."""
    failed = run.model_copy(update={"state": "failed", "error": message[:2000],
                                    "status": "failed"})
    try:
        store.write([Versioned(failed, run.version)],
                    also=[run_line(failed, "match_failed", f"匹配范围 {run.scope_id}：{message}",
                                   by, _now(now))])
    except VersionConflict:
        LOG.warning("匹配批次 %s 已被标记，未再改写", run.id)
    return store.get(MatchRun, run.id)


def _message(exc: Exception) -> str:
    if isinstance(exc, ApiError | GraphError):
        return exc.message
    if isinstance(exc, MatchingError):
        return str(exc)
    LOG.exception("匹配批次运行出错")
    return f"运行出错（{type(exc).__name__}），已记录；请重新发起，或联系管理员"


def run_match(store: GraphStore, scope_id: str, params: dict[str, Any] | None = None, *,
              by: By = SYSTEM, now: dt.datetime | None = None, progress: Say | None = None,
              draft: bool = False, running: MatchRun | None = None
              ) -> tuple[MatchRun, RunSummary]:
    """Compute a run for ``scope_id`` and publish it (or keep it as a ``draft``).

    When the scope's live run had the very same input, nothing new is written and that run
    is returned. ``running``: the run :func:`begin` stored; without it (the CLI, which
    waits) nothing is stored until the end, and a run of the scope still running in the
    background refuses this one.
    """
    say = progress or (lambda _stage: None)
    if running is None:
        refuse_if_running(store, scope_id)
    run, _snap = compute(store, scope_id, params, now=now, say=say,
                         run_id=running.id if running else None)

    def whole(run: MatchRun) -> MatchRun:
        """The run to write in place of the stored one, at the version it has now."""
        if running is None:
            return run
        current = store.get(MatchRun, running.id)
        return run.model_copy(update={"version": current.version, "created": running.created,
                                      "stage": "完成", "publish_when_done": not draft})

    if draft:
        say("保存草稿")
        saved = save_draft(store, whole(run), by=by, now=now)
        return saved, RunSummary(**saved.summary)
    live = store.get(MatchRun, run.based_on) if run.based_on else None
    if live is not None and live.input_hash == run.input_hash:
        summary = RunSummary(**{**live.summary, "unchanged_input": True, "written": 0,
                                "skipped": 0})
        if running is not None:
            same = whole(run).model_copy(update={
                "result": {}, "basis": {}, "proposals": [], "supersedes": [],
                "summary": {**live.summary, "unchanged_input": True, "run_id": run.id},
                "same_as": live.id})
            store.write([Versioned(same, same.version)])
        return live, summary
    say("保存提议")
    published = publish(store, whole(run), by=by, now=now)
    return published, RunSummary(**published.summary)


def carry_out(store: GraphStore, running: MatchRun, params: dict[str, Any] | None, *,
              by: By = SYSTEM, now: dt.datetime | None = None) -> MatchRun:
    """Compute a run :func:`begin` stored, recording its stage, and write it whole (done)
    or mark it failed. Never raises: the stored run says how it ended."""
    current = running

    def say(stage: str) -> None:
        nonlocal current
        step = current.model_copy(update={
            "stage": stage, "progress": PROGRESS.get(stage, current.progress)})
        written = store.write([Versioned(step, current.version)])
        current = step.model_copy(update={"version": written.versions[step.id]})

    try:
        run_match(store, running.scope_id, params, by=by, now=now, progress=say,
                  draft=not running.publish_when_done, running=running)
    except Exception as e:  # every failure ends as a failed run
        return _fail(store, current, _message(e), by=by, now=now)
    return store.get(MatchRun, running.id)


def fail_interrupted(store: GraphStore) -> list[str]:
    """Mark failed every run stored as running: called at start-up, before this process
    runs any, so none of them has a worker. Returns their ids."""
    stale: list[MatchRun] = []
    page = 1
    while True:
        found = store.list(MatchRun, filters={"state": "running"}, page=page, size=200)
        stale.extend(found.items)
        if page * 200 >= found.total:
            break
        page += 1
    for run in stale:
        _fail(store, run, INTERRUPTED)
    if stale:
        LOG.warning("启动时将 %d 个中断的匹配批次标记为失败", len(stale))
    return [r.id for r in stale]


class Runner:
    """The worker thread(s) that carry out this process's background runs, in order."""

    def __init__(self, workers: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gongjian-run")
        self._jobs: dict[str, Future[object]] = {}
        self._lock = threading.Lock()

    def submit(self, run_id: str, job: Callable[[], object]) -> None:
        with self._lock:
            self._jobs = {k: f for k, f in self._jobs.items() if not f.done()}
            self._jobs[run_id] = self._pool.submit(job)

    def wait(self, run_id: str, timeout: float | None = None) -> bool:
        """Wait until the run ``run_id`` ended here; False when it is still running."""
        with self._lock:
            job = self._jobs.get(run_id)
        if job is None:
            return True
        done, _ = wait_for([job], timeout=timeout)
        return bool(done)

    def close(self) -> None:
        """Let the runs under way end (they write their result), start no more."""
        self._pool.shutdown(wait=True, cancel_futures=True)
