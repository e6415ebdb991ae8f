"""Organizations, resident units and party members (restricted)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.http.deps import ContextDep, CurrentIdentity, IdText, ListKey, PageDep, StoreDep
from api.http.schemas import (
    MemberPage,
    MemberPublic,
    OrganizationPage,
    OrganizationPublic,
    UnitPage,
    UnitPublic,
    public_response,
)
from api.services import directory

organizations = APIRouter(prefix="/api/organizations", tags=["党组织"])
units = APIRouter(prefix="/api/units", tags=["驻区单位"])
members = APIRouter(prefix="/api/members", tags=["党员（受限）"])


@organizations.get("", response_model=OrganizationPage, summary="党组织列表")
def list_organizations(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
                       level: IdText = None, street_id: IdText = None,
                       parent_id: IdText = None, community_id: IdText = None,
                       weak: bool | None = None) -> Response:
    return OrganizationPage.cached(store, who, key, lambda: directory.list_organizations(
        store, who, filters={"level": level, "street_id": street_id, "parent_id": parent_id,
        "community_id": community_id, "weak": weak}, page=paging.page, size=paging.size))


@organizations.get("/{org_id}", response_model=OrganizationPublic, summary="党组织详情")
def get_organization(store: StoreDep, who: CurrentIdentity, org_id: str
                     ) -> Response:
    return public_response(OrganizationPublic, directory.get_organization(store, who, org_id))


@units.get("", response_model=UnitPage, summary="驻区单位列表")
def list_units(store: StoreDep, who: CurrentIdentity, key: ListKey, paging: PageDep,
               street_id: IdText = None, community_id: IdText = None,
               kind: IdText = None) -> Response:
    return UnitPage.cached(store, who, key, lambda: directory.list_units(
        store, who, filters={"street_id": street_id, "community_id": community_id, "kind": kind},
        page=paging.page, size=paging.size))


@units.get("/{unit_id}", response_model=UnitPublic, summary="驻区单位详情")
def get_unit(store: StoreDep, who: CurrentIdentity, unit_id: str) -> Response:
    return public_response(UnitPublic, directory.get_unit(store, who, unit_id))


@members.get("", response_model=MemberPage,
             summary="党员列表（姓名仅对需要的角色可见，研究人员为假名）")
def list_members(ctx: ContextDep, who: CurrentIdentity, paging: PageDep,
                 category: IdText = None, street_id: IdText = None,
                 home_community_id: IdText = None, work_unit_id: IdText = None) -> MemberPage:
    p = directory.list_members(
        ctx.store, who, filters={"category": category, "street_id": street_id,
                                 "home_community_id": home_community_id,
                                 "work_unit_id": work_unit_id},
        salt=ctx.salt, page=paging.page, size=paging.size)
    return MemberPage(items=p.items, total=p.total, page=p.page, size=p.size)


@members.get("/{member_id}", response_model=MemberPublic, summary="党员详情")
def get_member(ctx: ContextDep, who: CurrentIdentity, member_id: str) -> MemberPublic:
    return directory.get_member(ctx.store, who, member_id, salt=ctx.salt)
