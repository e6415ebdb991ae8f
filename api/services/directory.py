"""The directory: organizations, resident units and party members, read within scope.

Party membership is sensitive personal information: names and phone numbers are shown
only to the roles that work with the person (the district, the street, the community
the member lives in, the unit the member works at). Researchers get pseudonyms in place
of ids and names, and no phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.identity import Identity
from api.services._common import get_readable, scoped_page
from graph import (
    GraphStore,
    Organization,
    Page,
    PartyMember,
    ResidentUnit,
    Role,
    pseudonym,
)

__all__ = ["MemberView", "get_member", "get_organization", "get_unit", "list_members",
           "list_organizations", "list_units"]


def list_organizations(store: GraphStore, who: Identity, *, filters: dict[str, Any],
                       page: int = 1, size: int = 20) -> Page[Organization]:
    return scoped_page(store, who, Organization, {k: v for k, v in filters.items() if v},
                       page, size)


def get_organization(store: GraphStore, who: Identity, org_id: str) -> Organization:
    return get_readable(store, who, Organization, org_id)


def list_units(store: GraphStore, who: Identity, *, filters: dict[str, Any], page: int = 1,
               size: int = 20) -> Page[ResidentUnit]:
    found = scoped_page(store, who, ResidentUnit, {k: v for k, v in filters.items() if v},
                        page, size)
    return Page([_unit_view(who, u) for u in found.items], found.total, found.page,
                found.size)


def get_unit(store: GraphStore, who: Identity, unit_id: str) -> ResidentUnit:
    return _unit_view(who, get_readable(store, who, ResidentUnit, unit_id))


def _unit_view(who: Identity, unit: ResidentUnit) -> ResidentUnit:
    """Researchers do not see the liaison's name and phone."""
    if who.role != Role.RESEARCHER:
        return unit
    return unit.model_copy(update=dict.fromkeys(ResidentUnit.SENSITIVE))


@dataclass(frozen=True)
class MemberView:
    """A member as the caller may see them."""

    id: str
    name: str
    category: str
    org_id: str
    street_id: str | None
    work_unit_id: str | None
    home_community_id: str | None
    phone: str | None
    points: int
    pseudonymous: bool


def _view(who: Identity, m: PartyMember, salt: str) -> MemberView:
    if who.role == Role.RESEARCHER:
        return MemberView(pseudonym(m.id, salt), pseudonym(m.name, salt), m.category.value,
                          m.org_id, m.street_id, m.work_unit_id, m.home_community_id, None,
                          m.points, True)
    return MemberView(m.id, m.name, m.category.value, m.org_id, m.street_id, m.work_unit_id,
                      m.home_community_id, m.phone, m.points, False)


@dataclass(frozen=True)
class MemberPage:
    items: list[MemberView]
    total: int
    page: int
    size: int


def list_members(store: GraphStore, who: Identity, *, filters: dict[str, Any], salt: str,
                 page: int = 1, size: int = 20) -> MemberPage:
    result = scoped_page(store, who, PartyMember, {k: v for k, v in filters.items() if v},
                         page, size)
    return MemberPage([_view(who, m, salt) for m in result.items], result.total, page, size)


def get_member(store: GraphStore, who: Identity, member_id: str, *, salt: str) -> MemberView:
    if who.role == Role.RESEARCHER:
        from api.errors import Forbidden

        raise Forbidden("研究人员只能通过列表查看假名化的党员信息，不能按编号查询党员")
    return _view(who, get_readable(store, who, PartyMember, member_id), salt)
