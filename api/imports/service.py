"""The import use case: a street office's spreadsheet in, nodes in the store or every problem out.

A file is checked whole before anything is written: headers, every cell, ids unique in the
file, references to communities, streets, units and parent organizations (in the file or
in the store), coordinates and time windows. One problem anywhere rejects the file and
nothing is written; a good file is written in one ``store.upsert`` (all or nothing). Ids
come from the file, so importing the same file again changes nothing.

Scope: a row that updates a stored node is checked against the node as stored *and* as it
will be, by the same rules as the JSON endpoints (:func:`api.identity.can_write`); the
write carries the version each node had when the file was parsed (a new id must still
be free), so a
change made meanwhile makes the import a conflict instead of being overwritten. Every
node created or changed gets an audit line in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from api.categories import suggestion_hint
from api.imports.clerk import date_warnings, derive_ids, reshape, resolve_names
from api.imports.columns import IGNORED_HEADERS, LAYOUTS, CellError, Column, Layout
from api.imports.columns import normalize_header as _norm
from api.imports.limits import DEFAULT_LIMITS, ImportLimits
from api.imports.problems import ImportRejected, RowProblem
from api.imports.tabular import Table, read_table
from graph.errors import ModelError, NotFound, ReferenceMissing
from graph.model import (
    CHINA_LAT,
    CHINA_LON,
    NODE_TYPES,
    ORG_LEVEL_NAMES,
    AuditEntry,
    Node,
    Organization,
    OrgLevel,
    Relationship,
    ResidentUnit,
    Role,
)
from graph.store import GraphStore, UpsertReport, Versioned
from graph.validation import FIELD_LABELS, field_problems

if TYPE_CHECKING:  # api.identity imports api.errors, which imports this package
    from api.identity import Identity

KINDS = tuple(LAYOUTS)
_REFERENCE_FIELDS = frozenset({"community_id", "street_id", "unit_id", "parent_id"})
_LEVEL_NAMES = {str(level): name for level, name in ORG_LEVEL_NAMES.items()}


@dataclass
class ImportReport:
    """What an import wrote: counts by kind from the store's :class:`UpsertReport`."""

    kind: str
    source: str
    rows: int
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # columns ignored, dates to check

    @classmethod
    def from_upsert(cls, kind: str, source: str, rows: int,
                    report: UpsertReport) -> ImportReport:
        return cls(kind, source, rows, dict(report.created), dict(report.updated),
                   dict(report.unchanged))

    @property
    def changed(self) -> int:
        """Nodes and relationships created or updated; 0 when the file was imported before."""
        return sum(self.created.values()) + sum(self.updated.values())

    def __str__(self) -> str:
        def counts(rels: bool) -> str:
            def n(bucket: dict[str, int]) -> int:
                return sum(v for k, v in bucket.items() if (k == "relationships") == rels)
            return f"新建 {n(self.created)}，更新 {n(self.updated)}，未变 {n(self.unchanged)}"

        text = f"{LAYOUTS[self.kind].label} {self.rows} 行：{counts(False)}"
        if any("relationships" in b for b in (self.created, self.updated, self.unchanged)):
            text += f"；双报到关系{counts(True)}"
        return text


def import_file(store: GraphStore, path: str | Path, kind: str, *,
                scope: str | None = None, who: Identity | None = None,
                limits: ImportLimits = DEFAULT_LIMITS, source: str | None = None,
                now: dt.datetime | None = None) -> ImportReport:
    """Check ``path`` whole and write it in one upsert, or write nothing.

    Parameters
    ----------
    store : the graph store to write to (references are checked against it).
    path : a ``.csv`` (UTF-8 or GB18030), ``.xlsx`` or ``.json`` file.
    kind : one of ``needs``, ``resources``, ``units``, ``organizations``.
    scope : when given (a street, community or district id), every row must lie inside it,
        as stored and as it will be.
    who : the signed-in caller; every row's node, as stored and as it will be, must be one
        ``who`` may write, and the audit lines name ``who`` (the scope defaults to theirs).
        Without it (the command line) the lines name the system.
    limits : bounds of the file (size, rows, characters per cell, JSON depth, problems
        listed).
    source : the file's name as the person knows it (an upload is saved under another).

    Raises
    ------
    ImportRejected
        with the problems found; nothing of the file was written.
    VersionConflict
        when a node the file updates changed between parsing and writing.
    """
    path = Path(path)
    name = source or path.name
    if who is not None and scope is None:
        scope = who.scope_id
    parser = _parser(path, kind, store, scope, who, limits)
    if isinstance(parser, list):
        raise ImportRejected(parser, source=name, limit=limits.max_problems)
    nodes, relationships, problems = parser.run()
    if problems:
        raise ImportRejected(problems, source=name, limit=limits.max_problems)
    lines = parser.audit_lines(who, name, now or dt.datetime.now(dt.UTC))
    try:
        written = store.write(parser.versioned(), also=lines, relationships=relationships)
    except (ReferenceMissing, ModelError) as e:  # the checks above should have caught it
        raise ImportRejected([RowProblem(None, None, f"写入时被拒绝：{e.message}")],
                             source=name) from None
    report = written.report
    report.created.pop(AuditEntry.KIND, None)
    result = ImportReport.from_upsert(kind, name, len(nodes), report)
    result.warnings = parser.warnings
    return result


