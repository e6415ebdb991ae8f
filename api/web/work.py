"""Match runs, projects (with the actions the lifecycle allows now), agreements (draft,
sign, activate, print), service records and evaluations, as pages over the services."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from api.errors import InvalidRequest
from api.http.files import DOCX, PDF, agreement_download
from api.identity import Identity, can_read
from api.runs import FEATURE_NAMES
from api.runs import service as run_svc
from api.services import agreements as agreement_svc
from api.services import audit as audit_svc
from api.services import evaluations as evaluation_svc
from api.services import projects as project_svc
from api.services import records as record_svc
from api.services.browse import Query, browse, run_list
from api.web.deps import CtxDep, FormDep, SessionDep, web_router
from api.web.pages import MAX_TEXT, _names, _version
from api.web.render import page, pager, redirect
from graph import (
    AGREEMENT,
    PROJECT,
    ROLE_NAMES,
    TAXONOMY,
    AuditEntry,
    GraphStore,
    Need,
    Node,
    NotFound,
    Organization,
    Page,
    Project,
    Resource,
    Role,
)

router = web_router()

NOTE_HINTS = {"decline": "请写明谢绝原因（必填）", "reject": "请写明不通过的原因",
              "return": "请写明需要修改什么", "cancel": "请写明取消原因"}
NEEDS_NOTE = frozenset({"decline", "reject", "return", "cancel"})


def _page_no(request: Request) -> int:
    try:
        return max(1, min(int(request.query_params.get("page") or 1), 100_000))
    except ValueError:
        return 1


def distance_km(a: Any, b: Any) -> float | None:
    """Straight-line distance between two located things, in km (None without places)."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * \
        math.sin((lo2 - lo1) / 2) ** 2
    return round(2 * 6371.0 * math.asin(math.sqrt(h)), 2)


# -- match runs ----------------------------------------------------------------------------


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    who = session.identity
    p = _page_no(request)
    runs = run_list(ctx.store, who, p, 20)
    streets = ctx.store.get_many(Organization, sorted(who.street_ids))
    return page(request, "runs.html", session, title="匹配批次", runs=runs,
                pager=pager(request, runs.total, p, 20),
                streets=sorted(streets.values(), key=lambda o: o.id),
                names=_names(ctx.store, {r["scope_id"] for r in runs.items}))


@router.post("/runs")
async def start_run(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                    ) -> Response:
    who = session.identity
    scope = str(form.get("scope_id") or who.scope_id)[:64]
    data = run_svc.draft_run(ctx.store, who, scope, {}, runner=ctx.runs)
    return redirect(f"/runs/{data.id}?tab=compare", secret=ctx.secret,
                    message="已开始匹配（完成后存为草稿，尚未发布）：本页显示进度，"
                            "完成后请对比现行批次再发布")


