"""Copy a whole graph between stores, and dump / load it as JSON lines.

Both go through the :class:`~graph.store.GraphStore` protocol only, so they work between
any two backends (embedded → Neo4j and back). Every node is read with ``list`` page by
page, kind by kind, and every explicit relationship with ``relationships()``.

Order: a node is written after the nodes it refers to (a store checks references chunk by
chunk, see :data:`graph.core.BATCH`). Kinds are written in :data:`KIND_ORDER`, where
each kind refers only to kinds before it -- except organizations and resident units,
which refer to each other (a unit's party organization, a unit's community); those two
are read together and sorted so each comes after what it refers to.

Writes go in batches of :data:`BATCH` nodes, one transaction each: a copy interrupted
half way leaves a partial copy, and running it again completes it (upsert is
idempotent). Versions start again at 1 in the target: a version is a store's concurrency
token, not data (see the report of issue 5).

The dump format, one JSON object a line::

    {"format": "gongjian-graph", "version": 1}
    {"type": "node", "kind": "Organization", "data": {...node.content()...}}
    {"type": "relationship", "data": {"kind": ..., "src": ..., "dst": ..., "since": ..., "props": {...}}}
    {"type": "end", "counts": {"Organization": 8, ..., "REGISTERED_WITH": 3}}

The last line lets :func:`load_store` refuse a truncated file. A file is checked whole
before anything is written.
"""  # noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.errors import GraphError, ModelError
from graph.model import NODE_TYPES, Node, Relationship
from graph.store import GraphStore

FORMAT = "gongjian-graph"
FORMAT_VERSION = 1
BATCH = 2000
PAGE = 1000

# Organizations and units first (sorted together), then each kind after what it refers to.
FIRST = ("Organization", "ResidentUnit")
KIND_ORDER = (*FIRST, "PartyMember", "Need", "Resource", "MatchRun", "Project", "Agreement",
              "ServiceRecord", "Evaluation", "AuditEntry")

Progress = Callable[[str, int, int], None]
"""Called as ``progress(kind, done, total)`` while copying or loading."""


def _all(store: GraphStore, kind: str) -> Iterator[Node]:
    cls = NODE_TYPES[kind]
    page = 1
    while True:
        items = store.list(cls, page=page, size=PAGE).items
        yield from items
        if len(items) < PAGE:
            return
        page += 1


def _dependency_order(nodes: list[Node]) -> list[Node]:
    """``nodes`` reordered so every reference among them points to an earlier node.

    >>> from graph.model import Organization
    >>> street = Organization(id="S", name="街道", level="street", parent_id="D")
    >>> district = Organization(id="D", name="区", level="district")
    >>> [n.id for n in _dependency_order([street, district])]
    ['D', 'S']
    """
    by_id = {n.id: n for n in nodes}
    placed: set[str] = set()
    visiting: set[str] = set()  # on the current path: a reference cycle is cut there
    out: list[Node] = []
    for root in nodes:
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if node.id in placed:
                continue
            if expanded:
                placed.add(node.id)
                out.append(node)
                continue
            if node.id in visiting:  # reached again through a cycle
                continue
            visiting.add(node.id)
            stack.append((node, True))
            for _, _, target in node.ref_targets():
                if target in by_id and target not in placed and target not in visiting:
                    stack.append((by_id[target], False))
    return out


def _nodes_in_order(store: GraphStore) -> Iterator[Node]:
    yield from _dependency_order([n for kind in FIRST for n in _all(store, kind)])
    for kind in KIND_ORDER[len(FIRST):]:
        yield from _all(store, kind)


