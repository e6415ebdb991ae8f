"""Meeting clerks halfway: the sheets offices really keep, read as they are.

* a title row above the header (武汉路街道2026年需求清单) and footer rows below the data
  (填表人、填表日期) are recognised and skipped (:func:`reshape`);
* communities, streets and units may be named instead of coded: a name unique in the
  store becomes its code, a name shared by several is refused with the candidates
  (:func:`resolve_names`);
* a list without an id column gets a stable id derived from its community (or unit) and
  its title, so importing the same sheet twice changes nothing (:func:`derive_ids`);
* dates long past or far ahead are flagged as warnings (:func:`date_warnings`).

The parser (:mod:`api.imports.service`) calls these in order; every problem names its row
and column as the clerk sees them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from api.imports.columns import Layout, normalize_header
from api.imports.problems import RowProblem
from api.imports.tabular import Table
from graph.model import Organization, OrgLevel, ResidentUnit
from graph.store import GraphStore

__all__ = ["date_warnings", "derive_ids", "reshape", "resolve_names"]

_FOOTER = re.compile(r"^\s*(填表人|填报人|制表人|填表日期|填报日期|制表日期|审核人|审核|"
                     r"负责人|单位盖章|盖章|报送单位|联系人[:：]|联系电话[:：]|注[:：]|说明[:：])")
_HEADER_SEARCH = 10  # a header lies within the first rows of a sheet


class RowLike(Protocol):
    number: int
    data: dict[str, Any]
    headers: dict[str, str]
    problems: list[RowProblem]


Problem = Callable[[int | None, str | None, str], RowProblem]


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def reshape(table: Table, layout: Layout) -> Table:
    """The table with its real header row found and title and footer rows dropped.

    A header is the first row (of the first few) in which at least two cells name columns
    of ``layout``; rows above it are titles. A row whose first filled cell starts like a
    footer (填表人：…) and that fills no more than three cells is dropped, wherever it is.
    """
    if table.header_row is None:  # JSON: keys, not rows
        return table
    grid = [(table.header_row, list(table.headers)), *table.rows]

    def known(cells: list[Any]) -> int:
        return sum(1 for c in cells if _text(c) and layout.column_for(_text(c)) is not None)

    at = next((k for k, (_, cells) in enumerate(grid[:_HEADER_SEARCH]) if known(cells) >= 2),
              0)
    header_row, header = grid[at]
    rows = [(n, cells) for n, cells in grid[at + 1:] if not _footer(cells)]
    headers = [_text(c) for c in header]
    width = max([len(headers), *(len(c) for _, c in rows)]) if rows else len(headers)
    headers += [""] * (width - len(headers))
    while headers and not headers[-1] and not any(
            len(c) >= len(headers) and _text(c[len(headers) - 1]) for _, c in rows):
        headers.pop()
    n = len(headers)
    return Table(headers, [(i, (list(c) + [None] * n)[:n]) for i, c in rows], item=table.item,
                 header_row=header_row, problems=table.problems)


def _footer(cells: list[Any]) -> bool:
    filled = [_text(c) for c in cells if _text(c)]
    return bool(filled) and len(set(filled)) <= 3 and bool(_FOOTER.match(filled[0]))


# -- names instead of codes ---------------------------------------------------------------

_ORG_SUFFIXES = ("社区党委", "社区党总支", "社区党支部", "社区党组织", "社区居委会",
                 "街道党工委", "街道办事处", "街道办", "党工委", "党委", "居委会")


def _name_key(name: str, level: str) -> str:
    text = re.sub(r"\s+", "", name)
    for suffix in _ORG_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)] + ("社区" if "社区" in suffix else
                                           "街道" if "街道" in suffix else "")
            break
    if level == OrgLevel.STREET and not text.endswith("街道"):
        text += "街道"
    if level == OrgLevel.COMMUNITY and not text.endswith("社区"):
        text += "社区"
    return text


class _Directory:
    """Names of the stored streets, communities and units, for lookups by name."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._orgs: dict[str, dict[str, list[Organization]]] = {}
        self._units: dict[str, list[ResidentUnit]] | None = None

    def orgs(self, level: OrgLevel) -> dict[str, list[Organization]]:
        if level not in self._orgs:
            index: dict[str, list[Organization]] = {}
            for o in self.store.list(Organization, filters={"level": level},
                                     size=10_000).items:
                index.setdefault(_name_key(o.name, level), []).append(o)
            self._orgs[level] = index
        return self._orgs[level]

    def units(self) -> dict[str, list[ResidentUnit]]:
        if self._units is None:
            index: dict[str, list[ResidentUnit]] = {}
            for u in self.store.list(ResidentUnit, size=10_000).items:
                index.setdefault(re.sub(r"\s+", "", u.name), []).append(u)
            self._units = index
        return self._units


