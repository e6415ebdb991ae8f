"""What every service shares: scoped listing, scoped fetching, audit entries, new ids."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from api.errors import Forbidden
from api.identity import (
    Identity,
    can_read,
    list_scope,
    merge_filters,
    require_kind,
    require_read,
)
from api.labels import parse_filters
from graph import (
    Agreement,
    AuditEntry,
    Evaluation,
    GraphStore,
    Node,
    Page,
    Role,
    ServiceRecord,
    VersionConflict,
    pseudonym,
)

N = TypeVar("N", bound=Node)

_ALL = 10_000


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_id(prefix: str) -> str:
    """A fresh id that sorts by creation time (lists are ordered by id)."""
    return f"{prefix}-{time.time_ns():x}-{uuid.uuid4().hex[:8]}"


def scoped_page(store: GraphStore, who: Identity, kind: type[N],
                filters: Mapping[str, Any] | None = None, page: int = 1,
                size: int = 20, order: str | None = None) -> Page[N]:
    """One page of ``kind`` narrowed to what ``who`` may read, with ``filters``, in the
    store's ``order`` (:meth:`~graph.store.GraphStore.list`)."""
    scope, forced = list_scope(who, kind)
    # a filter on a status, category, role… takes the code or its Chinese name
    merged = merge_filters(forced, parse_filters(kind.KIND, filters or {}))
    if merged is None:
        return Page([], 0, page, size)
    if who.role == Role.RESIDENT_UNIT and kind is Agreement:
        # a list field (an agreement's units) cannot be filtered in the store
        everything = _all(store, kind, scope, merged)
        readable = [researcher_view(who, n) for n in everything if can_read(who, n)]
        start = (page - 1) * size
        return Page(readable[start:start + size], len(readable), page, size)
    result = store.list(kind, scope=scope, filters=merged, page=page, size=size, order=order)
    items = [researcher_view(who, n) for n in result.items if can_read(who, n)]
    return Page(items, result.total - (len(result.items) - len(items)), page, size)


def scoped_count(store: GraphStore, who: Identity, kind: type[N],
                 filters: Mapping[str, Any] | None = None) -> int:
    """How many rows of ``kind`` :func:`scoped_page` pages through, counted in the store
    (a unit's agreements, whose units are a list, are counted row by row)."""
    scope, forced = list_scope(who, kind)
    merged = merge_filters(forced, parse_filters(kind.KIND, filters or {}))
    if merged is None:
        return 0
    if who.role == Role.RESIDENT_UNIT and kind is Agreement:
        return scoped_page(store, who, kind, filters, 1, 1).total
    return store.count(kind, scope=scope, filters=merged)


def scoped_values(store: GraphStore, who: Identity, kind: type[N],
                  filters: Mapping[str, Any] | None, fields: Sequence[str]
                  ) -> list[dict[str, Any]]:
    """``id`` and ``fields`` of every row :func:`scoped_page` pages through, by id, as
    stored (:meth:`~graph.store.GraphStore.values`): to search or sort many rows and then
    load the one page shown with :func:`readable_many`. Not for agreements (a unit's are
    found by a list field)."""
    if kind is Agreement:
        raise ValueError("agreements are paged with scoped_page")
    scope, forced = list_scope(who, kind)
    merged = merge_filters(forced, parse_filters(kind.KIND, filters or {}))
    if merged is None:
        return []
    return store.values(kind, fields, scope=scope, filters=merged)


def readable_many(store: GraphStore, who: Identity, kind: type[N], ids: Sequence[str]
                  ) -> list[N]:
    """The nodes of ``ids`` that ``who`` may read, in that order, as ``who`` sees them."""
    found = store.get_many(kind, list(ids))
    return [researcher_view(who, n) for i in ids
            if (n := found.get(i)) is not None and can_read(who, n)]


def _all(store: GraphStore, kind: type[N], scope: str | None,
         filters: Mapping[str, Any]) -> list[N]:
    out: list[N] = []
    page = 1
    while True:
        part = store.list(kind, scope=scope, filters=filters, page=page, size=_ALL)
        out.extend(part.items)
        if len(out) >= part.total or not part.items:
            return out
        page += 1


def get_readable(store: GraphStore, who: Identity, kind: type[N], id: str) -> N:
    """The node, if ``who`` may see it: NotFound alike for a missing id and one outside
    the scope, Forbidden for every id of a kind the role never reads."""
    require_kind(who, kind)
    node = store.get(kind, id)
    require_read(who, node)
    return researcher_view(who, node)


def researcher_view(who: Identity, node: N) -> N:
    """``node`` as ``who`` may see it: for researchers, member ids and signers' names as
    the pseudonyms the member list and exports use (``who.salt``; withheld without one),
    free-text notes and comments withheld."""
    if who.role != Role.RESEARCHER:
        return node
    salt = who.salt

    def alias(value: str) -> str:
        return pseudonym(value, salt) if salt else "（已隐去）"

    if isinstance(node, ServiceRecord):
        return node.model_copy(update={
            "member_ids": [pseudonym(m, salt) for m in node.member_ids] if salt else [],
            "note": ""})
    if isinstance(node, Agreement):
        signed = [s.model_copy(update={"signer": alias(s.signer)})
                  for s in node.signatures]
        return node.model_copy(update={"signatures": signed})
    if isinstance(node, Evaluation):
        return node.model_copy(update={"comment": ""})
    return node


def check_version(node: Node, expected: int) -> None:
    """A conflict, with the current state, when the caller saw another version."""
    if node.version != expected:
        raise VersionConflict(
            f"{node.LABEL} {node.id} 已被他人修改（您看到的是第 {expected} 版，"
            f"当前为第 {node.version} 版），请刷新后重试",
            id=node.id, expected=expected, current=node.version,
            state=node.model_dump(mode="json"))


def audit(who: Identity, target: Node, action: str, from_state: str | None,
          to_state: str | None, note: str = "", at: dt.datetime | None = None) -> AuditEntry:
    """The audit line for ``who`` taking ``action`` on ``target``."""
    street = getattr(target, "street_id", None)
    community = getattr(target, "community_id", None)
    unit = getattr(target, "unit_id", None)
    if unit is None and getattr(target, "unit_ids", None):
        unit = target.unit_ids[0]  # type: ignore[attr-defined]
    return AuditEntry(
        id=new_id("AU"), target_kind=target.KIND, target_id=target.id, action=action,
        from_state=from_state, to_state=to_state, by_role=who.role,
        by_id=who.subject_id[:64], at=at or now_utc(), note=note[:2000],
        street_id=street, community_id=community, unit_id=unit)


def require_roles(who: Identity, roles: set[Role], what: str) -> None:
    if who.role not in roles:
        from graph import ROLE_NAMES

        allowed = "、".join(ROLE_NAMES[r] for r in sorted(roles))
        raise Forbidden(f"{who.describe()}不能{what}（可执行者：{allowed}）")
