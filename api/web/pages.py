"""Sign-in, each role's home page, the needs and resources lists, imports and exports."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from api.auth import issue_token
from api.errors import InvalidRequest, NotAuthenticated, SignInFailed, TooManyAttempts
from api.http.files import XLSX, download
from api.imports import ImportRejected
from api.services import needs_resources as items_svc
from api.services import projects as project_svc
from api.services._common import scoped_count
from api.services.browse import SORTS, Query, browse, browse_rows, run_list
from api.services.lists import import_list
from api.web import format as fmt
from api.web.deps import CtxDep, FormDep, SessionDep, web_router
from api.web.render import HOMES, env, page, pager, redirect
from api.web.session import (
    check_login_nonce,
    clear_session,
    flash,
    login_nonce,
    read_flash,
    read_session,
    set_session,
)
from api.web.xlsx import Cell, sheet_xlsx
from graph import (
    PROJECT,
    TAXONOMY,
    UNITS_OF_MEASURE,
    GraphStore,
    Need,
    NotFound,
    Organization,
    OrgLevel,
    Project,
    ResidentUnit,
    Resource,
    Role,
)

router = web_router()

MAX_TEXT = 2000
ATTENTION = {  # what each role acts on first, by project state
    Role.RESIDENT_UNIT: ("proposed", "agreed", "in_progress"),
    Role.COMMUNITY_ORG: ("claimed", "confirmed", "completed"),
}


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


# -- sign-in -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def root(request: Request, ctx: CtxDep) -> Response:
    try:
        session = read_session(ctx, request)
    except NotAuthenticated:
        return redirect("/login")
    return redirect(HOMES[session.identity.role])


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, ctx: CtxDep, next: str = "") -> Response:
    response = HTMLResponse("")
    nonce = login_nonce(request, response, secure=_secure(request))
    message = read_flash(request, response, ctx.secret)
    body = env.get_template("login.html").render(
        request=request, title="登录", nonce=nonce, next=_safe_next(next), flash=message,
        session=None, menu=[])
    response.body = body.encode()
    response.headers["content-length"] = str(len(response.body))
    response.headers["cache-control"] = "no-store"
    return response


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") and \
        len(value) < 500 else ""


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, ctx: CtxDep) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    nonce, username, password = (str(form.get(k) or "") for k in ("csrf", "username",
                                                                   "password"))
    next_url = _safe_next(str(form.get("next") or ""))
    check_login_nonce(request, nonce)
    try:
        account = ctx.accounts.authenticate(username.strip()[:64], password[:200],
                                            request.client.host if request.client else None)
    except (SignInFailed, TooManyAttempts) as e:
        response = redirect(f"/login?next={next_url}" if next_url else "/login")
        flash(response, ctx.secret, e.message, "error")
        return response
    token = issue_token(account, ctx.secret).access_token
    response = redirect(next_url or HOMES[account.role])
    set_session(response, token, secure=_secure(request))
    return response


@router.post("/logout")
async def logout(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                 ) -> Response:
    response = redirect("/login")
    clear_session(response)
    flash(response, ctx.secret, "已退出登录", "ok")
    return response


# -- home pages ----------------------------------------------------------------------------


def _names(store: GraphStore, ids: set[str | None] | set[str]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    out = {o.id: o.name for o in store.get_many(Organization, wanted).values()}
    out.update({u.id: u.name for u in store.get_many(ResidentUnit, wanted).values()})
    return out


@router.get("/work", response_class=HTMLResponse)
def workbench(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    who = session.identity
    if who.role not in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE):
        return redirect(HOMES[who.role])
    store = ctx.store
    needs = scoped_count(store, who, Need, {"status": "open"})
    resources = scoped_count(store, who, Resource, {"status": "available"})
    counts = {s: scoped_count(store, who, Project, {"status": s})
              for s in ("proposed", "claimed", "confirmed", "under_review", "resolved",
                        "in_progress")}
    runs = run_list(store, who, 1, 5)
    return page(request, "work.html", session, title="工作台", needs=needs,
                resources=resources, counts=counts, runs=runs,
                names=_names(store, {r["scope_id"] for r in runs.items}),
                states=PROJECT.states)


def _role_home(request: Request, session: SessionDep, ctx: CtxDep, role: Role,
               template: str, title: str) -> Response:
    who = session.identity
    if who.role != role:
        return redirect(HOMES[who.role])
    store = ctx.store
    todo = {s: project_svc.list_projects(store, who, status=s, size=50)
            for s in ATTENTION[role]}
    names = _names(store, {p.community_id for pg in todo.values() for p in pg.items}
                   | {p.unit_id for pg in todo.values() for p in pg.items})
    extra: dict[str, Any] = {}
    if role == Role.COMMUNITY_ORG:
        extra["needs"] = browse(store, who, Need, Query({"community_id": who.scope_id,
                                                         "status": "open"}, size=5))
    else:
        extra["resources"] = browse(store, who, Resource, Query({}, size=5))
    return page(request, template, session, title=title, todo=todo, names=names,
                states=PROJECT.states, **extra)


@router.get("/community", response_class=HTMLResponse)
def community_home(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    return _role_home(request, session, ctx, Role.COMMUNITY_ORG, "home.html", "本社区首页")


@router.get("/unit", response_class=HTMLResponse)
def unit_home(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    return _role_home(request, session, ctx, Role.RESIDENT_UNIT, "home.html", "本单位首页")


# -- needs and resources lists -------------------------------------------------------------

KINDS: dict[str, Any] = {"needs": Need, "resources": Resource}  # Need | Resource
LABELS = {"needs": "需求清单", "resources": "资源清单"}


def _date(value: str | None, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest(f"日期「{value[:20]}」格式不对，应为 2026-03-01",
                             field=field) from None


def _query(request: Request, session: SessionDep, kind: str, size: int = 20) -> Query:
    qp = request.query_params
    who = session.identity
    filters: dict[str, Any] = {"category": qp.get("category") or None,
                               "status": qp.get("status") or None}
    if kind == "needs":
        filters["community_id"] = qp.get("community") or (
            who.scope_id if qp.get("mine") and who.role == Role.COMMUNITY_ORG else None)
        urgency = qp.get("urgency")
        filters["urgency"] = int(urgency) if urgency in ("1", "2", "3") else None
    else:
        filters["unit_id"] = qp.get("unit") or None
    for k, v in filters.items():
        if isinstance(v, str) and len(v) > 64:
            raise InvalidRequest("筛选条件太长", field=k)
    try:
        page_no = max(1, min(int(qp.get("page") or 1), 100_000))
    except ValueError:
        page_no = 1
    sort = qp.get("sort") or ""
    return Query(filters, q=(qp.get("q") or "")[:50], sort=sort,
                 date_from=_date(qp.get("from"), "from"), date_to=_date(qp.get("to"), "to"),
                 page=page_no, size=size)


def _communities(store: GraphStore, who: Any) -> list[Organization]:
    from api.services._common import scoped_page

    rows = scoped_page(store, who, Organization, {"level": OrgLevel.COMMUNITY.value}, 1,
                       10_000).items
    return sorted(rows, key=lambda o: o.id)


@router.get("/needs", response_class=HTMLResponse)
@router.get("/resources", response_class=HTMLResponse)
def list_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    kind = request.url.path.strip("/")
    query = _query(request, session, kind)
    who = session.identity
    result = browse(ctx.store, who, KINDS[kind], query)
    owners = {getattr(i, "community_id", None) or getattr(i, "unit_id", "")
              for i in result.items}
    return page(request, "list.html", session, title=LABELS[kind], kind=kind,
                items=result.items, pager=pager(request, result.total, query.page,
                                                query.size),
                names=_names(ctx.store, owners), q=request.query_params,
                communities=_communities(ctx.store, who) if kind == "needs" else [],
                categories=list(TAXONOMY), sorts=SORTS[KINDS[kind].KIND],
                can_add=_can_add(who, kind))


def _can_add(who: Any, kind: str) -> bool:
    if who.read_only:
        return False
    own = Role.COMMUNITY_ORG if kind == "needs" else Role.RESIDENT_UNIT
    return bool(who.role in (own, Role.STREET_COMMITTEE, Role.DISTRICT_ADMIN))


# the columns of a list's download: (field, header)
EXPORT_COLUMNS = {
    "needs": (("id", "编号"), ("title", "标题"), ("category", "类别"), ("community_id", "社区"),
              ("quantity", "数量"), ("unit_of_measure", "计量单位"), ("urgency", "紧急程度"),
              ("status", "状态"), ("created", "登记日期"), ("start", "开始日期"),
              ("end", "结束日期"), ("description", "说明")),
    "resources": (("id", "编号"), ("title", "标题"), ("category", "类别"),
                  ("unit_id", "提供单位"), ("capacity", "可提供数量"),
                  ("unit_of_measure", "计量单位"), ("reach_km", "服务半径（公里）"),
                  ("status", "状态"), ("start", "开始日期"), ("end", "结束日期"),
                  ("description", "说明")),
}


def _export_cell(kind: str, field: str, value: Any, names: dict[str, str]) -> Cell:
    """A stored value as a person reads it: names for ids, labels for codes."""
    if field == "category":
        return fmt.category_name(value)
    if field in ("community_id", "unit_id"):
        return names.get(value, str(value))
    if field == "urgency":
        return fmt.URGENCY.get(value, str(value))
    if field == "status":
        return fmt.status_name(kind, value)
    plain: Cell = value
    return plain


@router.get("/needs/export.xlsx")
@router.get("/resources/export.xlsx")
def export_list(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    kind = request.url.path.split("/")[1]
    query = _query(request, session, kind)
    columns = EXPORT_COLUMNS[kind]
    fields = [f for f, _ in columns]
    rows = browse_rows(ctx.store, session.identity, KINDS[kind], query, fields)
    owner = "community_id" if kind == "needs" else "unit_id"
    names = _names(ctx.store, {r[owner] for r in rows})
    shown = KINDS[kind].KIND
    cells: list[list[Cell]] = [[_export_cell(shown, f, r[f], names) for f in fields]
                               for r in rows]
    content = sheet_xlsx(LABELS[kind], [h for _, h in columns], cells,
                         widths=[14, 30, 12, 18, 8, 8, 10, 10, 12, 12, 12, 40][:len(columns)])
    day = f"{dt.date.today():%Y%m%d}"
    return download(content, XLSX, f"{LABELS[kind]}-{day}.xlsx",
                    fallback=f"{kind}-{day}.xlsx")


# -- add, edit, withdraw -------------------------------------------------------------------

_FIELDS = {"needs": ("title", "description", "category", "quantity", "unit_of_measure",
                     "urgency", "start", "end", "community_id"),
           "resources": ("title", "description", "category", "capacity", "unit_of_measure",
                         "reach_km", "start", "end", "unit_id")}


def _item_data(form: FormData, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in _FIELDS[kind]:
        value = form.get(name)
        if not isinstance(value, str):
            continue
        value = value.strip()[:MAX_TEXT]
        if value == "":
            data[name] = None
        elif name in ("start", "end"):
            data[name] = _date(value, name)
        else:
            data[name] = value
    return data


@router.get("/needs/new", response_class=HTMLResponse)
@router.get("/resources/new", response_class=HTMLResponse)
def new_item(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    kind = request.url.path.split("/")[1]
    return page(request, "item_form.html", session, title=f"新增{LABELS[kind][:2]}",
                kind=kind, item=None, categories=list(TAXONOMY), units=UNITS_OF_MEASURE,
                communities=_communities(ctx.store, session.identity))


@router.post("/needs/new")
@router.post("/resources/new")
async def create_item(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                      ) -> Response:
    kind = request.url.path.split("/")[1]
    item = items_svc.create(ctx.store, session.identity, KINDS[kind], _item_data(form, kind))
    return redirect(f"/{kind}/{item.id}", secret=ctx.secret, message=f"已新增「{item.title}」")


@router.get("/needs/{item_id}", response_class=HTMLResponse)
@router.get("/resources/{item_id}", response_class=HTMLResponse)
def item_page(request: Request, item_id: str, session: SessionDep, ctx: CtxDep) -> Response:
    from api.identity import can_write

    kind = request.url.path.split("/")[1]
    who = session.identity
    item = items_svc.get(ctx.store, who, KINDS[kind], item_id)
    projects = browse(ctx.store, who, Project, Query(
        {"need_id" if kind == "needs" else "resource_id": item.id}, size=50)) \
        if kind == "needs" or who.role != Role.COMMUNITY_ORG else None
    owner = getattr(item, "community_id", None) or getattr(item, "unit_id", "")
    names = _names(ctx.store, {owner} | {p.unit_id for p in (projects.items if projects
                                                             else [])})
    return page(request, "item.html", session, title=item.title, kind=kind, item=item,
                names=names, projects=projects, editable=can_write(who, item)
                and not who.read_only, categories=list(TAXONOMY), units=UNITS_OF_MEASURE)


@router.post("/needs/{item_id}/edit")
@router.post("/resources/{item_id}/edit")
async def edit_item(request: Request, item_id: str, session: SessionDep, form: FormDep,
                    ctx: CtxDep) -> Response:
    kind = request.url.path.split("/")[1]
    changes = {k: v for k, v in _item_data(form, kind).items()
               if k not in ("community_id", "unit_id")}
    item = items_svc.update(ctx.store, session.identity, KINDS[kind], item_id,
                            _version(form), changes)
    return redirect(f"/{kind}/{item.id}", secret=ctx.secret, message="已保存修改")


@router.post("/needs/{item_id}/withdraw")
@router.post("/resources/{item_id}/withdraw")
async def withdraw_item(request: Request, item_id: str, session: SessionDep, form: FormDep,
                        ctx: CtxDep) -> Response:
    kind = request.url.path.split("/")[1]
    items_svc.withdraw(ctx.store, session.identity, KINDS[kind], item_id, _version(form),
                       note=str(form.get("note") or "")[:MAX_TEXT])
    return redirect(f"/{kind}/{item_id}", secret=ctx.secret, message="已撤回")


def _version(form: FormData) -> int:
    try:
        return int(str(form.get("version")))
    except ValueError:
        raise InvalidRequest("表单缺少版本号，请刷新页面后重试", field="version") from None


# -- imports -------------------------------------------------------------------------------

IMPORT_KINDS = {"needs": "需求清单", "resources": "资源清单", "units": "驻区单位",
                "organizations": "组织"}


@router.get("/import", response_class=HTMLResponse)
def import_form(request: Request, session: SessionDep) -> Response:
    return page(request, "import.html", session, title="导入清单", kinds=IMPORT_KINDS,
                problems=None, report=None, chosen=request.query_params.get("kind", "needs"))


@router.post("/import", response_class=HTMLResponse)
async def import_upload(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                        ) -> Response:
    kind = str(form.get("kind") or "")
    upload = form.get("file")
    if kind not in IMPORT_KINDS:
        raise InvalidRequest("请选择清单类型", field="kind")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InvalidRequest("请选择要导入的文件（CSV、XLSX 或 JSON）", field="file")
    data = await upload.read()
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise InvalidRequest(f"文件类型 {suffix or '（无扩展名）'} 不支持，"
                             "请上传 CSV、XLSX 或 JSON",
                             field="file")
    name = Path(upload.filename).name[:100]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            report = import_list(ctx.store, session.identity, path, kind)
        except ImportRejected as e:
            return page(request, "import.html", session, title="导入清单",
                        kinds=IMPORT_KINDS, problems=e.problems, report=None, chosen=kind,
                        filename=name)
    return page(request, "import.html", session, title="导入清单", kinds=IMPORT_KINDS,
                problems=None, report=report, chosen=kind, filename=name)


@router.get("/import/template-{kind}.xlsx")
def import_template(kind: str, session: SessionDep) -> Response:
    """The importer's own template (required columns marked, category drop-down)."""
    from api.imports.template import template_name, template_xlsx

    if kind not in IMPORT_KINDS:
        raise NotFound(f"没有「{kind[:20]}」这种清单模板；可选：{'、'.join(IMPORT_KINDS)}")
    return download(template_xlsx(kind), XLSX, template_name(kind),
                    fallback=f"template-{kind}.xlsx")
