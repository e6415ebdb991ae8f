"""Importing a needs, resources, units or organizations list from a file, within scope.

A district imports for the district, a street for its street, a community its own needs
(every row, as stored and as it will be, must be one the caller may write;
:func:`api.imports.import_file` checks that and writes the audit lines). Units
declare resources one by one or through their street. The same idempotency key with the
same file returns the first answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

from api.errors import Forbidden, InvalidRequest, ReadOnly
from api.identity import Identity
from api.imports.limits import DEFAULT_LIMITS, ImportLimits
from api.services.idempotency import IdempotencyKeys
from graph import GraphStore, Role

__all__ = ["import_list"]

KINDS = ("needs", "resources", "units", "organizations")


def import_list(store: GraphStore, who: Identity, path: Path, kind: str, *,
                keys: IdempotencyKeys | None = None, key: str | None = None,
                limits: ImportLimits = DEFAULT_LIMITS, source: str | None = None
                ) -> dict[str, Any]:
    from api.imports import import_file

    if kind not in KINDS:
        raise InvalidRequest(f"清单类型只能是 {'、'.join(KINDS)}，收到「{kind}」", field="kind")
    if who.read_only:
        raise ReadOnly("研究人员账号只读，不能导入清单")
    if who.role == Role.COMMUNITY_ORG and kind != "needs":
        raise Forbidden("社区党组织只能导入本社区的需求清单")
    if who.role not in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG):
        raise Forbidden(f"{who.describe()}不能导入清单：请逐条登记资源，或由街道统一导入")
    fingerprint = hashlib.sha256(kind.encode() + b"\0" + path.read_bytes()).hexdigest()

    def compute() -> dict[str, Any]:
        report = import_file(store, path, kind, who=who, limits=limits, source=source)
        return {**asdict(report), "changed": report.changed}

    if keys is None:
        return compute()
    return keys.run(who, f"import:{kind}", key, fingerprint, compute)
