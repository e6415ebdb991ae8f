"""A match run from snapshot to live proposals: compute (a draft), compare, publish.

:func:`compute` reads the scope's snapshot, solves (:func:`matching.match`, which
validates its result with :func:`matching.check_result` before it returns it, and tells
each of its stages as it begins) and keeps it as a :class:`~graph.MatchRun` with each
pair's project id and explanation, and the version of every project it read (``basis``). As a
draft it touches no live proposal. :func:`publish` makes its pairs live in one versioned
write (:meth:`graph.GraphStore.write`): a new pair becomes a proposed project, a repeated
one is left as it is when nothing changed (same id, same version), a superseded one comes
back as proposed (audited), and the live proposals it does not repeat are superseded. A
project changed since the run read it -- a unit claimed it meanwhile -- is not written:
the run lists it in ``skipped``. :func:`api.runs.background.run_match` does both (in the
background or not), and does nothing at all when the scope's live run already had the same
input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from api.embeddings import text_model, text_model_name
from api.errors import NotAllowed
from api.runs.explain import REASON_LABELS, expired_items, pair_views, unmatched_views
from api.runs.problem import (
    DECLINED_STATES,
    build_problem,
    expired_needs,
    input_hash,
    open_needs,
    params_dict,
    run_params,
)
from graph import (
    PROJECT,
    AuditEntry,
    GraphStore,
    MatchRun,
    Node,
    Organization,
    OrgLevel,
    Project,
    Role,
    Snapshot,
    VersionConflict,
    Versioned,
)
from matching import MatchResult, Problem, match

Say = Callable[[str], None]

STATE_LABELS = {"running": "仍在运行", "done": "已完成", "failed": "运行失败"}
# what a run reports as each stage of the matcher begins (matching.matcher.STAGES)
STAGE_LABELS = {"candidates": "计算候选", "scores": "评分", "solve": "求解最优配对",
                "explain": "生成解释", "scarcity": "计算稀缺度", "validate": "校验结果"}

# what a run reads of its scope (organizations always come with a snapshot)
MATCH_KINDS = ("ResidentUnit", "Need", "Resource", "Project", "Evaluation")


@dataclass
class RunSummary:
    """What a person wants to see after a run. ``served + partly_served + unmatched``
    adds up to ``open_needs``, the scope's open needs."""

    run_id: str
    scope_id: str
    open_needs: int
    needs: int
    resources: int
    candidates: int
    served: int
    partly_served: int
    unmatched: dict[str, int] = field(default_factory=dict)
    proposed: int = 0
    pinned: int = 0
    objective: float = 0.0
    status: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    written: int = 0
    skipped: int = 0
    unchanged_input: bool = False
    weak_communities: list[str] = field(default_factory=list)
    reused_pairs: int = 0  # candidate pairs whose optimum came from the live run


@dataclass(frozen=True)
class By:
    """Who a run's writes are recorded as (an account, or the system)."""

    role: Role = Role.SYSTEM
    id: str = "gongjian"


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC).replace(microsecond=0)


def brief(run: MatchRun) -> MatchRun:
    """A run without its bulky parts: what start, get and list all return."""
    return run.model_copy(update={"result": {}, "basis": {}})


def live_run(store: GraphStore, scope_id: str) -> MatchRun | None:
    """The scope's live run: its latest published one (run ids sort by time)."""
    filters = {"scope_id": scope_id, "draft": False}
    total = store.list(MatchRun, filters=filters, size=1).total
    if total == 0:
        return None
    return store.list(MatchRun, filters=filters, page=total, size=1).items[0]


def new_run_id(now: dt.datetime, tail: str) -> str:
    """A run id unique even for two runs of one scope in the same second, in the order
    they were made: the live run of a scope is its published run with the last id."""
    return f"MR-{now:%Y%m%d%H%M%S}-{time.time_ns():x}-{secrets.token_hex(1)}{tail[:5]}"


