"""The embedded backend: one SQLite file, WAL journal, foreign keys, migrated on open.

Nodes live in one table keyed by id with their kind, version, a few indexed columns
(:data:`graph.store.INDEXED_FIELDS`) and their properties as JSON; edges in another, keyed
by (kind, src, dst) with foreign keys to both ends. A bulk upsert is one transaction: an
error anywhere in the batch (a bad reference, an exception raised by the caller's iterator)
rolls the whole batch back.

>>> import tempfile, pathlib
>>> from graph.model import Organization
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g.db")
>>> store.upsert([Organization(id="410305", name="涧西区委", level="district")]).created
{'Organization': 1}
>>> store.get(Organization, "410305").name
'涧西区委'
>>> store.close()
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
from pydantic import ValidationError

from graph.errors import (
    GraphError,
    ModelError,
    NotFound,
    ReferenceMissing,
    StoreUnavailable,
    VersionConflict,
)
from graph.export import snapshot_to_networkx
from graph.model import (
    NODE_TYPES,
    STORED,
    MatchRun,
    Node,
    Organization,
    OrgLevel,
    Relationship,
)
from graph.planning import (
    Write,
    check_refs,
    check_versions,
    latest_by_id,
    plan_nodes,
    relationship_rows,
)
from graph.store import (
    INDEXED_FIELDS,
    Edge,
    Page,
    Snapshot,
    UpsertReport,
    Versioned,
    WriteResult,
    order_field,
    snapshot_kinds,
)

N = TypeVar("N", bound=Node)

SCHEMA_VERSION = 1
BATCH = 2000
SQL_VARS = 900  # stay below SQLite's bound on host parameters

# Each entry migrates from version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        street_id TEXT, community_id TEXT, unit_id TEXT, status TEXT,
        props TEXT NOT NULL
    );
    CREATE INDEX nodes_kind_street ON nodes(kind, street_id);
    CREATE INDEX nodes_kind_community ON nodes(kind, community_id);
    CREATE INDEX nodes_kind_unit ON nodes(kind, unit_id);
    CREATE INDEX nodes_kind_status ON nodes(kind, status);
    CREATE TABLE edges (
        kind TEXT NOT NULL,
        src TEXT NOT NULL REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED,
        dst TEXT NOT NULL REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED,
        derived INTEGER NOT NULL,
        props TEXT NOT NULL,
        PRIMARY KEY (kind, src, dst)
    );
    CREATE INDEX edges_dst ON edges(dst, kind);
    CREATE INDEX edges_src ON edges(src, kind);
    """,
)


