"""Match runs as use cases: start (publish at once), draft, compare, publish, read.

Only the street committee (for its street) and the district administrator (for the
district or any of its streets) start, draft and publish runs; they and researchers read
them. Writes are recorded as the signed-in account (``who.subject_id``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from api.errors import Forbidden, InvalidRequest, NotAllowed, ReadOnly
from api.identity import Identity, can_read, require_read
from api.runs.background import Runner, begin, carry_out, run_match
from api.runs.engine import STATE_LABELS, By, brief, compare, live_run, publish
from api.services._common import get_readable, scoped_page
from api.services.idempotency import IdempotencyKeys
from graph import TAXONOMY, GraphStore, MatchRun, Organization, OrgLevel, Page, Project, Role

__all__ = ["compare_run", "draft_run", "get_run", "list_runs", "publish_run", "run_part",
           "run_proposals", "start_run"]

BULKY = frozenset({"result", "basis"})


def _check_scope(store: GraphStore, who: Identity, scope_id: str) -> None:
    if who.read_only:
        raise ReadOnly("研究人员账号只读，不能发起匹配")
    if who.role not in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE):
        raise Forbidden(f"{who.describe()}不能发起匹配：由街道党工委或区级管理员发起")
    org = store.get(Organization, scope_id)
    require_read(who, org)  # one the caller cannot see answers as a missing id
    if org.level not in (OrgLevel.STREET, OrgLevel.DISTRICT, OrgLevel.CITY):
        raise InvalidRequest(f"{org.name}（{scope_id}）不是街道或区，匹配范围只能是街道或区",
                             field="scope_id")
    inside = scope_id == who.scope_id or (
        who.role == Role.DISTRICT_ADMIN and scope_id in who.street_ids)
    if not inside:
        raise Forbidden(f"{org.name}（{scope_id}）不在{who.describe()}的管辖范围内",
                        field="scope_id")


def _by(who: Identity) -> By:
    return By(who.role, who.subject_id)


def start_run(store: GraphStore, who: Identity, scope_id: str,
              params: dict[str, Any] | None = None, *, keys: IdempotencyKeys | None = None,
              key: str | None = None, now: dt.datetime | None = None,
              runner: Runner | None = None, draft: bool = False) -> MatchRun:
    """A run for ``scope_id``, published when it ends (or kept as a ``draft``: no live
    proposal changes; on unchanged input a published run writes nothing new).

    With a ``runner`` the run is stored as running and carried out in the background: the
    answer is that run, at once (its id, stage and progress). Without one the run is
    computed here and the answer is the finished run. Refused while a run of the scope is
    running.
    """
    _check_scope(store, who, scope_id)

    def work() -> dict[str, Any]:
        if runner is None:
            run, _summary = run_match(store, scope_id, params or {}, by=_by(who), now=now,
                                      draft=draft)
            return brief(run).model_dump(mode="json")
        running = begin(store, scope_id, params or {}, publish_when_done=not draft, now=now)
        runner.submit(running.id, lambda: carry_out(store, running, params or {},
                                                     by=_by(who), now=now))
        return brief(running).model_dump(mode="json")

    what = "draft" if draft else "match"
    return MatchRun.model_validate(_once(who, scope_id, what, params, keys, key, work))


def draft_run(store: GraphStore, who: Identity, scope_id: str,
              params: dict[str, Any] | None = None, *, keys: IdempotencyKeys | None = None,
              key: str | None = None, now: dt.datetime | None = None,
              runner: Runner | None = None) -> MatchRun:
    """Compute a run and keep it as a draft: no live proposal changes."""
    return start_run(store, who, scope_id, params, keys=keys, key=key, now=now,
                     runner=runner, draft=True)


def _once(who: Identity, scope_id: str, what: str, params: dict[str, Any] | None,
          keys: IdempotencyKeys | None, key: str | None, work: Any) -> dict[str, Any]:
    if keys is None:
        return work()  # type: ignore[no-any-return]
    fingerprint = hashlib.sha256(json.dumps([scope_id, params or {}], sort_keys=True,
                                            default=str).encode()).hexdigest()
    return keys.run(who, f"{what}:{scope_id}", key, fingerprint, work)


def publish_run(store: GraphStore, who: Identity, run_id: str, expected_version: int, *,
                now: dt.datetime | None = None) -> MatchRun:
    """Make a draft the scope's live run: its pairs become the live proposals."""
    run = get_readable(store, who, MatchRun, run_id)
    _check_scope(store, who, run.scope_id)
    if run.version != expected_version:
        from api.services._common import check_version

        check_version(brief(run), expected_version)
    if not run.draft:
        raise NotAllowed(f"匹配批次 {run.id} 已经发布")
    return brief(publish(store, run, by=_by(who), now=now))


