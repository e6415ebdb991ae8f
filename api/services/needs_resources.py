"""The needs list and the resources list: create, read, update, withdraw.

A community edits only its own needs, a unit only its own resources; a street or district
edits those within its scope. The street of an item follows from its owner (the
community's street, the unit's street), so it cannot be set wrong. Withdrawing is the
only way to remove an item: projects and audit lines keep pointing at it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from pydantic import ValidationError

from api.embeddings import embed_item
from api.errors import AlreadyExists, InvalidRequest
from api.identity import Identity, require_write
from api.services._common import audit, check_version, get_readable, new_id, scoped_page
from graph import (
    GraphStore,
    Need,
    NeedStatus,
    NotFound,
    Organization,
    OrgLevel,
    Page,
    ResidentUnit,
    Resource,
    ResourceStatus,
    Role,
    street_of,
)

__all__ = ["create", "get", "list_items", "update", "withdraw"]

Item = TypeVar("Item", Need, Resource)
FIXED = frozenset({"id", "version", "street_id"})


def list_items(store: GraphStore, who: Identity, kind: type[Item], *,
               filters: dict[str, Any] | None = None, page: int = 1, size: int = 20
               ) -> Page[Item]:
    return scoped_page(store, who, kind, {k: v for k, v in (filters or {}).items() if v},
                       page, size)


def get(store: GraphStore, who: Identity, kind: type[Item], item_id: str) -> Item:
    return get_readable(store, who, kind, item_id)


def _street_of(store: GraphStore, kind: type[Item], owner_id: str) -> str:
    if kind is Need:
        try:
            org = store.get(Organization, owner_id)
        except NotFound:
            raise InvalidRequest(f"没有编号为 {owner_id} 的社区", field="community_id") from None
        if org.level != OrgLevel.COMMUNITY:
            raise InvalidRequest(f"{org.name}（{owner_id}）不是社区", field="community_id")
        return street_of(org) or ""
    try:
        return store.get(ResidentUnit, owner_id).street_id
    except NotFound:
        raise InvalidRequest(f"没有编号为 {owner_id} 的驻区单位", field="unit_id") from None


def create(store: GraphStore, who: Identity, kind: type[Item], data: dict[str, Any], *,
           now: dt.datetime | None = None) -> Item:
    """A new need (of a community) or resource (of a unit)."""
    owner_field = "community_id" if kind is Need else "unit_id"
    own_role = Role.COMMUNITY_ORG if kind is Need else Role.RESIDENT_UNIT
    data = {k: v for k, v in data.items() if v is not None}
    if not data.get(owner_field):
        if who.role != own_role:
            label = "所属社区" if kind is Need else "提供单位"
            raise InvalidRequest(f"请填写{label} {owner_field}",
                                 field=owner_field)
        data[owner_field] = who.scope_id
    data["street_id"] = _street_of(store, kind, str(data[owner_field]))
    data.setdefault("id", new_id("N" if kind is Need else "R"))
    if kind is Need:
        data.setdefault("created", (now or dt.datetime.now(dt.UTC)).date())
    item = kind.model_validate(data)
    require_write(who, item)
    if store.get_many(kind, [item.id]) or _taken(store, item.id):
        raise AlreadyExists(f"编号 {item.id} 已被使用", field="id")
    store.upsert([item, audit(who, item, "create", None, item.status.value, "", now)])
    embed_item(item)
    return store.get(kind, item.id)


def _taken(store: GraphStore, node_id: str) -> bool:
    from graph import NODE_TYPES

    return any(store.get_many(t, [node_id]) for t in NODE_TYPES.values())


def update(store: GraphStore, who: Identity, kind: type[Item], item_id: str,
           expected_version: int, changes: dict[str, Any], *, note: str = "",
           now: dt.datetime | None = None) -> Item:
    """Change fields of an item the caller saw at ``expected_version``."""
    item = get_readable(store, who, kind, item_id)
    require_write(who, item)
    changes = {k: v for k, v in changes.items() if v is not None}
    fixed = sorted(FIXED & set(changes))
    if fixed:
        raise InvalidRequest(f"不能修改字段 {'、'.join(fixed)}", field=fixed[0])
    owner_field = "community_id" if kind is Need else "unit_id"
    if owner_field in changes:
        changes["street_id"] = _street_of(store, kind, str(changes[owner_field]))
    check_version(item, expected_version)
    try:
        after = kind.model_validate({**item.model_dump(), **changes})
    except ValidationError:
        raise
    require_write(who, after)  # cannot move it out of the caller's scope
    payload = {k: v for k, v in after.model_dump(mode="json").items() if k in changes}
    line = audit(who, after, "update", item.status.value, after.status.value,
                 note or f"修改 {'、'.join(sorted(changes))}", now)
    written = store.transition(kind, item.id, expected_version, payload, also=[line])
    if "title" in changes or "description" in changes:
        embed_item(after)
    return written


def withdraw(store: GraphStore, who: Identity, kind: type[Item], item_id: str,
             expected_version: int, *, note: str = "", now: dt.datetime | None = None
             ) -> Item:
    """Take an item off its list (it stays in the graph for the record)."""
    item = get_readable(store, who, kind, item_id)
    require_write(who, item)
    check_version(item, expected_version)
    status = NeedStatus.WITHDRAWN if kind is Need else ResourceStatus.WITHDRAWN
    line = audit(who, item, "withdraw", item.status.value, status.value, note, now)
    return store.transition(kind, item.id, expected_version, {"status": status.value},
                            also=[line])