@router.post("/runs/{run_id}/publish")
async def publish_run(request: Request, run_id: str, session: SessionDep, form: FormDep,
                      ctx: CtxDep) -> Response:
    run = run_svc.publish_run(ctx.store, session.identity, run_id, _version(form))
    return redirect(f"/runs/{run.id}", secret=ctx.secret,
                    message="已发布：本批次的配对成为现行提议，相关单位和社区可以认领、确认")


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, run_id: str, session: SessionDep, ctx: CtxDep) -> Response:
    who = session.identity
    run = run_svc.get_run_full(ctx.store, who, run_id)
    tab = request.query_params.get("tab", "proposals")
    p = _page_no(request)
    proposals = run_svc.run_proposals(ctx.store, who, run_id, page=p, size=20)
    unmatched = run_svc.run_part(ctx.store, who, run_id, "unmatched")
    scarcity = run_svc.run_part(ctx.store, who, run_id, "scarcity")
    need_ids = [x.need_id for x in proposals.items] + [u.get("need_id", "") for u in unmatched]
    needs = ctx.store.get_many(Need, [i for i in need_ids if i])
    resources = ctx.store.get_many(Resource, [x.resource_id for x in proposals.items])
    shown = {x.need_id for x in proposals.items}
    alternatives = {x["need_id"]: [x["alternative"]["resource_id"], x["alternative"]["score"]]
                    for x in run.result.get("pairs", [])
                    if x["need_id"] in shown and x.get("alternative")}
    resources.update(ctx.store.get_many(Resource, [a[0] for a in alternatives.values()]))
    names = _names(ctx.store, {n.community_id for n in needs.values()}
                   | {r.unit_id for r in resources.values()} | {run.scope_id})
    distances = {x.id: distance_km(needs[x.need_id], resources[x.resource_id])
                 for x in proposals.items if x.need_id in needs and x.resource_id in resources}
    comparison = run_svc.compare_run(ctx.store, who, run_id) if (
        tab == "compare" and run.state == "done") else None
    return page(request, "run.html", session, title=f"匹配批次 {run.id}", run=run, tab=tab,
                comparison=comparison,
                proposals=proposals, pager=pager(request, proposals.total, p, 20),
                unmatched=unmatched, scarcity=sorted(scarcity, key=lambda r: -float(
                    r.get("marginal_value") or 0))[:50],
                needs=needs, resources=resources, names=names, distances=distances,
                alternatives=alternatives, features=FEATURE_NAMES)


# -- projects ------------------------------------------------------------------------------


@router.get("/projects", response_class=HTMLResponse)
def projects_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    who = session.identity
    qp = request.query_params
    status = qp.get("status") or None
    if status and status not in PROJECT.states:
        raise InvalidRequest(f"没有「{status[:20]}」这种项目状态", field="status")
    category = qp.get("category") or None
    p = _page_no(request)
    result = browse(ctx.store, who, Project, Query(
        {"status": status, "category": category,
         "community_id": (qp.get("community") or None)}, q=(qp.get("q") or "")[:50],
        sort=qp.get("sort") or "", page=p, size=20))
    needs = ctx.store.get_many(Need, [x.need_id for x in result.items])
    resources = ctx.store.get_many(Resource, [x.resource_id for x in result.items])
    names = _names(ctx.store, {x.community_id for x in result.items}
                   | {x.unit_id for x in result.items})
    distances = {x.id: distance_km(needs[x.need_id], resources[x.resource_id])
                 for x in result.items if x.need_id in needs and x.resource_id in resources}
    return page(request, "projects.html", session, title="共建项目", items=result.items,
                pager=pager(request, result.total, p, 20), names=names, needs=needs,
                distances=distances, states=PROJECT.states, q=qp,
                categories=list(TAXONOMY))


def _history(store: GraphStore, who: Identity, target: Node) -> Page[AuditEntry] | None:
    if who.role == Role.RESEARCHER:
        return None  # administrators and the parties read it (api.services.audit)
    lines = audit_svc.list_audit(store, who, target_id=target.id, target_kind=target.KIND,
                                 size=100)
    items = sorted(lines.items, key=lambda a: a.at)
    return Page(items, lines.total, 1, 100)


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project_page(request: Request, project_id: str, session: SessionDep, ctx: CtxDep
                 ) -> Response:
    who = session.identity
    store = ctx.store
    project = project_svc.get_project(store, who, project_id)
    need = store.get_many(Need, [project.need_id]).get(project.need_id)
    resource = store.get_many(Resource, [project.resource_id]).get(project.resource_id)
    if need is not None and not can_read(who, need):
        need = None
    if resource is not None and not can_read(who, resource):
        resource = None
    actions = [] if who.read_only else [
        PROJECT.find(a) for a in project_svc.actions_for(who, project)
        if _may_write(who, project)]
    records = record_svc.list_records(store, who, project_id=project.id, size=100)
    names = _names(store, {project.community_id, project.unit_id})
    return page(request, "project.html", session, title=project.title, project=project,
                need=need, resource=resource, actions=actions, hints=NOTE_HINTS,
                needs_note=NEEDS_NOTE, history=_history(store, who, project),
                records=records, names=names, states=PROJECT.states,
                features=FEATURE_NAMES, distance=distance_km(need, resource)
                if need and resource else None,
                can_record=project.status == "in_progress" and _may_write(who, project)
                and who.role in (Role.RESIDENT_UNIT, Role.STREET_COMMITTEE,
                                 Role.DISTRICT_ADMIN, Role.COMMUNITY_ORG),
                can_evaluate=project.status == "completed" and _may_write(who, project)
                and who.role in (Role.COMMUNITY_ORG, Role.STREET_COMMITTEE,
                                 Role.DISTRICT_ADMIN))