def private_file(path: Path) -> None:
    """Create ``path`` readable and writable by its owner only (0600), whatever the
    umask, or make an existing file so."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _chunks(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


class EmbeddedStore:
    """A :class:`~graph.store.GraphStore` in one SQLite file. Thread-safe via one lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            private_file(self.path)  # SQLite gives -wal and -shm the file's mode
            self._db = sqlite3.connect(self.path, isolation_level=None,
                                       check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            for suffix in ("-wal", "-shm"):  # left by an earlier run with other modes
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    os.chmod(extra, 0o600)
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.Error, OSError) as e:
            raise StoreUnavailable(f"无法打开数据文件 {self.path}：{e}（请检查 GONGJIAN_DATA_DIR）",
                                   path=str(self.path)) from None
        self._lock = threading.RLock()
        # scope -> (streets, community), valid while nothing was committed since
        self._scopes: dict[str, tuple[builtins.list[str], str | None]] = {}
        self._scopes_seen: tuple[int, int] = (-1, -1)
        self._commits = 0

    # -- housekeeping ---------------------------------------------------------------

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"数据文件 {self.path} 的结构版本 {current} 比本程序支持的 {SCHEMA_VERSION} 新，"
                "请升级 gongjian")
        for version in range(current, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                                 (str(version + 1),))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise StoreUnavailable(f"数据文件 {self.path} 暂时无法写入：{e}") from None
            try:
                yield self._db
                self._db.execute("COMMIT")
                self._commits += 1
            except sqlite3.IntegrityError as e:
                self._db.execute("ROLLBACK")
                raise ReferenceMissing(f"写入被拒绝，引用了不存在的节点：{e}") from None
            except sqlite3.Error as e:
                self._db.execute("ROLLBACK")
                raise StoreUnavailable(f"写入数据文件 {self.path} 失败：{e}") from None
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise StoreUnavailable(f"读取数据文件 {self.path} 失败：{e}") from None

    # -- writes ---------------------------------------------------------------------

    def upsert(self, nodes: Iterable[Node] = (),
               relationships: Iterable[Relationship] = ()) -> UpsertReport:
        report = UpsertReport()
        with self._transaction() as db:
            for chunk in _chunks(nodes, BATCH):
                self._upsert_nodes(db, chunk, report)
            for rchunk in _chunks(relationships, BATCH):
                self._upsert_relationships(db, rchunk, report)
        return report

    def _existing(self, db: sqlite3.Connection, ids: Sequence[str]
                  ) -> dict[str, tuple[str, int, str]]:
        """id -> (kind, version, properties JSON) of the nodes among ``ids``."""
        out: dict[str, tuple[str, int, str]] = {}
        for part in _chunks(ids, SQL_VARS):
            marks = ",".join("?" * len(part))
            for node_id, kind, version, props in db.execute(
                    f"SELECT id, kind, version, props FROM nodes WHERE id IN ({marks})", part):
                out[node_id] = (kind, version, props)
        return out

    def _kinds(self, db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in _chunks(sorted(set(ids)), SQL_VARS):
            marks = ",".join("?" * len(part))
            found.update(db.execute(f"SELECT id, kind FROM nodes WHERE id IN ({marks})", part))
        return found

    def _upsert_nodes(self, db: sqlite3.Connection, chunk: Sequence[Node],
                      report: UpsertReport) -> dict[str, int]:
        seen = latest_by_id(chunk)
        plan = plan_nodes(seen, self._existing(db, list(seen)), report)
        found = dict(plan.batch_kinds)
        found.update(self._kinds(db, (t for t in plan.wanted if t not in found)))
        check_refs(plan.wanted, found)

        def columns(w: Write) -> list[Any]:
            return [w.props.get(c) for c in INDEXED_FIELDS]

        db.executemany("INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?)",
                       [(w.node.id, w.node.KIND, w.version, *columns(w), w.blob)
                        for w in plan.creates])
        db.executemany(
            "UPDATE nodes SET version=?, street_id=?, community_id=?, unit_id=?, status=?, "
            "props=? WHERE id=?",
            [(w.version, *columns(w), w.blob, w.node.id) for w in plan.updates])
        db.executemany("DELETE FROM edges WHERE src=? AND derived=1",
                       [(i,) for i in plan.stale_edges_of])
        db.executemany("INSERT OR IGNORE INTO edges VALUES (?,?,?,1,'{}')", plan.edges)
        return plan.versions

    def _upsert_relationships(self, db: sqlite3.Connection, chunk: Sequence[Relationship],
                              report: UpsertReport) -> None:
        kinds = self._kinds(db, (i for r in chunk for i in (r.src, r.dst)))
        rows = [(k, s, d, 0, props) for k, s, d, props in relationship_rows(chunk, kinds)]
        known = self._existing_edges(db, [(r.kind, r.src, r.dst) for r in chunk])
        before = db.total_changes
        db.executemany(
            "INSERT INTO edges VALUES (?,?,?,?,?) ON CONFLICT(kind, src, dst) DO UPDATE "
            "SET props=excluded.props WHERE props IS NOT excluded.props", rows)
        changed = db.total_changes - before
        created = sum(1 for row in rows if row[:3] not in known)
        report.count(report.created, "relationships", created)
        report.count(report.updated, "relationships", changed - created)
        report.count(report.unchanged, "relationships", len(rows) - changed)

    def _existing_edges(self, db: sqlite3.Connection,
                        keys: builtins.list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        found: set[tuple[str, str, str]] = set()
        for part in _chunks(sorted(set(keys)), SQL_VARS // 3):
            where = " OR ".join("(kind=? AND src=? AND dst=?)" for _ in part)
            flat = [v for key in part for v in key]
            found.update(db.execute(f"SELECT kind, src, dst FROM edges WHERE {where}", flat))
        return found

    def remove_relationships(self, keys: Iterable[tuple[str, str, str]]) -> int:
        with self._transaction() as db:
            before = db.total_changes
            db.executemany("DELETE FROM edges WHERE kind=? AND src=? AND dst=? AND derived=0",
                           list(keys))
            return db.total_changes - before

    def transition(self, kind: type[N], id: str, expected_version: int,
                   changes: Mapping[str, Any], also: Iterable[Node] = ()) -> N:
        with self._transaction() as db:
            row = db.execute("SELECT kind, version, props FROM nodes WHERE id=?",
                             (id,)).fetchone()
            if row is None or row[0] != kind.KIND:
                raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id)
            if row[1] != expected_version:
                current = _load(kind, row[2], row[1])
                raise VersionConflict(
                    f"{kind.LABEL} {id} 已被他人修改（您看到的是第 {expected_version} 版，"
                    f"当前为第 {row[1]} 版），请刷新后重试",
                    id=id, expected=expected_version, current=row[1],
                    state=current.model_dump(mode="json"))
            data = {**json.loads(row[2]), **changes, "version": row[1] + 1}
            try:
                node = kind.model_validate(data)
            except ValidationError as e:
                raise ModelError(f"{kind.LABEL} {id} 的修改无效：{e.errors()[0]['msg']}",
                                 id=id) from None
            versions = self._upsert_nodes(db, [node, *also], UpsertReport())
            # a change that changes nothing keeps the stored version: return that one
            return node.model_copy(update={"version": versions[id]})

    def write(self, writes: Iterable[Versioned], also: Iterable[Node] = (),
              relationships: Iterable[Relationship] = ()) -> WriteResult:
        checked = list(writes)
        report = UpsertReport()
        versions: dict[str, int] = {}
        with self._transaction() as db:  # BEGIN IMMEDIATE: no writer between read and write
            ids = [w.node.id for w in checked]
            check_versions(checked, self._existing(db, ids))
            for chunk in _chunks([w.node for w in checked], BATCH):
                versions.update(self._upsert_nodes(db, chunk, report))
            for chunk in _chunks(also, BATCH):
                self._upsert_nodes(db, chunk, report)
            for rchunk in _chunks(relationships, BATCH):
                self._upsert_relationships(db, rchunk, report)
        return WriteResult({i: versions[i] for i in ids}, report)

    # -- reads ----------------------------------------------------------------------

    def get(self, kind: type[N], id: str) -> N:
        rows = self._read("SELECT props, version FROM nodes WHERE id=? AND kind=?",
                          (id, kind.KIND))
        if not rows:
            raise NotFound(f"没有编号为 {id} 的{kind.LABEL}", id=id, kind=kind.KIND)
        return _load(kind, rows[0][0], rows[0][1])

    def get_many(self, kind: type[N], ids: Iterable[str]) -> dict[str, N]:
        out: dict[str, N] = {}
        for part in _chunks(ids, SQL_VARS):
            marks = ",".join("?" * len(part))
            for node_id, props, version in self._read(
                    f"SELECT id, props, version FROM nodes WHERE kind=? AND id IN ({marks})",
                    [kind.KIND, *part]):
                out[node_id] = _load(kind, props, version)
        return out

    def list(self, kind: type[N], *, scope: str | None = None,
             filters: Mapping[str, Any] | None = None, page: int = 1,
             size: int = 50, order: str | None = None) -> Page[N]:
        if page < 1 or not 1 <= size <= 10_000:
            raise ModelError(f"分页参数无效：page={page}, size={size}（page≥1，1≤size≤10000）")
        sql_where, params = self._where(kind, scope, filters)
        by = "id"
        if order is not None:
            name, descending = order_field(kind, order)
            column = self._column(name)
            way = " DESC" if descending else ""
            by = f"({column} IS NULL), {column}{way}, id{way}"
        total = self._read(f"SELECT COUNT(*) FROM nodes WHERE {sql_where}", params)[0][0]
        rows = self._read(f"SELECT props, version FROM nodes WHERE {sql_where} ORDER BY {by} "
                          "LIMIT ? OFFSET ?", [*params, size, (page - 1) * size])
        return Page([_load(kind, p, v) for p, v in rows], total, page, size)

    def count(self, kind: type[N], *, scope: str | None = None,
              filters: Mapping[str, Any] | None = None) -> int:
        sql_where, params = self._where(kind, scope, filters)
        return int(self._read(f"SELECT COUNT(*) FROM nodes WHERE {sql_where}", params)[0][0])

    def data_version(self) -> str:
        # this connection's commits, and SQLite's count of other connections' commits
        with self._lock:
            return f"{self._commits}.{self._read('PRAGMA data_version')[0][0]}"

    @staticmethod
    def _column(name: str) -> str:
        return name if name in INDEXED_FIELDS else f"json_extract(props, '$.{name}')"

    def _where(self, kind: type[Node], scope: str | None,
               filters: Mapping[str, Any] | None) -> tuple[str, builtins.list[Any]]:
        where, params = ["kind=?"], [kind.KIND]
        if scope is not None:
            clause, sparams = self._scope_clause(kind, scope)
            where.append(clause)
            params.extend(sparams)
        for name, value in (filters or {}).items():
            if name not in kind.model_fields or name == "version":
                raise ModelError(f"{kind.LABEL}没有可筛选的字段 {name}", field=name)
            column = self._column(name)
            if isinstance(value, list | tuple | set):
                values = sorted(str(v) for v in value)
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
            else:
                where.append(f"{column} = ?")
                params.append(_sql_value(value))
        return " AND ".join(where), params

    def _scope_clause(self, kind: type[Node], scope: str) -> tuple[str, builtins.list[str]]:
        streets, community = self._scope_streets(scope)
        if community is not None:
            if "community_id" not in kind.model_fields:
                return "street_id = ?", [streets[0]]
            return "(community_id = ? OR id = ?)", [community, community]
        if kind is MatchRun:
            scopes = [scope, *streets]
            marks = ",".join("?" * len(scopes))
            return f"json_extract(props, '$.scope_id') IN ({marks})", scopes
        if not streets:  # a city or district with no streets yet
            return "0", []
        marks = ",".join("?" * len(streets))
        if kind is Organization:
            return f"(street_id IN ({marks}) OR id IN ({marks}))", [*streets, *streets]
        return f"street_id IN ({marks})", streets

    def _scope_streets(self, scope: str) -> tuple[builtins.list[str], str | None]:
        """The streets under ``scope``, and the community when ``scope`` is one.

        Cached until the next commit, of this store or of another connection to the file
        (``PRAGMA data_version``): every list and snapshot of a district asks for it.
        """
        with self._lock:
            seen = (self._commits, self._read("PRAGMA data_version")[0][0])
            if seen != self._scopes_seen:
                self._scopes, self._scopes_seen = {}, seen
            if scope not in self._scopes:
                self._scopes[scope] = self._resolve_scope(scope)
            streets, community = self._scopes[scope]
            return list(streets), community

    def _resolve_scope(self, scope: str) -> tuple[builtins.list[str], str | None]:
        org = self.get(Organization, scope)
        if org.level == OrgLevel.STREET:
            return [org.id], None
        if org.level == OrgLevel.COMMUNITY:
            return [org.street_id or org.parent_id or ""], org.id
        if org.level not in (OrgLevel.DISTRICT, OrgLevel.CITY):
            raise ModelError(f"范围 {scope} 是{org.name}，只能按市、区、街道或社区选取范围")
        # down the PART_OF edges by their destination index, not below a street
        rows = self._read(
            "WITH RECURSIVE below(id, level) AS (SELECT ?, '' UNION "
            "SELECT e.src, json_extract(n.props, '$.level') FROM below b "
            "CROSS JOIN edges e INDEXED BY edges_dst CROSS JOIN nodes n ON n.id = e.src "
            "WHERE e.dst = b.id AND e.kind = 'PART_OF' AND b.level != 'street' "
            "AND n.kind = 'Organization') "
            "SELECT id FROM below WHERE level = 'street' ORDER BY id", (scope,))
        return [r[0] for r in rows], None

    def neighbours(self, id: str, *, edge: str | None = None,
                   direction: str = "both") -> builtins.list[Edge]:
        if direction not in ("out", "in", "both"):
            raise ModelError(f"direction 只能是 out、in 或 both，收到 {direction}")
        clauses = {"out": "src = ?", "in": "dst = ?", "both": "(src = ? OR dst = ?)"}
        params: builtins.list[Any] = [id] * (2 if direction == "both" else 1)
        sql = f"SELECT kind, src, dst, props, derived FROM edges WHERE {clauses[direction]}"
        if edge:
            sql += " AND kind = ?"
            params.append(edge)
        rows = self._read(sql + " ORDER BY kind, src, dst", params)
        return [Edge(k, s, d, json.loads(p), bool(dv)) for k, s, d, p, dv in rows]

    def relationships(self, kind: str | None = None, *, src: str | None = None,
                      dst: str | None = None) -> builtins.list[Relationship]:
        where, params = ["derived = 0"], []
        for column, value in (("kind", kind), ("src", src), ("dst", dst)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        rows = self._read(f"SELECT kind, src, dst, props FROM edges WHERE {' AND '.join(where)} "
                          "ORDER BY kind, src, dst", params)
        return [Relationship(kind=k, src=s, dst=d, **json.loads(p)) for k, s, d, p in rows]

    def snapshot(self, scope: str, kinds: Collection[str] | None = None) -> Snapshot:
        wanted = snapshot_kinds(kinds)
        streets, community = self._scope_streets(scope)
        snap = Snapshot(scope_id=scope, street_ids=streets)
        # ancestors of the scope, so the hierarchy above it is part of the picture
        ancestors = self._read(
            "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT e.dst FROM edges e "
            "JOIN up u ON e.src = u.id WHERE e.kind = 'PART_OF') SELECT id FROM up",
            (streets[0] if community and streets else scope,))
        ids_above = [r[0] for r in ancestors]
        orgs = self.get_many(Organization, ids_above)
        for kind_name, attr in wanted:
            kind = NODE_TYPES[kind_name]
            clause, params = self._scope_clause(kind, scope)
            rows = self._read(f"SELECT props, version FROM nodes WHERE kind=? AND {clause} "
                              "ORDER BY id", [kind.KIND, *params])
            items = [_load(kind, p, v) for p, v in rows]
            if kind is Organization:
                for o in items:
                    orgs[o.id] = o  # type: ignore[assignment]
                continue
            getattr(snap, attr).extend(items)
        snap.organizations = [orgs[k] for k in sorted(orgs)]
        inside = {n.id for n in snap.nodes()}
        # units registered with a community in scope belong to its network too
        rels = [r for r in self.relationships() if r.src in inside or r.dst in inside]
        outside_units = sorted({r.src for r in rels if r.src not in inside
                                and r.kind == "REGISTERED_WITH"})
        names = {k for k, _ in wanted}
        if outside_units and "ResidentUnit" in names:
            from graph.model import ResidentUnit, Resource

            extra = self.get_many(ResidentUnit, outside_units)
            snap.units = sorted([*snap.units, *extra.values()], key=lambda u: u.id)
            if extra and "Resource" in names:
                marks = ",".join("?" * len(extra))
                rows = self._read(f"SELECT props, version FROM nodes WHERE kind='Resource' "
                                  f"AND unit_id IN ({marks}) ORDER BY id", sorted(extra))
                snap.resources = sorted([*snap.resources,
                                         *(_load(Resource, p, v) for p, v in rows)],
                                        key=lambda r: r.id)
            inside |= set(extra)
        snap.relationships = [r for r in rels if r.src in inside and r.dst in inside]
        return snap

    def counts(self, scope: str | None = None) -> dict[str, int]:
        out: dict[str, int] = {}
        if scope is None:
            for kind, n in self._read("SELECT kind, COUNT(*) FROM nodes GROUP BY kind"):
                out[kind] = n
            for kind, n in self._read(
                    "SELECT kind, COUNT(*) FROM edges WHERE derived = 0 GROUP BY kind"):
                out[kind] = n
            return dict(sorted(out.items()))
        snap = self.snapshot(scope)
        for node in snap.nodes():
            out[node.KIND] = out.get(node.KIND, 0) + 1
        for r in snap.relationships:
            out[r.kind] = out.get(r.kind, 0) + 1
        return dict(sorted(out.items()))

    def to_networkx(self, scope: str) -> nx.MultiDiGraph:
        return snapshot_to_networkx(self.snapshot(scope))




def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return 1 if value else 0
    if hasattr(value, "value"):
        return value.value
    return value


def _load(kind: type[N], props: str, version: int) -> N:
    data = json.loads(props)
    data["version"] = version
    try:
        return kind.model_validate(data, context=STORED)
    except ValidationError as e:  # a row written by an older, looser version
        raise GraphError(f"数据文件中的{kind.LABEL} {data.get('id')} 无法读取：{e}") from None