def compute(store: GraphStore, scope_id: str, params: dict[str, Any] | None = None, *,
            now: dt.datetime | None = None, say: Say | None = None,
            run_id: str | None = None) -> tuple[MatchRun, Snapshot]:
    """Solve the scope's problem; the run as a draft (not stored) and the snapshot read.

    ``run_id``: the id of the run already stored as running (a background run)."""
    say = say or (lambda _stage: None)
    now = _now(now)
    run_p = run_params(params)  # before anything is read: a bad weight costs nothing
    say("读取范围数据")
    scope = store.get(Organization, scope_id)
    live = live_run(store, scope_id)
    snap = store.snapshot(scope_id, kinds=MATCH_KINDS)  # not earlier runs' results
    expired = expired_needs(snap, now.date())
    problem = build_problem(snap, today=now.date())
    # the live run's optimum is reused for the components the change since did not touch,
    # and its pair work (kept in this process) for the pairs it did not touch
    result = match(problem, run_p, text_similarity=text_model(),
                   previous=live.result.get("warm") if live else None,
                   on_stage=lambda stage: say(STAGE_LABELS[stage]))
    digest = input_hash(problem, run_p, expired, text_model_name())
    run_id = run_id or new_run_id(now, digest)
    views = pair_views(snap, problem, result, run_id)
    stored = result.to_dict()
    stored["pairs"] = views
    stored["unmatched"] = unmatched_views(
        snap, [*expired_items(expired), *stored["unmatched"]])
    stored["partial"] = unmatched_views(snap, stored["partial"])
    summary = summarize(run_id, scope_id, snap, problem, result, len(expired))
    pair_ids = {v["project_id"] for v in views}
    in_scope = {p.id: p for p in snap.projects}
    supersedes = sorted(p.id for p in in_scope.values()
                        if p.status == "proposed" and p.id not in pair_ids)
    basis = {pid: in_scope[pid].version for pid in [*sorted(pair_ids), *supersedes]
             if pid in in_scope}
    run = MatchRun(
        id=run_id, scope_id=scope_id,
        street_id=scope_id if scope.level == OrgLevel.STREET else None,
        created=now, params=params_dict(run_p), input_hash=digest, status=result.status,
        objective=result.objective, summary=asdict(summary), result=stored, draft=True,
        based_on=live.id if live else None,
        proposals=[v["project_id"] for v in views if not v["pinned"]],
        basis=basis, supersedes=supersedes)
    return run, snap


def summarize(run_id: str, scope_id: str, snap: Snapshot, problem: Problem,
              result: MatchResult, expired: int) -> RunSummary:
    served_qty: dict[str, int] = defaultdict(int)
    for pair in result.pairs:
        served_qty[pair.need_id] += pair.quantity
    quantity = {n.id: n.quantity for n in problem.needs}
    served = sum(1 for k, q in served_qty.items() if q >= quantity[k])
    partly = sum(1 for k, q in served_qty.items() if 0 < q < quantity[k])
    unmatched: dict[str, int] = defaultdict(int)
    for u in result.unmatched:
        unmatched[u.reason] += 1
    if expired:
        unmatched["need_window_passed"] = expired
    return RunSummary(
        run_id=run_id, scope_id=scope_id, open_needs=len(open_needs(snap)),
        needs=len(problem.needs), resources=len(problem.resources),
        candidates=result.n_candidates, served=served, partly_served=partly,
        unmatched=dict(sorted(unmatched.items())),
        proposed=sum(1 for p in result.pairs if not p.pinned), pinned=len(problem.pinned),
        objective=result.objective, status=result.status, seconds=dict(result.timings),
        reused_pairs=result.reused_pairs,
        weak_communities=sorted(o.id for o in snap.organizations
                                if o.level == OrgLevel.COMMUNITY and o.weak))