_REFERENCES: dict[str, tuple[str, OrgLevel | None]] = {
    "community_id": ("社区", OrgLevel.COMMUNITY),
    "street_id": ("街道", OrgLevel.STREET),
    "unit_id": ("单位", None),
}


def resolve_names(rows: Sequence[RowLike], store: GraphStore | None, layout: Layout,
                  problem: Problem) -> None:
    """Replace names of communities, streets and units by their codes where unambiguous.

    A value that is already a stored code stays; a name matching one stored node becomes
    its code; a name matching several is a problem listing them; an unknown value is left
    for the parser to report as unknown.
    """
    if store is None:
        return
    fields = [f for f in _REFERENCES if any(c.field == f for c in layout.columns)]
    if layout.kind == "organizations":
        return  # organizations are coded by their statistical division codes
    directory = _Directory(store)
    values = {row.data[f] for row in rows for f in fields if isinstance(row.data.get(f), str)}
    codes = set(store.get_many(Organization, sorted(values))) | set(
        store.get_many(ResidentUnit, sorted(values)))
    for row in rows:
        for f in fields:
            value = row.data.get(f)
            if not isinstance(value, str) or value in codes:
                continue
            what, level = _REFERENCES[f]
            if level is None:
                found: list[Any] = directory.units().get(re.sub(r"\s+", "", value), [])
            else:
                found = directory.orgs(level).get(_name_key(value, level), [])
            if len(found) == 1:
                row.data[f] = found[0].id
            elif len(found) > 1:
                listed = "、".join(f"{n.name}（{n.id}）" for n in found[:10])
                row.problems.append(problem(
                    row.number, row.headers.get(f, f),
                    f"有 {len(found)} 个{what}叫「{value}」：{listed}；请改填编号"))


# -- ids for sheets without an id column ----------------------------------------------------

_PREFIX = {"needs": "N", "resources": "R", "units": "U"}
_OWNER = {"needs": "community_id", "resources": "unit_id", "units": "street_id"}


def derive_ids(rows: Sequence[RowLike], layout: Layout, problem: Problem) -> None:
    """A stable id for each row that has none: its owner and its title, hashed.

    The same community and title always give the same id, so re-importing the sheet
    updates the same needs instead of adding new ones; two rows with the same community
    and title in one sheet are reported as duplicates.
    """
    prefix = _PREFIX.get(layout.kind)
    if prefix is None:
        return
    title_field = "name" if layout.kind == "units" else "title"
    seen: dict[str, int] = {}
    for row in rows:
        if row.data.get("id") is not None:
            continue
        owner, title = row.data.get(_OWNER[layout.kind]), row.data.get(title_field)
        if not isinstance(title, str) or not title:
            continue  # the parser reports the missing title
        key = f"{owner or ''}\x1f{normalize_header(title)}"
        node_id = f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
        if node_id in seen:
            row.problems.append(problem(
                row.number, row.headers.get(title_field, title_field),
                f"与第 {seen[node_id]} 行的{'单位名称' if layout.kind == 'units' else '标题'}"
                "和所属相同，是重复的一行（没有编号列时，以所属和标题识别同一条）"))
            continue
        seen[node_id] = row.number
        row.data["id"] = node_id


# -- dates worth a second look --------------------------------------------------------------

PAST_DAYS = 180
FUTURE_DAYS = 3 * 365


def date_warnings(rows: Sequence[RowLike], today: dt.date, item: str = "行") -> list[str]:
    """Warnings for dates long past (an end half a year ago) or far ahead (three years)."""
    out: list[str] = []
    for row in rows:
        for f, label in (("start", "开始日期"), ("end", "结束日期")):
            value = row.data.get(f)
            if not isinstance(value, dt.date):
                continue
            where = f"第 {row.number} {item}「{row.headers.get(f, label)}」"
            if f == "end" and value < today - dt.timedelta(days=PAST_DAYS):
                months = (today.year - value.year) * 12 + today.month - value.month
                out.append(f"{where}：{value.isoformat()} 已过去约 {months} 个月，请确认年份")
            elif value > today + dt.timedelta(days=FUTURE_DAYS):
                out.append(f"{where}：{value.isoformat()} 在三年以后，请确认年份")
    return out
