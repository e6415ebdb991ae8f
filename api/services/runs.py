"""Match runs: start one for a scope (a street, or the district), read its results.

Only the street committee (for its street) and the district administrator (for the
district or any of its streets) start runs; they and researchers read them. The run
itself is :func:`api.match_runs.run_match`; this module adds scope, idempotency and the
views of a stored run (proposals with explanations, unmatched needs with reasons,
scarcity).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from api.errors import Forbidden, InvalidRequest, ReadOnly
from api.identity import Identity
from api.match_runs import REASON_LABELS, run_match
from api.services._common import audit, get_readable, scoped_page
from api.services.idempotency import IdempotencyKeys
from graph import TAXONOMY, GraphStore, MatchRun, Organization, OrgLevel, Page, Role

__all__ = ["get_run", "list_runs", "run_part", "start_run"]


def _check_scope(store: GraphStore, who: Identity, scope_id: str) -> None:
    if who.read_only:
        raise ReadOnly("研究人员账号只读，不能发起匹配")
    if who.role not in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE):
        raise Forbidden(f"{who.describe()}不能发起匹配：由街道党工委或区级管理员发起")
    org = store.get(Organization, scope_id)
    if org.level not in (OrgLevel.STREET, OrgLevel.DISTRICT, OrgLevel.CITY):
        raise InvalidRequest(f"{org.name}（{scope_id}）不是街道或区，匹配范围只能是街道或区",
                             field="scope_id")
    inside = scope_id == who.scope_id or (
        who.role == Role.DISTRICT_ADMIN and scope_id in who.street_ids)
    if not inside:
        raise Forbidden(f"{org.name}（{scope_id}）不在{who.describe()}的管辖范围内",
                        field="scope_id")


def start_run(store: GraphStore, who: Identity, scope_id: str,
              params: dict[str, Any] | None = None, *, keys: IdempotencyKeys | None = None,
              key: str | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Run the matcher for ``scope_id``; the stored run without its bulky result."""
    _check_scope(store, who, scope_id)
    fingerprint = hashlib.sha256(json.dumps([scope_id, params or {}], sort_keys=True,
                                            default=str).encode()).hexdigest()

    def compute() -> dict[str, Any]:
        run, _summary = run_match(store, scope_id, params or {}, by_role=who.role,
                                  by_id=who.subject_id, now=now)
        store.upsert([audit(who, run, "match_run", None, run.status,
                            f"匹配范围 {scope_id}：提议 {_summary.proposed} 对", now)])
        return _brief(run)

    if keys is None:
        return compute()
    return keys.run(who, f"match:{scope_id}", key, fingerprint, compute)


def _brief(run: MatchRun) -> dict[str, Any]:
    return run.model_dump(mode="json", exclude={"result"})


def list_runs(store: GraphStore, who: Identity, *, scope_id: str | None = None,
              page: int = 1, size: int = 20) -> Page[MatchRun]:
    filters = {"scope_id": scope_id} if scope_id else {}
    result = scoped_page(store, who, MatchRun, filters, page, size)
    return Page([r.model_copy(update={"result": {}}) for r in result.items], result.total,
                page, size)


def get_run(store: GraphStore, who: Identity, run_id: str) -> MatchRun:
    return get_readable(store, who, MatchRun, run_id)


def run_part(store: GraphStore, who: Identity, run_id: str, part: str) -> list[Any]:
    """A part of a run's result: ``unmatched`` (needs left without service, and needs
    served in part, each with its reason and the reason in Chinese) or ``scarcity``."""
    run = get_run(store, who, run_id)
    if part == "unmatched":
        return [{**item, "reason_label": REASON_LABELS.get(item["reason"], item["reason"])}
                for key in ("unmatched", "partial") for item in run.result.get(key, [])]
    if part == "scarcity":
        return [{**row, "category_label": TAXONOMY[row["category"]].name}
                if row.get("category") in TAXONOMY else row
                for row in run.result.get(part, [])]
    return list(run.result.get(part, []))