def _parser(path: Path, kind: str, store: GraphStore | None, scope: str | None,
            who: Identity | None, limits: ImportLimits) -> _Parser | list[RowProblem]:
    layout = LAYOUTS.get(kind)
    if layout is None:
        message = f"未知的清单类型「{kind}」；可用：{'、'.join(KINDS)}"
        return [RowProblem(None, None, message)]
    try:
        table = read_table(path, layout.sheet_names, limits)
    except ImportRejected as e:
        return e.problems
    return _Parser(layout, reshape(table, layout), store, scope, who)


def parse_file(path: str | Path, kind: str, *, store: GraphStore | None = None,
               scope: str | None = None, who: Identity | None = None,
               limits: ImportLimits = DEFAULT_LIMITS,
               ) -> tuple[list[Node], list[Relationship], list[RowProblem]]:
    """The nodes and relationships in ``path``, and every problem with them.

    Without a ``store`` only the file itself is checked: references to ids that are not in
    the file are taken on trust, and a street that would be filled in from the store must
    be in the file. With one, references are checked against the store, missing streets
    are filled in from the community (or unit, or parent organization), and columns the
    file does not have keep the values already stored.
    """
    parser = _parser(Path(path), kind, store, scope, who, limits)
    if isinstance(parser, list):
        return [], [], parser
    return parser.run()


@dataclass
class _Row:
    number: int
    data: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)  # field -> header used in this row
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class _OrgInfo:
    level: str | None
    street_id: str | None
    community_id: str | None
    name: str


