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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from graph.core import EdgeKey, EdgeRow, NodeRow, Query, StoreCore, Stored, WriteTx, chunks
from graph.errors import ReferenceMissing, StoreUnavailable
from graph.model import Node, Relationship
from graph.planning import NodePlan, Write
from graph.scopes import Scope
from graph.store import INDEXED_FIELDS, Edge

T = TypeVar("T")

SCHEMA_VERSION = 3
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
    # a page of a kind in id order (a district's lists) reads its page, not every row
    """
    CREATE INDEX nodes_kind_id ON nodes(kind, id);
    """,
    # the list filters that are fields of the stored JSON (a need's urgency, a need's or
    # resource's category) within a street or district: their totals are counted in the
    # index, not by reading every row's JSON (12,000 needs of a street: 11.6 -> 0.2 ms)
    """
    CREATE INDEX nodes_kind_street_urgency
        ON nodes(kind, street_id, json_extract(props, '$.urgency'));
    CREATE INDEX nodes_kind_street_category
        ON nodes(kind, street_id, json_extract(props, '$.category'));
    """,
)


def private_file(path: Path) -> None:
    """Create ``path`` readable and writable by its owner only (0600), whatever the
    umask, or make an existing file so."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _column(name: str) -> str:
    """The SQL of a model field's value: an indexed column, or the stored JSON's field."""
    return name if name in INDEXED_FIELDS or name == "id" else f"json_extract(props, '$.{name}')"


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


class EmbeddedStore(StoreCore):
    """A :class:`~graph.store.GraphStore` in one SQLite file. Thread-safe via one lock.

    Storage only: the shared logic is :class:`graph.core.StoreCore`'s.
    """

    PLACE = "数据文件"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
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
        # scope id -> scope, valid while nothing was committed since
        self._scopes: dict[str, Scope] = {}
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

    def _in_write(self, work: Callable[[WriteTx], T]) -> T:
        # BEGIN IMMEDIATE: no other writer between what ``work`` reads and what it writes
        with self._transaction() as db:
            return work(_SqliteTx(db))

    def remove_relationships(self, keys: Iterable[tuple[str, str, str]]) -> int:
        with self._transaction() as db:
            before = db.total_changes
            db.executemany("DELETE FROM edges WHERE kind=? AND src=? AND dst=? AND derived=0",
                           list(keys))
            return db.total_changes - before

    # -- reads ----------------------------------------------------------------------

    def _node_rows(self, kind: type[Node], ids: builtins.list[str]) -> builtins.list[NodeRow]:
        out: builtins.list[NodeRow] = []
        for part in chunks(ids, SQL_VARS):
            out.extend(self._read(f"SELECT id, props, version FROM nodes WHERE kind=? "
                                  f"AND id IN ({_marks(part)})", [kind.KIND, *part]))
        return out

    def _where(self, query: Query) -> tuple[str, builtins.list[Any]]:
        where, params = ["kind=?"], [query.kind.KIND]
        if query.scope is not None:
            f = query.scope
            either = []
            if f.values:
                either.append(f"{_column(f.field)} IN ({_marks(f.values)})")
                params.extend(f.values)
            if f.ids:
                either.append(f"id IN ({_marks(f.ids)})")
                params.extend(f.ids)
            where.append(f"({' OR '.join(either)})" if either else "0")
        for name, values in query.filters:
            where.append(f"{_column(name)} IN ({_marks(values)})")
            params.extend(values)
        return " AND ".join(where), params

    def _page_rows(self, query: Query, skip: int, limit: int
                   ) -> tuple[int, builtins.list[NodeRow]]:
        where, params = self._where(query)
        by = "id"
        if query.order is not None:
            column, way = _column(query.order[0]), " DESC" if query.order[1] else ""
            by = f"({column} IS NULL), {column}{way}, id{way}"
        total = self._count_rows(query)
        rows = self._read(f"SELECT id, props, version FROM nodes WHERE {where} ORDER BY {by} "
                          "LIMIT ? OFFSET ?", [*params, limit, skip])
        return total, rows

    def _value_rows(self, query: Query, fields: Sequence[str], limit: int
                    ) -> tuple[int, builtins.list[tuple[Any, ...]]]:
        # the fields alone, by SQLite's JSON functions: no JSON of whole nodes in Python
        where, params = self._where(query)
        picked = "".join(f", {_column(f)}" for f in fields)
        rows = self._read(f"SELECT id{picked} FROM nodes WHERE {where} ORDER BY id LIMIT ?",
                          [*params, limit + 1])
        return len(rows), rows[:limit]

    def _relationship_rows(self, kind: str, fields: Sequence[str]
                           ) -> builtins.list[tuple[Any, ...]]:
        picked = "".join(f", json_extract(props, '$.{f}')" for f in fields)
        rows = self._read(f"SELECT src, dst{picked} FROM edges WHERE kind = ? AND derived = 0 "
                          "ORDER BY src, dst", (kind,))
        return rows

    def _count_rows(self, query: Query) -> int:
        where, params = self._where(query)
        return int(self._read(f"SELECT COUNT(*) FROM nodes WHERE {where}", params)[0][0])

    def data_version(self) -> str:
        # this connection's commits, and SQLite's count of other connections' commits
        with self._lock:
            return f"{self._commits}.{self._read('PRAGMA data_version')[0][0]}"

    def scope(self, scope_id: str) -> Scope:
        """Cached until the next commit, of this store or of another connection to the file
        (``PRAGMA data_version``): every list and snapshot of a district asks for it."""
        with self._lock:
            seen = (self._commits, self._read("PRAGMA data_version")[0][0])
            if seen != self._scopes_seen:
                self._scopes, self._scopes_seen = {}, seen
            if scope_id not in self._scopes:
                self._scopes[scope_id] = super().scope(scope_id)
            return self._scopes[scope_id]

    def _streets_below(self, scope_id: str) -> builtins.list[str]:
        # down the PART_OF edges by their destination index, not below a street
        rows = self._read(
            "WITH RECURSIVE below(id, level) AS (SELECT ?, '' UNION "
            "SELECT e.src, json_extract(n.props, '$.level') FROM below b "
            "CROSS JOIN edges e INDEXED BY edges_dst CROSS JOIN nodes n ON n.id = e.src "
            "WHERE e.dst = b.id AND e.kind = 'PART_OF' AND b.level != 'street' "
            "AND n.kind = 'Organization') "
            "SELECT id FROM below WHERE level = 'street' ORDER BY id", (scope_id,))
        return [r[0] for r in rows]

    def _scope_rows(self, start: str, queries: Sequence[Query]
                    ) -> tuple[builtins.list[NodeRow], builtins.list[builtins.list[NodeRow]]]:
        above = self._read(
            "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT e.dst FROM edges e "
            "JOIN up u ON e.src = u.id WHERE e.kind = 'PART_OF') "
            "SELECT id, props, version FROM nodes "
            "WHERE kind = 'Organization' AND id IN (SELECT id FROM up)", (start,))
        found = []
        for query in queries:
            where, params = self._where(query)
            found.append(self._read(f"SELECT id, props, version FROM nodes WHERE {where} "
                                    "ORDER BY id", params))
        return above, found

    def _relationships_touching(self, ids: set[str]) -> builtins.list[Relationship]:
        return [r for r in self.relationships() if r.src in ids or r.dst in ids]

    def _resources_of_units(self, units: builtins.list[str]) -> builtins.list[NodeRow]:
        out: builtins.list[NodeRow] = []
        for part in chunks(units, SQL_VARS):
            out.extend(self._read(f"SELECT id, props, version FROM nodes WHERE kind='Resource' "
                                  f"AND unit_id IN ({_marks(part)}) ORDER BY id", part))
        return out

    def _edges(self, id: str, edge: str | None, direction: str) -> builtins.list[Edge]:
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

    def _totals(self) -> dict[str, int]:
        out = dict(self._read("SELECT kind, COUNT(*) FROM nodes GROUP BY kind"))
        out.update(self._read("SELECT kind, COUNT(*) FROM edges WHERE derived = 0 GROUP BY kind"))
        return out


class _SqliteTx:
    """The shared writes' view of one SQLite transaction (:class:`graph.core.WriteTx`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def existing(self, ids: Sequence[str]) -> dict[str, Stored]:
        out: dict[str, Stored] = {}
        for part in chunks(ids, SQL_VARS):
            for node_id, kind, version, props in self.db.execute(
                    f"SELECT id, kind, version, props FROM nodes WHERE id IN ({_marks(part)})",
                    part):
                out[node_id] = (kind, version, props)
        return out

    def kinds(self, ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in chunks(sorted(set(ids)), SQL_VARS):
            found.update(self.db.execute(
                f"SELECT id, kind FROM nodes WHERE id IN ({_marks(part)})", part))
        return found

    def apply(self, plan: NodePlan) -> None:
        def columns(w: Write) -> list[Any]:
            return [w.props.get(c) for c in INDEXED_FIELDS]

        db = self.db
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

    def relationship_props(self, keys: Sequence[EdgeKey]) -> dict[EdgeKey, str]:
        found: dict[EdgeKey, str] = {}
        for part in chunks(keys, SQL_VARS // 3):
            where = " OR ".join("(kind=? AND src=? AND dst=?)" for _ in part)
            flat = [v for key in part for v in key]
            for kind, src, dst, props in self.db.execute(
                    f"SELECT kind, src, dst, props FROM edges WHERE {where}", flat):
                found[(kind, src, dst)] = props
        return found

    def merge_relationships(self, rows: Sequence[EdgeRow]) -> None:
        self.db.executemany(
            "INSERT INTO edges VALUES (?,?,?,0,?) ON CONFLICT(kind, src, dst) DO UPDATE "
            "SET props=excluded.props", rows)
