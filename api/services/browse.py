"""Lists as a clerk reads them: search words, filters, a date range, a sort, one page.

Equality filters, the sort and the paging go to the store (one page read, its count from
the store). Search words or a date range read the few fields searched, dated and sorted on
of the caller's scoped rows (:func:`~api.services._common.scoped_values`: no whole nodes;
a district's 600 needs), filter and order them here and load the one page shown, so only
one page leaves the server either way. Scope is that of :func:`scoped_page`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from api.errors import InvalidRequest
from api.identity import Identity, can_read
from api.services._common import (
    readable_many,
    researcher_view,
    scoped_page,
    scoped_values,
)
from api.services.cache import cached, reach
from graph import GraphStore, MatchRun, Need, Node, Page, Resource

__all__ = ["RUN_FIELDS", "SORTS", "Query", "Runs", "browse", "browse_all", "browse_rows",
           "run_list"]

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


# what a search or a date range reads of each row, besides the sort field
SEARCHED = ("title", "description")
DATES = {"Need": ("created", "start"), "Resource": ("start", "end"), "Project": ("start",)}


def _text(row: Mapping[str, Any]) -> str:
    return " ".join(str(row.get(f) or "") for f in ("id", *SEARCHED)).lower()


def _day(kind: type[Node], row: Mapping[str, Any]) -> dt.date | None:
    day: dt.date | None = (row["created"] or row["start"]) if kind is Need else row.get("start")
    return day


def _matches(kind: type[Node], row: Mapping[str, Any], query: Query) -> bool:
    if query.q and not all(w.lower() in _text(row) for w in query.q.split()):
        return False
    if query.date_from or query.date_to:
        if kind is Resource:  # available at some time in the range
            start, end = row["start"], row["end"]
            if query.date_to and start and start > query.date_to:
                return False
            return not (query.date_from and end and end < query.date_from)
        day = _day(kind, row)
        if day is None:
            return False
        if query.date_from and day < query.date_from:
            return False
        if query.date_to and day > query.date_to:
            return False
    return True


def _found(store: GraphStore, who: Identity, kind: type[N], query: Query,
           fields: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The rows the caller may read through the store's scope that fit ``query``, in its
    order, as the fields searched, dated and sorted on and ``fields`` (not whole nodes)."""
    filters = {k: v for k, v in query.filters.items() if v not in (None, "")}
    sort = _sort(kind, query.sort)
    wanted = [f for f in (*SEARCHED, *DATES.get(kind.KIND, ()), *(sort[:1] if sort else ()),
                          *fields) if f in kind.model_fields]
    rows = [r for r in scoped_values(store, who, kind, filters, wanted)
            if _matches(kind, r, query)]
    if sort is not None:
        field, descending = sort

        def key(row: Mapping[str, Any]) -> tuple[bool, Any, str]:
            value = row.get(field)
            return (value is None) != descending, value if value is not None else 0, row["id"]

        rows.sort(key=key, reverse=descending)
    return rows


def _found_ids(store: GraphStore, who: Identity, kind: type[N], query: Query) -> list[str]:
    return [r["id"] for r in _found(store, who, kind, query)]


def _stand_in(kind: type[N], row: Mapping[str, Any]) -> N:
    """A node of ``row``'s fields (the others None), for the scope checks alone: built
    without validation, and without computing defaults (pydantic inspects each default
    factory: 0.8 ms a match run)."""
    return cast(N, kind.model_construct(**{**dict.fromkeys(kind.model_fields), **row}))


def browse_rows(store: GraphStore, who: Identity, kind: type[N], query: Query,
                fields: Sequence[str]) -> list[dict[str, Any]]:
    """Every row of ``kind`` the caller may read that fits ``query``, in its order, as
    ``fields`` (stored values, no model validated: for downloads of a whole list). Each
    row is checked with :func:`~api.identity.can_read` and shown as
    :func:`~api.services._common.researcher_view` shows it, as :func:`browse_all`'s."""
    place = [f for f in ("street_id", "community_id", "unit_id") if f in kind.model_fields]
    out = []
    for found in _found(store, who, kind, query, [*fields, *place]):
        node = _stand_in(kind, found)
        row = {f: found[f] for f in ("id", *fields)}
        if can_read(who, node):
            seen = researcher_view(who, node)
            out.append(row if seen is node else {f: getattr(seen, f) for f in row})
    return out


def browse_all(store: GraphStore, who: Identity, kind: type[N], query: Query) -> list[N]:
    """Every row of ``kind`` the caller may read that fits ``query``, in its order."""
    ids = _found_ids(store, who, kind, query)
    out: list[N] = []
    for start in range(0, len(ids), _CHUNK):
        out.extend(readable_many(store, who, kind, ids[start:start + _CHUNK]))
    return out


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
    ids = _found_ids(store, who, kind, query)
    start = (query.page - 1) * query.size
    shown = ids[start:start + query.size]
    items = readable_many(store, who, kind, shown)
    return Page(items, len(ids) - (len(shown) - len(items)), query.page, query.size)


# what the pages show of a match run in a list (not its result: ~80 KB a district run)
RUN_FIELDS = ("scope_id", "street_id", "created", "status", "objective", "summary", "draft")


@dataclass(frozen=True)
class Runs:
    items: list[dict[str, Any]]
    total: int


def run_list(store: GraphStore, who: Identity, page: int = 1, size: int = 20) -> Runs:
    """One page of the match runs ``who`` may read, newest first, as :data:`RUN_FIELDS`
    (the runs :func:`api.runs.service.list_runs` pages through, each checked with
    :func:`~api.identity.can_read`), once per data version and reach."""
    def read() -> Runs:
        rows = [r for r in scoped_values(store, who, MatchRun, {}, RUN_FIELDS)
                if can_read(who, _stand_in(MatchRun, r))]
        rows.sort(key=lambda r: (r["created"], r["id"]), reverse=True)
        start = (page - 1) * size
        return Runs(rows[start:start + size], len(rows))

    return cached(store, ("run-list", reach(who), page, size), read)