def _finished(run: MatchRun) -> MatchRun:
    if run.state != "done":
        raise NotAllowed(f"匹配批次 {run.id} {STATE_LABELS[run.state]}"
                         + (f"（{run.stage}）" if run.state == "running" else
                            f"：{run.error}" if run.error else "") + "，还没有结果可比较")
    return run


def compare_run(store: GraphStore, who: Identity, run_id: str) -> dict[str, Any]:
    """A draft (or any run) against its scope's live run."""
    run = _finished(get_run_full(store, who, run_id))
    live = live_run(store, run.scope_id)
    return compare(run, live if live is None or live.id != run.id else None)


def list_runs(store: GraphStore, who: Identity, *, scope_id: str | None = None,
              draft: bool | None = None, page: int = 1, size: int = 20,
              newest_first: bool = False) -> Page[MatchRun]:
    filters: dict[str, Any] = {"scope_id": scope_id} if scope_id else {}
    if draft is not None:
        filters["draft"] = draft
    result = scoped_page(store, who, MatchRun, filters, page, size,
                         order="-created" if newest_first else None)
    return Page([brief(r) for r in result.items], result.total, page, size)


def get_run_full(store: GraphStore, who: Identity, run_id: str) -> MatchRun:
    return get_readable(store, who, MatchRun, run_id)


def get_run(store: GraphStore, who: Identity, run_id: str) -> MatchRun:
    """The run as start returns it (its parts: proposals, unmatched, scarcity)."""
    return brief(get_run_full(store, who, run_id))


def run_proposals(store: GraphStore, who: Identity, run_id: str, *, page: int = 1,
                  size: int = 50) -> Page[Project]:
    """The projects a run proposed, as they stand now (a draft's as they would be).

    Every run's proposals stay listable: the run keeps their ids, and no later run
    rewrites a project just to say it proposed it too.
    """
    run = get_run_full(store, who, run_id)
    pairs = {p["project_id"]: p for p in run.result.get("pairs", [])}
    ids = list(run.proposals) if not run.draft else [
        pid for pid, p in pairs.items() if not p.get("pinned")]
    stored = {} if run.draft else store.get_many(Project, ids)
    items: list[Project] = []
    for pid in ids:
        project = stored.get(pid) or Project.model_validate(
            {**pairs[pid]["project"], "match_run_id": run.id if not run.draft else None})
        if can_read(who, project):
            items.append(project)
    start = (page - 1) * size
    return Page(items[start:start + size], len(items), page, size)


def run_part(store: GraphStore, who: Identity, run_id: str, part: str) -> list[Any]:
    """A part of a run's result: ``unmatched`` (needs left without service, and needs
    served in part, each with its reason and explanation in Chinese), ``pairs`` (with
    names, distance and score parts) or ``scarcity``."""
    run = get_run_full(store, who, run_id)
    if part == "unmatched":
        return [item for key in ("unmatched", "partial") for item in run.result.get(key, [])]
    if part == "scarcity":
        return [{**row, "category_label": TAXONOMY[row["category"]].name}
                if row.get("category") in TAXONOMY else row
                for row in run.result.get(part, [])]
    return list(run.result.get(part, []))
