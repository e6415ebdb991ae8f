"""The graph of a scope as GraphML, GEXF or node-link JSON; pseudonymous for researchers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from api.errors import Forbidden, InvalidRequest
from api.identity import Identity, require_read
from graph import GraphStore, Organization, OrgLevel, Role, snapshot_to_networkx
from graph.export import json_text, write_gexf, write_graphml

__all__ = ["FORMATS", "export_scope"]

FORMATS = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
           "json": "application/json"}


def check_scope(store: GraphStore, who: Identity, scope_id: str, what: str) -> Organization:
    """The street or district ``scope_id``, if ``who`` administers or studies it."""
    if who.role not in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.RESEARCHER):
        raise Forbidden(f"{who.describe()}不能{what}：仅限区、街道管理员和研究人员")
    org = store.get(Organization, scope_id)
    require_read(who, org)  # one the caller cannot see answers as a missing id
    if org.level not in (OrgLevel.STREET, OrgLevel.DISTRICT):
        raise InvalidRequest(f"{org.name}（{scope_id}）不是街道或区", field="scope_id")
    inside = scope_id == who.scope_id or (
        who.role != Role.STREET_COMMITTEE and scope_id in who.street_ids)
    if not inside:
        raise Forbidden(f"{org.name}（{scope_id}）不在{who.describe()}的管辖范围内",
                        field="scope_id")
    return org


def export_scope(store: GraphStore, who: Identity, scope_id: str, fmt: str, *,
                 salt: str) -> tuple[bytes, str, str]:
    """(content, media type, file name) of the scope's graph in ``fmt``."""
    if fmt not in FORMATS:
        raise InvalidRequest(f"导出格式只能是 {'、'.join(FORMATS)}，收到「{fmt}」", field="format")
    check_scope(store, who, scope_id, "导出网络")
    snap = store.snapshot(scope_id)
    graph = snapshot_to_networkx(snap, salt=salt if who.role == Role.RESEARCHER else None)
    name = f"gongjian-{scope_id}.{fmt}"
    if fmt == "json":
        return json_text(graph).encode("utf-8"), FORMATS[fmt], name
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        (write_gexf if fmt == "gexf" else write_graphml)(graph, path)
        return path.read_bytes(), FORMATS[fmt], name