def run_line(run: MatchRun, action: str, note: str, by: By, at: dt.datetime
              ) -> AuditEntry:
    """The audit line of a run stored (``match_draft``) or made live (``match_run``)."""
    return AuditEntry(
        id=f"AU-{run.id}-{action}"[:64], target_kind="MatchRun", target_id=run.id,
        action=action, from_state=None, to_state=run.status, by_role=by.role,
        by_id=by.id[:64], at=at, note=note[:2000], street_id=run.street_id)


def save_draft(store: GraphStore, run: MatchRun, *, by: By = By(),
               now: dt.datetime | None = None) -> MatchRun:
    """Store a computed run as a draft; live proposals are not touched. A run stored as
    running (version > 0) is replaced at the version it has."""
    draft = run.model_copy(update={"draft": True, "published": None})
    line = run_line(draft, "match_draft",
                     f"匹配范围 {run.scope_id}：草稿，{len(run.proposals)} 对", by, _now(now))
    store.write([Versioned(draft, run.version if run.version > 0 else None)], also=[line])
    return store.get(MatchRun, draft.id)


def publish(store: GraphStore, run: MatchRun, *, by: By = By(),
            now: dt.datetime | None = None) -> MatchRun:
    """Make a run's pairs the scope's live proposals, in one versioned write.

    ``run`` is a stored draft (at its stored version) or one just computed (version 0,
    not stored). Refused when another run went live after this one was computed.
    """
    now = _now(now)
    if not run.draft:
        raise NotAllowed(f"匹配批次 {run.id} 已于 {run.published} 发布，不能再次发布")
    if run.state != "done" or run.same_as:
        raise NotAllowed(f"匹配批次 {run.id} {STATE_LABELS[run.state]}，没有可发布的结果"
                         if not run.same_as else
                         f"匹配批次 {run.id} 的输入与现行批次 {run.same_as} 相同，无需发布")
    live = live_run(store, run.scope_id)
    if (live.id if live else None) != run.based_on:
        raise NotAllowed(
            f"匹配批次 {run.id} 计算之后，批次 {live.id if live else '（无）'} 已经发布；"
            "请重新计算后再发布")
    stored = run.version > 0
    pairs = [p for p in run.result.get("pairs", []) if not p.get("pinned")]
    wanted = [p["project_id"] for p in pairs] + list(run.supersedes)
    current = store.get_many(Project, wanted)
    skipped: list[dict[str, Any]] = []
    writes: dict[str, Versioned] = {}
    lines: dict[str, AuditEntry] = {}

    def line(p: Project, action: str, target: str, note: str) -> AuditEntry:
        return AuditEntry(
            id=f"AU-{run.id}-{hashlib.sha256(p.id.encode()).hexdigest()[:16]}",
            target_kind="Project", target_id=p.id,
            action=action, from_state=p.status, to_state=target, by_role=by.role,
            by_id=by.id[:64], at=now, note=note, street_id=p.street_id,
            community_id=p.community_id, unit_id=p.unit_id)

    def skip(pid: str, why: str, status: str | None) -> None:
        skipped.append({"project_id": pid, "status": status, "reason": why})

    for pair in pairs:
        pid = pair["project_id"]
        seen, cur = run.basis.get(pid), current.get(pid)
        if (cur.version if cur else None) != seen:
            skip(pid, "changed", cur.status if cur else None)
            continue
        fresh = Project.model_validate({**pair["project"], "match_run_id": run.id})
        if cur is None:
            writes[pid] = Versioned(fresh, None)
        elif cur.status == "proposed":
            same = fresh.model_copy(update={"match_run_id": cur.match_run_id,
                                            "version": cur.version})
            if same.content() != cur.content():  # unchanged proposals are left alone
                writes[pid] = Versioned(fresh, cur.version)
        elif cur.status == "superseded":
            target = PROJECT.apply(cur.status, "repropose", Role.SYSTEM)
            writes[pid] = Versioned(fresh.model_copy(update={"status": target}), cur.version)
            lines[pid] = line(cur, "repropose", target, f"匹配批次 {run.id} 重新提议")
        else:  # declined, rejected, cancelled or under way: never rewritten by a run
            skip(pid, "declined" if cur.status in DECLINED_STATES else "not_proposed",
                 cur.status)
    for pid in run.supersedes:
        cur = current.get(pid)
        if cur is None or cur.version != run.basis.get(pid):
            skip(pid, "changed", cur.status if cur else None)
        elif cur.status == "proposed":
            target = PROJECT.apply(cur.status, "supersede", Role.SYSTEM)
            writes[pid] = Versioned(cur.model_copy(update={"status": target}), cur.version)
            lines[pid] = line(cur, "supersede", target, f"匹配批次 {run.id} 未再提议")

    while True:
        left_out = {s["project_id"] for s in skipped}
        done = run.model_copy(update={
            "draft": False, "published": now, "skipped": skipped,
            "proposals": [p for p in run.proposals if p not in left_out],
            "summary": {**run.summary, "written": len(writes), "skipped": len(skipped)}})
        batch = [Versioned(done, run.version if stored else None), *writes.values()]
        also: list[Node] = [*lines.values(), run_line(
            done, "match_run", f"匹配范围 {run.scope_id}：提议 {len(done.proposals)} 对，"
            f"写入 {len(writes)} 个项目，跳过 {len(skipped)} 个", by, now)]
        try:
            store.write(batch, also=also)
            return store.get(MatchRun, run.id)
        except VersionConflict as e:
            # a project changed while the run computed (a unit claimed it): leave it out
            stale = {c["id"] for c in e.details.get("conflicts", [])} & set(writes)
            if not stale:
                raise
            for pid in sorted(stale):
                del writes[pid]
                lines.pop(pid, None)
                skip(pid, "changed", None)


