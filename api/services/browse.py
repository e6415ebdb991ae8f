"""Lists as a clerk reads them: search words, filters, a date range, a sort, one page.

Equality filters, the sort and the paging go to the store (one page read, its count from
the store). Search words or a date range read the caller's scoped rows (a street's list
is hundreds of rows, a district's a few thousand), filter and order them here, so only one
page leaves the server either way. Scope is that of :func:`scoped_page`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from api.errors import InvalidRequest
from api.identity import Identity
from api.services._common import scoped_page
from graph import GraphStore, Need, Node, Page, Resource

__all__ = ["SORTS", "Query", "browse", "browse_all"]

N = TypeVar("N", bound=Node)

# sort key -> (field, descending) per kind; the first is the default
SORTS: dict[str, dict[str, tuple[str, bool]]] = {
    "Need": {"new": ("created", True), "urgent": ("urgency", True),
             "quantity": ("quantity", True), "title": ("title", False)},
    "Resource": {"id": ("id", False), "capacity": ("capacity", True),
                 "title": ("title", False), "start": ("start", False)},
    "Project": {"id": ("id", True), "score": ("score", True), "title": ("title", False)},
}
_CHUNK = 10_000


@dataclass(frozen=True)
class Query:
    filters: dict[str, Any]
    q: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = ""
    page: int = 1
    size: int = 20


def _text(node: Node) -> str:
    return " ".join(str(getattr(node, f, "") or "") for f in ("id", "title", "description"))


def _day(node: Node) -> dt.date | None:
    if isinstance(node, Need):
        return node.created or node.start
    return getattr(node, "start", None)


def _matches(node: Node, query: Query) -> bool:
    if query.q and not all(w.lower() in _text(node).lower() for w in query.q.split()):
        return False
    if query.date_from or query.date_to:
        if isinstance(node, Resource):  # available at some time in the range
            start, end = node.start, node.end
            if query.date_to and start and start > query.date_to:
                return False
            return not (query.date_from and end and end < query.date_from)
        day = _day(node)
        if day is None:
            return False
        if query.date_from and day < query.date_from:
            return False
        if query.date_to and day > query.date_to:
            return False
    return True


def browse_all(store: GraphStore, who: Identity, kind: type[N], query: Query) -> list[N]:
    """Every row of ``kind`` the caller may read that fits ``query``, in its order."""
    filters = {k: v for k, v in query.filters.items() if v not in (None, "")}
    rows: list[N] = []
    page = 1
    while True:
        part = scoped_page(store, who, kind, filters, page, _CHUNK)
        rows.extend(part.items)
        if not part.items or page * _CHUNK >= part.total:
            break
        page += 1
    rows = [r for r in rows if _matches(r, query)]
    sort = _sort(kind, query.sort)
    if sort is not None:
        field, descending = sort

        def key(node: N) -> tuple[bool, Any, str]:
            value = getattr(node, field, None)
            return (value is None) != descending, value if value is not None else 0, node.id

        rows.sort(key=key, reverse=descending)
    return rows


def _sort(kind: type[Node], sort: str) -> tuple[str, bool] | None:
    """The field and direction of ``sort`` (the kind's first when empty)."""
    sorts = SORTS.get(kind.KIND, {})
    if sort and sort not in sorts:
        raise InvalidRequest(f"排序方式只能是 {'、'.join(sorts)}，收到「{sort}」",
                             field="sort")
    return sorts[sort or next(iter(sorts))] if sorts else None


def browse(store: GraphStore, who: Identity, kind: type[N], query: Query) -> Page[N]:
    """One page of :func:`browse_all`; without search words or dates, the store's page."""
    if not (query.q or query.date_from or query.date_to):
        filters = {k: v for k, v in query.filters.items() if v not in (None, "")}
        sort = _sort(kind, query.sort)
        order = None if sort is None else ("-" if sort[1] else "") + sort[0]
        return scoped_page(store, who, kind, filters, query.page, query.size, order=order)
    rows = browse_all(store, who, kind, query)
    start = (query.page - 1) * query.size
    return Page(rows[start:start + query.size], len(rows), query.page, query.size)
