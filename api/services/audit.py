"""The audit trail: who took which step, when, from which state to which, with a note.

Append-only: lines are written beside the change they record (same transaction) and
never changed. Readable by the administrators of the scope (district, street, community
for its own community); not by units or researchers.
"""

from __future__ import annotations

from api.identity import Identity, require_admin
from api.services._common import scoped_page
from graph import AuditEntry, GraphStore, Page

__all__ = ["list_audit"]


def list_audit(store: GraphStore, who: Identity, *, target_id: str | None = None,
               target_kind: str | None = None, action: str | None = None,
               by_id: str | None = None, page: int = 1, size: int = 20) -> Page[AuditEntry]:
    require_admin(who, "查看操作记录")
    filters = {"target_id": target_id, "target_kind": target_kind, "action": action,
               "by_id": by_id}
    return scoped_page(store, who, AuditEntry, {k: v for k, v in filters.items() if v},
                       page, size)