def compare(draft: MatchRun, live: MatchRun | None) -> dict[str, Any]:
    """What changes if ``draft`` goes live instead of ``live``: pairs added and dropped,
    objective, quantity served per community, weak communities, unmatched by reason."""
    def pairs(run: MatchRun | None) -> dict[str, dict[str, Any]]:
        return {p["project_id"]: p for p in (run.result.get("pairs", []) if run else [])}

    def served(run: MatchRun | None) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for p in pairs(run).values():
            out[p["community_id"]] += p["quantity"]
        return out

    def brief(p: dict[str, Any]) -> dict[str, Any]:
        return {k: p.get(k) for k in ("project_id", "need_id", "need_title", "resource_id",
                                      "resource_title", "community_name", "unit_name",
                                      "quantity", "score")}

    new, old = pairs(draft), pairs(live)
    new_served, old_served = served(draft), served(live)
    names = {p["community_id"]: p["community_name"] for p in [*new.values(), *old.values()]}
    communities = [{"community_id": c, "community_name": names.get(c, c),
                    "live": old_served.get(c, 0), "draft": new_served.get(c, 0),
                    "change": new_served.get(c, 0) - old_served.get(c, 0)}
                   for c in sorted(set(new_served) | set(old_served))]
    weak_ids = set(draft.summary.get("weak_communities", [])) | set(
        (live.summary if live else {}).get("weak_communities", []))

    def reasons(run: MatchRun | None) -> dict[str, int]:
        return dict(run.summary.get("unmatched", {}) if run else {})

    by_reason = sorted(set(reasons(draft)) | set(reasons(live)))
    return {
        "draft_id": draft.id, "live_id": live.id if live else None,
        "added": [brief(new[k]) for k in sorted(set(new) - set(old))],
        "dropped": [brief(old[k]) for k in sorted(set(old) - set(new))],
        "kept": len(set(new) & set(old)),
        "objective": {"live": live.objective if live else None, "draft": draft.objective},
        "served_by_community": communities,
        "weak_communities": [c for c in communities if c["community_id"] in weak_ids],
        "unmatched_by_reason": [
            {"reason": r, "label": REASON_LABELS.get(r, r),
             "live": reasons(live).get(r, 0), "draft": reasons(draft).get(r, 0)}
            for r in by_reason],
    }
