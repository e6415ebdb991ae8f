"""Dashboards, graph export and the audit trail."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.http.deps import ContextDep, CurrentIdentity, IdText, ListKey, PageDep, StoreDep
from api.http.files import download
from api.http.schemas import AuditEntryPage
from api.services import audit as audit_svc
from api.services import dashboards as dashboard_svc
from api.services import graph_export

dashboards = APIRouter(prefix="/api/dashboards", tags=["工作看板"])
export = APIRouter(prefix="/api/export", tags=["网络导出"])
audit = APIRouter(prefix="/api/audit", tags=["操作记录"])


@dashboards.get("/{scope_id}", response_model=dashboard_svc.Dashboard,
                summary="街道或区的工作看板（全部由记录计算）与预警")
def dashboard(store: StoreDep, who: CurrentIdentity, scope_id: str,
              idle_days: Annotated[int, Query(ge=1, le=3650)] = 180,
              coverage_floor: Annotated[int, Query(ge=1, le=100)] = 1
              ) -> dashboard_svc.Dashboard:
    params = dashboard_svc.DashboardParams(idle_days=idle_days, coverage_floor=coverage_floor)
    return dashboard_svc.dashboard(store, who, scope_id, params=params)


@export.get("/{scope_id}", response_class=Response,
            responses={200: {"content": {"application/graphml+xml": {},
                                         "application/gexf+xml": {},
                                         "application/json": {}}}},
            summary="导出街道或区的网络（GraphML、GEXF 或 JSON；研究人员为假名、k-匿名）")
def export_graph(ctx: ContextDep, who: CurrentIdentity, scope_id: str,
                 format: Literal["graphml", "gexf", "json"] = "graphml") -> Response:
    content, media, name = graph_export.export_scope(ctx.store, who, scope_id, format,
                                                     salt=ctx.salt)
    return download(content, media, name, fallback=name)


@audit.get("", response_model=AuditEntryPage,
           summary="操作记录（管理员；驻区单位限本单位参与的项目、协议等）")
def list_audit(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
               target_id: IdText = None, target_kind: IdText = None, action: IdText = None,
               by_id: IdText = None) -> Response:
    return AuditEntryPage.cached(store, who, key, lambda: audit_svc.list_audit(
        store, who, target_id=target_id, target_kind=target_kind, action=action, by_id=by_id,
        page=paging.page, size=paging.size))