def _may_write(who: Identity, node: Any) -> bool:
    from api.identity import can_write

    return not who.read_only and can_write(who, node)


@router.post("/projects/{project_id}/act")
async def project_act(request: Request, project_id: str, session: SessionDep, form: FormDep,
                      ctx: CtxDep) -> Response:
    action = str(form.get("action") or "")[:32]
    note = str(form.get("note") or "").strip()[:MAX_TEXT]
    if action in NEEDS_NOTE and not note:
        raise InvalidRequest(f"「{PROJECT.find(action).label}」须写明原因", field="note")
    project = project_svc.transition(ctx.store, session.identity, project_id, action,
                                     _version(form), note)
    label = PROJECT.find(action).label
    return redirect(f"/projects/{project.id}", secret=ctx.secret,
                    message=f"已{label}：项目现为「{PROJECT.states[project.status]}」")


@router.post("/projects/{project_id}/records")
async def add_record(request: Request, project_id: str, session: SessionDep, form: FormDep,
                     ctx: CtxDep) -> Response:
    try:
        day = dt.date.fromisoformat(str(form.get("date") or ""))
    except ValueError:
        raise InvalidRequest("请填写服务日期，如 2026-03-01", field="date") from None
    try:
        hours = float(str(form.get("hours") or ""))
    except ValueError:
        raise InvalidRequest("请填写服务时长（小时），如 2.5", field="hours") from None
    if not 0 < hours <= 10_000:
        raise InvalidRequest("服务时长须大于 0 小时、不超过 10000 小时", field="hours")
    record_svc.create_record(ctx.store, session.identity, project_id, date=day, hours=hours,
                             note=str(form.get("note") or "").strip()[:MAX_TEXT])
    return redirect(f"/projects/{project_id}", secret=ctx.secret,
                    message=f"已记实：{day.year}年{day.month}月{day.day}日 {hours:g} 小时")


@router.post("/projects/{project_id}/evaluate")
async def evaluate(request: Request, project_id: str, session: SessionDep, form: FormDep,
                   ctx: CtxDep) -> Response:
    try:
        score = int(str(form.get("score") or ""))
    except ValueError:
        raise InvalidRequest("请选择评分（1 到 5 分）", field="score") from None
    if not 1 <= score <= 5:
        raise InvalidRequest("评分须为 1 到 5 分", field="score")
    evaluation_svc.evaluate(ctx.store, session.identity, project_id, score,
                            str(form.get("comment") or "").strip()[:MAX_TEXT],
                            expected_version=_version(form))
    return redirect(f"/projects/{project_id}", secret=ctx.secret,
                    message=f"已评议：{score} 分")


# -- agreements ----------------------------------------------------------------------------


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    who = session.identity
    p = _page_no(request)
    status = request.query_params.get("status") or None
    if status and status not in AGREEMENT.states:
        raise InvalidRequest(f"没有「{status[:20]}」这种协议状态", field="status")
    result = agreement_svc.list_agreements(ctx.store, who, status=status, page=p, size=20)
    resolved = project_svc.list_projects(ctx.store, who, status="resolved", size=100) \
        if who.role in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG) \
        else None
    names = _names(ctx.store, {a.community_id for a in result.items}
                   | {u for a in result.items for u in a.unit_ids}
                   | ({p.community_id for p in resolved.items} if resolved else set()))
    return page(request, "agreements.html", session, title="共建协议", items=result.items,
                pager=pager(request, result.total, p, 20), names=names,
                states=AGREEMENT.states, resolved=resolved)


