"""Needs and resources (the two lists): CRUD, and file import."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Header, Query, Response, UploadFile
from pydantic import BaseModel

from api.errors import TooLarge
from api.http.deps import ContextDep, CurrentIdentity, IdText, ListKey, PageDep, StoreDep
from api.http.files import XLSX, download
from api.http.schemas import (
    ImportOut,
    NeedCreate,
    NeedPage,
    NeedPublic,
    NeedUpdate,
    ResourceCreate,
    ResourcePage,
    ResourcePublic,
    ResourceUpdate,
    VersionedStep,
    public_response,
)
from api.services import lists as lists_service
from api.services import needs_resources as svc
from graph import Need, Resource

needs = APIRouter(prefix="/api/needs", tags=["需求清单"])
resources = APIRouter(prefix="/api/resources", tags=["资源清单"])
imports = APIRouter(prefix="/api/imports", tags=["清单导入"])



def _changes(body: BaseModel) -> dict[str, Any]:
    return body.model_dump(exclude={"version", "note"}, exclude_unset=True)


@needs.get("", response_model=NeedPage, summary="需求清单")
def list_needs(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
               community_id: IdText = None, street_id: IdText = None,
               category: IdText = None, status: IdText = None,
               urgency: Annotated[int | None, Query(ge=1, le=3)] = None) -> Response:
    return NeedPage.cached(store, who, key, lambda: svc.list_items(
        store, who, Need, filters={ "community_id": community_id, "street_id": street_id,
        "category": category, "status": status, "urgency": urgency}, page=paging.page,
        size=paging.size))


@needs.post("", response_model=NeedPublic, status_code=201, summary="登记需求")
def create_need(store: StoreDep, who: CurrentIdentity, body: NeedCreate) -> NeedPublic:
    return svc.create(store, who, Need, body.model_dump())


@needs.get("/{need_id}", response_model=NeedPublic, summary="需求详情")
def get_need(store: StoreDep, who: CurrentIdentity, need_id: str) -> Response:
    return public_response(NeedPublic, svc.get(store, who, Need, need_id))


@needs.patch("/{need_id}", response_model=NeedPublic, summary="修改需求（带版本）")
def update_need(store: StoreDep, who: CurrentIdentity, need_id: str, body: NeedUpdate
                ) -> NeedPublic:
    return svc.update(store, who, Need, need_id, body.version, _changes(body), note=body.note)


@needs.post("/{need_id}/withdrawal", response_model=NeedPublic, summary="撤回需求")
def withdraw_need(store: StoreDep, who: CurrentIdentity, need_id: str, body: VersionedStep
                  ) -> NeedPublic:
    return svc.withdraw(store, who, Need, need_id, body.version, note=body.note)


@resources.get("", response_model=ResourcePage, summary="资源清单")
def list_resources(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                   unit_id: IdText = None, street_id: IdText = None, category: IdText = None,
                   status: IdText = None) -> Response:
    return ResourcePage.cached(store, who, key, lambda: svc.list_items(
        store, who, Resource, filters={ "unit_id": unit_id, "street_id": street_id, "category":
        category, "status": status}, page=paging.page, size=paging.size))


@resources.post("", response_model=ResourcePublic, status_code=201, summary="登记资源")
def create_resource(store: StoreDep, who: CurrentIdentity, body: ResourceCreate
                    ) -> ResourcePublic:
    return svc.create(store, who, Resource, body.model_dump())


@resources.get("/{resource_id}", response_model=ResourcePublic, summary="资源详情")
def get_resource(store: StoreDep, who: CurrentIdentity, resource_id: str) -> Response:
    return public_response(ResourcePublic, svc.get(store, who, Resource, resource_id))


@resources.patch("/{resource_id}", response_model=ResourcePublic, summary="修改资源（带版本）")
def update_resource(store: StoreDep, who: CurrentIdentity, resource_id: str,
                    body: ResourceUpdate) -> ResourcePublic:
    return svc.update(store, who, Resource, resource_id, body.version, _changes(body),
                      note=body.note)


@resources.post("/{resource_id}/withdrawal", response_model=ResourcePublic, summary="撤回资源")
def withdraw_resource(store: StoreDep, who: CurrentIdentity, resource_id: str,
                      body: VersionedStep) -> ResourcePublic:
    return svc.withdraw(store, who, Resource, resource_id, body.version, note=body.note)


def _save_bounded(file: UploadFile, path: Path, limit: int) -> None:
    """Copy the upload to ``path``, refusing it as soon as it passes ``limit`` bytes."""
    written = 0
    with path.open("wb") as out:
        while chunk := file.file.read(1024 * 1024):
            written += len(chunk)
            if written > limit:
                raise TooLarge(f"上传的文件超过 {limit // 1024} KB 的上限；请拆分成几份分别导入",
                               field="file")
            out.write(chunk)


@imports.post("", response_model=ImportOut, summary="导入清单文件（CSV、XLSX、JSON），整份校验")
def import_list(ctx: ContextDep, who: CurrentIdentity,
                kind: Annotated[Literal["needs", "resources", "units", "organizations"],
                                Form(description="清单类型")],
                file: Annotated[UploadFile, File(description="CSV、XLSX 或 JSON 文件")],
                idempotency_key: Annotated[str | None, Header(max_length=200)] = None
                ) -> ImportOut:
    name = Path(file.filename or "upload.csv").name
    suffix = Path(name).suffix.lower()[:10] or ".csv"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        _save_bounded(file, path, ctx.limits.max_bytes)
        report = lists_service.import_list(ctx.store, who, path, kind, keys=ctx.keys,
                                           key=idempotency_key, limits=ctx.limits,
                                           source=name)
    return ImportOut(**{**report, "source": name})




@imports.get("/templates/{kind}.xlsx", response_class=Response,
             responses={200: {"content": {XLSX: {}}}},
             summary="下载清单导入模板（Excel，类别为下拉列表）")
def import_template(who: CurrentIdentity,
                    kind: Literal["needs", "resources", "units", "organizations"]
                    ) -> Response:
    from api.imports import template_name, template_xlsx

    return download(template_xlsx(kind), XLSX, template_name(kind),
                    fallback=f"{kind}-template.xlsx")
