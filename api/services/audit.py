"""The audit trail: who took which step, when, from which state to which, with a note.

Append-only: lines are written beside the change they record (same transaction) and
never changed. The read rule, here once: the administrators of the scope read its trail
(district, street, community for its own community); a resident unit reads the lines of
one project, agreement, record or resource it takes part in (:func:`api.identity.is_party`)
— also an agreement's line that names its first unit only; researchers read none.
"""

from __future__ import annotations

from api.errors import Forbidden, InvalidRequest
from api.identity import Identity, is_party, require_admin
from api.services._common import get_readable, scoped_page
from graph import NODE_TYPES, AuditEntry, GraphStore, Page, Role

__all__ = ["list_audit"]


def list_audit(store: GraphStore, who: Identity, *, target_id: str | None = None,
               target_kind: str | None = None, action: str | None = None,
               by_id: str | None = None, page: int = 1, size: int = 20) -> Page[AuditEntry]:
    filters = {"target_id": target_id, "target_kind": target_kind, "action": action,
               "by_id": by_id}
    wanted = {k: v for k, v in filters.items() if v}
    if who.role != Role.RESIDENT_UNIT:
        require_admin(who, "查看操作记录")
        return scoped_page(store, who, AuditEntry, wanted, page, size)
    if not (target_id and target_kind):
        raise Forbidden(f"{who.describe()}只能查看本单位参与的项目、协议等的操作记录："
                        "请指明 target_kind 与 target_id")
    kind = NODE_TYPES.get(target_kind)
    if kind is None or kind is AuditEntry:
        raise InvalidRequest(f"没有「{target_kind}」这种记录对象", field="target_kind")
    target = get_readable(store, who, kind, target_id)  # outside its street: 403 / 404
    if not is_party(who, target):
        raise Forbidden(f"{who.describe()}没有参与{target.LABEL} {target.id}，不能查看其操作记录",
                        kind=target.KIND, id=target.id)
    return store.list(AuditEntry, filters=wanted, page=page, size=size)
