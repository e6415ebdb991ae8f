"""What a bulk upsert must write, worked out once for every backend.

A backend reads what it already holds for a chunk (kind, version and properties of the
nodes; kinds of referenced nodes), then asks this module what to create, update and draw,
and which references to check. Keeping it here means both backends give the same reports,
versions and error messages by construction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.errors import ModelError, ReferenceMissing, VersionConflict
from graph.model import NODE_TYPES, REL_TARGETS, Node, Relationship
from graph.store import UpsertReport, Versioned

Ref = tuple[str, str, tuple[str, ...]]  # referring id, field, kinds the target may have


def blob(data: Mapping[str, Any]) -> str:
    """The canonical JSON text of a node's or relationship's properties."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Write:
    node: Node
    props: dict[str, Any]
    blob: str
    version: int


@dataclass
class NodePlan:
    creates: list[Write] = field(default_factory=list)
    updates: list[Write] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, src, dst)
    stale_edges_of: list[str] = field(default_factory=list)  # ids whose derived edges go
    wanted: dict[str, list[Ref]] = field(default_factory=dict)
    batch_kinds: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # id -> version once written


def latest_by_id(chunk: Sequence[Node]) -> dict[str, Node]:
    """The chunk's nodes by id; the last one wins. Refuses what is not a node kind."""
    seen: dict[str, Node] = {}
    for node in chunk:
        if not isinstance(node, Node) or node.KIND not in NODE_TYPES:
            raise ModelError(f"不能保存 {type(node).__name__}：不是图中的节点类型")
        seen[node.id] = node
    return seen


def stored_refs(node: Node, props: str) -> set[tuple[str, str | None, str]]:
    """(field, edge kind, target id) of the references in a stored version of ``node``.

    >>> from graph.model import Need
    >>> need = Need(id="N1", title="助老", category="elderly_care", community_id="C1",
    ...             street_id="S1", quantity=1, unit_of_measure="次")
    >>> stored_refs(need, blob(need.content())) == set(need.ref_targets())
    True
    """
    data = json.loads(props)
    out: set[tuple[str, str | None, str]] = set()
    for name, (edge, _) in node.REFS.items():
        value = data.get(name)
        if value is not None:
            out.update((name, edge, t) for t in (value if isinstance(value, list) else [value]))
    return out


def plan_nodes(seen: Mapping[str, Node], existing: Mapping[str, tuple[str, int, str]],
               report: UpsertReport) -> NodePlan:
    """Plan a chunk given ``existing``: id -> (kind, version, properties JSON)."""
    plan = NodePlan(batch_kinds={i: n.KIND for i, n in seen.items()})
    for node_id, node in seen.items():
        props = node.content()
        text = blob(props)
        old = existing.get(node_id)
        if old is not None and old[0] != node.KIND:
            raise ModelError(f"编号 {node_id} 已被{NODE_TYPES[old[0]].LABEL}使用，"
                             f"不能再用于{node.LABEL}", id=node_id)
        refs = node.ref_targets()
        # references as stored were checked and drawn when they were written: only a node
        # that is new or whose references change has its references checked and drawn
        redraw = old is None or (old[2] != text and set(refs) != stored_refs(node, old[2]))
        for name, edge, target in refs if redraw else ():
            plan.wanted.setdefault(target, []).append((node_id, name, node.REFS[name][1]))
            if edge:
                plan.edges.append((edge, node_id, target))
        if old is None:
            plan.creates.append(Write(node, props, text, 1))
            plan.versions[node_id] = 1
            report.count(report.created, node.KIND)
        elif old[2] != text:
            plan.updates.append(Write(node, props, text, old[1] + 1))
            plan.versions[node_id] = old[1] + 1
            if redraw:
                plan.stale_edges_of.append(node_id)
            report.count(report.updated, node.KIND)
        else:
            plan.versions[node_id] = old[1]  # nothing changed: the stored version stays
            report.count(report.unchanged, node.KIND)
    return plan


def check_versions(writes: Sequence[Versioned],
                   existing: Mapping[str, tuple[str, int, str]]) -> None:
    """Refuse the batch when any node is no longer at the version its writer saw.

    ``existing``: id -> (kind, version, properties JSON) as stored, read under the
    transaction's lock. The conflict names the first stale node in its message and lists
    every stale one in ``details["conflicts"]``, so a caller can leave them out and retry.
    """
    ids = [w.node.id for w in writes]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise ModelError(f"同一批写入中节点 {'、'.join(twice)} 出现了不止一次", ids=twice)
    conflicts: list[dict[str, Any]] = []
    for w in writes:
        old = existing.get(w.node.id)
        current = None if old is None else old[1]
        if current != w.expected:
            conflicts.append({"id": w.node.id, "kind": w.node.KIND, "expected": w.expected,
                              "current": current})
    if not conflicts:
        return
    first = conflicts[0]
    label = NODE_TYPES[first["kind"]].LABEL
    if first["expected"] is None:
        said = f"{label} {first['id']} 已存在（当前为第 {first['current']} 版），不能再新建"
    elif first["current"] is None:
        said = f"{label} {first['id']} 不存在（您看到的是第 {first['expected']} 版）"
    else:
        said = (f"{label} {first['id']} 已被他人修改（您看到的是第 {first['expected']} 版，"
                f"当前为第 {first['current']} 版）")
    more = f"；另有 {len(conflicts) - 1} 个节点同样已变" if len(conflicts) > 1 else ""
    raise VersionConflict(f"{said}{more}，本批写入均未保存，请刷新后重试",
                          id=first["id"], expected=first["expected"],
                          current=first["current"], conflicts=conflicts)


def check_refs(wanted: Mapping[str, list[Ref]], found: Mapping[str, str]) -> None:
    """Every referenced id is ``found`` (id -> kind) with a kind its field allows."""
    for target in sorted(wanted):
        for referrer, name, allowed in sorted(wanted[target]):
            if target not in found:
                raise ReferenceMissing(f"{referrer} 的字段 {name} 引用了不存在的节点 {target}",
                                       id=referrer, field=name, target=target)
            if found[target] not in allowed:
                raise ReferenceMissing(
                    f"{referrer} 的字段 {name} 应指向{'或'.join(allowed)}，"
                    f"但 {target} 是{NODE_TYPES[found[target]].LABEL}",
                    id=referrer, field=name, target=target)


def relationship_rows(chunk: Iterable[Relationship], kinds: Mapping[str, str]
                      ) -> list[tuple[str, str, str, str]]:
    """(kind, src, dst, properties JSON) per relationship, both ends checked in ``kinds``."""
    rows: list[tuple[str, str, str, str]] = []
    for r in chunk:
        src_kinds, dst_kinds = REL_TARGETS[r.kind]
        for end, allowed in ((r.src, src_kinds), (r.dst, dst_kinds)):
            if end not in kinds:
                raise ReferenceMissing(
                    f"关系 {r.kind} {r.src}→{r.dst} 引用了不存在的节点 {end}", target=end)
            if kinds[end] not in allowed:
                raise ReferenceMissing(
                    f"关系 {r.kind} 不能连接{NODE_TYPES[kinds[end]].LABEL} {end}", target=end)
        props = r.model_dump(mode="json", exclude={"kind", "src", "dst"})
        rows.append((r.kind, r.src, r.dst, blob(props)))
    return rows