def _batches(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(target: GraphStore, nodes: Iterable[Node], relationships: Iterable[Relationship],
           totals: dict[str, int], progress: Progress | None) -> dict[str, int]:
    done: dict[str, int] = {}
    for batch in _batches(nodes, BATCH):
        target.upsert(batch)
        for node in batch:
            done[node.KIND] = done.get(node.KIND, 0) + 1
        if progress:
            for kind in dict.fromkeys(n.KIND for n in batch):
                progress(kind, done[kind], totals.get(kind, done[kind]))
    for rbatch in _batches(relationships, BATCH):
        target.upsert((), rbatch)
        for r in rbatch:
            done[r.kind] = done.get(r.kind, 0) + 1
        if progress:
            for kind in dict.fromkeys(r.kind for r in rbatch):
                progress(kind, done[kind], totals.get(kind, done[kind]))
    return done


def copy_store(source: GraphStore, target: GraphStore,
               progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Copy every node and relationship of ``source`` into ``target``, then verify.

    Returns ``{kind: (count in source, count in target)}`` for node kinds and
    relationship kinds; raises :class:`~graph.errors.GraphError` naming the first kind
    whose counts differ. Safe to run again: nothing is duplicated.
    """
    totals = source.counts()
    _write(target, _nodes_in_order(source), source.relationships(), totals, progress)
    return verify_counts(source, target)


def verify_counts(source: GraphStore, target: GraphStore) -> dict[str, tuple[int, int]]:
    """Counts per kind in both stores; :class:`GraphError` naming a kind that differs."""
    a, b = source.counts(), target.counts()
    out = {kind: (a.get(kind, 0), b.get(kind, 0)) for kind in sorted({*a, *b})}
    for kind, (n, m) in out.items():
        if n != m:
            raise GraphError(f"复制后 {kind} 的数量不一致：源 {n}，目标 {m}"
                             "（目标中原有其他数据，或复制期间源被修改）",
                             kind=kind, source=n, target=m)
    return out


def dump_store(store: GraphStore, path: str | Path) -> dict[str, int]:
    """Write every node and relationship of ``store`` to ``path`` as JSON lines.

    Returns the number written per kind.
    """
    counts: dict[str, int] = {}
    try:
        with Path(path).open("w", encoding="utf-8") as f:
            f.write(_line({"format": FORMAT, "version": FORMAT_VERSION}))
            for node in _nodes_in_order(store):
                f.write(_line({"type": "node", "kind": node.KIND, "data": node.content()}))
                counts[node.KIND] = counts.get(node.KIND, 0) + 1
            for r in store.relationships():
                f.write(_line({"type": "relationship", "data": r.model_dump(mode="json")}))
                counts[r.kind] = counts.get(r.kind, 0) + 1
            f.write(_line({"type": "end", "counts": counts}))
    except OSError as e:
        raise GraphError(f"无法写入导出文件 {path}：{e.strerror}", path=str(path)) from None
    return counts


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n"


def read_dump(path: str | Path) -> tuple[list[Node], list[Relationship]]:
    """Every node and relationship of a dump, checked line by line.

    Raises :class:`~graph.errors.ModelError` naming the line of the first problem.
    """
    nodes: list[Node] = []
    rels: list[Relationship] = []
    counts: dict[str, int] = {}
    end: dict[str, int] | None = None
    try:
        f = Path(path).open(encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        raise GraphError(f"无法读取导出文件 {path}：{e.strerror}", path=str(path)) from None
    with f:
        for number, text in enumerate(f, start=1):
            where = f"{path} 第 {number} 行"
            try:
                obj = json.loads(text)
                if number == 1:
                    if obj != {"format": FORMAT, "version": FORMAT_VERSION}:
                        raise ModelError(f"{where}：不是 gongjian 导出文件（或版本不受支持）")
                    continue
                if end is not None:
                    raise ModelError(f"{where}：结束行之后还有内容")
                if obj["type"] == "node":
                    node = NODE_TYPES[obj["kind"]].model_validate(obj["data"])
                    nodes.append(node)
                    counts[node.KIND] = counts.get(node.KIND, 0) + 1
                elif obj["type"] == "relationship":
                    rel = Relationship.model_validate(obj["data"])
                    rels.append(rel)
                    counts[rel.kind] = counts.get(rel.kind, 0) + 1
                elif obj["type"] == "end":
                    end = dict(obj["counts"])
                else:
                    raise ModelError(f"{where}：未知的行类型 {obj['type']!r}")
            except (ValueError, KeyError, TypeError) as e:  # ValidationError is a ValueError
                detail = e.errors()[0]["msg"] if isinstance(e, ValidationError) else repr(e)
                raise ModelError(f"{where} 无法读取：{detail}", line=number) from None
    if end is None:
        raise ModelError(f"{path} 不完整：缺少结束行（文件可能被截断）")
    if end != counts:
        raise ModelError(f"{path} 的内容与结束行记录的数量不一致：{counts} ≠ {end}")
    return nodes, rels


def load_store(store: GraphStore, path: str | Path,
               progress: Progress | None = None) -> dict[str, int]:
    """Load a dump written by :func:`dump_store` into ``store`` (upsert: safe to repeat).

    The whole file is checked before anything is written. Returns the count per kind.

    >>> import tempfile, pathlib
    >>> from graph.embedded import EmbeddedStore
    >>> from graph.model import Organization
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> a, b = EmbeddedStore(tmp / "a.db"), EmbeddedStore(tmp / "b.db")
    >>> _ = a.upsert([Organization(id="410305", name="涧西区委", level="district")])
    >>> dump_store(a, tmp / "g.jsonl")
    {'Organization': 1}
    >>> load_store(b, tmp / "g.jsonl")
    {'Organization': 1}
    >>> b.get(Organization, "410305").name
    '涧西区委'
    >>> a.close(); b.close()
    """
    nodes, rels = read_dump(path)
    totals: dict[str, int] = {}
    for kind in [*(n.KIND for n in nodes), *(r.kind for r in rels)]:
        totals[kind] = totals.get(kind, 0) + 1
    return _write(store, _dependency_order(nodes), rels, totals, progress)