@router.post("/agreements/new")
async def draft_agreement(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                          ) -> Response:
    ids = [str(v)[:64] for v in form.getlist("project_id")][:100]
    agreement = agreement_svc.draft(ctx.store, session.identity, ids)
    return redirect(f"/agreements/{agreement.id}", secret=ctx.secret,
                    message="已起草协议，请各方签署")


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement_page(request: Request, agreement_id: str, session: SessionDep, ctx: CtxDep
                   ) -> Response:
    who = session.identity
    agreement = agreement_svc.get_agreement(ctx.store, who, agreement_id)
    signatures = {s.party_id: s for s in agreement.signatures}
    names = _names(ctx.store, {agreement.street_id, agreement.community_id,
                               *agreement.unit_ids})
    party_rows = [(ROLE_NAMES[role], names.get(pid, pid), signatures.get(pid))
                  for pid, role in agreement_svc.parties(agreement)]
    projects = ctx.store.get_many(Project, agreement.project_ids)
    signed = set(signatures)
    is_party = (who.scope_id, who.role) in agreement_svc.parties(agreement)
    may = _may_write(who, agreement)
    return page(request, "agreement.html", session, title=agreement.title,
                agreement=agreement, parties=party_rows, names=names,
                projects=[projects[i] for i in agreement.project_ids if i in projects],
                states=AGREEMENT.states,
                can_sign=may and is_party and who.scope_id not in signed
                and agreement.status in ("draft", "signing"),
                can_activate=may and agreement.status == "signed"
                and who.role in (Role.STREET_COMMITTEE, Role.COMMUNITY_ORG,
                                 Role.DISTRICT_ADMIN),
                history=_history(ctx.store, who, agreement))


@router.get("/agreements/{agreement_id}/print", response_class=HTMLResponse)
def agreement_print(agreement_id: str, session: SessionDep, ctx: CtxDep) -> Response:
    """The agreement as the office prints it (A4), from the one document model."""
    text = agreement_svc.document_html(ctx.store, session.identity, agreement_id)
    return HTMLResponse(text, headers={"cache-control": "no-store"})


DOCUMENT_TYPES = {"docx": DOCX, "pdf": PDF}


@router.get("/agreements/{agreement_id}/document.{ext}")
def agreement_file(agreement_id: str, ext: str, session: SessionDep, ctx: CtxDep
                   ) -> Response:
    """The agreement as Word or PDF, from an ordinary link (the session is the cookie)."""
    render = {"docx": agreement_svc.document_docx, "pdf": agreement_svc.document_pdf}
    if ext not in render:
        raise NotFound(f"协议文件只有 docx、pdf 两种，没有「{ext[:10]}」")
    data = render[ext](ctx.store, session.identity, agreement_id)
    return agreement_download(data, DOCUMENT_TYPES[ext], agreement_id, ext)


@router.post("/agreements/{agreement_id}/sign")
async def sign_agreement(request: Request, agreement_id: str, session: SessionDep,
                         form: FormDep, ctx: CtxDep) -> Response:
    signer = str(form.get("signer") or "").strip()[:50] or None
    agreement = agreement_svc.sign(ctx.store, session.identity, agreement_id, _version(form),
                                   signer=signer)
    return redirect(f"/agreements/{agreement.id}", secret=ctx.secret,
                    message=f"已签署；协议现为「{AGREEMENT.states[agreement.status]}」")


@router.post("/agreements/{agreement_id}/activate")
async def activate_agreement(request: Request, agreement_id: str, session: SessionDep,
                             form: FormDep, ctx: CtxDep) -> Response:
    agreement = agreement_svc.activate(ctx.store, session.identity, agreement_id,
                                       _version(form),
                                       note=str(form.get("note") or "")[:MAX_TEXT])
    return redirect(f"/agreements/{agreement.id}", secret=ctx.secret,
                    message="协议已生效，所含项目转为「已签协议」")