class _Parser:
    def __init__(self, layout: Layout, table: Table, store: GraphStore | None,
                 scope: str | None, who: Identity | None = None) -> None:
        self.layout, self.table, self.store, self.scope = layout, table, store, scope
        self.who = who
        self.parsed: list[tuple[int, Node]] = []  # (row number, node) of the good rows
        self.item = table.item
        self.problems: list[RowProblem] = list(table.problems)
        self.columns: dict[int, Column] = {}
        self.headers: dict[str, str] = {}  # field -> header as written
        self.missing_required: set[str] = set()
        self.rows: list[_Row] = []
        self.store_orgs: dict[str, Organization] = {}
        self.store_units: dict[str, ResidentUnit] = {}
        self.file_orgs: dict[str, _Row] = {}
        self.existing: dict[str, Node] = {}  # stored nodes of this kind with the file's ids
        self.clashes: dict[str, Node] = {}  # stored nodes of another kind with those ids
        self._org_cache: dict[str, _OrgInfo | None] = {}
        self.warnings: list[str] = []  # what the import ignores or asks to check
        self._scope_cache: tuple[set[str], str | None] | None = None

    # -- driver ---------------------------------------------------------------------

    def run(self) -> tuple[list[Node], list[Relationship], list[RowProblem]]:
        self._map_headers()
        self._read_rows()
        resolve_names(self.rows, self.store, self.layout, self._problem)  # names → codes
        derive_ids(self.rows, self.layout, self._problem)  # sheets without an id column
        if not self.rows and not self.problems:
            self.problems.append(RowProblem(None, None, "文件只有表头，没有数据行"))
        self._load_references()
        self._check_scope_exists()
        nodes: list[Node] = []
        relationships: list[Relationship] = []
        for row in self.rows:
            self._resolve(row)
            prechecked = self._precheck(row)
            node = self._validate(row, prechecked)
            if node is not None:
                self._check_scope(row, node)
                self._check_writer(row, node)
                nodes.append(node)
                self.parsed.append((row.number, node))
                relationships.extend(Relationship(kind="REGISTERED_WITH", src=node.id, dst=c)
                                     for c in row.data.get("_registered_with", []))
            self.problems.extend(row.problems)
        order = {h: i for i, h in enumerate(self.table.headers)}
        self.problems.sort(key=lambda p: (-1 if p.row is None else p.row,
                                          order.get(p.column or "", len(order))))
        if self.problems:
            return [], [], self.problems
        self.warnings.extend(date_warnings(self.rows, dt.date.today(), self.item))
        return nodes, relationships, []

    # -- header ---------------------------------------------------------------------

    def _problem(self, row: int | None, column: str | None, message: str) -> RowProblem:
        return RowProblem(row, column, message, item=self.item)

    def _map_headers(self) -> None:
        header_row = self.table.header_row
        ignored: list[str] = []
        for i, header in enumerate(self.table.headers):
            if not header:
                if any(r[i] not in (None, "") for _, r in self.table.rows):
                    self.problems.append(self._problem(
                        header_row, f"第 {i + 1} 列", "这一列有数据但没有表头"))
                continue
            if _norm(header) in IGNORED_HEADERS:
                continue
            column = self.layout.column_for(header)
            if column is None:  # 联系人、联系电话…: kept in the sheet, not in the product
                ignored.append(header)
            elif column.field in self.headers and header_row is None:
                self.columns[i] = column  # JSON items may spell keys differently
            elif column.field in self.headers:
                self.problems.append(self._problem(
                    header_row, header, f"与「{self.headers[column.field]}」列重复，"
                                        f"都表示{FIELD_LABELS.get(column.field, column.field)}"))
            else:
                self.columns[i] = column
                self.headers[column.field] = header
        if ignored:
            self.warnings.append(f"以下列未使用，已忽略：{'、'.join(ignored)}")
        for column in self.layout.columns:
            if column.required and column.field not in self.headers:
                self.missing_required.add(column.field)
                others = "、".join(h for h in column.headers[1:])
                self.problems.append(self._problem(
                    header_row, column.header, f"缺少必填列（也可写作 {others}）"))

    def _header(self, field_name: str, row: _Row | None = None) -> str:
        """The header of ``field_name`` as written (in this row, for JSON items)."""
        if row is not None and field_name in row.headers:
            return row.headers[field_name]
        return self.headers.get(field_name) or FIELD_LABELS.get(field_name, field_name)

    # -- cells ----------------------------------------------------------------------

    @property
    def _id_required(self) -> bool:
        """Organizations need their codes; other lists get derived ids where none is given."""
        return any(c.field == "id" and c.required for c in self.layout.columns)

    def _read_rows(self) -> None:
        seen: dict[str, int] = {}
        for number, cells in self.table.rows:
            row = _Row(number, {})
            for i, column in self.columns.items():
                cell = cells[i]
                if cell is None or (isinstance(cell, str) and not cell.strip()):
                    continue
                header = self.table.headers[i]
                if column.field in row.headers:
                    row.problems.append(self._problem(
                        number, header, f"与「{row.headers[column.field]}」重复，"
                                        f"都表示{FIELD_LABELS.get(column.field, column.field)}"))
                    continue
                row.headers[column.field] = header
                try:
                    row.data[column.field] = column.read(cell)
                except CellError as e:
                    row.problems.append(self._problem(number, header, str(e)))
            if "registered_with" in row.data:
                row.data["_registered_with"] = row.data.pop("registered_with")
            node_id = row.data.get("id")
            if node_id is None and "id" in self.headers and self._id_required:
                row.problems.append(self._problem(
                    number, self._header("id", row),
                    "必填：编号是再次导入时识别同一条记录的依据，请为每行填写唯一编号"))
            elif isinstance(node_id, str) and node_id:
                if node_id in seen:
                    row.problems.append(self._problem(
                        number, self._header("id", row),
                        f"编号「{node_id}」与第 {seen[node_id]} {self.item}重复"))
                else:
                    seen[node_id] = number
            self.rows.append(row)
            if self.layout.kind == "organizations" and isinstance(node_id, str):
                self.file_orgs.setdefault(node_id, row)

    # -- references -----------------------------------------------------------------

    def _load_references(self) -> None:
        if self.store is None:
            return
        wanted: set[str] = set()
        for row in self.rows:
            for name in ("community_id", "street_id", "parent_id", "unit_id"):
                value = row.data.get(name)
                if isinstance(value, str):
                    wanted.add(value)
            wanted.update(v for v in row.data.get("_registered_with", []) if isinstance(v, str))
        self.store_orgs = self.store.get_many(Organization, sorted(wanted))
        self.store_units = self.store.get_many(ResidentUnit, sorted(wanted))
        # the same ids already stored, as this kind (to merge) or as another (a clash)
        ids = sorted({r.data["id"] for r in self.rows if isinstance(r.data.get("id"), str)})
        self.existing = dict(self.store.get_many(self.layout.model, ids))
        # the parents the stored organizations hang from (re-parenting is checked on both)
        parents = {getattr(n, "parent_id", None) for n in self.existing.values()}
        self.store_orgs.update(self.store.get_many(
            Organization, sorted(p for p in parents if p and p not in self.store_orgs)))
        for kind in NODE_TYPES.values():
            if kind is not self.layout.model:
                self.clashes.update(self.store.get_many(kind, ids))

    def _org(self, org_id: str, trail: tuple[str, ...] = ()) -> _OrgInfo | None:
        """Level, street and community of an organization in the file or the store."""
        if org_id in self._org_cache:
            return self._org_cache[org_id]
        info: _OrgInfo | None = None
        row = self.file_orgs.get(org_id)
        if row is not None and org_id not in trail:
            d = row.data
            level = d.get("level") if isinstance(d.get("level"), str) else None
            street, community = d.get("street_id"), d.get("community_id")
            parent = self._org(d["parent_id"], (*trail, org_id)) if isinstance(
                d.get("parent_id"), str) else None
            if level == OrgLevel.STREET:
                street = street or org_id
            elif level == OrgLevel.COMMUNITY:
                community = community or org_id
            if parent is not None:
                street = street or parent.street_id
                if level not in (OrgLevel.STREET, OrgLevel.COMMUNITY):
                    community = community or parent.community_id
            info = _OrgInfo(level, street, community, str(d.get("name", org_id)))
        elif org_id in self.store_orgs or self._fetch_org(org_id):
            o = self.store_orgs[org_id]
            info = _OrgInfo(o.level, o.street_id or (o.id if o.level == OrgLevel.STREET
                                                     else None),
                            o.community_id or (o.id if o.level == OrgLevel.COMMUNITY else None),
                            o.name)
        self._org_cache[org_id] = info
        return info

    def _fetch_org(self, org_id: str) -> bool:
        """Load an organization the file did not name (a street filled in from a community)."""
        if self.store is None:
            return False
        self.store_orgs.update(self.store.get_many(Organization, [org_id]))
        return org_id in self.store_orgs

    def _unknown(self, row: _Row, field_name: str, target: str, what: str, first: str) -> None:
        header = self._header(field_name, row)
        if any(p.column == header for p in row.problems):
            return  # already said (a name shared by several, listed with their codes)
        row.problems.append(self._problem(
            row.number, header,
            f"{what}「{target}」在文件和数据库中都不存在；请先导入{first}，或检查编号"))

    def _check_org(self, row: _Row, field_name: str, level: OrgLevel) -> _OrgInfo | None:
        """The organization ``field_name`` names, if it exists and has ``level``."""
        target = row.data.get(field_name)
        if not isinstance(target, str):
            return None
        info = self._org(target)
        if info is None:
            if self.store is not None:
                self._unknown(row, field_name, target, FIELD_LABELS[field_name], "组织清单")
            return None
        if info.level != level:
            what = _LEVEL_NAMES.get(info.level or "", "组织")
            row.problems.append(self._problem(
                row.number, self._header(field_name, row),
                f"「{target}」是{what}「{info.name}」，不是{ORG_LEVEL_NAMES[level]}"))
            return None
        return info

    def _fill_street(self, row: _Row, street: str | None, via_field: str, via: str) -> None:
        given = row.data.get("street_id")
        if street is None:
            return
        if given is None:
            row.data["street_id"] = street
        elif given != street:
            row.problems.append(self._problem(
                row.number, self._header("street_id", row),
                f"{FIELD_LABELS.get(via_field, via_field)}「{via}」属于街道「{street}」，"
                f"与填写的「{given}」不一致"))

    def _resolve(self, row: _Row) -> None:
        d, kind = row.data, self.layout.kind
        if kind in ("needs", "units"):
            community = self._check_org(row, "community_id", OrgLevel.COMMUNITY)
            if community is not None:
                self._fill_street(row, community.street_id, "community_id", d["community_id"])
            if kind == "units":
                for target in d.get("_registered_with", []):
                    self._check_registration(row, target)
        elif kind == "resources":
            unit_id = d.get("unit_id")
            if isinstance(unit_id, str):
                unit = self.store_units.get(unit_id)
                if unit is not None:
                    self._fill_street(row, unit.street_id, "unit_id", unit_id)
                elif self.store is not None:
                    self._unknown(row, "unit_id", unit_id, "提供单位", "驻区单位清单")
        elif kind == "organizations":
            self._resolve_org(row)
        if "street_id" in self.headers:
            self._check_org(row, "street_id", OrgLevel.STREET)
        if kind == "organizations" and "community_id" in self.headers:
            self._check_org(row, "community_id", OrgLevel.COMMUNITY)

    def _chain_above(self, org_id: str) -> list[str]:
        """``org_id`` and its parents up to the top, as the file and the store have them."""
        chain: list[str] = []
        current: str | None = org_id
        while current and current not in chain and len(chain) < 32:
            chain.append(current)
            row = self.file_orgs.get(current)
            if row is not None:
                parent = row.data.get("parent_id")
                current = parent if isinstance(parent, str) else None
                continue
            if current not in self.store_orgs and self.store is not None:
                self.store_orgs.update(self.store.get_many(Organization, [current]))
            stored = self.store_orgs.get(current)
            current = stored.parent_id if stored is not None else None
        return chain

    def _check_registration(self, row: _Row, target: str) -> None:
        info = self._org(target)
        header = self._header("registered_with", row)
        if info is None and self.store is not None:
            row.problems.append(self._problem(
                row.number, header, f"报到社区「{target}」在文件和数据库中都不存在"))
        elif info is not None and info.level != OrgLevel.COMMUNITY:
            row.problems.append(self._problem(
                row.number, header, f"「{target}」（{info.name}）不是社区，不能作为报到社区"))

    def _resolve_org(self, row: _Row) -> None:
        d = row.data
        parent_id, node_id = d.get("parent_id"), d.get("id")
        if isinstance(parent_id, str):
            if parent_id == node_id:
                row.problems.append(self._problem(row.number, self._header("parent_id", row),
                                                  "上级组织不能是自己"))
            elif self._org(parent_id) is None and self.store is not None:
                self._unknown(row, "parent_id", parent_id, "上级组织", "上级组织")
            elif isinstance(node_id, str) and node_id in self._chain_above(parent_id):
                row.problems.append(self._problem(
                    row.number, self._header("parent_id", row),
                    f"「{parent_id}」在「{node_id}」之下，不能作为它的上级组织（会形成循环）"))
        unit_id = d.get("unit_id")
        if isinstance(unit_id, str) and self.store is not None and unit_id not in self.store_units:
            self._unknown(row, "unit_id", unit_id, "所属单位", "驻区单位清单")
        if isinstance(node_id, str) and node_id != parent_id:
            info = self._org(node_id)
            if info is not None:
                d.setdefault("street_id", info.street_id)
                d.setdefault("community_id", info.community_id)
                for name in ("street_id", "community_id"):
                    if d[name] is None:
                        del d[name]

    # -- rules the model checks across fields, attributed to a column ------------------

    def _precheck(self, row: _Row) -> bool:
        """Problems the model would report for the whole row, said for one column."""
        before = len(row.problems)
        d = row.data
        lat: Any = d.get("lat")
        lon: Any = d.get("lon")
        if (lat is None) != (lon is None):
            missing, filled = ("lon", "lat") if lon is None else ("lat", "lon")
            row.problems.append(self._problem(
                row.number, self._header(missing, row),
                f"纬度和经度须同时填写或同时留空；已填{FIELD_LABELS[filled]}，"
                f"缺{FIELD_LABELS[missing]}"))
        elif _number(lat) and _number(lon):
            lat_ok = CHINA_LAT[0] <= lat <= CHINA_LAT[1]
            lon_ok = CHINA_LON[0] <= lon <= CHINA_LON[1]
            if not (lat_ok and lon_ok):
                swapped = (CHINA_LAT[0] <= lon <= CHINA_LAT[1]
                           and CHINA_LON[0] <= lat <= CHINA_LON[1])
                hint = "，看起来纬度和经度填反了" if swapped else "，请检查是否漏填或多填了数字"
                row.problems.append(self._problem(
                    row.number, self._header("lat" if not lat_ok else "lon", row),
                    f"坐标（纬度 {lat:g}，经度 {lon:g}）不在中国境内"
                    f"（纬度应在 {CHINA_LAT[0]:g}–{CHINA_LAT[1]:g}，"
                    f"经度应在 {CHINA_LON[0]:g}–{CHINA_LON[1]:g}）{hint}"))
        start, end = d.get("start"), d.get("end")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            row.problems.append(self._problem(
                row.number, self._header("end", row),
                f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}"))
        level = d.get("level")
        if self.layout.kind == "organizations" and level in set(OrgLevel):
            name = ORG_LEVEL_NAMES[OrgLevel(level)]
            if level not in (OrgLevel.CITY, OrgLevel.DISTRICT) and not d.get("parent_id"):
                row.problems.append(self._problem(row.number, self._header("parent_id", row),
                                                  f"必填：{name}须有上级组织"))
            if level == OrgLevel.COMMUNITY and not d.get("community_type"):
                row.problems.append(self._problem(
                    row.number, self._header("community_type", row),
                    "必填：社区须注明类型（老旧社区、商品房社区、单位型社区、村改居社区）"))
            if level == OrgLevel.UNIT_PARTY_ORG and not d.get("unit_id"):
                row.problems.append(self._problem(row.number, self._header("unit_id", row),
                                                  "必填：单位党组织须注明所属单位"))
        return len(row.problems) > before

    # -- the model ------------------------------------------------------------------

    def _validate(self, row: _Row, prechecked: bool) -> Node | None:
        data = {k: v for k, v in row.data.items() if not k.startswith("_")}
        node_id = data.get("id")
        existing = self.existing.get(node_id) if isinstance(node_id, str) else None
        if existing is not None:
            # columns the file does not have keep their stored values
            data = {**{k: v for k, v in existing.content().items()
                       if k not in self.headers and v is not None}, **data}
        clash = self.clashes.get(node_id) if isinstance(node_id, str) else None
        if clash is not None:
            row.problems.append(self._problem(
                row.number, self._header("id", row),
                f"编号「{node_id}」已被{clash.LABEL}使用，不能再用于{self.layout.label}"))
        try:
            node = self.layout.model.model_validate(data)
        except ValidationError as e:
            for p in field_problems(e):
                if p.field in self.missing_required or (p.field == "id" and p.message == "必填"):
                    continue  # already said once for the header, or for the empty id cell
                if not p.field and prechecked:
                    continue  # a rule across fields, already attributed to its column
                message = p.message
                if p.field == "street_id" and message == "必填":
                    if row.problems:
                        continue  # the community or unit it would come from is wrong
                    message = "无法确定所属街道，请填写此列"
                if p.field == "category" and self.layout.kind in ("needs", "resources"):
                    hint = suggestion_hint(str(data.get("title") or ""),
                                           str(data.get("description") or ""))
                    message = f"{message}；{hint}" if hint else message
                column = self._header(p.field, row) if p.field else None
                if column is not None and p.field in _REFERENCE_FIELDS and any(
                        q.column == column for q in row.problems):
                    continue  # the reference is already reported (unknown or ambiguous)
                row.problems.append(self._problem(row.number, column, message))
            return None
        return None if row.problems else node

    def _check_scope_exists(self) -> None:
        if self.scope is not None and self.store is not None:
            self._scope_streets()
            assert self._scope_cache is not None
            if not self._scope_cache[0]:
                self.problems.append(self._problem(
                    None, None, f"导入范围「{self.scope}」不存在，或其下没有街道"))

    def _check_scope(self, row: _Row, node: Node) -> None:
        if self.scope is None or self.store is None:
            return
        stored = self.existing.get(node.id)
        if stored is not None and not self._inside(stored):
            row.problems.append(self._problem(
                row.number, self._header("id", row),
                f"编号「{node.id}」是已有的{stored.LABEL}，不在导入范围「{self.scope}」之内，"
                "不能由此导入修改"))
        elif not self._inside(node):
            row.problems.append(self._problem(
                row.number, None, f"不在导入范围「{self.scope}」之内，不能由此导入"))

    def _check_writer(self, row: _Row, node: Node) -> None:
        """The caller may write the node as stored and as it will be (the API's rules)."""
        if self.who is None or row.problems:
            return
        from api.identity import can_write
        stored = self.existing.get(node.id)
        if stored is not None and not can_write(self.who, stored):
            row.problems.append(self._problem(
                row.number, self._header("id", row),
                f"编号「{node.id}」是已有的{stored.LABEL}，{self.who.describe()}不能修改它"))
        elif not can_write(self.who, node):
            row.problems.append(self._problem(
                row.number, None, f"{self.who.describe()}不能写入这一{self.item}"
                                  f"（{self.layout.label}不在其管辖范围内）"))
        elif isinstance(node, Organization) and isinstance(stored, Organization) \
                and stored.parent_id != node.parent_id:
            # re-parenting takes authority over the old parent and the new one
            for parent_id in (stored.parent_id, node.parent_id):
                parent = self.store_orgs.get(parent_id or "") if parent_id else None
                if parent_id and (parent is None or not can_write(self.who, parent)):
                    row.problems.append(self._problem(
                        row.number, self._header("parent_id", row),
                        f"{self.who.describe()}不能把「{node.id}」移到「{node.parent_id}」"
                        f"之下（需有原上级「{stored.parent_id}」和新上级的管辖权）"))
                    return

    def versioned(self) -> list[Versioned]:
        """Each node of the file with the version it had when parsed (None: new)."""
        return [Versioned(node, self.existing[node.id].version if node.id in self.existing
                          else None) for _, node in self.parsed]

    def audit_lines(self, who: Identity | None, source: str, at: dt.datetime
                    ) -> list[AuditEntry]:
        """One audit line per node the import creates or changes."""
        from api.services._common import new_id  # (api.services imports this package)

        lines = []
        role, by = (who.role, who.subject_id) if who is not None else (Role.SYSTEM, "命令行导入")
        for number, node in self.parsed:
            stored = self.existing.get(node.id)
            if stored is not None and stored.content() == node.content():
                continue
            state = getattr(node, "status", None)
            lines.append(AuditEntry(
                id=new_id("AU"),
                target_kind=node.KIND, target_id=node.id,
                action="import_update" if stored is not None else "import_create",
                from_state=getattr(getattr(stored, "status", None), "value", None),
                to_state=getattr(state, "value", None), by_role=role, by_id=by[:64],
                at=at.replace(microsecond=0),
                note=f"导入{self.layout.label}清单 {source} 第 {number} {self.item}"[:2000],
                street_id=getattr(node, "street_id", None),
                community_id=getattr(node, "community_id", None),
                unit_id=node.id if isinstance(node, ResidentUnit)
                else getattr(node, "unit_id", None)))
        return lines

    def _inside(self, node: Node) -> bool:
        allowed = self._scope_streets()
        street = getattr(node, "street_id", None)
        if isinstance(node, Organization) and node.level in (OrgLevel.CITY, OrgLevel.DISTRICT):
            inside = node.id == self.scope or node.parent_id == self.scope
        elif isinstance(node, Organization) and node.level == OrgLevel.STREET:
            inside = node.id in allowed or node.parent_id == self.scope
        else:
            inside = street in allowed
            community = getattr(node, "community_id", None)
            if self._scope_community and community not in (None, self._scope_community):
                inside = False
        return inside

    def _scope_streets(self) -> set[str]:
        if self._scope_cache is None:
            assert self.store is not None and self.scope is not None
            try:
                scope = self.store.scope(self.scope)
            except NotFound:
                self._scope_cache = (set(), None)
            else:
                self._scope_cache = (set(scope.streets), scope.community)
        return self._scope_cache[0]

    @property
    def _scope_community(self) -> str | None:
        self._scope_streets()
        assert self._scope_cache is not None
        return self._scope_cache[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)

